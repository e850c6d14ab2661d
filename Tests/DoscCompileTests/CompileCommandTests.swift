import Foundation
import Testing

/// `dosc compile` as a user meets it: the sidecar, the trace, kept sources, errors, several files.
@Suite struct CompileCommandTests {
  static let fib = Harness.examples.appendingPathComponent("fib/fib.c").path

  /// fib built once per test into its own directory.
  private func buildFib(_ name: String, extra: [String] = []) throws -> String {
    let scratch = try Harness.scratch(name)
    let compiled = Harness.doscCompile([Self.fib, "-O2", "-o", scratch + "/fib"] + extra)
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    return scratch
  }

  private func doscWarnings(_ stderr: String) -> [Substring] {
    stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: warning") }
  }

  /// The commands that pass arguments on verbatim still answer `--help` first, as the others do;
  /// `dosc cc --help` is the compiler's help, as a drop-in's must be, and `dosc run` passes a
  /// `--help` after PROG on to PROG.
  @Test func passthroughCommandsAnswerHelp() throws {
    let dosc = try BuildIntegrationTests.dosc()
    for command in ["analyze", "compile", "run"] {
      for flag in ["--help", "-h"] {
        let got = try Harness.run([dosc, command, flag])
        #expect(got.status == 0, "dosc \(command) \(flag): \(got.stderr)")
        #expect(got.stdout.contains("Usage: dosc \(command)"), "dosc \(command) \(flag): \(got.stdout)")
      }
    }
    let compilerHelp = try Harness.run([dosc, "cc", "--help"])
    #expect(compilerHelp.status == 0 && !compilerHelp.stdout.contains("Usage: dosc"), "\(compilerHelp.stdout)")
    #expect(compilerHelp.stdout.contains("--help"), "the compiler's own option list: \(compilerHelp.stdout)")
  }

