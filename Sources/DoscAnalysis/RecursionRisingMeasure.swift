import CSyntax
import DoscManifest

/// A recursion bounded by a parameter rising towards another (a search's depth `j` towards
/// `n`, n-queens' `nqueens(n, j + 1, b)` under `if (j == n) return 1;`): every call passes
/// `j + K` (K >= 1) and the bound unchanged, and a test stops the calls when `j` reaches it.
/// The measure is `n - j`, which each call decreases by K: the same recurrence as a falling
/// parameter's (`Manifest.RecursionMeasure`, `bound` set).
///
/// The test is a top-level `if (T) return ...;` before the first recursive call, or a
/// top-level `if (G) { ... }` that holds every recursive call, comparing `j` with `n + c`:
/// - calls only while `j < n + c` (`j <= n + c`): base 1 - c (-c) in the measure's terms;
/// - calls only while `j != n + c`: they stop where `j` meets `n + c` exactly, so only when
///   every call passes `j + 1` and from a start `j <= n + c` (a start past it never meets the
///   base: the recursion does not end by it, and the program does not end either). Base 1 - c.
extension RecursionMeasureAnalysis {
  /// What the calls need of `j` against `n + c`.
  enum RisingTest: Equatable {
    /// The calls run only while the measure `n - j` >= this.
    case atLeast(Int)
    /// The calls run only while the measure differs from this.
    case notEqual(Int)
  }

  /// Nil when the parameter at `parameterIndex` is not passed as `p + K` to every call.
  static func risingMeasure(
    _ function: FunctionDefinition, parameterIndex: Int, calls: [RecursiveCall], unchanged: Set<String>
  ) -> Outcome? {
    guard let steps = steps(of: calls, parameterIndex: parameterIndex, sign: -1) else { return nil }
    let name = function.parameters[parameterIndex].name
    var reasons: [String] = []
    for (boundIndex, bound) in function.parameters.enumerated()
    where bound.type.kind == .integer && boundIndex != parameterIndex && unchanged.contains(bound.name) {
      guard let test = risingTest(function, parameterIndex: parameterIndex, boundIndex: boundIndex) else {
        reasons.append(
          "'\(name)' rises towards '\(bound.name)', but no 'if (\(name) >= \(bound.name)) return' comes before "
            + "the recursive calls, nor do they all sit in an 'if (\(name) < \(bound.name))'")
        continue
      }
      switch test {
      case .atLeast(let base):
        return .found(
          withLowerBound(
            Manifest.RecursionMeasure(parameter: name, base: base, decrements: steps, bound: bound.name), function,
            parameterIndex: parameterIndex, boundIndex: boundIndex))
      case .notEqual(let value):
        guard steps.allSatisfy({ $0 == 1 }) else {
          reasons.append(
            "the calls stop only where '\(name)' equals '\(bound.name)', and a call that passes '\(name) + K' "
              + "with K > 1 may step past it")
          continue
        }
        return .found(
          withLowerBound(
            Manifest.RecursionMeasure(parameter: name, base: value + 1, decrements: steps, bound: bound.name),
            function, parameterIndex: parameterIndex, boundIndex: boundIndex))
      }
    }
    if reasons.isEmpty {
      reasons.append("'\(name)' rises, but no integer parameter that every recursive call passes unchanged bounds it")
    }
    return .unknown(reasons)
  }

  /// The measure with its lower bound where every call is surely made
  /// (`RecursionLowerBoundAnalysis`, its base tests read in the measure's terms). A caller that
  /// finds the calls in loops (a `fan_out`) drops it: it counts straight-line calls only.
  private static func withLowerBound(
    _ measure: Manifest.RecursionMeasure, _ function: FunctionDefinition, parameterIndex: Int, boundIndex: Int
  ) -> Manifest.RecursionMeasure {
    var measure = measure
    measure.lowerBound = RecursionLowerBoundAnalysis.lowerBound(
      of: function, measure: measure, parameterIndex: parameterIndex, boundIndex: boundIndex)
    return measure
  }

