import Foundation

/// OpenMP loop directives that leave a loop's footprint as it is. libclang 14 shows an OpenMP
/// directive's associated statement only as a `CapturedStmt` whose children are the captured
/// variables: the loop under `#pragma omp simd` is not there to analyze. A function whose every
/// OpenMP directive is one of these is converted from a parse without `-fopenmp` instead, where
/// the loops are plain loops: the directive runs the same iterations, in any order or at once,
/// and a reduction ends with the value the serial loop gives. Any other directive (`task`,
/// `parallel` alone, `target`, `critical`, ...) or clause (`private`, whose copies leave the
/// variable as it was before the loop; a reduction over an array section) keeps the directive
/// unanalyzed.
enum OpenMPLoops {
  /// `-fopenmp`, `-fopenmp=libomp`, `-fopenmp-simd`: the flags that make clang honour the
  /// directives.
  static func isOpenMPFlag(_ argument: String) -> Bool { argument.hasPrefix("-fopenmp") }

  /// The user's arguments for the parse that ignores OpenMP: its flags left out, `_OPENMP`
  /// still defined (clang 14's value) so the preprocessor keeps the same code.
  static func serialArguments(_ arguments: [String]) -> [String] {
    arguments.filter { !isOpenMPFlag($0) } + ["-D_OPENMP=201811", "-Wno-unknown-pragmas", "-Wno-source-uses-openmp"]
  }

  private static let neutralDirectives: Set<String> = [
    "simd", "for", "for simd", "parallel for", "parallel for simd",
  ]

  /// Clauses that change neither which iterations run nor what the loop leaves behind.
  private static let neutralClauses: Set<String> = [
    "schedule", "collapse", "reduction", "nowait", "simdlen", "safelen", "aligned", "linear", "num_threads", "if",
    "default", "shared", "proc_bind", "order", "nontemporal", "lastprivate", "ordered",
  ]

  /// Whether every `#pragma omp` line in `code` (a function's text) is a neutral loop
  /// directive with neutral clauses; false when there is none, or an `_Pragma` may hide one.
  static func onlyNeutralDirectives(in code: String) -> Bool {
    if code.contains("_Pragma") { return false }
    let directives = pragmaLines(in: code)
    return !directives.isEmpty && directives.allSatisfy(isNeutral)
  }

  /// The text after `#pragma omp` of each such line, continuation lines joined.
  static func pragmaLines(in code: String) -> [String] {
    let joined = code.replacingOccurrences(of: "\\\n", with: " ")
    return joined.split(separator: "\n").compactMap { line in
      var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
      if words.first == "#" {
        words = words.dropFirst()
      } else if words.first == "#pragma" {
        words = ["pragma"] + words.dropFirst()
      } else {
        return nil
      }
      guard words.first == "pragma", words.dropFirst().first == "omp" else { return nil }
      return words.dropFirst(2).joined(separator: " ")
    }
  }

  /// `parallel for collapse(2) reduction(+:s)`: a neutral directive name, then clauses.
  static func isNeutral(_ directive: String) -> Bool {
    let text = directive.replacingOccurrences(of: ",", with: " ")
    var index = text.startIndex
    var names: [String] = []
    var clauses: [(name: String, arguments: String)] = []
    while index < text.endIndex {
      if text[index] == " " {
        index = text.index(after: index)
        continue
      }
      var end = index
      while end < text.endIndex, text[end].isLetter || text[end] == "_" { end = text.index(after: end) }
      guard end > index else { return false }
      let word = String(text[index..<end])
      var after = end
      while after < text.endIndex, text[after] == " " { after = text.index(after: after) }
      if after < text.endIndex, text[after] == "(" {
        var depth = 0
        var close = after
        repeat {
          if text[close] == "(" { depth += 1 }
          if text[close] == ")" { depth -= 1 }
          close = text.index(after: close)
        } while depth > 0 && close < text.endIndex
        guard depth == 0 else { return false }
        clauses.append((word, String(text[text.index(after: after)..<text.index(before: close)])))
        index = close
      } else if clauses.isEmpty && neutralClauses.contains(word) == false {
        names.append(word)
        index = end
      } else {
        clauses.append((word, ""))
        index = end
      }
    }
    guard neutralDirectives.contains(names.joined(separator: " ")) else { return false }
    return clauses.allSatisfy { clause in
      guard neutralClauses.contains(clause.name) else { return false }
      // A reduction over an array section (`reduction(+: a[0:n])`) stores all of the section;
      // `reduction(task, ...)` and `inscan` ones involve other constructs.
      if clause.name == "reduction" {
        return !clause.arguments.contains("[") && !clause.arguments.contains("task")
          && !clause.arguments.contains("inscan")
      }
      return true
    }
  }
}
