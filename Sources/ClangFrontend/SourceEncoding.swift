import CSyntax
import DoscSupport

/// dosc reads and writes the file it compiles as UTF-8 text. A byte that is not UTF-8 (a
/// Latin-1 `é`) would come out of the rewrite as U+FFFD, three other bytes, and every offset
/// after it would disagree with libclang's (a site there was not found). In a comment, where
/// old code has its authors' names, such a byte is read as `?`, one byte for one: the comment
/// changes in the generated C, the program does not. Anywhere else (a string literal) the
/// program would print something else, so the file is refused where the byte is.
enum SourceEncoding {
  /// The file's text for the analysis and the rewrite, with the same byte offsets as the file.
  /// Its comments are where the compiler finds them: `PragmaScanner`'s, which reads the file
  /// after line splicing and, with `trigraphs` replaced, as the compiler does.
  static func text(of bytes: [UInt8], file: String, trigraphs: Trigraphs) throws -> String {
    let invalid = invalidRanges(bytes)
    guard !invalid.isEmpty else { return String(decoding: bytes, as: UTF8.self) }
    let comments = PragmaScanner.scan(bytes: bytes, file: file, trigraphs: trigraphs).comments
    var readable = bytes
    for range in invalid {
      // Comments come in file order, and so do the invalid ranges.
      let comment = comments.partitioningIndex { $0.upperBound > range.lowerBound }
      guard comment < comments.count, comments[comment].contains(range.lowerBound) else {
        throw refusal(bytes, at: range.lowerBound, file: file)
      }
      for offset in range { readable[offset] = UInt8(ascii: "?") }
    }
    return String(decoding: readable, as: UTF8.self)
  }

  private static func refusal(_ bytes: [UInt8], at offset: Int, file: String) -> DiagnosedFailure {
    let (line, column) = LineTable(bytes).lineAndColumn(offset)
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    return DiagnosedFailure(
      Diagnostic(
        .error, at: SourceLocation(file: file, line: line, column: column, offset: offset),
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
}
