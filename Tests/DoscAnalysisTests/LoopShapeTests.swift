import DoscManifest
import Testing

/// Loop shapes of public suites that the analysis counts (Tests/Oracle/task-loop-counting.c,
/// task-tiled-bounds.c, task-second-induction.c run them under the footprint oracle): each was
/// null before; each has a look-alike that must stay null, or be the truth.
@Suite struct LoopShapeTests {
  /// (first, count, reads) of parameter `a` of a task with `body`.
  private func figures(_ body: String, _ parameter: String = "a") throws -> [String] {
    let source = """
      void task(double *a, const double *b, int lo, int hi, int n) {
        \(body)
      }
      int main(void) { double x[64] = {0}, y[64] = {0};
      #pragma dosc task
        task(x, y, 0, 8, 8);
        return 0; }
      """
    let p = try Fixtures.analyze(source: source).0.task("task").param(parameter)
    return [p.first, p.count, p.reads].map { $0?.description ?? "absent" }
  }

  /// Doubling and halving loops (`CountedLoopScaling`): their trip counts are bounded from
  /// above, the footprints inside widened over every value the variable may take
  /// (Tests/Oracle/task-scaled-loops.c). Null before.
  @Test func scaledLoopsAreBoundedFromAbove() throws {
    #expect(try figures("for (int s = 1; s < n; s *= 2) a[s] += 1;") == ["1", "n-1", "n-1"])
    #expect(try figures("for (int len = 2; len <= n; len <<= 1) a[len - 1] += 1;") == ["1", "n-1", "n/2"])
    #expect(try figures("int m = n; while (m > 1) { a[m - 1] *= 0.5; m /= 2; }") == ["1", "n-1", "n-1"])
    #expect(try figures("for (int m = hi; m >= 1; m >>= 1) a[m] = 0;")[0...1] == ["1", "hi"])
    // Butterflies `a[j] += a[j + s]`, `j < s`: two loads per pair, the strides adding up to at
    // most twice the largest.
    #expect(
      try figures("for (int s = 1; s < n; s *= 2) for (int j = 0; j < s; j++) a[j] += a[j + s];")[2] == "4*(n-1)")
    // Never growing from 0, nor shrinking to a bound below 0; an unsigned one that may wrap
    // past its bound; a doubling whose bound a store may change: not counted.
    #expect(try figures("for (int s = 0; s < n; s *= 2) { a[s] = 1; if (s == 0) break; }")[1] == "null")
    #expect(try figures("for (int s = lo; s < n; s *= 2) a[s] = 1;")[1] == "null")
    #expect(try figures("int m = n; while (m > -1) { a[m] = 1; if (m == 0) break; m /= 2; }")[1] == "null")
    #expect(try figures("for (unsigned s = 1; s < (unsigned)n; s *= 2) a[s] = 1;")[1] == "null")
    #expect(try figures("for (unsigned s = 1; s < 64; s *= 2) a[s] = 1;") == ["1", "63", "0"])
    #expect(try figures("for (int s = 1; s < n; s *= 2) { a[s] = 1; n = n + 1; }")[1] == "null")
  }

  @Test func doWhileWithItsStepLastRunsAtLeastOnce() throws {
    #expect(
      try figures("int i = lo; do { a[i] = 0; i++; } while (i < hi);") == [
        "lo", "-1*(lo-max(hi-1,lo)-1)", "0",
      ])
    #expect(try figures("int i = n; do { a[i] += 1; i -= 1; } while (i >= 0);")[0...1] == ["min(0,n)", "n-min(0,n)+1"])
    // The step not last, or under a condition: not counted.
    #expect(try figures("int i = lo; do { i++; a[i] = 0; } while (i < hi);")[1] == "null")
    #expect(try figures("int i = lo; do { a[i] = 0; if (b[i] > 0) i++; } while (i < hi);")[1] == "null")
  }

  @Test func testsThatStepTheirVariable() throws {
    #expect(try figures("for (int i = n; i-- > 0;) a[i] += 1;") == ["0", "n", "n"])
    #expect(try figures("for (int i = n; i--;) a[i] += 1;") == ["0", "n", "n"])
    #expect(try figures("int i = n; while (i-- > 0) a[i] += 1;") == ["0", "n", "n"])
    #expect(try figures("int i = hi; while (--i >= lo) a[i] += 1;") == ["lo", "hi-lo", "hi-lo"])
    #expect(try figures("int i = 0; while (i++ < n) a[i] += 1;") == ["1", "n", "n"])
    #expect(try figures("for (int i = 0; n > i; i++) a[i] += 1;") == ["0", "n", "n"])
    // Unsigned: `i-- > 0` stops at 0; `--i >= 0` always holds (it wraps): not counted.
    #expect(try figures("for (unsigned i = n; i-- > 0;) a[i] += 1;")[0...1] == ["0", "n"])
    #expect(try figures("for (unsigned i = n; --i >= 0;) { if (i >= n) break; a[i] += 1; }")[1] == "null")
    #expect(try figures("for (unsigned i = hi; i >= lo; i--) a[i] += 1;")[1] == "null")
    #expect(try figures("for (unsigned i = n; i >= 1; i--) a[i] += 1;")[0...1] == ["1", "n"])
    // A second step in the body, or one in a later conjunct: not counted.
    #expect(try figures("int i = n; while (i-- > 0) { a[i] += 1; i--; }")[1] == "null")
    #expect(try figures("int i = n; while (b[0] > 0 && i-- > 0) a[i] += 1;")[1] == "null")
  }

  @Test func tiledLoopsCoverTheirRange() throws {
    let tiled = "for (int ii = lo; ii < hi; ii += 4) for (int i = ii; i < (ii + 4 < hi ? ii + 4 : hi); i++) "
    #expect(try figures(tiled + "a[i] += 1;") == ["lo", "hi-lo", "4*((hi-lo+3)/4)"])
    #expect(try figures(tiled + "for (int j = 0; j < n; j++) a[i * n + j] = 0;")[0...1] == ["lo*n", "(hi-lo)*n"])
    #expect(
      try figures("int e = hi < n ? hi : n; for (int i = lo; i < e; i++) a[i] = 0;")[0...1] == [
        "lo", "-1*(lo-min(hi,n))",
      ])
    // Not monotone in the loop's variable: null.
    #expect(try figures("for (int i = 0; i < n; i++) a[i < n - i ? i : n - i] = 0;")[1] == "null")
    // An unsigned comparison is made modulo 2^32: no min; the bound is one of the two, so the
    // loop runs at most to the larger (`loopAtItsLongest`), never dense.
    #expect(
      try figures("for (int i = lo; i < ((unsigned)hi < (unsigned)n ? hi : n); i++) a[i] = 0;")[0...1] == [
        "lo", "-1*(lo-max(hi,n))",
      ])
  }

  @Test func secondInductionVariables() throws {
    #expect(try figures("int k = 0; for (int i = lo; i < hi; i++) a[k++] = b[i];") == ["0", "hi-lo", "0"])
    #expect(try figures("int k = lo; for (int i = 0; i < n; i++) { a[k] = 1; k += 2; }")[0...1] == ["lo", "2*n-1"])
    #expect(
      try figures("int i, ix; for (i = 1, ix = lo; i < n; i++, ix += hi) a[ix] = 0;")[0...1] == [
        "lo", "hi*n-2*hi+1",
      ])
    // Reset: null. Stepped only up, under a condition, in an inner loop or after a `continue`:
    // a counter, in the range of all the loop's steps (`CounterRanges`; null before).
    #expect(try figures("int k = 0; for (int i = 0; i < n; i++) { a[k] = 0; k++; if (k == 3) k = 0; }")[1] == "null")
    #expect(try figures("int k = 0; for (int i = 0; i < n; i++) if (b[i] > 0) a[k++] = b[i];")[0...1] == ["0", "n"])
    #expect(
      try figures("int k = 0; for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[k++] = 0;")[0...1] == [
        "0", "n*n",
      ])
    #expect(
      try figures("int k = 0; for (int i = 0; i < n; i++) { if (b[i] > 0) continue; a[k] = 0; k++; }")[0...1] == [
        "0", "n+1",
      ])
    // Assigned in either arm of a branch: one of the two values after it, a range over both
    // (null before); in a switch: not known after it.
    #expect(try figures("int k = 0; if (b[0] > 0) k = 5; a[k] = 0;")[0...1] == ["0", "6"])
    #expect(try figures("int k = 0; switch (n) { case 1: k = 5; break; default: k = 7; } a[k] = 0;")[1] == "null")
  }

  /// A loop whose variable gets its start from an assignment before it, or whose bound is a
  /// parameter changed before it (`n--`), counts from the value followed there.
  @Test func startsFollowedFromBeforeTheLoop() throws {
    #expect(try figures("int i; i = lo; while (i < hi) { a[i] = 0; i++; }") == ["lo", "hi-lo", "0"])
    #expect(try figures("int k = lo; for (; k < hi; k++) a[k] = 0;")[0...1] == ["lo", "hi-lo"])
    #expect(try figures("n--; n--; for (int i = 0; i < n; i++) a[i + n] = 0;")[0...1] == ["n-2", "n-2"])
    // The header's own assignment is counted once; a static's value at the call is unknown.
    #expect(try figures("int i; i = lo; for (i = i + 1; i < hi; i++) a[i] = 0;")[0...1] == ["lo+1", "hi-lo-1"])
    #expect(try figures("static int k = 0; k++; a[k] = 0;")[1] == "null")
    // The step last in the body counts only a variable nothing else in the loop assigns: here
    // `k`, with `i` following it 6 apart (`i += 5` and `i++`), not `i` by its own `i++`.
    #expect(
      try figures("int i, k; i = 0; k = 0; while (i < n && k < hi) { i += 5; a[i] = 0; i++, k++; }")[0...1] == [
        "5", "6*hi-5",
      ])
    // A start chosen by a branch: null. A parameter counted down in the loop and changed
    // nowhere else counts from its value at the call; one assigned once is followed.
    #expect(try figures("int i; i = lo; if (b[0] > 0) i = hi; while (i < n) { a[i] = 0; i++; }")[1] == "null")
    #expect(try figures("while (n-- > 0) a[n] = 0;") == ["0", "n", "0"])
    #expect(try figures("n -= 2; for (int i = 0; i < n; i++) a[i] = 0;")[0...1] == ["0", "n-2"])
  }

  @Test func twoEndedLoopsMeetInTheMiddle() throws {
    let reverse = "int i, j; for (i = lo, j = hi - 1; i < j; i++, j--) { double t = a[i]; a[i] = a[j]; a[j] = t; }"
    let figures = try figures(reverse)
    #expect(figures[2] == "2*((hi-lo)/2)")
    #expect(figures[0] == "min(hi-(hi-lo)/2,lo)")
    // `j` moved only sometimes: not counted.
    #expect(try self.figures("int i, j; for (i = 0, j = n; i < j; i++) { a[i] = 0; if (b[i] > 0) j--; }")[1] == "null")
  }

  /// fasta's pick: a search loop bounded by a parameter, its variable used after it.
  @Test func searchLoopsBoundedByAParameter() throws {
    let search = "int s = 0; while (s < n - 1 && b[s] < 0.5) s++; a[s] = 1;"
    #expect(try figures(search, "b") == ["0", "n-1", "n-1"])
    // After the loop `s` is anywhere from 0 to n - 1: a range, never a sure store.
    #expect(try figures(search) == ["0", "max(0,n-1)+1", "0"])
    #expect(
      try figures("int s; for (s = lo; s < hi && b[s] > 0; s++) {} a[s] = 1;")[0...1] == ["lo", "-1*(lo-max(hi,lo)-1)"])
    // Changed after the loop in a way not followed: null again.
    #expect(try figures("int s = 0; while (s < n && b[s] < 0.5) s++; if (b[0] > 0) s = hi; a[s] = 1;")[1] == "null")
  }

  /// A conjunct before the counting test is evaluated once more when the test fails: with
  /// the variable one step past its last value.
  @Test func conjunctsBeforeTheTestAreEvaluatedAtTheExit() throws {
    #expect(
      try figures("int s = 0; while (b[s] < 0.5 && s < n - 1) { s++; }", "b")[0...1] == ["0", "max(max(0,n-1),n-2)+1"])
    #expect(
      try figures("for (int i = lo; b[i] > 0 && i < hi; i++) a[i] = 1;", "b")[0...1] == [
        "lo", "-1*(lo-max(hi-1,max(hi,lo))-1)",
      ])
    #expect(try figures("for (int i = lo; b[i] > 0 && i < hi; i++) a[i] = 1;")[0...1] == ["lo", "hi-lo"])
  }

  /// An unsigned variable counted down by more than one wraps past 0 unless its test stops it
  /// a step above: `i >= 1; i -= 2` from an odd start reaches 1, then 2^32 - 1.
  @Test func unsignedCountDownByMoreThanOneMayWrap() throws {
    #expect(try figures("for (unsigned i = n; i >= 1; i -= 2) a[i] = 1;")[1] == "null")
    #expect(try figures("for (unsigned i = n; i > 0; i -= 2) a[i] = 1;")[1] == "null")
    #expect(try figures("for (unsigned i = n; i >= 2; i -= 3) a[i] = 1;")[1] == "null")
    #expect(try figures("for (unsigned i = n; i > (unsigned)lo; i -= 2) a[i] = 1;")[1] == "null")
    #expect(try figures("for (unsigned i = n; --i > 0;) a[i] = 1;")[1] == "null")
    #expect(try figures("for (unsigned i = n; i > 1; i -= 2) a[i] = 1;")[1] != "null")
    #expect(try figures("for (unsigned i = n; i >= 3; i -= 3) a[i] = 1;")[1] != "null")
    #expect(try figures("for (unsigned i = n + 1; --i > 0;) a[i] = 1;")[1] == "null")
    #expect(try figures("for (int i = n; i > 0; i -= 2) a[i] = 1;")[1] != "null")
  }

  /// A step that is a parameter (`i += stride`, a cyclic distribution `i = tid; i < n; i += nt`):
  /// the last value is `lo + s * ((hi - lo + s - 1) / s - 1)`, which mentions `s`, so a spawn
  /// with a negative step stays on rank 0; a zero step's loop never ends and touches `a[lo]`.
  @Test func parameterSteps() throws {
    #expect(try figures("for (int i = lo; i < hi; i += n) a[i] = b[i];") == ["lo", "n*((hi-lo+n-1)/n)-n+1", "0"])
    #expect(try figures("for (int i = lo; i < hi; i += n) a[i] = b[i];", "b")[2] == "(hi-lo+n-1)/n")
    #expect(
      try figures("for (int i = hi; i >= lo; i -= n) a[i] = 1;")[0...1] == [
        "-1*(n*((hi-lo+n)/n)-hi-n)", "n*((hi-lo+n)/n)-n+1",
      ])
    // Every value is not touched: not dense.
    #expect(
      try Fixtures.analyze(
        source: """
          void task(double *a, int lo, int hi, int s) { for (int i = lo; i < hi; i += s) a[i] = 0; }
          int main(void) { double x[8];
          #pragma dosc task
            task(x, 0, 8, 2);
            return 0; }
          """
      ).0.task("task").param("a").writeDense != true)
    // Unsigned (it wraps), a step the loop changes, a negative coefficient, a local: null.
    #expect(try figures("for (unsigned i = lo; i < hi; i += (unsigned)n) a[i] = 1;")[1] == "null")
    #expect(try figures("for (int i = lo; i < hi; i += n) { a[i] = 1; n++; }")[1] == "null")
    #expect(try figures("for (int i = lo; i < hi; i += hi - n) a[i] = 1;")[1] == "null")
    #expect(try figures("int s = (int)b[0]; for (int i = lo; i < hi; i += s) a[i] = 1;")[1] == "null")
  }

  /// A range clamped before the loop: the parameter is followed from its value at the call, and
  /// an `if` that leaves it at one of the two values its condition compares makes a min or max.
  @Test func rangesClampedBeforeTheLoop() throws {
    #expect(
      try figures("if (lo < 2) lo = 2; for (int i = lo; i < n; i++) a[i] = 0;") == ["max(2,lo)", "n-max(2,lo)", "0"])
    #expect(try figures("hi = hi > n ? n : hi; for (int i = 0; i < hi; i++) a[i] = 0;")[0...1] == ["0", "min(hi,n)"])
    #expect(
      try figures("if (hi > n) hi = n; for (int i = lo; i < hi; i++) a[i] = 0;")[0...1] == ["lo", "-1*(lo-min(hi,n))"])
    #expect(try figures("n = n / 2; for (int i = 0; i < n; i++) a[i] = 0;")[0...1] == ["0", "n/2"])
    #expect(try figures("n /= 2; lo *= 3; for (int i = lo; i < n; i++) a[i] = 0;")[0...1] == ["3*lo", "-1*(3*lo-n/2)"])
    #expect(try figures("n /= hi; for (int i = 0; i < n; i++) a[i] = 0;")[1] == "null")
    // Not a clamp (another value, another variable compared), or changed in a loop: null.
    #expect(try figures("if (lo < 2) lo = 3; for (int i = lo; i < n; i++) a[i] = 0;")[1] == "null")
    #expect(try figures("if (n < 2) lo = 2; for (int i = lo; i < n; i++) a[i] = 0;")[1] == "null")
    // Another variable's value in one arm: a range over both values (null before).
    #expect(
      try figures("if (lo < 2) lo = 2; a[lo] = 0; if (b[0] > 0) lo = hi; a[lo] = 1;")[0...1] == [
        "min(max(2,lo),min(hi,max(2,lo)))", "max(max(2,lo),max(hi,max(2,lo)))-min(max(2,lo),min(hi,max(2,lo)))+1",
      ])
    #expect(try figures("for (int k = 0; k < 2; k++) if (lo < 2) lo = 2; a[lo] = 0;")[1] == "null")
  }

  /// A pointer walked over a parameter counts by its offset into it: `p < a + hi`, `p != e`.
  @Test func pointerBoundedLoops() throws {
    #expect(try figures("for (double *p = a; p < a + n; p++) *p = 1;") == ["0", "n", "0"])
    #expect(try figures("for (double *p = a + lo; p < a + hi; p++) *p = 1;")[0...1] == ["lo", "hi-lo"])
    #expect(
      try figures("double *e = a + hi; for (double *p = a + lo; p != e; ++p) *p = p[1];")[0...1] == ["lo", "hi-lo+1"])
    #expect(try figures("for (double *p = a + hi - 1; p >= a + lo; p--) *p = 1;")[0...1] == ["lo", "hi-lo"])
    #expect(try figures("for (double *p = a + lo; p < a + hi; p += 2) *p = 1;")[1] == "2*((hi-lo+1)/2)-1")
    // Bounded by another parameter's memory, a pointer the body moves, a step of 2 with `!=`: null.
    #expect(try figures("for (double *p = a; p < (double *)b + n; p++) *p = 1;")[1] == "null")
    #expect(try figures("for (double *p = a; p < a + n; p++) { *p = 1; if (b[0] > 0) p++; }")[1] == "null")
    #expect(try figures("for (double *p = a; p != a + n; p += 2) *p = 1;")[1] == "null")
  }

  /// A parameter counted down by the loop that is its only change: its name in figures is its
  /// value at the call, its values in the loop another symbol (`while (n--) *d++ = *s++`).
  @Test func parametersCountedDownByTheirLoop() throws {
    #expect(try figures("double *d = a; const double *s = b; while (n--) *d++ = *s++;") == ["0", "n", "0"])
    #expect(try figures("double *d = a; const double *s = b; while (n--) *d++ = *s++;", "b") == ["0", "n", "n"])
    #expect(try figures("while (n-- > 0) { for (int j = 0; j < n; j++) a[j] += 1; }") == ["0", "n-1", "n*(n-1)/2"])
    #expect(try figures("for (; n > 0; n--) a[n - 1] = 2;")[0...1] == ["0", "n"])
    #expect(try figures("while (n--) a[n] = 1;", "a")[0...1] == ["0", "n"])
    // Changed before the loop, after it (the value there is not followed), or in a loop around it: null.
    #expect(try figures("n--; while (n-- > 0) a[n] = 1;")[1] == "null")
    #expect(try figures("while (n-- > 0) a[n] = 1; a[n + 5] = 2;")[1] == "null")
    #expect(try figures("for (int k = 0; k < hi; k++) while (n-- > 0) a[n] = 1;")[1] == "null")
  }
}
