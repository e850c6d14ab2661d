import DoscManifest
import Testing

/// Needless nulls of branch views (Tests/Oracle/task-views-counters-panels.c runs them under the
/// footprint oracle): a view through `void *` (SPEC lbm's flag word), counters stepped up
/// anywhere in a loop (miniFE, HPCG), LU panels whose row loop an outer variable moves. Each
/// figure was null before; each has a look-alike that must stay null, or be the truth.
@Suite struct NeedlessNullViewTests {
  /// Parameter `a` of the task `task(signature) { body }` (`Fixtures.task`), and the task.
  private func parameter(_ signature: String, _ body: String) throws -> (Manifest.Parameter, Manifest.Task) {
    let task = try Fixtures.task(signature, body)
    return (try task.param("a"), task)
  }

  /// `[first, count, reads, writes]` at `values`; nil for a null one.
  private func figures(_ p: Manifest.Parameter, at values: [String: Int]) -> [Int?] {
    [p.first, p.count, p.reads, p.writes].map { try? $0.value(values) }
  }

  // MARK: Views through `void *`

  /// lbm's `*(unsigned *)(void *)&g[i + FLAGS]` in a sweep of 20-double cells: one double a
  /// cell, its offset kept through the `void *`. Null before (the `void *` dropped the offset).
  @Test func aFlagWordThroughAVoidPointerIsItsElement() throws {
    let signature = "double *a, int c0, int c1, int n"
    let sweep = "for (int i = c0 * 20; i < c1 * 20; i += 20) "
    let (p, task) = try parameter(signature, sweep + "*(unsigned *)(void *)&a[i + 19] |= 1u;")
    let values = ["c0": 2, "c1": 5]
    #expect(figures(p, at: values) == [59, 41, 3, 3])
    #expect(task.remotable)
    // Read alone, and a `char *` through `void *` over a whole double: the same element.
    let read = "int s = 0; for (int c = c0; c < c1; c++) s += *(int *)(void *)&a[c]; a[0] += s;"
    #expect(figures(try parameter(signature, read).0, at: values)[0...2] == [0, 5, 4])
    let bytes =
      "for (int c = c0; c < c1; c++) { char *b = (char *)(void *)&a[c]; for (int k = 0; k < 8; k++) b[k] = 0; }"
    #expect(figures(try parameter(signature, bytes).0, at: values)[0...1] == [2, 3])
  }

  /// A `void *` variable turned back into `unsigned *` without a cast: `f[3]` is the second
  /// word of the next double, not the double three on. Before, the implicit conversion was not
  /// seen and the footprint started at `c0 + 3`, past the truth's `c0 + 1` (short of it).
  @Test func aVoidPointerTurnedBackImplicitlyCountsInItsNewUnits() throws {
    let signature = "double *a, int c0, int c1, int n"
    let body = "for (int c = c0; c < c1; c++) { void *v = &a[c]; unsigned *f = v; f[3] = 0; }"
    let (p, _) = try parameter(signature, body)
    #expect(figures(p, at: ["c0": 2, "c1": 5]) == [3, 3, 0, 3])
    // GNU arithmetic on a `void *` counts bytes: 8 bytes on is one double on.
    let gnu = "for (int c = c0; c < c1; c++) { void *v = a; *(double *)(v + 8 * c) = 0; }"
    let (moved, _) = try parameter(signature, gnu)
    #expect(figures(moved, at: ["c0": 2, "c1": 5]) == [2, 3, 0, 3])
  }

  // MARK: Counters

  /// miniFE's packed element matrix, `o[offset++]` in a triangular nest: 36 doubles an element.
  /// Null before.
  @Test func aCounterInATriangularNestCoversItsSteps() throws {
    let body = """
      for (int e = c0; e < c1; e++) {
        double *o = a + e * 36;
        int offset = 0;
        for (int i = 0; i < 8; ++i)
          for (int j = i; j < 8; ++j) o[offset++] = i - j;
      }
      """
    let (p, task) = try parameter("double *a, int c0, int c1, int n", body)
    #expect(figures(p, at: ["c0": 2, "c1": 5]) == [72, 108, 0, 108])
    #expect(task.remotable)
  }

