import DoscDriver
import DoscManifest
import DoscPolicy
import DoscSupport
import Foundation

/// `dosc calibrate`: measures this machine into a `dosc-profile/1` file. The measuring
/// programs ship with the runtime (Runtime/calibrate/) and are built here:
/// - `calibrate_runtime.c` (the runtime's ABI called directly): a plain call and a spawn its
///   owner runs (1 worker), then a steal (2 workers: the owner spins until the other takes it);
/// - `calibrate_kernels.c`, built with `dosc compile` and run with every site inline: each
///   kernel's time per call over its manifest `work` at the arguments it prints, so
///   `ns_per_op` is in the analyzer's own unit (the median over the kernels);
/// - `calibrate_remote.c`, built with `dosc compile` and run on 2 ranks started by mpirun with
///   every task shipped, when `mpicc` and `mpirun` are installed: the one-way latency and the
///   bandwidth a remote task meets through dosc (dispatch, pool, twin and write-back included),
///   which is what the model's `remote_latency_ns` and `remote_bytes_per_ns` price; else the
///   defaults stay. `calibrate_mpi.c`, a raw MPI ping-pong, runs once beside it: which hosts
///   the ranks are on, and MPI's own figures for the report;
/// - `calibrate_contact.c`, built likewise and run on 2 ranks and at once on 3: a batch's first
///   contact on each, whose ratio less 1 is `remote_later_contact_share` (ContactProbe).
/// Each program is launched many times, the launches spread over nine passes and more where a
/// figure needs them; every figure is the trimmed mean over its launches, its noise the width of
/// that figure's confidence interval (see `stable` and LaunchStatistics); a noise still above
/// `noiseLimit` at the deadline is an error, not a profile. A figure measured between two CPUs
/// whose launches fell in several placements of a VM's CPUs is their weighted mean, its noise
/// spanning them, each placement held to the limits (PlacedFigure); but `remote_first_ns`, a
/// difference taken within one placement, is one pool (`pairedInLaunch`).
public struct Calibration {
  public struct Measurement: Sendable {
    public var name: String
    /// The 20% trimmed mean over the launches (LaunchStatistics): the profile's figure; for a
    /// figure whose launches fell in several placements of the VM's CPUs, the modes' trimmed
    /// means weighed by their launches (PlacedFigure).
    public var value: Double
    /// The median over the launches, for the report.
    public var median: Double
    /// The width of the figure's 95% confidence interval over the figure (LaunchStatistics);
    /// with several modes, the span of their intervals over the figure (PlacedFigure).
    public var noise: Double
    /// How far one launch strays: the launches' interquartile range over their median.
    public var launchSpread: Double
    public var launches: Int
    /// The placements of the VM's CPUs this figure's launches fell in, lowest first, when more
    /// than one (PlacedFigure); empty when they did not split.
    public var modes: [Mode] = []
    /// For a figure between two CPUs whose launches did not split while the steal's did: the
    /// placements changed within its launches (a remote one takes 0.5-1 s, a steal 20 ms), which
    /// then fill the gap between them. Its noise spans its kept launches (the middle 60%), and
    /// its launch spread is not held to the limit; this is its interval's own noise, which is
    /// (`isStable`).
    public var mixedIntervalNoise: Double?
  }

