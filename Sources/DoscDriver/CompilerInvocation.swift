import DoscSupport

/// A C compiler command line as `dosc analyze`, `dosc compile` and `dosc cc` receive it, kept
/// in the user's order: a link sees its inputs and options where the user put them
/// (`-Wl,--whole-archive libh.a -Wl,--no-whole-archive` must wrap the archive), and dosc only
/// replaces sources by objects and adds its own at the end. Which options take a separate value
/// comes from clang's own option table (`DriverOptions`). Like mpicc, dosc passes on what it
/// does not know.
public struct CompilerInvocation: Equatable, Sendable {
  public enum Role: Equatable, Sendable {
    /// Shapes preprocessing or code generation (`-I`, `-D`, `-O2`, `-include f`); also given to the link.
    case compile
    /// The linker's alone (`-l`, `-L`, `-Wl,...`, `-z now`, `-Xlinker x`).
    case link
    /// Dependency-file output (`-MD`, `-MMD`, `-MF f`, `-MT t`, `-MP`), a side effect of compiling.
    case dependency
    /// `-x LANGUAGE`: where it stands decides how the following inputs are read.
    case language
    /// `-c`: compile only.
    case compileOnly
  }

  public enum Argument: Equatable, Sendable {
    /// A C file: by its suffix, or any file after `-x c` (`explicitLanguage`).
    case source(String, explicitLanguage: Bool)
    /// Every other input: objects, archives, assembly, linker scripts.
    case input(String)
    case output(String)
    /// An option with its separate values, if any (`["-z", "now"]`).
    case option([String], Role)
  }

  public var arguments: [Argument] = []

  public init(arguments: [Argument] = []) { self.arguments = arguments }

  public var sources: [String] {
    arguments.compactMap { if case .source(let path, _) = $0 { path } else { nil } }
  }
  /// Objects, libraries and other non-C inputs named on the command line.
  public var inputs: [String] {
    arguments.compactMap { if case .input(let path) = $0 { path } else { nil } }
  }
  public var output: String? {
    arguments.compactMap { if case .output(let path) = $0 { path } else { nil } }.last
  }
  public var compileOnly: Bool { arguments.contains(.option(["-c"], .compileOnly)) }

  func options(_ roles: Set<Role>) -> [String] {
    arguments.flatMap { argument -> [String] in
      guard case .option(let words, let role) = argument, roles.contains(role) else { return [] }
      return words
    }
  }
  /// The options that shape the compile, in order.
  public var compilerFlags: [String] { options([.compile]) }
  /// The linker's options (`-l`, `-L`, `-Wl,...`, `-z now`), in order.
  public var linkerFlags: [String] { options([.link]) }
  /// `-M*` dependency-file options.
  public var dependencyFlags: [String] { options([.dependency]) }

  public typealias UsageError = DoscSupport.UsageError

  /// Another language is an input dosc cannot take (exit 1), not a malformed command line.
  private static func unsupportedLanguage(_ what: String) -> DiagnosedFailure {
    DiagnosedFailure(Diagnostic(.error, at: nil, "'\(what)': dosc handles C only", category: "driver"))
  }

  private static let cSuffixes = [".c", ".i"]
  private static let otherLanguageSuffixes = [".cc", ".cpp", ".cxx", ".C", ".c++", ".m", ".mm", ".f90", ".f"]

  public static func parse(_ arguments: [String]) throws -> CompilerInvocation {
    var result = CompilerInvocation()
    var language: String?
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if !argument.hasPrefix("-") || argument == "-" {
        if language == "c" || (language == nil && cSuffixes.contains(where: argument.hasSuffix)) {
          result.arguments.append(.source(argument, explicitLanguage: language == "c"))
        } else if language == nil && otherLanguageSuffixes.contains(where: argument.hasSuffix) {
          throw unsupportedLanguage(argument)
        } else {
          result.arguments.append(.input(argument))
        }
        continue
      }
      let match = DriverOptions.match(argument)
      let valueCount = match?.followingValues ?? 0
      guard index + valueCount <= arguments.count else {
        throw UsageError(description: "missing argument to '\(argument)'")
      }
      let words = Array(arguments[(index - 1)..<(index + valueCount)])
      index += valueCount
      let spelling = match?.option.spelling
      switch spelling {
      case "-o":
        result.arguments.append(.output(words.count == 2 ? words[1] : String(argument.dropFirst(2))))
      case "-x":
        let value = words.count == 2 ? words[1] : String(argument.dropFirst(2))
        guard value == "c" || value == "none" else { throw unsupportedLanguage("-x \(value)") }
        language = value == "c" ? "c" : nil
        result.arguments.append(.option(words, .language))
      case "-c":
        result.arguments.append(.option(words, .compileOnly))
      default:
        let role: Role
        if match?.option.isLinkerOption == true {
          role = .link
        } else if argument.hasPrefix("-M") && argument != "-M" && argument != "-MM" {
          role = .dependency
        } else {
          role = .compile
        }
        result.arguments.append(.option(words, role))
      }
    }
    return result
  }

  /// The command that compiles one of the sources alone to `object`: the compile options in
  /// the user's order (not the linker's, which a compile would ignore or warn about).
  public func compileCommand(_ source: String, object: String, extraFlags: [String] = []) -> [String] {
    let explicit = arguments.contains(.source(source, explicitLanguage: true))
    return compilerFlags + extraFlags + (explicit ? ["-x", "c"] : []) + ["-c", source, "-o", object]
  }

  /// The link: the user's command line in its order, each source replaced by its object (read
  /// as an object even after `-x c`; or by generated C, `replacementsAreC`), without `-c` and
  /// the dependency options, then `extra`.
  public func linkCommand(
    objects: [String: String], output: String, extra: [String] = [], replacementsAreC: Bool = false
  ) -> [String] {
    var command: [String] = []
    var languageActive = false
    var hasOutput = false
    for argument in arguments {
      switch argument {
      case .source(let path, _):
        let object = objects[path] ?? path
        command += languageActive && !replacementsAreC ? ["-x", "none", object, "-x", "c"] : [object]
      case .input(let path): command.append(path)
      case .output:
        if !hasOutput { command += ["-o", output] }
        hasOutput = true
      case .option(let words, let role):
        switch role {
        case .language:
          let value = words.count == 2 ? words[1] : String(words[0].dropFirst(2))
          languageActive = value == "c"
          command += words
        case .dependency, .compileOnly: break
        case .compile, .link: command += words
        }
      }
    }
    if !hasOutput { command += ["-o", output] }
    // What dosc adds are objects and libraries, whatever language the user's last `-x` named.
    return command + (languageActive && !extra.isEmpty ? ["-x", "none"] : []) + extra
  }

  /// The flags libclang needs to see the code as the compiler will: everything that shapes
  /// preprocessing and the language, but not warnings-as-errors or debug output.
  public var analysisFlags: [String] {
    var flags: [String] = []
    for argument in arguments {
      guard case .option(let words, .compile) = argument else { continue }
      let flag = words[0]
      if flag.hasPrefix("-Werror") || flag.hasPrefix("-g") || flag == "-pipe" || flag.hasPrefix("-fdiagnostics") {
        continue
      }
      flags += words
    }
    return flags
  }
}
