import DoscManifest
import DoscPolicy
import DoscRewrite
import Foundation

/// One site explained: the runtime's load-time decision (`dosc_decide`, the same C code),
/// the figures it came from, what each binding costs at the user's values
/// (`dosc_price_task`), and where the bindings start to pay.
public struct SiteExplanation: Codable, Sendable {
  public var id: Int
  public var task: String
  public var location: String
  public var function: String
  /// The binding asked for, and by whom: "compiled" (auto), "sidecar" or "DOSC_BIND".
  public var requested: String
  public var origin: String
  /// The load-time binding, and the runtime's reason (its DOSC_TRACE text).
  public var binding: String
  public var reason: String
  public var thresholds: Thresholds
  public var figures: Figures
  /// At the `--set` values; `missing` names what was needed and not given.
  public var atValues: AtValues
  public var breakEven: [BreakEven]
  /// Why the task cannot go to another node, with locations.
  public var notRemotable: [String]

  public struct Thresholds: Codable, Sendable {
    public var localWork: Int64?
    public var depthCutoff: Int?
    public var remoteWork: Int64?
    public var remoteBytesPerOp: Double?
    /// Remote: the batch's share of first reaching the other nodes, in bytes at the bandwidth;
    /// each task of a batch of s pays this / s (`dosc_remote_pays`).
    public var remoteFirstBytes: Double?
    /// A recursive task with a measure: its parameter, and the least value at which a spawn
    /// of it pays (`dosc_spawn_choice`); nil when every value does.
    public var measure: String?
    public var measureThreshold: Int64?
    /// Remote, recursive: a spawn ships its subtree while its measure >= `remoteMeasure` and the
    /// depth < `remoteDepthCutoff`, with at most `remoteMaxBytes` (`dosc_recursive_remote`); of
    /// known work, while the depth < `remoteDepthCutoff` and its work pays (`remoteWork`).
    public var remoteMeasure: Int64?
    public var remoteDepthCutoff: Int?
    public var remoteMaxBytes: Double?
    /// Remote: a task the remote test keeps here spawns locally from this work; nil: never.
    public var keptWork: Int64?
    /// Where the batch is known at the spawn (siblings a formula): fewer tasks are a plain call.
    public var leastSiblings: Int64?
    enum CodingKeys: String, CodingKey {
      case localWork = "local_work"
      case depthCutoff = "depth_cutoff"
      case measure
      case measureThreshold = "measure_threshold"
      case remoteWork = "remote_work"
      case remoteBytesPerOp = "remote_bytes_per_op"
      case remoteFirstBytes = "remote_first_bytes"
      case remoteMeasure = "remote_measure"
      case remoteDepthCutoff = "remote_depth_cutoff"
      case remoteMaxBytes = "remote_max_bytes"
      case keptWork = "kept_work"
      case leastSiblings = "least_siblings"
    }
  }

  public struct Figures: Codable, Sendable {
    public var work: String
    public var bytesIn: [String]
    public var bytesOut: [String]
    public var replicated: [String]
    public var siblings: String
    public var recursive: Bool
    public var remotable: Bool
    enum CodingKeys: String, CodingKey {
      case work
      case bytesIn = "bytes_in"
      case bytesOut = "bytes_out"
      case replicated, siblings, recursive, remotable
    }
  }

  public struct AtValues: Codable, Sendable {
    public var work: Double?
    /// One task's bytes as priced: its own plus its share of the replicated data.
    public var shippedBytes: Double?
    /// One task's own bytes (footprints in, not replicated; written footprints back): what
    /// the spawn-time remote test weighs.
    public var spawnBytes: Double?
    /// The read-only parameters the runtime sends once per node at these values
    /// (`dosc_replicated`), and their bytes.
    public var replicated: [String]
    public var replicatedBytes: Double?
    public var siblings: Double?
    /// A recursive task with a measure: the most operations its calls can run at these values
    /// (`dosc_recursive_subtree_ops`).
    public var subtreeWorkBound: Double?
    /// A recursive task priced at the spawn: its subtree's estimate at these values, what the
    /// dispatch passes (`dosc_recursive_spawn_estimate`).
    public var subtreeWorkEstimate: Double?
    /// What the spawn-time check picks at these values.
    public var bindingAtSpawn: String?
    public var inlineNs: Double?
    public var localNs: Double?
    public var remoteNs: Double?
    /// The paper's overheads for this task: l (local, constant) and y (remote).
    public var l: Double?
    public var y: Double?
    public var missing: [String]
    enum CodingKeys: String, CodingKey {
      case work
      case shippedBytes = "shipped_bytes"
      case spawnBytes = "spawn_bytes"
      case replicated
      case replicatedBytes = "replicated_bytes"
      case siblings
      case subtreeWorkBound = "subtree_work_bound"
      case subtreeWorkEstimate = "subtree_work_estimate"
      case bindingAtSpawn = "binding_at_spawn"
      case inlineNs = "inline_ns"
      case localNs = "local_ns"
      case remoteNs = "remote_ns"
      case l, y, missing
    }
  }

