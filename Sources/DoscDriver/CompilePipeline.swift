import ClangFrontend
import DoscAnalysis
import DoscManifest
import DoscRewrite
import DoscSupport
import Foundation

/// `dosc compile FILE.c... [CFLAGS...] -o PROG`: analyze each file, rewrite it, compile the
/// generated C with the system compiler, link the runtime, write `PROG` and `PROG.dosc.json`.
public enum CompilePipeline {
  /// The command line, split into dosc's own options and a compiler invocation.
  public struct Options {
    public var invocation: CompilerInvocation
    /// Keep the generated C in `PROG.dosc-gen/`.
    public var keepGenerated = false
    /// The C compiler: `--cc`, else `DOSC_CC`, else `cc`.
    public var compiler: String
    /// Where `include/dosc_abi.h` and `build/libdosc.a` are.
    public var runtimeDirectory: String?

    public static func parse(_ arguments: [String], environment: [String: String]) throws -> Options {
      let (options, rest) = try splitDoscOptions(arguments, environment: environment)
      let invocation = try CompilerInvocation.parse(rest)
      if invocation.sources.isEmpty {
        throw CompilerInvocation.UsageError(
          description: "no input file; usage: dosc compile FILE.c... [CFLAGS...] -o PROG")
      }
      if invocation.compileOnly {
        throw CompilerInvocation.UsageError(description: "dosc compile builds a program; use 'dosc cc -c' for objects")
      }
      return Options(
        invocation: invocation, keepGenerated: options.keepGenerated, compiler: options.compiler,
        runtimeDirectory: options.runtimeDirectory)
    }

    /// dosc's own options (`--keep-generated`, `--cc`, `--runtime-dir`, and `DOSC_CC`,
    /// `DOSC_RUNTIME_DIR`), with the compiler's arguments left over in order.
    static func splitDoscOptions(_ arguments: [String], environment: [String: String]) throws -> (
      options: Options, rest: [String]
    ) {
      var rest: [String] = []
      var keep = false
      var compiler = environment["DOSC_CC"].flatMap { $0.isEmpty ? nil : $0 } ?? "cc"
      var runtime = environment["DOSC_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 }
      var index = 0
      while index < arguments.count {
        let argument = arguments[index]
        index += 1
        switch argument {
        case "--keep-generated": keep = true
        case "--cc", "--runtime-dir":
          guard index < arguments.count else {
            throw CompilerInvocation.UsageError(description: "missing argument to '\(argument)'")
          }
          if argument == "--cc" { compiler = arguments[index] } else { runtime = arguments[index] }
          index += 1
        default:
          if argument.hasPrefix("--cc=") {
            compiler = String(argument.dropFirst(5))
          } else if argument.hasPrefix("--runtime-dir=") {
            runtime = String(argument.dropFirst(14))
          } else {
            rest.append(argument)
          }
        }
      }
      return (
        Options(invocation: CompilerInvocation(), keepGenerated: keep, compiler: compiler, runtimeDirectory: runtime),
        rest
      )
    }
  }

