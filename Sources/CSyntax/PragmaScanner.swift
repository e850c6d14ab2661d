import DoscSupport

/// Finds `#pragma dosc` directives in a file's text. Pragmas are not in libclang's AST, so
/// they are found here, with a scanner that knows C's comments, strings and line splices well
/// enough not to mistake `/* #pragma dosc task */` for a directive.
public enum PragmaScanner {
  public struct Result: Sendable {
    public var pragmas: [PragmaLine]
    /// `_Pragma("dosc ...")` operators, in code and in macro definitions: dosc cannot see
    /// through them, so it says so.
    public var operators: [PragmaOperator]
  }

  public static func scan(_ text: String, file: String, skippedRanges: [Range<Int>] = []) -> Result {
    let bytes = Array(text.utf8)
    let lines = LineTable(bytes)
    var pragmas: [PragmaLine] = []
    var operators: [PragmaOperator] = []
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
        // A backslash at the end of the line splices the next line into the comment, so
        // `// note \` hides a `#pragma dosc task` on the next line from the compiler.
        index = endOfLogicalLine(bytes, from: index)
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
        let end = endOfLogicalLine(bytes, from: index)
        if !skippedRanges.contains(where: { $0.contains(index) }) {
          if let pragma = directive(bytes, start: index, end: end, location: location) {
            pragmas.append(pragma)
          } else if let macro = macroName(bytes, start: index, end: end, location: location) {
            operators += pragmaOperators(bytes, from: index, to: end, macro: macro, location: location)
          }
        }
        index = end
      case UInt8(ascii: "_") where matches(bytes, at: index, "_Pragma"):
        if !skippedRanges.contains(where: { $0.contains(index) }),
          let found = pragmaOperator(bytes, at: index, limit: bytes.count, macro: nil, location: location)
        {
          operators.append(found)
        }
        index += 7
        atLineStart = false
      default:
        atLineStart = false
        index += 1
      }
    }
    return Result(pragmas: pragmas, operators: operators)
  }

  /// `_Pragma ( "dosc ..." )` at `index`, or nil when the string does not start with `dosc`.
  private static func pragmaOperator(
    _ bytes: [UInt8], at index: Int, limit: Int, macro: String?, location: (Int) -> SourceLocation
  ) -> PragmaOperator? {
    var cursor = index + 7
    while cursor < limit, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "(")].contains(bytes[cursor]) {
      cursor += 1
    }
    guard cursor < limit, bytes[cursor] == UInt8(ascii: "\"") else { return nil }
    let contentStart = cursor + 1
    let contentEnd = min(endOfQuoted(bytes, from: cursor) - 1, limit)
    guard contentStart < contentEnd else { return nil }
    let tokens = tokenize(bytes, start: contentStart, end: contentEnd, location: location)
    guard tokens.first?.spelling == "dosc" else { return nil }
    let line = PragmaLine(
      location: location(index), doscLocation: tokens[0].location, tokens: Array(tokens.dropFirst()),
      range: index..<contentEnd + 1)
    return PragmaOperator(location: location(index), line: line, macro: macro)
  }

  /// The name a `#define` directive defines, or nil for any other directive.
  private static func macroName(_ bytes: [UInt8], start: Int, end: Int, location: (Int) -> SourceLocation)
    -> String?
  {
    let tokens = tokenize(bytes, start: start + 1, end: end, location: location)
    guard tokens.count >= 2, tokens[0].spelling == "define", tokens[1].kind == .identifier else { return nil }
    return tokens[1].spelling
  }

  /// The `_Pragma("dosc ...")` operators in a macro definition's body.
  private static func pragmaOperators(
    _ bytes: [UInt8], from start: Int, to end: Int, macro: String, location: (Int) -> SourceLocation
  ) -> [PragmaOperator] {
    var found: [PragmaOperator] = []
    var index = start
    while index < end {
      if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
        index = endOfQuoted(bytes, from: index)
      } else if matches(bytes, at: index, "_Pragma") {
        if let op = pragmaOperator(bytes, at: index, limit: end, macro: macro, location: location) { found.append(op) }
        index += 7
      } else {
        index += 1
      }
    }
    return found
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

  /// A directive or a `//` comment runs to the first newline that is not spliced by a
  /// backslash (before a CRLF too: a CRLF file's continued `#pragma dosc \` was cut at its first
  /// line).
  private static func endOfLogicalLine(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index < bytes.count {
      if bytes[index] == UInt8(ascii: "\n") {
        let before = index > 0 && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
        if !(before > 0 && bytes[before - 1] == UInt8(ascii: "\\")) { break }
      }
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
    // The last line starting at or before `offset` (line 1 starts at 0, before any offset).
    let line = max(lineStarts.partitioningIndex { $0 > offset } - 1, 0)
    return (line + 1, offset - lineStarts[line] + 1)
  }
}
