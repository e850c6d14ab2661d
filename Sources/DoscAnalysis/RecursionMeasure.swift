import CSyntax
import DoscSupport
import DoscManifest
import SymbolicAlgebra

/// Finds what bounds a recursive task's recursion (`Manifest.RecursionMeasure`): an integer
/// parameter that no statement changes, that every direct recursive call passes decreased by a
/// constant, and below which a base case returns before any recursive call. From it the runtime
/// bounds the calls under a spawn at the spawn's argument (the subtree's work) and leaves a
/// small problem unsplit (policy.c, `dosc_recursive_measure_threshold`). Where every call is
/// surely made, the same count bounds the calls from below too (`RecursionLowerBoundAnalysis`).
///
/// The bound must never be smaller than the truth, so everything it rests on is checked, and
/// anything else is "unknown" with a reason: recursion through another function, a recursive
/// call in a loop whose trip count is not known or changes along the recursion, an argument
/// that is not `p - K`, a parameter that is assigned or whose address is taken, no base case.
/// A parameter rising towards another that every call passes unchanged (a search's depth `j`
/// towards `n`) is measured by their difference (`RecursionMeasureAnalysis.risingMeasure`);
/// calls in counted loops count their trip counts (`RecursionFanOut`).
enum RecursionMeasureAnalysis {
  enum Outcome: Equatable {
    case found(Manifest.RecursionMeasure)
    case unknown([String])
  }

  /// `component`: the functions in a call cycle with `function` (itself included).
  static func measure(of function: FunctionDefinition, component: Set<String>, context: AnalysisContext) -> Outcome {
    let others = component.subtracting([function.name]).sorted()
    if !others.isEmpty {
      return .unknown([
        "'\(function.name)' recurses through '\(others[0])': only direct recursive calls are measured"
      ])
    }
    let calls = recursiveCalls(in: function)
    if namesOfItself(in: function) > calls.count {
      return .unknown(["the address of '\(function.name)' is taken in it: it may call itself indirectly"])
    }
    if calls.isEmpty { return .unknown(["'\(function.name)' makes no direct recursive call"]) }
    if let jump = firstGoto(in: function.body) {
      return .unknown(["the 'goto' at \(jump.withBaseName) may repeat a recursive call"])
    }
    // Calls in counted loops: at most the loops' trip counts of them per invocation.
    var fanOut: Polynomial?
    if calls.contains(where: \.inLoop) {
      switch RecursionFanOut.fanOut(of: function, calls: calls.map { ($0.call, $0.statement) }, context: context) {
      case .bounded(let bound): fanOut = bound
      case .unbounded(let reason): return .unknown([reason])
      }
    }
    let unchanged = passedUnchanged(function)
    if let fanOut, !fanOut.variables.isSubset(of: unchanged) || fanOut.representableCExpression == nil {
      return .unknown([
        "the recursive calls' loops run '\(ManifestExpression(fanOut))' times, which is not over parameters "
          + "every recursive call passes unchanged: the count may change along the recursion"
      ])
    }
    let mutations = MutationFacts(function)
    var reasons: [String] = []
    for (index, parameter) in function.parameters.enumerated() where parameter.type.kind == .integer {
      if mutations.isModified(parameter.name) {
        reasons.append("'\(parameter.name)' is changed in '\(function.name)'")
        continue
      }
      if unchanged.contains(parameter.name) {
        reasons.append("'\(parameter.name)' is passed unchanged to every recursive call")
        continue
      }
      guard let steps = steps(of: calls, parameterIndex: index, sign: 1) else {
        let rising = risingMeasure(function, parameterIndex: index, calls: calls, unchanged: unchanged)
        if case .found(var found)? = rising {
          found.fanOut = fanOut.map { ManifestExpression($0) }
          if fanOut != nil { found.lowerBound = nil }
          return .found(found)
        }
        reasons.append("'\(parameter.name)' is not passed as '\(parameter.name) - K' (K >= 1) to every recursive call")
        if case .unknown(let why)? = rising { reasons += why }
        continue
      }
      guard let base = baseCase(of: function, parameterIndex: index) else {
        reasons.append(
          "no 'if (\(parameter.name) < C) return' comes before the recursive calls")
        continue
      }
      // An unsigned parameter below its decrement would wrap around to a huge value.
      if parameter.type.isUnsigned && base < steps.max()! {
        reasons.append("'\(parameter.name)' is unsigned and may wrap below 0 at a recursive call")
        continue
      }
      var found = Manifest.RecursionMeasure(parameter: parameter.name, base: base, decrements: steps)
      if let fanOut {
        found.fanOut = ManifestExpression(fanOut)
      } else {
        found.lowerBound = RecursionLowerBoundAnalysis.lowerBound(of: function, measure: found, parameterIndex: index)
      }
      return .found(found)
    }
    if reasons.isEmpty { reasons.append("'\(function.name)' has no integer parameter") }
    return .unknown(reasons)
  }