  public struct BreakEven: Codable, Sendable {
    public var variable: String
    public var binding: String
    /// The least value from which the binding is chosen at spawn time; nil: never up to the bound.
    public var from: Double?
    public var text: String
  }

  enum CodingKeys: String, CodingKey {
    case id, task, location, function, requested, origin, binding, reason, thresholds, figures
    case atValues = "at_values"
    case breakEven = "break_even"
    case notRemotable = "not_remotable"
  }
}

/// Builds site explanations from the sidecar, the profile and the configuration.
public struct SiteExplainer {
  public var manifest: Manifest
  public var profile: dosc_profile
  public var values: [String: Double]
  /// The sidecar's bindings count (it is current); a stale sidecar's are ignored, as at run time.
  public var sidecarCurrent: Bool
  /// `DOSC_BIND`, as the runtime reads it: forces every site.
  public var forced: Manifest.Site.Binding?
  /// The largest size a break-even search tries.
  static let searchBound = Double(1 << 40)

  public init(
    manifest: Manifest, profile: dosc_profile, values: [String: Double], sidecarCurrent: Bool,
    forced: Manifest.Site.Binding?
  ) {
    self.manifest = manifest
    self.profile = profile
    self.values = values
    self.sidecarCurrent = sidecarCurrent
    self.forced = forced
  }

  func task(of site: Manifest.Site) -> Manifest.Task? {
    manifest.tasks.first { $0.name == site.task && !$0.opaque } ?? manifest.tasks.first { $0.name == site.task }
  }

  /// The facts the compiled site table gives the runtime (UnitRewriter writes them from the
  /// same figures), with the requested binding resolved as start.c does: DOSC_BIND beats the
  /// sidecar's binding, which beats the compiled-in default.
  func facts(of site: Manifest.Site, task: Manifest.Task?) -> (
    facts: dosc_site_facts, requested: String, origin: String
  ) {
    var facts = dosc_site_facts()
    facts.requested = Int32(DOSC_POLICY_AUTO)
    facts.origin = DOSC_ORIGIN_COMPILED
    var requested = "auto"
    var origin = "compiled"
    if sidecarCurrent, site.binding != .auto {
      facts.requested = Self.policyBinding(site.binding)
      facts.origin = DOSC_ORIGIN_SIDECAR
      requested = site.binding.rawValue
      origin = "sidecar"
    }
    if let forced, forced != .auto {
      facts.requested = Self.policyBinding(forced)
      facts.origin = DOSC_ORIGIN_ENV
      requested = forced.rawValue
      origin = "DOSC_BIND"
    }
    facts.recursive = task?.recursive == true ? 1 : 0
    // As the compiled flag: the site's own remotability where the sidecar gives one (its
    // clauses, or the rewrite that could not ship its arguments), else its task's.
    facts.remotable = Self.remotable(site, task: task) ? 1 : 0
    if let task, task.work != .unknown { facts.work_known = 1 }
    if case .number(let constant)? = task?.work,
      Int(dosc_compile_time_binding(Int64(constant))) == Int(DOSC_POLICY_INLINE)
    {
      facts.fixed = 1
    }
    if case .number(let siblings) = site.siblings { facts.siblings = Int64(siblings) }
    // The rewrite compiles a recurrence into sites whose task body it sees, not into those
    // whose work arrives at the link (`work_at_link`).
    if facts.recursive != 0, site.workAtLink == nil, let recurrence = task.flatMap(RecursionRecurrence.init) {
      facts.recurrence = recurrence.policyValue
    }
    return (facts, requested, origin)
  }

  static func policyBinding(_ binding: Manifest.Site.Binding) -> Int32 {
    switch binding {
    case .inline: Int32(DOSC_POLICY_INLINE)
    case .local: Int32(DOSC_POLICY_LOCAL)
    case .remote: Int32(DOSC_POLICY_REMOTE)
    case .auto: Int32(DOSC_POLICY_AUTO)
    }
  }

