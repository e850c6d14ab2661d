import DoscSupport

/// Finds `#pragma dosc` directives in a file's text. Pragmas are not in libclang's AST, so
/// they are found here, with a scanner that knows C's comments, strings and line splices well
/// enough not to mistake `/* #pragma dosc task */` for a directive.
public enum PragmaScanner {
  public struct Result: Sendable {
    public var pragmas: [PragmaLine]
    /// `_Pragma("dosc ...")` operators: dosc cannot see through them, so it says so.
    public var operatorLocations: [SourceLocation]
  }

  public static func scan(_ text: String, file: String, skippedRanges: [Range<Int>] = []) -> Result {
    let bytes = Array(text.utf8)
    let lines = LineTable(bytes)
    var pragmas: [PragmaLine] = []
    var operators: [SourceLocation] = []
    var index = 0
    var atLineStart = true

    func location(_ offset: Int) -> SourceLocation {
      let (line, column) = lines.lineAndColumn(offset)
      return SourceLocation(file: file, line: line, column: column, offset: offset)
    }

    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\n"):
        atLineStart = true
        index += 1
      case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"), 0x0c:
        index += 1
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
        while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
        index += 2
        while index + 1 < bytes.count && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
          index += 1
        }
        index += 2
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        index = endOfQuoted(bytes, from: index)
        atLineStart = false
      case UInt8(ascii: "#") where atLineStart:
        let end = endOfDirective(bytes, from: index)
        if let pragma = directive(bytes, start: index, end: end, location: location),
          !skippedRanges.contains(where: { $0.contains(index) })
        {
          pragmas.append(pragma)
        }
        index = end
      case UInt8(ascii: "_") where matches(bytes, at: index, "_Pragma"):
        var cursor = index + 7
        while cursor < bytes.count, bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "(") {
          cursor += 1
        }
        if matches(bytes, at: cursor, "\"dosc") { operators.append(location(index)) }
        index += 7
        atLineStart = false
      default:
        atLineStart = false
        index += 1
      }
    }
    return Result(pragmas: pragmas, operatorLocations: operators)
  }

  private static func matches(_ bytes: [UInt8], at index: Int, _ word: String) -> Bool {
    let utf8 = Array(word.utf8)
    return index + utf8.count <= bytes.count && Array(bytes[index..<index + utf8.count]) == utf8
  }

  private static func endOfQuoted(_ bytes: [UInt8], from start: Int) -> Int {
    let quote = bytes[start]
    var index = start + 1
    while index < bytes.count && bytes[index] != quote && bytes[index] != UInt8(ascii: "\n") {
      index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
    }
    return min(index + 1, bytes.count)
  }

  /// A directive runs to the first newline that is not spliced by a backslash.
  private static func endOfDirective(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") && !(index > 0 && bytes[index - 1] == UInt8(ascii: "\\")) { break }
      index += 1
    }
    return index
  }

  /// Tokens of `# pragma dosc ...`, or nil for any other directive.
  private static func directive(
    _ bytes: [UInt8], start: Int, end: Int, location: (Int) -> SourceLocation
  ) -> PragmaLine? {
    let tokens = tokenize(bytes, start: start + 1, end: end, location: location)
    guard tokens.count >= 2, tokens[0].spelling == "pragma", tokens[1].spelling == "dosc" else { return nil }
    return PragmaLine(
      location: location(start), doscLocation: tokens[1].location, tokens: Array(tokens.dropFirst(2)),
      range: start..<end)
  }

  /// A small C lexer for one directive line: identifiers, numbers, punctuators (longest
  /// match for the few multi-character ones clause expressions use), comments skipped.
  static func tokenize(_ bytes: [UInt8], start: Int, end: Int, location: (Int) -> SourceLocation) -> [PragmaToken] {
    var tokens: [PragmaToken] = []
    var index = start
    func isIdentifier(_ b: UInt8) -> Bool {
      (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39) || b == 0x5f
    }
    while index < end {
      let byte = bytes[index]
      if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
        || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\\")
      {
        index += 1
        continue
      }
      if byte == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "/") { break }
      if byte == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "*") {
        index += 2
        while index + 1 < end && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
          index += 1
        }
        index += 2
        continue
      }
      let tokenStart = index
      let kind: PragmaToken.Kind
      if isIdentifier(byte) {
        while index < end && isIdentifier(bytes[index]) { index += 1 }
        kind = (byte >= 0x30 && byte <= 0x39) ? .literal : .identifier
      } else {
        let pair = index + 1 < end ? String(decoding: bytes[index...index + 1], as: UTF8.self) : ""
        index += ["->", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||"].contains(pair) ? 2 : 1
        kind = .punctuation
      }
      tokens.append(
        PragmaToken(
          spelling: String(decoding: bytes[tokenStart..<index], as: UTF8.self), kind: kind,
          location: location(tokenStart)))
    }
    return tokens
  }
}

/// Maps byte offsets to 1-based line and column numbers.
public struct LineTable: Sendable {
  private var lineStarts: [Int] = [0]

  public init(_ bytes: [UInt8]) {
    for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { lineStarts.append(offset + 1) }
  }

  public func lineAndColumn(_ offset: Int) -> (line: Int, column: Int) {
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lineStarts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return (low + 1, offset - lineStarts[low] + 1)
  }
}
