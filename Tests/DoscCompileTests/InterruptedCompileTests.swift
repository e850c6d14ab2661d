import Foundation
import Testing

/// `dosc compile` ended by SIGINT or SIGTERM in the middle: no output, partial or whole, beside
/// the sources, and none of dosc's temporary directories left in `$TMPDIR`. Before, the output
/// was safe (AtomicFile) but every interrupted compile left its `dosc-XXXXXX` directory, with
/// the generated C and the link's partial output, in `$TMPDIR`.
@Suite struct InterruptedCompileTests {
  @Test(arguments: [SIGINT, SIGTERM])
  func anInterruptedCompileLeavesNothing(_ signal: Int32) throws {
    let scratch = try Harness.scratch("interrupted-\(signal)")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let temporary = scratch + "/tmp", output = scratch + "/out"
    for directory in [temporary, output] {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      BuildIntegrationTests.withDefaultSignalMask + [
        try BuildIntegrationTests.dosc(), "compile",
        Harness.examples.appendingPathComponent("mergesort/mergesort.c").path, "-O2", "-o", output + "/prog",
      ]
    var environment = ProcessInfo.processInfo.environment
    environment["TMPDIR"] = temporary
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // The signal comes once dosc has its temporary directory: the generated C is being compiled.
    let started = Harness.poll(upTo: Harness.startingSeconds, every: 0.01) {
      ((try? FileManager.default.contentsOfDirectory(atPath: temporary)) ?? []).contains { $0.hasPrefix("dosc-") }
        || !process.isRunning
    }
    try #require(started && process.isRunning, "dosc compile never made its temporary directory, or ended first")
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    if process.terminationReason == .exit && process.terminationStatus == 0 { return }  // it finished first
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == signal)
    #expect(try FileManager.default.contentsOfDirectory(atPath: output) == [])
    // The compiler's own temporaries (gcc's ccXXXXXX.*) are its business: it was not signalled.
    let left = try FileManager.default.contentsOfDirectory(atPath: temporary).filter { $0.hasPrefix("dosc") }
    #expect(left.isEmpty, "\(left)")
  }
}