  static func name(_ binding: Int32) -> String { String(cString: dosc_binding_name(binding)) }

  public func explain(_ site: Manifest.Site) -> SiteExplanation {
    let task = task(of: site)
    var (facts, requested, origin) = facts(of: site, task: task)
    var reasonBuffer = [CChar](repeating: 0, count: 512)
    var machine = profile
    let decision = dosc_decide(&machine, &facts, &reasonBuffer, reasonBuffer.count)
    let traffic = task.map(TaskTraffic.init)
    let location = "\(site.location.file):\(site.location.line):\(site.location.column)"

    var thresholds = SiteExplanation.Thresholds()
    if decision.binding != Int32(DOSC_POLICY_INLINE) {
      if facts.recursive != 0 && facts.work_known == 0 {
        thresholds.depthCutoff = Int(decision.depth_cutoff)
        // Above anyMeasure: a threshold some measures miss.
        if facts.recurrence.calls > 0, decision.measure_threshold > Self.anyMeasure {
          thresholds.measure = task.flatMap(RecursionRecurrence.init)?.measure.parameter
          thresholds.measureThreshold = decision.measure_threshold
        }
      } else if decision.work_threshold < DOSC_POLICY_NEVER {
        thresholds.localWork = decision.work_threshold
      }
      let recursiveRemote =
        facts.recursive != 0 && facts.work_known == 0 && decision.remote_bytes_per_op < DOSC_POLICY_ANY_BYTES
      if decision.binding == Int32(DOSC_POLICY_REMOTE) && recursiveRemote {
        thresholds.remoteMeasure = decision.remote_work_threshold
        thresholds.remoteDepthCutoff = Int(decision.remote_depth_cutoff)
        thresholds.remoteMaxBytes = decision.remote_first_bytes
      } else if decision.binding == Int32(DOSC_POLICY_REMOTE) {
        thresholds.remoteWork = decision.remote_work_threshold
        thresholds.remoteBytesPerOp =
          decision.remote_bytes_per_op >= DOSC_POLICY_ANY_BYTES ? nil : decision.remote_bytes_per_op
        thresholds.remoteFirstBytes =
          decision.remote_bytes_per_op >= DOSC_POLICY_ANY_BYTES ? nil : decision.remote_first_bytes
        if decision.remote_bytes_per_op < DOSC_POLICY_ANY_BYTES, decision.kept_work_threshold < DOSC_POLICY_NEVER {
          thresholds.keptWork = decision.kept_work_threshold
        }
        // A recursive task of known work ships only at the top of its tree.
        if decision.remote_depth_cutoff > 0 { thresholds.remoteDepthCutoff = Int(decision.remote_depth_cutoff) }
      }
      if Self.batchKnownAtSpawn(site) { thresholds.leastSiblings = Int64(decision.least_siblings) }
    }
    let figures = SiteExplanation.Figures(
      work: task?.work.description ?? "null",
      bytesIn: traffic?.parts.filter { !($0.readOnly && $0.sameRegion) }.map(\.bytes.description) ?? [],
      bytesOut: traffic?.parts.compactMap { $0.written?.description } ?? [],
      replicated: traffic?.replicaCandidates.map { "\($0.name): \($0.bytes)" } ?? [],
      siblings: site.siblings.description, recursive: task?.recursive ?? false,
      remotable: Self.remotable(site, task: task))

    var atValues = evaluate(site: site, task: task, traffic: traffic, decision: decision, values: values)
    var breakEven: [SiteExplanation.BreakEven] = []
    if let task, let recurrence = RecursionRecurrence(task: task), facts.recurrence.calls > 0 {
      breakEven += recursiveSpawn(recurrence, site: site, decision: decision, facts: facts, atValues: &atValues)
    } else if task?.recursive == true, task?.work == .unknown,
      !Self.batchKnownAtSpawn(site) || atValues.siblings != nil
    {
      // No measure: the depth alone decides (a spawn at depth 0 passes it), with the batch.
      atValues.bindingAtSpawn = Self.name(
        Self.spawnBinding(
          decision: decision, work: nil, bytes: Self.bytesAtSpawn(site, task: task, own: atValues.spawnBytes),
          siblings: Self.batchAtSpawn(site, atValues.siblings)))
    }
    if let task, let traffic, task.work != .unknown, decision.binding != Int32(DOSC_POLICY_INLINE) {
      // Sizes the work grows with: a break-even "from v >= X" means something only for those.
      let names = task.work.variables.filter { name in
        guard let value = values[name] else { return false }
        var larger = values
        larger[name] = Swift.max(value * 2, value + 1)
        return (task.work.value(at: larger) ?? 0) > (task.work.value(at: values) ?? 0)
      }.sorted()
      for variable in names {
        breakEven += search(variable, site: site, task: task, traffic: traffic, decision: decision)
      }
    }
    let notRemotable =
      task.map { task in
        Self.remotable(site, task: task)
          ? []
          : site.remotable == false
            ? site.reasons ?? []
            : task.reasons.isEmpty ? ["no figures (opaque task)"] : task.reasons
      } ?? []
    return SiteExplanation(
      id: site.id, task: site.task, location: location, function: site.function, requested: requested,
      origin: origin, binding: Self.name(decision.binding), reason: text(of: reasonBuffer),
      thresholds: thresholds, figures: figures, atValues: atValues, breakEven: breakEven, notRemotable: notRemotable)
  }

