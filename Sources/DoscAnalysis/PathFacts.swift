import CSyntax
import SymbolicAlgebra

/// Conditions known to hold at a point of the walk, each a polynomial `g >= 0` in the
/// function's checked integer parameters (`checkedParameterNames`, named for their values at
/// the call, so a fact stays true wherever it was learned): the conditions of the `if`s whose
/// arm the point is in, and the negation of an earlier `if` in the same block whose arm
/// returns (`if (hi - lo <= CUT) { ...; return; }` leaves `hi - lo - CUT - 1 >= 0`). They are
/// what a recursive call's arguments are compared under (`RecursiveFootprintInduction`).
///
/// A function with a label (`case`, `goto` target) has none: control may reach a point from
/// elsewhere, past the conditions around it.
extension FunctionAnalyzer {
  /// What `condition` says as facts where it holds and where it does not. Only comparisons of
  /// signed integers, and `&&`, `||`, `!` of them (a few levels deep); none where it changes a
  /// variable (`(k-- > 0) && n > k`: the second comparison sees k after the decrement).
  func pathFacts(of condition: Expr, depth: Int = 8) -> ConditionFacts {
    guard depth > 0, !bodyContainsLabel, !condition.changesAVariable else { return ConditionFacts() }
    switch condition.kind {
    case .binary("&&", let a, let b):
      let (first, second) = (pathFacts(of: a, depth: depth - 1), pathFacts(of: b, depth: depth - 1))
      return ConditionFacts(
        then: first.then + second.then, otherwise: [], isDecided: first.isDecided && second.isDecided)
    case .binary("||", let a, let b):
      let (first, second) = (pathFacts(of: a, depth: depth - 1), pathFacts(of: b, depth: depth - 1))
      return ConditionFacts(
        then: [], otherwise: first.otherwise + second.otherwise, isDecided: first.isDecided && second.isDecided)
    case .unary("!", let inner):
      let inverse = pathFacts(of: inner, depth: depth - 1)
      return ConditionFacts(then: inverse.otherwise, otherwise: inverse.then, isDecided: inverse.isDecided)
    case .binary(let op, let a, let b) where ["<", "<=", ">", ">=", "==", "!="].contains(op):
      guard let left = sideValue(a), let right = sideValue(b) else { return ConditionFacts() }
      let difference = left - right
      guard difference.variables.isSubset(of: checkedIntegerParameterNames) else { return ConditionFacts() }
      // `d op 0` for integers: `d < 0` is `-d - 1 >= 0`, its negation `d >= 0`.
      let (then, otherwise): ([Polynomial], [Polynomial])
      switch op {
      case "<": (then, otherwise) = ([-difference - 1], [difference])
      case "<=": (then, otherwise) = ([-difference], [difference - 1])
      case ">": (then, otherwise) = ([difference - 1], [-difference])
      case ">=": (then, otherwise) = ([difference], [-difference - 1])
      case "==": (then, otherwise) = ([difference, -difference], [])
      default: (then, otherwise) = ([], [difference, -difference])
      }
      return ConditionFacts(then: then, otherwise: otherwise, isDecided: true)
    default:
      return ConditionFacts()
    }
  }

  /// The facts of the arm of an `if` that `arm` runs, while it runs.
  func assuming(_ facts: [Polynomial], _ arm: () -> Void) {
    let mark = knownFacts.count
    knownFacts += facts
    arm()
    knownFacts.removeSubrange(mark...)
  }

  /// What holds after `statement` in its block, when it is an `if` one of whose arms cannot
  /// fall through (it ends in a `return`): the other arm's facts.
  func factsAfter(_ statement: Stmt) -> [Polynomial] {
    guard case .ifStatement(let condition, let then, let otherwise) = statement.kind else { return [] }
    let facts = pathFacts(of: condition)
    if then.alwaysReturns && !(otherwise?.alwaysReturns ?? false) { return facts.otherwise }
    if let otherwise, otherwise.alwaysReturns && !then.alwaysReturns { return facts.then }
    return []
  }

  /// The checked parameters that are integers: the only names facts and figures compare.
  var checkedIntegerParameterNames: Set<String> {
    Set(function.parameters.filter { $0.type.kind == .integer }.map(\.name)).intersection(checkedParameterNames)
  }
}

/// What a condition says: facts `g >= 0` where it holds (`then`) and where it does not
/// (`otherwise`), and whether its value is decided by the checked integer parameters alone
/// (every comparison in it is one of theirs): then every evaluation in one invocation gives
/// the same value, and the facts of the arm it takes hold wherever that arm is
/// (`RecursiveCountInduction` walks each arm of such an `if` apart).
struct ConditionFacts: Equatable {
  var then: [Polynomial] = []
  var otherwise: [Polynomial] = []
  var isDecided = false
}

extension Stmt {
  /// Whether control never leaves this statement but by a `return` (no label inside lets it
  /// be entered midway).
  var alwaysReturns: Bool {
    switch kind {
    case .returnStatement: true
    case .compound(let items): !containsLabel && items.contains { $0.alwaysReturns }
    case .ifStatement(_, let then, let otherwise?): then.alwaysReturns && otherwise.alwaysReturns
    default: false
    }
  }
}
