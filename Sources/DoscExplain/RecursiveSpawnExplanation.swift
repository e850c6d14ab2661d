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
    let remote = remoteBreakEven(parameter: parameter, decision: decision, facts: facts)
    if decision.measure_threshold == Self.anyMeasure {
      return remote + [
        SiteExplanation.BreakEven(
          variable: parameter, binding: "local", from: nil,
          text: "spawns at any \(parameter) while \(depth) (one call's work pays for a spawn and a steal)")
      ]
    }
    let threshold = decision.measure_threshold
    return remote + [
      SiteExplanation.BreakEven(
        variable: parameter, binding: "local", from: Double(threshold),
        text: "spawns while \(parameter) >= \(threshold) and \(depth): from there its calls' work bound "
          + "reaches \(format(grain)) ops, what a spawn and a steal need; a plain call below")
    ]
  }

  /// Where an auto-bound recursive site ships its subtrees (`dosc_recursive_remote`, the same
  /// price the runtime's decision came from), in the measure's own terms.
  private func remoteBreakEven(parameter: String, decision: dosc_decision, facts: dosc_site_facts)
    -> [SiteExplanation.BreakEven]
  {
    guard decision.binding == Int32(DOSC_POLICY_REMOTE), decision.remote_bytes_per_op < DOSC_POLICY_ANY_BYTES
    else { return [] }
    var machine = profile
    var siteFacts = facts
    let price = dosc_recursive_remote(&machine, &siteFacts)
    guard price.rule != Int32(DOSC_RECURSIVE_REMOTE_NONE) else { return [] }
    let threshold = decision.remote_work_threshold
    let estimate =
      price.rule == Int32(DOSC_RECURSIVE_REMOTE_LOWER_BOUND)
      ? "the subtree's sure work (its lower bound)"
      : "sqrt(one call x its calls' bound), the estimate of least worst-case error,"
    return [
      SiteExplanation.BreakEven(
        variable: parameter, binding: "remote", from: Double(threshold),
        text: "remote while \(parameter) >= \(threshold) and depth < \(decision.remote_depth_cutoff): from there "
          + "\(estimate) reaches \(format(price.needed_ops)) ops, what 2 round trips and its share of the first "
          + "contact need at the other nodes' gain; kept here below")
    ]
  }
}
