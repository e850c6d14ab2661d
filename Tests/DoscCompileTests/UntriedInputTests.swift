import Foundation
import Testing

/// Inputs an ordinary build can hand `dosc cc` that no other test tried: a source with CRLF
/// line endings, a program stripped after the link, a `make -j4` of many objects sharing a
/// header. Each program prints what its serial elision prints, under DOSC_THREADS=2.
@Suite struct UntriedInputTests {
  static let mergesort = Harness.examples.appendingPathComponent("mergesort/mergesort.c").path

  /// `dosc cc -c SOURCE` then `dosc cc OBJECT -o prog` in `scratch`; the object carries its
  /// manifest section.
  static func buildThroughCC(_ source: String, in scratch: String) throws -> String {
    let dosc = try BuildIntegrationTests.dosc()
    let compiled = try Harness.run([dosc, "cc", "-O2", "-c", source, "-o", scratch + "/unit.o"])
    try #require(compiled.status == 0, "\(compiled.stderr)")
    let sections = try Harness.run(["readelf", "-S", scratch + "/unit.o"]).stdout
    #expect(sections.contains(".dosc.manifest"), "\(sections)")
    let linked = try Harness.run([dosc, "cc", "-O2", scratch + "/unit.o", "-o", scratch + "/prog"])
    try #require(linked.status == 0, "\(linked.stderr)")
    return scratch + "/prog"
  }