  /// One placement's launches of a figure measured between two CPUs.
  public struct Mode: Sendable {
    /// Their trimmed mean, its noise and how far one launch strays (LaunchStatistics).
    public var value: Double
    public var noise: Double
    public var launchSpread: Double
    public var launches: Int
    /// Its lowest and highest launch.
    public var range: ClosedRange<Double>
    /// The steal's CPUs in these launches ("owner=0 thief=1"): the same two CPUs in every mode
    /// say that the hypervisor moved them, not the guest's scheduler.
    public var cpus: [String] = []
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public static let noiseLimit = 0.30
  /// The figures measured by one thread on one CPU; every other one runs between two CPUs (a
  /// steal, two MPI ranks) and meets the VM's placement of them (PlacedFigure).
  static let oneCPU: Set = ["call_ns", "spawn_ns", "ns_per_op"]
  /// The figures each launch gives as a difference of two times it took within a millisecond
  /// of each other, between the same two CPUs: `remote_first_ns`, a cold sequence of remote
  /// tasks less the warm ones right after it (calibrate_remote.c). A placement of the VM's CPUs
  /// holds for seconds, so both times are in one and it cancels: the difference is the first
  /// contact's own cost (which a placement moves by a fifth, 140 against 170 us, not 2-3.6x).
  /// Its launches are one pool whatever the placements: their trimmed mean and its interval
  /// (LaunchStatistics), neither split into modes nor mixed (PlacedFigure); a difference near 0
  /// would split at any gap. Held to both limits, like a figure on one CPU.
  static let pairedInLaunch: Set = ["remote_first_ns", "contact_2_ns", "contact_3_ns"]
  /// The figures whose noise does not fail the calibration: the first contact on 2 and on 3
  /// ranks, from which `remote_later_contact_share` comes. Each launch gives one sample of each
  /// (a process is cold once), and on the 2-CPU VM one launch strays 30-70% even bound to cores
  /// (3 ranks share 2 CPUs; likely also the serving ranks' idle back-off, which the cold batch
  /// meets at a random point: not verified): an interval within the limit would need some 70
  /// launches of each, two minutes.
  /// Such a calibration keeps the share's built-in default and says why (`whyNotSteady`);
  /// a steady one on a quieter or larger machine is measured (on fewer than 3 CPUs the probe
  /// does not run: ContactProbe.leastCPUs). Past the nine passes these
  /// figures get more only once every other one is within the limits (`stable`): their
  /// launches must not take the time the model's other figures need.
  static let bestEffort: Set = ["contact_2_ns", "contact_3_ns"]
  /// The figures that are 1 + the figure less 1, a ratio of two costs: the profile keeps the
  /// figure (the ratio less 1, at least 0), its noise and launch spread stay over
  /// 1 + the figure. `remote_later_contact_share` is the 3-rank contact over the 2-rank one,
  /// less 1 (contactShare): near 0 on a machine whose contacts overlap well, where a noise over
  /// the share itself would be a ratio of two small numbers and refuse every calibration.
  public static let onePlus: Set = ["remote_later_contact_share"]
  /// How far one launch may stray (the launches' interquartile range over their median): the
  /// VM's own CPU placements move a figure's launches by up to a third (the remote latency's
  /// 240 and 320 ns modes: an interquartile range of 31% of the figure); launches that stray
  /// more are held up by other processes (55% at a load of 9 on 2 CPUs), and a trimmed mean
  /// over enough of them would be a narrow interval around a figure of that load, not of the
  /// machine (it put the remote latency at 405 ns, where the quiet machine's modes are 240 and
  /// 320).
  public static let launchSpreadLimit = 0.50
  /// Rounds inside one launch (its figure is their median). Few: the rounds of a launch agree
  /// to a percent or two; what moves is the launch (LaunchStatistics), so the time goes to
  /// launches.
  public var rounds = 5
  public var environment: [String: String]
  /// When the calibration started: `passDeadline` counts from it.
  var started = Date()
  public var progress: (String) -> Void

  public init(environment: [String: String], progress: @escaping (String) -> Void) {
    self.environment = environment
    self.progress = progress
  }

  public struct Result: Sendable {
    public var measurements: [Measurement]
    public var kernels: [String: Double]
    public var network: String
    /// The model's fields calibrate measured but not steadily (`bestEffort`), each with why: the
    /// profile keeps their built-in defaults and says so (`calibration.not_measured`).
    public var notMeasured: [String: String] = [:]
    /// The CPUs the steal measurement bound its owner and thief to, as "owner=A thief=B", one
    /// entry per distinct pair over the launches (-1: not bound).
    public var stealCPUs: [String]
    public var seconds: Double
  }

  /// A measuring program: the figures it prints, as (name, median, spread) per launch, and how
  /// many times each pass launches it (a cheap program more often: its figure on a VM moves
  /// with the launch, see LaunchStatistics).
  struct Probe {
    var names: [String]
    var launchesPerPass: Int
    var launch: () throws -> [(String, Double, Double)]
  }

