import ClangFrontend
import DoscAnalysis
import DoscManifest
import DoscRewrite
import DoscSupport
import Foundation

/// What `dosc compile` and `dosc cc` do to each source file before rewriting it: parse,
/// analyze (exporting the figures of its definitions for other units' sites), and state the
/// unit's manifest fragment with its own source hash.
enum UnitAnalysis {
  struct Analyzed {
    var unit: RewriteUnit
    var fragment: Manifest
  }

  /// Analyzes every file, reporting the errors of all of them before stopping.
  static func analyze(
    _ sources: [String], flags: [String], runtimeDirectory: String?, diagnostics: DiagnosticEngine
  ) throws -> [Analyzed] {
    var analyzed: [Analyzed] = []
    var errors: [Diagnostic] = []
    for source in sources {
      do {
        analyzed.append(
          try analyze(source, flags: flags, runtimeDirectory: runtimeDirectory, diagnostics: diagnostics))
      } catch let failure as DiagnosedFailure {
        errors += failure.diagnostics
      }
    }
    if !errors.isEmpty { throw DiagnosedFailure(errors) }
    return analyzed
  }

  /// Parses and analyzes one file: its manifest (with `exportingDefinitions`, a fragment that
  /// also carries the figures of its definitions for other units' sites) and what its rewrite
  /// needs.
  static func analyze(
    _ source: String, flags: [String], runtimeDirectory: String?, diagnostics: DiagnosticEngine,
    exportingDefinitions: Bool = true
  ) throws -> Analyzed {
    // The runtime's header flags are not the user's: they stay out of the source hash.
    let unit = try ClangParser.parse(
      path: source, arguments: RuntimeLocation.analysisHeaderFlags(runtimeDirectory) + flags)
    let analysis = try Analyzer.analyze(unit, diagnostics: diagnostics, exportingDefinitions: exportingDefinitions)
    let name = baseName(source)
    let fragment = Manifest(
      sourceHash: Manifest.sourceHash(sources: [(name, Data(unit.source.utf8))], flags: flags), sources: [name],
      tasks: analysis.tasks.map(\.manifestTask), sites: analysis.sites,
      exports: exportingDefinitions ? analysis.exports.map(\.manifestTask) : nil)
    return Analyzed(unit: RewriteUnit(unit: unit, analysis: analysis), fragment: fragment)
  }

  /// For `dosc cc`, where the compiler, not libclang, judges the flags: what libclang cannot take
  /// (gcc's `-fanalyzer`, `-fconserve-stack`, or an option clang 14 keeps behind a switch) is left
  /// out of the analysis, and named in one warning at `location` (the file's first pragma).
  static func analyzeLeavingOutForeignFlags(
    _ source: String, flags: [String], runtimeDirectory: String?, at location: SourceLocation?,
    diagnostics: DiagnosticEngine
  ) throws -> Analyzed {
    var (kept, leftOut) = splitForeignFlags(flags)
    defer {
      if !leftOut.isEmpty {
        diagnostics.warning(
          "left out of the analysis, which cannot take them: \(leftOut.joined(separator: " "))", at: location,
          category: "cc")
      }
    }
    do {
      return try analyze(
        source, flags: kept.flatMap { $0 }, runtimeDirectory: runtimeDirectory, diagnostics: diagnostics)
    } catch let failure as DiagnosedFailure where failure.diagnostics.allSatisfy({ $0.location == nil }) {
      // libclang's driver refused some flags it knows the spelling of: name them and retry once.
      let refused = kept.filter { words in failure.diagnostics.contains { $0.message.contains("'\(words[0])") } }
      guard !refused.isEmpty else { throw failure }
      leftOut += refused.flatMap { $0 }
      kept.removeAll { refused.contains($0) }
      return try analyze(
        source, flags: kept.flatMap { $0 }, runtimeDirectory: runtimeDirectory, diagnostics: diagnostics)
    }
  }

  /// The flags clang's driver knows (each option with its values), and those it does not.
  static func splitForeignFlags(_ flags: [String]) -> (kept: [[String]], leftOut: [String]) {
    var kept: [[String]] = []
    var leftOut: [String] = []
    var index = 0
    while index < flags.count {
      let match = DriverOptions.match(flags[index])
      let count = 1 + (match?.followingValues ?? 0)
      let words = Array(flags[index..<min(index + count, flags.count)])
      if match == nil { leftOut += words } else { kept.append(words) }
      index += count
    }
    return (kept, leftOut)
  }

  /// What the rewrite decided, in the manifest: a site it left as a plain call is bound
  /// `inline` (so that what the sidecar says is what the program does), and a site whose task
  /// is in another unit names the work function the link must define, and a site whose
  /// arguments cannot be shipped is not remotable, with the reason.
  static func recordRewrite(_ sites: [SiteEntry], in fragment: inout Manifest, firstSite: Int = 0) {
    for site in sites {
      if site.defaultBinding == .inline { fragment.sites[firstSite + site.id].binding = .inline }
      fragment.sites[firstSite + site.id].workAtLink = site.workAtLink
      fragment.sites[firstSite + site.id].batchTest = site.batchTest ? true : nil
      if let refusal = site.remoteRefusal {
        fragment.sites[firstSite + site.id].remotable = false
        fragment.sites[firstSite + site.id].reasons = (fragment.sites[firstSite + site.id].reasons ?? []) + [refusal]
      }
    }
  }
}