  /// The parameters every recursive call passes as they are (`n` of `nqueens(n, j + 1, b)`)
  /// and no statement changes: constant along the whole recursion.
  static func passedUnchanged(_ function: FunctionDefinition) -> Set<String> {
    let mutations = MutationFacts(function)
    let calls = recursiveCalls(in: function)
    var names: Set<String> = []
    for (index, parameter) in function.parameters.enumerated() where !mutations.isModified(parameter.name) {
      let passed = calls.allSatisfy { call in
        guard case .call(_, _, let arguments) = call.call.kind, arguments.indices.contains(index) else { return false }
        return isParameter(arguments[index], index)
      }
      if passed { names.insert(parameter.name) }
    }
    return names
  }

  /// K_i when every call passes the parameter as `p - sign x K_i` with K_i >= 1; nil otherwise.
  static func steps(of calls: [RecursiveCall], parameterIndex: Int, sign: Int) -> [Int]? {
    var steps: [Int] = []
    for call in calls {
      guard case .call(_, _, let arguments) = call.call.kind, arguments.indices.contains(parameterIndex),
        let decrement = decrement(of: arguments[parameterIndex], parameterIndex: parameterIndex),
        sign * decrement >= 1
      else { return nil }
      steps.append(sign * decrement)
    }
    return steps
  }

  private static func firstGoto(in body: Stmt) -> SourceLocation? {
    var found: SourceLocation?
    SyntaxWalk.forEachStatement(in: body) { statement in
      if case .gotoStatement = statement.kind, found == nil { found = statement.location }
    }
    return found
  }

  struct RecursiveCall {
    var call: Expr
    var inLoop: Bool
    /// The statement whose own expressions (not a sub-statement's) hold the call.
    var statement: Stmt
  }

  static func recursiveCalls(in function: FunctionDefinition) -> [RecursiveCall] {
    var found: [RecursiveCall] = []
    func visit(_ statement: Stmt, inLoop: Bool) {
      var loop = inLoop
      switch statement.kind {
      case .forLoop, .whileLoop, .doWhile: loop = true
      default: break
      }
      let own = Stmt(ownExpressionsOnly(statement), location: statement.location, range: statement.range)
      SyntaxWalk.forEachExpression(in: own) { expression in
        if case .call(function.name?, _, _) = expression.kind {
          found.append(RecursiveCall(call: expression, inLoop: loop, statement: statement))
        }
      }
      for child in statement.children { visit(child, inLoop: loop) }
    }
    visit(function.body, inLoop: false)
    return found
  }

  /// How often the function's own name appears in its body: once per direct call, more when
  /// its address is taken (a call through a pointer is not seen as recursive).
  private static func namesOfItself(in function: FunctionDefinition) -> Int {
    var count = 0
    SyntaxWalk.forEachExpression(in: function.body) { expression in
      if case .name(function.name, _) = expression.kind { count += 1 }
    }
    return count
  }

