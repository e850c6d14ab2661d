import DoscDriver
import Foundation
import Testing

/// `-fsanitize=...` in the user's flags links a runtime built with the same sanitizer, so
/// ThreadSanitizer sees the pool's synchronisation: every example, on the pool with two threads,
/// runs with no report and prints what its serial elision prints, while a program with a real
/// race is still reported.
@Suite struct SanitizerTests {
  static let tsan = ["-O2", "-g", "-fsanitize=thread"]
  static let onThePool = ["DOSC_BIND": "local", "DOSC_THREADS": "2"]

  @Test func runtimeVariantFollowsTheSanitizerFlags() {
    #expect(RuntimeVariant(flags: ["-O2", "-g"]).isPlain)
    #expect(RuntimeVariant(flags: ["-fno-sanitize=all"]).isPlain)
    #expect(
      RuntimeVariant(flags: ["-O2", "-fsanitize=thread"]).buildDirectory(compiler: "cc") == "build-sanitize-thread")
    let both = RuntimeVariant(flags: ["-fsanitize=address,undefined", "-fno-sanitize-recover=all", "-Wall"])
    #expect(both.sanitizerFlags == ["-fsanitize=address,undefined", "-fno-sanitize-recover=all"])
    #expect(
      both.buildDirectory(compiler: "/usr/bin/clang-14")
        == "build-sanitize-address+undefined_no-sanitize-recover-all-clang-14")
  }

  @Test(arguments: SerialElisionTests.examples)
  func exampleHasNoReportUnderThreadSanitizer(_ example: SerialElisionTests.Example) throws {
    let directory = Harness.examples.appendingPathComponent(example.name)
    let sources = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".c") }
      .sorted().map { directory.appendingPathComponent($0).path }
    let scratch = try Harness.scratch("tsan-" + example.name)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let plain = try Harness.plainCompile(sources, output: scratch + "/plain")
    try #require(plain.status == 0, "cc failed: \(plain.stderr)")
    let compiled = Harness.doscCompile(sources + Self.tsan + ["-o", scratch + "/prog"])
    try #require(compiled.status == 0, "dosc compile failed:\n\(compiled.diagnostics)")

    let expected = try Harness.run([scratch + "/plain"] + example.arguments)
    let got = try Harness.run([scratch + "/prog"] + example.arguments, environment: Self.onThePool)
    #expect(!got.stderr.contains("ThreadSanitizer"), "\(example.name):\n\(got.stderr.prefix(3000))")
    #expect(got.status == 0)
    #expect(got.stdout == expected.stdout, "\(example.name)")
  }

  @Test func aRealRaceIsStillReported() throws {
    let scratch = try Harness.scratch("tsan-racy")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Inputs/racy.c")
    let compiled = Harness.doscCompile([source.path] + Self.tsan + ["-o", scratch + "/racy"])
    try #require(compiled.status == 0, "dosc compile failed:\n\(compiled.diagnostics)")
    let got = try Harness.run([scratch + "/racy"], environment: Self.onThePool)
    #expect(got.stderr.contains("WARNING: ThreadSanitizer: data race"), "\(got.stderr)")
    #expect(got.stderr.contains("racy.c:"), "the report names the racing line: \(got.stderr)")
    #expect(got.status == 66, "ThreadSanitizer's exit status after a report")
    // Its sum is whatever the race leaves (3, or 1 or 2 when an update is lost): only that it ran.
    #expect(["total 1\n", "total 2\n", "total 3\n"].contains(got.stdout), "\(got.stdout)")
  }

  /// `dosc cc` in an unmodified Makefile, with the sanitizer in CFLAGS (which the link gets too).
  @Test func makeWithDoscCCLinksTheSanitizerRuntime() throws {
    let scratch = try BuildIntegrationTests.copyOfProject("tsan-make")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let dosc = try BuildIntegrationTests.dosc()
    let built = try Harness.run([
      "make", "-s", "-C", scratch, "CC=\(dosc) cc", "CFLAGS=\(Self.tsan.joined(separator: " "))",
    ])
    try #require(built.status == 0, "\(built.stderr)")
    let got = try Harness.run([scratch + "/kernels", "96"], environment: Self.onThePool)
    #expect(!got.stderr.contains("ThreadSanitizer"), "\(got.stderr.prefix(3000))")
    #expect(got.status == 0)
    #expect(got.stdout == (try BuildIntegrationTests.plainOutput()))
  }
}
