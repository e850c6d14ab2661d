import DoscManifest
import Foundation
import Testing

/// Bad input: a clear located error, a non-zero exit and no manifest file.
@Suite struct DiagnosticsTests {
  /// Runs `dosc analyze` on `source` and checks the outcome; returns stderr.
  private func expectFailure(
    _ source: String, status expectedStatus: Int32 = 1, extra: [String] = [], contains fragments: [String],
    sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws -> String {
    let path = try Fixtures.write(source)
    let output = path + ".json"
    let (status, stderr) = Fixtures.run([path] + extra + ["-o", output])
    #expect(status == expectedStatus, "stderr: \(stderr)", sourceLocation: sourceLocation)
    for fragment in fragments {
      #expect(stderr.contains(fragment), "missing '\(fragment)' in: \(stderr)", sourceLocation: sourceLocation)
    }
    #expect(!FileManager.default.fileExists(atPath: output), "a manifest was written", sourceLocation: sourceLocation)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
    #expect(leftovers == ["input.c"], "files left behind: \(leftovers)", sourceLocation: sourceLocation)
    return stderr
  }

  @Test func syntaxErrorInTheC() throws {
    _ = try expectFailure(
      "void f(int *a) { a[0] = 1 }\nint main(void) { return 0; }\n",
      contains: ["input.c:1:26: error: expected ';'"])
  }

  @Test func pragmaNotFollowedByACall() throws {
    _ = try expectFailure(
      """
      void f(int *a) { a[0] = 1; }
      int main(void) {
        int x[1];
        #pragma dosc task
        x[0] = 2;
        f(x);
        return 0;
      }
      """,
      contains: [
        "input.c:4:3: error: '#pragma dosc task' must be followed by a call 'f(...);' or an assignment 'x = f(...);' [dosc-pragma]",
        "input.c:5:3: note: this statement is neither",
      ])
  }

  @Test func pragmaAtTheEndOfABlockIsNotFollowedByAStatement() throws {
    _ = try expectFailure(
      """
      void f(void) {}
      int main(void) {
        {
          f();
          #pragma dosc task
        }
        f();
        return 0;
      }
      """,
      contains: ["input.c:5:5: error: '#pragma dosc task' must be followed by a call statement"])
  }

  @Test func unknownDirectiveSuggestsTheNearestOne() throws {
    _ = try expectFailure(
      "void f(void) {}\nint main(void) {\n  f();\n#pragma dosc taskwiat\n  return 0;\n}\n",
      contains: ["input.c:4:14: error: unknown dosc directive 'taskwiat'; did you mean 'taskwait'? [dosc-pragma]"])
  }

  @Test func unknownClause() throws {
    _ = try expectFailure(
      "void f(int *a) { a[0] = 1; }\nint main(void) {\n  int x[1];\n#pragma dosc task shared(a)\n  f(x);\n  return 0;\n}\n",
      contains: ["input.c:4:19: error: unknown clause 'shared' (expected 'in', 'out' or 'inout')"])
  }

  @Test func clauseNamingSomethingThatIsNotAParameter() throws {
    _ = try expectFailure(
      "void f(int *a) { a[0] = 1; }\nint main(void) {\n  int x[1];\n#pragma dosc task out(b)\n  f(x);\n  return 0;\n}\n",
      contains: ["input.c:4:23: error: 'b' is not a parameter of 'f'"])
  }

  @Test func pragmaOutsideAFunction() throws {
    _ = try expectFailure(
      "#pragma dosc task\nint x;\nint main(void) { return x; }\n",
      contains: ["input.c:1:1: error: '#pragma dosc' must be inside a function body"])
  }

  @Test func taskThroughAFunctionPointerIsAnError() throws {
    _ = try expectFailure(
      "void f(void) {}\nint main(void) {\n  void (*g)(void) = f;\n#pragma dosc task\n  g();\n  return 0;\n}\n",
      contains: ["input.c:5:3: error: a task must call a function by name; 'g' is not a function"])
  }

  @Test func missingFile() {
    let (status, stderr) = Fixtures.run(["/nonexistent/dir/nothing.c", "-o", "/tmp/never.json"])
    #expect(status == 1)
    #expect(stderr.contains("error: no such file or directory: '/nonexistent/dir/nothing.c'"))
    #expect(!FileManager.default.fileExists(atPath: "/tmp/never.json"))
  }

  @Test func flagTheCompilerDoesNotKnow() throws {
    _ = try expectFailure(
      "int main(void) { return 0; }\n", extra: ["-fno-such-flag-at-all"],
      contains: ["error: unknown argument: '-fno-such-flag-at-all'"])
  }

  @Test func languageOtherThanCIsAnInputError() throws {
    _ = try expectFailure(
      "int main(void) { return 0; }\n", extra: ["-x", "c++"],
      contains: ["dosc: error: '-x c++': dosc handles C only [dosc-driver]"])
  }

  @Test func noInputIsAUsageError() {
    let (status, stderr) = Fixtures.run(["-O2"])
    #expect(status == 2)
    #expect(stderr.contains("no input file"))
  }

  @Test func pragmasInCommentsAndDisabledCodeAreIgnored() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void f(int *a) { a[0] = 1; }
        int main(void) {
          int x[1];
          /* #pragma dosc taskwiat */
          // a line comment the backslash continues \\
        #pragma dosc taskwiat
          // the same before a CRLF \\\r
        #pragma dosc bogus
        #if 0
        #pragma dosc bogus
        #endif
        #pragma dosc task
          f(x);
          return x[0];
        }
        """)
    #expect(manifest.sites.count == 1)
  }

  @Test func pragmaOperatorGetsAWarning() throws {
    let (_, diagnostics) = try Fixtures.analyze(
      source: "void f(void) {}\nint main(void) {\n  _Pragma(\"dosc task\") f();\n  return 0;\n}\n")
    #expect(diagnostics.rendered.contains("input.c:3:3: warning: '_Pragma(\"dosc task\")' is not seen by dosc"))
  }

  @Test func everyErrorIsReportedNotJustTheFirst() throws {
    let stderr = try expectFailure(
      "void f(void) {}\nint main(void) {\n#pragma dosc tsk\n  f();\n#pragma dosc taskwat\n  return 0;\n}\n",
      contains: [
        "input.c:3:14: error: unknown dosc directive 'tsk'", "input.c:5:14: error: unknown dosc directive 'taskwat'",
      ])
    #expect(stderr.components(separatedBy: "error:").count == 3)
  }
}
