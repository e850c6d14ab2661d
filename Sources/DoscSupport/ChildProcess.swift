import Foundation

/// A child process that has ended: its exit status and what it printed.
public struct FinishedProcess: Sendable {
  /// The exit status, or 128 + the signal's number when a signal ended it (as a shell says).
  public var status: Int32
  public var stdout: String
  public var stderr: String

  public var succeeded: Bool { status == 0 }
}

/// Runs a command to its end and collects its output: the one way the tool (calibrate, version
/// reports) and the tests start a program whose output they read.
public enum ChildProcess {
  /// Runs `command`: `command[0]` is a path, or a name looked up on the PATH. `environment`
  /// replaces the whole environment when given. Both streams go through temporary files, not
  /// pipes, so a child that prints much on both can never block on a full pipe; standard input
  /// is empty, so a child that reads it ends instead of waiting.
  public static func run(
    _ command: [String], environment: [String: String]? = nil, directory: String? = nil
  ) throws -> FinishedProcess {
    precondition(!command.isEmpty, "a command has at least the program")
    let process = Process()
    if command[0].contains("/") {
      process.executableURL = URL(fileURLWithPath: command[0])
      process.arguments = Array(command.dropFirst())
    } else {
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = command
    }
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    let scratch = try TemporaryDirectory.make(prefix: "dosc-child")
    defer { TemporaryDirectory.remove(scratch) }
    let outputPath = scratch + "/stdout"
    let errorPath = scratch + "/stderr"
    _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
    _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
    let output = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
    let errors = try FileHandle(forWritingTo: URL(fileURLWithPath: errorPath))
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    do {
      try process.run()
    } catch {
      try? output.close()
      try? errors.close()
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot run '\(command[0])': \(error)"))
    }
    process.waitUntilExit()
    try output.close()
    try errors.close()
    let read = { (path: String) in String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }
    return FinishedProcess(
      status: process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus,
      stdout: read(outputPath), stderr: read(errorPath))
  }
}
