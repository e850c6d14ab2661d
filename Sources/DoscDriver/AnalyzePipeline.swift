import ClangFrontend
import DoscAnalysis
import DoscManifest
import DoscSupport
import Foundation

/// `dosc analyze FILE.c [CFLAGS...] [-o OUT.json]`: parse, analyze, write the manifest.
public enum AnalyzePipeline {
  public struct Outcome {
    public var manifest: Manifest
    public var analysis: AnalysisResult
  }

  /// Analyzes one source file. Throws `DiagnosedFailure` for errors in the input.
  /// With `exportingDefinitions` (a fragment for a separately compiled object), the manifest
  /// also carries the figures of the functions defined here, for sites in other units.
  public static func analyze(
    source: String, flags: [String], diagnostics: DiagnosticEngine, exportingDefinitions: Bool = false
  ) throws -> Outcome {
    // `dosc analyze` has no --runtime-dir: DOSC_RUNTIME_DIR, as the build that follows takes it.
    let analyzed = try UnitAnalysis.analyze(
      source, flags: flags, runtimeDirectory: RuntimeLocation.environmentDirectory, diagnostics: diagnostics,
      exportingDefinitions: exportingDefinitions)
    return Outcome(manifest: analyzed.fragment, analysis: analyzed.unit.analysis)
  }

  /// dosc's own option to `analyze`: also export the figures of the file's functions, as a
  /// fragment for other units' sites. `dosc cc` runs it at the link, in a process of its own, for
  /// a file without pragmas whose functions another unit spawns (`DeferredExports`).
  public static let exportsOption = "--exports"

  /// Runs the command; returns the process exit status (0, 1 for input errors, 2 for usage).
  public static func run(arguments: [String], diagnostics: DiagnosticEngine) -> Int32 {
    diagnostics.exitStatus {
      let exporting = arguments.contains(exportsOption)
      let invocation = try CompilerInvocation.parse(arguments.filter { $0 != exportsOption })
      guard invocation.sources.count == 1 else {
        throw UsageError(
          invocation.sources.isEmpty
            ? "no input file; usage: dosc analyze FILE.c [CFLAGS...] [-o OUT.json]"
            : "dosc analyze takes one source file; use 'dosc compile' or 'dosc cc' for several")
      }
      let source = invocation.sources[0]
      let output = invocation.output ?? defaultManifestPath(for: source)
      try FileIdentity.refuseOverwritingInput(outputs: [output], inputs: [source])
      let outcome = try analyze(
        source: source, flags: invocation.analysisFlags, diagnostics: diagnostics, exportingDefinitions: exporting)
      try AtomicFile.write(try outcome.manifest.encoded(), to: output)
      return 0
    }
  }

  /// `dir/name.c` -> `dir/name.dosc.json`.
  public static func defaultManifestPath(for source: String) -> String {
    (source.hasSuffix(".c") ? String(source.dropLast(2)) : source) + ".dosc.json"
  }
}

func baseName(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
