import DoscManifest
import Testing

/// Unrolled loops test the variable plus an offset (`i + 4 <= n`, `i + 1 < n`, `i - 1 >= lo`):
/// they count as `i <= n - 4` (branch unseen8: SHA-256's block loop, base64's triples, a pair
/// swap). They had no trip count: every figure of the parameters they touch was null.
@Suite struct OffsetLoopTestTests {
  @Test func aTestOfTheVariablePlusAnOffsetCounts() throws {
    let source = """
      void blocks(double *a, int n) { for (int i = 0; i + 4 <= n; i += 4) { a[i] = 0; a[i + 3] = 1; } }
      void pairs(int *a, int n) {
        for (int i = 0; i + 1 < n; i += 2) { int t = a[i]; a[i] = a[i + 1]; a[i + 1] = t; }
      }
      void down(int *a, int lo, int hi) { for (int i = hi; i - 1 >= lo; i--) a[i - 1] += 1; }
      void ahead(int *a, int n, int k) { for (int i = 0; k + i < n; i++) a[i] = 1; }
      unsigned long sum(const unsigned char *m, unsigned long len) {
        unsigned long s = 0;
        for (unsigned long i = 0; i + 64 <= len; i += 64) s += m[i] + m[i + 63];
        return s;
      }
      int main(void) { double d[9]; int a[9]; unsigned char m[130]; unsigned long s;
      #pragma dosc task
        blocks(d, 9);
      #pragma dosc task
        pairs(a, 9);
      #pragma dosc task
        down(a, 2, 9);
      #pragma dosc task
        ahead(a, 9, 3);
      #pragma dosc task
        s = sum(m, 130);
        return (int)s; }
      """
    let manifest = try Fixtures.analyze(source: source).0
    // Blocks at 0 and 4 of n = 9: elements 0 .. 7, two stores each.
    let blocks = try manifest.task("blocks").param("a")
    #expect(try blocks.first.value(["n": 9]) == 0 && blocks.count.value(["n": 9]) == 8, "\(blocks)")
    #expect(try blocks.writes.value(["n": 9]) == 4, "\(blocks)")
    // Pairs (0, 1) .. (6, 7) of n = 9; element 8 untouched.
    let pairs = try manifest.task("pairs").param("a")
    #expect(try pairs.count.value(["n": 9]) == 8 && pairs.count.value(["n": 8]) == 8, "\(pairs)")
    #expect(try pairs.count.value(["n": 1]) == 0, "\(pairs)")
    // i from hi down to lo + 1: elements lo .. hi - 1.
    let down = try manifest.task("down").param("a")
    #expect(try down.first.value(["lo": 2, "hi": 9]) == 2 && down.count.value(["lo": 2, "hi": 9]) == 7, "\(down)")
    let ahead = try manifest.task("ahead").param("a")
    #expect(try ahead.count.value(["n": 9, "k": 3]) == 6, "\(ahead)")
    // Unsigned `i + 64 <= len`: blocks at 0 and 64 of 130 bytes, bytes 0 .. 127.
    let m = try manifest.task("sum").param("m")
    #expect(try m.first.value(["len": 130]) == 0 && m.count.value(["len": 130]) == 128, "\(m)")
  }

  /// An offset the loop changes, or an unsigned `i - 1` (which wraps at 0), counts nothing.
  @Test func offsetsThatMoveOrWrapCountNothing() throws {
    let source = """
      void moving(int *a, int n) { int k = 0; for (int i = 0; i + k < n; i++) { a[i] = 1; k++; } }
      void wraps(int *a, unsigned n) { for (unsigned i = 0; i - 1 < n; i++) a[i] = 1; }
      int main(void) { int a[9];
      #pragma dosc task
        moving(a, 9);
      #pragma dosc task
        wraps(a, 0);
        return 0; }
      """
    let manifest = try Fixtures.analyze(source: source).0
    #expect(try manifest.task("moving").param("a").count == .unknown)
    #expect(try manifest.task("wraps").param("a").count == .unknown)
  }
}
