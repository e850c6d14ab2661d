import DoscSupport

/// dosc reads and writes the file it compiles as UTF-8 text. A byte that is not UTF-8 (a
/// Latin-1 `é` in a string literal) would come out of the rewrite as U+FFFD, three other bytes,
/// so the program would print something else, and every offset after it would disagree with
/// libclang's (a site there was not found). Such a file is refused where the byte is.
enum SourceEncoding {
  static func requireUTF8(_ bytes: [UInt8], file: String) throws {
    guard let offset = firstInvalidOffset(bytes) else { return }
    let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
    let line = bytes[..<offset].count(where: { $0 == UInt8(ascii: "\n") }) + 1
    let byte = String(bytes[offset], radix: 16, uppercase: true)
    throw DiagnosedFailure(
      Diagnostic(
        .error, at: SourceLocation(file: file, line: line, column: offset - lineStart + 1, offset: offset),
        "the byte 0x\(byte) is not UTF-8, and dosc rewrites the file as UTF-8 text (it would change the "
          + "program); convert the file, e.g. with 'iconv -f latin1 -t utf-8'",
        category: "input"))
  }

  /// The offset of the first byte that does not start a valid UTF-8 sequence, or nil.
  static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let encoded): offset += encoded.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }
}
