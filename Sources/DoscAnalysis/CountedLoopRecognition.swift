import CSyntax
import SymbolicAlgebra

extension FunctionAnalyzer {
  /// Recognizes `for (i = a; i < b; i += s)` and its variants, with bounds invariant in the
  /// loop; nil for any other loop. A condition `i < b && more` counts by its comparison: the
  /// loop may stop sooner, so the trip count and the range of `i` are upper bounds, which the
  /// figures may be (never smaller than the truth). `stepIsLastInBody`: the step is the body's
  /// last statement, not a `for`'s increment (`FunctionAnalyzer.boundedWhile` has checked that
  /// nothing else in the body assigns the variables `countingOnly`, the only ones it may count).
  func countedLoop(
    _ loop: Stmt, initializer: Stmt?, condition: Expr?, increment: Expr?, stepIsLastInBody: Bool = false,
    runsAtLeastOnce: Bool = false, countingOnly: Set<String>? = nil
  ) -> CountedLoop? {
    guard let condition else { return nil }
    let conjuncts = condition.conjuncts
    for (position, comparison) in conjuncts.enumerated() {
      for test in LoopTest.readings(of: comparison) where countingOnly?.contains(test.variable) ?? true {
        // A step made by the test (`i-- > 0`) runs at every test only in the first conjunct, and
        // is the variable's only step: a do-while's body runs before its first test.
        if test.step != nil {
          guard position == 0, !runsAtLeastOnce, increment?.assigns(test.variable) != true,
            !conjuncts.dropFirst().contains(where: { $0.assigns(test.variable) })
          else { continue }
        }
        // Another conjunct that changes the variable steps it in a way the count does not know.
        guard
          !conjuncts.enumerated().contains(where: { $0.offset != position && $0.element.assigns(test.variable) })
        else { continue }
        if var counted = countedLoop(
          loop, initializer: initializer, test: test, increment: increment, stepIsLastInBody: stepIsLastInBody)
        {
          counted.testPosition = position
          counted.isUnsigned = test.isUnsigned
          return runsAtLeastOnce ? counted.runningAtLeastOnce : counted
        }
      }
    }
    return nil
  }

