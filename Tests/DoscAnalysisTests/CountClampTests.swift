import DoscManifest
import Testing

/// Counts that go negative (`CountClamps`): a loop's count is a closed form, negative where its
/// range is empty, and added to another count it took from it. Each figure is checked against
/// the count a run makes, at every size of a window (Tests/Oracle/task-negative-counts.c runs
/// the same tasks under the footprint oracle).
@Suite struct CountClampTests {
  private let source = """
    void rise(double *a, int k) {
      for (int i = k; i < 0; i++) a[i + 60] = 4 + i;
      a[0] = 1;
    }
    void shrinking(double *a, int n) {
      for (int i = 0; i < n; i++)
        for (int j = i; j < 5; j++) a[j] += 1;
    }
    static double sum(const double *a, int n) {
      double s = 0;
      for (int i = 0; i < n; i++) s += a[i];
      return s;
    }
    void prefix_from_zero(double *out, const double *a, int n) {
      for (int i = 0; i < n; i++) out[i] = sum(a, i - 1) + sum(a, 2);
    }
    void prefix_from_one(double *out, const double *a, int n) {
      for (int i = 1; i <= n; i++) out[i - 1] = sum(a, i - 1) + sum(a, 2);
    }
    int main(void) { double a[64] = {0}, o[16];
    #pragma dosc task
      rise(a, 3);
    #pragma dosc task
      shrinking(a, 8);
    #pragma dosc task
      prefix_from_zero(o, a, 8);
    #pragma dosc task
      prefix_from_one(o, a, 8);
      return 0; }
    """

