import DoscManifest
import DoscPolicy
import DoscRewrite

extension SiteExplainer {
  /// `DOSC_POLICY_ANY_MEASURE` (`-DOSC_POLICY_NEVER - 1`, a macro Swift does not import): the
  /// measure threshold of a site whose every measure passes, or that has none.
  static let anyMeasure = Int64.min

  /// A recursive site with a measure: where its spawns start to pay in the user's terms
  /// ("spawns while n >= 21"), and at the `--set` value of the measure the bound on the calls'
  /// work and what the spawn-time check picks there (at depth 0, where the cut-off passes).
  func recursiveSpawn(
    _ recurrence: RecursionRecurrence, site: Manifest.Site, decision: dosc_decision, facts: dosc_site_facts,
    atValues: inout SiteExplanation.AtValues
  ) -> [SiteExplanation.BreakEven] {
    let parameter = recurrence.measure.parameter
    var policyRecurrence = facts.recurrence
    var machine = profile
    let grain = dosc_recursive_grain_ops(&machine)
    if let value = values[parameter] {
      let measure = dosc_saturate_ll(value, 0)
      let bound = dosc_recursive_subtree_ops(&policyRecurrence, measure)
      atValues.subtreeWorkBound = bound.isFinite ? bound : nil
      // The batch and the bytes as the generated dispatch passes them (at depth 0).
      atValues.bindingAtSpawn = Self.name(
        Self.spawnBinding(
          decision: decision, work: nil, measure: value,
          bytes: Self.bytesAtSpawn(site, task: task(of: site), own: atValues.spawnBytes),
          siblings: Self.batchAtSpawn(site, atValues.siblings)))
    }
    guard decision.binding != Int32(DOSC_POLICY_INLINE) else { return [] }
    let depth = "depth < \(decision.depth_cutoff)"
    if decision.measure_threshold == Self.anyMeasure {
      return [
        SiteExplanation.BreakEven(
          variable: parameter, binding: "local", from: nil,
          text: "spawns at any \(parameter) while \(depth) (one call's work pays for a spawn and a steal)")
      ]
    }
    let threshold = decision.measure_threshold
    return [
      SiteExplanation.BreakEven(
        variable: parameter, binding: "local", from: Double(threshold),
        text: "spawns while \(parameter) >= \(threshold) and \(depth): from there its calls' work bound "
          + "reaches \(format(grain)) ops, what a spawn and a steal need; a plain call below")
    ]
  }
}
