import CSyntax
import DoscSupport
import Foundation

/// What `dosc cc` reads in a source before deciding how to compile it: a textual scan, far
/// cheaper than parsing, so a file without pragmas costs what `cc` costs.
struct SourceScan {
  /// The first `#pragma dosc` (or `_Pragma("dosc ...")`): the file is analyzed and rewritten.
  var firstDoscPragma: SourceLocation?
  /// The first `#pragma omp task`, which a user may have meant for dosc.
  var firstOpenMPTask: SourceLocation?

  var hasDoscPragmas: Bool { firstDoscPragma != nil }

  /// An unreadable file scans as plain C: the compiler then says what is wrong with it.
  init(_ source: String) {
    guard let data = FileManager.default.contents(atPath: source) else { return }
    let text = String(decoding: data, as: UTF8.self)
    // `#pragma dosc` in the text at all is rare in files without pragmas: the full scan only then.
    if text.contains("dosc") {
      let scan = PragmaScanner.scan(text, file: source)
      firstDoscPragma = scan.pragmas.first?.location ?? scan.operators.first?.location
    }
    if firstDoscPragma == nil, text.contains("omp") { firstOpenMPTask = Self.openMPTask(text, file: source) }
  }

  /// The first line that reads `# pragma omp task`.
  private static func openMPTask(_ text: String, file: String) -> SourceLocation? {
    var offset = 0
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      defer { offset += line.utf8.count + 1 }
      let words = line.replacingOccurrences(of: "#", with: "# ").split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard words.count >= 4, words[0] == "#", words[1] == "pragma", words[2] == "omp", words[3] == "task" else {
        continue
      }
      let column = line.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count + 1
      return SourceLocation(file: file, line: number + 1, column: column, offset: offset + column - 1)
    }
    return nil
  }
}
