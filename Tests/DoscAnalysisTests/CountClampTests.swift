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