  /// HPCG's `out[k++]` under a condition: at most one step an iteration, so the first n
  /// elements cover it (the stores are at most n). Null before.
  @Test func aCounterUnderAConditionIsBoundedByTheTripCount() throws {
    let signature = "double *a, int c0, int c1, int n"
    let (p, _) = try parameter(signature, "int k = 0; for (int i = 0; i < n; ++i) if (i % 3) a[k++] = i;")
    #expect(figures(p, at: ["n": 10]) == [0, 10, 0, 10])
    // `++k` is past the start by its step; `k += 3` in an inner loop.
    let (pre, _) = try parameter(signature, "int k = 0; for (int i = 0; i < n; ++i) if (i & 1) a[++k] = i;")
    #expect(figures(pre, at: ["n": 10]) == [1, 10, 0, 10])
    let by3 = "int k = c0; for (int r = 0; r < c1; r++) for (int j = 0; j < 2; j++) { a[k] = j; k += 3; }"
    let (stepped, _) = try parameter(signature, by3)
    // 2 * c1 steps of 3 from c0: a[c0] .. a[c0 + 3 * (2 * c1 - 1)], covered up to one step more.
    let covered = figures(stepped, at: ["c0": 2, "c1": 5])
    #expect(covered[0] == 2 && (covered[1] ?? 0) >= 28)
  }

  /// What is no counter stays null: a step down, a reset inside the loop, a step by a value
  /// the loop changes.
  @Test func aVariableNotOnlySteppedUpIsNoCounter() throws {
    let signature = "double *a, int c0, int c1, int n"
    for body in [
      "int k = 0; for (int i = 0; i < n; ++i) { if (i % 3) a[k++] = i; else k--; }",
      "int k = 0; for (int i = 0; i < n; ++i) { if (i % 3) a[k++] = i; else k = 0; }",
      "int k = 0; for (int i = 0; i < n; ++i) { if (i % 3) a[k] = i; k += i; }",
    ] {
      let (p, _) = try parameter(signature, body)
      #expect(p.count.polynomial == nil, "\(body)")
    }
  }

  // MARK: Panels

  /// LU's panel: rows `i` in (k, m), columns `j` in (k, nb), k < nb. Its reads and writes were
  /// null (a product of two counts that may be negative had no closed sum); the row loop is
  /// empty for k >= m - 1, where m < nb.
  @Test func anLUPanelCountsAreExact() throws {
    let body = """
      for (int k = 0; k < nb; k++)
        for (int i = k + 1; i < m; i++) {
          a[i * lda + k] /= a[k * lda + k];
          for (int j = k + 1; j < nb; j++) a[i * lda + j] -= a[i * lda + k] * a[k * lda + j];
        }
      """
    let (p, task) = try parameter("double *a, int lda, int m, int nb", body)
    for (lda, m, nb) in [(10, 10, 4), (10, 4, 4), (10, 3, 6), (8, 8, 8), (10, 1, 5), (10, 5, 0)] {
      var reads = 0
      var writes = 0
      for k in 0..<max(nb, 0) where k + 1 < m {
        reads += (m - k - 1) * (2 + 3 * (nb - k - 1))
        writes += (m - k - 1) * (1 + (nb - k - 1))
      }
      let values = ["lda": lda, "m": m, "nb": nb]
      #expect(try max(p.reads.value(values), 0) == reads, "reads at \(values)")
      #expect(try max(p.writes.value(values), 0) == writes, "writes at \(values)")
    }
    #expect(task.remotable)
  }

  /// A row count times a count that grows with k (`t < k`): summed where the rows are not
  /// empty. Null before.
  @Test func rowsBelowTheDiagonalTimesAGrowingCountAreExact() throws {
    let body = "for (int k = 0; k < nb; k++) for (int i = k + 1; i < m; i++) for (int t = 0; t < k; t++) a[i] += t;"
    let (p, _) = try parameter("double *a, int lda, int m, int nb", body)
    for (m, nb) in [(10, 4), (4, 10), (1, 3), (6, 6)] {
      var writes = 0
      for k in 0..<nb where k + 1 < m { writes += (m - k - 1) * k }
      #expect(try max(p.writes.value(["m": m, "nb": nb]), 0) == writes, "writes at m \(m), nb \(nb)")
    }
  }

  // MARK: Loaded pointers

  /// GAP's `g->neighbors[e]`: a pointer read from a parameter's structure points where no
  /// footprint reaches, so the task stays home, with a reason that says so, where.
  @Test func aPointerLoadedFromAParameterKeepsTheTaskHomeWithALocatedReason() throws {
    let source = """
      typedef struct { int n; int *offsets; int *neighbors; } Graph;
      long degree_sum(const Graph *g, int lo, int hi) {
        long s = 0;
        for (int u = lo; u < hi; u++)
          for (int e = g->offsets[u]; e < g->offsets[u + 1]; e++) s += g->neighbors[e];
        return s;
      }
      int main(void) { int o[3] = {0, 1, 2}, nb[2] = {1, 0}; Graph g = {2, o, nb}; long d;
      #pragma dosc task
        d = degree_sum(&g, 0, 2);
        return (int)d; }
      """
    let task = try Fixtures.analyze(source: source).0.task("degree_sum")
    #expect(!task.remotable)
    #expect(
      task.reasons.contains {
        $0.contains("input.c:5:66: reads memory through 'g->neighbors', a pointer not computed from a parameter")
      }, "\(task.reasons)")
  }
}
