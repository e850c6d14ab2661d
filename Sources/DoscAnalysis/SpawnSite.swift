import CSyntax
import DoscSupport

/// A `#pragma dosc task` tied to the call it spawns.
public struct SpawnSite: Sendable {
  public var id: Int
  public var pragma: PragmaLine
  public var clauses: [Clause]
  /// The function the site is in.
  public var function: FunctionDefinition
  /// The statement after the pragma: `f(...);` or `x = f(...);`.
  public var statement: Stmt
  public var call: Expr
  public var callee: String
  public var arguments: [Expr]
  /// `x` in `x = f(...)`.
  public var result: Expr?
}

/// A `#pragma dosc taskwait`.
public struct TaskwaitPoint: Sendable {
  public var pragma: PragmaLine
  public var function: FunctionDefinition
}

/// Ties each `task` pragma to the statement that follows it and checks it is a call.
enum SiteFinder {
  static func site(
    for pragma: PragmaLine, clauses: [Clause], id: Int, in function: FunctionDefinition,
    statements: StatementIndex, source: [UInt8]
  ) throws -> SpawnSite {
    guard let statement = statements.first(atOrAfter: pragma.range.upperBound),
      onlyBlankBetween(source, pragma.range.upperBound, statement.range.lowerBound)
    else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: pragma.location, "'#pragma dosc task' must be followed by a call statement", category: "pragma"))
    }
    var expression: Expr
    var result: Expr?
    switch statement.kind {
    case .expression(let e):
      expression = e
      if case .binary("=", let lhs, let rhs) = e.kind {
        result = lhs
        expression = rhs
      }
      while case .cast(let inner) = expression.kind { expression = inner }
    default:
      throw notACall(pragma, statement)
    }
    guard case .call(let callee, let calleeExpr, let arguments) = expression.kind else {
      throw notACall(pragma, statement)
    }
    guard let callee else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: calleeExpr.location,
          "a task must call a function by name; '\(calleeExpr.text)' is not a function", category: "pragma"))
    }
    return SpawnSite(
      id: id, pragma: pragma, clauses: clauses, function: function, statement: statement, call: expression,
      callee: callee, arguments: arguments, result: result)
  }

  private static func notACall(_ pragma: PragmaLine, _ statement: Stmt) -> DiagnosedFailure {
    DiagnosedFailure(
      Diagnostic(
        .error, at: pragma.location,
        "'#pragma dosc task' must be followed by a call 'f(...);' or an assignment 'x = f(...);'", category: "pragma",
        notes: [Diagnostic(.note, at: statement.location, "this statement is neither")]))
  }

  /// True when only white space and comments separate the pragma from the statement.
  private static func onlyBlankBetween(_ source: [UInt8], _ start: Int, _ end: Int) -> Bool {
    guard start <= end, end <= source.count else { return false }
    var index = start
    while index < end {
      let byte = source[index]
      if byte == UInt8(ascii: "/") && index + 1 < end && source[index + 1] == UInt8(ascii: "/") {
        while index < end && source[index] != UInt8(ascii: "\n") { index += 1 }
      } else if byte == UInt8(ascii: "/") && index + 1 < end && source[index + 1] == UInt8(ascii: "*") {
        index += 2
        while index + 1 < end && !(source[index] == UInt8(ascii: "*") && source[index + 1] == UInt8(ascii: "/")) {
          index += 1
        }
        index += 2
      } else if [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r")].contains(byte) {
        index += 1
      } else {
        return false
      }
    }
    return true
  }
}

/// Every statement of a function body below the body itself, ordered by where it starts, an
/// outer statement before an inner one that starts at the same byte. The statement a pragma
/// applies to is then a binary search: a walk of the body per pragma took minutes for a function
/// of 10^4 sites.
struct StatementIndex {
  private let statements: [Stmt]

  init(_ body: Stmt) {
    var found: [Stmt] = []
    func collect(_ statement: Stmt) {
      for child in statement.children {
        found.append(child)
        collect(child)
      }
    }
    collect(body)
    // Pre-order, then a stable sort by start: on a tie the outer statement stays first.
    statements = found.enumerated().sorted {
      ($0.element.range.lowerBound, $0.offset) < ($1.element.range.lowerBound, $1.offset)
    }.map(\.element)
  }

  /// The statement in statement position that starts first at or after `offset`.
  func first(atOrAfter offset: Int) -> Stmt? {
    let first = statements.partitioningIndex { $0.range.lowerBound >= offset }
    return first < statements.endIndex ? statements[first] : nil
  }
}
