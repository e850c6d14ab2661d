import DoscSupport

/// A raw token of a `#pragma dosc` line, as the lexer saw it.
public struct PragmaToken: Hashable, Sendable {
  public enum Kind: Hashable, Sendable { case identifier, keyword, literal, punctuation }
  public var spelling: String
  public var kind: Kind
  public var location: SourceLocation
  public init(spelling: String, kind: Kind, location: SourceLocation) {
    self.spelling = spelling
    self.kind = kind
    self.location = location
  }
}

/// One `#pragma dosc ...` line: the tokens after `dosc`, with the pragma's own range.
public struct PragmaLine: Hashable, Sendable {
  /// Location of the `#`.
  public var location: SourceLocation
  /// Location of the `dosc` token.
  public var doscLocation: SourceLocation
  /// Tokens after `dosc`, up to the end of the directive.
  public var tokens: [PragmaToken]
  /// Byte range of the whole directive line in its file.
  public var range: Range<Int>
  public init(location: SourceLocation, doscLocation: SourceLocation, tokens: [PragmaToken], range: Range<Int>) {
    self.location = location
    self.doscLocation = doscLocation
    self.tokens = tokens
    self.range = range
  }
}
