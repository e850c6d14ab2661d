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
    /// `DOSC_RUNTIME_DIR` or `--runtime-dir`: an installed prefix or a checkout's `Runtime/`
    /// (see `RuntimeLocation`); nil to find the runtime beside the executable.
    public var runtimeDirectory: String?
    /// `--no-mpi`: link no MPI support, so the program is one node even under mpirun.
    public var noMPI = false

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
        runtimeDirectory: options.runtimeDirectory, noMPI: options.noMPI)
    }

    /// dosc's own options (`--keep-generated`, `--no-mpi`, `--cc`, `--runtime-dir`, and `DOSC_CC`,
    /// `DOSC_RUNTIME_DIR`), with the compiler's arguments left over in order.
    static func splitDoscOptions(_ arguments: [String], environment: [String: String]) throws -> (
      options: Options, rest: [String]
    ) {
      var rest: [String] = []
      var keep = false
      var noMPI = false
      var compiler = environment["DOSC_CC"].flatMap { $0.isEmpty ? nil : $0 } ?? "cc"
      var runtime = environment["DOSC_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 }
      var index = 0
      while index < arguments.count {
        let argument = arguments[index]
        index += 1
        switch argument {
        case "--keep-generated": keep = true
        case "--no-mpi": noMPI = true
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
        Options(
          invocation: CompilerInvocation(), keepGenerated: keep, compiler: compiler, runtimeDirectory: runtime,
          noMPI: noMPI),
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
    try FileIdentity.refuseOverwritingInput(
      outputs: [output, output + ".dosc.json"], inputs: invocation.sources + invocation.inputs)

    // The sidecar links the units' fragments: program-wide site ids, and a task whose body is
    // in another unit gets the figures analyzed there (which its sites compile in, too).
    let analyzed = try UnitAnalysis.analyze(
      invocation.sources, flags: flags, runtimeDirectory: options.runtimeDirectory, diagnostics: diagnostics)
    let units = analyzed.map(\.unit)
    var manifest = Manifest.link(analyzed.map(\.fragment))
    let rewrite = try ProgramRewriter.rewrite(
      units, unitHashes: analyzed.map(\.fragment.sourceHash), diagnostics: diagnostics)
    for (index, unit) in (manifest.units ?? []).enumerated() {
      UnitAnalysis.recordRewrite(rewrite.sites[index], in: &manifest, firstSite: unit.firstSite)
    }
    let runtime = try RuntimeLocation.locate(options.runtimeDirectory)

    // Generated C: kept beside PROG on request, else in a temporary directory.
    let generated: String
    if options.keepGenerated {
      generated = output + ".dosc-gen"
      try? FileManager.default.removeItem(atPath: generated)
      try FileManager.default.createDirectory(atPath: generated, withIntermediateDirectories: true)
    } else {
      generated = try TemporaryDirectory.make()
    }
    defer { if !options.keepGenerated { TemporaryDirectory.remove(generated) } }
    var generatedFiles: [String: String] = [:]
    var usedNames: Set<String> = []
    for (index, unit) in units.enumerated() {
      var name = baseName(unit.unit.path)
      if !usedNames.insert(name).inserted { name = "\(index)-\(name)" }
      let path = generated + "/" + name
      try AtomicFile.write(rewrite.files[index], to: path)
      generatedFiles[invocation.sources[index]] = path
    }

    // Compile and link into the generated files' directory, then move both outputs into place
    // (AtomicFile: renamed, or copied beside PROG and renamed from there). Not beside PROG: a
    // signal that ends dosc does not end the compiler it started, which then left its partial
    // program in the user's directory (scripts/fuzz-inputs.py's signals area).
    let outputURL = URL(fileURLWithPath: output)
    let temporaryOutput = generated + "/.\(outputURL.lastPathComponent).dosc-tmp.\(getpid())"
    defer { unlink(temporaryOutput) }
    var quoteDirectories: [String] = []
    for source in invocation.sources {
      let directory = URL(fileURLWithPath: source).deletingLastPathComponent().path
      if !quoteDirectories.contains(directory) { quoteDirectories.append(directory) }
    }
    let arguments =
      runtime.headerFlags + quoteDirectories.flatMap { ["-iquote", $0] }
      + invocation.linkCommand(
        objects: generatedFiles, output: temporaryOutput,
        extra: try runtime.linkArguments(
          flags: invocation.compilerFlags + invocation.linkerFlags, compiler: options.compiler, mpi: !options.noMPI)
          + ["-lm"],
        replacementsAreC: true)
    let status = try ProcessRunner.run(options.compiler.split(separator: " ").map(String.init) + arguments)
    guard status == 0 else {
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "'\(options.compiler)' failed with exit status \(status)", category: "compile"))
    }
    // The program carries its manifest too: moved without its sidecar, it still has it.
    try ObjectManifestSection.write(manifest, into: temporaryOutput)
    // A program written into a device (`-o /dev/null`) has no sidecar beside it.
    if AtomicFile.existsAndIsNotRegular(output) {
      try AtomicFile.install(temporaryOutput, at: output)
      return
    }
    let sidecar = output + ".dosc.json"
    try AtomicFile.write(try manifest.encoded(), to: sidecar)
    do {
      try AtomicFile.install(temporaryOutput, at: output)
    } catch {
      unlink(sidecar)
      throw error
    }
  }
}

/// Runs a command with the standard streams inherited (or, `quiet`, discarded); returns its
/// exit status.
enum ProcessRunner {
  static func run(_ command: [String], quiet: Bool = false, directory: String? = nil) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = command
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    if quiet {
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
    }
    do {
      try process.run()
    } catch {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot run '\(command.first ?? "")': \(error)"))
    }
    process.waitUntilExit()
    return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
  }
}