  private func countedLoop(
    _ loop: Stmt, initializer: Stmt?, test: LoopTest, increment: Expr?, stepIsLastInBody: Bool
  ) -> CountedLoop? {
    var op = test.op
    let variable = test.variable
    // Its address taken, the variable may change through a pointer anywhere (`int *ip = &i;`
    // before the loop, `(*ip)--` in it): no trip count.
    guard !mutations.addressTaken.contains(variable) else { return nil }
    var start: Polynomial?
    // A pointer walked over a parameter's memory (`for (p = a + lo; p < a + hi; p++)`) counts
    // by its offset into it, in elements; the header's assignments have run.
    var pointerInto: Int?
    var renamed = false
    if walkedPointerNames.contains(variable) {
      guard case .parameter(let index, let offset?)? = pointers[variable] else { return nil }
      (start, pointerInto) = (offset, index)
    } else if walkedScalarNames.contains(variable) {
      // The header's assignments have run (`for (i = i + 1; ...)` must not add 1 twice): the
      // value `ScalarWalks` followed to here is the start, or there is none.
      start = scalars[variable]
    } else {
      switch initializer?.kind {
      case .declaration(let variables)?:
        start = variables.last(where: { $0.name == variable })?.initializer.flatMap {
          evaluateQuietly($0).polynomial
        }
      case .expression(let expression)?:
        // `for (j = 0, p = in; ...)`: the last assignment to the variable gives its start.
        for part in expression.commaSeparated.reversed() {
          if case .binary("=", let target, let value) = part.kind, target.assignedName == variable {
            start = evaluateQuietly(value).polynomial
            break
          }
        }
      default: break
      }
      // `while (n-- > 0)` on a parameter that nothing else changes: from its value at the call.
      // `n--` counts as two assignments, `n -= 1` as one (`MutationFacts`).
      let stepPart = increment?.commaSeparated.first { $0.assigns(variable) }
      var stepAssignments = 1
      if test.step != nil { stepAssignments = 2 } else if case .unary? = stepPart?.kind { stepAssignments = 2 }
      if start == nil, initializer == nil, isCountedParameter(variable, stepAssignments: stepAssignments) {
        (start, renamed) = (.variable(variable), true)
      }
    }
    // The step as its size and direction: a constant, or a parameter's value (`i += stride`).
    let magnitude: Polynomial
    let ascending: Bool
    var scaling: LoopScaling?
    if let testStep = test.step {
      (magnitude, ascending) = (Polynomial(abs(testStep.amount)), testStep.amount > 0)
    } else {
      // `++j, p += m`: one part steps the variable, the others leave it alone.
      guard let increment else { return nil }
      let parts = increment.commaSeparated
      let steps = parts.compactMap { self.step(of: $0, changing: variable) }
      let scalings = parts.compactMap { LoopScaling(of: $0, changing: variable) }
      guard steps.count + scalings.count == 1, parts.filter({ $0.assigns(variable) }).count == 1 else {
        return nil
      }
      if let only = steps.first {
        (magnitude, ascending) = only
      } else {
        // `s *= 2`, `m /= 2`: no arithmetic sequence (`CountedLoopScaling`).
        scaling = scalings[0]
        (magnitude, ascending) = (.one, scalings[0].ascending)
      }
    }
    /// The signed step, what one iteration adds.
    let step = ascending ? magnitude : -magnitude
    guard var start else { return nil }
    guard stepIsLastInBody || !(mutations.modifiedInLoopBody[loop.range.lowerBound] ?? []).contains(variable)
    else { return nil }

    // The bound must not change while the loop runs.
    let modified = mutations.modifiedInLoop[loop.range.lowerBound] ?? []
    var bound = Polynomial.zero
    // How much the bound moves per iteration: `j` in `for (i = lo, j = hi; i < j; i++, j--)`.
    var drift = 0
    if let boundExpr = test.bound {
      let moving = boundExpr.names.intersection(modified).subtracting([variable])
      guard !boundExpr.names.contains(variable) else { return nil }
      if let pointerInto {
        guard moving.isEmpty, case .pointer(.parameter(pointerInto, let offset?)) = evaluateQuietly(boundExpr)
        else { return nil }
        bound = offset
      } else if moving.isEmpty {
        guard let value = evaluateQuietly(boundExpr).polynomial else { return nil }
        bound = value
      } else {
        guard test.step == nil, let (value, perIteration) = movingBound(boundExpr, moving, loop, increment: increment)
        else { return nil }
        (bound, drift) = (value, perIteration)
      }
    }
    if let offset = test.offset {
      // `i + k op b` is `i op b - k`, with k the same at every test.
      guard pointerInto == nil, !offset.amount.names.contains(variable),
        offset.amount.names.isDisjoint(with: modified), let amount = evaluateQuietly(offset.amount).polynomial
      else { return nil }
      bound = offset.subtracted ? bound + amount : bound - amount
    }
    if let scaling {
      guard drift == 0, pointerInto == nil, test.bound != nil, test.narrowRange == nil else { return nil }
      return scaledLoop(loop, test: test, start: start, bound: bound, scaling: scaling, renamed: renamed)
    }
    if drift != 0 {
      guard let constantStep = step.integerValue, pointerInto == nil else { return nil }
      return convergingLoop(
        loop, variable: variable, start: start, step: constantStep, op: op, bound: bound, drift: drift)
    }
    let testedBound = bound
    if let testStep = test.step {
      // The body sees the stepped value; a test after the step (`i-- > b`) compared the value
      // before it: `v op b` then holds of the body's value v as `v op b + step`.
      start = start + step
      if testStep.afterTest { bound = bound + step }
    }

    // An unsigned variable counted down wraps past 0 to its largest value unless the test
    // stops it at least one step above 0: `i >= b` needs b >= step, `i > b` needs b >= step - 1
    // (`i >= 1; i -= 2` from an odd start reaches 1, then 2^32 - 1). A test's own step (`i-- > b`)
    // compared the value before it, and the body's value is never below 0 where b >= 0; one
    // before it (`--i > 0`) wraps at the start 0.
    if test.isUnsigned && !ascending {
      guard let size = magnitude.integerValue else { return nil }
      let least = test.step != nil ? (op == ">=" ? 1 : 0) : (op == ">=" ? size : size - 1)
      guard let constant = testedBound.integerValue, constant >= least, op == ">=" || op == ">" || op == "!="
      else { return nil }
      if let testStep = test.step, !testStep.afterTest, !((start - step).integerValue.map { $0 >= 1 } ?? false) {
        return nil
      }
    }
    let first: Polynomial
    let last: Polynomial
    let trips: Polynomial
    let unit = magnitude == .one
    // `i != n` stepping by one stops where `i < n` (or `i > n`) would; a larger step may skip n.
    if op == "!=" && unit { op = ascending ? "<" : ">" }
    switch (op, ascending) {
    case ("<", true):
      trips = unit ? bound - start : (bound - start + magnitude - 1) / magnitude
      first = start
      last = unit ? bound - 1 : start + (trips - 1) * magnitude
    case ("<=", true):
      trips = unit ? bound - start + 1 : (bound - start + magnitude) / magnitude
      first = start
      last = unit ? bound : start + (trips - 1) * magnitude
    case (">", false):
      trips = unit ? start - bound : (start - bound + magnitude - 1) / magnitude
      last = start
      first = unit ? bound + 1 : start - (trips - 1) * magnitude
    case (">=", false):
      trips = unit ? start - bound + 1 : (start - bound + magnitude) / magnitude
      last = start
      first = unit ? bound : start - (trips - 1) * magnitude
    default:
      return nil
    }
    if let range = test.narrowRange,
      !narrowVariableStaysInRange(
        range, first: first, last: last, step: step.integerValue, ordered: test.op != "!=", loop: loop)
    {
      return nil
    }
    // `i < bound`: the last value is within one step below the bound.
    let lastAtLeast: Polynomial? =
      switch op {
      case "<" where ascending: bound - magnitude
      case "<=" where ascending: bound - magnitude + 1
      default: nil
      }
    // Counting down, every value the body sees passed the test: at least the bound (`i >= b`),
    // or one more (`i > b`), where `first` (`start - (trips - 1) * step`) may not show it.
    let valuesAtLeast: Polynomial? =
      switch op {
      case ">=" where !ascending: bound
      case ">" where !ascending: bound + 1
      default: nil
      }
    return CountedLoop(
      variable: renamed ? variable + "#loop" : variable, renamedFrom: renamed ? variable : nil, first: first,
      last: last, step: magnitude, ascending: ascending, tripCount: trips, location: loop.location,
      lastAtLeast: lastAtLeast, valuesAtLeast: valuesAtLeast, pointerInto: pointerInto)
  }

