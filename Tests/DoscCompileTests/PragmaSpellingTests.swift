import Foundation
import Testing

/// `#pragma dosc` lines spelled as the compiler still reads them (a CRLF file, a digraph, a
/// line splice inside a word, a NUL byte, a comment after a directive spanning lines): dosc
/// reads each as the compiler does, and the program prints what the plain build prints.
@Suite struct PragmaSpellingTests {
  /// Each wait the old scanner lost let the `printf` after it read results not yet written
  /// (`0 0` with two threads); the hidden task was a site to it, an error for a missing call.
  static let program =
    [
      "#include <stdio.h>",
      "static void work(int *r, int k) {",
      "  volatile long s = 0;",
      "  for (long i = 0; i < 20000000; i++) s += i;",
      "  *r = k * 10;",
      "}",
      "static void bump(int *b) { *b = *b * 2 + 1; }",
      "int main(void) {",
      "  int r[2] = {0, 0};",
      "  int b = 1;",
      "  for (int k = 0; k < 2; k++) {",
      "#pragma dosc task",
      "    work(&r[k], k + 2);",
      "  }",
      "  %:pragma dosc taskwait",
      "  printf(\"%d %d\\n\", r[0], r[1]);",
      "  for (int k = 0; k < 2; k++) {",
      "#pragma dosc ta\\",
      "sk",
      "    work(&r[k], k + 4);",
      "  }",
      "#pragma dosc task\\",
      "wait",
      "  printf(\"%d %d\\n\", r[0], r[1]);",
      "#define SPARE 1 /* not a task:",
      "#pragma dosc task",
      "*/",
      "  bump(&b);",
      "  bump(&b);",
      "  for (int k = 0; k < 2; k++) {",
      "#pragma dosc task",
      "    work(&r[k], k + 6);",
      "  }",
      "#pragma dosc taskwait\u{0}",
      "  printf(\"%d %d %d\\n\", r[0], r[1], b);",
      "  return 0;",
      "}",
    ].joined(separator: "\r\n") + "\r\n"

