import Foundation
import Testing

@testable import DoscDriver

/// How `dosc run` names the rank behind MPICH's notice of a dead process (`HydraNotice`).
@Suite struct HydraNoticeTests {
  /// MPICH's notice, as Hydra prints it on stdout.
  static func notice(pid: String, host: String) -> [String] {
    let rule = String(repeating: "=", count: 83)
    return [
      "", rule, "=   BAD TERMINATION OF ONE OF YOUR APPLICATION PROCESSES", "=   PID \(pid) RUNNING AT \(host)",
      "=   EXIT CODE: 9", "=   CLEANING UP REMAINING PROCESSES", "=   YOU CAN IGNORE THE BELOW CLEANUP MESSAGES", rule,
    ]
  }

  /// A watcher on this host that saw rank 0 (a real process: `sleep 1`, time enough for the
  /// watcher to find its file and open a pidfd before it ends) end.
  static func watcherThatSawRank0End() throws -> (RankWatcher, String) {
    let directory = try Harness.scratch("rank-watcher")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sleep")
    process.arguments = ["1"]
    try process.run()
    let watcher = RankWatcher(directory: directory)
    try "0\n".write(
      toFile: "\(directory)/\(process.processIdentifier)@\(watcher.host)", atomically: true, encoding: .utf8)
    process.waitUntilExit()
    // The watcher's thread may be starved of CPU on a loaded machine: its own patient wait.
    _ = watcher.firstEnded(within: 60)
    return (watcher, directory)
  }

  /// What `dosc run` writes for Hydra's notice of pid 4966 on `host(this host)`, once a watcher
  /// saw rank 0 of this host end; and this host's name.
  static func linesOfNotice(naming host: (String) -> String) throws -> (lines: [String], host: String) {
    let (watcher, directory) = try Self.watcherThatSawRank0End()
    defer {
      watcher.stop()
      try? FileManager.default.removeItem(atPath: directory)
    }
    try #require(watcher.firstEnded.map(\.rank) == [0], "the watcher did not see rank 0 end")
    var notice = HydraNotice(watcher: watcher)
    var lines: [String] = []
    for line in Self.notice(pid: "4966", host: host(watcher.host)) { lines += notice.take(line).notices }
    lines += notice.finish().notices
    return (lines, watcher.host)
  }

  /// A rank killed on another host: the ranks here ended by the launcher's clean-up are not named
  /// as the first to end; the line says what the notice says.
  @Test func noticeNamingAnotherHostIsNotBlamedOnARankHere() throws {
    let (lines, here) = try Self.linesOfNotice { "elsewhere-than-\($0)" }
    #expect(lines.first?.hasPrefix("dosc: a rank ended: exit code 9;") == true, "\(lines)")
    #expect(lines.first?.contains("its notice names pid 4966 on elsewhere-than-\(here)") == true, "\(lines)")
    #expect(!lines.contains { $0.contains("ended first") }, "\(lines)")
  }

  /// The notice naming a process on this host: the watcher's first rank to end is named.
  @Test func noticeNamingThisHostNamesTheRankThatEndedFirst() throws {
    let (lines, _) = try Self.linesOfNotice { $0 }
    #expect(lines.first?.hasPrefix("dosc: rank 0 (pid ") == true, "\(lines)")
    #expect(lines.first?.contains(" ended first: exit code 9; MPICH's mpiexec ended the job") == true, "\(lines)")
  }
}
