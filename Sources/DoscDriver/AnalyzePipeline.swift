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
    let analyzed = try UnitAnalysis.analyze(
      source, flags: flags, diagnostics: diagnostics, exportingDefinitions: exportingDefinitions)
    return Outcome(manifest: analyzed.fragment, analysis: analyzed.unit.analysis)
  }

  /// Runs the command; returns the process exit status (0, 1 for input errors, 2 for usage).
  public static func run(arguments: [String], diagnostics: DiagnosticEngine) -> Int32 {
    diagnostics.exitStatus {
      let invocation = try CompilerInvocation.parse(arguments)
      guard invocation.sources.count == 1 else {
        throw UsageError(
          invocation.sources.isEmpty
            ? "no input file; usage: dosc analyze FILE.c [CFLAGS...] [-o OUT.json]"
            : "dosc analyze takes one source file; use 'dosc compile' or 'dosc cc' for several")
      }
      let source = invocation.sources[0]
      let outcome = try analyze(source: source, flags: invocation.analysisFlags, diagnostics: diagnostics)
      try AtomicFile.write(try outcome.manifest.encoded(), to: invocation.output ?? defaultManifestPath(for: source))
      return 0
    }
  }

  /// `dir/name.c` -> `dir/name.dosc.json`.
  public static func defaultManifestPath(for source: String) -> String {
    (source.hasSuffix(".c") ? String(source.dropLast(2)) : source) + ".dosc.json"
  }
}

func baseName(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
