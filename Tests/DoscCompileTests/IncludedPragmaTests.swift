import Foundation
import Testing

/// `#pragma dosc` directives in files the main file includes, which dosc does not rewrite: a
/// taskwait that would be lost is an error, anything else a warning and a plain call.
@Suite struct IncludedPragmaTests {
  /// Two tasks in a loop, then the taskwait from an `#include` inside `main`, then their
  /// results read. Before the included files were scanned, the build succeeded and printed
  /// `20 100`-style garbage with two threads (the results read before the tasks wrote them).
  static let lostTaskwait = """
    #include <stdio.h>
    static void work(int *r, int k) {
      volatile long s = 0;
      for (long i = 0; i < 20000000; i++) s += i;
      *r = k * 10;
    }
    int main(void) {
      int r[2] = {0, 0};
      for (int k = 0; k < 2; k++) {
    #pragma dosc task
        work(&r[k], k + 2);
      }
    #include "wait.inc"
      printf("%d %d\\n", r[0], r[1]);
      return 0;
    }

    """

  private func write(_ files: [String: String], in directory: String) throws {
    for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
  }

  @Test func aTaskwaitIncludedInsideAFunctionIsALocatedErrorAndLeavesNothing() throws {
    let scratch = try Harness.scratch("included-taskwait")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try write(["main.c": Self.lostTaskwait, "wait.inc": "/* the wait */\n#pragma dosc taskwait\n"], in: scratch)
    let before = try FileManager.default.contentsOfDirectory(atPath: scratch).sorted()
    let compiled = Harness.doscCompile([scratch + "/main.c", "-o", scratch + "/main"])
    #expect(compiled.status == 1)
    #expect(
      compiled.diagnostics.contains(
        "wait.inc:2:1: error: '#pragma dosc taskwait' in a file included inside the function 'main' is not seen by dosc"
      ),
      "\(compiled.diagnostics)")
    #expect(compiled.diagnostics.contains("main.c:13:10: note: included here"), "\(compiled.diagnostics)")
    // `dosc cc` reads the file through the same front end.
    let dosc = try BuildIntegrationTests.dosc()
    let cc = try Harness.run([dosc, "cc", "-c", scratch + "/main.c", "-o", scratch + "/main.o"])
    #expect(cc.status != 0)
    #expect(cc.stderr.contains("wait.inc:2:1: error:"), "\(cc.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch).sorted() == before)
  }

  /// A header's own spawns and taskwait are plain code (warnings), a taskwait the preprocessor
  /// skips is no error, and the program prints what the plain build prints.
  @Test func directivesInHeadersWarnAndRunAsPlainCalls() throws {
    let scratch = try Harness.scratch("included-header")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try write(
      [
        "pair.h": """
        static inline void twice(int *p) { *p *= 2; }
        static inline void both(int *a, int *b) {
        #pragma dosc task
          twice(a);
        #pragma dosc task
          twice(b);
        #pragma dosc taskwait
        }

        """,
        "skipped.inc": "#if 0\n#pragma dosc taskwait\n#endif\n",
        "pre.h": "static inline void pre(void) {\n#pragma dosc taskwait\n}\n",
        "main.c": """
        #include <stdio.h>
        #include "pair.h"
        static void work(int *r, int k) { *r = k * 10; }
        int main(void) {
          int r[2] = {0, 0};
          for (int k = 0; k < 2; k++) {
        #pragma dosc task
            work(&r[k], k + 2);
          }
        #include "skipped.inc"
        #pragma dosc taskwait
          both(&r[0], &r[1]);
          printf("%d %d\\n", r[0], r[1]);
          return 0;
        }

        """,
      ], in: scratch)
    let compiled = Harness.doscCompile([scratch + "/main.c", "-o", scratch + "/main"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    for line in [3, 5] {
      #expect(
        compiled.diagnostics.contains(
          "pair.h:\(line):1: warning: '#pragma dosc task' in an included file is not seen by dosc"),
        "\(compiled.diagnostics)")
    }
    #expect(compiled.diagnostics.contains("pair.h:7:1: warning: '#pragma dosc taskwait' in an included file"))
    #expect(!compiled.diagnostics.contains("skipped.inc"), "\(compiled.diagnostics)")
    // A header the command line includes (`-include`) is at file scope, wherever its chain's
    // offsets fall in the main file: a warning, not the error for a taskwait inside `main`.
    let forced = Harness.doscCompile(["-include", scratch + "/pre.h", scratch + "/main.c", "-o", scratch + "/forced"])
    #expect(forced.status == 0, "\(forced.diagnostics)")
    #expect(forced.diagnostics.contains("pre.h:2:1: warning:"), "\(forced.diagnostics)")
    let plain = try Harness.plainCompile([scratch + "/main.c"], output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")
    let expected = try Harness.run([scratch + "/plain"])
    #expect(expected.stdout == "40 60\n")
    for threads in ["1", "2"] {
      #expect(try Harness.run([scratch + "/main"], environment: ["DOSC_THREADS": threads]).stdout == expected.stdout)
    }
  }

  /// The two tasks of `lostTaskwait`, then `main.c`'s `#include` line for the wait.
  private static func spawning(thenIncluding include: String, before: String = "") -> String {
    lostTaskwait.replacingOccurrences(of: "#include \"wait.inc\"", with: include)
      .replacingOccurrences(of: "#include <stdio.h>\n", with: "#include <stdio.h>\n" + before)
  }

  /// libclang's skipped ranges of a file are those of its first inclusion: a wait that the
  /// file-scope inclusion skips and the one inside `main` reads was taken for skipped, and the
  /// build printed `0 0` with two threads.
  @Test func aFileIncludedTwiceIsReadAsEveryInclusionReadsIt() throws {
    let scratch = try Harness.scratch("included-twice")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try write(
      [
        "wait.inc": "#ifdef WANT_WAIT\n#pragma dosc taskwait\n#endif\n",
        "main.c": Self.spawning(
          thenIncluding: "#define WANT_WAIT\n#include \"wait.inc\"", before: "#include \"wait.inc\"\n"),
      ], in: scratch)
    let compiled = Harness.doscCompile([scratch + "/main.c", "-o", scratch + "/main"])
    #expect(compiled.status == 1)
    #expect(compiled.diagnostics.contains("wait.inc:2:1: error: '#pragma dosc taskwait' in a file included inside"))
    #expect(compiled.diagnostics.contains("main.c:15:10: note: included here"), "\(compiled.diagnostics)")
    #expect(!Harness.exists(scratch + "/main"))
  }

  /// A header found through `-isystem` is a system header to libclang, and system headers are
  /// not read, unless the main file includes one inside a function: its text lands there.
  @Test func aSystemHeaderIncludedInsideAFunctionIsRead() throws {
    let scratch = try Harness.scratch("included-isystem")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try FileManager.default.createDirectory(atPath: scratch + "/sys", withIntermediateDirectories: true)
    try write(["sys/wait.inc": "#pragma dosc taskwait\n", "main.c": Self.lostTaskwait], in: scratch)
    let compiled = Harness.doscCompile([scratch + "/main.c", "-isystem", scratch + "/sys", "-o", scratch + "/main"])
    #expect(compiled.status == 1)
    #expect(compiled.diagnostics.contains("wait.inc:1:1: error: '#pragma dosc taskwait' in a file included inside"))
    #expect(!Harness.exists(scratch + "/main"))
  }

  /// A header with Latin-1 bytes: decoded as UTF-8 its offsets moved (two bytes for each), so
  /// the `#if 0` libclang reported no longer covered the wait, and the build failed on a
  /// taskwait the compiler never sees.
  @Test func aHeaderThatIsNotUTF8IsReadAtItsOwnOffsets() throws {
    let scratch = try Harness.scratch("included-latin1")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try write(
      [
        "main.c": Self.lostTaskwait.replacingOccurrences(
          of: "#include \"wait.inc\"", with: "#include \"wait.inc\"\n#pragma dosc taskwait")
      ], in: scratch)
    let latin1: [UInt8] =
      Array("/* ".utf8) + [UInt8](repeating: 0xE9, count: 40)
      + Array(" */\n#if 0\n#pragma dosc taskwait\n#endif\n".utf8)
    try Data(latin1).write(to: URL(fileURLWithPath: scratch + "/wait.inc"))
    let compiled = Harness.doscCompile([scratch + "/main.c", "-o", scratch + "/main"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    #expect(!compiled.diagnostics.contains("wait.inc"), "\(compiled.diagnostics)")
    #expect(try Harness.run([scratch + "/main"], environment: ["DOSC_THREADS": "2"]).stdout == "20 30\n")
  }
}