  /// The test that stops the calls: from a base `if (T) return` before them (the calls need
  /// T false), or a top-level `if (G)` around every one of them (they need G true, or false
  /// when they are all in its `else`).
  private static func risingTest(_ function: FunctionDefinition, parameterIndex: Int, boundIndex: Int) -> RisingTest? {
    guard case .compound(let statements) = function.body.kind else { return nil }
    let comparison = { (expression: Expr) in
      risingComparison(expression, parameterIndex: parameterIndex, boundIndex: boundIndex)
    }
    let holding = statements.filter { containsRecursiveCall($0, function.name) }
    if holding.count == 1, case .ifStatement(let guardCondition, let then, let otherwise) = holding[0].kind,
      !callsItself(guardCondition, function.name)
    {
      let inThen = containsRecursiveCall(then, function.name)
      let inElse = otherwise.map { containsRecursiveCall($0, function.name) } ?? false
      if inThen && !inElse, let test = requirement(guardCondition, holds: true, comparison) { return test }
      if inElse && !inThen, let test = requirement(guardCondition, holds: false, comparison) { return test }
    }
    for statement in statements {
      if containsRecursiveCall(statement, function.name) { return nil }
      guard case .ifStatement(let condition, let then, _) = statement.kind, alwaysReturns(then) else { continue }
      if let test = requirement(condition, holds: false, comparison) { return test }
    }
    return nil
  }

  /// What the calls need of the measure when `condition` has the truth value `holds`.
  private static func requirement(
    _ condition: Expr, holds: Bool, _ comparison: (Expr) -> (op: String, offset: Int)?
  ) -> RisingTest? {
    var expression = condition
    while case .cast(let inner) = expression.kind { expression = inner }
    switch expression.kind {
    case .unary("!", let inner): return requirement(inner, holds: !holds, comparison)
    case .binary("&&", let left, let right) where holds,
      .binary("||", let left, let right) where !holds:
      // Both operands have that value: either one's requirement holds, the stronger is kept.
      return stronger(requirement(left, holds: holds, comparison), requirement(right, holds: holds, comparison))
    default:
      guard let (op, offset) = comparison(expression) else { return nil }
      // `j op n + c` has the value `holds`; the measure n - j against -c.
      switch holds ? op : negated(op) {
      case "<": return .atLeast(1 - offset)
      case "<=": return .atLeast(-offset)
      case "!=": return .notEqual(-offset)
      default: return nil
      }
    }
  }

  private static func callsItself(_ expression: Expr, _ name: String) -> Bool {
    var found = false
    SyntaxWalk.forEachExpression(in: expression) { node in
      if case .call(name?, _, _) = node.kind { found = true }
    }
    return found
  }

  private static func stronger(_ a: RisingTest?, _ b: RisingTest?) -> RisingTest? {
    switch (a, b) {
    case (.atLeast(let x)?, .atLeast(let y)?): return .atLeast(max(x, y))
    case (.atLeast?, _): return a
    case (_, .atLeast?): return b
    default: return a ?? b
    }
  }

  private static func negated(_ op: String) -> String {
    ["<": ">=", ">=": "<", "<=": ">", ">": "<=", "==": "!=", "!=": "=="][op] ?? op
  }

  private static func mirrored(_ op: String) -> String {
    ["<": ">", ">": "<", "<=": ">=", ">=": "<=", "==": "==", "!=": "!="][op] ?? op
  }

  /// `j op n + c` with `j` on the left (a mirrored comparison turned round), else nil.
  static func risingComparison(_ expression: Expr, parameterIndex: Int, boundIndex: Int) -> (
    op: String, offset: Int
  )? {
    guard case .binary(let op, let left, let right) = expression.kind, ["<", "<=", ">", ">=", "==", "!="].contains(op)
    else { return nil }
    if isParameter(left, parameterIndex), let offset = offset(right, from: boundIndex) { return (op, offset) }
    if isParameter(right, parameterIndex), let offset = offset(left, from: boundIndex) {
      return (mirrored(op), offset)
    }
    return nil
  }

  /// c when `expression` is `n`, `n + c`, `n - c` or `c + n` for the parameter `n`.
  private static func offset(_ expression: Expr, from index: Int) -> Int? {
    var expression = expression
    while case .cast(let inner) = expression.kind { expression = inner }
    if isParameter(expression, index) { return 0 }
    guard case .binary(let op, let left, let right) = expression.kind, op == "+" || op == "-" else { return nil }
    if isParameter(left, index), let constant = integerConstant(right) { return op == "+" ? constant : -constant }
    if op == "+", isParameter(right, index), let constant = integerConstant(left) { return constant }
    return nil
  }
}
