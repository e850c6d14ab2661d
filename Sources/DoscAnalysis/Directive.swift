import CSyntax
import DoscSupport
import SymbolicAlgebra

/// A parsed `#pragma dosc` line.
public enum Directive: Hashable, Sendable {
  case task(clauses: [Clause])
  case taskwait
}

/// An `in(...)`, `out(...)` or `inout(...)` clause item: a parameter name, optionally with an
/// OpenMP-style array section `name[first:count]` in elements.
public struct Clause: Hashable, Sendable {
  public enum Mode: String, Hashable, Sendable { case `in`, out, `inout` }
  public var mode: Mode
  public var name: String
  public var section: (first: Polynomial, count: Polynomial)? {
    guard let first = sectionFirst, let count = sectionCount else { return nil }
    return (first, count)
  }
  public var sectionFirst: Polynomial?
  public var sectionCount: Polynomial?
  public var location: SourceLocation
}

/// Parses the tokens after `dosc`; every error is located at the offending token.
enum DirectiveParser {
  static let directives = ["task", "taskwait"]

  static func parse(_ pragma: PragmaLine) throws -> Directive {
    guard let first = pragma.tokens.first else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: pragma.doscLocation, "expected a dosc directive ('task' or 'taskwait')", category: "pragma"))
    }
    switch first.spelling {
    case "taskwait":
      if pragma.tokens.count > 1 {
        throw DiagnosedFailure(
          Diagnostic(.error, at: pragma.tokens[1].location, "'taskwait' takes no clauses", category: "pragma"))
      }
      return .taskwait
    case "task":
      return .task(clauses: try clauses(Array(pragma.tokens.dropFirst())))
    default:
      var message = "unknown dosc directive '\(first.spelling)'"
      if let guess = directives.min(by: { editDistance($0, first.spelling) < editDistance($1, first.spelling) }),
        editDistance(guess, first.spelling) <= 2
      {
        message += "; did you mean '\(guess)'?"
      }
      throw DiagnosedFailure(Diagnostic(.error, at: first.location, message, category: "pragma"))
    }
  }

  private static func clauses(_ tokens: [PragmaToken]) throws -> [Clause] {
    var result: [Clause] = []
    var index = 0
    func fail(_ message: String, at token: PragmaToken?) -> DiagnosedFailure {
      DiagnosedFailure(Diagnostic(.error, at: (token ?? tokens.last)?.location, message, category: "pragma"))
    }
    while index < tokens.count {
      let keyword = tokens[index]
      guard let mode = Clause.Mode(rawValue: keyword.spelling) else {
        throw fail("unknown clause '\(keyword.spelling)' (expected 'in', 'out' or 'inout')", at: keyword)
      }
      index += 1
      guard index < tokens.count, tokens[index].spelling == "(" else {
        throw fail("expected '(' after '\(mode.rawValue)'", at: index < tokens.count ? tokens[index] : keyword)
      }
      index += 1
      while true {
        guard index < tokens.count, tokens[index].kind == .identifier else {
          throw fail("expected a parameter name", at: index < tokens.count ? tokens[index] : nil)
        }
        var clause = Clause(mode: mode, name: tokens[index].spelling, location: tokens[index].location)
        index += 1
        if index < tokens.count, tokens[index].spelling == "[" {
          index += 1
          let (first, afterFirst) = try expression(tokens, from: index, until: [":"], fail: fail)
          let (count, afterCount) = try expression(tokens, from: afterFirst + 1, until: ["]"], fail: fail)
          clause.sectionFirst = first
          clause.sectionCount = count
          index = afterCount + 1
        }
        result.append(clause)
        guard index < tokens.count else { throw fail("expected ')' to close '\(mode.rawValue)('", at: nil) }
        if tokens[index].spelling == "," {
          index += 1
          continue
        }
        guard tokens[index].spelling == ")" else { throw fail("expected ',' or ')'", at: tokens[index]) }
        index += 1
        break
      }
    }
    return result
  }

  /// Parses tokens up to (not including) a terminator at bracket depth 0.
  private static func expression(
    _ tokens: [PragmaToken], from start: Int, until terminators: Set<String>,
    fail: (String, PragmaToken?) -> DiagnosedFailure
  ) throws -> (Polynomial, Int) {
    var depth = 0
    var index = start
    var text = ""
    while index < tokens.count {
      let spelling = tokens[index].spelling
      if depth == 0 && terminators.contains(spelling) { break }
      if spelling == "(" || spelling == "[" { depth += 1 }
      if spelling == ")" || spelling == "]" { depth -= 1 }
      text += spelling + " "
      index += 1
    }
    guard index < tokens.count else { throw fail("expected '\(terminators.first!)' in array section", nil) }
    do {
      return (try ExpressionParser.parse(text), index)
    } catch {
      throw fail(
        "array section bound '\(text.trimmingCharacters(in: .whitespaces))' is not an expression dosc understands",
        tokens[start < tokens.count ? start : index])
    }
  }
}

func editDistance(_ a: String, _ b: String) -> Int {
  let x = Array(a)
  let y = Array(b)
  var previous = Array(0...y.count)
  for i in 1...max(1, x.count) where !x.isEmpty {
    var current = [i] + Array(repeating: 0, count: y.count)
    for j in 1...max(1, y.count) where !y.isEmpty {
      current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[y.count]
}