  /// Whether the generated code tests the batch at the spawn, as the rewrite recorded it in
  /// the sidecar (`batch_test`): the siblings formula is evaluated there.
  static func batchKnownAtSpawn(_ site: Manifest.Site) -> Bool { site.batchTest == true }

  /// The batch the generated dispatch passes at the spawn: the siblings at the values where it
  /// tests them (`batchKnownAtSpawn`), else nil (not tested). The one place explain decides it.
  static func batchAtSpawn(_ site: Manifest.Site, _ siblings: Double?) -> Double? {
    batchKnownAtSpawn(site) ? siblings : nil
  }

  /// The bytes the generated dispatch can weigh at the spawn: nil where the site has no
  /// marshalling (its task is not remotable, or the rewrite generated none: the dispatch passes
  /// no bytes function and such a site spawns locally, even under a forced remote); else the
  /// task's own bytes at the values, or, where they do not evaluate there, more than any work
  /// pays for.
  static func bytesAtSpawn(_ site: Manifest.Site, task: Manifest.Task?, own: Double?) -> Double? {
    guard remotable(site, task: task) else { return nil }
    return own ?? .infinity
  }

  /// Whether the site may ship its task: the site's own `remotable` where the sidecar gives one
  /// (its clauses; false where the rewrite could not ship its arguments), else its task's.
  static func remotable(_ site: Manifest.Site, task: Manifest.Task?) -> Bool {
    guard let task else { return false }
    return site.remotable ?? task.remotable
  }

  /// The spawn-time choice at `values`: `dosc_spawn_choice`, the function the generated dispatch
  /// calls, at depth 0 (main's spawn, where the depth cut-off passes). `work` nil: unknown (a
  /// recursive task), tested by `measure` (nil: the site has none); `bytes` the task's own
  /// (`spawnBytes`; nil: the site cannot ship); `siblings` the batch where the code tests it
  /// (`batchKnownAtSpawn`).
  static func spawnBinding(
    decision: dosc_decision, work: Double?, measure: Double? = nil, bytes ownBytes: Double?, siblings: Double?
  ) -> Int32 {
    var site = decision
    var bytes = dosc_saturate_ll(ownBytes ?? 0, 1)
    let shipped: dosc_bytes_fn? = ownBytes == nil ? nil : { $0!.load(as: Int64.self) }
    return dosc_spawn_choice(
      &site, work.map { dosc_saturate_ll($0, 0) } ?? -1,
      measure.map { dosc_saturate_ll($0, 0) } ?? Self.noMeasure, 0,
      siblings.map { dosc_saturate_ll($0, 0) } ?? -1, shipped, &bytes)
  }

  /// `DOSC_POLICY_NO_MEASURE` (a macro Swift does not import): what a site without a measure
  /// passes to `dosc_spawn_choice`.
  static let noMeasure = Int64.max

  func sizes(site: Manifest.Site, task: Manifest.Task?, traffic: TaskTraffic?, values: [String: Double]) -> (
    work: Double?, shipped: Double?, own: Double?, siblings: Double?
  ) {
    let siblings = site.siblings.value(at: values)
    let work = task?.work.value(at: values)
    var shipped: Double?
    var own: Double?
    if let bytes = traffic?.bytes(at: values) {
      shipped = dosc_shipped_bytes(
        bytes.bytesIn, bytes.bytesOut, bytes.replicated, dosc_saturate_ll(siblings ?? 0, 0), profile.nodes)
      own = bytes.bytesIn + bytes.bytesOut
    }
    return (work, shipped, own, siblings)
  }

