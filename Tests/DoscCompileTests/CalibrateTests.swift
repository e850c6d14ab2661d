@testable import DoscExplain
import Foundation
import Testing

/// `dosc calibrate` (issue 10): a profile the runtime reads without a warning, with its noise;
/// twice in a row the two agree within the noise they report. On a machine too busy for a
/// stable figure the only other outcome allowed is the error that says so, with no profile.
///
/// It measures time, so it runs alone: `scripts/test.sh` runs it after the parallel run, with
/// `DOSC_CALIBRATE_ALONE=1` (other tests beside it made its figures disagree by 70%).
@Suite(.serialized) struct CalibrateTests {
  @Test(.enabled(if: ProcessInfo.processInfo.environment["DOSC_CALIBRATE_ALONE"] == "1"))
  func calibrateTwiceAgreesWithinItsNoise() throws {
    let directory = try Harness.scratch("calibrate")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let environment = ["DOSC_RUNTIME_DIR": Harness.repository.appendingPathComponent("Runtime").path]
    var steps: [String] = []
    var profiles: [[String: Any]] = []
    for run in 1...2 {
      let path = directory + "/profile\(run).json"
      let calibration = Calibration(environment: environment) { steps.append($0) }
      do {
        let result = try calibration.calibrate(into: path)
        #expect(result.seconds < 60, "under a minute: \(result.seconds) s")
      } catch let failure as Calibration.Failure {
        // The one other outcome: a clear error naming the unstable figures, and no profile.
        #expect(failure.description.contains("unstable measurement") && failure.description.contains("spread"))
        #expect(!Harness.exists(path), "an unstable calibration writes nothing")
        print("calibrate run \(run): \(failure)")  // in scripts/test.sh's log: how often it ends so
        return
      }
      // The runtime's own reader takes it without a warning.
      let profile = try MachineProfile.load(path: path)
      #expect(profile.warnings.isEmpty, "\(profile.warnings)")
      let json = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
      profiles.append(try #require(json))
    }
    #expect(steps.filter { $0.hasPrefix("[1/3]") }.count == 2 && steps.filter { $0.hasPrefix("[2/3]") }.count >= 6)
    let first = try #require(profiles.first?["calibration"] as? [String: Any])
    let second = try #require(profiles.last?["calibration"] as? [String: Any])
    let measured = try #require(first["measured"] as? [String])
    #expect(measured.contains("spawn_ns") && measured.contains("ns_per_op"))
    if ProcessInfo.processInfo.activeProcessorCount >= 2 { #expect(measured.contains("steal_ns")) }
    let network = try #require(first["network"] as? String)
    if FileManager.default.isExecutableFile(atPath: "/usr/bin/mpirun") {
      #expect(measured.contains("remote_latency_ns") && measured.contains("remote_bytes_per_ns"))
      // Measured through a dosc remote task (the probe fails when its task did not run on rank
      // 1), beside a raw MPI ping-pong's best. Not compared with it here: the two are timed at
      // different moments, and a VM that moves its CPUs between them (140 against 400 ns for
      // the same ping-pong) put dosc's figure below MPI's best in a CI run.
      #expect(network.contains("a dosc remote task"), "\(network)")
      #expect(network.contains("ping-pong gives at best remote_latency_ns "), "\(network)")
    } else {
      #expect(network.contains("not measured"))
    }
    let noiseA = try #require(first["noise"] as? [String: Double])
    let noiseB = try #require(second["noise"] as? [String: Double])
    // Each figure is a trimmed mean whose noise is its interval's width over it; two runs agree
    // when they differ by no more than the two noises together (or 5%, a floor for figures
    // whose noise rounds to 0).
    func agrees(_ field: String) throws -> Bool {
      let a = try #require(profiles[0][field] as? Double)
      let b = try #require(profiles[1][field] as? Double)
      let allowed = Swift.max((noiseA[field] ?? 0) + (noiseB[field] ?? 0), 0.05)
      print("calibrate twice: \(field) \(a) vs \(b), noise \(noiseA[field] ?? 0) + \(noiseB[field] ?? 0)")
      return abs(a - b) <= allowed * Swift.max(a, b)
    }
    // Unless the VM moved its two CPUs between the runs: under load a placement holds for
    // 30-90 s (BENCHMARKS.md, calibration twice in a row: steal 270 ns and remote latency 234
    // ns in one run, 957 and 498 in the next, each with a noise of 1-3%), and the steal, timed
    // between the same two CPUs, shows the move. Then the figures that cross between CPUs
    // describe two different machines; the ones on one CPU must still agree.
    let crossing: Set = ["steal_ns", "remote_latency_ns", "remote_bytes_per_ns"]
    let moved = measured.contains("steal_ns") ? try !agrees("steal_ns") : false
    for field in measured where !(moved && crossing.contains(field)) {
      #expect(try agrees(field), "\(field): \(profiles[0][field] ?? "-") vs \(profiles[1][field] ?? "-")")
    }
    if moved { print("calibrate twice: the steal moved: the VM placed its CPUs differently between the runs") }
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
    for (name, draw, truth) in [("skewed", skewed, 1.013579), ("two modes", twoModes, population.value)] {
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
}