  /// The statement with its sub-statements removed, so that a walk sees only its own
  /// expressions (the condition of an `if`, a loop's header) once.
  private static func ownExpressionsOnly(_ statement: Stmt) -> StmtKind {
    let empty = Stmt(.empty, location: statement.location, range: statement.range)
    switch statement.kind {
    case .compound: return .empty
    case .ifStatement(let condition, _, _): return .ifStatement(condition, then: empty, else: nil)
    case .forLoop(let initializer, let condition, let increment, _):
      return .forLoop(initializer: initializer, condition: condition, increment: increment, body: empty)
    case .whileLoop(let condition, _): return .whileLoop(condition, body: empty)
    case .doWhile(_, let condition): return .doWhile(body: empty, condition: condition)
    case .switchStatement(let condition, _): return .switchStatement(condition, body: empty)
    case .caseLabel, .labeled: return .empty
    default: return statement.kind
    }
  }

  /// K when `argument` is `p - K` (or `p + -K`) for the parameter at `parameterIndex`.
  static func decrement(of argument: Expr, parameterIndex: Int) -> Int? {
    var expression = argument
    while case .cast(let inner) = expression.kind { expression = inner }
    guard case .binary(let op, let left, let right) = expression.kind, op == "-" || op == "+",
      isParameter(left, parameterIndex), let constant = integerConstant(right)
    else { return nil }
    return op == "-" ? constant : -constant
  }

  static func isParameter(_ expression: Expr, _ index: Int) -> Bool {
    var expression = expression
    while case .cast(let inner) = expression.kind { expression = inner }
    if case .name(_, .parameter(index)) = expression.kind { return true }
    return false
  }

  static func integerConstant(_ expression: Expr) -> Int? {
    switch expression.kind {
    case .integerLiteral(let value), .constant(let value), .name(_, .enumerator(let value)): return value
    case .unary("-", let inner): return integerConstant(inner).map { -$0 }
    case .cast(let inner): return integerConstant(inner)
    default: return nil
    }
  }

  /// The least value of the parameter at which the function may recurse: the C of a statement
  /// `if (p < C ...) return ...;` (or `p <= C`, `C > p`, `C >= p`, as one operand of `||`) of
  /// the body's top level that comes before every recursive call.
  private static func baseCase(of function: FunctionDefinition, parameterIndex: Int) -> Int? {
    guard case .compound(let statements) = function.body.kind else { return nil }
    for statement in statements {
      if containsRecursiveCall(statement, function.name) { return nil }
      guard case .ifStatement(let condition, let then, _) = statement.kind, alwaysReturns(then) else { continue }
      if let base = bound(in: condition, parameterIndex) { return base }
    }
    return nil
  }

  static func containsRecursiveCall(_ statement: Stmt, _ name: String) -> Bool {
    var found = false
    SyntaxWalk.forEachExpression(in: statement) { expression in
      if case .call(name?, _, _) = expression.kind { found = true }
    }
    return found
  }

  static func alwaysReturns(_ statement: Stmt) -> Bool {
    switch statement.kind {
    case .returnStatement: return true
    case .compound(let items): return items.last.map(alwaysReturns) ?? false
    case .ifStatement(_, let then, let otherwise?): return alwaysReturns(then) && alwaysReturns(otherwise)
    default: return false
    }
  }

  /// The base C when `condition` is true whenever the parameter is below C.
  private static func bound(in condition: Expr, _ index: Int) -> Int? {
    guard case .binary(let op, let left, let right) = condition.kind else { return nil }
    switch op {
    case "||":
      let bounds = [bound(in: left, index), bound(in: right, index)].compactMap { $0 }
      return bounds.max()
    case "<" where isParameter(left, index): return integerConstant(right)
    case "<=" where isParameter(left, index): return integerConstant(right).map { $0 + 1 }
    case ">" where isParameter(right, index): return integerConstant(left)
    case ">=" where isParameter(right, index): return integerConstant(left).map { $0 + 1 }
    default: return nil
    }
  }
}
