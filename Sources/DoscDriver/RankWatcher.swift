import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// glibc 2.36's `pidfd_open` (sys/pidfd.h, not in Swift's Glibc module): a file descriptor
/// that becomes readable when the process `pid` ends, whoever its parent is.
@_silgen_name("pidfd_open") private func pidfdOpen(_ pid: pid_t, _ flags: UInt32) -> Int32

/// Under MPICH, which rank of the job ended first, for the ranks on this host: MPICH's launcher
/// ends every other rank at once when one dies, and its notice names the lowest rank it found
/// ended by a signal, often one it ended itself (`HydraNotice`). Each rank leaves `PID@HOST`,
/// holding its rank, in `directory` as it starts (`Runtime/src/mpi_launcher.c`); the watcher
/// opens a pidfd for each on this host and waits on them all, so the first rank to end wakes
/// it, before the launcher has ended the others.
final class RankWatcher: @unchecked Sendable {
  let directory: String
  let host: String
  private let lock = NSLock()
  private var stopped = false
  /// The ranks that ended in the first wake-up (one, unless they ended too close together).
  private var first: [(rank: Int, pid: String)] = []
  private let done = DispatchSemaphore(value: 0)

  init(directory: String) {
    self.directory = directory
    // gethostname, as the runtime names the file (ProcessInfo's hostName may be resolved further).
    var name = [UInt8](repeating: 0, count: 256)
    host = gethostname(&name, name.count - 1) == 0 ? String(decoding: name.prefix { $0 != 0 }, as: UTF8.self) : "?"
    Thread.detachNewThread { [self] in watch() }
  }

  /// The first rank(s) to end on this host so far.
  var firstEnded: [(rank: Int, pid: String)] {
    lock.lock()
    defer { lock.unlock() }
    return first
  }

  /// The first rank(s) to end, waiting up to `seconds` for the watcher to see one: the launcher's
  /// notice can reach `dosc run` before a watcher starved of CPU (a loaded machine) has looked.
  func firstEnded(within seconds: Double) -> [(rank: Int, pid: String)] {
    let deadline = Date().addingTimeInterval(seconds)
    var found = firstEnded
    while found.isEmpty && Date() < deadline {
      Thread.sleep(forTimeInterval: 0.01)
      found = firstEnded
    }
    return found
  }

  /// Once the job has ended.
  func stop() {
    lock.lock()
    stopped = true
    lock.unlock()
    done.wait()
  }

  private var isStopped: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopped
  }

  /// Whether the process `pid` has begun to end: the kernel's PF_EXITING (0x4) in the flags of
  /// `/proc/PID/stat` (the ninth field, the seventh after the command's closing parenthesis), set
  /// as it starts to die, before it closes its files; a process already gone counts too.
  static func isExiting(_ pid: String) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return true }
    guard let close = stat.lastIndex(of: ")") else { return false }
    let fields = stat[stat.index(after: close)...].split(separator: " ")
    guard fields.count > 6, let flags = UInt64(fields[6]) else { return false }
    return fields[0] == "Z" || fields[0] == "X" || flags & 0x4 != 0
  }

  private func watch() {
    var watched: [(fd: Int32, rank: Int, pid: String)] = []
    var seen: Set<String> = []
    defer {
      for entry in watched { close(entry.fd) }
      done.signal()
    }
    while !isStopped {
      // Ranks that ended before this look found their file (a rank killed at once, a watcher
      // slow under load): they ended before every rank still running.
      var endedUnseen: [(rank: Int, pid: String)] = []
      // Ranks that started since the last look.
      for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
      where !seen.contains(name) && name.hasSuffix("@" + host) {
        let pid = String(name.prefix { $0 != "@" })
        // A file not written yet is read again on the next round (it was once missed for good).
        guard let number = pid_t(pid), let text = FileManager.default.contents(atPath: directory + "/" + name),
          let rank = Int(String(decoding: text, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else { continue }
        seen.insert(name)
        let fd = pidfdOpen(number, 0)
        if fd >= 0 {
          watched.append((fd, rank, pid))
        } else if errno == ESRCH {
          endedUnseen.append((rank, pid))
        }
      }
      var polled = watched.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
      let ready = poll(&polled, nfds_t(polled.count), endedUnseen.isEmpty ? 50 : 0)
      guard ready > 0 || !endedUnseen.isEmpty else { continue }
      // Those found gone ended at some time before this look, a watched one that is ready
      // since the last: neither is known to be first, so all of them are named together (a
      // rank killed while the watcher read another's file was once reported as ended after
      // the one MPICH's clean-up ended).
      var endedWatched = zip(watched, polled).filter { $0.1.revents != 0 }.map { (rank: $0.0.rank, pid: $0.0.pid) }
      // A rank killed while it was still tearing down (its memory, its files) is not ended yet
      // for its pidfd, but the ranks whose links to it closed may already have ended (a rank 0
      // that saw rank 1's links close ended 0.5 ms before rank 1's pidfd was ready: rank 0 was
      // named): a rank already exiting at this look is named with them.
      if !endedWatched.isEmpty {
        endedWatched += watched.filter { entry in
          !endedWatched.contains { $0.pid == entry.pid } && Self.isExiting(entry.pid)
        }.map { (rank: $0.rank, pid: $0.pid) }
      }
      let ended = endedUnseen + endedWatched
      lock.lock()
      if first.isEmpty { first = ended.sorted { $0.rank < $1.rank } }
      lock.unlock()
      for entry in watched where endedWatched.contains(where: { $0.pid == entry.pid }) { close(entry.fd) }
      watched.removeAll { entry in endedWatched.contains { $0.pid == entry.pid } }
    }
  }
}
