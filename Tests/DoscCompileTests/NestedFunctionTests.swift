import Foundation
import Testing

/// A GNU C nested function in a file with tasks: gcc compiles it, clang (which dosc reads C
/// with) refuses it. Every command that must read the file says so at the nested definition,
/// says what the construct is and what to do, fails, and writes nothing: no object, program,
/// sidecar or generated C beside the source.
@Suite struct NestedFunctionTests {
  /// OutputSafetyTests' program, its task's loop calling a nested function.
  static let source = OutputSafetyTests.annotated.replacingOccurrences(
    of: "void fill(int *a, int n) { for (int i = 0; i < n; i++) a[i] = i; }",
    with:
      "void fill(int *a, int n) {\n  int same(int x) { return x; }\n  for (int i = 0; i < n; i++) a[i] = same(i);\n}")

  @Test(arguments: [
    "analyze t.c -o t.dosc.json", "compile t.c -o t", "cc -c t.c -o t.o", "cc t.c -o t",
  ])
  func nestedFunctionIsALocatedErrorAndNothingIsWritten(_ command: String) throws {
    let scratch = try Harness.scratch("nested-function")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try Self.source.write(toFile: scratch + "/t.c", atomically: true, encoding: .utf8)
    let run = try Harness.run(["sh", "-c", "cd \(scratch) && \(try BuildIntegrationTests.dosc()) \(command)"])
    #expect(run.status != 0, "\(run.stderr)")
    #expect(
      run.stderr.contains("t.c:3:19: error: function definition is not allowed here (a GNU C nested function?"),
      "\(run.stderr)")
    #expect(run.stderr.contains("define it at file scope"), "\(run.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["t.c"])
  }
}