  public func run() throws -> Result {
    let explicit = environment["DOSC_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    let runtime = try RuntimeLocation.locate(explicit)
    // The measuring programs ship with the runtime: Runtime/calibrate, or share/dosc/calibrate.
    let sources = runtime.calibrationDirectory
    guard FileManager.default.fileExists(atPath: sources + "/calibrate_runtime.c") else {
      throw Failure(
        description: "the calibration programs are not where this dosc's runtime keeps them "
          + "(\(sources)); reinstall dosc")
    }
    let scratch = try Self.scratchDirectory()
    defer { try? FileManager.default.removeItem(atPath: scratch) }

    progress("[1/3] building the measuring programs (Runtime/calibrate)")
    let runtimeProgram = scratch + "/calibrate_runtime"
    _ = try Self.execute(
      [
        "cc", "-O2", "-std=c11", "-pthread", "-D__DOSC__=1", "-I" + runtime.includeDirectory,
        sources + "/calibrate_runtime.c", "-o", runtimeProgram, runtime.library, "-ljansson", "-pthread",
      ])
    let sidecar = scratch + "/calibrate_runtime.dosc.json"
    try Data(
      #"{"schema": "dosc-manifest/1", "source_hash": "calibrate-runtime", "tasks": [], "sites": [{"id": 0, "binding": "local"}]}"#
        .utf8
    ).write(to: URL(fileURLWithPath: sidecar))
    let quiet = ["DOSC_MANIFEST": sidecar, "DOSC_PROFILE": scratch + "/none.json"]
    let rounds = self.rounds
    var probes: [Probe] = []
    probes.append(
      Probe(names: ["call_ns", "spawn_ns"], launchesPerPass: 2) {
        try Self.figures(
          Self.execute(
            [runtimeProgram, "owner", "\(rounds)"], environment: quiet.merging(["DOSC_THREADS": "1"]) { $1 }))
      })
    let stealCPUs = StealLaunches()
    if ProcessInfo.processInfo.activeProcessorCount >= 2 {
      // A launch takes ~20 ms; its figure is the one that moves most with the launch.
      probes.append(
        Probe(names: ["steal_ns"], launchesPerPass: 5) {
          let output = try Self.execute(
            [runtimeProgram, "steal", "\(rounds)"], environment: quiet.merging(["DOSC_THREADS": "2"]) { $1 })
          stealCPUs.record(output)
          return try Self.figures(output)
        })
    }
    let kernels = try KernelProbe(sources: sources, scratch: scratch, runtimeDirectory: explicit, rounds: rounds)
    probes.append(Probe(names: ["ns_per_op"], launchesPerPass: 2, launch: kernels.measure))
    var notMeasured: [String: String] = [:]
    var network = "not measured: mpicc or mpirun not found (MPI not installed); the built-in defaults stay"
    let hosts = HostsSeen()
    var rawNetwork: (() throws -> [(String, Double, Double)])?
    if Self.which("mpicc") != nil, Self.which("mpirun") != nil {
      // The raw ping-pong: which hosts the ranks are on, and how much of a task's trip dosc adds
      // to MPI's own; the figures themselves only when this runtime has no MPI plugin to ship with.
      let raw = scratch + "/calibrate_mpi"
      _ = try Self.execute(["mpicc", "-O2", sources + "/calibrate_mpi.c", "-o", raw])
      let rawProbe = {
        let output = try Self.execute(
          ["mpirun", "-n", "2", raw, "\(rounds)"], environment: RemoteTaskProbe.mpirunEnvironment)
        if output.contains("hosts different") { hosts.different = true }
        return try Self.figures(output)
      }
      if runtime.mpiPlugins.isEmpty {
        probes.append(Probe(names: ["remote_latency_ns", "remote_bytes_per_ns"], launchesPerPass: 1, launch: rawProbe))
        network = "2 MPI ranks started by mpirun, a raw MPI ping-pong (this runtime has no MPI plugin)"
      } else {
        let remote = try RemoteTaskProbe(sources: sources, scratch: scratch, runtimeDirectory: explicit, rounds: rounds)
        // mpirun takes 0.5 s a launch (1.2 s on a busy machine), but on a VM this figure is the
        // one whose launches fall in two modes (LaunchStatistics): twice a pass, 18 launches in
        // nine passes, for an interval within the limit on a quiet machine without more passes.
        probes.append(
          Probe(
            names: ["remote_latency_ns", "remote_bytes_per_ns", "remote_first_ns"], launchesPerPass: 2,
            launch: remote.measure))
        if ProcessInfo.processInfo.activeProcessorCount >= ContactProbe.leastCPUs {
          let contact = try ContactProbe(
            sources: sources, scratch: scratch, runtimeDirectory: explicit, environment: remote.environment)
          probes.append(Probe(names: ["contact_2_ns", "contact_3_ns"], launchesPerPass: 1, launch: contact.measure))
        } else {
          notMeasured["remote_later_contact_share"] = ContactProbe.tooFewCPUs
        }
        rawNetwork = rawProbe
        network = "2 MPI ranks started by mpirun"
      }
    }

    var measurements = try stable(probes)
    notMeasured.merge(Self.addContactShare(to: &measurements)) { $1 }
    for (field, why) in notMeasured { progress("[2/3] \(field) not measured: \(why)") }
    if let steal = measurements.firstIndex(where: { $0.name == "steal_ns" }) {
      for mode in measurements[steal].modes.indices {
        measurements[steal].modes[mode].cpus = stealCPUs.cpus(within: measurements[steal].modes[mode].range)
      }
    }
    if network.hasPrefix("2 MPI") {
      var what = "; a raw ping-pong of 1 byte (latency) and 1 MiB (bandwidth)"
      if let rawNetwork {
        // The best of a few launches: on a quiet VM a raw ping-pong's launches fall in two modes
        // further apart than a dosc task's (140 and 400 ns, LaunchStatistics), so one launch of
        // it says little about what dosc adds; its best says what MPI can do here.
        let launches = try (0..<Self.rawLaunches).map { _ in try rawNetwork() }
        let latency = launches.compactMap { $0.first { $0.0 == "remote_latency_ns" }?.1 }.min()
        let bandwidth = launches.compactMap { $0.first { $0.0 == "remote_bytes_per_ns" }?.1 }.max()
        let rawText = [("remote_latency_ns", latency), ("remote_bytes_per_ns", bandwidth)].compactMap { name, value in
          value.map { "\(name) \(format($0))" }
        }
        what =
          "; a dosc remote task on 1 byte (latency: half its round trip) and on 1 MiB in and back (bandwidth),"
          + " where a raw MPI ping-pong gives at best \(rawText.joined(separator: ", ")) over \(Self.rawLaunches) launches"
      }
      network +=
        (hosts.different ? ", on different hosts" : ", on this host (shared memory: a lower bound for a real network)")
        + what
    }
    progress("[3/3] writing the profile")
    return Result(
      measurements: measurements, kernels: kernels.medianPerKernel(), network: network, notMeasured: notMeasured,
      stealCPUs: stealCPUs.cpus(within: -Double.infinity...Double.infinity), seconds: Date().timeIntervalSince(started))
  }

  /// Whether the MPI ranks ran on different hosts.
  final class HostsSeen {
    var different = false
  }

  /// The steal's launches: each one's figure and its CPUs ("cpus owner=A thief=B").
  final class StealLaunches {
    var launches: [(figure: Double, cpus: String)] = []
    func record(_ output: String) {
      let lines = output.split(separator: "\n")
      guard let cpus = lines.first(where: { $0.hasPrefix("cpus ") }) else { return }
      let figure = lines.compactMap { line -> Double? in
        let words = line.split(separator: " ")
        return words.count == 3 && words[0] == "steal_ns" ? Double(words[1]) : nil
      }.first
      launches.append((figure ?? .nan, String(cpus.dropFirst("cpus ".count))))
    }
    /// The distinct CPUs of the launches whose figure lies in `range` (all of them for an
    /// unbounded one, a launch without a figure included).
    func cpus(within range: ClosedRange<Double>) -> [String] {
      Set(
        launches.filter { range.contains($0.figure) || (range.lowerBound == -.infinity && $0.figure.isNaN) }.map(\.cpus)
      )
      .sorted()
    }
  }

  /// Launches every probe `launchesPerPass` times per pass (each a fresh process; the probes
  /// taking turns inside a pass), `passes` passes, so that every figure's launches are spread
  /// over the whole calibration; each figure is then the trimmed mean over its launches, its
  /// noise the width of that figure's confidence interval (LaunchStatistics). While a figure's
  /// noise is above `noiseLimit`, the probes of the figures above it get one more pass each
  /// (the others are done), pooled with the first: the interval narrows as 1/sqrt(launches)
  /// for a figure that is stable but spread (a VM's two CPU placements), and stays wide for one
  /// that is not (a busy machine), which is an error. No pass starts after `passDeadline`: on a
  /// busy machine a pass takes seconds, and the calibration stays under a minute with what it
  /// has (fewer launches: a wider interval, honestly).
  func stable(_ probes: [Probe]) throws -> [Measurement] {
    var launched: [String: [Double]] = [:]
    var measurements: [Measurement] = []
    var pending = probes
    var pass = 0
    while !pending.isEmpty {
      pass += 1
      if pass > 1 && Date().timeIntervalSince(started) > Self.passDeadline { break }
      if pass <= Self.passes {
        progress(
          "[2/3] measuring, pass \(pass) of \(Self.passes): call, spawn, steal, ns per operation, network, "
            + "first contact on 2 and 3 ranks")
      } else {
        let wide = measurements.filter { measurement in
          !Self.isStable(measurement) && pending.contains { $0.names.contains(measurement.name) }
        }.map { "\($0.name) (\(Self.spreads($0)))" }
        let what =
          wide.isEmpty ? "the first contact (remote_later_contact_share too wide)" : wide.joined(separator: ", ")
        progress(
          "[2/3] measuring, pass \(pass): again for \(what) "
            + "(\(Self.limits); no pass starts after \(Int(Self.passDeadline)) s)")
      }
      for turn in 0..<(pending.map(\.launchesPerPass).max() ?? 0) {
        for probe in pending where probe.launchesPerPass > turn {
          let figures = try probe.launch()
          for name in probe.names {
            guard let figure = figures.first(where: { $0.0 == name }) else {
              throw Failure(description: "the measurement printed no \(name)")
            }
            launched[name, default: []].append(figure.1)
          }
        }
      }
      let placementsMoved = (launched["steal_ns"].flatMap(PlacedFigure.init)?.modes.count ?? 0) > 1
      measurements = probes.flatMap(\.names).compactMap {
        Self.measurement($0, launched[$0] ?? [], placementsMoved: placementsMoved)
      }
      if pass >= Self.passes {
        // The figures the calibration needs first; the best-effort ones only once those are
        // within the limits, with what time is left.
        pending = probes.filter { probe in
          measurements.contains {
            probe.names.contains($0.name) && !Self.isStable($0) && !Self.bestEffort.contains($0.name)
          }
        }
        var withShare = measurements
        if pending.isEmpty && !Self.addContactShare(to: &withShare).isEmpty {
          pending = probes.filter { !Self.bestEffort.isDisjoint(with: $0.names) }
        }
      }
    }
    let unstable = measurements.filter { !Self.isStable($0) && !Self.bestEffort.contains($0.name) }
    if unstable.isEmpty { return measurements }
    let spreads = unstable.map {
      "\($0.name) \(format($0.value)) with \(Self.spreads($0)) over \($0.launches) launches"
    }
    throw Failure(
      description: "unstable measurement: \(spreads.joined(separator: "; ")) (\(Self.limits)); the machine is "
        + "busy: run 'dosc calibrate' again when it is quieter")
  }

  /// A figure from its launches: their trimmed mean (LaunchStatistics) or, for a figure
  /// measured between two CPUs whose launches fell in several placements, PlacedFigure's; one
  /// whose launches did not split while the steal's did (`placementsMoved`) is mixed. A figure
  /// on one CPU or paired within its launches (`pairedInLaunch`) is one pool.
  static func measurement(_ name: String, _ launches: [Double], placementsMoved: Bool = false) -> Measurement? {
    guard let all = LaunchStatistics(launches) else { return nil }
    var measurement = Measurement(
      name: name, value: all.value, median: all.median, noise: all.noise, launchSpread: all.launchSpread,
      launches: all.launches)
    let placementsApply = !oneCPU.contains(name) && !pairedInLaunch.contains(name)
    if placementsApply, let placed = PlacedFigure(launches), placed.modes.count > 1 {
      measurement.value = placed.value
      measurement.noise = placed.noise
      measurement.modes = placed.modes.map {
        Mode(
          value: $0.value, noise: $0.noise, launchSpread: $0.launchSpread, launches: $0.launches, range: $0.range)
      }
    } else if placementsApply, placementsMoved, all.value > 0 {
      let sorted = launches.sorted()
      let cut = Int((LaunchStatistics.trimmed * Double(sorted.count)).rounded(.down))
      measurement.mixedIntervalNoise = all.noise
      measurement.noise = max(all.noise, (sorted[sorted.count - 1 - cut] - sorted[cut]) / all.value)
    }
    return measurement
  }

  /// `remote_later_contact_share` from the batch's first contact on 2 and on 3 ranks (each one
  /// pool of launches, held to the limits by `stable`): the ratio of their trimmed means less 1,
  /// at least 0. Its noise is over 1 + share (`onePlus`): the ratio's interval, whose relative
  /// width is about the root sum of squares of the two figures' (independent launches); its
  /// launch spread the larger of theirs. A ratio per pair of launches strayed 50-125% at load 3
  /// on the 2-CPU VM (each cold-less-warm difference moves alone), its mean never within the
  /// limit; the two pools' trimmed means each drop their held-up launches first.
  static func contactShare(two: Measurement, three: Measurement) -> Measurement {
    let ratio = two.value > 0 ? three.value / two.value : .infinity
    return Measurement(
      name: "remote_later_contact_share", value: max(ratio - 1, 0),
      median: two.median > 0 ? three.median / two.median - 1 : .infinity,
      noise: (two.noise * two.noise + three.noise * three.noise).squareRoot(),
      launchSpread: max(two.launchSpread, three.launchSpread), launches: min(two.launches, three.launches))
  }

  /// Appends `remote_later_contact_share` (contactShare) to measurements that have both
  /// contact pools, when it and they are within the limits; else returns why not, by field
  /// (`Result.notMeasured`): the profile keeps the built-in default.
  static func addContactShare(to measurements: inout [Measurement]) -> [String: String] {
    guard let two = measurements.first(where: { $0.name == "contact_2_ns" }),
      let three = measurements.first(where: { $0.name == "contact_3_ns" })
    else { return [:] }
    let share = contactShare(two: two, three: three)
    if let why = whyNotSteady([two, three, share]) { return ["remote_later_contact_share": why] }
    measurements.append(share)
    return [:]
  }

  /// Why a figure from these measurements is not steady enough for the profile ("contact_2_ns
  /// 412000 with a spread of 41%, one launch straying 86% over 9 launches; ..."), nil when
  /// every one is within the limits.
  static func whyNotSteady(_ measurements: [Measurement]) -> String? {
    let unstable = measurements.filter { !isStable($0) }
    guard !unstable.isEmpty else { return nil }
    return unstable.map {
      "\($0.name) \(format($0.value)) with \(spreads($0))\(onePlus.contains($0.name) ? " of 1 + it" : "")"
        + " over \($0.launches) launches"
    }.joined(separator: "; ") + " (\(limits)): the built-in default stays"
  }

  /// "a spread of 34%, one launch straying 55%": a figure's noise and launch spread; per
  /// placement for one whose launches fell in several.
  static func spreads(_ measurement: Measurement) -> String {
    guard measurement.modes.count > 1 else {
      return spreads(noise: measurement.noise, launchSpread: measurement.launchSpread)
    }
    return "\(measurement.modes.count) placements of its CPUs: "
      + measurement.modes.map {
        "\(format($0.value)) (\($0.launches) launches, \(spreads(noise: $0.noise, launchSpread: $0.launchSpread)))"
      }.joined(separator: ", ")
  }

  static func spreads(noise: Double, launchSpread: Double) -> String {
    "a spread of \(Int((noise * 100).rounded()))%, one launch straying \(Int((launchSpread * 100).rounded()))%"
  }

  static let limits =
    "the limits are \(Int(noiseLimit * 100))% and, for one launch, \(Int(launchSpreadLimit * 100))%"

  /// Within both limits, over enough launches for the interval to mean something (1 or 2
  /// launches, when a busy machine let no more start before the deadline, show no spread).
  /// A figure whose launches fell in several placements: each placement so (PlacedFigure); a
  /// mixed one (`mixedIntervalNoise`) by its interval alone: its launches' spread is the
  /// placements' that the steal's modes show, but an interval wider than the limit is still a
  /// mean not known (under a load of 15 on 2 CPUs a bandwidth of 0.66 B/ns, where the
  /// placements give 1.5 and 3.7: a figure of the load).
  static func isStable(_ measurement: Measurement) -> Bool {
    if let noise = measurement.mixedIntervalNoise { return withinLimits(noise, 0, measurement.launches) }
    guard measurement.modes.count > 1 else {
      return withinLimits(measurement.noise, measurement.launchSpread, measurement.launches)
    }
    return measurement.modes.allSatisfy { withinLimits($0.noise, $0.launchSpread, $0.launches) }
  }

  static func withinLimits(_ noise: Double, _ launchSpread: Double, _ launches: Int) -> Bool {
    noise <= noiseLimit && launchSpread <= launchSpreadLimit && launches >= 3
  }

  /// Launches of the raw MPI ping-pong after the passes, for the network note (its best).
  static let rawLaunches = 3
  /// Passes every probe gets (one progress line each); more for a figure still too wide.
  static let passes = 9
  /// Seconds after the start after which no pass starts (one pass takes 1 s on a quiet 2-CPU
  /// machine, up to 5 s on one loaded 10-fold): the whole stays under a minute, the last pass,
  /// the raw ping-pong and the profile's writing included.
  static let passDeadline = 40.0

  /// "NAME MEDIAN SPREAD" lines.
  static func figures(_ output: String) throws -> [(String, Double, Double)] {
    output.split(separator: "\n").compactMap { line in
      let words = line.split(separator: " ")
      guard words.count == 3, let value = Double(words[1]), let spread = Double(words[2]) else { return nil }
      return (String(words[0]), value, spread)
    }
  }

  static func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.count % 2 == 1
      ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
  }

