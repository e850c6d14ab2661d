import DoscManifest
import SymbolicAlgebra
import Testing

/// The work of a recursive task over its whole recursion, by induction over the classes of
/// paths its integer parameters decide (`RecursiveWorkInduction`). Each stated figure is checked
/// at many arguments for the induction's step (at least the figure at its calls' arguments plus
/// the calls themselves: what the footprint oracle checks on a run) and for its order (within a
/// small factor of the recursion summed over `work_per_invocation`, itself an upper bound of
/// every invocation's own work: no crude bound). Shapes with no polynomial bound stay null with
/// a located reason.
@Suite struct RecursiveWorkInductionTests {
  /// The task `name` of `source` (a `main` spawning it included).
  private func task(_ name: String, in source: String) throws -> Manifest.Task {
    try Fixtures.analyze(source: source).0.task(name)
  }

  private func value(_ figure: ManifestExpression, _ values: [String: Int]) throws -> Double {
    let polynomial = try #require(figure.polynomial, "\(figure)")
    let result = try polynomial.evaluate(values)
    return Double(result.numerator) / Double(result.denominator)
  }

  /// The work's growth from `small` to `large` is within 10% of `about` (its order).
  private func expectGrowth(_ task: Manifest.Task, _ small: [String: Int], _ large: [String: Int], about: Double) throws
  {
    #expect(task.work != .unknown, "\(task.name): \(task.workUnbounded ?? [])")
    guard task.work != .unknown else { return }
    let ratio = try value(task.work, large) / value(task.work, small)
    #expect(abs(ratio - about) <= about * 0.1, "\(task.name): work \(task.work) grows \(ratio)x, not \(about)x")
  }

