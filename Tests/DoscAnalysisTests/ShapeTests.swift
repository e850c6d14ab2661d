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
  /// count for the parameter the pointer walks; the offset is not followed, so the footprint
  /// is null with the reason.
  @Test func pointersWalkedFromAParameter() throws {
    let (manifest, _) = try manifest("walk")
    let column = try manifest.task("column_sum")
    let input = try column.param("in")
    #expect(input.access == .read)
    #expect(input.reads == .formula("r"))
    #expect(input.first == .unknown && input.count == .unknown)
    #expect(input.unbounded == ["the index of '*p' at walk.c:10:48 has no symbolic form"])
    #expect(
      column.reasons.contains(
        "walk.c:6:6: cannot bound the accesses to 'in': the index of '*p' at walk.c:10:48 has no symbolic form"))
    #expect(!column.remotable)

    let shift = try manifest.task("shift_copy")
    #expect(try shift.param("in").reads == .formula("n"))
    #expect(try shift.param("in").count == .unknown)
    #expect(try shift.param("out").writes == .formula("n"))
    #expect(try shift.param("out").count == .formula("n"))

    let iota = try manifest.task("iota").param("dst")
    #expect(iota.access == .write)
    #expect(iota.writes == .formula("n"))
    #expect(iota.writeCount == .unknown)
    #expect(iota.unbounded == ["the index of '*p++' at walk.c:24:31 has no symbolic form"])
    for task in manifest.tasks {
      #expect(!task.reasons.contains { $0.contains("does not derive from a parameter") }, "\(task.reasons)")
    }
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
        "'walk' is recursive: its work depends on how deep the recursion goes"
      ])
    #expect(manifest.sites.map(\.function) == ["branch", "branch", "even_steps", "odd_steps", "main", "main"])
  }

  /// Shape 3: `if (c) { *s = 1; return; } *s = 0; for (...) *s += i;` costs the larger path.
  @Test func earlyReturnTakesTheLargerPath() throws {
    let (manifest, _) = try manifest("early_return")
    let s = try manifest.task("early").param("s")
    #expect(s.writes == .formula("max(1,n+1)"))
    #expect(s.reads == .formula("max(0,n)"))
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
