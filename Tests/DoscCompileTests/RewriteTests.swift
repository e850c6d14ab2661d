import DoscRewrite
import Foundation
import Testing

@Suite struct EditSetTests {
  @Test func appliesInOffsetOrder() throws {
    var edits = EditSet()
    try edits.replace(6..<11, with: "dosc")
    try edits.insert("<", at: 0)
    try edits.insert(">", at: 11)
    #expect(edits.apply(to: "hello world") == "<hello dosc>")
  }

  @Test func insertionsAtOneOffsetKeepTheirOrder() throws {
    var edits = EditSet()
    try edits.insert("a", at: 3)
    try edits.insert("b", at: 3)
    try edits.replace(3..<4, with: "X")
    #expect(edits.apply(to: "0123") == "012abX")
  }

  @Test func rejectsOverlaps() throws {
    var edits = EditSet()
    try edits.replace(2..<6, with: "x")
    #expect(throws: EditSet.Overlap.self) { try edits.replace(5..<8, with: "y") }
    #expect(throws: EditSet.Overlap.self) { try edits.insert("z", at: 4) }
    try edits.insert("edge", at: 6)
    try edits.replace(6..<7, with: "adjacent")
  }

  /// The set checks a new edit against its sorted neighbours only: on random edits in random
  /// order it accepts and rejects exactly what a check against every edit would.
  @Test func neighbourCheckAgreesWithCheckingEveryEdit() {
    var generator = SystemRandomNumberGenerator()
    for _ in 0..<200 {
      var edits = EditSet()
      var accepted: [Edit] = []
      for _ in 0..<40 {
        let offset = Int.random(in: 0..<60, using: &generator)
        let length = Bool.random(using: &generator) ? 0 : Int.random(in: 1..<8, using: &generator)
        let edit = Edit(offset: offset, length: length, text: "t")
        let clashes = accepted.contains { existing in
          switch (existing.length, edit.length) {
          case (0, 0): false
          case (0, _): edit.offset < existing.offset && existing.offset < edit.offset + edit.length
          case (_, 0): existing.offset < edit.offset && edit.offset < existing.offset + existing.length
          default: existing.range.overlaps(edit.range)
          }
        }
        let added = (try? edits.add(edit)) != nil
        #expect(added == !clashes, "\(edit) against \(accepted)")
        if added { accepted.append(edit) }
      }
      #expect(edits.edits == accepted)
    }
  }
}

@Suite struct RewriteEdgeCaseTests {
  static let input = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Inputs/edge.c").path

  @Test func edgeCasesMatchTheSerialElision() throws {
    let scratch = try Harness.scratch("edge")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let compiled = Harness.doscCompile([
      Self.input, "-O2", "-Wall", "-Werror", "-o", scratch + "/edge", "--keep-generated",
    ])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    // Exactly one site is left alone: the one written through a macro.
    let warnings = compiled.diagnostics.split(separator: "\n").filter { $0.contains("warning:") }
    #expect(
      warnings.count == 1 && warnings[0].contains("edge.c:41:1: warning: the call is inside a macro expansion"),
      "\(compiled.diagnostics)")
    let sidecar = try String(contentsOfFile: scratch + "/edge.dosc.json", encoding: .utf8)
    #expect(sidecar.contains(#""binding" : "inline""#))

    let generated = try String(contentsOfFile: scratch + "/edge.dosc-gen/edge.c", encoding: .utf8)
    #expect(generated.contains("{ dosc_taskwait(&dosc_fr); return (count_t)strlen(tag); }"))
    #expect(generated.contains("const int (*dosc_a0)[3] = (m);"))
    #expect(generated.contains("int (*dosc_a1)(int) = (zero);"))
    #expect(generated.contains("static count_t tree__dosc_serial(int depth, const char *tag) {"))

    let plain = try Harness.plainCompile([Self.input], output: scratch + "/plain")
    try #require(plain.status == 0)
    let expected = try Harness.run([scratch + "/plain"])
    for environment in SerialElisionTests.environments {
      let got = try Harness.run([scratch + "/edge"], environment: environment)
      #expect(got.stdout == expected.stdout, "\(environment)")
    }
  }

  /// Line numbers survive the rewrite: a compiler error in code dosc accepted points at the
  /// user's line, and the build leaves nothing behind.
  @Test func compilerErrorsPointAtTheUsersLines() throws {
    let scratch = try Harness.scratch("cc-error")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try """
    #include <stdio.h>
    long work(long n) { return n * 2; }
    int main(void) {
      long x;
    #pragma dosc task
      x = work(
            3);
    #pragma dosc taskwait
      printf("%ld\\n", x);
      return undefined_name;
    }

    """.write(toFile: scratch + "/e.c", atomically: true, encoding: .utf8)
    // libclang rejects it first; with analysis passing, cc must report the same line.
    let compiled = Harness.doscCompile([scratch + "/e.c", "-o", scratch + "/e"])
    #expect(compiled.status == 1)
    #expect(compiled.diagnostics.contains("e.c:10:"), "\(compiled.diagnostics)")
    #expect(!Harness.exists(scratch + "/e") && !Harness.exists(scratch + "/e.dosc.json"))
  }
}