  /// A bound that second induction variables move (`i < j` with `j--` once per iteration): its
  /// value at the loop's entry and the constant amount it moves per iteration; nil when it is
  /// not affine in them, or they move otherwise.
  private func movingBound(_ bound: Expr, _ moving: Set<String>, _ loop: Stmt, increment: Expr?) -> (
    Polynomial, Int
  )? {
    guard case .forLoop(_, let condition, _, let body) = loop.kind else { return nil }
    let modified = mutations.modifiedInLoop[loop.range.lowerBound] ?? []
    let saved = scalars
    defer { scalars = saved }
    var drift = Polynomial.zero
    for name in moving.sorted() {
      guard walkedScalarNames.contains(name), scalars[name] != nil,
        let perIteration = stepPerIteration(
          of: name, modified: modified, condition: condition, increment: increment, body: body)
      else { return nil }
      // Stated in a probe for the name, to read the bound's slope in it.
      scalars[name] = .variable(name + "#probe")
      drift += Polynomial.variable(name + "#probe") * perIteration
    }
    guard let probed = evaluateQuietly(bound).polynomial else { return nil }
    var atEntry = probed
    var moved = probed
    for name in moving {
      guard probed.degree(in: name + "#probe") <= 1 else { return nil }
      atEntry = atEntry.substituting(name + "#probe", with: saved[name]!)
    }
    // The bound one iteration later, less the bound now: constant when it moves evenly.
    for name in moving {
      let perIteration = drift.coefficients(of: name + "#probe")[1] ?? .zero
      moved = moved.substituting(name + "#probe", with: .variable(name + "#probe") + perIteration)
    }
    guard let perIteration = (moved - probed).integerValue else { return nil }
    return (atEntry, perIteration)
  }