  /// A loop variable that may be negative (its smallest value is not >= 0 for every parameter
  /// >= 0) was taken for >= 0 by the algebra: `j` in the slope of `a[i * j + 20]` (footprint
  /// [20, 21) where a[12..20] is touched), `-i` in a clamp (writes 10 where 12 are made). It is
  /// now named by its distance from its least value (`CountedLoop.countedFromLeast`): `counted`
  /// is exact, the slope that changes sign and the callee given a value that may be negative
  /// stay null. Tests/Oracle/task-negative-loop-variables.c runs them; NegativeLoopVariableTests
  /// has the other shapes.
  @Test func aLoopVariableThatMayBeNegativeIsCountedFromItsLeastValue() throws {
    let loops = """
      void g1(double *a, int n) {
        for (int j = -2; j <= 0; j++)
          for (int i = 0; i < n; i++) a[i * j + 20] += 1;
      }
      static void cnt(double *a, int n) {
        for (int i = n; i < 3; i++) a[2] += 1;
        a[5] = 1;
      }
      void negarg(double *a, int n) { for (int i = -5; i <= n; i++) cnt(a, -i); }
      void counted(double *a, int n) { for (int i = -5; i < n; i++) a[0] += 1; }
      void from_lo(double *a, int lo, int hi) { for (int i = lo; i < hi; i++) a[i] += 1; }
      int main(void) { double a[40] = {0};
      #pragma dosc task
        g1(a, 5);
      #pragma dosc task
        negarg(a, 0);
      #pragma dosc task
        counted(a, 3);
      #pragma dosc task
        from_lo(a, 3, 30);
        return 0; }
      """
    let manifest = try Fixtures.analyze(source: loops).0
    #expect(try manifest.task("negarg").param("a").writes == .unknown)
    #expect(try manifest.task("g1").param("a").first == .unknown)
    let counted = try manifest.task("counted")
    #expect(counted.remotable, "\(counted)")
    for n in 0...8 { #expect(try counted.param("a").writes.value(["n": n]) == n + 5) }
    let fromLo = try manifest.task("from_lo")
    #expect(fromLo.remotable, "\(fromLo)")
    #expect(try fromLo.param("a").writes == .formula("hi-lo"))
  }

  /// A block of constant size (rodinia's lud_diagonal): the inner count `i * (16 - i)` is a
  /// product of two factors never negative in the loop, which the prover does not show; over
  /// constant bounds it is added up term by term, exact (it was null with the clamp alone).
  @Test func aCountOverConstantBoundsIsAddedUpTermByTerm() throws {
    let block = """
      void block(double *a) {
        for (int i = 0; i < 16; i++)
          for (int j = i; j < 16; j++)
            for (int k = 0; k < i; k++) a[k] += 1;
      }
      int main(void) { double a[16] = {0};
      #pragma dosc task
        block(a);
        return 0; }
      """
    let t = try Fixtures.analyze(source: block).0.task("block")
    #expect(t.remotable, "\(t)")
    #expect(try t.param("a").writes == .number((0..<16).reduce(0) { $0 + $1 * (16 - $1) }))
  }

  /// Polybench's symm, trmm and covariance over a band of columns (rows) `[lo, hi)`: a body
  /// count `(hi - lo) * (i + 1)`, a factor the loop's variable leaves as it is times one never
  /// negative over the loop, has one sign over the loop and is summed as it is (read as none
  /// where hi < lo); `(n + 2) * (m - i)`, whose second factor changes sign, has the first kept
  /// out of the clamp. All three were null (the clamp of the whole product had no closed sum).
  /// Each figure against the count a run makes, over a window of sizes.
  @Test func aProductOfFactorsOfOneSignOverTheLoopIsSummedPerFactor() throws {
    let bands = """
      void band_triangle(double *a, int m, int lo, int hi) {
        for (int i = 0; i < m; i++)
          for (int j = lo; j < hi; j++) {
            for (int k = 0; k < i; k++) a[k] += 1;
            a[i] = 2;
          }
      }
      void band_tail(double *a, int m, int lo, int hi) {
        for (int i = 0; i < m; i++)
          for (int j = lo; j < hi; j++) {
            for (int k = i + 1; k < m; k++) a[k] += 1;
            a[i] *= 2;
          }
      }
      void rows_to_end(double *a, double *b, int m, int n, int lo, int hi) {
        for (int i = lo; i < hi; i++)
          for (int j = i; j < m; j++) {
            a[j] = 0;
            for (int k = 0; k < n; k++) b[k] += 1;
            a[j] += 1;
          }
      }
      int main(void) { double a[16] = {0}, b[16] = {0};
      #pragma dosc task
        band_triangle(a, 8, 2, 5);
      #pragma dosc task
        band_tail(a, 8, 2, 5);
      #pragma dosc task
        rows_to_end(a, b, 8, 4, 2, 5);
        return 0; }
      """
    let manifest = try Fixtures.analyze(source: bands).0
    for name in ["band_triangle", "band_tail", "rows_to_end"] {
      let t = try manifest.task(name)
      #expect(t.remotable, "\(t)")
    }
    let triangle = try manifest.task("band_triangle").param("a")
    let tail = try manifest.task("band_tail").param("a")
    let rows = try manifest.task("rows_to_end")
    #expect(rows.work.polynomial != nil, "\(rows)")
    for m in 0...7 {
      for lo in 0...6 {
        for hi in 0...8 {
          let values = ["m": m, "lo": lo, "hi": hi]
          let columns = max(hi - lo, 0)
          // A negative figure is read as none.
          let triangleWrites = (0..<m).reduce(0) { $0 + columns * ($1 + 1) }
          #expect(try max(triangle.writes.value(values), 0) == triangleWrites, "\(triangle.writes) at \(values)")
          let tailWrites = (0..<m).reduce(0) { $0 + columns * (max(m - $1 - 1, 0) + 1) }
          #expect(try max(tail.writes.value(values), 0) == tailWrites, "\(tail.writes) at \(values)")
          for n in 0...3 {
            let values = values.merging(["n": n]) { $1 }
            let pairs = (lo..<max(hi, lo)).reduce(0) { $0 + max(m - $1, 0) }
            #expect(try max(rows.param("a").writes.value(values), 0) == 2 * pairs, "at \(values)")
            #expect(try max(rows.param("b").writes.value(values), 0) == n * pairs, "at \(values)")
          }
        }
      }
    }
  }

  /// The polybench tasks of that shape in Tests/Oracle (the footprint oracle runs them):
  /// remotable again, as before the clamps.
  @Test func polybenchBandsAreRemotable() throws {
    let oracle = Fixtures.repository.appendingPathComponent("Tests/Oracle")
    for (file, names) in [
      ("task-polybench-linear.c", ["symm_cols", "trmm_cols"]),
      ("task-polybench-solvers.c", ["covariance_rows", "correlation_rows"]),
    ] {
      let manifest = try Fixtures.analyze(oracle.appendingPathComponent(file).path).0
      for name in names {
        let t = try manifest.task(name)
        #expect(t.remotable, "\(t)")
      }
    }
  }

  /// The trip count `n / 3` of a checked parameter is never negative (a quotient of one by a
  /// positive constant: `isNeverNegativeForNonNegativeVariables`), and the store after the
  /// loop leaves it unclamped: `n/3 + 1` (it was `max(0, n/3) + 1`, the quotient's sign not
  /// decided by `signAssumingNonNegativeVariables`). The same count either way.
  @Test func aQuotientOfACheckedParameterNeedsNoClamp() throws {
    let triples = """
      void triples(const double *in, int n, double *out) {
        int i = 0;
        for (; i + 2 < n; i += 3) out[i] = in[i] + in[i + 1] + in[i + 2];
        out[0] = in[0];
      }
      int main(void) { double a[30] = {0}, b[30];
      #pragma dosc task
        triples(a, 20, b);
        return 0; }
      """
    let t = try Fixtures.analyze(source: triples).0.task("triples")
    #expect(t.remotable, "\(t)")
    let (input, output) = (try t.param("in"), try t.param("out"))
    #expect(!output.writes.description.contains("max") && !input.reads.description.contains("max"), "\(t)")
    for n in 0...20 {
      let trips = stride(from: 0, to: max(n - 2, 0), by: 3).reduce(0) { count, _ in count + 1 }
      #expect(try output.writes.value(["n": n]) == trips + 1, "\(output.writes) at n = \(n)")
      #expect(try input.reads.value(["n": n]) == 3 * trips + 1, "\(input.reads) at n = \(n)")
    }
  }

  private func task(_ name: String) throws -> Manifest.Task { try Fixtures.analyze(source: source).0.task(name) }

  /// The loop runs -k times for k > 0: writes were `1 - k` (-2 at k = 3) and work
  /// `-3*(2*k-1)`, where one store is made.
  @Test func anEmptyLoopTakesNothingFromTheStoreAfterIt() throws {
    let rise = try task("rise")
    let a = try rise.param("a")
    for k in 0...8 {
      #expect(try a.writes.value(["k": k]) == 1, "\(a.writes) at k = \(k)")
      #expect(try rise.work.value(["k": k]) >= 1, "\(rise.work) at k = \(k)")
    }
  }

  /// An inner loop's trip count `5 - i` is negative for i > 5: summed over i as it was, the
  /// writes were `5*n - n*(n-1)/2`, 12 at n = 8 where 15 are made, and negative from n = 11.
  @Test func anInnerCountThatGoesNegativeIsSummedWhereItIsNot() throws {
    let a = try task("shrinking").param("a")
    for n in 0...14 {
      let made = (0..<n).reduce(0) { $0 + max(5 - $1, 0) }
      #expect(try a.writes.value(["n": n]) == made, "\(a.writes) at n = \(n)")
    }
  }

  /// `sum(a, i - 1)` reads nothing at i = 0 (`max(i - 1, 0)`): the sum over the loop splits
  /// where `i - 1` changes sign. It had no closed form (null).
  @Test func aClampOfTheLoopVariableIsSummedSplitWhereItChangesSign() throws {
    let a = try task("prefix_from_zero").param("a")
    for n in 0...12 {
      let made = (0..<n).reduce(0) { $0 + max($1 - 1, 0) + 2 }
      #expect(try a.reads.value(["n": n]) == made, "\(a.reads) at n = \(n)")
    }
  }

  /// From i = 1, `i - 1` is never negative in the body: no clamp, the figure exact as before
  /// and the task remotable (the clamp alone made it `max(i-1,0) + 2`, with no closed sum).
  @Test func theLoopRangeProvesAClampAway() throws {
    let prefix = try task("prefix_from_one")
    let a = try prefix.param("a")
    #expect(prefix.remotable, "\(prefix)")
    #expect(!a.reads.description.contains("max"), "\(a.reads)")
    // i - 1 + 2 for i from 1 to n.
    for n in 0...12 { #expect(try a.reads.value(["n": n]) == n * (n + 1) / 2 + n, "\(a.reads) at n = \(n)") }
  }
}