  /// Runs the command; returns the exit status (0, 1 for errors in the input, 2 for usage).
  public static func run(
    arguments: [String], diagnostics: DiagnosticEngine,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int32 {
    diagnostics.exitStatus {
      try compile(try Options.parse(arguments, environment: environment), diagnostics: diagnostics)
      return 0
    }
  }

  public static func compile(_ options: Options, diagnostics: DiagnosticEngine) throws {
    let invocation = options.invocation
    let output = invocation.output ?? "a.out"
    let flags = invocation.analysisFlags

    // The sidecar links the units' fragments: program-wide site ids, and a task whose body is
    // in another unit gets the figures analyzed there (which its sites compile in, too).
    let analyzed = try UnitAnalysis.analyze(invocation.sources, flags: flags, diagnostics: diagnostics)
    let units = analyzed.map(\.unit)
    var manifest = Manifest.link(analyzed.map(\.fragment))
    let rewrite = try ProgramRewriter.rewrite(
      units, unitHashes: analyzed.map(\.fragment.sourceHash), diagnostics: diagnostics)
    for (index, unit) in (manifest.units ?? []).enumerated() {
      UnitAnalysis.recordRewrite(rewrite.sites[index], in: &manifest, firstSite: unit.firstSite)
    }
    let runtime = try RuntimeLocator.locate(options.runtimeDirectory)

    // Generated C: kept beside PROG on request, else in a temporary directory.
    let generated: String
    if options.keepGenerated {
      generated = output + ".dosc-gen"
      try? FileManager.default.removeItem(atPath: generated)
      try FileManager.default.createDirectory(atPath: generated, withIntermediateDirectories: true)
    } else {
      generated = try TemporaryDirectory.make()
    }
    defer { if !options.keepGenerated { try? FileManager.default.removeItem(atPath: generated) } }
    var generatedFiles: [String] = []
    var usedNames: Set<String> = []
    for (index, unit) in units.enumerated() {
      var name = baseName(unit.unit.path)
      if !usedNames.insert(name).inserted { name = "\(index)-\(name)" }
      let path = generated + "/" + name
      try AtomicFile.write(rewrite.files[index], to: path)
      generatedFiles.append(path)
    }

    // Compile and link into a temporary beside PROG, then move both outputs into place.
    let outputURL = URL(fileURLWithPath: output)
    let temporaryOutput =
      outputURL.deletingLastPathComponent().path + "/.\(outputURL.lastPathComponent).dosc-tmp.\(getpid())"
    defer { unlink(temporaryOutput) }
    var quoteDirectories: [String] = []
    for source in invocation.sources {
      let directory = URL(fileURLWithPath: source).deletingLastPathComponent().path
      if !quoteDirectories.contains(directory) { quoteDirectories.append(directory) }
    }
    var arguments = invocation.compilerFlags + ["-D__DOSC__=1", "-I", runtime.includeDirectory]
    arguments += quoteDirectories.flatMap { ["-iquote", $0] }
    arguments += generatedFiles + invocation.inputs
    arguments += ["-o", temporaryOutput] + invocation.linkerFlags
    let library = try RuntimeVariant(flags: invocation.compilerFlags + invocation.linkerFlags)
      .library(in: runtime, compiler: options.compiler)
    arguments += [library, "-ljansson", "-pthread", "-lm"]
    let status = try ProcessRunner.run(options.compiler.split(separator: " ").map(String.init) + arguments)
    guard status == 0 else {
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "'\(options.compiler)' failed with exit status \(status)", category: "compile"))
    }
    // The program carries its manifest too: moved without its sidecar, it still has it.
    try ObjectManifestSection.write(manifest, into: temporaryOutput)
    let sidecar = output + ".dosc.json"
    try AtomicFile.write(try manifest.encoded(), to: sidecar)
    if rename(temporaryOutput, output) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(sidecar)
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(output)': \(reason)"))
    }
  }
}

/// Runs a command with the standard streams inherited; returns its exit status.
enum ProcessRunner {
  static func run(_ command: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    do {
      try process.run()
    } catch {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot run '\(command.first ?? "")': \(error)"))
    }
    process.waitUntilExit()
    return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
  }
}

/// Finds libdosc: `DOSC_RUNTIME_DIR`, else the `Runtime/` of the checkout the dosc executable
/// was built in (`<repo>/.build/<config>/dosc`). Builds the library when it is missing.
public enum RuntimeLocator {
  public struct Runtime {
    public var directory: String
    public var includeDirectory: String { directory + "/include" }
    public var library: String { directory + "/build/libdosc.a" }
  }

  public static func locate(_ explicit: String?) throws -> Runtime {
    guard let directory = explicit ?? searchFromExecutable() else {
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "cannot find the dosc runtime; set DOSC_RUNTIME_DIR to its 'Runtime' directory"))
    }
    let runtime = Runtime(directory: directory)
    guard FileManager.default.fileExists(atPath: runtime.includeDirectory + "/dosc_abi.h") else {
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "'\(directory)' is not the dosc runtime (no include/dosc_abi.h)"))
    }
    if !FileManager.default.fileExists(atPath: runtime.library) {
      let status = try ProcessRunner.run(["make", "-s", "-C", directory])
      guard status == 0, FileManager.default.fileExists(atPath: runtime.library) else {
        throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot build the runtime: 'make -C \(directory)' failed"))
      }
    }
    return runtime
  }

  static func searchFromExecutable() -> String? {
    let executable =
      (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    var url = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    while url.path != "/" && !url.path.isEmpty {
      let candidate = url.appendingPathComponent("Runtime")
      if FileManager.default.fileExists(atPath: candidate.path + "/include/dosc_abi.h") { return candidate.path }
      url = url.deletingLastPathComponent()
    }
    return nil
  }
}
