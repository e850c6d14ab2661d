import DoscManifest
import Testing

/// A pointer passed on to a task's own recursive calls has the footprint of the task's own
/// work when every call's footprint lies inside its caller's under the conditions that reach
/// the call (`RecursiveFootprintInduction`); its counts are the whole recursion's where
/// `RecursiveCountInduction` proves them. Where the containment cannot be shown, the parameter
/// stays null, with the reason it had.
@Suite struct RecursiveFootprintInductionTests {
  /// (first, count, write_first, write_count, reads, writes) of `m` in `f`, whose body is
  /// `body`, spawned once from `main`.
  private func figures(_ body: String, call: String = "f(x, 4, 0, 8)") throws -> [String] {
    let source = """
      void f(double *m, int ncols, int lo, int hi) {
        \(body)
      }
      int main(void) { double x[32] = {0};
      #pragma dosc task
        \(call);
        return 0; }
      """
    let p = try Fixtures.analyze(source: source).0.task("f").param("m")
    return [p.first, p.count, p.writeFirst ?? .unknown, p.writeCount ?? .unknown, p.reads, p.writes].map {
      $0 == .unknown ? "-" : $0.description
    }
  }

  private let leaves = "for (int i = lo; i < hi; i++) for (int j = 0; j < ncols; j++) m[i * ncols + j] = j;"

  @Test func rowBlocksSplitInHalvesHaveTheirRows() throws {
    for mid in ["lo + (hi - lo) / 2", "(lo + hi) / 2"] {
      let body = """
        if (hi - lo <= 2) { \(leaves) return; }
        int mid = \(mid);
        f(m, ncols, lo, mid);
        f(m, ncols, mid, hi);
        """
      #expect(
        try figures(body) == ["lo*ncols", "(hi-lo)*ncols", "lo*ncols", "(hi-lo)*ncols", "0", "max((hi-lo)*ncols,0)"],
        "\(mid)")
    }
    // The base case's condition in an `else`, and a guard the other way round.
    let body = """
      if (hi - lo > 2) { int mid = lo + (hi - lo) / 2; f(m, ncols, lo, mid); f(m, ncols, mid, hi); }
      else { \(leaves) }
      """
    #expect(
      try figures(body) == ["lo*ncols", "(hi-lo)*ncols", "lo*ncols", "(hi-lo)*ncols", "0", "max((hi-lo)*ncols,0)"])
  }

  @Test func aCallThatMayReachOutsideKeepsTheParameterNull() throws {
    let widened = [
      // lo - 1: below the caller's rows.
      "if (hi - lo <= 2) { \(leaves) return; } f(m, ncols, lo - 1, hi - 1);",
      // hi + 1, under a guard the footprint does not know.
      "if (hi - lo <= 2 || hi > 20) { \(leaves) return; } f(m, ncols, lo + 1, hi + 1);",
      // A split with no condition saying lo <= hi: mid may lie outside [lo, hi].
      "if (ncols == 1) { \(leaves) return; } int mid = lo + (hi - lo) / 2; f(m, ncols, lo, mid); f(m, ncols, mid, hi);",
      // The pointer moved by a parameter: one row of `lo` elements further.
      "\(leaves) if (hi - lo > 2) f(m + lo, ncols, lo, hi - 1);",
      // The pointer passed as another parameter would be: not followed.
      "if (hi - lo <= 2) { \(leaves) return; } double *n = m; f(n + lo, ncols, 0, hi - lo - 1);",
    ]
    for body in widened {
      let figures = try figures(body)
      #expect(figures[0] == "-" && figures[1] == "-", "\(body): \(figures)")
    }
  }

  @Test func halvesOfAPointerAndADepthLimitedTree() throws {
    let halves = """
      if (hi <= 4) { for (int i = 0; i < hi; i++) m[i] += i; return; }
      int h = hi / 2;
      f(m, ncols, lo, h);
      f(m + h, ncols, lo, hi - h);
      """
    #expect(try figures(halves) == ["0", "hi", "0", "hi", "hi", "hi"])
    let tree = """
      if (lo <= 0) { for (int i = 0; i < hi; i++) m[i] += 1; return; }
      f(m, ncols, lo - 1, hi);
      f(m, ncols, lo - 1, hi);
      """
    #expect(try figures(tree) == ["0", "hi", "0", "hi", "-", "-"])
    // One row further on, one row fewer: inside the caller's rows.
    let shifted = "\(leaves) if (hi - lo > 2) f(m + ncols, ncols, lo, hi - 1);"
    #expect(try figures(shifted) == ["lo*ncols", "(hi-lo)*ncols", "lo*ncols", "(hi-lo)*ncols", "0", "-"])
  }
}