  /// `for (i = lo, j = hi; i < j; i++, j--)`: the variable and its bound close in on each other
  /// by `step - drift` per iteration, so the loop runs ceil((bound - start) / (step - drift))
  /// times (C's division rounds a negative quotient up: more trips, none of them run). Nil when
  /// they do not close in.
  private func convergingLoop(
    _ loop: Stmt, variable: String, start: Polynomial, step: Int, op: String, bound: Polynomial, drift: Int
  ) -> CountedLoop? {
    // `v < b` as `closing * t < gap` (`<=`: `closing * t <= gap`), t the iteration from 0.
    let (closing, gap, inclusive): (Int, Polynomial, Bool)
    switch op {
    case "<", "<=": (closing, gap, inclusive) = (step - drift, bound - start, op == "<=")
    case ">", ">=": (closing, gap, inclusive) = (drift - step, start - bound, op == ">=")
    default: return nil
    }
    guard closing > 0 else { return nil }
    let trips = (gap + (inclusive ? closing : closing - 1)) / Polynomial(closing)
    let farthest = start + (trips - 1) * step
    return CountedLoop(
      variable: variable, first: step > 0 ? start : farthest, last: step > 0 ? farthest : start,
      step: Polynomial(abs(step)),
      ascending: step > 0, tripCount: trips, location: loop.location)
  }

  /// The amount `increment` adds to `variable` (`i++`, `--i`, `i += 2`, `i -= stride`) as its
  /// size and whether it counts up; nil when it changes anything else, or by an amount that is
  /// neither a non-zero constant nor a `stepParameter`.
  private func step(of increment: Expr, changing variable: String) -> (Polynomial, ascending: Bool)? {
    switch increment.kind {
    case .unary(let op, let target) where target.assignedName == variable:
      switch op {
      case "++", "post++": return (.one, true)
      case "--", "post--": return (.one, false)
      default: return nil
      }
    case .binary("=", let target, let value) where target.assignedName == variable:
      // `i = i - 1`, `i = i + s`, `i = s + i`: C's `i -= 1` written out, the same value.
      guard let (op, amount) = value.compoundStep(of: variable) else { return nil }
      return step(op, target, by: amount)
    case .binary(let op, let target, let amount) where target.assignedName == variable && (op == "+=" || op == "-="):
      return step(op, target, by: amount)
    default:
      return nil
    }
  }

  /// The step `target op amount` (`op` is `+=` or `-=`) as its size and whether it counts up.
  private func step(_ op: String, _ target: Expr, by amount: Expr) -> (Polynomial, ascending: Bool)? {
    guard let value = evaluateQuietly(amount).polynomial else { return nil }
    if let constant = value.integerValue {
      guard constant != 0 else { return nil }
      return (Polynomial(abs(constant)), (constant > 0) == (op == "+="))
    }
    guard stepParameter(value, amount: amount, variable: target) else { return nil }
    return (value, op == "+=")
  }

  /// Whether a step that is not a constant is one the figures may count by (`i += stride`,
  /// `i -= 2 * s`): a sum of products of signed integer parameters the function never changes,
  /// with positive coefficients, stepping a signed variable of `int` or wider, or a 64-bit
  /// unsigned one (`size_t i; i += T`). Figures assume those parameters are not negative (a
  /// spawn where one is stays on rank 0: SPEC-additions, section 1), and they are in the
  /// footprint wherever the loop's values are (its last value is `start + stride * ((bound -
  /// start - 1) / stride)`). A zero step never ends the loop and touches its first value only;
  /// the figures' quotients by 0 are 0 at a spawn. A signed step is below 2^63, so a 64-bit
  /// unsigned variable wraps only past a value of 2^63 or more, which indexes no object, as a
  /// constant step's; a 32-bit one may wrap at 2^32 - s, an index an array may have, back
  /// below its start, and an unsigned step (`size_t s` of 2^64 - 1 counts down) is not checked
  /// at the spawn.
  private func stepParameter(_ value: Polynomial, amount: Expr, variable: Expr) -> Bool {
    guard amount.type.kind == .integer, !amount.type.isUnsigned, variable.type.kind == .integer,
      (variable.type.size ?? 0) >= (variable.type.isUnsigned ? 8 : 4), !value.isOverflow
    else { return false }
    let parameters = Set(
      function.parameters.filter { $0.type.kind == .integer && !$0.type.isUnsigned && !mutations.isModified($0.name) }
        .map(\.name))
    return value.variables.isSubset(of: parameters)
      && value.terms.allSatisfy { monomial, coefficient in
        coefficient.isInteger && coefficient > .zero
          && monomial.factors.allSatisfy { if case .variable = $0.atom { true } else { false } }
      }
  }
}

