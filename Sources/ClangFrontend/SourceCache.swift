import Foundation

/// The bytes of the files a translation unit reads, loaded once each, for the few places
/// where the front end needs the text as written (operators, `for` headers, messages).
final class SourceCache {
  private var files: [String: [UInt8]] = [:]
  /// Per file, its macros' bodies (`MacroStores`).
  var macroBodies: [String: [String: [UInt8]]] = [:]

  func bytes(_ file: String) -> [UInt8] {
    if let cached = files[file] { return cached }
    let data = FileManager.default.contents(atPath: file).map { [UInt8]($0) } ?? []
    files[file] = data
    return data
  }

  func text(file: String, range: Range<Int>) -> String {
    let bytes = bytes(file)
    guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return "" }
    return String(decoding: bytes[range], as: UTF8.self)
  }

  /// The text of an expression for messages: whole when short, else its start and end around
  /// an ellipsis. Every node of a deep tree keeps its text, and a chain of n terms has n
  /// nested nodes: whole texts would take memory quadratic in n (gigabytes at 10^5 terms).
  func excerpt(file: String, range: Range<Int>, limit: Int = 160) -> String {
    guard range.count > limit else { return text(file: file, range: range) }
    let head = text(file: file, range: range.lowerBound..<range.lowerBound + limit * 2 / 3)
    let tail = text(file: file, range: range.upperBound - limit / 4..<range.upperBound)
    return head + "..." + tail
  }

  /// Text with comments and surrounding white space removed: what lies between two operands.
  func code(file: String, range: Range<Int>) -> String {
    var text = text(file: file, range: range)
    while let open = text.range(of: "/*"), let close = text.range(of: "*/", range: open.upperBound..<text.endIndex) {
      text.removeSubrange(open.lowerBound..<close.upperBound)
    }
    return text.trimmingCharacters(in: .whitespacesAndNewlines)
  }

  struct ForHeader {
    var firstSemicolon: Int
    var secondSemicolon: Int
    var closingParenthesis: Int
  }

  /// Offsets of the two `;` and the `)` of `for (init; cond; inc)`, or nil if the text is not
  /// a plain `for` header (a macro, for instance).
  func forHeader(file: String, range: Range<Int>) -> ForHeader? {
    let bytes = bytes(file)
    guard range.upperBound <= bytes.count, range.count > 3,
      String(decoding: bytes[range.lowerBound..<range.lowerBound + 3], as: UTF8.self) == "for"
    else { return nil }
    var index = range.lowerBound + 3
    while index < range.upperBound, bytes[index] != UInt8(ascii: "(") { index += 1 }
    var depth = 0
    var semicolons: [Int] = []
    while index < range.upperBound {
      switch bytes[index] {
      case UInt8(ascii: "("): depth += 1
      case UInt8(ascii: ")"):
        depth -= 1
        if depth == 0 {
          guard semicolons.count == 2 else { return nil }
          return ForHeader(firstSemicolon: semicolons[0], secondSemicolon: semicolons[1], closingParenthesis: index)
        }
      case UInt8(ascii: ";") where depth == 1: semicolons.append(index)
      default: break
      }
      index += 1
    }
    return nil
  }
}
