import CSyntax

/// Shared state of one analysis run: function bodies from the front end and the summaries
/// computed so far, so that a function called from many places is analyzed once.
final class AnalysisContext {
  let unit: TranslationUnit
  private var summaries: [String: AccessSummary] = [:]
  private var inProgress: [String] = []

  init(unit: TranslationUnit) { self.unit = unit }

  func definition(named name: String) -> FunctionDefinition? { unit.functions.definition(named: name) }

  /// True while `name`'s own summary is being computed: a call to it closes a cycle.
  func isBeingAnalyzed(_ name: String) -> Bool { inProgress.contains(name) }

  func summary(of function: FunctionDefinition) -> AccessSummary {
    if let cached = summaries[function.name] { return cached }
    inProgress.append(function.name)
    let summary = FunctionAnalyzer(function: function, context: self).run()
    inProgress.removeLast()
    summaries[function.name] = summary
    return summary
  }
}