  @Test func everySpellingIsReadAsTheCompilerReadsIt() throws {
    let scratch = try Harness.scratch("pragma-spelling")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try Self.program.write(toFile: scratch + "/main.c", atomically: true, encoding: .utf8)
    let plain = try Harness.plainCompile([scratch + "/main.c"], output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")
    let expected = try Harness.run([scratch + "/plain"]).stdout
    #expect(expected == "20 30\n40 50\n60 70 7\n")
    let compiled = Harness.doscCompile([scratch + "/main.c", "-o", scratch + "/main"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let dosc = try BuildIntegrationTests.dosc()
    let cc = try Harness.run([dosc, "cc", "-O2", scratch + "/main.c", "-o", scratch + "/main-cc"])
    try #require(cc.status == 0, "\(cc.stderr)")
    for program in ["/main", "/main-cc"] {
      for threads in ["1", "2"] {
        #expect(try Harness.run([scratch + program], environment: ["DOSC_THREADS": threads]).stdout == expected)
      }
    }
  }

  /// `??=` is `#` to the compiler in the ISO C modes (`-std=c11`): the wait spelled with it
  /// was lost (the `printf` read `0 0` on two threads). In the GNU modes it is three characters
  /// to cc (a syntax error there), and to dosc.
  @Test func aTrigraphDirectiveIsOneWhereTheCompilerReplacesTrigraphs() throws {
    let scratch = try Harness.scratch("pragma-trigraph")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let source = """
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
        ??=pragma dosc taskwait
        printf("%d %d\\n", r[0], r[1]);
        return 0;
      }

      """
    try source.write(toFile: scratch + "/main.c", atomically: true, encoding: .utf8)
    let plain = try Harness.plainCompile(
      [scratch + "/main.c"], flags: ["-O2", "-std=c11", "-Wno-trigraphs"], output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")
    let expected = try Harness.run([scratch + "/plain"]).stdout
    #expect(expected == "20 30\n")
    let compiled = Harness.doscCompile(["-std=c11", scratch + "/main.c", "-o", scratch + "/main"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let dosc = try BuildIntegrationTests.dosc()
    let cc = try Harness.run([dosc, "cc", "-O2", "-std=c11", scratch + "/main.c", "-o", scratch + "/main-cc"])
    try #require(cc.status == 0, "\(cc.stderr)")
    for program in ["/main", "/main-cc"] {
      for threads in ["1", "2"] {
        #expect(try Harness.run([scratch + program], environment: ["DOSC_THREADS": threads]).stdout == expected)
      }
    }
    let gnuPlain = try Harness.plainCompile([scratch + "/main.c"], flags: ["-std=gnu11"], output: scratch + "/gnu")
    #expect(gnuPlain.status != 0)
    let gnu = Harness.doscCompile(["-std=gnu11", scratch + "/main.c", "-o", scratch + "/gnu"])
    #expect(gnu.status != 0 && !Harness.exists(scratch + "/gnu"), "\(gnu.diagnostics)")
  }

  /// A Latin-1 byte in a string literal came out of the rewrite as U+FFFD (the program printed
  /// 239 for 233), and the offsets after it missed the site: the file is refused, located.
  /// Latin-1 in comments (an author's name in old code) changes nothing the program does: the
  /// file compiles, its site after the bytes is found, and it prints what plain C prints.
  @Test func bytesThatAreNotUTF8InCommentsAreReadAsQuestionMarks() throws {
    let scratch = try Harness.scratch("latin1-comments")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let source =
      Array("/* Fran".utf8) + [0xE7] + Array("ois M".utf8) + [0xFC, 0xFC] + Array("ller */\n#include <stdio.h>\n".utf8)
      + Array("static void f(int *r, int k) { *r = k; } // caf".utf8) + [0xE9] + Array(" \\\n  still ".utf8) + [0xE9]
      + Array("\nint main(void) {\n  int r[2] = {0, 0};\n  for (int k = 0; k < 2; k++) {\n#pragma dosc task\n".utf8)
      + Array(
        "    f(&r[k], k + 5);\n  }\n#pragma dosc taskwait\n  printf(\"%d %d\\n\", r[0], r[1]);\n  return 0;\n}\n".utf8)
    try Data(source).write(to: URL(fileURLWithPath: scratch + "/main.c"))
    let compiled = Harness.doscCompile([scratch + "/main.c", "-o", scratch + "/main"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let manifest = try String(contentsOfFile: scratch + "/main.dosc.json", encoding: .utf8)
    let sites = try #require(
      (try JSONSerialization.jsonObject(with: Data(manifest.utf8)) as? [String: Any])?["sites"] as? [[String: Any]])
    let line = (sites.first?["location"] as? [String: Any])?["line"] as? Int
    #expect(sites.count == 1 && line == 9, "the call after the bytes, where it is: \(manifest)")
    for threads in ["1", "2"] {
      #expect(try Harness.run([scratch + "/main"], environment: ["DOSC_THREADS": threads]).stdout == "5 6\n")
    }
  }

  @Test func aFileThatIsNotUTF8IsALocatedError() throws {
    let scratch = try Harness.scratch("pragma-latin1")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let source =
      Array("#include <stdio.h>\nstatic void f(int *r) { *r = 1; }\nint main(void) {\n  int r = 0;\n".utf8)
      + Array("#pragma dosc task\n  f(&r);\n#pragma dosc taskwait\n  const char *s = \"caf".utf8) + [0xE9]
      + Array("\";\n  printf(\"%d %d\\n\", r, (unsigned char)s[3]);\n  return 0;\n}\n".utf8)
    try Data(source).write(to: URL(fileURLWithPath: scratch + "/main.c"))
    let compiled = Harness.doscCompile([scratch + "/main.c", "-o", scratch + "/main"])
    #expect(compiled.status == 1)
    #expect(compiled.diagnostics.contains("main.c:8:23: error: the byte 0xE9 is not UTF-8"), "\(compiled.diagnostics)")
    let dosc = try BuildIntegrationTests.dosc()
    let cc = try Harness.run([dosc, "cc", scratch + "/main.c", "-o", scratch + "/main"])
    #expect(cc.status != 0)
    #expect(cc.stderr.contains("main.c:8:23: error: the byte 0xE9 is not UTF-8"), "\(cc.stderr)")
    #expect(!Harness.exists(scratch + "/main"))
  }
}
