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
