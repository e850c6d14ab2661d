import CSyntax
import DoscManifest
import DoscSupport
import SymbolicAlgebra

/// `in/out/inout` clauses, which belong to their site (as in OpenMP): checked against what the
/// analysis inferred (a warning naming the site, with both versions, where they disagree), then
/// they override the inference for that site.
enum ClauseCheck {
  /// The task as `site`'s clauses state it.
  static func apply(_ site: SpawnSite, to inferred: AnalyzedTask, diagnostics: DiagnosticEngine) throws
    -> AnalyzedTask
  {
    var task = inferred
    var errors: [Diagnostic] = []
    for clause in site.clauses {
      guard let index = task.parameters.firstIndex(where: { $0.name == clause.name }) else {
        errors.append(
          Diagnostic(
            .error, at: clause.location, "'\(clause.name)' is not a parameter of '\(task.name)'", category: "pragma"))
        continue
      }
      let declared: Manifest.Parameter.Access =
        switch clause.mode {
        case .in: .read
        case .out: .write
        case .inout: .readwrite
        }
      let section = clause.section.map { ParameterFigures.Span(first: $0.first, count: $0.count) }
      var parameter = task.parameters[index]
      if !task.isOpaque {
        var mismatches: [String] = []
        if parameter.access != declared && parameter.access != .none {
          mismatches.append("access '\(declared.rawValue)' but the analysis infers '\(parameter.access.rawValue)'")
        }
        // A footprint the analysis could not bound (or saw no access to) is what a section is for.
        if let section, parameter.access != .none, parameter.footprint.count != nil, parameter.footprint != section {
          mismatches.append("section \(text(section)) but the analysis infers \(text(parameter.footprint))")
        }
        if !mismatches.isEmpty {
          diagnostics.warning(
            "clause '\(clause.mode.rawValue)(\(clause.description))' of site \(site.id) says "
              + mismatches.joined(separator: "; "), at: clause.location, category: "clause-mismatch")
        }
      }
      let inferred = (access: parameter.access, written: parameter.written)
      parameter.access = declared
      if let section { parameter.footprint = section }
      // The counts the clause implies: what it declares is accessed is, at least once.
      let implied = parameter.footprint.count
      let reads = declared == .write ? Polynomial.zero : implied
      let writes = declared == .read ? Polynomial.zero : implied
      if parameter.reads == nil || parameter.reads == .zero || declared == .write { parameter.reads = reads }
      if parameter.writes == nil || parameter.writes == .zero || declared == .read { parameter.writes = writes }
      parameter.written = declared == .read ? nil : (section ?? parameter.written ?? parameter.footprint)
      // Dense is a fact about the analysis' own written footprint and access, not the clause's.
      if parameter.access != inferred.access || parameter.written != inferred.written { parameter.writeDense = false }
      if parameter.isBounded {
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
    return task
  }

  private static func text(_ span: ParameterFigures.Span) -> String {
    "[\(ManifestExpression(span.first)):\(ManifestExpression(span.count))]"
  }
}

extension Clause: CustomStringConvertible {
  public var description: String {
    guard let first = sectionFirst, let count = sectionCount else { return name }
    return "\(name)[\(first.cExpression):\(count.cExpression)]"
  }
}
