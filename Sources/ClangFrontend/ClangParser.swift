import CClang
import CSyntax
import DoscSupport
import Foundation

/// Parses a C file with libclang and the user's flags into a `TranslationUnit`.
public enum ClangParser {
  /// Throws `DiagnosedFailure` with clang's errors (located) when the C does not compile.
  public static func parse(path: String, arguments: [String]) throws -> TranslationUnit {
    guard FileManager.default.fileExists(atPath: path) else {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "no such file or directory: '\(path)'"))
    }
    guard let sourceData = FileManager.default.contents(atPath: path) else {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot read '\(path)'"))
    }
    let trigraphs = Trigraphs(compilerFlags: arguments)
    let text = try SourceEncoding.text(of: Array(sourceData), file: path, trigraphs: trigraphs)
    let session = try ClangSession(path: path, arguments: arguments)
    let scan = PragmaScanner.scan(text, file: path, skippedRanges: session.skippedRanges(), trigraphs: trigraphs)
    // Directives in the user's own headers and `.inc` files are not rewritten, but they are
    // found, so that the analysis can say what becomes of them (a lost taskwait is an error).
    var includedPragmas: [IncludedPragma] = []
    var operators = scan.operators
    for included in session.userInclusions() {
      guard let data = FileManager.default.contents(atPath: included.path) else { continue }
      let found = PragmaScanner.scan(
        bytes: Array(data), file: included.path, skippedRanges: included.skippedRanges, trigraphs: trigraphs)
      includedPragmas += found.pragmas.map { IncludedPragma(line: $0, inclusions: included.inclusions) }
      operators += found.operators
    }
    return TranslationUnit(
      path: path, source: text, pragmas: scan.pragmas, pragmaOperators: operators,
      includedPragmas: includedPragmas, functions: session)
  }
}

/// Owns the libclang index and translation unit for as long as the analysis needs bodies.
final class ClangSession: FunctionSource {
  private let index: CXIndex
  let unit: CXTranslationUnit
  private let path: String
  let mapper = LocationMapper()
  private let sources = SourceCache()
  private var definitionCursors: [String: CXCursor] = [:]
  private var declarationCursors: [String: CXCursor] = [:]
  private var globalCursors: [String: CXCursor] = [:]
  private var definitions: [String: FunctionDefinition?] = [:]
  private lazy var constancy = ConstancyJudge(unit: unit, mapper: mapper, sources: sources)
  /// The main file's operators where clang prints its functions, parsed when first asked.
  private lazy var expandedOperators = ExpandedOperators(
    path: path, arguments: arguments, text: sources.bytes(path),
    functions: mainFileFunctions.compactMap { function in
      definitionCursors[function.name].map { .init(name: function.name, cursor: $0, range: function.range) }
    })
  private let arguments: [String]
  /// The same file parsed without OpenMP, for functions whose directives leave their loops'
  /// footprints as they are (`OpenMPLoops`); nil when the flags have none or it fails to parse.
  private lazy var serialSession: ClangSession? = {
    guard arguments.contains(where: OpenMPLoops.isOpenMPFlag) else { return nil }
    return try? ClangSession(path: path, arguments: OpenMPLoops.serialArguments(arguments))
  }()
  private(set) var mainFileFunctions: [(name: String, range: Range<Int>)] = []

  /// The bracket nesting dosc parses by default: 40 times clang's 256, beyond any C a person or a
  /// macro writes. clang's parser takes ~5 KiB of stack per level, 50 MiB here, which even the
  /// smallest stack `LargeStack` falls back to (256 MiB) holds; at 150,000 levels a 1,000,000-deep
  /// input overflowed the 4 GiB one inside libclang. Deeper input is clang's located error.
  static let bracketDepth = 10_000

