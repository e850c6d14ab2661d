/// A file's bytes as the compiler reads them after translation phase 2: every line splice (a
/// backslash before a newline or a CRLF, with blanks between them tolerated as gcc and clang
/// tolerate them) removed, with the way back to the file's own offsets. Scanning the spliced
/// bytes lets `#pragma dosc task\⏎wait` read as `taskwait` and `// note \⏎#pragma dosc task` as
/// one comment, as they read to the compiler.
struct SplicedText {
  /// The bytes with the splices removed.
  let bytes: [UInt8]
  /// The file offset of each byte of `bytes`, and the file's length after the last.
  private let fileOffsets: [Int]

  init(_ file: [UInt8]) {
    var bytes: [UInt8] = []
    var fileOffsets: [Int] = []
    bytes.reserveCapacity(file.count)
    fileOffsets.reserveCapacity(file.count + 1)
    var index = 0
    while index < file.count {
      if file[index] == UInt8(ascii: "\\"), let next = Self.lineAfterSplice(file, backslash: index) {
        index = next
        continue
      }
      bytes.append(file[index])
      fileOffsets.append(index)
      index += 1
    }
    fileOffsets.append(file.count)
    self.bytes = bytes
    self.fileOffsets = fileOffsets
  }

  /// The file offset of the spliced byte at `index` (`bytes.count` maps to the file's end).
  func fileOffset(_ index: Int) -> Int { fileOffsets[index] }

  /// Where the next line starts when the backslash at `backslash` splices it, else nil.
  private static func lineAfterSplice(_ file: [UInt8], backslash: Int) -> Int? {
    var index = backslash + 1
    while index < file.count, file[index] == UInt8(ascii: " ") || file[index] == UInt8(ascii: "\t") { index += 1 }
    if index < file.count, file[index] == UInt8(ascii: "\r") { index += 1 }
    guard index < file.count, file[index] == UInt8(ascii: "\n") else { return nil }
    return index + 1
  }
}
