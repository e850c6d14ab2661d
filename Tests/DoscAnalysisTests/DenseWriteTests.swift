import DoscManifest
import Foundation
import Testing

/// `write_dense` (SPEC section 4): a written parameter whose every element of the written
/// footprint is stored on every path. A remote run trusts it to ship the footprint back whole
/// without comparing, and not to ship an `out` one in: a `true` that is wrong would store stale
/// or uninitialised bytes into the caller's memory, so every doubt must give `false`.
@Suite struct DenseWriteTests {
  /// Analyzes `body` as task `f(double *v, int lo, int hi, int n)` and gives `v`'s claim.
  private func dense(
    _ body: String, parameters: String = "double *v, int lo, int hi, int n", before prelude: String = ""
  ) throws -> Bool? {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        \(prelude)
        void f(\(parameters)) {
        \(body)
        }
        int main(void) { double a[64] = {0};
        #pragma dosc task
          f(a, 1, 9, 4);
          return 0; }
        """)
    let v = try manifest.task("f").param("v")
    #expect(v.writeFirst != nil, "v is written in every case here")
    return v.writeDense
  }

  @Test func storeOverTheWholeRangeIsDense() throws {
    #expect(try dense("for (int i = lo; i < hi; i++) v[i] = 1.0;") == true)
    #expect(try dense("for (int i = 0; i < n; i++) v[i] += 1.0;") == true)
    #expect(try dense("for (int i = 0; i <= n; i++) v[i]++;") == true)
    #expect(try dense("for (int i = hi - 1; i >= lo; i--) v[i] = 0;") == true)
    #expect(try dense("for (int i = 0; i < n; i++) v[n - 1 - i] = i;") == true)
    // A counted `while` in disguise.
    #expect(try dense("int i = lo; while (i < hi) { v[i] = 2; i++; }") == true)
    // Two stores per iteration that tile: v[2i] and v[2i+1].
    #expect(try dense("for (int i = 0; i < n; i++) { v[2 * i] = 0; v[2 * i + 1] = 1; }") == true)
    // Two loops that cover adjacent halves, whichever of them is empty.
    #expect(try dense("for (int i = lo; i < n; i++) v[i] = 0; for (int i = n; i < hi; i++) v[i] = 1;") == true)
  }

  @Test func conditionalStoreIsNotDense() throws {
    // Not proven even where both arms store (an arm's stores count as ones that may not happen).
    #expect(try dense("for (int i = lo; i < hi; i++) { if (i % 2) v[i] = 1; else v[i] = 2; }") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) if (v[i] > 0) v[i] = 0;") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) v[i] = v[i] > 0 ? (v[i] = 1) : 2;") == true)
    #expect(try dense("for (int i = lo; i < hi; i++) { double x = v[i]; x > 0 && (v[i] = 0); }") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) { if (i == n) continue; v[i] = 0; }") == false)
    #expect(try dense("switch (n) { case 1: for (int i = lo; i < hi; i++) v[i] = 0; }") == false)
  }

  @Test func stridedStoreIsNotDense() throws {
    #expect(try dense("for (int i = 0; i < n; i++) v[2 * i] = 0;") == false)
    #expect(try dense("for (int i = lo; i < hi; i += 2) v[i] = 0;") == false)
    #expect(try dense("for (int i = 0; i < n; i++) v[i * n] = 0;") == false)
  }

  @Test func earlyExitIsNotDense() throws {
    #expect(try dense("if (n > 3) return; for (int i = lo; i < hi; i++) v[i] = 0;") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) { if (v[i] < 0) return; v[i] = 0; }") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) { if (i == n) break; v[i] = 0; }") == false)
    #expect(try dense("for (int i = lo; i < hi && i != n; i++) v[i] = 0;") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) { v[i] = 0; if (i == n) goto out; } out: ;") == false)
  }

  @Test func loopRangeSmallerThanTheFootprintIsNotDense() throws {
    // Stores to [lo, hi) and one more at hi + 1: a gap at hi.
    #expect(try dense("for (int i = lo; i < hi; i++) v[i] = 0; v[hi + 1] = 0;") == false)
    // A store in a loop that may run zero times, at an index that does not move with it.
    #expect(try dense("for (int i = lo; i < hi; i++) v[n] = i;") == false)
    // Halves that leave a gap between them.
    #expect(try dense("for (int i = lo; i < n; i++) v[i] = 0; for (int i = n + 1; i < hi; i++) v[i] = 1;") == false)
  }

  @Test func unboundedLoopsAreNotDense() throws {
    #expect(try dense("int i = lo; while (v[i] != 0 && i < hi) { v[i] = 0; i++; }") == false)
    #expect(try dense("while (hi > lo) { v[hi] = 0; hi--; }") != true)
    #expect(try dense("int i = lo; do { v[i] = 0; i++; } while (i < hi);") != true)
  }

  /// A store that covers part of the element (a byte of an int, a field) is not the element.
  @Test func partialElementStoresAreNotDense() throws {
    #expect(
      try dense("for (int i = 0; i < n; i++) ((char *)v)[i] = 0;", parameters: "int *v, int lo, int hi, int n") != true)
    let (manifest, _) = try Fixtures.analyze(
      source: """
        struct pair { double x, y; };
        void f(struct pair *v, int n) { for (int i = 0; i < n; i++) v[i].x = 0; }
        int main(void) { struct pair a[4];
        #pragma dosc task
          f(a, 4);
          return 0; }
        """)
    #expect(try manifest.task("f").param("v").writeDense == false)
  }

  /// Stores in a callee are not carried over as dense (the callee's stores count as any others).
  @Test func storesInCalleesAreNotDense() throws {
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) g(v, i);", before: "static void g(double *v, int i) { v[i] = 1; }") == false)
  }

  /// A clause that changes the written footprint or the access drops the claim.
  @Test func clausesDropTheClaim() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void f(double *v, int n) { for (int i = 0; i < n; i++) v[i] += 1; }
        int main(void) { double a[64] = {0};
        #pragma dosc task out(v)
          f(a, 4);
          return 0; }
        """)
    #expect(try manifest.task("f").param("v").writeDense == true)
    let site = try #require(manifest.sites.first?.params?.first { $0.name == "v" })
    #expect(site.writeDense == false)
  }

  /// The key is absent for parameters that are not written, and round-trips through JSON.
  @Test func keyIsOnlyOnWrittenParameters() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void f(const double *in, double *out, int n) { for (int i = 0; i < n; i++) out[i] = in[i]; }
        int main(void) { double a[4] = {0}, b[4];
        #pragma dosc task
          f(a, b, 4);
          return 0; }
        """)
    let t = try manifest.task("f")
    #expect(try t.param("in").writeDense == nil)
    #expect(try t.param("out").writeDense == true)
    let decoded = try JSONDecoder().decode(Manifest.self, from: try manifest.encoded())
    #expect(try decoded.task("f").param("out").writeDense == true)
  }
}
