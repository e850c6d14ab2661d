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
  /// The first `#include <dosc.h>` (or `"dosc.h"`): a file without pragmas that has one is
  /// compiled with the runtime's header flags, as an annotated file is, and the link adds the
  /// runtime for its API (`Manifest.usesRuntime`).
  var doscHeaderInclude: SourceLocation?

  var hasDoscPragmas: Bool { firstDoscPragma != nil }
  var includesDoscHeader: Bool { doscHeaderInclude != nil }

  /// An unreadable file scans as plain C: the compiler then says what is wrong with it.
  /// `trigraphs` as the compile's flags decide (`??=pragma dosc task` is a pragma under `-std=c11`).
  init(_ source: String, trigraphs: Trigraphs) {
    guard let data = FileManager.default.contents(atPath: source) else { return }
    let text = String(decoding: data, as: UTF8.self)
    // `#pragma dosc` in the text at all is rare in files without pragmas: the full scan only then.
    if text.contains("dosc") {
      let scan = PragmaScanner.scan(text, file: source, trigraphs: trigraphs)
      firstDoscPragma = scan.pragmas.first?.location ?? scan.operators.first?.location
      doscHeaderInclude = Self.firstDirective(in: text, file: source) { words in
        // `#include <dosc.h>`, `# include"dosc.h"`, a comment after it.
        let directive = words.dropFirst().joined()
        return directive.hasPrefix("include<dosc.h>") || directive.hasPrefix("include\"dosc.h\"")
      }
    }
    if firstDoscPragma == nil, text.contains("omp") {
      firstOpenMPTask = Self.firstDirective(in: text, file: source) { words in
        words.count >= 4 && words[1] == "pragma" && words[2] == "omp" && words[3] == "task"
      }
    }
  }

  /// The first preprocessor line whose words (`# pragma omp task`: "#", "pragma", "omp",
  /// "task") satisfy `matches`.
  private static func firstDirective(
    in text: String, file: String, matching matches: ([Substring]) -> Bool
  ) -> SourceLocation? {
    var offset = 0
    for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      defer { offset += line.utf8.count + 1 }
      guard line.contains("#") else { continue }
      let words = line.replacingOccurrences(of: "#", with: "# ").split(whereSeparator: { $0 == " " || $0 == "\t" })
      guard words.first == "#", matches(words) else { continue }
      let column = line.utf8.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count + 1
      return SourceLocation(file: file, line: number + 1, column: column, offset: offset + column - 1)
    }
    return nil
  }
}
