import CSyntax
import SymbolicAlgebra

/// Conditions that bound a counted loop's variable inside one arm of an `if` or a `?:`
/// (`if (i > 0) out[i - 1] = ...`, `i < n - 1 ? in[i + 1] : 0`): the accesses in that arm
/// are widened over the values the variable can have there, not over the whole loop. Without
/// this, a boundary guard's footprint reaches one element outside the array (`out[lo - 1]` at
/// lo = 0), which a task run remotely would ship: a read outside the object, which crashes
/// when the object starts a page.
struct LoopGuard {
  var variable: String
  /// The variable is at least `lower` (at most `upper`) in the guarded arm.
  var lower: Polynomial?
  var upper: Polynomial?
}

extension FunctionAnalyzer {
  /// What `condition` says about counted loop variables when it holds (`then`) and when it
  /// does not (`otherwise`). Only comparisons of a loop variable with a value the loop does
  /// not change, and `&&` of them (which bounds only the arm where all hold).
  ///
  /// None for a condition that changes a variable (`i > k++`, `(i > k) && (k = 2)`): a
  /// comparison in it may see a value from before a change the walk has already made.
  func loopGuards(_ condition: Expr) -> (then: [LoopGuard], otherwise: [LoopGuard]) {
    guard !condition.changesAVariable else { return ([], []) }
    return guards(of: condition, depth: 32)
  }

  /// Only the first `depth` levels of `&&`, `||` and `!` are looked into: each operand of a
  /// chain `c1 && c2 && ... && cn` asks for the guards of the chain to its left, so looking
  /// into all of it costs n^2. Fewer guards only leave an arm's ranges wider.
  private func guards(of condition: Expr, depth: Int) -> (then: [LoopGuard], otherwise: [LoopGuard]) {
    guard depth > 0 else { return ([], []) }
    switch condition.kind {
    case .binary("&&", let a, let b):
      return (guards(of: a, depth: depth - 1).then + guards(of: b, depth: depth - 1).then, [])
    case .binary("||", let a, let b):
      return ([], guards(of: a, depth: depth - 1).otherwise + guards(of: b, depth: depth - 1).otherwise)
    case .unary("!", let inner):
      let inverse = guards(of: inner, depth: depth - 1)
      return (inverse.otherwise, inverse.then)
    case .binary(let op, let a, let b) where ["<", "<=", ">", ">=", "==", "!="].contains(op):
      // `a op b` as `d op 0` with d = a - b; d = v + rest (or -v + rest) for a loop variable v.
      guard let left = sideValue(a), let right = sideValue(b) else { return ([], []) }
      let difference = left - right
      for frame in loopStack.reversed() {
        guard let variable = frame.counted?.variable, difference.degree(in: variable) == 1,
          let slope = difference.coefficients(of: variable)[1]?.integerValue, slope == 1 || slope == -1
        else { continue }
        let rest = difference - Polynomial.variable(variable) * Polynomial(slope)
        guard !rest.mentions(variable) else { continue }
        // v + rest op 0: v op -rest. -v + rest op 0: v (op mirrored) rest.
        let (bound, relation) = slope == 1 ? (-rest, op) : (rest, mirrored[op]!)
        if relation == "==" || relation == "!=" {
          let arms = equality(variable, bound, loop: frame.counted!)
          return relation == "==" ? arms : (arms.otherwise, arms.then)
        }
        return comparison(variable, relation, bound)
      }
      return ([], [])
    default:
      return ([], [])
    }
  }

  private var mirrored: [String: String] { ["<": ">", "<=": ">=", ">": "<", ">=": "<=", "==": "==", "!=": "!="] }

  /// `variable == bound`: the variable is the bound where it holds; where it does not, it is
  /// past the loop's first (last) value only when the bound is that value (`i == lo ? ... :
  /// in[i - 1]`), or 0, which no value of a loop's variable is below (`forLoop` counts no
  /// other: `r == 0 ? c : c - n`), since otherwise the excluded value may be anywhere in the loop.
  private func equality(_ variable: String, _ bound: Polynomial, loop: CountedLoop) -> (
    then: [LoopGuard], otherwise: [LoopGuard]
  ) {
    let then = [LoopGuard(variable: variable, lower: bound, upper: bound)]
    if (bound - loop.first).isZero || bound.isZero {
      return (then, [LoopGuard(variable: variable, lower: bound + .one, upper: nil)])
    }
    if (bound - loop.last).isZero { return (then, [LoopGuard(variable: variable, lower: nil, upper: bound - .one)]) }
    return (then, [])
  }

  /// `variable op bound`, for integers: `i > c` is `i >= c + 1`, and its negation `i <= c`.
  private func comparison(_ variable: String, _ op: String, _ bound: Polynomial) -> (
    then: [LoopGuard], otherwise: [LoopGuard]
  ) {
    let atLeast = { LoopGuard(variable: variable, lower: $0, upper: nil) }
    let atMost = { LoopGuard(variable: variable, lower: nil, upper: $0) }
    switch op {
    case ">": return ([atLeast(bound + .one)], [atMost(bound)])
    case ">=": return ([atLeast(bound)], [atMost(bound - .one)])
    case "<": return ([atMost(bound - .one)], [atLeast(bound)])
    default: return ([atMost(bound)], [atLeast(bound + .one)])
    }
  }