  static func plainOutput(_ source: String, in scratch: String, arguments: [String]) throws -> String {
    let plain = try Harness.plainCompile([source], output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")
    return try Harness.run([scratch + "/plain"] + arguments).stdout
  }

  @Test func crlfSourceThroughDoscCC() throws {
    let scratch = try Harness.scratch("crlf")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let text = try String(contentsOfFile: Self.mergesort, encoding: .utf8)
    let source = scratch + "/crlf.c"
    try text.replacingOccurrences(of: "\n", with: "\r\n").write(toFile: source, atomically: true, encoding: .utf8)
    let program = try Self.buildThroughCC(source, in: scratch)
    let got = try Harness.run([program, "100000"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(got.stdout == (try Self.plainOutput(source, in: scratch, arguments: ["100000"])))
    // Both sites found, at the lines and columns of the LF file.
    let sites = got.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site") }
    #expect(sites.count == 2 && sites[0].contains("crlf.c:28:3") && sites[1].contains("crlf.c:30:3"), "\(got.stderr)")
  }

  /// The runtime reads the manifest from the program's `.dosc.manifest` section when no
  /// sidecar lies beside it: `strip` keeps that section (it is not debugging information); a
  /// program whose section was removed runs with one warning and the right answer (SPEC).
  @Test(arguments: [
    ["strip"], ["strip", "--strip-all"], ["strip", "--strip-unneeded"], ["objcopy", "--strip-all"],
    ["objcopy", "--remove-section=.dosc.manifest"], ["strip", "-R", ".dosc.manifest"],
  ])
  func strippedProgram(_ tool: [String]) throws {
    let scratch = try Harness.scratch("stripped")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let program = try Self.buildThroughCC(Self.mergesort, in: scratch)
    try FileManager.default.removeItem(atPath: program + ".dosc.json")
    let stripped = try Harness.run(tool + [program])
    try #require(stripped.status == 0, "\(stripped.stderr)")
    let got = try Harness.run([program, "100000"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(got.status == 0)
    #expect(got.stdout == (try Self.plainOutput(Self.mergesort, in: scratch, arguments: ["100000"])))
    let warnings = got.stderr.split(separator: "\n").filter { $0.contains("warning") }
    if tool.joined(separator: " ").contains(".dosc.manifest") {
      #expect(warnings.count == 1 && warnings[0].contains("compiled-in defaults"), "\(got.stderr)")
    } else {
      #expect(warnings.isEmpty && got.stderr.contains("(.dosc.manifest section) (read)"), "\(got.stderr)")
    }
  }

  /// Eight objects (six with two sites each) and one header, built by `make -j4`: every object
  /// carries its manifest, the program binds all 12 sites without a warning, and nothing
  /// else (no temporary) is left in the project. Three rounds, as a race shows only sometimes.
  @Test func parallelMakeOfManyObjects() throws {
    let scratch = try Harness.scratch("make-j4")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var files = [
      "shared.h": "#define N 4096\nlong sum_part(const long *a, long lo, long hi);\n",
      "sum.c": """
      #include "shared.h"
      long sum_part(const long *a, long lo, long hi) {
        long s = 0;
        for (long i = lo; i < hi; i++) s += a[i] * (i % 7);
        return s;
      }

      """,
      "Makefile": """
      OBJECTS = main.o sum.o part0.o part1.o part2.o part3.o part4.o part5.o
      prog: $(OBJECTS)
      \t$(CC) -O2 $(OBJECTS) -o $@
      $(OBJECTS): shared.h
      %.o: %.c
      \t$(CC) -O2 -c $< -o $@

      """,
    ]
    var calls: [String] = []
    for k in 0..<6 {
      files["shared.h", default: ""] += "long part\(k)(const long *a);\n"
      files["part\(k).c"] = """
        #include "shared.h"
        long part\(k)(const long *a) {
          long x = 0, y = 0;
        #pragma dosc task
          x = sum_part(a, 0, N / 2 + \(k));
        #pragma dosc task
          y = sum_part(a, N / 2 + \(k), N);
        #pragma dosc taskwait
          return x - y + \(k);
        }

        """
      calls.append("part\(k)(a)")
    }
    files["main.c"] = """
      #include <stdio.h>
      #include "shared.h"
      int main(void) {
        static long a[N];
        for (long i = 0; i < N; i++) a[i] = (i * 2654435761u) % 1000;
        printf("\(calls.map { _ in "%ld" }.joined(separator: " "))\\n", \(calls.joined(separator: ", ")));
        return 0;
      }

      """
    for (name, text) in files { try text.write(toFile: scratch + "/" + name, atomically: true, encoding: .utf8) }
    let sources = files.keys.filter { $0.hasSuffix(".c") }.sorted().map { scratch + "/" + $0 }
    let expected = try Harness.plainCompile(sources, flags: ["-O2", "-I", scratch], output: scratch + "/plain")
    try #require(expected.status == 0, "\(expected.stderr)")
    let plain = try Harness.run([scratch + "/plain"]).stdout
    let project = Set(files.keys).union(["plain"])
    let dosc = try BuildIntegrationTests.dosc()
    for round in 0..<3 {
      let built = try Harness.run(
        BuildIntegrationTests.withDefaultSignalMask + ["make", "-s", "-j4", "-C", scratch, "CC=\(dosc) cc"])
      try #require(built.status == 0, "round \(round): \(built.stdout)\(built.stderr)")
      let objects = sources.map { String($0.dropLast(2)) + ".o" }
      for object in objects {
        let sections = try Harness.run(["readelf", "-S", object]).stdout
        #expect(sections.contains(".dosc.manifest"), "round \(round): \(object)")
      }
      let got = try Harness.run([scratch + "/prog"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
      #expect(got.stdout == plain, "round \(round): \(got.stderr)")
      #expect(got.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site") }.count == 12, "\(got.stderr)")
      #expect(!got.stderr.contains("warning"), "round \(round): \(got.stderr)")
      let left = try Set(FileManager.default.contentsOfDirectory(atPath: scratch))
        .subtracting(project).subtracting(objects.map { URL(fileURLWithPath: $0).lastPathComponent })
      #expect(left == ["prog", "prog.dosc.json"], "round \(round)")
      for file in objects + [scratch + "/prog", scratch + "/prog.dosc.json"] { unlink(file) }
    }
  }
}
