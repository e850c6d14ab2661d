import DoscManifest
import Foundation
import Testing

/// `write_dense` (SPEC section 4): a written parameter whose every element of the written
/// footprint is stored on every path. A remote run trusts it to ship the footprint back whole
/// without comparing, and not to ship an `out` one in: a `true` that is wrong would store stale
/// or uninitialised bytes into the caller's memory, so every doubt must give `false`.
@Suite struct DenseWriteTests {
  /// Analyzes `body` as task `f(double *v, int lo, int hi, int n)` and gives `v`'s claim.
  /// `call` spawns it: `a` is a `double[64]`, `m` a `double[16][4]`.
  private func dense(
    _ body: String, parameters: String = "double *v, int lo, int hi, int n", before prelude: String = "",
    call: String = "f(a, 1, 9, 4)"
  ) throws -> Bool? {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        \(prelude)
        void f(\(parameters)) {
        \(body)
        }
        int main(void) { static double a[64], m[16][4];
        #pragma dosc task
          \(call);
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

  /// Row blocks of a row-major matrix whose row width is a parameter: each row `[i*n, i*n+n)`
  /// is stored whole and the next row starts where it ends, so the rows tile.
  @Test func rowBlocksWithASymbolicWidthAreDense() throws {
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) v[i * n + j] = 1;") == true)
    // examples/matmul's shape: a pointer to the row, a reduction, then one store per element.
    #expect(
      try dense(
        """
        for (int i = lo; i < hi; i++) {
          double *c = v + i * n;
          for (int j = 0; j < n; j++) { double s = 0; for (int k = 0; k < n; k++) s += k; c[j] = s; }
        }
        """) == true)
    // A block the task owns, indexed from its first row; and a pointer walked row by row.
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) v[(i - lo) * n + j] = 0;") == true)
    #expect(try dense("for (int i = lo; i < hi; i++) { for (int j = 0; j < n; j++) v[j] = 0; v += n; }") == true)
    // Both loops counting down; a row of 2n; a row of n + 1 (never negative).
    #expect(try dense("for (int i = hi - 1; i >= lo; i--) for (int j = n - 1; j >= 0; j--) v[i * n + j] = 0;") == true)
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < 2 * n; j++) v[2 * i * n + j] = 0;") == true)
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = 0; j <= n; j++) v[i * (n + 1) + j] = 0;") == true)
    // Columns first: a block of rows n apart, one column wide, widened column by column until
    // its rows abut; the rows counted down too.
    #expect(try dense("for (int j = 0; j < n; j++) for (int i = lo; i < hi; i++) v[i * n + j] = 0;") == true)
    #expect(try dense("for (int j = 0; j < n; j++) for (int i = hi - 1; i >= lo; i--) v[i * n + j] += 1;") == true)
    // Tiles of 4 rows, each row inside or outside the tile's columns.
    #expect(
      try dense(
        "for (int t = lo; t < hi; t += 4) for (int i = t; i < t + 4; i++) for (int j = 0; j < n; j++) v[i * n + j] = 0;"
      ) == true)
    #expect(
      try dense(
        "for (int t = lo; t < hi; t += 4) for (int j = 0; j < n; j++) for (int i = t; i < t + 4; i++) v[i * n + j] = 0;"
      ) == true)
    // Tiles of n elements that abut: tile b is [b*n, b*n + n).
    #expect(try dense("for (int b = lo; b < hi; b++) for (int i = b * n; i < b * n + n; i++) v[i] = 0;") == true)
  }

  /// Traps: each of these skips an element of its written footprint for some arguments (or
  /// cannot be shown not to), so none may be claimed.
  @Test func rowBlocksThatMaySkipAnElementAreNotDense() throws {
    // A row stride larger than the row: a gap after each row.
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) v[i * (n + 1) + j] = 0;") == false)
    // The loop bound's width differs from the index's row stride.
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < m; j++) v[i * n + j] = 0;",
        parameters: "double *v, int lo, int hi, int n, int m", call: "f(a, 1, 3, 4, 3)") == false)
    // Triangular inner loops.
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < i; j++) v[i * n + j] = 0;") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = i; j < n; j++) v[i * n + j] = 0;") == false)
    // A width that may be negative (n = 0): with hi < lo no row is stored, yet the footprint's
    // count (hi-lo)*(n-1) is positive.
    #expect(try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < n - 1; j++) v[i * (n - 1) + j] = 0;") == false)
    // A width that is the variable of a loop around them.
    #expect(
      try dense(
        "for (int k = 1; k < 3; k++) for (int i = lo; i < hi; i++) for (int j = 0; j < k; j++) v[i * k + j] = 0;")
        == false)
    // A width that is not an integer parameter (the remote spawn only checks those).
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < (int)x; j++) v[i * (int)x + j] = 0;",
        parameters: "double *v, int lo, int hi, double x", call: "f(a, 1, 3, 4.0)") != true)
    // A branch, a `break`, a `return` inside the row.
    #expect(
      try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) if (j != i) v[i * n + j] = 0;") == false)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) { if (v[j] < 0) break; v[i * n + j] = 0; }")
        == false)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < n; j++) { v[i * n + j] = 0; if (v[0] < 0) return; }")
        == false)
    // Columns first, with a gap: rows n + 1 apart, or the last column left out.
    #expect(
      try dense("for (int j = 0; j < n; j++) for (int i = lo; i < hi; i++) v[i * (n + 1) + j] = 0;") == false)
    #expect(try dense("for (int j = 0; j < n - 1; j++) for (int i = lo; i < hi; i++) v[i * n + j] = 0;") == false)
    // A transpose's columns [lo, hi) of every row: not the rows [lo, hi).
    #expect(try dense("for (int j = 0; j < n; j++) for (int i = lo; i < hi; i++) v[j * n + i] = 0;") == false)
    // Tiles of columns whose last one may reach past the row (n not a multiple of 4).
    #expect(
      try dense(
        "for (int jj = 0; jj < n; jj += 4) for (int i = lo; i < hi; i++) for (int j = jj; j < jj + 4; j++) v[i * n + j] = 0;"
      ) == false)
  }

  /// A row of an array parameter (`double (*m)[4]`, `double m[][4]`) is stored whole when each
  /// of its scalars is; a row partly stored is not.
  @Test func rowsOfArrayParametersAreDense() throws {
    let rows = "double (*v)[4], int lo, int hi, int n"
    let call = "f(m, 1, 9, 4)"
    #expect(
      try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < 4; j++) v[i][j] = 0;", parameters: rows, call: call)
        == true)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < 4; j++) v[i][j] = 0;",
        parameters: "double v[][4], int lo, int hi, int n", call: call) == true)
    #expect(
      try dense("for (int i = lo; i < hi; i++) for (int j = 0; j < 3; j++) v[i][j] = 0;", parameters: rows, call: call)
        == false)
    #expect(
      try dense("for (int i = lo; i < hi; i++) for (int j = 1; j < 4; j++) v[i][j] = 0;", parameters: rows, call: call)
        == false)
    #expect(try dense("for (int i = lo; i < hi; i++) v[i][0] = 0;", parameters: rows, call: call) == false)
    #expect(
      try dense("for (int j = 0; j < 4; j++) for (int i = lo; i < hi; i++) v[i][j] = 0;", parameters: rows, call: call)
        == true)
    #expect(
      try dense(
        "for (int j = 0; j < 4; j += 2) for (int i = lo; i < hi; i++) { v[i][j] = 0; v[i][j + 1] = 1; }",
        parameters: rows, call: call) == true)
    // Three dimensions: element i is a `double[2][2]`.
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < 2; j++) for (int k = 0; k < 2; k++) v[i][j][k] = 0;",
        parameters: "double (*v)[2][2], int lo, int hi, int n", call: "f((double (*)[2][2])a, 1, 9, 4)") == true)
    // A structure whose one field is its row is the row; a row beside another field is not.
    let row = "struct row *v, int lo, int hi, int n"
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < 4; j++) v[i].x[j] = 0;", parameters: row,
        before: "struct row { double x[4]; };", call: "f((struct row *)a, 1, 9, 4)") == true)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) { struct row *r = v + i; for (int j = 0; j < 4; j++) r->x[j] = 0; }",
        parameters: row, before: "struct row { double x[4]; };", call: "f((struct row *)a, 1, 9, 4)") == true)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) for (int j = 0; j < 4; j++) v[i].x[j] = 0;", parameters: row,
        before: "struct row { double x[4]; int tag; };", call: "f((struct row *)a, 1, 9, 4)") == false)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) v[i].x = 0;", parameters: row, before: "struct row { double x; };",
        call: "f((struct row *)a, 1, 9, 4)") == true)
  }

  /// Loops of a larger step whose iterations' stores tile (two interleaved stores, tiles).
  @Test func loopsOfLargerStepsThatTileAreDense() throws {
    #expect(try dense("for (int i = lo; i < hi; i += 2) { v[i] = 0; v[i + 1] = 1; }") == true)
    #expect(try dense("for (int b = lo; b < hi; b += 4) for (int i = b; i < b + 4; i++) v[i] = 0;") == true)
    #expect(try dense("for (int i = hi; i > lo; i -= 2) { v[i] = 0; v[i - 1] = 1; }") == true)
    #expect(try dense("for (int i = lo; i < hi; i += 3) { v[i] = 0; v[i + 1] = 1; }") == false)
    #expect(try dense("for (int b = lo; b < hi; b += 4) for (int i = b; i < b + 3; i++) v[i] = 0;") == false)
  }

  /// `memset` and `memcpy` store every byte of their destination: whole elements of it are
  /// stored densely, a part of the last one is not.
  @Test func bulkStoresOfWholeElementsAreDense() throws {
    let string = "#include <string.h>"
    #expect(try dense("memset(v + lo, 0, (hi - lo) * sizeof(double));", before: string) == true)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) memcpy(v + i * n, w, n * sizeof(double));",
        parameters: "double *v, const double *w, int lo, int hi, int n", before: string,
        call: "f(a, a + 32, 1, 3, 4)") == true)
    #expect(try dense("memset(v + lo, 0, (hi - lo) * 4);", before: string) == false)
    #expect(try dense("if (n > 2) memset(v + lo, 0, (hi - lo) * sizeof(double));", before: string) == false)
    #expect(
      try dense("memset(v + lo, 0, (hi - lo) * sizeof(double)); memset(v + hi + 1, 0, sizeof(double));", before: string)
        == false)
  }

  /// A loop whose iteration may return ends the task early: the stores after it may not run.
  @Test func storesAfterALoopThatMayReturnAreNotDense() throws {
    #expect(
      try dense("for (int k = 0; k < n; k++) if (v[k] < 0) return; for (int i = lo; i < hi; i++) v[i] = 0;") == false)
    #expect(
      try dense("for (int i = lo; i < hi; i++) { v[i] = 0; for (int k = 0; k < n; k++) if (v[k] < 0) return; }")
        == false)
  }

  @Test func conditionalStoreIsNotDense() throws {
    // Both arms store v[i]: every iteration does (the runs common to the arms).
    #expect(try dense("for (int i = lo; i < hi; i++) { if (i % 2) v[i] = 1; else v[i] = 2; }") == true)
    #expect(try dense("for (int i = lo; i < hi; i++) { if (i % 2) v[i] = 1; else v[hi - 1 - i] = 2; }") == false)
    #expect(try dense("for (int i = lo; i < hi; i++) { if (i % 2) v[i] = 1; else if (i % 3) v[i] = 2; }") == false)
    #expect(try dense("if (n > 2) return; else for (int i = lo; i < hi; i++) v[i] = 0;") == false)
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
    #expect(try dense("int i = lo; do { v[i] = 0; i += v[i] > 0 ? 1 : 2; } while (i < hi);") != true)
    // A do-while with its step last is counted: its body runs at lo even when hi <= lo, and
    // then up to hi - 1, every element stored.
    #expect(try dense("int i = lo; do { v[i] = 0; i++; } while (i < hi);") == true)
    #expect(try dense("int i = lo; do { v[i] = 0; i += 2; } while (i < hi);") != true)
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

  /// What a callee stores densely is carried over, in the caller's values, where it counts in
  /// the same elements and its widths stay ones the spawn keeps non-negative.
  @Test func storesInCalleesAreCarriedOver() throws {
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) g(v, i);", before: "static void g(double *v, int i) { v[i] = 1; }") == true)
    let row = "static void zero(double *r, int m) { for (int j = 0; j < m; j++) r[j] = 0; }"
    #expect(try dense("for (int i = lo; i < hi; i++) zero(v + i * n, n);", before: row) == true)
    #expect(try dense("for (int i = lo; i < hi; i++) zero(&v[i * n], n);", before: row) == true)
    // A helper that stores only sometimes, in other elements, or a row width that is n - 1
    // where rows are n apart: not dense.
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) g(v, i, n);",
        before: "static void g(double *v, int i, int c) { if (c > 2) v[i] = 1; }") == false)
    #expect(
      try dense(
        "for (int i = lo; i < hi; i++) g((float *)v, 2 * i);", before: "static void g(float *v, int i) { v[i] = 1; }")
        != true)
    #expect(try dense("for (int i = lo; i < hi; i++) zero(v + i * n, n - 1);", before: row) == false)
    let block =
      "static void blk(double *r, int m) { for (int i = 0; i < 2; i++) for (int j = 0; j < m; j++) r[i * m + j] = 0; }"
    #expect(try dense("blk(v, n - 5);", before: block) == false)
    #expect(try dense("blk(v, n);", before: block) == true)
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
