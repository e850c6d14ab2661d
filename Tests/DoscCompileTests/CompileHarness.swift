import DoscDriver
import DoscSupport
import Foundation

/// Builds programs with `dosc compile` (in process) and with the plain C compiler, and runs them.
enum Harness {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let examples = repository.appendingPathComponent("Examples")

  struct Run: Equatable {
    var status: Int32
    var stdout: String
    var stderr: String
  }

  struct Compiled {
    var status: Int32
    var diagnostics: String
  }

  /// A fresh directory for one test's outputs.
  static func scratch(_ name: String) throws -> String {
    var template = Array((NSTemporaryDirectory() + "/dosc-test-\(name)-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
    return String(cString: made)
  }

  static func doscCompile(_ arguments: [String]) -> Compiled {
    let diagnostics = DiagnosticEngine()
    let status = CompilePipeline.run(arguments: arguments, diagnostics: diagnostics)
    return Compiled(status: status, diagnostics: diagnostics.rendered)
  }

  /// The serial elision: the same sources through `cc`, which ignores the pragmas.
  static func plainCompile(_ sources: [String], flags: [String] = ["-O2"], output: String) throws -> Run {
    try run(["cc"] + flags + ["-Wno-unknown-pragmas"] + sources + ["-o", output])
  }

  static func run(_ command: [String], environment: [String: String] = [:]) throws -> Run {
    var merged = ProcessInfo.processInfo.environment
    for key in merged.keys where key.hasPrefix("DOSC_") { merged[key] = nil }
    merged.merge(environment) { $1 }
    let finished = try ChildProcess.run(command, environment: merged)
    return Run(status: finished.status, stdout: finished.stdout, stderr: finished.stderr)
  }

  static func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

  /// How long a launcher may take to start its ranks before a test gives up: a precondition of
  /// what the test checks, not the property itself, so generous (mpirun starting 3 ranks on 2
  /// cores busy with the parallel tests' builds and runs).
  static let startingSeconds = 120.0

  /// Polls `condition` until it holds or `seconds` have passed on the clock, and says whether it
  /// held. Timed by the clock, not by a count of polls: on a loaded machine a poll takes longer
  /// than its pause, and a count of 100 polls of 0.1 s allowed far more than the 10 s it claimed.
  @discardableResult
  static func poll(upTo seconds: Double, every pause: Double = 0.05, until condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while !condition() {
      if Date() >= deadline { return false }
      Thread.sleep(forTimeInterval: pause)
    }
    return true
  }

  /// Whether any task ran on rank 0's pool, from DOSC_TRACE's exit line `dosc: time outside
  /// tasks X s of Y s`: X is Y exactly when no task ran there (every site's spawns were plain
  /// calls or shipped away); nil without the line.
  static func tasksRanHere(_ stderr: String) -> Bool? {
    guard let line = stderr.split(separator: "\n").first(where: { $0.hasPrefix("dosc: time outside tasks ") })
    else { return nil }
    let words = line.split(separator: " ")
    guard let of = words.firstIndex(of: "of"), of >= 2 else { return nil }
    return words[of - 2] != words[of + 1]
  }
}
