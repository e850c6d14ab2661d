import DoscManifest
import DoscPolicy

/// What a recursive site with a measure (`Manifest.RecursionMeasure`) gives the runtime: the
/// `dosc_recurrence` its subtrees are priced by at load time (policy.c,
/// `dosc_recursive_measure_threshold`), and the measure parameter's value at the spawn, which
/// the spawn-time choice compares with it (`dosc_spawn_choice`). `dosc explain` builds the same value
/// from the sidecar, so both decide alike.
public struct RecursionRecurrence {
  public var measure: Manifest.RecursionMeasure
  /// Operations of one invocation without its recursive calls (`work_per_invocation`).
  public var workPerCall: Int
  /// The measure's position among the task's parameters.
  public var parameterIndex: Int

  /// Nil unless the task recurses with a measure, a constant work per invocation (what the
  /// load-time threshold is computed from) and at most `DOSC_POLICY_MAX_RECURSIVE_CALLS`
  /// recursive calls: the site then keeps the depth cut-off alone.
  public init?(task: Manifest.Task) {
    guard task.recursive, let measure = task.measure, case .number(let perCall)? = task.workPerInvocation,
      measure.decrements.count <= Int(DOSC_POLICY_MAX_RECURSIVE_CALLS),
      let index = task.params.firstIndex(where: { $0.name == measure.parameter })
    else { return nil }
    self.measure = measure
    self.workPerCall = max(perCall, 0)
    self.parameterIndex = index
  }

  /// The runtime's struct, as the generated site table holds it.
  public var policyValue: dosc_recurrence {
    var value = dosc_recurrence()
    value.calls = Int32(measure.decrements.count)
    value.base = Int64(measure.base)
    withUnsafeMutableBytes(of: &value.decrement) { bytes in
      for (index, decrement) in measure.decrements.enumerated() {
        bytes.storeBytes(of: Int64(decrement), toByteOffset: index * MemoryLayout<Int64>.stride, as: Int64.self)
      }
    }
    value.work_per_call = Double(workPerCall)
    value.least_work_per_call = Double(measure.lowerBound?.workPerCall ?? 0)
    return value
  }

  static func name(siteID: Int) -> String { "dosc_recurrence_\(siteID)" }

  /// `static const dosc_recurrence dosc_recurrence_N = { ... };`
  func declaration(siteID: Int) -> String {
    let decrements = measure.decrements.map { "\($0)LL" }.joined(separator: ", ")
    return "static const dosc_recurrence \(Self.name(siteID: siteID)) = { \(measure.decrements.count), "
      + "\(measure.base)LL, { \(decrements) }, \(workPerCall).0, \(measure.lowerBound?.workPerCall ?? 0).0 };\n"
  }

  /// The measure at the spawn, over the site's argument locals (`dosc_aK`): the `measure`
  /// argument of the dispatch's `dosc_site_choice`.
  var measureArgument: String { "(long long)(dosc_a\(parameterIndex))" }
}
