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
    /// Where the comments are, in the file's offsets: `//` to the end of its spliced line,
    /// `/* */` (unterminated: to the end of the file), outside string and character literals.
    public var comments: [Range<Int>]
  }

  public static func scan(
    _ text: String, file: String, skippedRanges: [Range<Int>] = [], trigraphs: Trigraphs = .ignored
  ) -> Result {
    scan(bytes: Array(text.utf8), file: file, skippedRanges: skippedRanges, trigraphs: trigraphs)
  }

  /// Scans a file's bytes as they are (a file that is not UTF-8 keeps its offsets, which
  /// `skippedRanges` and the locations are in). The scan reads the text after translation
  /// phases 1 and 2, as the compiler does: `#pragma dosc task\⏎wait` is a taskwait, and so is
  /// `??=pragma dosc taskwait` when the compiler's flags replace trigraphs.
  public static func scan(
    bytes file: [UInt8], file path: String, skippedRanges: [Range<Int>] = [], trigraphs: Trigraphs = .ignored
  ) -> Result {
    let text = SplicedText(file, trigraphs: trigraphs)
    let bytes = text.bytes
    let lines = LineTable(file)
    var pragmas: [PragmaLine] = []
    var operators: [PragmaOperator] = []
    // In the spliced text's indices until the end.
    var comments: [Range<Int>] = []
    var index = 0
    var atLineStart = true

    func location(_ index: Int) -> SourceLocation {
      let offset = text.fileOffset(index)
      let (line, column) = lines.lineAndColumn(offset)
      return SourceLocation(file: path, line: line, column: column, offset: offset)
    }
    func isSkipped(_ index: Int) -> Bool {
      let offset = text.fileOffset(index)
      return skippedRanges.contains { $0.contains(offset) }
    }

    while index < bytes.count {
      let byte = bytes[index]
      switch byte {
      case UInt8(ascii: "\n"):
        atLineStart = true
        index += 1
      case _ where isBlank(byte):
        index += 1
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "/"):
        let end = endOfLine(bytes, from: index)
        comments.append(index..<end)
        index = end
      case UInt8(ascii: "/") where index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "*"):
        let end = endOfBlockComment(bytes, from: index)
        comments.append(index..<end)
        index = end
      case UInt8(ascii: "\""), UInt8(ascii: "'"):
        index = endOfQuoted(bytes, from: index)
        atLineStart = false
      case _ where atLineStart && hashLength(bytes, at: index) > 0:
        // `#`, or its digraph `%:`, first on a line: a directive, which runs to the end of its
        // line, comments included (a `/* ... */` after it may span lines and hide directives).
        let end = endOfDirective(bytes, from: index, comments: &comments)
        let body = index + hashLength(bytes, at: index)
        if !isSkipped(index) {
          if let pragma = directive(bytes, start: index, body: body, end: end, location: location) {
            pragmas.append(pragma)
          } else if let macro = macroName(bytes, start: body, end: end, location: location) {
            operators += pragmaOperators(bytes, from: index, to: end, macro: macro, location: location)
          }
        }
        index = end
      case _ where isIdentifier(byte):
        // A whole identifier, so that `my_Pragma(...)` is not taken for `_Pragma`.
        let start = index
        while index < bytes.count && isIdentifier(bytes[index]) { index += 1 }
        if index - start == 7, matches(bytes, at: start, "_Pragma"), !isSkipped(start),
          let found = pragmaOperator(bytes, at: start, limit: bytes.count, macro: nil, location: location)
        {
          operators.append(found)
        }
        atLineStart = false
      default:
        atLineStart = false
        index += 1
      }
    }
    let fileComments = comments.map { text.fileOffset($0.lowerBound)..<text.fileOffset($0.upperBound) }
    return Result(pragmas: pragmas, operators: operators, comments: fileComments)
  }

  /// Blanks other than the newline; a NUL is one too (the compiler ignores it, with a warning).
  private static func isBlank(_ byte: UInt8) -> Bool {
    byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") || byte == 0x0b
      || byte == 0x0c || byte == 0
  }

  private static func isIdentifier(_ byte: UInt8) -> Bool {
    (byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x30 && byte <= 0x39)
      || byte == 0x5f
  }

  /// The length of a directive's `#` at `index`: 1, 2 for the digraph `%:`, 0 for neither.
  private static func hashLength(_ bytes: [UInt8], at index: Int) -> Int {
    if bytes[index] == UInt8(ascii: "#") { return 1 }
    return matches(bytes, at: index, "%:") ? 2 : 0
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
      range: location(index).offset..<location(min(contentEnd + 1, limit)).offset)
    return PragmaOperator(location: location(index), line: line, macro: macro)
  }

  /// The name a `#define` directive defines, or nil for any other directive.
  private static func macroName(_ bytes: [UInt8], start: Int, end: Int, location: (Int) -> SourceLocation)
    -> String?
  {
    let tokens = tokenize(bytes, start: start, end: end, location: location)
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
    // An unterminated literal ends before its newline, which still starts the next line.
    guard index < bytes.count, bytes[index] == quote else { return min(index, bytes.count) }
    return index + 1
  }

  /// The newline ending the line at `start` (splices are gone already), or the end.
  private static func endOfLine(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start
    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") { index += 1 }
    return index
  }

  /// Just past the `*/` closing the comment at `start`, or the end of an unterminated one.
  private static func endOfBlockComment(_ bytes: [UInt8], from start: Int) -> Int {
    var index = start + 2
    while index + 1 < bytes.count && !(bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "/")) {
      index += 1
    }
    return min(index + 2, bytes.count)
  }

  /// The newline ending the directive at `start`, with the comments on the way: a comment is
  /// one blank to the compiler, so the newlines inside `/* ... */` do not end it, and no
  /// directive hides in the comment.
  private static func endOfDirective(_ bytes: [UInt8], from start: Int, comments: inout [Range<Int>]) -> Int {
    var index = start
    while index < bytes.count && bytes[index] != UInt8(ascii: "\n") {
      if matches(bytes, at: index, "/*") {
        let end = endOfBlockComment(bytes, from: index)
        comments.append(index..<end)
        index = end
      } else if matches(bytes, at: index, "//") {
        let end = endOfLine(bytes, from: index)
        comments.append(index..<end)
        return end
      } else if bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
        index = endOfQuoted(bytes, from: index)
      } else {
        index += 1
      }
    }
    return index
  }

  /// Tokens of `# pragma dosc ...`, or nil for any other directive.
  private static func directive(
    _ bytes: [UInt8], start: Int, body: Int, end: Int, location: (Int) -> SourceLocation
  ) -> PragmaLine? {
    let tokens = tokenize(bytes, start: body, end: end, location: location)
    guard tokens.count >= 2, tokens[0].spelling == "pragma", tokens[1].spelling == "dosc" else { return nil }
    return PragmaLine(
      location: location(start), doscLocation: tokens[1].location, tokens: Array(tokens.dropFirst(2)),
      range: location(start).offset..<location(end).offset)
  }

  /// A small C lexer for one directive line: identifiers, numbers, punctuators (longest
  /// match for the few multi-character ones clause expressions use), comments skipped.
  static func tokenize(_ bytes: [UInt8], start: Int, end: Int, location: (Int) -> SourceLocation) -> [PragmaToken] {
    var tokens: [PragmaToken] = []
    var index = start
    while index < end {
      let byte = bytes[index]
      // A newline is a blank here: the directive's own ended at `end`, the rest were in comments.
      if isBlank(byte) || byte == UInt8(ascii: "\n") {
        index += 1
        continue
      }
      if byte == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "/") { break }
      if byte == UInt8(ascii: "/") && index + 1 < end && bytes[index + 1] == UInt8(ascii: "*") {
        index = min(endOfBlockComment(bytes, from: index), end)
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
