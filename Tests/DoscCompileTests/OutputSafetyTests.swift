import Foundation
import Testing

/// Issue 8 items 3 and 4, for every command: an `-o` that names an input (however it is spelled)
/// is refused and the input kept, as gcc does; an `-o` that names a device is written into and
/// stays a device.
@Suite struct OutputSafetyTests {
  static let annotated = """
    #include <stdio.h>
    void fill(int *a, int n) { for (int i = 0; i < n; i++) a[i] = i; }
    int main(void) {
      int a[8];
    #pragma dosc task
      fill(a, 8);
    #pragma dosc taskwait
      printf("%d\\n", a[7]);
      return 0;
    }

    """
  static let plain = "int twice(int x) { return 2 * x; }\nint main(void) { return twice(0); }\n"

  /// A scratch directory holding `t.c` (with pragmas), `p.c` (without) and a link to each.
  private func sources(_ name: String) throws -> String {
    let scratch = try Harness.scratch(name)
    try Self.annotated.write(toFile: scratch + "/t.c", atomically: true, encoding: .utf8)
    try Self.plain.write(toFile: scratch + "/p.c", atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(atPath: scratch + "/link-t.c", withDestinationPath: "t.c")
    try FileManager.default.createSymbolicLink(atPath: scratch + "/link-p.c", withDestinationPath: "p.c")
    return scratch
  }

  @Test(arguments: [
    "analyze t.c -o t.c", "analyze t.c -o ./t.c", "analyze t.c -o link-t.c", "compile t.c -o ./t.c",
    "compile t.c -O2 -o link-t.c", "cc -c t.c -o ./t.c", "cc -c p.c -o link-p.c", "cc t.c -o link-t.c",
    "cc p.c -o ./p.c", "cc -c t.c -o link-t.c",
  ])
  func outputNamingAnInputIsRefused(_ command: String) throws {
    let scratch = try sources("same-file")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let run = try Harness.run(["sh", "-c", "cd \(scratch) && \(try BuildIntegrationTests.dosc()) \(command)"])
    #expect(run.status == 1, "\(run.stderr)")
    #expect(run.stderr.contains("is the same as output file"), "\(run.stderr)")
    #expect(try String(contentsOfFile: scratch + "/t.c", encoding: .utf8) == Self.annotated)
    #expect(try String(contentsOfFile: scratch + "/p.c", encoding: .utf8) == Self.plain)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == ["link-p.c", "link-t.c", "p.c", "t.c"])
  }

  /// A device node of its own (what `/dev/null` is, made here so that a regression cannot
  /// replace the machine's `/dev/null`) stays a device, and nothing is left beside it.
  @Test(arguments: [
    "analyze t.c -o null", "compile t.c -o null", "cc -c t.c -o null", "cc -c p.c -o null", "cc t.c -o null",
    "cc p.c -o null",
  ])
  func deviceOutputIsWrittenThrough(_ command: String) throws {
    let scratch = try sources("device")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try #require(mknod(scratch + "/null", S_IFCHR | 0o666, makedev(1, 3)) == 0, "mknod needs root")
    let run = try Harness.run(["sh", "-c", "cd \(scratch) && \(try BuildIntegrationTests.dosc()) \(command)"])
    #expect(run.status == 0, "\(run.stderr)")
    var status = stat()
    #expect(stat(scratch + "/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR, "no longer a device")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == [
        "link-p.c", "link-t.c", "null", "p.c", "t.c",
      ])
  }

  /// An output that is a link to a regular file is written where the link points; the link stays.
  @Test func outputThroughALinkKeepsTheLink() throws {
    let scratch = try sources("link-output")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try FileManager.default.createSymbolicLink(atPath: scratch + "/out.json", withDestinationPath: "real.json")
    try "old".write(toFile: scratch + "/real.json", atomically: true, encoding: .utf8)
    let run = try Harness.run([
      "sh", "-c", "cd \(scratch) && \(try BuildIntegrationTests.dosc()) analyze t.c -o out.json",
    ])
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: scratch + "/out.json") == "real.json")
    #expect(try String(contentsOfFile: scratch + "/real.json", encoding: .utf8).contains("dosc-manifest/1"))
  }
}

/// `makedev` is a macro in glibc's headers.
private func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
  dev_t(major) << 8 | dev_t(minor)
}
