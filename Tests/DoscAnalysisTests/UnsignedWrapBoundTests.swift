import DoscManifest
import Testing

/// Unsigned arithmetic that may wrap in loop bounds and indices.
@Suite struct UnsignedWrapBoundTests {
  private func task(_ source: String, _ name: String) throws -> Manifest.Task {
    try Fixtures.analyze(source: source).0.task(name)
  }

  /// `i < w * h` of two `unsigned` parameters runs (w*h) mod 2^32 times, at most w*h: the
  /// footprint over [0, w*h) covers it, never dense (it may run fewer times). Was null.
  @Test func aProductOfUnsignedParametersBoundsALoopFromAbove() throws {
    let t = try task(
      """
      void clear(const unsigned *img, double *a, unsigned w, unsigned h) {
        for (unsigned i = 0; i < w * h; i++) a[i] = img[i];
      }
      int main(void) { unsigned img[4] = {0}; double a[4];
      #pragma dosc task
        clear(img, a, 2, 2);
        return 0; }
      """, "clear")
    let a = try t.param("a")
    #expect(a.first == .number(0) && a.count == .formula("h*w"), "\(a.first) \(a.count)")
    #expect(a.writeDense == false)
    #expect(a.touchedCount == nil)
    #expect(try t.param("img").count == .formula("h*w"))
    #expect(t.remotable, "\(t.reasons)")
  }

  /// `memset(a, 0, w * h * sizeof(double))`: at most w*h elements, never dense nor surely
  /// touched (was null).
  @Test func aMemsetOfAnUnsignedProductIsBoundedFromAbove() throws {
    let t = try task(
      """
      #include <string.h>
      void clear(double *a, unsigned w, unsigned h) { memset(a, 0, w * h * sizeof(double)); }
      int main(void) { double a[8];
      #pragma dosc task
        clear(a, 2, 4);
        return 0; }
      """, "clear")
    let a = try t.param("a")
    #expect(a.first == .number(0) && a.count == .formula("h*w") && a.writes == .formula("h*w"), "\(a.count)")
    #expect(a.writeDense == false && a.touchedCount == nil)
    #expect(t.remotable, "\(t.reasons)")
  }

  /// A signed factor is converted to `unsigned` first (-1 is 2^32 - 1): no bound from it.
  @Test func aSignedFactorGivesNoBound() throws {
    let t = try task(
      """
      void clear(double *a, unsigned w, int h) {
        for (unsigned i = 0; i < w * h; i++) a[i] = 0;
      }
      int main(void) { double a[4];
      #pragma dosc task
        clear(a, 2, 2);
        return 0; }
      """, "clear")
    #expect(try t.param("a").count == .unknown)
  }

  /// `(size_t)(i - 1) / 2` at `i = 0` is 2^63 - 1, not 0: no figure (was first 0). From
  /// `i = 1` it is never negative: the parents' footprint from 0.
  @Test func aNegativeValueCastToSizeTIsNotSmall() throws {
    func parents(from start: Int) throws -> Manifest.Task {
      try task(
        """
        #include <stddef.h>
        void parents(double *a, int n) { for (int i = \(start); i < n; i++) a[(size_t)(i - 1) / 2] += 1; }
        int main(void) { double a[8] = {0};
        #pragma dosc task
          parents(a, 8);
          return 0; }
        """, "parents")
    }
    let fromZero = try parents(from: 0)
    #expect(try fromZero.param("a").first == .unknown)
    #expect(!fromZero.remotable)
    let first = try parents(from: 1).param("a").first
    #expect(first == .number(0), "\(first)")
  }
}
