import DoscManifest
import Foundation
import Testing

/// `write_first`/`write_count` (SPEC section 4): the part of a written parameter's footprint
/// the task may store to, which is all a remote run ships back.
@Suite struct WrittenFootprintTests {
  private func task(_ source: String, _ name: String) throws -> Manifest.Task {
    try Fixtures.analyze(source: source).0.task(name)
  }

  /// In place over a halo: reads `u[lo-1]`..`u[hi]`, stores only to `[lo, hi)`.
  @Test func haloIsReadButNotWritten() throws {
    let t = try task(
      """
      void relax(double *u, int lo, int hi) {
        for (int i = lo; i < hi; i++) u[i] = 0.5 * (u[i - 1] + u[i + 1]);
      }
      int main(void) { double a[10] = {0};
      #pragma dosc task
        relax(a, 1, 9);
        return 0; }
      """, "relax")
    let u = try t.param("u")
    #expect(u.access == .readwrite)
    #expect(u.first == .formula("lo-1"))
    #expect(u.count == .formula("hi-lo+2"))
    #expect(u.writeFirst == .formula("lo"))
    #expect(u.writeCount == .formula("hi-lo"))
    #expect(t.remotable, "\(t.reasons)")
  }

  /// A parameter that is only read has no written footprint at all (the key is absent).
  @Test func readOnlyParametersHaveNone() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void sum(const double *v, double *out, int n) {
          double s = 0;
          for (int i = 0; i < n; i++) s += v[i];
          out[0] = s;
        }
        int main(void) { double a[4] = {0}, r;
        #pragma dosc task
          sum(a, &r, 4);
          return 0; }
        """)
    let t = try manifest.task("sum")
    #expect(try t.param("v").writeFirst == nil)
    #expect(try t.param("out").writeFirst == .number(0))
    #expect(try t.param("out").writeCount == .number(1))
    let json = String(decoding: try manifest.encoded(), as: UTF8.self)
    #expect(json.components(separatedBy: "\"write_first\"").count == 2)
  }

  /// Stores in a callee and through `memcpy` are shifted to the caller's indices.
  @Test func callsAndMemcpyAreShifted() throws {
    let t = try task(
      """
      #include <string.h>
      static void zero(double *v, int m) { for (int i = 0; i < m; i++) v[i] = 0; }
      void fill(double *x, const double *src, int k, int n) {
        double t = x[0];
        zero(x + k, n);
        memcpy(x + k + n, src, 2 * sizeof(double));
        (void)t;
      }
      int main(void) { double a[20], b[2] = {1, 2};
      #pragma dosc task
        fill(a, b, 3, 5);
        return 0; }
      """, "fill")
    let x = try t.param("x")
    #expect(try x.first.value(["k": 3, "n": 5]) == 0)
    #expect(try x.count.value(["k": 3, "n": 5]) == 10)
    #expect(try #require(x.writeFirst).value(["k": 3, "n": 5]) == 3)
    #expect(try #require(x.writeCount).value(["k": 3, "n": 5]) == 7)
  }

  /// What the analysis cannot see may store anywhere: null, as the other figures.
  @Test func unboundedStoresAreNull() throws {
    let opaque = try task(
      """
      void elsewhere(double *a, const double *b, int n);
      int main(void) { double x[2], y[2];
      #pragma dosc task
        elsewhere(x, y, 2);
        return 0; }
      """, "elsewhere")
    #expect(try opaque.param("a").writeFirst == .unknown)
    #expect(try opaque.param("a").writeCount == .unknown)
    #expect(try opaque.param("b").writeFirst == nil)
    let data = try task(
      """
      void scatter(int *a, const int *where, int n) { for (int i = 0; i < n; i++) a[where[i]] = i; }
      int main(void) { int x[4], w[4] = {3, 2, 1, 0};
      #pragma dosc task
        scatter(x, w, 4);
        return 0; }
      """, "scatter")
    #expect(try data.param("a").writeCount == .unknown)
    #expect(!data.remotable)
  }

  /// A clause's section is also where the task writes, for `out` and `inout`.
  @Test func clausesSetTheWrittenFootprint() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void walk(int *a, int n) { int k = 0; while (a[k] != n) { a[k] = 0; k++; } }
        int main(void) { int x[3] = {0, 1, 2};
        #pragma dosc task inout(a[0:n+1])
          walk(x, 2);
          return 0; }
        """)
    let a = try manifest.sites[0].param("a")
    #expect(a.writeFirst == .number(0))
    #expect(a.writeCount == .formula("n+1"))
  }

  /// Null (unbounded) and absent (not written) survive a manifest's round trip apart.
  @Test func nullAndAbsentAreKeptApartWhenRead() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void elsewhere(double *a, const double *b, int n);
        int main(void) { double x[2], y[2];
        #pragma dosc task
          elsewhere(x, y, 2);
          return 0; }
        """)
    let decoded = try Manifest.decode(try manifest.encoded())
    #expect(decoded == manifest)
    #expect(try decoded.task("elsewhere").param("a").writeFirst == .unknown)
    #expect(try decoded.task("elsewhere").param("b").writeFirst == nil)
  }
}