  /// Checks `work` of `task` at each of `points`: at least its calls' (`calls(point)`, their
  /// arguments) plus one operation and one per argument for each; at most `slack` times the
  /// recursion summed over `work_per_invocation` (`summed`).
  private func check(
    _ task: Manifest.Task, at points: [[String: Int]], calls: ([String: Int]) -> [[String: Int]], slack: Double
  ) throws {
    #expect(task.work != .unknown, "\(task.name): \(task.workUnbounded ?? [])")
    guard task.work != .unknown else { return }
    let perCall = Double(1 + task.params.count)
    var memo: [[String: Int]: Double] = [:]
    func summed(_ point: [String: Int]) throws -> Double {
      if let known = memo[point] { return known }
      var total = try value(task.workPerInvocation!, point)
      for call in calls(point) { total += try summed(call) }
      memo[point] = total
      return total
    }
    for point in points {
      let work = try value(task.work, point)
      let below = try calls(point).reduce(0.0) { $0 + (try value(task.work, $1)) + perCall }
      #expect(work >= below, "\(task.name) at \(point): work \(task.work) = \(work) < \(below), its calls'")
      // Not where the whole recursion is a few operations: a constant overhead dominates there.
      let most = try summed(point) * slack
      #expect(
        most < 100 * slack || work <= most,
        "\(task.name) at \(point): work \(task.work) = \(work) > \(slack) x \(most / slack)")
    }
  }

  @Test func aChainOnNMinusOneIsOneDegreeAboveItsOwnWork() throws {
    let constant = try task(
      "sum",
      in: """
        long sum(const int *a, int n) { if (n <= 0) return 0; return a[n - 1] + sum(a, n - 1); }
        int main(void) { int x[8] = {0}; long s;
        #pragma dosc task
          s = sum(x, 8);
        #pragma dosc taskwait
          return (int)s; }
        """)
    try expectGrowth(constant, ["n": 1000], ["n": 2000], about: 2)
    try check(
      constant, at: (0...40).map { ["n": $0] }, calls: { $0["n"]! > 0 ? [["n": $0["n"]! - 1]] : [] }, slack: 1.5)

    let linear = try task(
      "pass",
      in: """
        void pass(int *a, int n) {
          if (n <= 1) return;
          for (int i = 1; i < n; i++) a[i] += a[i - 1] & 1;
          pass(a, n - 1);
        }
        int main(void) { int x[8] = {0};
        #pragma dosc task
          pass(x, 8);
          return 0; }
        """)
    try expectGrowth(linear, ["n": 1000], ["n": 2000], about: 4)
    try check(
      linear, at: (0...40).map { ["n": $0] }, calls: { $0["n"]! > 1 ? [["n": $0["n"]! - 1]] : [] }, slack: 2.5)
  }

  @Test func aTreeOfHalvesCountsItsNodes() throws {
    let tree = try task(
      "sum",
      in: """
        long sum(const int *a, int lo, int hi) {
          if (hi - lo <= 2) return hi > lo ? a[lo] : 0;
          int mid = lo + (hi - lo) / 2;
          return sum(a, lo, mid) + sum(a, mid, hi);
        }
        int main(void) { int x[8] = {0}; long s;
        #pragma dosc task
          s = sum(x, 0, 8);
        #pragma dosc taskwait
          return (int)s; }
        """)
    func halves(_ point: [String: Int]) -> [[String: Int]] {
      let (lo, hi) = (point["lo"]!, point["hi"]!)
      guard hi - lo > 2 else { return [] }
      let mid = lo + (hi - lo) / 2
      return [["lo": lo, "hi": mid], ["lo": mid, "hi": hi]]
    }
    let points = (0...6).flatMap { lo in (0...70).map { ["lo": lo, "hi": lo + $0] } }
    try check(tree, at: points, calls: halves, slack: 1.5)

    let rows = try task(
      "scale",
      in: """
        void scale(double *m, int lo, int hi, int ncols) {
          if (hi - lo <= 2) {
            for (int i = lo; i < hi; i++) for (int j = 0; j < ncols; j++) m[i * ncols + j] *= 0.5;
            return;
          }
          int mid = lo + (hi - lo) / 2;
          scale(m, lo, mid, ncols);
          scale(m, mid, hi, ncols);
        }
        int main(void) { double x[64] = {0};
        #pragma dosc task
          scale(x, 0, 8, 8);
          return 0; }
        """)
    func rowHalves(_ point: [String: Int]) -> [[String: Int]] {
      let (lo, hi, ncols) = (point["lo"]!, point["hi"]!, point["ncols"]!)
      guard hi - lo > 2 else { return [] }
      let mid = lo + (hi - lo) / 2
      return [["lo": lo, "hi": mid, "ncols": ncols], ["lo": mid, "hi": hi, "ncols": ncols]]
    }
    let rowPoints = [0, 1, 7, 40].flatMap { ncols in (0...50).map { ["lo": 3, "hi": 3 + $0, "ncols": ncols] } }
    try check(rows, at: rowPoints, calls: rowHalves, slack: 1.5)
    #expect(rows.remotable, "\(rows.reasons)")
  }

  @Test func quadrantProductsAndAHalvingPassKeepTheirOrder() throws {
    let quadrants = try task(
      "mm",
      in: """
        void mm(const double *A, const double *B, double *C, int n, int ld) {
          if (n <= 4) {
            for (int i = 0; i < n; i++) for (int k = 0; k < n; k++) for (int j = 0; j < n; j++)
              C[i * ld + j] += A[i * ld + k] * B[k * ld + j];
            return;
          }
          int h = n / 2;
          mm(A, B, C, h, ld); mm(A, B + h, C + h, h, ld);
          mm(A + h * ld, B, C + h * ld, h, ld); mm(A + h * ld, B + h, C + h * ld + h, h, ld);
          mm(A + h, B + h * ld, C, h, ld); mm(A + h, B + h * ld + h, C + h, h, ld);
          mm(A + h * ld + h, B + h * ld, C + h * ld, h, ld);
          mm(A + h * ld + h, B + h * ld + h, C + h * ld + h, h, ld);
        }
        int main(void) { static double a[256], b[256], c[256];
        #pragma dosc task
          mm(a, b, c, 16, 16);
          return 0; }
        """)
    try expectGrowth(quadrants, ["n": 1024, "ld": 16], ["n": 2048, "ld": 16], about: 8)
    try check(
      quadrants, at: (0...130).map { ["n": $0, "ld": 16] },
      calls: { $0["n"]! > 4 ? Array(repeating: ["n": $0["n"]! / 2, "ld": 16], count: 8) : [] }, slack: 3)

    let halving = try task(
      "halve",
      in: """
        void halve(double *a, int n) {
          for (int i = 0; i < n; i++) a[i] += 1.0;
          if (n <= 1) return;
          halve(a, n / 2);
        }
        int main(void) { double x[64] = {0};
        #pragma dosc task
          halve(x, 64);
          return 0; }
        """)
    try expectGrowth(halving, ["n": 1000], ["n": 2000], about: 2)
    try check(
      halving, at: (0...200).map { ["n": $0] }, calls: { $0["n"]! > 1 ? [["n": $0["n"]! / 2]] : [] }, slack: 2.5)
  }

  @Test func aCallerOfARecursiveFunctionGetsItsWork() throws {
    let caller = try task(
      "total",
      in: """
        static long sum(const int *a, int n) { if (n <= 0) return 0; return a[n - 1] + sum(a, n - 1); }
        void total(const int *a, long *out, int n) { *out = sum(a, n) + sum(a, n / 2); }
        int main(void) { int x[8] = {0}; long s;
        #pragma dosc task
          total(x, &s, 8);
        #pragma dosc taskwait
          return (int)s; }
        """)
    #expect(!caller.recursive)
    try expectGrowth(caller, ["n": 1000], ["n": 2000], about: 2)
  }

  @Test func workWithNoPolynomialBoundStaysNullWithALocatedReason() throws {
    for (name, body, why) in [
      ("fib", "long fib(int n) { if (n < 2) return n; return fib(n - 1) + fib(n - 2); }", "exponentially many calls"),
      (
        "msort",
        """
        void msort(long *a, long *t, int n) {
          if (n < 2) return;
          int h = n / 2;
          msort(a, t, h); msort(a + h, t + h, n - h);
          for (int i = 0; i < n; i++) t[i] = a[i];
          for (int i = 0; i < n; i++) a[i] = t[n - 1 - i];
        }
        """, "n log n"
      ),
      (
        "ways",
        "int ways(int n) { if (n == 0) return 1; int s = 0; for (int d = 1; d <= n; d++) s += ways(n - d); return s; }",
        "is in a loop"
      ),
      (
        "twice",
        "void twice(int *a, int n, int d) { if (d <= 0) { a[0] += n; return; } twice(a, n, d - 1); twice(a, n, d - 1); }",
        "no bound of its work"
      ),
      (
        "ping",
        "int pong(int n); int ping(int n) { return n <= 0 ? 0 : pong(n - 1); } int pong(int n) { return ping(n); }",
        "recurses through 'pong'"
      ),
    ] {
      let source =
        "\(body)\nvoid spawn(void) {\n#pragma dosc task\n  \(name)(\(name == "msort" ? "0, 0, 4" : name == "twice" ? "0, 4, 2" : "4"));\n}\n"
      let found = try task(name, in: source)
      #expect(found.work == .unknown, "\(name): \(found.work)")
      let reasons = found.workUnbounded ?? []
      #expect(reasons.contains { $0.contains("input.c:") && $0.contains(why) }, "\(name): \(reasons)")
    }
  }
}
