import DoscSupport

/// Where function bodies come from: the front end converts them on demand, so a large file
/// costs only the functions the analysis actually visits.
public protocol FunctionSource: AnyObject {
  func definition(named name: String) -> FunctionDefinition?
  func declaration(named name: String) -> FunctionDeclaration?
  func global(named name: String) -> VariableDeclaration?
  /// Name and byte range of every function defined in the main file.
  var mainFileFunctions: [(name: String, range: Range<Int>)] { get }
}

/// One parsed C file, as the analysis sees it.
public final class TranslationUnit {
  /// The main file's path as given on the command line.
  public let path: String
  /// The main file's text, which the rewriter and the pragma matcher read.
  public let source: String
  public let pragmas: [PragmaLine]
  /// `_Pragma("dosc ...")` operators, which dosc cannot honour.
  public let pragmaOperators: [PragmaOperator]
  /// `#pragma dosc` directives in the user's included files, which dosc does not rewrite.
  public let includedPragmas: [IncludedPragma]
  public let functions: FunctionSource

  public init(
    path: String, source: String, pragmas: [PragmaLine], pragmaOperators: [PragmaOperator],
    includedPragmas: [IncludedPragma] = [], functions: FunctionSource
  ) {
    self.path = path
    self.source = source
    self.pragmas = pragmas
    self.pragmaOperators = pragmaOperators
    self.includedPragmas = includedPragmas
    self.functions = functions
  }

  /// The main-file function whose body contains `offset`.
  public func function(enclosing offset: Int) -> FunctionDefinition? {
    functionName(enclosing: offset).flatMap { functions.definition(named: $0) }
  }

  /// The name of the main-file function whose definition contains `offset`.
  public func functionName(enclosing offset: Int) -> String? {
    functions.mainFileFunctions.first { $0.range.contains(offset) }?.name
  }
}
