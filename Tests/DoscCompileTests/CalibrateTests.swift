@testable import DoscExplain
import Foundation
import Testing

/// `dosc calibrate` (issue 10): a profile the runtime reads without a warning, with its noise;
/// twice in a row the two agree within the noise they report. On a machine too busy for a
/// stable figure the only other outcome allowed is the error that says so, with no profile.
///
/// It measures time, so it runs alone: `scripts/test.sh` runs it after the parallel run, with
/// `DOSC_CALIBRATE_ALONE=1` (other tests beside it made its figures disagree by 70%).
/// A pair in which the VM moved its CPUs between the two runs is said and run again (at most
/// three pairs, under 3 minutes on a quiet machine).
@Suite(.serialized) struct CalibrateTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["DOSC_CALIBRATE_ALONE"] == "1"))
  func calibrateTwiceAgreesWithinItsNoise() throws {
    let directory = try Harness.scratch("calibrate")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    // A pair whose steal moved, each calibration in one placement of the VM's CPUs (under load
    // one holds for 30-90 s: BENCHMARKS.md, calibration twice in a row), compared two machines;
    // it is said in the log and the pair runs again. A figure that disagrees while the steal did
    // not move gets one more pair too (a placement the steal does not show), but two such pairs
    // and no pair agreeing is a failure: a figure computed wrongly, or a noise too narrow.
    var unexplained = 0
    for attempt in 1...Self.pairAttempts {
      guard let profiles = try calibratePair(directory) else { return }
      let verdict = try compare(profiles)
      #expect(verdict.oneCPU.isEmpty, "figures on one CPU disagree: \(verdict.oneCPU)")
      if verdict.crossing.isEmpty { return }
      let what = verdict.crossing.joined(separator: ", ")
      if verdict.stealMoved {
        print(
          "calibrate twice, pair \(attempt) of \(Self.pairAttempts): the VM placed its two CPUs differently in "
            + "the two runs, each in one placement (the steal moved): \(what) not compared; pairing again")
      } else {
        unexplained += 1
        print("calibrate twice, pair \(attempt) of \(Self.pairAttempts): \(what) disagreed, the steal unmoved")
        if unexplained == 2 { break }
      }
    }
    guard unexplained < 2 else {
      Issue.record("figures between two CPUs disagreed beyond their noise in two pairs, the steal unmoved")
      return
    }
    print(
      "calibrate twice: no pair without a placement move in \(Self.pairAttempts): the crossing figures not compared")
  }

  /// Pairs `calibrateTwiceAgreesWithinItsNoise` runs at most.
  static let pairAttempts = 3

  /// Two calibrations in a row, each profile checked on its own; nil when one ended in the
  /// error a machine too busy for a stable figure gets (then no profile).
  func calibratePair(_ directory: String) throws -> [[String: Any]]? {
    let environment = ["DOSC_RUNTIME_DIR": Harness.repository.appendingPathComponent("Runtime").path]
    var steps: [String] = []
    var profiles: [[String: Any]] = []
    for run in 1...2 {
      let path = directory + "/profile\(run).json"
      try? FileManager.default.removeItem(atPath: path)
      let calibration = Calibration(environment: environment) { steps.append($0) }
      do {
        let result = try calibration.calibrate(into: path)
        #expect(result.seconds < 60, "under a minute: \(result.seconds) s")
      } catch let failure as Calibration.Failure {
        // The one other outcome: a clear error naming the unstable figures, and no profile.
        #expect(failure.description.contains("unstable measurement") && failure.description.contains("spread"))
        #expect(!Harness.exists(path), "an unstable calibration writes nothing")
        print("calibrate run \(run): \(failure)")  // in scripts/test.sh's log: how often it ends so
        return nil
      }
      // The runtime's own reader takes it without a warning.
      let profile = try MachineProfile.load(path: path)
      #expect(profile.warnings.isEmpty, "\(profile.warnings)")
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
      profiles.append(try #require(json))
      try checkAlone(profiles[run - 1])
    }
    #expect(steps.filter { $0.hasPrefix("[1/3]") }.count == 2 && steps.filter { $0.hasPrefix("[2/3]") }.count >= 6)
    return profiles
  }

  /// What one profile must say whatever the other says.
  func checkAlone(_ profile: [String: Any]) throws {
    let calibration = try #require(profile["calibration"] as? [String: Any])
    let measured = try #require(calibration["measured"] as? [String])
    #expect(measured.contains("spawn_ns") && measured.contains("ns_per_op"))
    if ProcessInfo.processInfo.activeProcessorCount >= 2 { #expect(measured.contains("steal_ns")) }
    let network = try #require(calibration["network"] as? String)
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/mpirun") {
      #expect(measured.contains("remote_latency_ns") && measured.contains("remote_bytes_per_ns"))
      // The share is measured, or keeps its default and the profile says why (on the 2-CPU VM a
      // launch of its probe strays 30-70%: Calibration.bestEffort).
      let notMeasured = calibration["not_measured"] as? [String: String] ?? [:]
      #expect(measured.contains("remote_later_contact_share") != (notMeasured["remote_later_contact_share"] != nil))
      if measured.contains("remote_later_contact_share") {
        #expect(calibration["noise_of_one_plus"] as? [String] == ["remote_later_contact_share"])
      } else {
        #expect(
          profile["remote_later_contact_share"] as? Double == MachineProfile.builtIn.value("remote_later_contact_share")
        )
        print("calibrate: remote_later_contact_share not measured: \(notMeasured["remote_later_contact_share"] ?? "")")
      }
      // Measured through a dosc remote task (the probe fails when its task did not run on rank
      // 1), beside a raw MPI ping-pong's best. Not compared with it here: the two are timed at
      // different moments, and a VM that moves its CPUs between them (140 against 400 ns for
      // the same ping-pong) put dosc's figure below MPI's best in a CI run.
      #expect(network.contains("a dosc remote task"), "\(network)")
      #expect(network.contains("ping-pong gives at best remote_latency_ns "), "\(network)")
    } else {
      #expect(network.contains("not measured"))
    }
    // The published schema takes it.
    let errors = try ProfileSchemaTests.errors(
      String(decoding: try JSONSerialization.data(withJSONObject: profile), as: UTF8.self))
    #expect(errors.isEmpty, "\(errors)")
    // A noise is an interval's width: launches that differ give one wider than 0.
    let noise = try #require(calibration["noise"] as? [String: Double])
    let spread = try #require(calibration["launch_spread"] as? [String: Double])
    for field in measured where (spread[field] ?? 0) > 0 {
      #expect((noise[field] ?? 0) > 0, "\(field): launches spread \(spread[field] ?? 0), noise \(noise[field] ?? 0)")
    }
    // Launches in several placements of the VM's CPUs: the figure lies among the placements' and
    // its noise spans them all.
    for (field, modes) in calibration["modes"] as? [String: [[String: Any]]] ?? [:] {
      let values = modes.compactMap { $0["value"] as? Double }
      let value = try #require(profile[field] as? Double)
      let (low, high) = (try #require(values.min()), try #require(values.max()))
      #expect(values.count >= 2 && !Calibration.oneCPU.contains(field), "\(field): \(modes)")
      #expect(low <= value && value <= high && (noise[field] ?? 0) * value >= high - low, "\(field): \(modes)")
      print("calibrate: \(field) \(value) in \(values.count) placements of the VM's CPUs: \(values)")
    }
  }

  /// The figures of two profiles that disagree beyond their two noises together (or 5%, a
  /// floor for figures whose noise rounds to 0), on one CPU and between two; and whether the
  /// steal moved with each run in one placement (no `modes` for it).
  func compare(_ profiles: [[String: Any]]) throws -> (oneCPU: [String], crossing: [String], stealMoved: Bool) {
    let calibrations = try profiles.map { try #require($0["calibration"] as? [String: Any]) }
    let noises = try calibrations.map { try #require($0["noise"] as? [String: Double]) }
    // The figures both measured (a share one of them could not measure has its default).
    let bothMeasured = try calibrations.map { Set(try #require($0["measured"] as? [String])) }
    let measured = bothMeasured[0].intersection(bothMeasured[1]).sorted()
    func agrees(_ field: String) throws -> Bool {
      let a = try #require(profiles[0][field] as? Double)
      let b = try #require(profiles[1][field] as? Double)
      let allowed = Swift.max((noises[0][field] ?? 0) + (noises[1][field] ?? 0), 0.05)
      print("calibrate twice: \(field) \(a) vs \(b), noise \(noises[0][field] ?? 0) + \(noises[1][field] ?? 0)")
      // A share's noise is over 1 + the share (Calibration.onePlus).
      let base = (calibrations[0]["noise_of_one_plus"] as? [String] ?? []).contains(field) ? 1.0 : 0.0
      return abs(a - b) <= allowed * (base + Swift.max(a, b))
    }
    let disagreeing = try measured.filter { try !agrees($0) }
    let onePlacement = calibrations.allSatisfy { ($0["modes"] as? [String: Any])?["steal_ns"] == nil }
    return (
      disagreeing.filter { Calibration.oneCPU.contains($0) }, disagreeing.filter { !Calibration.oneCPU.contains($0) },
      disagreeing.contains("steal_ns") && onePlacement
    )
  }

  /// How calibrate combines a figure's launches: the 20% trimmed mean and Yuen's interval.
  @Test func launchStatisticsIntervalHoldsTheTrimmedMean() throws {
    // Student's t at 97.5%: the table, and the expansion past it.
    #expect([1, 2, 9, 30].map(LaunchStatistics.studentT975) == [12.706, 4.303, 2.262, 2.042])
    #expect(abs(LaunchStatistics.studentT975(degreesOfFreedom: 31) - 2.040) < 0.001)
    #expect(abs(LaunchStatistics.studentT975(degreesOfFreedom: 120) - 1.980) < 0.001)
    // 45 steal launches as the 2-CPU VM gave them (issue 10): most at 260-280 ns, a fifth at
    // 950 (the hypervisor's CPU placement), two at 120. The trimmed launches are the 950s and
    // the 120s: the figure stays in the main mode and its interval is narrow; one launch strays
    // far more (the launch spread says so).
    let vm =
      Array(repeating: 261.0, count: 20) + Array(repeating: 270.0, count: 14) + Array(repeating: 950.0, count: 9)
      + [120, 120]
    let steal = try #require(LaunchStatistics(vm))
    #expect(steal.median == 270 && abs(steal.value - (13 * 261 + 14 * 270) / 27.0) < 1e-9)
    #expect(steal.interval.contains(steal.value) && steal.noise < 0.05 && steal.launches == 45)
    // Half the launches in each of two modes 3.6x apart: no figure to trust, a noise far above
    // the error limit.
    let split = try #require(LaunchStatistics(Array(repeating: 261.0, count: 22) + Array(repeating: 950.0, count: 23)))
    #expect(split.noise > Calibration.noiseLimit)
    // The launches of issue 10's remote latency on a machine with a load of 9 on its 2 CPUs:
    // a narrow interval after 48 launches, but one launch strays 55%: a figure of the load, an
    // error. The VM's own two modes (240 and 320 ns, 60/40) stray 31%: a profile.
    func measurement(_ launches: [Double]) throws -> Calibration.Measurement {
      let statistics = try #require(LaunchStatistics(launches))
      return Calibration.Measurement(
        name: "remote_latency_ns", value: statistics.value, median: statistics.median, noise: statistics.noise,
        launchSpread: statistics.launchSpread, launches: statistics.launches)
    }
    let loaded = try measurement(
      Array(repeating: 240.0, count: 14) + Array(repeating: 330.0, count: 10) + Array(repeating: 500.0, count: 24))
    #expect(loaded.noise <= Calibration.noiseLimit && loaded.launchSpread > Calibration.launchSpreadLimit)
    #expect(!Calibration.isStable(loaded))
    let twoPlacements = try measurement(Array(repeating: 240.0, count: 11) + Array(repeating: 320.0, count: 7))
    #expect(Calibration.isStable(twoPlacements), "\(twoPlacements)")
    // One or two launches show no spread: the range, and never stable (Calibration.isStable).
    #expect(LaunchStatistics([5])?.interval == 5...5 && LaunchStatistics([4, 6])?.interval == 4...6)

    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    func normal(_ mean: Double, _ deviation: Double) -> Double {  // Box-Muller
      mean + deviation * (-2 * log(1 - uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
    // Two shapes of launches: a spawn's (most launches near the typical cost, a long tail
    // above: 1 + 0.2 (E - ln 2), E exponential), whose 20% trimmed mean is
    // 1 + 0.2 (0.761043 - ln 2) = 1.013579; and the remote latency of issue 10 (60% of the
    // launches near 240 ns, 40% near 315: the VM's two placements), whose trimmed mean is
    // taken from a million draws.
    let skewed = { 1 + 0.2 * (-log(1 - uniform()) - log(2.0)) }
    let twoModes = { uniform() < 0.6 ? normal(240, 4) : normal(315, 10) }
    let population = try #require(LaunchStatistics((0..<1_000_000).map { _ in twoModes() }))
    #expect(population.value > 255 && population.value < 275)
    let firstContact = try #require(LaunchStatistics((0..<1_000_000).map { _ in Self.pairedFirstContact(uniform) }))
    for (name, draw, truth) in [
      ("skewed", skewed, 1.013579), ("two modes", twoModes, population.value),
      ("first contact", { Self.pairedFirstContact(uniform) }, firstContact.value),
    ] {
      // 2000 calibrations of 18 launches (nine passes of a probe launched twice a pass).
      var held = 0
      var agreed = 0
      var withinLimit = 0
      var previous: LaunchStatistics?
      for _ in 0..<2000 {
        let launches = (0..<18).map { _ in draw() }
        let statistics = try #require(LaunchStatistics(launches))
        if statistics.interval.contains(truth) { held += 1 }
        if statistics.noise <= Calibration.noiseLimit { withinLimit += 1 }
        if let previous {
          let allowed = (previous.noise + statistics.noise) * max(previous.value, statistics.value)
          if abs(previous.value - statistics.value) <= allowed { agreed += 1 }
        }
        previous = statistics
      }
      // Yuen's interval is asymptotic: 91-96% on these shapes at 18 launches, not quite 95%.
      #expect(held >= 1800, "\(name): the interval held the trimmed mean in \(held) of 2000")
      // Two calibrations agree within their two noises (what calibrateTwiceAgreesWithinItsNoise checks).
      #expect(agreed >= 1990, "\(name): \(agreed) of 1999 consecutive pairs agreed within their noise")
      // A machine like issue 10's gets a profile: within the limit nearly always.
      #expect(withinLimit >= 1900, "\(name): \(withinLimit) of 2000 within the limit")
    }
  }

  /// A figure between two CPUs whose launches fall in two placements (PlacedFigure).
  @Test func placedFigureSpansThePlacements() throws {
    // The steal of issue 10's VM: 20 launches near 265 ns, then the hypervisor moved the CPUs:
    // 25 near 950. Two modes; the figure is their launch-weighted mean and the noise spans both.
    let near = (0..<20).map { 260.0 + Double($0 % 3) * 5 }
    let far = (0..<25).map { 940.0 + Double($0 % 5) * 5 }
    let split = try #require(Calibration.measurement("steal_ns", near + far))
    #expect(split.modes.map(\.launches) == [20, 25])
    let weighted = (split.modes[0].value * 20 + split.modes[1].value * 25) / 45
    #expect(abs(split.value - weighted) < 1e-9 && split.value > 600 && split.value < 700)
    #expect(split.noise * split.value >= split.modes[1].value - split.modes[0].value)
    // Each placement is within the limits, so it is a profile; pooled, one launch strays 250%.
    #expect(Calibration.isStable(split) && split.launchSpread > Calibration.launchSpreadLimit)
    // A later calibration in either placement agrees with it within the two noises.
    for placement in [near, far] {
      let one = try #require(Calibration.measurement("steal_ns", placement + placement))
      #expect(one.modes.isEmpty)
      #expect(abs(one.value - split.value) <= (one.noise + split.noise) * max(one.value, split.value))
    }
    // On one CPU two modes are load, not a placement: no split, and an error (the pooled spread).
    let oneCPU = try #require(Calibration.measurement("spawn_ns", near.map { $0 / 20 } + far.map { $0 / 20 }))
    #expect(oneCPU.modes.isEmpty && !Calibration.isStable(oneCPU))
    // Two strays far off stay with their mode (the trimmed mean drops them); the quiet VM's
    // remote latency modes, 240 and 320 ns (1.33x), are one: the trimmed mean weighs them.
    #expect(PlacedFigure.split(near + [950, 960]).count == 1)
    #expect(PlacedFigure.split(Array(repeating: 240.0, count: 11) + Array(repeating: 320.0, count: 7)).count == 1)
    // A remote latency whose launches (0.5-1 s each) met both placements, the VM switching
    // within them: 230 and 490 ns, two launches between, so no gap and no split. While the steal's launches split
    // it is mixed: its noise spans its middle launches and its launch spread is not held to the
    // limit, its interval still is (without the steal's moves, both are: a figure of load).
    let straddled: [Double] = (0..<4).flatMap { _ in
      Array(repeating: 230.0, count: 8) + [300.0, 400.0] + Array(repeating: 490.0, count: 8)
    }
    let mixed = try #require(Calibration.measurement("remote_latency_ns", straddled, placementsMoved: true))
    #expect(mixed.modes.isEmpty && mixed.mixedIntervalNoise != nil && Calibration.isStable(mixed))
    #expect(mixed.noise * mixed.value >= 490 - 230 && (mixed.mixedIntervalNoise ?? 1) <= Calibration.noiseLimit)
    let onlyLoad = try #require(Calibration.measurement("remote_latency_ns", straddled))
    #expect(onlyLoad.mixedIntervalNoise == nil && !Calibration.isStable(onlyLoad))
    for placement in [230.0, 490] {
      let one = try #require(Calibration.measurement("remote_latency_ns", Array(repeating: placement, count: 18)))
      #expect(abs(one.value - mixed.value) <= (one.noise + mixed.noise) * max(one.value, mixed.value))
    }
    // Three placements (a steal 120, 260 or 950 ns): three modes.
    #expect(PlacedFigure.split([118, 120, 122, 259, 261, 263, 948, 950, 955]).map(\.count) == [3, 3, 3])

    // Many calibrations of 45 launches on a VM whose placement holds for 60 launches on average
    // (a switch inside a calibration about half the time): every pair of consecutive ones agrees
    // within the two noises, unless each saw one placement, not the same one (which no
    // calibration can see; calibrateTwiceAgreesWithinItsNoise runs that pair again).
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var farPlacement = false
    var previous: (Calibration.Measurement, Set<Bool>)?
    var comparable = 0
    var agreed = 0
    for _ in 0..<2000 {
      var counts: [Bool: Int] = [:]
      let launches = (0..<45).map { _ -> Double in
        if uniform() < 1.0 / 60 { farPlacement.toggle() }
        counts[farPlacement, default: 0] += 1
        return farPlacement ? 950 + 20 * (uniform() - 0.5) : 265 + 10 * (uniform() - 0.5)
      }
      // A placement met by one or two launches is not seen (PlacedFigure.leastLaunches).
      let seen = Set(counts.filter { $0.value >= PlacedFigure.leastLaunches }.keys)
      let measurement = try #require(Calibration.measurement("steal_ns", launches))
      #expect(measurement.modes.count == (seen.count == 2 ? 2 : 0))
      if let (before, seenBefore) = previous, seenBefore.count == 2 || seen.count == 2 || seenBefore == seen {
        comparable += 1
        let allowed = (before.noise + measurement.noise) * max(before.value, measurement.value)
        if abs(before.value - measurement.value) <= allowed { agreed += 1 }
      }
      previous = (measurement, seen)
    }
    #expect(comparable > 1000 && Double(agreed) >= 0.99 * Double(comparable), "\(agreed) of \(comparable)")
  }
  /// One launch's `remote_first_ns` as calibrate_remote.c takes it (issue 10, the 2-CPU VM): a
  /// cold sequence of remote tasks less the warm ones right after it, both in one placement of
  /// the VM's CPUs (60% near, 40% far: 140 or 170 us of first contact), and one launch in 20
  /// held up by another process or a rank not yet serving (0.25-1.5 ms).
  static func pairedFirstContact(_ uniform: () -> Double) -> Double {
    func normal(_ mean: Double, _ deviation: Double) -> Double {
      mean + deviation * (-2 * log(1 - uniform())).squareRoot() * cos(2 * Double.pi * uniform())
    }
    if uniform() < 0.05 { return 250_000 + 1_250_000 * uniform() }
    return uniform() < 0.6 ? normal(140_000, 6_000) : normal(170_000, 8_000)
  }

  /// `remote_first_ns` (Calibration.pairedInLaunch): one pool of launches whatever the placements,
  /// within the limits on a VM like issue 10's, where taking its warm reference half a second
  /// later (as calibrate did before) gave a figure no number of launches pins down.
  @Test func firstContactIsOnePoolOfPairedLaunches() throws {
    // 18 launches (nine passes, twice a pass) on a quiet VM whose steal split into placements:
    // 11 near, 6 far, one held up 1.5 ms. Not split into modes (its launches are 1.2x apart, and
    // a difference near 0 would split at any gap), not mixed: its own interval, within the limit.
    let launches =
      [138, 141, 135, 144, 139, 142, 137, 140, 143, 136, 141].map { $0 * 1000.0 }
      + [166, 172, 169, 175, 163, 171].map { $0 * 1000.0 } + [1_500_000]
    let first = try #require(Calibration.measurement("remote_first_ns", launches, placementsMoved: true))
    #expect(first.modes.isEmpty && first.mixedIntervalNoise == nil)
    #expect(Calibration.isStable(first) && first.noise < 0.2, "\(first)")
    // The held-up launch is trimmed: the figure is the placements' (140-170 us), not pulled up by it.
    #expect(first.value > 140_000 && first.value < 160_000, "\(first.value)")
    // The same launches as a remote latency would be mixed (the steal moved): a noise spanning them.
    let asLatency = try #require(Calibration.measurement("remote_latency_ns", launches, placementsMoved: true))
    #expect(asLatency.mixedIntervalNoise != nil && asLatency.noise > first.noise)
    // Two clusters 1.6x apart (a contact of 60 or 95 us): one pool, where a latency splits.
    let clusters = Array(repeating: 60_000.0, count: 9) + Array(repeating: 95_000.0, count: 9)
    #expect(try #require(Calibration.measurement("remote_first_ns", clusters)).modes.isEmpty)
    #expect(try #require(Calibration.measurement("remote_latency_ns", clusters)).modes.count == 2)

    // Warm sequences half a second after the cold one: each in either placement by chance
    // (98 or 194 us warm, 238 or 365 us cold), the difference 44-267 us from launch to launch:
    // refused at 18 launches 93% of the time (seeded: 35 of 500 pass), where the paired ones
    // pass but for 3 of 500 (four held-up launches of 18 outnumber the three trimmed). The
    // interval's coverage on them: launchStatisticsIntervalHoldsTheTrimmedMean.
    var state: UInt64 = 0x5851_F42D_4C95_7F2D
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var unpairedStable = 0
    var pairedStable = 0
    for _ in 0..<500 {
      let unpaired = (0..<18).map { _ in (uniform() < 0.6 ? 238_000.0 : 365_000) - (uniform() < 0.6 ? 98_000 : 194_000)
      }
      let paired = (0..<18).map { _ in Self.pairedFirstContact(uniform) }
      if let m = Calibration.measurement("remote_first_ns", unpaired), Calibration.isStable(m) { unpairedStable += 1 }
      if let m = Calibration.measurement("remote_first_ns", paired), Calibration.isStable(m) { pairedStable += 1 }
    }
    #expect(unpairedStable < 100 && pairedStable >= 490, "unpaired \(unpairedStable), paired \(pairedStable) of 500")
  }

  /// `remote_later_contact_share` (Calibration.contactShare): the 3-rank contact's trimmed mean
  /// over the 2-rank one's, less 1, never below 0; the noise stays over 1 + share, so a share
  /// near 0 is not refused for a ratio of two small numbers.
  @Test func contactShareIsMeasuredOverOnePlusIt() throws {
    func pool(_ name: String, _ launches: [Double]) throws -> Calibration.Measurement {
      try #require(Calibration.measurement(name, launches, placementsMoved: true))
    }
    // bench/first_contact.py's medians at load 11-16: 263 us on 2 ranks, 314 on 3 (1.19).
    let two = try pool("contact_2_ns", [263, 250, 270, 258, 266, 261, 255, 268, 900].map { $0 * 1000 })
    let three = try pool("contact_3_ns", [314, 300, 320, 310, 318, 305, 312, 309, 80].map { $0 * 1000 })
    #expect(two.modes.isEmpty && two.mixedIntervalNoise == nil && Calibration.isStable(two))
    let share = Calibration.contactShare(two: two, three: three)
    #expect(abs(share.value - (three.value / two.value - 1)) < 1e-12 && share.value > 0.1 && share.value < 0.3)
    #expect(abs(share.noise - (two.noise * two.noise + three.noise * three.noise).squareRoot()) < 1e-12)
    #expect(Calibration.isStable(share))
    // Contacts that overlap fully (3 ranks no slower than 2): a share of 0, stable.
    let overlapped = Calibration.contactShare(two: three, three: two)
    #expect(overlapped.value == 0 && Calibration.isStable(overlapped))
    // A load that holds up half the launches: no share; the default stays, and why is said.
    let loaded = try pool("contact_3_ns", [300, 900, 310, 1200, 290, 850, 1000, 305, 700].map { $0 * 1000 })
    #expect(!Calibration.isStable(Calibration.contactShare(two: two, three: loaded)))
    var unsteady = [two, loaded]
    let why = Calibration.addContactShare(to: &unsteady)
    #expect(unsteady.count == 2 && why["remote_later_contact_share"]?.contains("contact_3_ns") == true, "\(why)")
    var steady = [two, three]
    #expect(Calibration.addContactShare(to: &steady).isEmpty && steady.last?.name == "remote_later_contact_share")
    // The profile writes the measured share, says how its noise reads, and the runtime's own
    // reader takes it.
    let result = Calibration.Result(
      measurements: [share], kernels: [:], network: "2 MPI ranks started by mpirun", stealCPUs: [], seconds: 1)
    let json = try #require(
      try JSONSerialization.jsonObject(with: Data(result.profileJSON().utf8)) as? [String: Any])
    let calibration = try #require(json["calibration"] as? [String: Any])
    #expect(abs((json["remote_later_contact_share"] as? Double ?? -1) - share.value) < 1e-9)
    #expect(calibration["measured"] as? [String] == ["remote_later_contact_share"])
    #expect(calibration["noise_of_one_plus"] as? [String] == ["remote_later_contact_share"])
  }

  /// A calibration whose first contact strays (the 2-CPU VM at any load) still writes a
  /// profile: the share keeps its default and the profile says why; the figures the model needs
  /// are still held to the limits (an error when one is not). Before, calibrate failed every
  /// time on this machine.
  @Test func unsteadyFirstContactKeepsTheDefaultShare() throws {
    var state: UInt64 = 42
    func uniform() -> Double {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Double(state >> 11) / Double(1 << 53)
    }
    var steps: [String] = []
    var calibration = Calibration(environment: [:]) { steps.append($0) }
    // A fifth of a second before the deadline: the passes past the nine stop there.
    calibration.started = Date() - Calibration.passDeadline + 0.2
    func pause() { usleep(200) }  // a launch takes time
    // The contact's launches as the VM gave them (BENCHMARKS.md, branch calib2): 0.2-0.6 ms,
    // one in six held up to several ms.
    let contact = Calibration.Probe(names: ["contact_2_ns", "contact_3_ns"], launchesPerPass: 1) {
      pause()
      let held = uniform() < 0.17 ? 10.0 : 1.0
      return [
        ("contact_2_ns", (200 + 350 * uniform()) * 1000 * held, 0), ("contact_3_ns", (150 + 850 * uniform()) * 1000, 0),
      ]
    }
    let spawn = Calibration.Probe(names: ["spawn_ns"], launchesPerPass: 2) {
      pause()
      return [("spawn_ns", 66 + uniform(), 0)]
    }
    var measurements = try calibration.stable([spawn, contact])
    let notMeasured = Calibration.addContactShare(to: &measurements)
    let why = try #require(notMeasured["remote_later_contact_share"])
    #expect(why.contains("the built-in default stays"), "\(why)")
    #expect(steps.contains { $0.contains("again for the first contact") || $0.contains("again for contact_") })
    let result = Calibration.Result(
      measurements: measurements, kernels: [:], network: "2 MPI ranks started by mpirun", notMeasured: notMeasured,
      stealCPUs: [], seconds: 1)
    let profile = try #require(
      try JSONSerialization.jsonObject(with: Data(result.profileJSON().utf8)) as? [String: Any])
    let written = try #require(profile["calibration"] as? [String: Any])
    #expect(
      profile["remote_later_contact_share"] as? Double == MachineProfile.builtIn.value("remote_later_contact_share"))
    #expect(written["measured"] as? [String] == ["spawn_ns"])
    #expect((written["not_measured"] as? [String: String])?["remote_later_contact_share"] == why)
    // A figure the model needs that strays is still an error. Its launches alternate between
    // 66 ns and 660: however many launches the fifth of a second lets start, their quartiles
    // are 66 and 660, a launch spread of at least 90% (limit 50%). (Drawn as 66 * (1 + 9 *
    // uniform()), a quiet machine started 42 launches, within both limits: the test failed.)
    calibration.started = Date() - Calibration.passDeadline + 0.2
    var strayingLaunches = 0
    let straying = Calibration.Probe(names: ["spawn_ns"], launchesPerPass: 2) {
      pause()
      strayingLaunches += 1
      return [("spawn_ns", strayingLaunches % 2 == 0 ? 66 : 660, 0)]
    }
    #expect(throws: Calibration.Failure.self) { try calibration.stable([straying, contact]) }
  }

  /// The probe itself, where MPI is installed: a 2-rank and a 3-rank launch of
  /// calibrate_contact.c give one sample of each contact, each cold batch having left rank 0
  /// (ContactProbe throws otherwise).
  @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/mpirun")))
  func contactProbeMeasuresTwoAndThreeRanks() throws {
    let scratch = try Harness.scratch("contact")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let runtime = Harness.repository.appendingPathComponent("Runtime").path
    let shipEverything = scratch + "/ship.json"
    try #"{"schema": "dosc-profile/1", "spawn_ns": 0, "remote_latency_ns": 0, "remote_bytes_per_ns": 10000}"#.write(
      toFile: shipEverything, atomically: true, encoding: .utf8)
    let probe = try ContactProbe(
      sources: runtime + "/calibrate", scratch: scratch, runtimeDirectory: runtime,
      environment: RemoteTaskProbe.mpirunEnvironment.merging(
        ["DOSC_BIND": "remote", "DOSC_THREADS": "1", "DOSC_PROFILE": shipEverything, "DOSC_RUNTIME_DIR": runtime]
      ) { $1 })
    let sample = try probe.measure()
    #expect(sample.map(\.0) == ["contact_2_ns", "contact_3_ns"])
    #expect(sample.allSatisfy { $0.1.isFinite }, "\(sample)")
  }
}
