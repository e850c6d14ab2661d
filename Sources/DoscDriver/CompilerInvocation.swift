import DoscSupport

/// A C compiler command line as `dosc analyze`, `dosc compile` and `dosc cc` receive it,
/// sorted into what each stage needs. Like mpicc, dosc passes on what it does not know.
public struct CompilerInvocation: Equatable, Sendable {
  public var sources: [String] = []
  /// Objects and libraries named on the command line (`x.o`, `libm.a`).
  public var inputs: [String] = []
  public var output: String?
  public var compileOnly = false
  /// Flags for the preprocessor and compiler, in order (`-I`, `-D`, `-std=`, `-O2`, `-g`, ...).
  public var compilerFlags: [String] = []
  /// Flags for the link step (`-l`, `-L`, `-Wl,...`, `-pthread`).
  public var linkerFlags: [String] = []
  /// `-M*` dependency-file flags, for the compile step only.
  public var dependencyFlags: [String] = []

  public typealias UsageError = DoscSupport.UsageError

  /// Another language is an input dosc cannot take (exit 1), not a malformed command line.
  private static func unsupportedLanguage(_ what: String) -> DiagnosedFailure {
    DiagnosedFailure(Diagnostic(.error, at: nil, "'\(what)': dosc handles C only", category: "driver"))
  }

  /// Options whose value is the next argument when not attached.
  private static let separateValue: Set<String> = [
    "-o", "-I", "-D", "-U", "-include", "-isystem", "-iquote", "-idirafter", "-x", "-L", "-l", "-MF", "-MT", "-MQ",
    "-Xlinker", "-imacros",
  ]

  public static func parse(_ arguments: [String]) throws -> CompilerInvocation {
    var result = CompilerInvocation()
    var index = 0
    func value(of option: String) throws -> String {
      index += 1
      guard index < arguments.count else { throw UsageError(description: "missing argument to '\(option)'") }
      return arguments[index]
    }
    while index < arguments.count {
      let argument = arguments[index]
      defer { index += 1 }
      if !argument.hasPrefix("-") || argument == "-" {
        if argument.hasSuffix(".c") || argument.hasSuffix(".i") {
          result.sources.append(argument)
        } else if argument.hasSuffix(".cc") || argument.hasSuffix(".cpp") || argument.hasSuffix(".cxx") {
          throw unsupportedLanguage(argument)
        } else {
          result.inputs.append(argument)
        }
        continue
      }
      if separateValue.contains(argument) {
        let next = try value(of: argument)
        switch argument {
        case "-o": result.output = next
        case "-x":
          guard next == "c" else { throw unsupportedLanguage("-x \(next)") }
          result.compilerFlags += [argument, next]
        case "-L", "-l", "-Xlinker": result.linkerFlags += [argument, next]
        case "-MF", "-MT", "-MQ": result.dependencyFlags += [argument, next]
        default: result.compilerFlags += [argument, next]
        }
        continue
      }
      switch argument {
      case "-c": result.compileOnly = true
      case "-pthread": result.compilerFlags.append(argument); result.linkerFlags.append(argument)
      case "-static", "-shared", "-rdynamic", "-nostdlib": result.linkerFlags.append(argument)
      default:
        if argument.hasPrefix("-o") {
          result.output = String(argument.dropFirst(2))
        } else if argument.hasPrefix("-l") || argument.hasPrefix("-L") || argument.hasPrefix("-Wl,") {
          result.linkerFlags.append(argument)
        } else if argument.hasPrefix("-M") {
          result.dependencyFlags.append(argument)
        } else if argument.hasPrefix("-x") {
          guard argument == "-xc" else { throw unsupportedLanguage(argument) }
          result.compilerFlags.append(argument)
        } else {
          result.compilerFlags.append(argument)
        }
      }
    }
    return result
  }

  /// The flags libclang needs to see the code as the compiler will: everything that shapes
  /// preprocessing and the language, but not warnings-as-errors or debug output.
  public var analysisFlags: [String] {
    var flags: [String] = []
    var index = 0
    while index < compilerFlags.count {
      let flag = compilerFlags[index]
      defer { index += 1 }
      if flag.hasPrefix("-Werror") || flag.hasPrefix("-g") || flag == "-pipe" || flag.hasPrefix("-fdiagnostics") {
        continue
      }
      flags.append(flag)
    }
    return flags
  }
}
