import Foundation

/// MPICH's launcher (Hydra) reports a process that died on its *stdout*, by pid and host only:
///
///     ===================================================================================
///     =   BAD TERMINATION OF ONE OF YOUR APPLICATION PROCESSES
///     =   PID 16159 RUNNING AT vm
///     =   EXIT CODE: 9
///     =   CLEANING UP REMAINING PROCESSES
///     =   YOU CAN IGNORE THE BELOW CLEANUP MESSAGES
///     ===================================================================================
///     YOUR APPLICATION TERMINATED WITH THE EXIT STRING: Killed (signal 9)
///     This typically refers to a problem with your application.
///     Please see the FAQ page for debugging suggestions
///
/// `dosc run` relays the job's stdout with this notice taken out, so that stdout stays the
/// program's output, and writes on stderr one line naming the rank that ended first, then the
/// notice: `dosc: rank 1 (pid 16159 on vm) ended first: Killed (signal 9); MPICH's mpiexec
/// ended the job`. Not the notice's pid: that is the lowest rank found ended by a signal, often
/// one the launcher's own clean-up ended; the rank comes from a `RankWatcher` on this host. A
/// rank on another host is not watched: when the notice names a process there, or no rank here
/// ended, the line says what the notice says, and which rank its pid is when that rank left its
/// `PID@HOST` file where this host sees it.
struct HydraNotice {
  var watcher: RankWatcher?
  /// Where in the notice the last line was: outside it, between its rules, after them.
  private enum Part { case outside, framed, epilogue }
  private var part = Part.outside
  private var held: [String] = []
  /// Empty lines not yet relayed: Hydra opens its notice with one.
  private var blanks = 0
  private var pid = "?"
  private var host = "?"
  private var exitCode = "?"

  init(watcher: RankWatcher?) { self.watcher = watcher }

  static func relay(_ input: FileHandle, to output: FileHandle, notices: FileHandle, watcher: RankWatcher?) {
    var notice = HydraNotice(watcher: watcher)
    var pending = Data()
    func write(_ lines: (output: [String], notices: [String])) {
      if !lines.output.isEmpty { output.write(Data(lines.output.map { $0 + "\n" }.joined().utf8)) }
      if !lines.notices.isEmpty { notices.write(Data(lines.notices.map { $0 + "\n" }.joined().utf8)) }
    }
    while true {
      let chunk = input.availableData
      if chunk.isEmpty { break }
      pending.append(chunk)
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        write(notice.take(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)))
        pending.removeSubrange(pending.startIndex...newline)
      }
    }
    var last = notice.finish()
    if !pending.isEmpty { last.output.append(String(decoding: pending, as: UTF8.self)) }
    write(last)
  }

  static func isRule(_ line: String) -> Bool { line.count >= 40 && line.allSatisfy { $0 == "=" } }

  /// One line of the job's stdout: what goes to stdout, what goes to stderr.
  mutating func take(_ line: String) -> (output: [String], notices: [String]) {
    switch part {
    case .outside:
      if line.isEmpty {
        blanks += 1
        return ([], [])
      }
      let before = Array(repeating: "", count: blanks)
      blanks = 0
      guard Self.isRule(line) else { return (before + [line], []) }
      part = .framed
      held = before + [line]
      return ([], [])
    case .epilogue:
      if line.hasPrefix(Self.exitString) {
        exitCode = String(line.dropFirst(Self.exitString.count))
      } else if !(line.hasPrefix("This typically refers") || line.hasPrefix("Please see the FAQ")) {
        let ended = finish()
        let next = take(line)
        return (ended.output + next.output, ended.notices + next.notices)
      }
      held.append(line)
      return ([], [])
    case .framed:
      guard line.hasPrefix("=") else {  // a rule of the program's own, not Hydra's notice
        let lines = held + [line]
        part = .outside
        held = []
        return (lines, [])
      }
      held.append(line)
      if Self.isRule(line) {
        part = .epilogue
        return ([], [])
      }
      let fields = line.dropFirst().split(separator: " ").map(String.init)
      if fields.count >= 4, fields[0] == "PID", fields[2] == "RUNNING", fields[3] == "AT" {
        pid = fields[1]
        host = fields.count > 4 ? fields[4] : "?"
      } else if fields.count >= 3, fields[0] == "EXIT", fields[1] == "CODE:", exitCode == "?" {
        exitCode = "exit code " + fields[2]
      }
      return ([], [])
    }
  }

  static let exitString = "YOUR APPLICATION TERMINATED WITH THE EXIT STRING: "

  /// At the end of the notice or of the output: the notice, and the line naming the rank.
  mutating func finish() -> (output: [String], notices: [String]) {
    defer {
      part = .outside
      held = []
    }
    guard part != .outside else {
      defer { blanks = 0 }
      return (Array(repeating: "", count: blanks), [])
    }
    guard held.count > 2 && held.contains(where: { $0.contains("BAD TERMINATION") }) else { return (held, []) }
    // A notice naming a process on another host: a rank there ended, and the ranks this host's
    // watcher saw end may be the launcher's clean-up of them (found by scripts/multihost.sh: a
    // rank killed on another host was reported as rank 0 here "ended first").
    let elsewhere = watcher.map { host != "?" && host != $0.host } ?? false
    let first = elsewhere ? [] : watcher?.firstEnded(within: 0.5) ?? []
    let line: String
    if first.isEmpty {
      let which = rank(ofPID: pid).map { ", rank \($0)" } ?? ""
      line =
        "dosc: a rank ended: \(exitCode); MPICH's mpiexec ended the job (its notice names pid \(pid) on \(host)\(which), "
        + "the lowest rank it found ended by a signal, perhaps by its own clean-up)"
    } else {
      let ranks = first.map { "rank \($0.rank) (pid \($0.pid) on \(watcher?.host ?? "?"))" }.joined(separator: " and ")
      // Several: they ended before the watcher could tell them apart (a loaded machine), one of
      // them first and the others by the launcher's clean-up.
      let together = first.count > 1 ? ", too close together to tell which" : ""
      line = "dosc: \(ranks) ended first\(together): \(exitCode); MPICH's mpiexec ended the job"
    }
    return ([], [line] + held.drop { $0.isEmpty })
  }

  /// The rank that left `PID@HOST` (else the only `PID@...`) in the watcher's directory.
  func rank(ofPID pid: String) -> Int? {
    guard let ranks = watcher?.directory, let names = try? FileManager.default.contentsOfDirectory(atPath: ranks)
    else { return nil }
    let candidates = names.contains("\(pid)@\(host)") ? ["\(pid)@\(host)"] : names.filter { $0.hasPrefix("\(pid)@") }
    guard candidates.count == 1, let text = FileManager.default.contents(atPath: ranks + "/" + candidates[0]) else {
      return nil
    }
    return Int(String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }
}
