/// A position in a source file, 1-based like clang's diagnostics. `offset` is the 0-based byte
/// offset in the file, which the pragma matcher and the rewriter use to order things.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var file: String
  public var line: Int
  public var column: Int
  public var offset: Int

  public init(file: String, line: Int, column: Int, offset: Int = 0) {
    self.file = file
    self.line = line
    self.column = column
    self.offset = offset
  }

  public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
    (a.file, a.offset, a.line, a.column) < (b.file, b.offset, b.line, b.column)
  }

  /// `file:line:col`, the prefix of every located message.
  public var description: String { "\(file):\(line):\(column)" }

  /// The same location with the file name shortened to its last path component, which is what
  /// manifests record so that they do not depend on where the checkout lives.
  public var withBaseName: SourceLocation {
    var copy = self
    copy.file = String(file.split(separator: "/").last ?? Substring(file))
    return copy
  }
}