  init(path: String, arguments userArguments: [String]) throws {
    // gcc has no limit on the nesting of brackets, clang stops at 256: a `(`, `{` or `[` 257
    // deep was an error that the user's cc never gives. An explicit `-fbracket-depth=` holds.
    let arguments =
      userArguments.contains { $0.hasPrefix("-fbracket-depth") }
      ? userArguments : userArguments + ["-fbracket-depth=\(Self.bracketDepth)"]
    self.path = path
    self.arguments = arguments
    // libclang parses on a helper thread of its own with an 8 MiB stack, which deep C (an
    // expression of 40,000 terms) overflows. Parse on the calling thread instead: dosc runs
    // its commands on a thread with a large stack (`LargeStack`).
    setenv("LIBCLANG_NOTHREADS", "1", 1)
    let index = clang_createIndex(0, 0)!
    self.index = index
    var parsed: CXTranslationUnit?
    // Skipped `#if 0` regions are only recorded with the detailed preprocessing record.
    let options = CXTranslationUnit_DetailedPreprocessingRecord.rawValue | CXTranslationUnit_KeepGoing.rawValue
    let status = withCStrings(arguments) { argv in
      clang_parseTranslationUnit2(index, path, argv, Int32(arguments.count), nil, 0, options, &parsed)
    }
    guard status == CXError_Success, let parsed else {
      clang_disposeIndex(index)
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "clang could not parse '\(path)' (error \(status.rawValue))"))
    }
    unit = parsed
    let errors = collectErrors()
    // Every property is set by now, so `deinit` disposes the unit and index when this throws.
    if !errors.isEmpty { throw DiagnosedFailure(errors) }
    indexTopLevel()
  }

  deinit {
    clang_disposeTranslationUnit(unit)
    clang_disposeIndex(index)
  }

  private func collectErrors() -> [Diagnostic] {
    var errors: [Diagnostic] = []
    for number in 0..<clang_getNumDiagnostics(unit) {
      let diagnostic = clang_getDiagnostic(unit, number)
      defer { clang_disposeDiagnostic(diagnostic) }
      let severity = clang_getDiagnosticSeverity(diagnostic)
      guard severity == CXDiagnostic_Error || severity == CXDiagnostic_Fatal else { continue }
      let location = clang_getDiagnosticLocation(diagnostic)
      var file: CXFile?
      clang_getExpansionLocation(location, &file, nil, nil, nil)
      errors.append(
        Diagnostic(
          .error, at: file == nil ? nil : mapper.location(location),
          Self.explained(consume(clang_getDiagnosticSpelling(diagnostic)))))
    }
    return errors
  }

  /// clang's words, with what they mean for a gcc user where clang lacks a GNU C extension.
  static func explained(_ message: String) -> String {
    guard message == "function definition is not allowed here" else { return message }
    return message
      + " (a GNU C nested function? gcc has them, clang does not, and dosc reads C with clang: define it"
      + " at file scope, passing what it used of the enclosing function as arguments)"
  }

  /// Records where every top-level function and variable is, without converting anything.
  private func indexTopLevel() {
    let cursor = clang_getTranslationUnitCursor(unit)
    for child in children(of: cursor) {
      switch child.kind {
      case CXCursor_FunctionDecl:
        let name = consume(clang_getCursorSpelling(child))
        if clang_isCursorDefinition(child) != 0 {
          definitionCursors[name] = child
          let location = clang_getCursorLocation(child)
          if clang_Location_isFromMainFile(location) != 0 {
            mainFileFunctions.append((name, mapper.range(of: child)))
          }
        } else if declarationCursors[name] == nil {
          declarationCursors[name] = child
        }
      case CXCursor_VarDecl:
        globalCursors[consume(clang_getCursorSpelling(child))] = child
      default:
        break
      }
    }
  }

  func skippedRanges() -> [Range<Int>] { skippedRanges(in: clang_getFile(unit, path)) }

  /// The `#if 0`-style regions the preprocessor skipped in `file`, as byte offsets.
  func skippedRanges(in file: CXFile?) -> [Range<Int>] {
    guard let list = clang_getSkippedRanges(unit, file) else { return [] }
    defer { clang_disposeSourceRangeList(list) }
    return (0..<Int(list.pointee.count)).map { number in
      let range = list.pointee.ranges[number]
      let start = mapper.location(clang_getRangeStart(range)).offset
      return start..<max(start, mapper.location(clang_getRangeEnd(range)).offset)
    }
  }

  func definition(named name: String) -> FunctionDefinition? {
    if let cached = definitions[name] { return cached }
    var converted = definitionCursors[name].flatMap {
      BodyConverter(mapper: mapper, sources: sources, constancy: constancy, expandedOperators: expandedOperators)
        .function($0)
    }
    if let function = converted, holdsOpenMPDirective(function), let cursor = definitionCursors[name] {
      let location = mapper.location(of: cursor)
      let code = sources.text(file: location.file, range: mapper.range(of: cursor))
      if OpenMPLoops.onlyNeutralDirectives(in: code), let serial = serialSession?.definition(named: name) {
        converted = serial
      }
    }
    definitions[name] = converted
    return converted
  }

  /// Whether `-fopenmp` made a directive of `function` a statement the converter leaves out.
  private func holdsOpenMPDirective(_ function: FunctionDefinition) -> Bool {
    var found = false
    SyntaxWalk.forEachStatement(in: function.body) { statement in
      if case .unsupported(let kind) = statement.kind, kind.hasPrefix("OMP") { found = true }
    }
    return found
  }

  func declaration(named name: String) -> FunctionDeclaration? {
    guard let cursor = declarationCursors[name] ?? definitionCursors[name] else { return nil }
    let count = max(0, Int(clang_Cursor_getNumArguments(cursor)))
    let parameters = (0..<count).map { number -> Parameter in
      let parameter = clang_Cursor_getArgument(cursor, UInt32(number))
      return Parameter(
        name: consume(clang_getCursorSpelling(parameter)), type: convertType(clang_getCursorType(parameter)))
    }
    return FunctionDeclaration(
      name: name, location: mapper.location(of: cursor), parameters: parameters,
      returnType: convertType(clang_getResultType(clang_getCursorType(cursor))))
  }

  func global(named name: String) -> VariableDeclaration? {
    guard let cursor = globalCursors[name] else { return nil }
    return BodyConverter(mapper: mapper, sources: sources, constancy: constancy).variable(cursor)
  }
}

/// Calls `body` with a C `argv` array built from `strings`.
func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>) -> R) -> R {
  let duplicated = strings.map { strdup($0) }
  defer { duplicated.forEach { free($0) } }
  let pointers = duplicated.map { UnsafePointer<CChar>($0) }
  return pointers.withUnsafeBufferPointer { body($0.baseAddress!) }
}
