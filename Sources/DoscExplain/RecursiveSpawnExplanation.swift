import DoscManifest
import DoscPolicy
import DoscRewrite
import SymbolicAlgebra

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
    let parameter =
      recurrence.measure.bound.map { "\($0) - \(recurrence.measure.parameter)" }
      ?? recurrence.measure.parameter
    var policyRecurrence = facts.recurrence
    var machine = profile
    let grain = dosc_recursive_grain_ops(&machine)
    if let value = measureValue(recurrence) {
      var measure = dosc_saturate_ll(value, 0)
      var passed = value
      if let atSpawn = recurrence.atSpawn {
        // What the dispatch passes instead of the measure (at depth 0, where it may ship).
        guard let work = evaluated(atSpawn.workPerCall), let fanOut = evaluated(atSpawn.fanOut) else { return [] }
        let calls = dosc_recursive_calls_bound(fanOut, measure, policyRecurrence.base, policyRecurrence.decrement.0)
        let bound = max(work, 1) * calls
        atValues.subtreeWorkBound = bound.isFinite ? bound : nil
        let root = atSpawn.rootWork.flatMap(evaluated).map { dosc_saturate_ll($0, 1) } ?? -1
        measure = dosc_recursive_spawn_estimate(
          &policyRecurrence, root, dosc_saturate_ll(work, 1), dosc_saturate_ll(fanOut, 1), measure)
        atValues.subtreeWorkEstimate = Double(measure)
        passed = Double(measure)
      } else {
        let bound = dosc_recursive_subtree_ops(&policyRecurrence, measure)
        atValues.subtreeWorkBound = bound.isFinite ? bound : nil
      }
      // The batch and the bytes as the generated dispatch passes them (at depth 0).
      atValues.bindingAtSpawn = Self.name(
        Self.spawnBinding(
          decision: decision, work: nil, measure: passed,
          bytes: Self.bytesAtSpawn(site, task: task(of: site), own: atValues.spawnBytes),
          siblings: Self.batchAtSpawn(site, atValues.siblings)))
    }
    guard decision.binding != Int32(DOSC_POLICY_INLINE) else { return [] }
    let depth = "depth < \(decision.depth_cutoff)"
    let remote = remoteBreakEven(
      parameter: recurrence.atSpawn == nil ? parameter : "its estimate", decision: decision, facts: facts)
    if recurrence.atSpawn != nil {
      return remote + [
        SiteExplanation.BreakEven(
          variable: parameter, binding: "local", from: nil,
          text: "spawns while \(depth) (its fan-out and work per call are figures of the arguments: the "
            + "depth cut-off alone)")
      ]
    }
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

  /// The measure at the `--set` values: the parameter's, or the bound's minus it.
  private func measureValue(_ recurrence: RecursionRecurrence) -> Double? {
    guard let value = values[recurrence.measure.parameter] else { return nil }
    guard let bound = recurrence.measure.bound else { return value }
    return values[bound].map { $0 - value }
  }

  /// A figure of the task's parameters at the `--set` values; nil when one is not set.
  private func evaluated(_ figure: Polynomial) -> Double? {
    var integers: [String: Int] = [:]
    for name in figure.variables {
      guard let value = values[name], value.isFinite, abs(value) < 9e18 else { return nil }
      integers[name] = Int(value.rounded())
    }
    guard let value = try? figure.evaluate(integers) else { return nil }
    return Double(value.numerator) / Double(value.denominator)
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
    if facts.recurrence.at_spawn != 0 {
      return [
        SiteExplanation.BreakEven(
          variable: parameter, binding: "remote", from: Double(threshold),
          text: "remote while \(parameter) >= \(threshold) ops and depth < \(decision.remote_depth_cutoff): "
            + "sqrt(one call x its calls' bound) at the spawn's arguments, the estimate of least worst-case ratio, "
            + "pays 2 round trips and its share of the first contact from there; kept here below")
      ]
    }
    let estimate =
      price.rule == Int32(DOSC_RECURSIVE_REMOTE_LOWER_BOUND)
      ? "the subtree's sure work (its lower bound)"
      : "sqrt(one call x its calls' bound), the estimate of least worst-case ratio,"
    return [
      SiteExplanation.BreakEven(
        variable: parameter, binding: "remote", from: Double(threshold),
        text: "remote while \(parameter) >= \(threshold) and depth < \(decision.remote_depth_cutoff): from there "
          + "\(estimate) reaches \(format(price.needed_ops)) ops, what 2 round trips and its share of the first "
          + "contact need at the other nodes' gain; kept here below")
    ]
  }
}
