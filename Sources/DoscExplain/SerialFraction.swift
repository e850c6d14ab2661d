import Foundation

/// The sequential fraction `ts` of a run, measured: the program runs once on one thread with
/// every site spawning (DOSC_BIND=local and a profile whose spawn costs nothing, so no task
/// runs inline), and its runtime reports under DOSC_TRACE the time spent outside top-level
/// tasks (Runtime/src/start.c): ts = that time over the whole run.
public enum SerialFraction {
  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public static func measure(program: String, arguments: [String]) throws -> (ts: Double, source: String) {
    var template = Array((NSTemporaryDirectory() + "/dosc-ts-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { throw Failure(description: "cannot make a scratch directory") }
    let scratch = String(cString: made)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let profile = scratch + "/spawn-everything.json"
    try #"{"schema": "dosc-profile/1", "spawn_ns": 0, "tasks_per_thread": 1000000}"#.write(
      toFile: profile, atomically: true, encoding: .utf8)
    let output = try Calibration.execute(
      [program] + arguments,
      environment: ["DOSC_THREADS": "1", "DOSC_BIND": "local", "DOSC_TRACE": "1", "DOSC_PROFILE": profile],
      keepStderr: true)
    guard let line = output.split(separator: "\n").last(where: { $0.hasPrefix("dosc: time outside tasks ") }),
      let range = line.range(of: #"ts = [0-9.]+"#, options: .regularExpression),
      let ts = Double(line[range].dropFirst(5))
    else { throw Failure(description: "\(program) did not report its time outside tasks (not built by dosc?)") }
    return (
      ts,
      "ts = \(format(ts)) measured: \(URL(fileURLWithPath: program).lastPathComponent) \(arguments.joined(separator: " ")) on 1 thread, every site spawning"
    )
  }
}