extension FunctionAnalyzer {
  /// Whether a variable narrower than `int` takes only the values `[first, last]`: both
  /// constants in its type's range, in order; or, stepping by one under an ordered test (`<`,
  /// `>=`, ...), where a wrap (the bound past the type's values) never ends the loop: it comes
  /// back to the start from the type's least value up (its greatest down), and else the loop
  /// runs forever, as it has no way out but its test (no `break`, `return`, `goto`, call).
  fileprivate func narrowVariableStaysInRange(
    _ range: ClosedRange<Int>, first: Polynomial, last: Polynomial, step: Int?, ordered: Bool, loop: Stmt
  ) -> Bool {
    if let low = first.integerValue, let high = last.integerValue, low <= high, range.contains(low),
      range.contains(high)
    {
      return true
    }
    // A step that is a parameter's value (`c += s`) may jump past the type's ends.
    guard ordered, let step, abs(step) == 1 else { return false }
    if step > 0 ? first.integerValue == range.lowerBound : last.integerValue == range.upperBound { return true }
    var leaves = false
    SyntaxWalk.forEachStatement(in: loop) { node in
      switch node.kind {
      case .returnStatement, .gotoStatement, .breakStatement, .unsupported: leaves = true
      default: break
      }
    }
    SyntaxWalk.forEachExpression(in: loop) { expression in
      switch expression.kind {
      case .call, .unsupported: leaves = true
      default: break
      }
    }
    return !leaves
  }
}

extension CType {
  /// The values of an integer type narrower than `int`, whose arithmetic is `int`'s but whose
  /// stores wrap; nil for others.
  fileprivate var narrowRange: ClosedRange<Int>? {
    guard let size, size < 4 else { return nil }
    return integerRange
  }
}

/// A loop's test read as `variable op bound`: `i < n`, `n > i` (mirrored), and tests that step
/// the variable themselves, `i-- > 0`, `--i >= lo`, `i--` (as `i-- != 0`); and unrolled loops'
/// `i + 4 <= n`, `i - 1 >= lo` (`offset`).
struct LoopTest {
  var op: String
  var variable: String
  /// Nil: 0 (a test of the variable's truth).
  var bound: Expr?
  /// The test compares `variable + amount` (`variable - amount` when `subtracted`), not the
  /// variable: its own bound is `bound - amount` (`i + 4 <= n` is `i <= n - 4`).
  var offset: (amount: Expr, subtracted: Bool)? = nil
  /// The test's own step of the variable, before (`--i`) or after (`i--`) its comparison.
  var step: (amount: Int, afterTest: Bool)?
  /// An unsigned variable wraps from 0 to its largest value: `i >= 0` always holds.
  var isUnsigned = false
  /// The values of a variable narrower than `int` (`unsigned char c`), which its steps wrap
  /// around (`for (c = 250; c != 4; c++)` runs 10 times); nil for others.
  var narrowRange: ClosedRange<Int>? = nil

  /// Each way `comparison` reads as a test of a variable (either side of a comparison).
  static func readings(of comparison: Expr) -> [LoopTest] {
    switch comparison.kind {
    case .binary(let op, let lhs, let rhs) where mirrored[op] != nil:
      var readings: [LoopTest] = []
      if let (variable, step) = steppedName(lhs) {
        readings.append(
          LoopTest(
            op: op, variable: variable, bound: rhs, step: step, isUnsigned: lhs.type.isUnsigned,
            narrowRange: lhs.type.narrowRange))
      }
      if let (variable, step) = steppedName(rhs) {
        readings.append(
          LoopTest(
            op: mirrored[op]!, variable: variable, bound: lhs, step: step, isUnsigned: rhs.type.isUnsigned,
            narrowRange: rhs.type.narrowRange))
      }
      for (variable, offset) in offsetNames(lhs) {
        readings.append(
          LoopTest(op: op, variable: variable, bound: rhs, offset: offset, isUnsigned: lhs.type.isUnsigned))
      }
      for (variable, offset) in offsetNames(rhs) {
        readings.append(
          LoopTest(op: mirrored[op]!, variable: variable, bound: lhs, offset: offset, isUnsigned: rhs.type.isUnsigned))
      }
      return readings
    case .unary:
      guard let (variable, step) = steppedName(comparison), step != nil else { return [] }
      return [
        LoopTest(
          op: "!=", variable: variable, bound: nil, step: step, isUnsigned: comparison.type.isUnsigned,
          narrowRange: comparison.type.narrowRange)
      ]
    default:
      return []
    }
  }

