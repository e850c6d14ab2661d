import CSyntax
import DoscManifest
import DoscSupport
import SymbolicAlgebra

/// `in/out/inout` clauses: checked against what the analysis inferred (a warning with both
/// versions where they disagree), then they override the inference.
enum ClauseCheck {
  static func apply(_ sites: [SpawnSite], to task: inout AnalyzedTask, diagnostics: DiagnosticEngine) throws {
    guard let site = sites.first(where: { !$0.clauses.isEmpty }) else { return }
    for other in sites
    where !other.clauses.isEmpty && other.clauses.map(\.description) != site.clauses.map(\.description) {
      diagnostics.warning(
        "the clauses of this site differ from those at \(site.pragma.location.withBaseName); the manifest uses the first",
        at: other.pragma.location, category: "clause-mismatch")
    }
    var errors: [Diagnostic] = []
    for clause in site.clauses {
      guard let index = task.parameters.firstIndex(where: { $0.name == clause.name }) else {
        errors.append(
          Diagnostic(
            .error, at: clause.location, "'\(clause.name)' is not a parameter of '\(task.name)'", category: "pragma"))
        continue
      }
      var parameter = task.parameters[index]
      let declared: Manifest.Parameter.Access =
        switch clause.mode {
        case .in: .read
        case .out: .write
        case .inout: .readwrite
        }
      var mismatches: [String] = []
      if !task.isOpaque && parameter.access != declared && parameter.access != .none {
        mismatches.append("access '\(declared.rawValue)' but the analysis infers '\(parameter.access.rawValue)'")
      }
      if let section = clause.section, !task.isOpaque,
        parameter.footprint != ParameterFigures.Span(first: section.first, count: section.count)
      {
        mismatches.append(
          "section [\(section.first.cExpression):\(section.count.cExpression)] but the analysis infers "
            + "[\(ManifestExpression(parameter.footprint.first)):\(ManifestExpression(parameter.footprint.count))]")
      }
      if !mismatches.isEmpty {
        diagnostics.warning(
          "clause '\(clause.mode.rawValue)(\(clause.description))' says \(mismatches.joined(separator: "; "))",
          at: clause.location, category: "clause-mismatch")
      }
      parameter.access = declared
      if declared == .read {
        parameter.written = nil
      } else if parameter.written == nil {
        // Stores the analysis did not see: anywhere in the footprint.
        parameter.written = parameter.footprint
      }
      if let section = clause.section {
        parameter.footprint = ParameterFigures.Span(first: section.first, count: section.count)
        if declared != .read { parameter.written = parameter.footprint }
        if parameter.reads == nil { parameter.reads = declared == .write ? .zero : section.count }
        if parameter.writes == nil { parameter.writes = declared == .read ? .zero : section.count }
        // The clause bounds what the analysis could not.
        parameter.unbounded = nil
        task.reasons.removeAll {
          if case .unboundedParameter = $0.kind { return $0.culprit == parameter.name }
          return false
        }
      }
      task.parameters[index] = parameter
    }
    if !errors.isEmpty { throw DiagnosedFailure(errors) }
  }
}

extension Clause: CustomStringConvertible {
  public var description: String {
    guard let first = sectionFirst, let count = sectionCount else { return name }
    return "\(name)[\(first.cExpression):\(count.cExpression)]"
  }
}
