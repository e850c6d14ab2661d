import DoscAnalysis
import DoscPolicy

/// The C a recursive site with a measure (`Manifest.RecursionMeasure`) needs: the
/// `dosc_recurrence` the runtime prices the site's subtrees by at load time, and the spawn-time
/// check on the measure parameter's value at the spawn (`dosc_recursive_spawn_pays`).
struct RecursionRecurrence {
  /// `static const dosc_recurrence dosc_recurrence_N = { ... };`
  var declaration: String
  /// The name the site's `dosc_site_info.recurrence` points to.
  var name: String
  /// The spawn-time check, over the site's argument locals (`dosc_aK`).
  var check: String

  /// Nil unless the task recurses with a measure, a constant work per invocation (what the
  /// load-time threshold is computed from) and at most `DOSC_POLICY_MAX_RECURSIVE_CALLS`
  /// recursive calls: the site then keeps the depth cut-off alone.
  init?(siteID: Int, task: AnalyzedTask) {
    guard task.isRecursive, let measure = task.measure, let perCall = task.workPerInvocation?.integerValue,
      measure.decrements.count <= Int(DOSC_POLICY_MAX_RECURSIVE_CALLS),
      let index = task.parameters.firstIndex(where: { $0.name == measure.parameter })
    else { return nil }
    name = "dosc_recurrence_\(siteID)"
    let decrements = measure.decrements.map { "\($0)LL" }.joined(separator: ", ")
    declaration =
      "static const dosc_recurrence \(name) = { \(measure.decrements.count), \(measure.base)LL, "
      + "{ \(decrements) }, \(max(perCall, 0)).0 };\n"
    check = "dosc_recursive_spawn_pays(dosc_s, (long long)(dosc_a\(index)))"
  }
}