  /// One side of a comparison as a polynomial in values the loops do not change, besides
  /// their own variables (a variable counted from its least value is its symbol `i#from`,
  /// `CountedLoop.countedFromLeast`); the walk's state (work, accesses, bindings) is left as it
  /// was, since the condition has been evaluated already. Nil for an unsigned side: the
  /// comparison is then made modulo 2^N (`i < n - 1` with an unsigned n = 0 holds for every i).
  func sideValue(_ expression: Expr) -> Polynomial? {
    guard expression.type.kind == .integer, !expression.type.isUnsigned else { return nil }
    let saved = (summary, scalars, pointers)
    defer { (summary, scalars, pointers) = saved }
    let countedFromLeast = Set(loopStack.compactMap { $0.counted?.origin != nil ? $0.counted?.variable : nil })
    guard let value = evaluate(expression).polynomial,
      !value.variables.contains(where: { $0.contains("#") && !countedFromLeast.contains($0) })
    else {
      return nil
    }
    return value
  }

  /// What holds of the loop variables in the rest of a block after `statement`, when it is an
  /// `if` one of whose arms jumps away (`if (i - 1 < 0 || i + 1 >= n) continue;`, a `break`,
  /// a `return`): the rest runs only where the other arm ran, whichever loop or `switch` the
  /// jump leaves. None when a label inside the `if` or the rest lets control reach the rest
  /// without the test (a `case` after it, a `goto` target).
  func narrowingAfter(_ statement: Stmt, rest: ArraySlice<Stmt>) -> [LoopGuard] {
    guard case .ifStatement(let condition, let then, let otherwise) = statement.kind, !rest.isEmpty,
      loopStack.contains(where: { $0.counted != nil })
    else { return [] }
    let thenJumps = then.jumpsAway
    guard thenJumps != (otherwise?.jumpsAway ?? false), !statement.containsLabel, !rest.contains(where: \.containsLabel)
    else { return [] }
    let guards = loopGuards(condition)
    return thenJumps ? guards.otherwise : guards.then
  }

  /// Walks `rest` (the rest of a block) on a fresh summary, narrows what it touched by
  /// `guards`, and adds it after what ran before.
  func runNarrowed(by guards: [LoopGuard], _ rest: () -> Void) {
    let before = summary
    summary = AccessSummary()
    rest()
    bound(&summary, by: guards)
    let after = summary
    summary = before
    summary.merge(sequential: after)
  }

  /// Widens the ranges an arm touched over the values its guards leave the loop variables:
  /// what remains mentions those variables no more, so the loops' own widening keeps it.
  func bound(_ arm: inout AccessSummary, by guards: [LoopGuard]) {
    let loops = guardedLoops(guards)
    guard !loops.isEmpty else { return }
    for (index, access) in arm.parameters {
      var bounded = access
      (bounded.ranges, bounded.writeRanges) = access.mappingRanges { narrowed($0, over: loops) }
      arm.parameters[index] = bounded
    }
  }

  /// The open counted loops whose variables `guards` bound, each running over the values they
  /// leave it. All the guards of one variable at once (`j >= 1 && j + 1 < n`): once widened
  /// over one of them, a range no longer mentions the variable.
  func guardedLoops(_ guards: [LoopGuard]) -> [CountedLoop] {
    Set(guards.map(\.variable)).sorted().compactMap { variable in
      guard var guarded = loopStack.last(where: { $0.counted?.variable == variable })?.counted else { return nil }
      for loopGuard in guards where loopGuard.variable == variable {
        if let lower = loopGuard.lower { guarded.first = .maximum(guarded.first, lower) }
        if let upper = loopGuard.upper { guarded.last = .minimum(guarded.last, upper) }
      }
      return guarded
    }
  }

  /// `range` widened over each of `loops` (`guardedLoops`); kept where it cannot be.
  func narrowed(_ range: IndexRange, over loops: [CountedLoop]) -> IndexRange {
    loops.reduce(range) { range, loop in loop.widen(range) ?? range }
  }
}

extension Stmt {
  /// Whether control never goes on to the statement after this one: every path through it
  /// ends in a `return`, `break` or `continue` of its own (a jump inside a loop or `switch`
  /// in it may only leave that), and no label inside lets it be entered midway.
  var jumpsAway: Bool {
    switch kind {
    case .returnStatement, .breakStatement, .continueStatement: true
    case .compound(let items): !containsLabel && items.contains { $0.jumpsAway }
    case .ifStatement(_, let then, let otherwise?): then.jumpsAway && otherwise.jumpsAway
    default: false
    }
  }
}
