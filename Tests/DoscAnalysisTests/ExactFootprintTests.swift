import DoscManifest
import Testing

/// `exact_when`: the footprint's first and last elements are ones the task touches whenever the
/// figure is positive, so the footprint lies inside the task's array and the runtime may ship
/// it straight from memory. Wherever an access may not happen, the figure must be absent: a
/// remote run then reads the footprint without faults (Runtime/src/footprint_read.h), since at
/// the first or last block of an array it may reach past it (Tests/Oracle/task-hull-overshoot.c).
@Suite struct ExactFootprintTests {
  private func exactWhen(_ body: String, _ parameter: String = "a") throws -> ManifestExpression? {
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
    return try Fixtures.analyze(source: source).0.task("task").param(parameter).exactWhen
  }

  @Test func aCountedLoopIsExactWhenItRuns() throws {
    #expect(try exactWhen("for (int i = lo; i < hi; i++) s += a[i - 1] + a[i + 1];") == .formula("hi-lo"))
    #expect(
      try exactWhen("for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) a[i * n + j] = 0;")
        == .formula("min(hi-lo,n)"))
    #expect(try exactWhen("s = a[lo] + a[hi];") == .number(1))
    #expect(try exactWhen("memcpy(a + lo, b, (size_t)n * sizeof *a);") == .formula("n"))
  }

  @Test func anAccessThatMayNotHappenIsNotExact() throws {
    // A guard on a scalar parameter, a `?:`, a store under a condition, `&&`.
    #expect(try exactWhen("for (int i = lo; i < hi; i++) s += a[i]; if (hi < n) s += a[hi];") == nil)
    #expect(try exactWhen("s = flag ? a[lo + 1] : a[lo];") == nil)
    #expect(try exactWhen("for (int i = lo; i < hi; i++) if (b[i] < 0) a[i] = 0;") == nil)
    #expect(try exactWhen("s = flag && a[lo] > 0;") == nil)
    #expect(try exactWhen("switch (flag) { case 1: s = a[lo]; break; default: s = a[hi]; }") == nil)
    // The accesses of the other parameter are not affected.
    #expect(try exactWhen("for (int i = lo; i < hi; i++) if (b[i] < 0) a[i] = 0;", "b") == .formula("hi-lo"))
  }

  @Test func anEarlyEndIsNotExact() throws {
    #expect(try exactWhen("if (n == 0) return 0; s = a[n - 1];") == nil)
    #expect(try exactWhen("for (int i = lo; i < hi; i++) { if (a[i] < 0) break; s += a[i]; }") == nil)
    #expect(try exactWhen("for (int i = lo; i < hi; i++) { if (b[i] < 0) continue; s += a[i]; }") == nil)
    #expect(try exactWhen("for (int i = lo; i < hi; i++) { if (b[i] < 0) return s; s += a[i]; }") == nil)
    #expect(try exactWhen("for (int i = lo; i < hi && s < 10; i++) s += a[i];") == nil)
    #expect(try exactWhen("int i = lo; while (s < 10 && i < hi) s += a[i++];") == nil)
  }
}
