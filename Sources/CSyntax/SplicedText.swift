/// A file's bytes as the compiler reads them after translation phases 1 and 2: trigraphs
/// replaced when the compiler replaces them (`Trigraphs`), and every line splice (a backslash,
/// or `??/` then, before a newline or a CRLF, with blanks between them tolerated as gcc and
/// clang tolerate them) removed, with the way back to the file's own offsets. Scanning these
/// bytes lets `#pragma dosc task\⏎wait` read as `taskwait` and `// note \⏎#pragma dosc task` as
/// one comment, as they read to the compiler.
struct SplicedText {
  /// The bytes with the trigraphs replaced and the splices removed.
  let bytes: [UInt8]
  /// The file offset of each byte of `bytes` (a trigraph's is its first `?`), and the file's
  /// length after the last.
  private let fileOffsets: [Int]

  init(_ file: [UInt8], trigraphs: Trigraphs = .ignored) {
    var bytes: [UInt8] = []
    var fileOffsets: [Int] = []
    bytes.reserveCapacity(file.count)
    fileOffsets.reserveCapacity(file.count + 1)
    var index = 0
    while index < file.count {
      var byte = file[index]
      var width = 1
      if trigraphs == .replaced, byte == UInt8(ascii: "?"), index + 2 < file.count,
        file[index + 1] == UInt8(ascii: "?"), let character = Trigraphs.character(after: file[index + 2])
      {
        byte = character
        width = 3
      }
      if byte == UInt8(ascii: "\\"), let next = Self.lineAfterSplice(file, after: index + width) {
        index = next
        continue
      }
      bytes.append(byte)
      fileOffsets.append(index)
      index += width
    }
    fileOffsets.append(file.count)
    self.bytes = bytes
    self.fileOffsets = fileOffsets
  }

  /// The file offset of the spliced byte at `index` (`bytes.count` maps to the file's end).
  func fileOffset(_ index: Int) -> Int { fileOffsets[index] }

  /// Where the next line starts when the backslash ending just before `start` splices it, else nil.
  private static func lineAfterSplice(_ file: [UInt8], after start: Int) -> Int? {
    var index = start
    while index < file.count, file[index] == UInt8(ascii: " ") || file[index] == UInt8(ascii: "\t") { index += 1 }
    if index < file.count, file[index] == UInt8(ascii: "\r") { index += 1 }
    guard index < file.count, file[index] == UInt8(ascii: "\n") else { return nil }
    return index + 1
  }
}