  @Test(arguments: ["missing", "corrupt", "stale", "foreign-site"])
  func badSidecarWarnsOnceAndStaysRight(_ kind: String) throws {
    let scratch = try buildFib("sidecar-\(kind)")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let sidecar = scratch + "/fib.dosc.json"
    let text = try String(contentsOfFile: sidecar, encoding: .utf8)
    switch kind {
    case "missing":
      // Nothing to read: no sidecar, and no copy of the manifest inside the program either.
      try FileManager.default.removeItem(atPath: sidecar)
      let removed = try Harness.run(["objcopy", "--remove-section", ".dosc.manifest", scratch + "/fib"])
      try #require(removed.status == 0, "\(removed.stderr)")
    case "corrupt": try "{ \"schema\": ".write(toFile: sidecar, atomically: true, encoding: .utf8)
    case "stale":
      let stale = text.replacingOccurrences(
        of: #""source_hash" : ""#, with: #""source_hash" : "0"#)
      try stale.write(toFile: sidecar, atomically: true, encoding: .utf8)
    default:
      try text.replacingOccurrences(of: #""id" : 2"#, with: #""id" : 7"#)
        .write(toFile: sidecar, atomically: true, encoding: .utf8)
    }
    for threads in ["1", "2"] {
      let run = try Harness.run([scratch + "/fib", "20"], environment: ["DOSC_THREADS": threads])
      #expect(run.stdout == "fib(20) = 6765\n")
      #expect(run.status == 0)
      #expect(doscWarnings(run.stderr).count == 1, "\(run.stderr)")
      #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
    }
  }

  @Test func sidecarBindingOverrides() throws {
    let scratch = try buildFib("override")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let sidecar = scratch + "/fib.dosc.json"
    let text = try String(contentsOfFile: sidecar, encoding: .utf8)
    try text.replacingOccurrences(of: #""binding" : "auto""#, with: #""binding" : "inline""#)
      .write(toFile: sidecar, atomically: true, encoding: .utf8)
    let run = try Harness.run(
      [scratch + "/fib", "20"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(run.stdout == "fib(20) = 6765\n")
    let siteLines = run.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site") }
    #expect(siteLines.count == 3, "\(run.stderr)")
    #expect(siteLines.allSatisfy { $0.contains(": inline") }, "\(run.stderr)")
    #expect(doscWarnings(run.stderr).isEmpty, "\(run.stderr)")
  }

  @Test func traceListsEverySite() throws {
    let scratch = try buildFib("trace")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let run = try Harness.run([scratch + "/fib", "20"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(run.stdout == "fib(20) = 6765\n")
    for (id, location) in [(0, "fib.c:9:7"), (1, "fib.c:11:7"), (2, "fib.c:20:12")] {
      #expect(run.stderr.contains("dosc: site \(id) fib (\(location)): local"), "\(run.stderr)")
    }
    let quiet = try Harness.run([scratch + "/fib", "20"], environment: ["DOSC_THREADS": "2"])
    #expect(quiet.stderr.isEmpty)
  }

  @Test func keepGeneratedKeepsReadableC() throws {
    let scratch = try buildFib("keep", extra: ["--keep-generated"])
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let generated = try String(contentsOfFile: scratch + "/fib.dosc-gen/fib.c", encoding: .utf8)
    #expect(generated.contains("long fib__dosc_serial(int n) {"))
    #expect(generated.contains("!dosc_site_0(&dosc_fr, &dosc_unit_states[0], "))
    #expect(generated.contains("dosc_start((const dosc_program_info *)0, &argc, &argv);"))
    // Errors and debug information point at the user's file, by its full path.
    #expect(generated.contains("#line 5 \"\(Self.fib)\""), "\(generated.prefix(2000))")
    // The unit carries its own site table and registers it before main.
    #expect(generated.contains("static dosc_site_state dosc_unit_states[3];"))
    #expect(generated.contains("dosc_register_unit(&dosc_unit);"))
    // Without the flag nothing is left beside the program.
    let other = try buildFib("nokeep")
    defer { try? FileManager.default.removeItem(atPath: other) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: other).sorted() == ["fib", "fib.dosc.json"])
  }

  /// `--cc` picks the C compiler; a compiler that fails leaves no program behind.
  @Test func compilerOverride() throws {
    let scratch = try buildFib("cc-override", extra: ["--cc", "clang-14"])
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let run = try Harness.run([scratch + "/fib", "20"], environment: ["DOSC_THREADS": "2"])
    #expect(run.stdout == "fib(20) = 6765\n")
    let failing = Harness.doscCompile([Self.fib, "--cc", "false", "-o", scratch + "/other"])
    #expect(failing.status == 1)
    #expect(failing.diagnostics.contains("'false' failed"), "\(failing.diagnostics)")
    #expect(!Harness.exists(scratch + "/other") && !Harness.exists(scratch + "/other.dosc.json"))
  }

  /// SPEC section 1: `#include <dosc.h>` is optional and declares the runtime's small API. The
  /// analysis must find it as the compile does (it once failed with "'dosc.h' file not found"),
  /// for `dosc analyze`, `dosc compile` and `dosc cc`; the plain build with the header on its path
  /// gets the serial fall-backs.
  @Test func doscHeaderIsFoundByEveryCommand() throws {
    let scratch = try Harness.scratch("dosc-h")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let source = scratch + "/nodes.c"
    try """
    #include <dosc.h>
    #include <stdio.h>
    static long total;
    void add(long *to, int n) { for (int i = 0; i < n; i++) to[i] += i; }
    int main(void) {
      long v[64] = {0};
    #pragma dosc task
      add(v, 64);
    #pragma dosc taskwait
      for (int i = 0; i < 64; i++) total += v[i];
      printf("total %ld, rank %d of at least 1: %d\\n", total, dosc_node_rank(), dosc_node_count() >= 1);
      return 0;
    }

    """.write(toFile: source, atomically: true, encoding: .utf8)
    let include = Harness.repository.appendingPathComponent("Runtime/include").path
    let plain = try Harness.run(["cc", "-O2", "-I", include, source, "-o", scratch + "/plain"])
    try #require(plain.status == 0, "\(plain.stderr)")
    let expected = try Harness.run([scratch + "/plain"]).stdout
    #expect(expected == "total 2016, rank 0 of at least 1: 1\n")
    let dosc = try BuildIntegrationTests.dosc()
    let analyzed = try Harness.run([dosc, "analyze", source, "-o", scratch + "/nodes.json"])
    #expect(analyzed.status == 0 && Harness.exists(scratch + "/nodes.json"), "\(analyzed.stderr)")
    let compiled = Harness.doscCompile([source, "-O2", "-o", scratch + "/compiled"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let cc = try Harness.run([dosc, "cc", "-O2", source, "-o", scratch + "/cc"])
    try #require(cc.status == 0, "\(cc.stderr)")
    for program in ["compiled", "cc"] {
      for binding in ["inline", "local"] {
        let got = try Harness.run([scratch + "/" + program], environment: ["DOSC_BIND": binding, "DOSC_THREADS": "2"])
        #expect(got.stdout == expected, "\(program) under \(binding): \(got.stderr)")
      }
    }
  }

  @Test func userCompileErrorLeavesNothing() throws {
    let scratch = try Harness.scratch("error")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let source = scratch + "/bad.c"
    try """
    int work(int n) { return n + ; }
    int main(void) {
    #pragma dosc task
      work(1);
      return 0;
    }

    """.write(toFile: source, atomically: true, encoding: .utf8)
    let compiled = Harness.doscCompile([source, "-o", scratch + "/bad"])
    #expect(compiled.status == 1)
    #expect(compiled.diagnostics.contains("bad.c:1:"), "\(compiled.diagnostics)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["bad.c"])
  }

  @Test func debugInfoPointsAtTheUsersFile() throws {
    let scratch = try buildFib("debug", extra: ["-g", "-O0"])
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let lines = try Harness.run(["sh", "-c", "objdump --dwarf=decodedline '\(scratch)/fib' | grep -c 'fib\\.c'"])
    #expect((Int(lines.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0) > 5, "\(lines)")
  }

  @Test func severalFilesShareOneProgramTable() throws {
    let scratch = try Harness.scratch("multi")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try """
    #include "sum.h"
    long sum(const long *a, int n) {
      if (n <= 4) { long s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
      long x, y;
    #pragma dosc task
      x = sum(a, n / 2);
    #pragma dosc task
      y = sum(a + n / 2, n - n / 2);
    #pragma dosc taskwait
      return x + y;
    }

    """.write(toFile: scratch + "/sum.c", atomically: true, encoding: .utf8)
    try "long sum(const long *a, int n);\n".write(toFile: scratch + "/sum.h", atomically: true, encoding: .utf8)
    try """
    #include <stdio.h>
    #include "sum.h"
    int main(void) {
      static long a[100000];
      for (int i = 0; i < 100000; i++) a[i] = i % 97;
      long total;
    #pragma dosc task
      total = sum(a, 100000);
    #pragma dosc taskwait
      printf("%ld\\n", total);
      return 0;
    }

    """.write(toFile: scratch + "/main.c", atomically: true, encoding: .utf8)
    let sources = [scratch + "/main.c", scratch + "/sum.c"]
    let compiled = Harness.doscCompile(sources + ["-O2", "-o", scratch + "/prog"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let plain = try Harness.plainCompile(sources, output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")
    let expected = try Harness.run([scratch + "/plain"]).stdout
    for environment in SerialElisionTests.environments {
      let run = try Harness.run([scratch + "/prog"], environment: environment)
      #expect(run.stdout == expected, "\(environment): \(run.stderr)")
    }
    let trace = try Harness.run([scratch + "/prog"], environment: ["DOSC_TRACE": "1", "DOSC_THREADS": "2"])
    for (id, file) in [(0, "main.c"), (1, "sum.c"), (2, "sum.c")] {
      #expect(trace.stderr.contains("dosc: site \(id) sum (\(file):"), "\(trace.stderr)")
    }
    let sidecar = try String(contentsOfFile: scratch + "/prog.dosc.json", encoding: .utf8)
    #expect(sidecar.contains(#""main.c""#) && sidecar.contains(#""sum.c""#))
  }

  /// Issue 3: where the binding is known at compile time the site is the plain call itself.
  /// A task of constant work too small for a spawn to pay on any machine is such a site.
  @Test func bindingKnownAtCompileTimeIsThePlainCall() throws {
    let scratch = try Harness.scratch("fixed")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try """
    #include <stdio.h>
    void bump(long *counter) { counter[0] += 1; }
    void fill(long *a, int n) { for (int i = 0; i < n; i++) a[i] = i; }
    int main(void) {
      long c[1] = {0};
      long a[1000];
      for (int i = 0; i < 10; i++) {
    #pragma dosc task
        bump(c);
    #pragma dosc taskwait
      }
    #pragma dosc task
      fill(a, 1000);
    #pragma dosc taskwait
      printf("%ld %ld\\n", c[0], a[999]);
      return 0;
    }

    """.write(toFile: scratch + "/fixed.c", atomically: true, encoding: .utf8)
    let compiled = Harness.doscCompile([scratch + "/fixed.c", "-O2", "--keep-generated", "-o", scratch + "/fixed"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let generated = try String(contentsOfFile: scratch + "/fixed.dosc-gen/fixed.c", encoding: .utf8)
    #expect(generated.contains("/* dosc site 0: a plain call, fixed when compiled */\n    bump(c);"))
    #expect(!generated.contains("dosc_unit_states[0]"), "no check left at the fixed site")
    #expect(generated.contains("&dosc_unit_states[1]"), "the other site still dispatches")
    let sidecar = try String(contentsOfFile: scratch + "/fixed.dosc.json", encoding: .utf8)
    #expect(sidecar.contains(#""binding" : "inline""#))
    let trace = try Harness.run([scratch + "/fixed"], environment: ["DOSC_TRACE": "1", "DOSC_THREADS": "2"])
    #expect(trace.stdout == "10 999\n")
    #expect(trace.stderr.contains("site 0 bump (fixed.c:9:5): inline - fixed when compiled"), "\(trace.stderr)")
    #expect(trace.stderr.contains("site 1 fill (fixed.c:13:3): local"), "\(trace.stderr)")
    for bind in ["inline", "local"] {
      let run = try Harness.run([scratch + "/fixed"], environment: ["DOSC_BIND": bind, "DOSC_THREADS": "2"])
      #expect(run.stdout == "10 999\n")
    }
  }

  /// The work figure is evaluated at each spawn's arguments in the user's program: at n = 3e6,
  /// `5*n*n*n` is past `long long`. The generated arithmetic saturates, so UBSan (which traps
  /// here on signed overflow) sees none and the task still runs.
  @Test func workFiguresSaturateAtSpawn() throws {
    let scratch = try Harness.scratch("saturate")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try """
    #include <stdio.h>
    void cube(double *a, long n, int go) {
      if (go)
        for (long i = 0; i < n; i++)
          for (long j = 0; j < n; j++)
            for (long k = 0; k < n; k++) a[0] += 1;
    }
    int main(void) {
      double a[1] = {0};
    #pragma dosc task
      cube(a, 3, 1);
    #pragma dosc task
      cube(a, 3000000, 0);
    #pragma dosc taskwait
      printf("%g\\n", a[0]);
      return 0;
    }

    """.write(toFile: scratch + "/sat.c", atomically: true, encoding: .utf8)
    let compiled = Harness.doscCompile([
      scratch + "/sat.c", "-fsanitize=undefined", "-fno-sanitize-recover=all", "-o", scratch + "/sat",
    ])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    for bind in ["auto", "local", "inline"] {
      let run = try Harness.run([scratch + "/sat"], environment: ["DOSC_BIND": bind, "DOSC_THREADS": "2"])
      #expect(run.status == 0 && run.stdout == "27\n", "\(bind): \(run.stderr)")
    }
  }
}
