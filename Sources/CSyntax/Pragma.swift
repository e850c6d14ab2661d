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

/// A `_Pragma("dosc ...")` operator. dosc finds sites in the text before preprocessing, so it
/// cannot see where such an operator ends up (least of all through a macro); the analyzer
/// checks the directive and says, at this location, that the site was not seen.
public struct PragmaOperator: Hashable, Sendable {
  /// Location of `_Pragma`.
  public var location: SourceLocation
  /// The directive as a pragma line: the tokens of the string after `dosc`.
  public var line: PragmaLine
  /// The macro whose definition holds the operator, if any.
  public var macro: String?
  public init(location: SourceLocation, line: PragmaLine, macro: String?) {
    self.location = location
    self.line = line
    self.macro = macro
  }
}
