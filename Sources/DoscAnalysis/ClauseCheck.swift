import CSyntax
import DoscManifest
import DoscSupport
import SymbolicAlgebra

/// `in/out/inout` clauses: checked against what the analysis inferred (a warning with both
/// versions where they disagree), then they override the inference.
enum ClauseCheck {
  static func apply(_ sites: [SpawnSite], to task: inout Manifest.Task, diagnostics: DiagnosticEngine) throws {
    guard let site = sites.first(where: { !$0.clauses.isEmpty }) else { return }
    for other in sites
    where !other.clauses.isEmpty && other.clauses.map(\.description) != site.clauses.map(\.description) {
      diagnostics.warning(
        "the clauses of this site differ from those at \(site.pragma.location.withBaseName); the manifest uses the first",
        at: other.pragma.location, category: "clause-mismatch")
    }
    var errors: [Diagnostic] = []
    for clause in site.clauses {
      guard let index = task.params.firstIndex(where: { $0.name == clause.name }) else {
        errors.append(
          Diagnostic(
            .error, at: clause.location, "'\(clause.name)' is not a parameter of '\(task.name)'", category: "pragma"))
        continue
      }
      var parameter = task.params[index]
      let declared: Manifest.Parameter.Access =
        switch clause.mode {
        case .in: .read
        case .out: .write
        case .inout: .readwrite
        }
      var mismatches: [String] = []
      if !task.opaque && parameter.access != declared && parameter.access != .none {
        mismatches.append("access '\(declared.rawValue)' but the analysis infers '\(parameter.access.rawValue)'")
      }
      if let first = clause.sectionFirst, let count = clause.sectionCount, !task.opaque {
        if parameter.first.polynomial != first || parameter.count.polynomial != count {
          mismatches.append(
            "section [\(first.cExpression):\(count.cExpression)] but the analysis infers [\(parameter.first):\(parameter.count)]"
          )
        }
      }
      if !mismatches.isEmpty {
        diagnostics.warning(
          "clause '\(clause.mode.rawValue)(\(clause.description))' says \(mismatches.joined(separator: "; "))",
          at: clause.location, category: "clause-mismatch")
      }
      parameter.access = declared
      if declared == .read {
        (parameter.writeFirst, parameter.writeCount) = (nil, nil)
      } else if parameter.writeFirst == nil || parameter.writeCount == nil {
        // Stores the analysis did not see: anywhere in the footprint.
        (parameter.writeFirst, parameter.writeCount) = (parameter.first, parameter.count)
      }
      if let first = clause.sectionFirst, let count = clause.sectionCount {
        parameter.first = ManifestExpression(first)
        parameter.count = ManifestExpression(count)
        parameter.bytes = ManifestExpression(count * (parameter.elementSize ?? 1))
        if declared != .read { (parameter.writeFirst, parameter.writeCount) = (parameter.first, parameter.count) }
        if parameter.reads == .unknown { parameter.reads = declared == .write ? .number(0) : ManifestExpression(count) }
        if parameter.writes == .unknown {
          parameter.writes = declared == .read ? .number(0) : ManifestExpression(count)
        }
        // The clause bounds what the analysis could not.
        parameter.unbounded = nil
        task.reasons.removeAll { $0.contains("cannot bound the accesses to '\(parameter.name)'") }
      }
      task.params[index] = parameter
    }
    if !errors.isEmpty { throw DiagnosedFailure(errors) }
    task.remotable = task.reasons.isEmpty
  }
}

extension Clause: CustomStringConvertible {
  public var description: String {
    guard let first = sectionFirst, let count = sectionCount else { return name }
    return "\(name)[\(first.cExpression):\(count.cExpression)]"
  }
}
