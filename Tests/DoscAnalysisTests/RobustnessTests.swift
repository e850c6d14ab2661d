import DoscManifest
import Foundation
import Testing

/// Input a C compiler accepts never crashes the analyzer: constants past 64 bits, very deep
/// syntax, and `_Pragma` spellings of dosc directives.
@Suite struct RobustnessTests {
  @Test func figuresPastSixtyFourBitsAreNullWithAReason() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        unsigned long long big(void) { return 9223372036854775807ULL + 1 + 18446744073709551615ULL; }
        void g(double *a) {
          for (long i = 0; i < 4000000000L; i++)
            for (long j = 0; j < 4000000000L; j++)
              for (long k = 0; k < 4000000000L; k++) a[0] += 1;
        }
        void h(double *a) { a[18446744073709551615ULL] = 1; }
        int main(void) {
          double a[1];
        #pragma dosc task
          g(a);
        #pragma dosc task
          h(a);
          return (int)big();
        }
        """)
    let g = try manifest.task("g")
    let a = try g.param("a")
    #expect(a.reads == .unknown && a.writes == .unknown)
    #expect(a.unbounded == ["a figure does not fit in 64 bits"])
    #expect(!g.remotable)
    #expect(g.reasons.contains { $0.hasSuffix("cannot bound the accesses to 'a': a figure does not fit in 64 bits") })
    #expect(g.work == .unknown)
    // An index literal past Int64 has no value: not 0, but unknown.
    let h = try manifest.task("h").param("a")
    #expect(h.first == .unknown && h.count == .unknown)
    #expect(!(try manifest.task("h")).remotable)
  }

  /// Each shape is deeper than libclang's own parsing thread (8 MiB) can take; the command
  /// runs as a process because its large stack is the command's, not the test runner's.
  /// The function of each shape, made here so that the test's arguments (which the runner
  /// prints) are short.
  static func deepFunction(_ shape: String) -> String {
    switch shape {
    case "expression": "int f(int v) { return v" + String(repeating: "+1", count: 100_000) + "; }\n"
    case "else-if":
      "int f(int v) { int r = 0;\nif (v == 0) r = 0;\n"
        + (1..<5000).map { "else if (v == \($0)) r = \($0);\n" }.joined() + "return r; }\n"
    case "comma": "int f(int v) { return (v" + String(repeating: ",v", count: 20_000) + "); }\n"
    default:
      "void g(int *a) { a[0] = 1; }\nint f(int v) { int a[1]; a[0] = v"
        + String(repeating: "+1", count: 20_000) + ";\n#pragma dosc task\ng(a);\nreturn a[0]; }\n"
    }
  }

  @Test(arguments: ["expression", "else-if", "comma", "spawning"])
  func deepSyntaxIsAnalyzed(shape: String) throws {
    let path = try Fixtures.write(Self.deepFunction(shape) + "int main(void) { return f(3) & 1; }\n")
    let output = path + ".json"
    let (status, _, stderr) = try Fixtures.shell(try Fixtures.doscExecutable(), ["analyze", path, "-o", output])
    #expect(status == 0, "\(shape): \(stderr)")
    let manifest = try Manifest.decode(try Data(contentsOf: URL(fileURLWithPath: output)))
    if shape == "spawning" { #expect(manifest.sites.count == 1) }
  }

  /// A task holding `a[1] = a[1] + 0 + 0 + ...` (`terms` terms), spawned once by `main`.
  static func longSumTask(terms: Int) -> String {
    "void work(int *a) { a[1] = a[1]" + String(repeating: " + 0", count: terms) + "; }\n"
      + "int main(void) { int a[2] = {0, 0};\n#pragma dosc task\nwork(a);\nreturn a[1]; }\n"
  }

  /// The CPU seconds (user + system) of `dosc analyze` on `source`, and its manifest.
  static func timedAnalysis(of source: String) throws -> (seconds: Double, manifest: Manifest) {
    let path = try Fixtures.write(source)
    let output = path + ".json"
    // bash's `times` prints the children's CPU time on its second line: "0m1.234s 0m0.056s".
    let (status, stdout, stderr) = try Fixtures.shell(
      "/bin/bash",
      [
        "-c", "\"$0\" analyze \"$1\" -o \"$2\" >/dev/null || exit 1; times", try Fixtures.doscExecutable(), path,
        output,
      ])
    #expect(status == 0, "\(stderr)")
    let children = stdout.split(separator: "\n").last.map { $0.split(separator: " ") } ?? []
    let seconds = children.map { field -> Double in
      let parts = field.dropLast().split(separator: "m")
      return (Double(parts.first ?? "0") ?? 0) * 60 + (Double(parts.last ?? "0") ?? 0)
    }.reduce(0, +)
    return (seconds, try Manifest.decode(try Data(contentsOf: URL(fileURLWithPath: output))))
  }

  /// libclang walks a chain to its first operand for each node's extent, which made a long
  /// expression in a task quadratic: 200,000 terms took minutes where cc takes 0.4 s. Five
  /// times the terms must cost about five times the CPU (the old code: over twenty), and
  /// syntax deeper than the converter follows is null with a reason, never a stack overflow.
  /// One test, not two: each run touches a deep stack (~1.4 GiB in a debug build at 100,000).
  @Test func longExpressionsTakeLinearTimeAndDeeperOnesAreNull() throws {
    let small = try Self.timedAnalysis(of: Self.longSumTask(terms: 20_000))
    let large = try Self.timedAnalysis(of: Self.longSumTask(terms: 100_000))
    #expect(large.seconds < 60, "100,000 terms: \(large.seconds) s of CPU")
    #expect(
      large.seconds < 10 * max(small.seconds, 0.1), "20,000 terms: \(small.seconds) s, 100,000: \(large.seconds) s")
    let figures = try large.manifest.task("work").param("a")
    #expect(figures.writes == .number(1) && figures.first == .number(1) && figures.count == .number(1))
    let deeper = try Self.timedAnalysis(of: Self.longSumTask(terms: 160_000)).manifest.task("work")
    #expect(!deeper.remotable && deeper.work == .unknown)
    let a = try deeper.param("a")
    #expect(a.reads == .unknown && a.writes == .unknown && a.count == .unknown && a.access == .readwrite)
    #expect(
      deeper.reasons.contains { $0.contains("'work' holds syntax nested too deeply to analyze") }, "\(deeper.reasons)")
  }

  /// Each `if` asked whether the whole function holds a label, a walk of the whole body: 10,000
  /// nested `if`s in a task took over 300 s (2,000: 6 s of CPU, 4,000: 25 s), now ~3 s.
  @Test func deeplyNestedIfsInATaskTakeLinearTime() throws {
    let source =
      "void g(int *a, int v) { " + String(repeating: "if (v) ", count: 8000) + "a[0] = 1; }\n"
      + "int main(void) { int a[1];\n#pragma dosc task\ng(a, 1);\nreturn a[0]; }\n"
    let (seconds, manifest) = try Self.timedAnalysis(of: source)
    #expect(seconds < 30, "8,000 nested ifs: \(seconds) s of CPU")
    let a = try manifest.task("g").param("a")
    #expect(a.writes == .number(1) && a.first == .number(0) && a.count == .number(1))
  }

  /// clang stops at 256 nested brackets where gcc (the user's cc) has no limit: 300 nested
  /// parentheses were an error. dosc parses 10,000 deep; deeper is clang's located error, at
  /// once (with 150,000 allowed, a 1,000,000-deep input overflowed the stack inside libclang).
  @Test func bracketsNestedPastClangsDefaultAreParsed() throws {
    let nested = { (depth: Int) in
      "void g(int *a, int v) { a[0] = " + String(repeating: "(", count: depth) + "v"
        + String(repeating: ")", count: depth) + "; }\n"
        + "int main(void) { int a[1];\n#pragma dosc task\ng(a, 1);\nreturn a[0]; }\n"
    }
    let path = try Fixtures.write(nested(300))
    let (status, _, stderr) = try Fixtures.shell(
      try Fixtures.doscExecutable(), ["analyze", path, "-o", path + ".json"])
    #expect(status == 0, "\(stderr)")
    let manifest = try Manifest.decode(try Data(contentsOf: URL(fileURLWithPath: path + ".json")))
    #expect(try manifest.task("g").param("a").writes == .number(1))
    let deep = try Fixtures.write(nested(1_000_000), named: "deep.c")
    let (deepStatus, _, deepErrors) = try Fixtures.shell(
      try Fixtures.doscExecutable(), ["analyze", deep, "-o", deep + ".json"])
    #expect(deepStatus == 1, "\(deepErrors)")
    #expect(deepErrors.contains("bracket nesting level exceeded maximum of 10000"), "\(deepErrors)")
    #expect(!FileManager.default.fileExists(atPath: deep + ".json"))
  }

  @Test func pragmaOperatorsAreCheckedAndReported() throws {
    let path = try Fixtures.write(
      """
      #define SPAWN(call) _Pragma("dosc task") call
      void g(int *a) { a[0] = 1; }
      int main(void) {
        int a[1];
        SPAWN(g(a));
        _Pragma("dosc task") g(a);
        return a[0];
      }
      """)
    let output = path + ".json"
    let (status, stderr) = Fixtures.run([path, "-o", output])
    #expect(status == 0, "\(stderr)")
    #expect(
      stderr.contains(
        "input.c:1:21: warning: '_Pragma(\"dosc task\")' in the macro 'SPAWN' is not seen by dosc: the calls it "
          + "expands to run as plain calls"))
    #expect(stderr.contains("input.c:6:3: warning: '_Pragma(\"dosc task\")' is not seen by dosc"))
    let manifest = try Manifest.decode(try Data(contentsOf: URL(fileURLWithPath: output)))
    #expect(manifest.sites.isEmpty)
  }

  @Test func pragmaOperatorsWithBadDirectivesOrTaskwaitAreErrors() throws {
    for (line, expected) in [
      (
        "_Pragma(\"dosc taskwiat\")", "input.c:3:17: error: unknown dosc directive 'taskwiat'; did you mean 'taskwait'?"
      ),
      ("_Pragma(\"dosc taskwait\")", "input.c:3:3: error: '_Pragma(\"dosc taskwait\")' is not seen by dosc"),
    ] {
      let path = try Fixtures.write(
        "void g(int *a) { a[0] = 1; }\nint main(void) { int a[1];\n  \(line)\n  return 0; }\n")
      let output = path + ".json"
      let (status, stderr) = Fixtures.run([path, "-o", output])
      #expect(status == 1)
      #expect(stderr.contains(expected), "\(stderr)")
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }
}
