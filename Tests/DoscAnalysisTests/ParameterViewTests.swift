import DoscManifest
import Testing

/// Views (`ParameterView`): a pointer into a parameter's memory whose type counts in other units
/// than the parameter's elements, `&A[0][0]`, `(double *)A`, a row `A[i]` or `*A` of
/// `double (*A)[M]` indexed flat, a flat `double *p` taken as `(double (*)[M])p`, a triangle of
/// a variable-length row. Their offsets are finer than an element, and the figures stay in the
/// parameter's elements, whole ones (Tests/Oracle/task-2d-views.c). Before views these were
/// null (a cast or a decayed row lost the offset), or wider (`C[i][j]`, j <= i, of a
/// variable-length row moved by up to j rows).
@Suite struct ParameterViewTests {
  /// `first` and `count` of parameter `a` of a task whose body is `body`, at `values`; nil
  /// where they are null.
  private func span(_ body: String, parameter: String = "double (*a)[4]", at values: [String: Int]) throws -> [Int]? {
    let source = """
      #include <string.h>
      static void scale(double *row, int n) { for (int j = 0; j < n; j++) row[j] *= 2; }
      void task(\(parameter), int lo, int hi, int n) {
        \(body)
      }
      int main(void) { static double buf[16][4];
      #pragma dosc task
        task((void *)buf, 2, 5, 7);
        return 0; }
      """
    let p = try Fixtures.analyze(source: source).0.task("task").param("a")
    guard p.first.polynomial != nil, p.count.polynomial != nil else { return nil }
    return [try p.first.value(values), try p.count.value(values)]
  }

  private let rows = ["lo": 2, "hi": 5, "n": 7]

  @Test func aTwoDimensionalArrayIndexedFlatIsBoundedInRows() throws {
    // Rows 2..4 of four doubles: p[8] .. p[19].
    let flat = "for (int i = lo; i < hi; i++) for (int j = 0; j < 4; j++) p[i * 4 + j] += 1;"
    #expect(try span("double *p = &a[0][0]; " + flat, at: rows) == [2, 3])
    #expect(try span("double *p = (double *)a; " + flat, at: rows) == [2, 3])
    #expect(try span("double *p = *a; " + flat, at: rows) == [2, 3])
    #expect(
      try span("for (int i = lo; i < hi; i++) { double *r = a[i]; for (int j = 0; j < 4; j++) r[j] = 0; }", at: rows)
        == [2, 3])
    // A row handed to a helper, a row copied whole.
    #expect(try span("for (int i = lo; i < hi; i++) scale(a[i], 4);", at: rows) == [2, 3])
    #expect(try span("for (int i = lo; i < hi; i++) memset(&a[i][0], 0, 4 * sizeof(double));", at: rows) == [2, 3])
    // `*a` over n doubles: the rows those lie in, ceil(7 / 4).
    #expect(try span("double *p = *a; for (int k = 0; k < n; k++) p[k] = 0;", at: rows) == [0, 2])
  }

  @Test func aFlatArrayTakenAsRowsIsBoundedInItsElements() throws {
    let body =
      "double (*r)[4] = (double (*)[4])a; for (int i = lo; i < hi; i++) for (int j = 0; j < 4; j++) r[i][j] = 1;"
    #expect(try span(body, parameter: "double *a", at: rows) == [8, 12])
    // Ints cleared as long longs: two ints a step.
    #expect(
      try span("long long *w = (long long *)a; for (int i = lo; i < hi; i++) w[i] = 0;", parameter: "int *a", at: rows)
        == [4, 6])
  }

  @Test func aTriangleOfAVariableLengthRowIsItsRows() throws {
    let source = """
      void tri(int n, double C[n][n], int lo, int hi) {
        for (int i = lo; i < hi; i++) for (int j = 0; j <= i; j++) C[i][j] *= 3;
      }
      int main(void) { static double m[6][6];
      #pragma dosc task
        tri(6, m, 1, 5);
        return 0; }
      """
    let c = try Fixtures.analyze(source: source).0.task("tri").param("C")
    // Rows lo..hi-1 where hi <= n (was hi - lo + max(0, hi - 1): up to j rows further).
    let values = ["lo": 1, "hi": 5, "n": 6]
    #expect(try [c.first.value(values), c.count.value(values)] == [1, 4])
  }

  @Test func viewsThatLeaveTheirRowWidenAndOtherUnitsStayCovered() throws {
    // A row pointer walked past its row, and before it: the rows reached.
    #expect(try span("double *r = a[lo]; for (int j = 0; j < 9; j++) r[j] += 1;", at: rows) == [2, 3])
    #expect(try span("double *r = a[lo]; r[-1] = 0; r[-6] = 0;", at: rows) == [0, 2])
    // Floats and bytes of the rows: the rows they lie in.
    #expect(
      try span("float *f = (float *)a; for (int k = 8 * lo; k < 8 * hi; k++) f[k] = 0;", at: rows) == [2, 3])
    #expect(
      try span("unsigned char *b = (unsigned char *)a; for (int k = 1; k < 32 * hi - 1; k++) b[k] = 0;", at: rows)
        == [0, 5])
    // Rows of three doubles over rows of four: the rows of four they reach, one more before
    // where the first offset's remainder in a row is not a constant (`3*lo + 2` could be
    // negative in a callee's figure instantiated with `lo - 5`).
    #expect(
      try span("double (*t)[3] = (double (*)[3])a; for (int i = lo; i < hi; i++) t[i][2] = 0;", at: rows) == [1, 3])
    // A `void *` parameter still has no element to count parts of.
    #expect(
      try span("double *d = (double *)a; for (int i = lo; i < hi; i++) d[i] = 0;", parameter: "void *a", at: rows)
        == nil)
  }
}
