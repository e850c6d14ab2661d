import DoscManifest
import Foundation
import Testing

/// A task given `_Atomic` objects through a pointer (`_Atomic int *hits`): clang spells the type
/// `_Atomic(int) *`, which the rewrite could not declare, so every such task ran as a plain call.
/// It now runs on the local pool like any other, and never on another rank: there the task
/// would hold a copy, which the other tasks' updates never reach (and a loaded flag never
/// changes), so the task is not remotable, with a located reason, even where it only loads.
@Suite struct AtomicParameterTests {
  static let source = """
    #include <stdatomic.h>
    #include <stdio.h>
    void count(_Atomic int *hits, const int *a, int lo, int hi) {
      for (int i = lo; i < hi; i++)
        if (a[i] % 3 == 0) atomic_fetch_add(hits, 1);
    }
    void peek(_Atomic int *flag, int *out) { out[0] = atomic_load(flag); }
    void look(_Atomic int *flag, int *out) { out[0] = *flag; }
    struct guarded { _Atomic int v; int w; };
    void member(struct guarded *g, int *out) { out[0] = g->v + g->w; }
    int main(void) {
      static int a[1000];
      for (int i = 0; i < 1000; i++) a[i] = i;
      _Atomic int hits = 0;
      for (int b = 0; b < 10; b++) {
    #pragma dosc task
        count(&hits, a, 100 * b, 100 * b + 100);
      }
    #pragma dosc taskwait
      int seen[1];
    #pragma dosc task
      peek(&hits, seen);
    #pragma dosc taskwait
      int looked[1];
    #pragma dosc task
      look(&hits, looked);
    #pragma dosc taskwait
      struct guarded g = {7, 1};
      int summed[1];
    #pragma dosc task
      member(&g, summed);
    #pragma dosc taskwait
      printf("%d %d %d %d\\n", (int)hits, seen[0], looked[0], summed[0]);
      return 0;
    }

    """

  @Test func atomicPointerTasksRunLocalAndStayHome() throws {
    let scratch = try Harness.scratch("atomic-parameter")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try Self.source.write(toFile: scratch + "/t.c", atomically: true, encoding: .utf8)
    let compiled = Harness.doscCompile([scratch + "/t.c", "-O1", "-o", scratch + "/t"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    #expect(!compiled.diagnostics.contains("plain call"), "\(compiled.diagnostics)")
    let plain = try Harness.plainCompile([scratch + "/t.c"], flags: ["-O1"], output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")

    let manifest = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/t.dosc.json")))
    // `look` loads with `*flag` alone: every access bounded, it was remotable; so was `member`,
    // whose structure holds an `_Atomic` field (only a directly `_Atomic` element was refused).
    for (task, parameter) in [("count", "hits"), ("peek", "flag"), ("look", "flag"), ("member", "g")] {
      let figures = try #require(manifest.tasks.first { $0.name == task })
      #expect(!figures.remotable, "\(task)")
      #expect(
        figures.reasons.contains { $0.hasPrefix("t.c:") && $0.contains("'\(parameter)' points to _Atomic objects") },
        "\(task): \(figures.reasons)")
    }

    let expected = try Harness.run([scratch + "/plain"])
    #expect(expected.stdout == "334 334 334 8\n")
    for binding in ["local", "remote"] {
      let run = try Harness.run(
        ["timeout", "60", scratch + "/t"],
        environment: ["DOSC_THREADS": "4", "DOSC_BIND": binding, "DOSC_TRACE": "1"])
      #expect(run.status == 0 && run.stdout == expected.stdout, "\(binding): \(run.stderr)")
      // Spawned on the pool (forced remote: kept local, the task not remotable), not a plain call.
      let lines = run.stderr.split(separator: "\n")
      // (`look`'s constant work is a plain call since compile time, as for any task so small.)
      for site in ["site 0 count", "site 1 peek"] {
        #expect(
          lines.contains { $0.hasPrefix("dosc: \(site) (t.c:") && $0.contains("): local - ") },
          "\(binding): \(run.stderr)")
      }
    }
  }
}
