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
    let source = """
      #include <stddef.h>
      \(prelude)
      void task(\(signature)) {
        \(body)
      }
      int main(void) { static double x[4096];
      #pragma dosc task
        task(x, 2, 0, 10);
        return 0; }
      """
    let p = try Fixtures.analyze(source: source).0.task("task").param("a")
    return [p.first, p.count, p.writes].map { $0?.description ?? "absent" }
  }

  /// A bitset's words, `w` from `lo >> 6` below `(hi + 63) >> 6`: the shift of a value the
  /// spawn checks is not negative is its quotient, as `/ 64` is. Null before.
  @Test func shiftOfACheckedParameterIsItsQuotient() throws {
    let signature = "double *a, int s, int lo, int hi"
    #expect(try figures(signature, "for (int w = lo >> 6; w < (hi + 63) >> 6; w++) a[w] = 0;") == [
      "lo/64", "(hi+63)/64-lo/64", "(hi+63)/64-lo/64",
    ])
    // A value that may be negative where the figures hold (`lo - 100`) rounds down: a range.
    let below = try figures(signature, "for (int i = 0; i < 2; i++) a[(lo - 100 + i) >> 6] = 0;")
    #expect(below[0] != "(lo-100)/64" && below[0] != "null")
  }
}