  private static let mirrored = ["<": ">", ">": "<", "<=": ">=", ">=": "<=", "!=": "!="]

  /// `v + k`, `k + v`, `v - k`: each variable it may be read as, with its offset (`k + i` is
  /// `k` offset by `i` and `i` offset by `k`: the loop's step decides), where the sum's
  /// arithmetic is the variable's own (no narrower type promoted, no signedness changed).
  /// Unsigned, only `v + k` with a constant k >= 0: `v - 1` at v = 0 wraps to the largest value,
  /// which no bound minus an amount states.
  private static func offsetNames(_ expression: Expr) -> [(String, (amount: Expr, subtracted: Bool))] {
    guard case .binary(let op, let left, let right) = expression.kind, op == "+" || op == "-" else { return [] }
    let candidates = op == "+" ? [(left, right), (right, left)] : [(left, right)]
    var names: [(String, (amount: Expr, subtracted: Bool))] = []
    for (term, amount) in candidates {
      guard let name = term.assignedName, term.type.kind == .integer, term.type.narrowRange == nil,
        term.type.size == expression.type.size, term.type.isUnsigned == expression.type.isUnsigned
      else { continue }
      if expression.type.isUnsigned {
        guard op == "+", let constant = RecursionMeasureAnalysis.integerConstant(amount), constant >= 0 else {
          continue
        }
      }
      names.append((name, (amount, op == "-")))
    }
    return names
  }

  /// `v`, `v++`, `v--`, `++v`, `--v`: the variable and the step.
  private static func steppedName(_ expression: Expr) -> (String, (amount: Int, afterTest: Bool)?)? {
    if let name = expression.assignedName { return (name, nil) }
    guard case .unary(let op, let target) = expression.kind, let name = target.assignedName else { return nil }
    switch op {
    case "++": return (name, (1, false))
    case "--": return (name, (-1, false))
    case "post++": return (name, (1, true))
    case "post--": return (name, (-1, true))
    default: return nil
    }
  }
}

extension Expr {
  /// This value, assigned to `variable`, as the compound step it spells (`i - 1` is `-=` of
  /// `1`, `s + i` is `+=` of `s`): C defines `i op= e` as `i = i op e`. Nil for another value.
  func compoundStep(of variable: String) -> (op: String, amount: Expr)? {
    switch kind {
    case .binary("+", let a, let b) where a.assignedName == variable && !b.assigns(variable): ("+=", b)
    case .binary("+", let a, let b) where b.assignedName == variable && !a.assigns(variable): ("+=", a)
    case .binary("-", let a, let b) where a.assignedName == variable && !b.assigns(variable): ("-=", b)
    default: nil
    }
  }

  /// `a, b, c` as its parts; any other expression as itself.
  var commaSeparated: [Expr] {
    if case .binary(",", let a, let b) = kind { return a.commaSeparated + b.commaSeparated }
    return [self]
  }

  /// Whether evaluating this expression may change the variable `name`.
  func assigns(_ name: String) -> Bool {
    nameAssignedHere == name || children.contains { $0.assigns(name) }
  }

  /// Whether evaluating this expression may change any variable (`k++`, `x = 1`, `&k`).
  var changesAVariable: Bool {
    nameAssignedHere != nil || children.contains { $0.changesAVariable }
  }

  /// The variable this operator itself (not an operand) may change.
  var nameAssignedHere: String? {
    switch kind {
    case .binary(let op, let target, _) where op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op):
      target.assignedName
    case .unary(let op, let target) where op.contains("++") || op.contains("--") || op == "&":
      target.assignedName
    default: nil
    }
  }
}

extension Expr {
  /// `a && b && c` as `[a, b, c]`; any other expression as itself.
  var conjuncts: [Expr] {
    if case .binary("&&", let left, let right) = kind { return left.conjuncts + right.conjuncts }
    return [self]
  }
}
