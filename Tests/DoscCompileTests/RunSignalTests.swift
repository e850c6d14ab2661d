import Foundation
import Testing

/// `dosc run` ended by a signal ends its job, the launcher and every rank: `timeout 60 dosc run`
/// or a `kill` used to end `dosc run` alone and leave the job running, orphaned
/// (`Sources/DoscDriver/LauncherSignals.swift`). In RemoteTests' serialized suite.
extension RemoteTests {
  @Test(.enabled(if: mpiInstalled), arguments: ["openmpi", "mpich"])
  func terminatedDoscRunEndsItsRanks(_ mpi: String) throws {
    if mpi == "mpich" && !Self.mpichInstalled { return }
    let built = try Self.build(
      try Self.exampleSources("mandelbrot"), name: "mandelbrot-term-\(mpi)", arguments: ["16", "16"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      BuildIntegrationTests.withDefaultSignalMask + [try BuildIntegrationTests.dosc(), "run", "-n", "3", "--mpi", mpi]
      + [built.program, "3000", "3000", "20000"]
    var environment = ProcessInfo.processInfo.environment
    environment["DOSC_BIND"] = "remote"
    environment["DOSC_THREADS"] = "1"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let variable = mpi == "mpich" ? "PMI_RANK" : "OMPI_COMM_WORLD_RANK"
    var ranks: [Int32] = []
    Harness.poll(upTo: Harness.startingSeconds, every: 0.1) {
      ranks = (0..<3).compactMap { Self.process(ofRank: $0, running: built.program, variable: variable) }
      return ranks.count == 3
    }
    guard ranks.count == 3 else {
      process.terminate()
      process.waitUntilExit()
      Issue.record("the 3 ranks never started (found \(ranks))")
      return
    }
    kill(process.processIdentifier, SIGTERM)
    // 10 s on the clock for dosc run, 15 s for every rank, from the signal.
    let signalled = Date()
    #expect(Harness.poll(upTo: 10) { !process.isRunning }, "dosc run still ran 10 s after SIGTERM")
    if process.isRunning { kill(process.processIdentifier, SIGKILL) }
    process.waitUntilExit()
    // Every rank ended with it (a zombie waiting for its reaper has ended).
    var left = ranks
    Harness.poll(upTo: 15 - Date().timeIntervalSince(signalled)) {
      left = left.filter { Self.isRunning($0, program: built.program) }
      return left.isEmpty
    }
    #expect(left.isEmpty, "ranks \(left) still ran after dosc run ended")
    for pid in left { kill(pid, SIGKILL) }
  }

  /// Whether `pid` still runs `program` (not ended, not a zombie, not a reused pid).
  static func isRunning(_ pid: Int32, program: String) -> Bool {
    guard let command = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
      String(decoding: command, as: UTF8.self).hasPrefix(program + "\0"),
      let stat = FileManager.default.contents(atPath: "/proc/\(pid)/stat")
    else { return false }
    // The state follows the command's closing parenthesis: "PID (COMM) S ...".
    let text = String(decoding: stat, as: UTF8.self)
    guard let close = text.lastIndex(of: ")") else { return false }
    return !text[text.index(after: close)...].hasPrefix(" Z")
  }
}
