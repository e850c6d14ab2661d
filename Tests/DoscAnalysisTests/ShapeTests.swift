import DoscManifest
import Foundation
import Testing

/// The shapes issue 7 found wrong, each with the exact figures (or the null and its reason).
/// The programs are in `Inputs/shapes`, where the serial-elision test and the footprint
/// checker run them too.
@Suite struct ShapeTests {
  static let shapes = Fixtures.inputs.appendingPathComponent("shapes")

  private func manifest(_ name: String) throws -> (Manifest, String) {
    let (manifest, diagnostics) = try Fixtures.analyze(Self.shapes.appendingPathComponent("\(name).c").path)
    return (manifest, diagnostics.rendered)
  }

  /// Shape 1: `for (j = 0, p = in; j < r; ++j, p += m) s += *p;`, `q[0]; q += 1;` and `*p++`
  /// count for the parameter the pointer walks: stepped by a loop-invariant amount once per
  /// iteration, the pointer is an affine index and the footprint is exact.
  @Test func pointersWalkedFromAParameter() throws {
    let (manifest, _) = try manifest("walk")
    let column = try manifest.task("column_sum")
    let input = try column.param("in")
    #expect(input.access == .read)
    #expect(input.reads == .formula("r"))
    #expect(input.first == .number(0))
    #expect(input.count == .formula("m*r-m+1"))
    #expect(column.remotable, "\(column.reasons)")

    let shift = try manifest.task("shift_copy")
    #expect(try shift.param("in").reads == .formula("n"))
    #expect(try shift.param("in").first == .number(0))
    #expect(try shift.param("in").count == .formula("n"))
    #expect(try shift.param("out").writes == .formula("n"))

    let iota = try manifest.task("iota").param("dst")
    #expect(iota.access == .write)
    #expect(iota.writes == .formula("n"))
    #expect(iota.first == .number(0) && iota.count == .formula("n"))
    #expect(iota.writeFirst == .number(0) && iota.writeCount == .formula("n"))
    for task in manifest.tasks { #expect(task.remotable, "\(task.name): \(task.reasons)") }
  }

  /// Shape 1, where the walk cannot be followed: a pointer that may walk either of two
  /// parameters counts for both, null with the reason; a step that a `continue` may skip
  /// loses the offset, not the parameter.
  @Test func pointerWalksThatCannotBeFollowed() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void pick(int *a, int *b, int c, int n) {
          int *p = a;
          if (c) p = b;
          for (int i = 0; i < n; i++) *p++ = 0;
        }
        void skip(int *a, int n) {
          int *p = a;
          for (int i = 0; i < n; i++) { if (i & 1) continue; *p = 1; p += 2; }
        }
        int main(void) { int x[10], y[10];
        #pragma dosc task
          pick(x, y, 1, 5);
        #pragma dosc task
          skip(x, 4);
          return 0; }
        """)
    let pick = try manifest.task("pick")
    for name in ["a", "b"] {
      let parameter = try pick.param(name)
      #expect(parameter.access == .write)
      #expect(parameter.writes == .formula("n"))
      #expect(parameter.count == .unknown)
      #expect(parameter.unbounded == ["'*p++' at input.c:4:31 may point into 'a' or 'b'"])
    }
    let skip = try manifest.task("skip").param("a")
    #expect(skip.writes == .formula("n"))
    #expect(skip.count == .unknown)
    #expect(skip.unbounded == ["the index of '*p' at input.c:8:54 has no symbolic form"])
  }

  /// Shape 2: `walk` calls `branch`, which spawns `walk`; `even_steps` and `odd_steps` spawn
  /// each other. Found over the call graph: all recursive, work per invocation only.
  @Test func recursionThroughAFunctionAndMutualRecursion() throws {
    let (manifest, _) = try manifest("recursion")
    for name in ["walk", "even_steps", "odd_steps"] {
      let task = try manifest.task(name)
      #expect(task.recursive, "\(name)")
      #expect(task.work == .unknown)
      #expect(task.remotable)
    }
    #expect(try manifest.task("walk").workPerInvocation == .number(3))
    #expect(
      try manifest.task("walk").workUnbounded == [
        "'walk' is recursive: its work depends on how deep the recursion goes",
        "recursion.c:19:6: it recurses through 'branch' at recursion.c:21:10, whose calls are not counted",
      ])
    #expect(manifest.sites.map(\.function) == ["branch", "branch", "even_steps", "odd_steps", "main", "main"])
  }

  /// Shape 3: `if (c) { *s = 1; return; } *s = 0; for (...) *s += i;` costs the larger path.
  @Test func earlyReturnTakesTheLargerPath() throws {
    let (manifest, _) = try manifest("early_return")
    let s = try manifest.task("early").param("s")
    #expect(s.writes == .formula("max(1,n+1)"))
    // The path that returns reads nothing, the other n: max(0, n), which is n for the n >= 0
    // the spawn checks (`CountClamps` proves such clamps away).
    #expect(s.reads == .formula("n"))
    #expect(s.count == .number(1))
    for n in [0, 1, 10] { #expect(try s.writes.value(["n": n]) == n + 1) }
    #expect(try manifest.task("early").remotable)
  }

  /// Shape 4: `rng_spawn(parent->st.state, ...)` with no visible body: whatever it may do to
  /// `parent` is null with the reason; through a `const` parameter it can only read.
  @Test func pointersIntoAParameterPassedToAnUnseenFunction() throws {
    let (manifest, _) = try manifest("unseen_callee")
    let split = try manifest.task("split")
    for name in ["parent", "child"] {
      let parameter = try split.param(name)
      #expect(parameter.access == .readwrite)
      #expect(parameter.reads == .unknown && parameter.writes == .unknown && parameter.count == .unknown)
      #expect(parameter.writeFirst == .unknown && parameter.writeCount == .unknown)
    }
    #expect(try split.param("parent").unbounded == ["it is passed to 'rng_spawn' at unseen_callee.c:18:13"])
    #expect(split.reasons.contains("unseen_callee.c:18:3: calls 'rng_spawn', whose body is not visible"))
    let look = try manifest.task("look").param("n")
    #expect(look.access == .read)
    #expect(look.reads == .unknown)
    #expect(look.writeFirst == nil)
  }

  /// Shape 5: rows of a local 2-D array (also through `memcpy`), fields of a local structure:
  /// the task's own memory. The task is remotable with exact figures.
  @Test func localsAreTheTasksOwnMemory() throws {
    let (manifest, _) = try manifest("locals")
    let rows = try manifest.task("rows")
    #expect(rows.reasons.isEmpty)
    #expect(rows.remotable)
    #expect(try rows.param("src").reads == .number(32))
    #expect(try rows.param("src").count == .number(8))
    #expect(try rows.param("dst").writes == .number(8))
    #expect(try rows.param("dst").writeCount == .number(8))
  }

  /// Shape 6: `for (i = 0; i < n; ++j)` is not counted in `i`.
  @Test func aLoopThatStepsAnotherVariableIsNotCounted() throws {
    let (manifest, _) = try manifest("stray_increment")
    let a = try manifest.task("stray").param("a")
    #expect(a.writes == .unknown)
    #expect(a.count == .unknown)
    #expect(
      a.unbounded?.contains("the loop at stray_increment.c:7:3 has no trip count in the task's parameters") == true)
    #expect(try manifest.task("stray").work == .unknown)
    #expect(
      try manifest.task("stray").workUnbounded == [
        "the loop at stray_increment.c:7:3 has no trip count in the task's parameters"
      ])
  }

  /// `int k = 0; while (k < N && ...) { ...; k++; }` is counted as the `for` it is: at most
  /// N trips (an upper bound, which a figure may be), so mandelbrot's work is known. A step in
  /// a branch, after a `continue`, or beside another assignment is not.
  @Test func boundedWhileCountsByItsComparison() throws {
    let (manifest, _) = try manifest("bounded_while")
    let escape = try manifest.task("escape")
    #expect(escape.work != .unknown, "\(escape.work)")
    #expect(escape.remotable == true)
    #expect(try escape.param("counts").first == .number(0) && escape.param("counts").count == .formula("n"))
    #expect(try escape.param("c").count == .formula("n"))
    for name in ["branch_step", "skipped_step", "assigned_twice"] {
      let task = try manifest.task(name)
      #expect(task.work == .unknown, "\(name): \(task.work)")
      #expect(try task.param("a").count == .unknown, "\(name)")
    }
  }

  /// Shape 8: each site keeps its own clauses and the figures they state, counts included;
  /// the task keeps what the analysis inferred.
  @Test func clausesBelongToTheirSite() throws {
    let (manifest, warnings) = try manifest("site_clauses")
    #expect(warnings.isEmpty, "\(warnings)")
    #expect(try manifest.task("touch").remotable == false)
    let first = manifest.sites[0]
    #expect(first.clauses == ["inout(buf[0:8])"])
    #expect(first.remotable == true && first.reasons == [])
    #expect(try first.param("buf").first == .number(0))
    #expect(try first.param("buf").count == .number(8))
    #expect(try first.param("buf").reads == .number(8))
    #expect(try first.param("buf").writeCount == .number(8))
    let second = manifest.sites[1]
    #expect(second.clauses == ["inout(buf[lo:hi-lo])"])
    #expect(try second.param("buf").first == .formula("lo"))
    #expect(try second.param("buf").writes == .formula("hi-lo"))
    // `in(buf[0:n])` on a task the analysis sees read nothing: it reads n, writes nothing.
    let peek = try manifest.sites[2].param("buf")
    #expect(peek.access == .read)
    #expect(peek.reads == .formula("n"))
    #expect(peek.writes == .number(0))
    #expect(try manifest.task("peek").param("buf").access == .none)
  }

  /// Shape 8: a mismatch names the site.
  @Test func aClauseMismatchNamesItsSite() throws {
    let (_, diagnostics) = try Fixtures.analyze(
      source: """
        void fill(double *a, int n) { for (int i = 0; i < n; i++) a[i] = 0; }
        int main(void) { double x[8];
        #pragma dosc task out(a[0:n])
          fill(x, 4);
        #pragma dosc task out(a[1:n])
          fill(x + 4, 4);
          return 0; }
        """)
    #expect(
      diagnostics.rendered.split(separator: "/").last
        == "input.c:5:23: warning: clause 'out(a[1:n])' of site 1 says section [1:n] but the analysis infers [0:n] [dosc-clause-mismatch]\n",
      "\(diagnostics.rendered)")
  }

  /// Shape 9: one line per culprit and kind with its count of places; an access written
  /// through a macro shows the expression as written.
  @Test func reasonsAreDeduplicatedAndMacrosShown() throws {
    let (manifest, _) = try manifest("messages")
    let blocks = try manifest.task("blocks")
    #expect(blocks.reasons.first == "messages.c:9:23: reads global 'bs' (4 places, first at messages.c:9:23)")
    #expect(blocks.reasons.filter { $0.contains("'bs'") }.count == 1)
    let m = try blocks.param("m")
    #expect(m.unbounded?.contains("the index of 'AT(m, i)' at messages.c:11:31 has no symbolic form") == true)
    #expect(!(m.unbounded ?? []).contains { $0.contains("''") })
  }
}
