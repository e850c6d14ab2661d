import DoscSupport

/// dosc reads and writes the file it compiles as UTF-8 text. A byte that is not UTF-8 (a
/// Latin-1 `é`) would come out of the rewrite as U+FFFD, three other bytes, and every offset
/// after it would disagree with libclang's (a site there was not found). In a comment, where
/// old code has its authors' names, such a byte is read as `?`, one byte for one: the comment
/// changes in the generated C, the program does not. Anywhere else (a string literal) the
/// program would print something else, so the file is refused where the byte is.
enum SourceEncoding {
  /// The file's text for the analysis and the rewrite, with the same byte offsets as the file.
  static func text(of bytes: [UInt8], file: String) throws -> String {
    let invalid = invalidRanges(bytes)
    guard !invalid.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
    let comments = commentRanges(bytes)
    var readable = bytes
    for range in invalid {
      guard comments.contains(where: { $0.contains(range.lowerBound) }) else {
        throw refusal(bytes, at: range.lowerBound, file: file)
      }
      for offset in range { readable[offset] = UInt8(ascii: "?") }
    }
    return String(decoding: readable, as: UTF8.self)
  }

  private static func refusal(_ bytes: [UInt8], at offset: Int, file: String) -> DiagnosedFailure {
    let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let line = bytes[..<offset].count(where: { $0 == UInt8(ascii: "\n") }) + 1
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    return DiagnosedFailure(
      Diagnostic(
        .error, at: SourceLocation(file: file, line: line, column: offset - lineStart + 1, offset: offset),
        "the byte 0x\(byte) is not UTF-8, and dosc rewrites the file as UTF-8 text (it would change the "
          + "program); convert the file, e.g. with 'iconv -f latin1 -t utf-8'",
        category: "input"))
  }

  /// The byte ranges that do not form valid UTF-8 sequences.
  static func invalidRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    var ranges: [Range<Int>] = []
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return ranges
      case .error(let length):
        ranges.append(offset..<offset + length)
        offset += length
      }
    }
  }

  /// Where the comments are (`//` to the end of its spliced line, `/* */`), outside string and
  /// character literals.
  static func commentRanges(_ bytes: [UInt8]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var index = 0
    func at(_ offset: Int, _ character: Character) -> Bool {
      offset < bytes.count && bytes[offset] == character.asciiValue!
    }
    while index < bytes.count {
      if at(index, "/") && at(index + 1, "/") {
        let start = index
        index += 2
        while index < bytes.count && !at(index, "\n") {
          // A backslash before the newline (or CRLF) splices the next line into the comment.
          if at(index, "\\") && (at(index + 1, "\n") || (at(index + 1, "\r") && at(index + 2, "\n"))) {
            index += at(index + 1, "\r") ? 3 : 2
          } else {
            index += 1
          }
        }
        ranges.append(start..<index)
      } else if at(index, "/") && at(index + 1, "*") {
        let start = index
        index += 2
        while index < bytes.count && !(at(index, "*") && at(index + 1, "/")) { index += 1 }
        index = min(index + 2, bytes.count)
        ranges.append(start..<index)
      } else if at(index, "\"") || at(index, "'") {
        let quote = bytes[index]
        index += 1
        while index < bytes.count && bytes[index] != quote && !at(index, "\n") {
          index += at(index, "\\") ? 2 : 1
        }
        index += 1
      } else {
        index += 1
      }
    }
    return ranges
  }
}
