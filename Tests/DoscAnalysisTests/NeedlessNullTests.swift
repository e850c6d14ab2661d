import DoscManifest
import Testing

/// Shapes of public suites whose figures were null though a bound is at hand
/// (Tests/Oracle/task-unseen10-needless-nulls.c and task-unseen10-probes-loops-stores.c run
/// them under the footprint oracle): each was null before; each has a look-alike that must
/// stay null, or be the truth.
@Suite struct NeedlessNullTests {
  /// (first, count, writes) of parameter `a` of a task `signature` with `body`, after `prelude`
  /// at file scope.
  private func figures(_ signature: String, _ body: String, prelude: String = "") throws -> [String] {
    let p = try Fixtures.task(signature, body, prelude: prelude).param("a")
    return [p.first, p.count, p.writes].map { $0?.description ?? "absent" }
  }

  /// PRK Transpose's tiles: a `size_t` variable stepping by an `int` parameter counts as an
  /// `int` one does (the spawn checks the step is not negative). Null before.
  @Test func sizeVariableSteppedByASignedParameter() throws {
    let signature = "double *a, int T, size_t lo, size_t hi"
    #expect(
      try figures(signature, "for (size_t i = lo; i < hi; i += T) a[i] = 1;") == [
        "lo", "T*((T+hi-lo-1)/T)-T+1", "(T+hi-lo-1)/T",
      ])
    #expect(
      try figures("double *a, long T, size_t lo, size_t hi", "for (size_t i = lo; i < hi; i += T) a[i] = 1;")[1]
        != "null")
    // An unsigned step (2^64 - 1 counts down, and no spawn checks it) and a 32-bit unsigned
    // variable (it may wrap at 2^32 - T back below its start): still null.
    #expect(
      try figures("double *a, size_t T, size_t lo, size_t hi", "for (size_t i = lo; i < hi; i += T) a[i] = 1;")[1]
        == "null")
    #expect(
      try figures("double *a, int T, unsigned lo, unsigned hi", "for (unsigned i = lo; i < hi; i += T) a[i] = 1;")[1]
        == "null")
  }

  /// A bitset's words, `w` from `lo >> 6` below `(hi + 63) >> 6`: the shift of a value the
  /// spawn checks is not negative is its quotient, as `/ 64` is. Null before.
  @Test func shiftOfACheckedParameterIsItsQuotient() throws {
    let signature = "double *a, int s, int lo, int hi"
    #expect(
      try figures(signature, "for (int w = lo >> 6; w < (hi + 63) >> 6; w++) a[w] = 0;") == [
        "lo/64", "(hi+63)/64-lo/64", "(hi+63)/64-lo/64",
      ])
    // A value that may be negative where the figures hold (`lo - 100`) rounds down: a range.
    let below = try figures(signature, "for (int i = 0; i < 2; i++) a[(lo - 100 + i) >> 6] = 0;")
    #expect(below[0] != "(lo-100)/64" && below[0] != "null")
  }

  /// A `static const int` stride (`a[i * NC + j]`): its initializer's value, as a macro's.
  /// Null before.
  @Test func constGlobalStrideIsItsValue() throws {
    let signature = "double *a, int s, int lo, int hi"
    let body = "for (int i = lo; i < hi; i++) for (int j = 0; j < 3; j++) a[i * NC + j] = 0;"
    #expect(try figures(signature, body, prelude: "static const int NC = 8;") == ["8*lo", "8*(hi-lo)-5", "3*(hi-lo)"])
    #expect(try figures(signature, body, prelude: "const long NC = 8;")[1] == "8*(hi-lo)-5")
    // Not const, volatile, or its const taken away somewhere in the unit: still null.
    #expect(try figures(signature, body, prelude: "static int NC = 8;")[1] == "null")
    #expect(try figures(signature, body, prelude: "static const volatile int NC = 8;")[1] == "null")
    let castAway = "static const int NC = 8; void poke(void) { *(int *)&NC = 9; }"
    #expect(try figures(signature, body, prelude: castAway)[1] == "null")
  }
}
