import CSyntax
import DoscManifest

/// Whether a recursion's measure (`RecursionMeasureAnalysis`) bounds its calls from below too:
/// every invocation with the parameter at or above the base makes every one of its recursive
/// calls (fib, mergesort: the calls are straight-line statements after the base case). Then a
/// task started at measure `m` makes at least N(m) calls, the same count the measure bounds from
/// above, and the runtime can price shipping it to another node from work it surely has
/// (policy.c, "Recursive tasks remote").
///
/// A lower bound must never be larger than the truth, so it is stated only when all of these
/// hold, and is nil otherwise:
/// - every statement of the body's top level before the last recursive call is either an
///   `if (p < C) return ...;` base test (only bound tests on the parameter, every `||` operand
///   one, C <= the base), or holds no `return`, `goto`, `break`, `continue`, `longjmp` or
///   call of a function that may not return (`exit`, `abort`, ...);
/// - every recursive call is evaluated by such a top-level statement unconditionally: not in a
///   nested statement, not in a branch of `?:`, not on the right of `&&` or `||`.
/// The work per call is what every such invocation surely does: its base test and its calls,
/// one operation each (the manifest's per-invocation figure is an upper bound, not this).
///
/// A rising measure (`n - j`, `boundIndex` the position of `n`) reads its base tests in the
/// measure's terms: `if (j >= n + c) return` is false exactly where the measure is at least
/// 1 - c, `j > n + c` where it is at least -c, and `j == n + c` wherever it is at least 1 - c
/// (j is then below n + c). A search whose calls sit under a test (n-queens' `if (ok(...))`)
/// has none: a test may prune every call, so no count of calls below the root is sure.
enum RecursionLowerBoundAnalysis {
  static func lowerBound(
    of function: FunctionDefinition, measure: Manifest.RecursionMeasure, parameterIndex: Int, boundIndex: Int? = nil
  ) -> Manifest.RecursionLowerBound? {
    guard case .compound(let statements) = function.body.kind,
      let last = statements.lastIndex(where: { callCount($0, function.name) > 0 })
    else { return nil }
    var unconditional = 0
    for (index, statement) in statements[...last].enumerated() {
      let calls = callCount(statement, function.name)
      if calls == 0, let test = baseTest(statement, parameterIndex, boundIndex) {
        guard test <= measure.base else { return nil }
        continue
      }
      // A return evaluates its expression, calls included, before it leaves.
      if case .returnStatement(let value) = statement.kind {
        // Only the last: calls after a return are never made (`return f(n-1); f(n-2);`).
        guard value.map(leavingCall) != true, statements.startIndex + index == last else { return nil }
      } else {
        guard !mayLeave(statement) else { return nil }
      }
      guard calls > 0 else { continue }
      guard let own = ownExpressions(statement) else { return nil }
      let reached = own.reduce(0) { $0 + unconditionalCalls(in: $1, function.name) }
      guard reached == calls else { return nil }
      unconditional += calls
    }
    guard unconditional == measure.decrements.count else { return nil }
    return Manifest.RecursionLowerBound(workPerCall: 1 + unconditional)
  }

  /// Functions a call to which may end the invocation without returning.
  private static let leavingFunctions = LibraryFunction.leavingTheThread.union(LibraryFunction.endingTheProcess)

  private static func callCount(_ statement: Stmt, _ name: String) -> Int {
    var count = 0
    SyntaxWalk.forEachExpression(in: statement) { expression in
      if case .call(name?, _, _) = expression.kind { count += 1 }
    }
    return count
  }

  /// The C of `if (bound tests on the parameter) <always returns>`, where every `||` operand is
  /// a test `p < C` (or its forms): false whenever the parameter is at least C. For a rising
  /// measure, `j >= n + c` (or its forms): false whenever the measure is at least C.
  private static func baseTest(_ statement: Stmt, _ index: Int, _ boundIndex: Int?) -> Int? {
    guard case .ifStatement(let condition, let then, nil) = statement.kind, returns(then) else { return nil }
    if let boundIndex { return risingExactBound(condition, index, boundIndex) }
    return exactBound(condition, index)
  }

