import DoscManifest
import DoscPolicy
import SymbolicAlgebra

/// What a recursive site with a measure (`Manifest.RecursionMeasure`) gives the runtime: the
/// `dosc_recurrence` its subtrees are priced by at load time (policy.c,
/// `dosc_recursive_measure_threshold`), and the measure's value at the spawn, which the
/// spawn-time choice compares with it (`dosc_spawn_choice`). `dosc explain` builds the same value
/// from the sidecar, so both decide alike.
///
/// Where one call's work or the calls per invocation are figures of the arguments, not
/// constants (n-queens: `n` calls in a loop, work growing with the depth), no load-time walk
/// can price the subtrees: the recurrence is priced at the spawn (`AtSpawn`), whose dispatch
/// passes the subtree's estimate in operations instead of the measure.
public struct RecursionRecurrence {
  public var measure: Manifest.RecursionMeasure
  /// Operations of one invocation without its recursive calls (`work_per_invocation`); 0 when
  /// priced at the spawn.
  public var workPerCall: Int
  /// The measure's parameter's position among the task's parameters.
  public var parameterIndex: Int
  /// A rising measure's bound parameter's position (the measure is the bound minus the
  /// parameter).
  public var boundIndex: Int?
  /// The decrements the runtime walks: one per call an invocation may make.
  public var decrements: [Int]
  /// The figures priced at the spawn, when they are not constants.
  public var atSpawn: AtSpawn?

  public struct AtSpawn {
    /// The most work of one invocation of the subtree (`work_per_call_bound`).
    public var workPerCall: Polynomial
    /// The most recursive calls per invocation (`fan_out`, else the calls' count).
    public var fanOut: Polynomial
    /// The spawned task's own call's work (`work_per_invocation`), the low end of the
    /// subtree's range; nil where unknown (the bound above is the low end then).
    public var rootWork: Polynomial?
  }

  /// Nil unless the task recurses with a measure and either a constant work per invocation and
  /// at most `DOSC_POLICY_MAX_RECURSIVE_CALLS` calls per invocation (the load-time walk), or a
  /// bound of one call's work and a fan-out over its parameters (priced at the spawn): the
  /// site then keeps the depth cut-off alone. Nil too for a task whose work is known: its
  /// spawns are decided by that work (`work >= threshold`), not by a measure, in the compiled
  /// site and in explain alike.
  public init?(task: Manifest.Task) {
    guard task.recursive, task.work == .unknown, let measure = task.measure, let leastStep = measure.decrements.min(),
      let index = task.params.firstIndex(where: { $0.name == measure.parameter })
    else { return nil }
    var boundIndex: Int?
    if let bound = measure.bound {
      guard let position = task.params.firstIndex(where: { $0.name == bound }) else { return nil }
      boundIndex = position
    }
    self.measure = measure
    self.parameterIndex = index
    self.boundIndex = boundIndex
    let fanOut = measure.fanOut.map { $0.polynomial } ?? Polynomial(measure.decrements.count)
    let maxCalls = Int(DOSC_POLICY_MAX_RECURSIVE_CALLS)
    if case .number(let perCall)? = task.workPerInvocation, let calls = fanOut?.integerValue, calls >= 1,
      calls <= maxCalls
    {
      // Constants: the load-time walk, one decrement per call (the least for looped calls).
      self.workPerCall = max(perCall, 0)
      self.decrements = measure.fanOut == nil ? measure.decrements : Array(repeating: leastStep, count: calls)
      self.atSpawn = nil
      return
    }
    let constantWork: Polynomial? =
      if case .number(let perCall)? = task.workPerInvocation { Polynomial(perCall) } else { nil }
    guard let fanOut, let workPerCall = measure.workPerCallBound?.polynomial ?? constantWork else { return nil }
    self.workPerCall = 0
    self.decrements = [leastStep]
    self.atSpawn = AtSpawn(
      workPerCall: workPerCall, fanOut: fanOut, rootWork: task.workPerInvocation?.polynomial ?? constantWork)
  }

  /// The runtime's struct, as the generated site table holds it.
  public var policyValue: dosc_recurrence {
    var value = dosc_recurrence()
    value.calls = Int32(decrements.count)
    value.base = Int64(measure.base)
    withUnsafeMutableBytes(of: &value.decrement) { bytes in
      for (index, decrement) in decrements.enumerated() {
        bytes.storeBytes(of: Int64(decrement), toByteOffset: index * MemoryLayout<Int64>.stride, as: Int64.self)
      }
    }
    value.work_per_call = Double(workPerCall)
    value.least_work_per_call = Double(leastWorkPerCall)
    value.at_spawn = atSpawn == nil ? 0 : 1
    return value
  }

  /// The lower bound holds only for the load-time walk of the calls it was found for.
  private var leastWorkPerCall: Int {
    atSpawn == nil && measure.fanOut == nil ? measure.lowerBound?.workPerCall ?? 0 : 0
  }

  static func name(siteID: Int) -> String { "dosc_recurrence_\(siteID)" }

  /// `static const dosc_recurrence dosc_recurrence_N = { ... };`
  func declaration(siteID: Int) -> String {
    let list = decrements.map { "\($0)LL" }.joined(separator: ", ")
    return "static const dosc_recurrence \(Self.name(siteID: siteID)) = { \(decrements.count), "
      + "\(measure.base)LL, { \(list) }, \(workPerCall).0, \(leastWorkPerCall).0, \(atSpawn == nil ? 0 : 1) };\n"
  }

  /// The measure at the spawn over the site's argument locals (`dosc_aK`): the parameter, or
  /// the bound minus it for a rising measure.
  var measureValue: String {
    let parameter = "(long long)(dosc_a\(parameterIndex))"
    return boundIndex.map { "((long long)(dosc_a\($0)) - \(parameter))" } ?? parameter
  }

  /// The `measure` argument of the dispatch's `dosc_site_choice`: the measure, or for a
  /// recurrence priced at the spawn its estimate (`dosc_recursive_spawn_estimate`), computed
  /// only at the depths where the site may ship (elsewhere nothing reads it). Nil when a
  /// figure is not over the site's arithmetic arguments.
  func measureArgument(siteID: Int, arguments: [WorkExpression.Argument]) -> String? {
    guard let atSpawn else { return measureValue }
    let work = WorkExpression.compile(atSpawn.workPerCall, arguments: arguments)
    let fanOut = WorkExpression.compile(atSpawn.fanOut, arguments: arguments)
    guard work != "-1", fanOut != "-1" else { return nil }
    // An unknown root work (-1) leaves the bound as the low end (the estimate's rule).
    let root = atSpawn.rootWork.map { WorkExpression.compile($0, arguments: arguments) } ?? "-1"
    return "(dosc_current_depth < dosc_unit_states[\(siteID)].remote_depth_cutoff ? dosc_recursive_spawn_estimate(&"
      + "\(Self.name(siteID: siteID)), \(root), \(work), \(fanOut), \(measureValue)) : 0LL)"
  }
}
