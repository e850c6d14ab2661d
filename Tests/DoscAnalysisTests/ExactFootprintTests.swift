import DoscManifest
import Testing

/// `touched_first`/`touched_count`/`touched_when`: the part of a footprint whose first and last
/// elements the task surely touches whenever `touched_when` is positive, which therefore lies
/// inside the task's array; the footprint itself where that is exact. Wherever an access may
/// not happen, it must not count: a remote run reads the footprint straight from memory only on
/// the pages of that part, and without faults past it (Runtime/src/footprint_read.h), since an
/// upper bound may reach past the array at its first or last block
/// (Tests/Oracle/task-hull-overshoot.c).
@Suite struct ExactFootprintTests {
  /// (footprint first, count; touched first, count, when) of parameter `a` (or `parameter`).
  private func figures(_ body: String, _ parameter: String = "a") throws -> [String] {
    let source = """
      #include <string.h>
      double task(double *a, const double *b, int lo, int hi, int n, int flag) {
        double s = 0;
        \(body)
        return s;
      }
      int main(void) { double x[8] = {0}, y[8] = {0};
      #pragma dosc task
        task(x, y, 0, 8, 8, 0);
        return 0; }
      """
    let p = try Fixtures.analyze(source: source).0.task("task").param(parameter)
    return [p.first, p.count, p.touchedFirst, p.touchedCount, p.touchedWhen].map { $0?.description ?? "-" }
  }

  @Test func aCountedLoopTouchesItsEndsWhenItRuns() throws {
    #expect(
      try figures("for (int i = lo; i < hi; i++) s += a[i - 1] + a[i + 1];") == [
        "lo-1", "hi-lo+2", "lo-1", "hi-lo+2", "hi-lo",
      ])
    #expect(
      try figures("for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) a[i * n + j] = 0;") == [
        "lo*n", "(hi-lo)*n", "lo*n", "(hi-lo)*n", "min(hi-lo,n)",
      ])
    #expect(try figures("s = a[lo] + a[lo + 3];") == ["lo", "4", "lo", "4", "1"])
    #expect(try figures("memcpy(a + lo, b, (size_t)n * sizeof *a);") == ["lo", "n", "lo", "n", "n"])
  }

  @Test func anAccessThatMayNotHappenIsNotTouched() throws {
    // A guard on a scalar parameter: the loop's range is touched, not the guarded element.
    #expect(
      try figures("for (int i = lo; i < hi; i++) s += a[i]; if (hi < n) s += a[hi];")[2...] == [
        "lo", "hi-lo", "hi-lo",
      ])
    // A `?:`, a store under a condition, `&&`, a `switch`: nothing surely touched.
    #expect(try figures("s = flag ? a[lo + 1] : a[lo];")[2...] == ["-", "-", "-"])
    #expect(try figures("for (int i = lo; i < hi; i++) if (b[i] < 0) a[i] = 0;")[2...] == ["-", "-", "-"])
    #expect(try figures("s = flag && a[lo] > 0;")[2...] == ["-", "-", "-"])
    #expect(try figures("switch (flag) { case 1: s = a[lo]; break; default: s = a[hi]; }")[2...] == ["-", "-", "-"])
    // The accesses of the other parameter are not affected.
    #expect(
      try figures("for (int i = lo; i < hi; i++) if (b[i] < 0) a[i] = 0;", "b")[2...] == ["lo", "hi-lo", "hi-lo"])
  }

  @Test func anEarlyEndIsNotTouched() throws {
    #expect(try figures("if (n == 0) return 0; s = a[n - 1];")[2...] == ["-", "-", "-"])
    #expect(try figures("for (int i = lo; i < hi; i++) { if (a[i] < 0) break; s += a[i]; }")[2...] == ["-", "-", "-"])
    #expect(
      try figures("for (int i = lo; i < hi; i++) { if (b[i] < 0) continue; s += a[i]; }")[2...] == ["-", "-", "-"])
    #expect(
      try figures("for (int i = lo; i < hi; i++) { if (b[i] < 0) return s; s += a[i]; }")[2...] == ["-", "-", "-"])
    #expect(try figures("for (int i = lo; i < hi && s < 10; i++) s += a[i];")[2...] == ["-", "-", "-"])
    // What came before the early end is still sure.
    #expect(try figures("s = a[lo]; if (n == 0) return 0; s += a[n - 1];")[2...] == ["lo", "1", "1"])
  }
}
