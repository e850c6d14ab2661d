import CSyntax
import DoscManifest
import DoscRewrite
import DoscSupport
import Foundation

/// `dosc cc ARGS...`: a drop-in C compiler for existing builds (`make CC="dosc cc"`, CMake's
/// compiler or launcher), in the manner of mpicc and ccache.
///
/// - `-c x.c -o x.o` compiles `x.o` and puts its manifest fragment into the object's
///   `.dosc.manifest` section (`ObjectManifestSection`). A file without `#pragma dosc` goes to
///   the compiler untouched (the same code and data plain `cc` makes), and its fragment only
///   carries the figures of its functions, for tasks spawned elsewhere.
/// - A link merges the fragments of its inputs (objects, archives) into the program's sidecar
///   `PROG.dosc.json` and its section, and adds the runtime; a link without any dosc site is
///   the plain link.
/// - Preprocessing, assembly output, `-M`/`-MM` alone and queries (`--version`) pass through.
/// - As a launcher (`dosc cc /usr/bin/cc ARGS...`) the first argument names the compiler.
public enum CCPipeline {
  public static func run(
    arguments: [String], diagnostics: DiagnosticEngine,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int32 {
    diagnostics.exitStatus {
      var (options, rest) = try CompilePipeline.Options.splitDoscOptions(arguments, environment: environment)
      if let compiler = rest.first, isCompilerName(compiler) {
        options.compiler = compiler
        rest.removeFirst()
      }
      let compiler = options.compiler.split(separator: " ").map(String.init)
      guard let invocation = try? CompilerInvocation.parse(rest) else {
        // Something dosc does not model (another language, say): the compiler's business.
        return try ProcessRunner.run(compiler + rest)
      }
      if passesThrough(rest, invocation) { return try ProcessRunner.run(compiler + rest) }
      options.invocation = invocation
      return try build(options, compiler: compiler, arguments: rest, diagnostics: diagnostics)
    }
  }

  /// The first argument names a compiler when it is neither an option nor an input file.
  static func isCompilerName(_ argument: String) -> Bool {
    guard !argument.hasPrefix("-") else { return false }
    let inputSuffixes = [".c", ".i", ".o", ".a", ".so", ".s", ".S", ".lo", ".obj"]
    guard !inputSuffixes.contains(where: { argument.hasSuffix($0) }) else { return false }
    if argument.contains("/") { return FileManager.default.isExecutableFile(atPath: argument) }
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(argument)") }
  }

  /// Invocations dosc has nothing to add to.
  static func passesThrough(_ arguments: [String], _ invocation: CompilerInvocation) -> Bool {
    let modes: Set<String> = ["-E", "-S", "-M", "-MM", "--version", "-v", "-dumpversion", "-dumpmachine", "--help"]
    if arguments.contains(where: { modes.contains($0) || $0.hasPrefix("-print-") }) { return true }
    return invocation.sources.isEmpty && invocation.inputs.isEmpty
  }

  static func build(
    _ options: CompilePipeline.Options, compiler: [String], arguments: [String], diagnostics: DiagnosticEngine
  ) throws -> Int32 {
    let invocation = options.invocation
    let annotated = invocation.sources.filter(hasDoscPragmas)

    if invocation.compileOnly {
      // No annotated file among them: exactly the plain command, then the fragments.
      if annotated.isEmpty {
        let status = try ProcessRunner.run(compiler + arguments)
        if status == 0 {
          for source in invocation.sources {
            exportFragment(source, object: objectPath(for: source, invocation), invocation, diagnostics)
          }
        }
        return status
      }
      for source in invocation.sources {
        let object = objectPath(for: source, invocation)
        try compileUnit(source, to: object, options, compiler: compiler, diagnostics: diagnostics)
      }
      return 0
    }

    // Compile and link in one command: sources become temporary objects first.
    let scratch = try TemporaryDirectory.make(prefix: "dosc-cc")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var objects: [String] = []
    for (index, source) in invocation.sources.enumerated() {
      let object = "\(scratch)/\(index)-\(baseName(source)).o"
      if annotated.contains(source) {
        try compileUnit(source, to: object, options, compiler: compiler, diagnostics: diagnostics)
      } else {
        let status = try ProcessRunner.run(
          compiler + invocation.compilerFlags + ["-c", source, "-o", object])
        guard status == 0 else { return status }
        exportFragment(source, object: object, invocation, diagnostics)
      }
      objects.append(object)
    }
    return try link(objects: objects + invocation.inputs, options, compiler: compiler, diagnostics: diagnostics)
  }

  /// Analyzes, rewrites and compiles one annotated file to `object`, then writes its fragment.
  static func compileUnit(
    _ source: String, to object: String, _ options: CompilePipeline.Options, compiler: [String],
    diagnostics: DiagnosticEngine
  ) throws {
    let invocation = options.invocation
    let flags = invocation.analysisFlags
    var analyzed = try UnitAnalysis.analyze(source, flags: flags, diagnostics: diagnostics)
    let rewrite = try ProgramRewriter.rewrite(
      [analyzed.unit], unitHashes: [analyzed.fragment.sourceHash],
      diagnostics: diagnostics)
    UnitAnalysis.recordRewrite(rewrite.sites[0], in: &analyzed.fragment)
    let runtime = try RuntimeLocator.locate(options.runtimeDirectory)

    // Each compilation has a directory of its own: `make -j` runs many at once.
    let directory = options.keepGenerated ? object + ".dosc-gen" : try TemporaryDirectory.make(prefix: "dosc-cc")
    defer { if !options.keepGenerated { try? FileManager.default.removeItem(atPath: directory) } }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let generated = directory + "/" + baseName(source)
    try AtomicFile.write(rewrite.files[0], to: generated)

    let sourceDirectory = URL(fileURLWithPath: source).deletingLastPathComponent().path
    let status = try ProcessRunner.run(
      compiler + invocation.compilerFlags
        + ["-D__DOSC__=1", "-I", runtime.includeDirectory, "-iquote", sourceDirectory, "-c", generated, "-o", object])
    guard status == 0 else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: nil, "'\(compiler.joined(separator: " "))' failed with exit status \(status)",
          category: "compile"))
    }
    // Dependencies are those of the user's file, not of the generated one.
    if !invocation.dependencyFlags.isEmpty {
      let dependencies = try ProcessRunner.run(
        compiler + invocation.compilerFlags + dependencyOnlyFlags(invocation.dependencyFlags, object: object)
          + [source])
      guard dependencies == 0 else {
        unlink(object)
        throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write the dependencies of '\(source)'"))
      }
    }
    do {
      try ObjectManifestSection.write(analyzed.fragment, into: object)
    } catch {
      unlink(object)
      throw error
    }
  }

  /// The fragment of a file without pragmas: the figures of its functions, for sites in other
  /// files. A file libclang cannot analyze (a compiler extension it lacks) gets a warning: its
  /// functions stay opaque to tasks spawned elsewhere, and its object is built all the same.
  static func exportFragment(
    _ source: String, object: String, _ invocation: CompilerInvocation, _ diagnostics: DiagnosticEngine
  ) {
    let analyzed: UnitAnalysis.Analyzed
    do {
      analyzed = try UnitAnalysis.analyze(source, flags: invocation.analysisFlags, diagnostics: DiagnosticEngine())
    } catch {
      diagnostics.warning(
        "cannot analyze '\(source)'; tasks spawned in other files run its functions without their figures",
        at: nil, category: "cc")
      return
    }
    do {
      try ObjectManifestSection.write(analyzed.fragment, into: object)
    } catch {
      // The object is built; only its fragment is missing.
      let why = (error as? DiagnosedFailure)?.diagnostics.first?.message ?? "\(error)"
      diagnostics.warning(
        "\(why); tasks spawned in other files run its functions without their figures", at: nil, category: "cc")
    }
  }

  /// Links `objects` (and libraries); with any dosc site among their fragments, adds the
  /// runtime and writes `PROG.dosc.json`.
  static func link(
    objects: [String], _ options: CompilePipeline.Options, compiler: [String], diagnostics: DiagnosticEngine
  ) throws -> Int32 {
    let invocation = options.invocation
    let output = invocation.output ?? "a.out"
    let inputs = ObjectManifestSection.fragments(
      linking: objects, linkerFlags: invocation.linkerFlags, diagnostics: diagnostics)
    let fragments = inputs.map(\.manifest)
    var command = compiler + invocation.compilerFlags + objects + ["-o", output] + invocation.linkerFlags
    // A partial link (`-r`) makes an object, not a program: the linker concatenates the inputs'
    // fragments into its section, and the final link reads them there.
    let partial: Set<String> = ["-r", "-Wl,-r", "-Wl,--relocatable"]
    if (invocation.compilerFlags + invocation.linkerFlags).contains(where: partial.contains) {
      return try ProcessRunner.run(command)
    }
    let sites = fragments.reduce(0) { $0 + $1.sites.count }
    let linked = Manifest.link(fragments)
    var scratch: String?
    defer { if let scratch { try? FileManager.default.removeItem(atPath: scratch) } }
    if sites > 0 {
      let runtime = try RuntimeLocator.locate(options.runtimeDirectory)
      // Tasks spawned in one object and defined in another get their work figure here.
      if let work = LinkTimeWork.source(for: linked) {
        let directory = try TemporaryDirectory.make(prefix: "dosc-cc")
        scratch = directory
        try AtomicFile.write(work, to: directory + "/dosc_link_work.c")
        let status = try ProcessRunner.run(
          compiler + ["-O2", "-c", directory + "/dosc_link_work.c", "-o", directory + "/dosc_link_work.o"])
        guard status == 0 else {
          throw DiagnosedFailure(
            Diagnostic(.error, at: nil, "cannot compile the link-time work functions", category: "cc"))
        }
        command += [directory + "/dosc_link_work.o"]
      }
      let library = try RuntimeVariant(flags: invocation.compilerFlags + invocation.linkerFlags)
        .library(in: runtime, compiler: options.compiler)
      command += [library, "-ljansson", "-pthread"]
    }
    let status = try ProcessRunner.run(command)
    let sidecar = output + ".dosc.json"
    guard status == 0, sites > 0 else {
      if status == 0 { unlink(sidecar) }
      return status
    }
    // The manifest of the units the linker took goes into the sidecar and into the program.
    guard ObjectManifestSection.isRegularFile(output) else { return 0 }
    let manifest = Manifest.link(ObjectManifestSection.linked(inputs, into: output))
    do {
      try ObjectManifestSection.write(manifest, into: output)
    } catch {
      unlink(output)
      throw error
    }
    try AtomicFile.write(try manifest.encoded(), to: sidecar)
    return 0
  }

  // MARK: Paths and flags

  /// Where `-c` puts a source's object: `-o` for a single source, else NAME.o in the
  /// current directory, as cc does.
  static func objectPath(for source: String, _ invocation: CompilerInvocation) -> String {
    if let output = invocation.output, invocation.sources.count == 1 { return output }
    let name = baseName(source)
    return (name.hasSuffix(".c") ? String(name.dropLast(2)) : name) + ".o"
  }

  /// `-MD`/`-MMD` write dependencies as a side effect of compiling; here they are written by a
  /// separate preprocessor run on the user's file, named and targeted as cc would have.
  static func dependencyOnlyFlags(_ flags: [String], object: String) -> [String] {
    var result: [String] = []
    var hasFile = false
    var hasTarget = false
    var index = 0
    while index < flags.count {
      let flag = flags[index]
      switch flag {
      case "-MD": result.append("-M")
      case "-MMD": result.append("-MM")
      case "-MF", "-MT", "-MQ":
        if flag == "-MF" { hasFile = true } else { hasTarget = true }
        if index + 1 < flags.count { result += [flag, flags[index + 1]] }
        index += 1
      default: result.append(flag)
      }
      index += 1
    }
    if !hasFile {
      let stem = object.hasSuffix(".o") ? String(object.dropLast(2)) : object
      result += ["-MF", stem + ".d"]
    }
    if !hasTarget { result += ["-MT", object] }
    return result
  }

  /// Whether a file has `#pragma dosc` outside comments and strings. One inside `#if 0`
  /// still counts: the file then goes through the analyzer, which knows better.
  static func hasDoscPragmas(_ source: String) -> Bool {
    guard let data = FileManager.default.contents(atPath: source) else { return true }
    let text = String(decoding: data, as: UTF8.self)
    let scan = PragmaScanner.scan(text, file: source)
    return !scan.pragmas.isEmpty || !scan.operators.isEmpty
  }
}