  func evaluate(
    site: Manifest.Site, task: Manifest.Task?, traffic: TaskTraffic?, decision: dosc_decision, values: [String: Double]
  ) -> SiteExplanation.AtValues {
    let needed = (task?.work.variables ?? []).union(traffic?.variables ?? []).union(site.siblings.variables)
    let (work, shipped, own, siblings) = sizes(site: site, task: task, traffic: traffic, values: values)
    var result = SiteExplanation.AtValues(replicated: [], missing: needed.filter { values[$0] == nil }.sorted())
    result.work = work
    result.shippedBytes = shipped
    result.spawnBytes = own
    if let bytes = traffic?.bytes(at: values) {
      result.replicated = bytes.replicatedNames
      result.replicatedBytes = bytes.replicated
    }
    result.siblings = siblings
    guard let work else { return result }
    var size = dosc_task_size(
      work: work, bytes: shipped ?? 0, siblings: siblings.map { dosc_saturate_ll($0, 0) } ?? 0)
    var machine = profile
    let prices = dosc_price_task(&machine, &size)
    func finite(_ value: Double) -> Double? { value >= 0 && value.isFinite ? value : nil }
    result.inlineNs = finite(prices.inline_ns)
    result.localNs = finite(prices.local_ns)
    // A task that cannot go to another node has no remote price.
    let remotable = Self.remotable(site, task: task) && shipped != nil
    result.remoteNs = remotable ? finite(prices.remote_ns) : nil
    result.l = finite(prices.l)
    result.y = remotable ? finite(prices.y) : nil
    result.bindingAtSpawn = Self.name(
      Self.spawnBinding(
        decision: decision, work: work, bytes: Self.bytesAtSpawn(site, task: task, own: own),
        siblings: Self.batchAtSpawn(site, siblings)))
    return result
  }

  /// The least value of `variable` (the others as given) from which the spawn-time check
  /// picks `local`, and `remote`: doubling, then bisection, assuming the figures grow with it.
  func search(
    _ variable: String, site: Manifest.Site, task: Manifest.Task, traffic: TaskTraffic, decision: dosc_decision
  ) -> [SiteExplanation.BreakEven] {
    func chosen(_ x: Double) -> Int32 {
      var at = values
      at[variable] = x
      let (work, _, own, siblings) = sizes(site: site, task: task, traffic: traffic, values: at)
      guard let work else { return Int32(DOSC_POLICY_INLINE) }
      return Self.spawnBinding(
        decision: decision, work: work, bytes: Self.bytesAtSpawn(site, task: task, own: own),
        siblings: Self.batchAtSpawn(site, siblings))
    }
    func least(_ wanted: (Int32) -> Bool) -> Double? {
      var high = 1.0
      while !wanted(chosen(high)) {
        high *= 2
        if high > Self.searchBound { return nil }
      }
      var low = high / 2
      if high == 1 { return wanted(chosen(0)) ? 0 : 1 }
      while high - low > 1 {
        let middle = ((low + high) / 2).rounded(.down)
        if wanted(chosen(middle)) { high = middle } else { low = middle }
      }
      return high
    }
    let nodes = Int(profile.nodes)
    var results: [SiteExplanation.BreakEven] = []
    let spawns = least { $0 != Int32(DOSC_POLICY_INLINE) }
    results.append(
      SiteExplanation.BreakEven(
        variable: variable, binding: "local", from: spawns,
        text: spawns.map { "a spawn pays from \(variable) >= \(format($0))" }
          ?? "a spawn never pays for \(variable) up to 2^40"))
    if decision.binding == Int32(DOSC_POLICY_REMOTE) {
      let remote = least { $0 == Int32(DOSC_POLICY_REMOTE) }
      // A recursive task of known work: the break-even is its subtree's, at the top of its tree.
      let top =
        decision.remote_depth_cutoff > 0
        ? ", while depth < \(decision.remote_depth_cutoff) (the top of its tree)" : ""
      results.append(
        SiteExplanation.BreakEven(
          variable: variable, binding: "remote", from: remote,
          text: remote.map { "remote pays from \(variable) >= \(format($0)) with \(nodes) nodes on this profile\(top)" }
            ?? "remote never pays for \(variable) up to 2^40 with \(nodes) nodes (its data grows as fast as its work)"
        ))
    }
    return results
  }
}