  /// Runs a command, returns its stdout; a non-zero exit is an error with its stderr.
  /// `keepStderr`: the result is stderr's text instead of stdout's.
  static func execute(_ command: [String], environment extra: [String: String] = [:], keepStderr: Bool = false) throws
    -> String
  {
    var environment = ProcessInfo.processInfo.environment
    for key in environment.keys where key.hasPrefix("DOSC_") && key != "DOSC_RUNTIME_DIR" { environment[key] = nil }
    environment.merge(extra) { $1 }
    let finished = try ChildProcess.run(command, environment: environment)
    guard finished.succeeded else {
      throw Failure(
        description:
          "'\(URL(fileURLWithPath: command[0]).lastPathComponent)' failed (status \(finished.status)): "
          + finished.stderr.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    return keepStderr ? finished.stderr : finished.stdout
  }

  /// Builds one of the measuring programs with `dosc compile -O2` (and `options`), as a user's
  /// program is built; an error with dosc's diagnostics when it cannot.
  static func compileWithDosc(
    _ source: String, into program: String, options: [String] = [], runtimeDirectory: String?
  ) throws {
    let diagnostics = DiagnosticEngine()
    let status = CompilePipeline.run(
      arguments: [source, "-O2", "-o", program] + options + (runtimeDirectory.map { ["--runtime-dir", $0] } ?? []),
      diagnostics: diagnostics)
    guard status == 0 else {
      throw Failure(
        description:
          "cannot build \(URL(fileURLWithPath: source).lastPathComponent) with dosc:\n\(diagnostics.rendered)")
    }
  }

  static func which(_ name: String) -> String? {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let path = "\(directory)/\(name)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  static func scratchDirectory() throws -> String {
    var template = Array((NSTemporaryDirectory() + "/dosc-calibrate-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw Failure(description: "cannot make a scratch directory") }
    return String(cString: made)
  }
}

/// ns per operation: calibrate_kernels.c built with dosc, run with every site inline; each
/// kernel's time per call over its manifest `work` at the arguments it prints; the median over
/// the kernels.
final class KernelProbe {
  let program: String
  let manifest: Manifest
  let scratch: String
  let rounds: Int
  /// Each kernel's ns per op, one per launch.
  private var perKernel: [String: [Double]] = [:]

  init(sources: String, scratch: String, runtimeDirectory: String?, rounds: Int) throws {
    program = scratch + "/calibrate_kernels"
    self.scratch = scratch
    self.rounds = rounds
    try Calibration.compileWithDosc(
      sources + "/calibrate_kernels.c", into: program, options: ["--no-mpi"], runtimeDirectory: runtimeDirectory)
    manifest = try JSONDecoder().decode(
      Manifest.self, from: Data(contentsOf: URL(fileURLWithPath: program + ".dosc.json")))
  }

  /// Each kernel's median over the launches: the profile shows how far the kernels disagree.
  func medianPerKernel() -> [String: Double] { perKernel.mapValues { Calibration.median($0) } }

  func measure() throws -> [(String, Double, Double)] {
    let output = try Calibration.execute(
      [program, "\(rounds)"],
      environment: ["DOSC_BIND": "inline", "DOSC_THREADS": "1", "DOSC_PROFILE": scratch + "/none.json"])
    var perOp: [Double] = []
    var noise: [Double] = []
    for line in output.split(separator: "\n") where line.hasPrefix("kernel ") {
      let words = line.split(separator: " ").map(String.init)
      var values: [String: Double] = [:]
      for word in words.dropFirst(2) {
        let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
        if parts.count == 2, let value = Double(parts[1]) { values[parts[0]] = value }
      }
      guard let task = manifest.tasks.first(where: { $0.name == words[1] }), let work = task.work.value(at: values),
        work > 0, let ns = values["ns"], let spread = values["spread"]
      else { throw Calibration.Failure(description: "calibrate_kernels: no work figure for '\(line)'") }
      perOp.append(ns / work)
      noise.append(spread)
      perKernel[words[1], default: []].append(ns / work)
    }
    guard !perOp.isEmpty else { throw Calibration.Failure(description: "calibrate_kernels printed no kernel") }
    return [("ns_per_op", Calibration.median(perOp), noise.max() ?? 0)]
  }
}

/// The network as a remote task meets it: calibrate_remote.c built with `dosc compile` (MPI
/// linked) and run on 2 ranks with every task shipped (`DOSC_BIND=remote` and a profile in which
/// a message costs nothing, so no threshold keeps a small task home).
final class RemoteTaskProbe {
  static let mpirunEnvironment = ["OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"]
  let program: String
  let environment: [String: String]
  let rounds: Int

  init(sources: String, scratch: String, runtimeDirectory: String?, rounds: Int) throws {
    program = scratch + "/calibrate_remote"
    self.rounds = rounds
    try Calibration.compileWithDosc(sources + "/calibrate_remote.c", into: program, runtimeDirectory: runtimeDirectory)
    let shipEverything = scratch + "/ship-everything.json"
    try Data(
      #"{"schema": "dosc-profile/1", "spawn_ns": 0, "remote_latency_ns": 0, "remote_bytes_per_ns": 10000}"#.utf8
    ).write(to: URL(fileURLWithPath: shipEverything))
    environment = Self.mpirunEnvironment.merging(
      ["DOSC_BIND": "remote", "DOSC_THREADS": "1", "DOSC_PROFILE": shipEverything]
    ) { $1 }
  }

  func measure() throws -> [(String, Double, Double)] {
    let output = try Calibration.execute(["mpirun", "-n", "2", program, "\(rounds)"], environment: environment)
    let figures = try Calibration.figures(output)
    guard figures.count == 3 else {
      throw Calibration.Failure(description: "calibrate_remote did not run on 2 ranks: \(output)")
    }
    return figures
  }
}

/// `remote_later_contact_share`: what each serving rank after the first adds to a batch's first
/// contact, as a share of the first's (policy.c, first_contact_ns). calibrate_contact.c built
/// with `dosc compile` and launched on 2 ranks and right after on 3 (the order alternating from
/// launch to launch, so a load that grows or fades weighs on both alike), each with every task
/// shipped; each launch gives its cold batch less its warm ones, one sample of `contact_2_ns` or
/// `contact_3_ns`; the share is their trimmed means' ratio less 1 (`Calibration.contactShare`).
final class ContactProbe {
  /// CPUs below which the probe does not run: 3 ranks on 2 CPUs share them, and the 3-rank
  /// contact came out twice the 2-rank one (a share of 1, the CPUs' sharing, not the contacts'
  /// overlap), its launches straying 30-70% (BENCHMARKS.md, branch calib2): never within the
  /// limits, and its launches took a third of the passes' time from the figures the model needs
  /// (at load 20-28 those got 6-12 launches in 40 s and were refused).
  static let leastCPUs = 3
  static let tooFewCPUs =
    "fewer than \(leastCPUs) CPUs: its 3 ranks would share them, a figure of that sharing (twice the 2-rank contact on "
    + "2 CPUs), not of the contacts' overlap; the built-in default stays"
  let program: String
  let environment: [String: String]
  private var threeFirst = false

  init(sources: String, scratch: String, runtimeDirectory: String?, environment: [String: String]) throws {
    program = scratch + "/calibrate_contact"
    self.environment = environment
    try Calibration.compileWithDosc(
      sources + "/calibrate_contact.c", into: program, runtimeDirectory: runtimeDirectory)
  }

  /// One batch's first contact on `ranks` ranks, ns: an error when the program ran on other
  /// ranks, or when no task of its cold batch left rank 0 (then it timed no contact). A cold
  /// batch that reached only some serving ranks counts: a rank that asked late (descheduled
  /// on a shared machine) is what a program on that many ranks meets too.
  func contact(ranks: Int) throws -> Double {
    // Each rank bound to a core (on 2 CPUs, 3 ranks put two on one: `overload-allowed`). Unbound,
    // as `dosc run` starts them, two ranks landed on one CPU in a third of the 2-rank launches
    // (a contact of 4-15 ms where the others took 0.25-0.55), and 3 ranks strayed 69% against
    // 31% bound (BENCHMARKS.md, branch calib2): a figure of the scheduler's choice, not of the
    // contact.
    let output = try Calibration.execute(
      ["mpirun", "-n", "\(ranks)", "--oversubscribe", "--bind-to", "core:overload-allowed", program],
      environment: environment)
    var values: [String: Double] = [:]
    for line in output.split(separator: "\n") {
      let words = line.split(separator: " ")
      if words.count >= 2, let value = Double(words[1]) { values[String(words[0])] = value }
    }
    guard values["ranks"] == Double(ranks), (values["serving_ranks"] ?? 0) >= 1, let contact = values["contact_ns"]
    else {
      throw Calibration.Failure(
        description: "calibrate_contact on \(ranks) ranks did not ship its tasks to a serving rank: \(output)")
    }
    return contact
  }

  func measure() throws -> [(String, Double, Double)] {
    threeFirst.toggle()
    let first = try contact(ranks: threeFirst ? 3 : 2)
    let second = try contact(ranks: threeFirst ? 2 : 3)
    let (two, three) = threeFirst ? (second, first) : (first, second)
    return [("contact_2_ns", two, 0), ("contact_3_ns", three, 0)]
  }
}
