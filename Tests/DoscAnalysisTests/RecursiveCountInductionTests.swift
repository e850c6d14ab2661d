import DoscManifest
import Testing

/// The loads and stores of a pointer over the whole recursion of a divide-and-conquer task,
/// by induction (`RecursiveCountInduction`): a count C(args) is kept when on every class of
/// paths the parameters decide, the task's own count plus C at each call's arguments is at
/// most C. With them the task becomes remotable. Where no candidate holds (n log n, calls over
/// the same range, a call in a loop, a reversed range), the counts stay null.
@Suite struct RecursiveCountInductionTests {
  /// `f(double *m, int n, int lo, int hi)` with `body`, spawned once from `main`: its task.
  private func task(_ body: String) throws -> Manifest.Task {
    let source = """
      void f(double *m, int n, int lo, int hi) {
        \(body)
      }
      int main(void) { double x[64] = {0};
      #pragma dosc task
        f(x, 4, 0, 8);
        return 0; }
      """
    return try Fixtures.analyze(source: source).0.task("f")
  }

  /// (reads, writes) of `m`, "-" for null.
  private func counts(_ body: String) throws -> [String] {
    let m = try task(body).param("m")
    return [m.reads, m.writes].map { $0 == .unknown ? "-" : $0.description }
  }

  @Test func rowBlocksSplitInHalvesCountTheirRowsAndAreRemotable() throws {
    let leaves = "for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) m[i * n + j] = j;"
    for body in [
      "if (hi - lo <= 2) { \(leaves) return; } int mid = lo + (hi - lo) / 2; f(m, n, lo, mid); f(m, n, mid, hi);",
      "if (hi - lo > 2) { int mid = (lo + hi) / 2; f(m, n, lo, mid); f(m, n, mid, hi); } else { \(leaves) }",
    ] {
      let f = try task(body)
      let m = try f.param("m")
      #expect(m.reads.description == "0" && m.writes.description == "max((hi-lo)*n,0)", "\(body): \(m.writes)")
      #expect(f.remotable, "\(body): \(f.reasons)")
    }
  }

  @Test func quadrantProductsCountTheirCubes() throws {
    // Eight products of quadrants, n^3 at the leaves: 8 (n/2)^3 <= n^3.
    let body = """
      if (n <= 4) {
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) for (int j = 0; j < n; j++)
          m[i * hi + j] += m[i * hi + k] * m[k * hi + j];
        return;
      }
      int h = n / 2;
      f(m, h, lo, hi); f(m + h, h, lo, hi); f(m + h * hi, h, lo, hi); f(m + h * hi + h, h, lo, hi);
      f(m, h, lo, hi); f(m + h, h, lo, hi); f(m + h * hi, h, lo, hi); f(m + h * hi + h, h, lo, hi);
      """
    #expect(try counts(body) == ["3*n*n*n", "n*n*n"])
    // A pass over the block at each level, paid for under n > 4: 4 (n/2)^3 + n^2 <= n^3.
    let scaled = """
      if (n <= 4) {
        for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) for (int j = 0; j < n; j++)
          m[i * hi + j] += 1.0;
        return;
      }
      int h = n / 2;
      f(m, h, lo, hi); f(m + h, h, lo, hi); f(m + h * hi, h, lo, hi); f(m + h * hi + h, h, lo, hi);
      for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) m[i * hi + j] *= 0.5;
      """
    #expect(try counts(scaled) == ["n*n*n", "n*n*n"])
  }

  @Test func aGeometricSeriesIsBoundedByTwiceItsFirstTerm() throws {
    let body = "for (int i = 0; i < n; i++) m[i] += i; if (n <= 1) return; f(m, n / 2, lo, hi);"
    #expect(try counts(body) == ["2*n", "2*n"])
  }

  @Test func countsWithNoPolynomialBoundStayNull() throws {
    for body in [
      // A pass at every level over both halves: n log n.
      "for (int i = 0; i < n; i++) m[i] += 1; if (n <= 1) return; f(m, n / 2, lo, hi); f(m + n / 2, n - n / 2, lo, hi);",
      // Two calls over the same range: n * 2^lo.
      "if (lo <= 0) { for (int i = 0; i < n; i++) m[i] += 2; return; } f(m, n, lo - 1, hi); f(m, n, lo - 1, hi);",
      // A call made twice by a loop.
      "if (n <= 4) { for (int i = 0; i < n; i++) m[i] += 3; return; } for (int k = 0; k < 2; k++) f(m, n / 2, lo, hi);",
      // A reversed range (hi, mid), whose own count hi - lo is negative.
      """
      if (hi - lo <= 2) { for (int i = lo; i < hi; i++) m[i] += 5; return; }
      int mid = lo + (hi - lo) / 2; f(m, n, lo, mid); f(m, n, hi, mid); f(m, n, mid, hi);
      """,
    ] {
      let f = try task(body)
      let m = try f.param("m")
      #expect(m.count != .unknown, "\(body): the footprint is proved")
      #expect(m.writes == .unknown && !f.remotable, "\(body): \(m.writes)")
    }
  }
}
