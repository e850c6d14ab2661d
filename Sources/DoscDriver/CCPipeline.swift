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
///   the compiler untouched (the same code and data plain `cc` makes) and is not analyzed: its
///   fragment says where its figures can be worked out, which a link does only if a task
///   spawned elsewhere needs them (`DeferredExportAnalysis`).
/// - A link is the user's command line in its order plus, with any dosc site among the
///   fragments of its inputs (objects, archives), the runtime at the end; it writes the
///   program's sidecar `PROG.dosc.json` and section.
/// - Preprocessing, assembly output, `-M`/`-MM` alone, `-fsyntax-only` and queries
///   (`--version`) pass through.
/// - As a launcher (`dosc cc /usr/bin/cc ARGS...`) the first argument names the compiler.
public enum CCPipeline {
  public static func run(
    arguments: [String], diagnostics: DiagnosticEngine,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int32 {
    diagnostics.exitStatus {
      // The compiler gets the words of the response files too: dosc decides from them, and
      // the command it runs must be the one it decided about.
      let arguments = try ResponseFiles.expand(arguments)
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
    let modes: Set<String> = [
      "-E", "-S", "-M", "-MM", "-fsyntax-only", "--version", "-v", "-dumpversion", "-dumpmachine", "--help",
    ]
    if arguments.contains(where: { modes.contains($0) || $0.hasPrefix("-print-") }) { return true }
    if invocation.sources.contains("-") { return true }
    return invocation.sources.isEmpty && invocation.inputs.isEmpty
  }

  static func build(
    _ options: CompilePipeline.Options, compiler: [String], arguments: [String], diagnostics: DiagnosticEngine
  ) throws -> Int32 {
    let invocation = options.invocation
    let outputs =
      invocation.compileOnly
      ? invocation.sources.map { objectPath(for: $0, invocation) } : [invocation.output ?? "a.out"]
    try FileIdentity.refuseOverwritingInput(outputs: outputs, inputs: invocation.sources + invocation.inputs)
    var scans: [String: SourceScan] = [:]
    for source in invocation.sources {
      let scan = SourceScan(source, trigraphs: Trigraphs(compilerFlags: invocation.compilerFlags))
      scans[source] = scan
      if let location = scan.firstOpenMPTask {
        diagnostics.emit(
          Diagnostic(
            .note, at: location, "dosc ignores OpenMP pragmas; '#pragma dosc task' marks a task", category: "cc"))
      }
    }
    let annotated = Set(invocation.sources.filter { scans[$0]?.hasDoscPragmas == true })
    // Files without pragmas that include <dosc.h> for its API: compiled with the runtime's
    // header flags, as annotated files are (else the header is not found), not analyzed.
    let usingRuntime = Set(
      invocation.sources.filter { !annotated.contains($0) && scans[$0]?.includesDoscHeader == true })
    let headerFlags = usingRuntime.isEmpty ? [] : try RuntimeLocation.find(options.runtimeDirectory).headerFlags
    func plainCompileFlags(_ source: String) -> [String] { usingRuntime.contains(source) ? headerFlags : [] }

    if invocation.compileOnly {
      // No annotated file among them, none using the runtime: exactly the plain command, then
      // the fragments.
      if annotated.isEmpty && usingRuntime.isEmpty {
        let status = try ProcessRunner.run(compiler + arguments)
        guard status == 0 else { return status }
        for source in invocation.sources {
          writePlainFragment(
            source, into: objectPath(for: source, invocation), arguments: arguments, includesDoscHeader: false,
            diagnostics)
        }
        return 0
      }
      for source in invocation.sources {
        let object = objectPath(for: source, invocation)
        if annotated.contains(source) {
          // An object from an earlier build must not outlive a failed one.
          AtomicFile.removeRegularFile(object)
          // Compiled in a directory of dosc's own and moved into place with its fragment: a
          // signal that ends dosc does not end the compiler, which then left an object without
          // its fragment where the build looks (scripts/fuzz-inputs.py's signals area).
          let scratch = try TemporaryDirectory.make(prefix: "dosc-cc")
          defer { TemporaryDirectory.remove(scratch) }
          let compiled = scratch + "/" + baseName(object)
          let fragment = try compileUnit(
            source, to: object, compiledInto: compiled, options, compiler: compiler,
            at: scans[source]?.firstDoscPragma, dependencies: true, diagnostics: diagnostics)
          try writeFragment(fragment, into: compiled)
          try AtomicFile.install(compiled, at: object)
        } else {
          let status = try ProcessRunner.run(
            compiler
              + invocation.compileCommand(
                source, object: object, extraFlags: invocation.dependencyFlags + plainCompileFlags(source)))
          guard status == 0 else { return status }
          writePlainFragment(
            source, into: object, arguments: arguments, includesDoscHeader: usingRuntime.contains(source), diagnostics)
        }
      }
      return 0
    }

    // Compile and link in one command. Without a dosc site or a use of the runtime's API
    // anywhere it is the plain command. (A source compiled with the user's own `-D__DOSC__`
    // may call the API through a header that includes <dosc.h>: its object says, once compiled.)
    let userDefinesDosc = invocation.compilerFlags.contains { $0.contains("__DOSC__") }
    if annotated.isEmpty && usingRuntime.isEmpty && (invocation.sources.isEmpty || !userDefinesDosc)
      && !ObjectManifestSection.fragments(
        linking: invocation.inputs, linkerFlags: invocation.linkerFlags, diagnostics: DiagnosticEngine()
      ).contains(where: { $0.manifest.needsRuntime })
    {
      return try ProcessRunner.run(compiler + arguments)
    }
    let scratch = try TemporaryDirectory.make(prefix: "dosc-cc")
    defer { TemporaryDirectory.remove(scratch) }
    var objects: [String: String] = [:]
    for (index, source) in invocation.sources.enumerated() where objects[source] == nil {
      let object = "\(scratch)/\(index)-\(baseName(source)).o"
      if annotated.contains(source) {
        try writeFragment(
          try compileUnit(
            source, to: object, options, compiler: compiler, at: scans[source]?.firstDoscPragma, dependencies: false,
            diagnostics: diagnostics),
          into: object)
      } else {
        let status = try ProcessRunner.run(
          compiler + invocation.compileCommand(source, object: object, extraFlags: plainCompileFlags(source)))
        guard status == 0 else { return status }
        writePlainFragment(
          source, into: object, arguments: arguments, includesDoscHeader: usingRuntime.contains(source), diagnostics)
      }
      objects[source] = object
    }
    let status = try link(invocation, objects: objects, options, compiler: compiler, diagnostics)
    guard status == 0, !invocation.dependencyFlags.isEmpty else { return status }
    // The dependency files cc writes when it compiles and links in one step (`p.d` for `-o p`):
    // the user's command without its link inputs, checking syntax only, writes the same.
    let dependencies = invocation.arguments.flatMap { argument -> [String] in
      switch argument {
      case .source(let path, _): [path]
      case .output(let path): ["-o", path]
      case .input, .option(_, .link): []
      case .option(let words, _): words
      }
    }
    return try ProcessRunner.run(compiler + dependencies + ["-fsyntax-only"])
  }

  /// Analyzes, rewrites and compiles one annotated file to `object` (written at `compiledInto`
  /// when given); returns its fragment. `dependencies`: also write the dependency file a `-c`
  /// compile with `-MD`/`-MMD` writes (its target is `object`).
  static func compileUnit(
    _ source: String, to object: String, compiledInto: String? = nil, _ options: CompilePipeline.Options,
    compiler: [String],
    at pragma: SourceLocation?, dependencies: Bool, diagnostics: DiagnosticEngine
  ) throws -> Manifest {
    let invocation = options.invocation
    var analyzed = try UnitAnalysis.analyzeLeavingOutForeignFlags(
      source, flags: invocation.analysisFlags, runtimeDirectory: options.runtimeDirectory, at: pragma,
      diagnostics: diagnostics)
    let rewrite = try ProgramRewriter.rewrite(
      [analyzed.unit], unitHashes: [analyzed.fragment.sourceHash],
      diagnostics: diagnostics)
    UnitAnalysis.recordRewrite(rewrite.sites[0], in: &analyzed.fragment)
    // The rewritten unit registers itself and calls dosc_start, sites or not (a file whose only
    // pragma is a taskwait): the link needs the runtime.
    analyzed.fragment.usesRuntime = true
    let runtime = try RuntimeLocation.locate(options.runtimeDirectory)

    // Each compilation has a directory of its own: `make -j` runs many at once.
    let directory = options.keepGenerated ? object + ".dosc-gen" : try TemporaryDirectory.make(prefix: "dosc-cc")
    defer { if !options.keepGenerated { TemporaryDirectory.remove(directory) } }
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    // Named `.c` whatever the user's file is called (`-x c prog.txt`), so it is compiled as C.
    let generated = directory + "/" + baseName(source) + (source.hasSuffix(".c") ? "" : ".c")
    try AtomicFile.write(rewrite.files[0], to: generated)

    let sourceDirectory = URL(fileURLWithPath: source).deletingLastPathComponent().path
    let status = try ProcessRunner.run(
      compiler
        + invocation.compileCommand(
          generated, object: compiledInto ?? object,
          extraFlags: runtime.headerFlags + ["-iquote", sourceDirectory]))
    guard status == 0 else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: nil, "'\(compiler.joined(separator: " "))' failed with exit status \(status)",
          category: "compile"))
    }
    // Dependencies are those of the user's file, not of the generated one.
    if dependencies && !invocation.dependencyFlags.isEmpty {
      let written = try ProcessRunner.run(
        compiler + invocation.compilerFlags + dependencyOnlyFlags(invocation.dependencyFlags, object: object)
          + [source])
      guard written == 0 else {
        AtomicFile.removeRegularFile(object)
        throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write the dependencies of '\(source)'"))
      }
    }
    return analyzed.fragment
  }

  /// Links the command's objects and libraries in the user's order, the sources replaced by
  /// `objects`; with any dosc site among the fragments, or a unit that uses the runtime's API,
  /// adds the runtime, and writes the merged manifest into `PROG.dosc.json` and the program's
  /// own section.
  static func link(
    _ invocation: CompilerInvocation, objects: [String: String], _ options: CompilePipeline.Options,
    compiler: [String], _ diagnostics: DiagnosticEngine
  ) throws -> Int32 {
    let output = invocation.output ?? "a.out"
    let inputs = invocation.arguments.compactMap { argument -> String? in
      switch argument {
      case .source(let path, _): objects[path]
      case .input(let path): path
      case .output, .option: nil
      }
    }
    var fragments = ObjectManifestSection.fragments(
      linking: inputs, linkerFlags: invocation.linkerFlags, diagnostics: diagnostics)
    let plain = invocation.linkCommand(objects: objects, output: output)
    // A partial link (`-r`) makes an object, not a program: the linker concatenates the inputs'
    // fragments into its section, and the final link reads them there.
    let partial: Set<String> = ["-r", "-Wl,-r", "-Wl,--relocatable"]
    if plain.contains(where: partial.contains) { return try ProcessRunner.run(compiler + plain) }
    guard fragments.contains(where: { $0.manifest.needsRuntime }) else {
      let status = try ProcessRunner.run(compiler + plain)
      if status == 0 { AtomicFile.removeRegularFile(output + ".dosc.json") }
      return status
    }
    let resolved = DeferredExportAnalysis.resolve(fragments.map(\.manifest))
    for index in fragments.indices { fragments[index].manifest = resolved[index] }
    var extra: [String] = []
    var scratch: String?
    defer { if let scratch { TemporaryDirectory.remove(scratch) } }
    let runtime = try RuntimeLocation.locate(options.runtimeDirectory)
    // Tasks spawned in one object and defined in another get their work figure here.
    if let work = LinkTimeWork.source(for: Manifest.link(resolved)) {
      let directory = try TemporaryDirectory.make(prefix: "dosc-cc")
      scratch = directory
      try AtomicFile.write(work, to: directory + "/dosc_link_work.c")
      let status = try ProcessRunner.run(
        compiler + ["-O2", "-c", directory + "/dosc_link_work.c", "-o", directory + "/dosc_link_work.o"])
      guard status == 0 else {
        throw DiagnosedFailure(
          Diagnostic(.error, at: nil, "cannot compile the link-time work functions", category: "cc"))
      }
      extra.append(directory + "/dosc_link_work.o")
    }
    extra += try runtime.linkArguments(
      flags: invocation.compilerFlags + invocation.linkerFlags, compiler: options.compiler, mpi: !options.noMPI,
      startForAPI: fragments.contains { $0.manifest.usesRuntime == true })
    let status = try ProcessRunner.run(
      compiler + invocation.linkCommand(objects: objects, output: output, extra: extra))
    // The manifest of the units the linker took goes into the sidecar and into the program;
    // a program written into a device (`-o /dev/null`) has neither.
    guard status == 0, ObjectManifestSection.isRegularFile(output) else { return status }
    let manifest = Manifest.link(ObjectManifestSection.linked(fragments, into: output))
    do {
      try ObjectManifestSection.write(manifest, into: output)
    } catch {
      AtomicFile.removeRegularFile(output)
      throw error
    }
    try AtomicFile.write(try manifest.encoded(), to: output + ".dosc.json")
    return 0
  }

  // MARK: Fragments

  /// Puts an annotated unit's fragment into its object; an object that cannot carry it is removed.
  static func writeFragment(_ fragment: Manifest, into object: String) throws {
    do {
      try ObjectManifestSection.write(fragment, into: object)
    } catch {
      AtomicFile.removeRegularFile(object)
      throw error
    }
  }

  /// Puts a plain file's fragment into its object. The object is built and stays: what cannot
  /// carry a fragment (LLVM bitcode from `-flto`) only loses the figures, with a warning.
  /// Nothing is analyzed (that would cost more than the compile): the fragment only says where
  /// the file's figures can be worked out, should a link need them, from the compile's
  /// `arguments` (flags libclang cannot take are left out then, silently: such a file owes
  /// nobody a warning).
  static func writePlainFragment(
    _ source: String, into object: String, arguments: [String], includesDoscHeader: Bool,
    _ diagnostics: DiagnosticEngine
  ) {
    do {
      try DeferredExportAnalysis.writeFragment(
        source: source, arguments: arguments, includesDoscHeader: includesDoscHeader, into: object)
    } catch {
      let why = (error as? DiagnosedFailure)?.diagnostics.first?.message ?? "\(error)"
      diagnostics.warning(
        "\(why); tasks spawned in other files run its functions without their figures", at: nil, category: "cc")
    }
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
}