  /// The least measure `n - j` from which `condition` is surely false, where every `||`
  /// operand is `j >= n + c`, `j > n + c` or `j == n + c` (or mirrored); nil otherwise.
  private static func risingExactBound(_ condition: Expr, _ index: Int, _ boundIndex: Int) -> Int? {
    guard case .binary(let op, let left, let right) = condition.kind else { return nil }
    if op == "||" {
      guard let a = risingExactBound(left, index, boundIndex), let b = risingExactBound(right, index, boundIndex)
      else { return nil }
      return max(a, b)
    }
    guard
      let (comparison, offset) = RecursionMeasureAnalysis.risingComparison(
        condition, parameterIndex: index, boundIndex: boundIndex)
    else { return nil }
    switch comparison {
    case ">=", "==": return 1 - offset
    case ">": return -offset
    default: return nil
    }
  }

  private static func returns(_ statement: Stmt) -> Bool {
    switch statement.kind {
    case .returnStatement: return true
    case .compound(let items): return items.last.map(returns) ?? false
    default: return false
    }
  }

  private static func exactBound(_ condition: Expr, _ index: Int) -> Int? {
    guard case .binary(let op, let left, let right) = condition.kind else { return nil }
    switch op {
    case "||":
      guard let a = exactBound(left, index), let b = exactBound(right, index) else { return nil }
      return max(a, b)
    case "<" where isParameter(left, index): return constant(right)
    case "<=" where isParameter(left, index): return constant(right).map { $0 + 1 }
    case ">" where isParameter(right, index): return constant(left)
    case ">=" where isParameter(right, index): return constant(left).map { $0 + 1 }
    default: return nil
    }
  }

  private static func isParameter(_ expression: Expr, _ index: Int) -> Bool {
    var expression = expression
    while case .cast(let inner) = expression.kind { expression = inner }
    if case .name(_, .parameter(index)) = expression.kind { return true }
    return false
  }

  private static func constant(_ expression: Expr) -> Int? {
    switch expression.kind {
    case .integerLiteral(let value), .constant(let value): return value
    case .cast(let inner): return constant(inner)
    default: return nil
    }
  }

  /// Whether the statement may end the invocation, or skip what follows it, anywhere inside.
  private static func mayLeave(_ statement: Stmt) -> Bool {
    var leaves = false
    SyntaxWalk.forEachStatement(in: statement) { node in
      switch node.kind {
      case .returnStatement, .gotoStatement, .breakStatement, .continueStatement, .unsupported: leaves = true
      default: break
      }
    }
    SyntaxWalk.forEachExpression(in: statement) { if mayNotReturn($0) { leaves = true } }
    return leaves
  }

  /// Whether evaluating `expression` may not return to the invocation (see `mayNotReturn`).
  private static func leavingCall(_ expression: Expr) -> Bool {
    var leaves = false
    SyntaxWalk.forEachExpression(in: expression) { if mayNotReturn($0) { leaves = true } }
    return leaves
  }

  /// This node (not its operands) is a call that may not return to the invocation (a call
  /// through a pointer may be one of those), or an expression not modelled. A call of another
  /// function of the program is taken to return: one that ends the process ends the whole run,
  /// the priced subtree with it.
  private static func mayNotReturn(_ expression: Expr) -> Bool {
    switch expression.kind {
    case .call(let callee?, _, _): leavingFunctions.contains(callee)
    case .call(nil, _, _), .unsupported: true
    default: false
    }
  }

  /// The expressions a top-level statement evaluates every time it runs; nil for a statement
  /// that runs its parts conditionally or repeatedly (an `if`, a loop, a block).
  private static func ownExpressions(_ statement: Stmt) -> [Expr]? {
    switch statement.kind {
    case .expression(let expression): return [expression]
    case .declaration(let declarations): return declarations.compactMap(\.initializer)
    case .returnStatement(let expression?): return [expression]
    default: return nil
    }
  }

  /// Calls of `name` that evaluating `expression` always makes.
  private static func unconditionalCalls(in expression: Expr, _ name: String) -> Int {
    switch expression.kind {
    case .conditional(let condition, _, _): return unconditionalCalls(in: condition, name)
    case .binary("&&", let left, _), .binary("||", let left, _): return unconditionalCalls(in: left, name)
    case .call(let callee, let calleeExpression, let arguments):
      let own = callee == name ? 1 : 0
      return own + ([calleeExpression] + arguments).reduce(0) { $0 + unconditionalCalls(in: $1, name) }
    default:
      return expression.children.reduce(0) { $0 + unconditionalCalls(in: $1, name) }
    }
  }
}
