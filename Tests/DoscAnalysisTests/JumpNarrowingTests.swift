import DoscManifest
import Testing

/// The rest of a block after `if (cond) continue;` (`break`, `return`) runs where `cond` fails,
/// and its accesses are narrowed by that (`FunctionAnalyzer.narrowingAfter`); a condition that
/// changes a variable narrows nothing (`loopGuards`). Each footprint is checked against every
/// index C touches, computed here, for bounds of either sign (the figures hold for non-negative
/// values of the parameters they mention), and the narrowed ones are stated exactly.
@Suite struct JumpNarrowingTests {
  private typealias Shape = FootprintCoverage.Shape

  private func footprint(_ body: String) throws -> Manifest.Parameter {
    let source = """
      double task(double *a, int lo, int hi, int n, int mode) {
        double s = 0;
        \(body)
        return s;
      }
      int main(void) { double v[64] = {0};
      #pragma dosc task
        task(v + 32, 0, 8, 4, 1);
        return 0; }
      """
    return try Fixtures.analyze(source: source).0.task("task").param("a")
  }

  /// The footprint is stated and covers every index touched wherever the parameters it
  /// mentions are not negative; returns it as (first, count). `narrowed`: it also lies inside
  /// an array of n = 8 elements for the task over all of them (lo = 0, hi = n), as it did
  /// not before the narrowing (it started at -1 or ended at 8).
  @discardableResult
  private func expectCovers(_ shape: Shape, narrowed: Bool = false) throws -> [String] {
    let a = try footprint(shape.body)
    #expect(a.first != .unknown && a.count != .unknown, "\(shape.body): null")
    if narrowed {
      let whole = ["lo": 0, "hi": 8, "n": 8]
      let (first, count) = (try a.first.value(whole), try a.count.value(whole))
      #expect(first >= 0 && first + count <= 8, "\(shape.body): [\(first), +\(count)) outside [0, 8)")
    }
    try FootprintCoverage.expectCovers(a, of: shape.body, lo: -4...9, hi: -4...12, n: -3...10, touched: shape.touched)
    return [a.first.description, a.count.description]
  }

  /// The indices `index(i)` for each `i` in `lo..<hi` (`lo...hi` with `through`) that `keep` lets through.
  private func touched(
    _ lo: Int, _ hi: Int, through: Bool = false, keep: (Int) -> Bool = { _ in true }, _ index: (Int) -> Int
  )
    -> [Int]
  {
    let end = through ? hi + 1 : hi
    return lo < end ? (lo..<end).filter(keep).map(index) : []
  }

  @Test func theRestAfterAContinueIsNarrowed() throws {
    let plain = try expectCovers(
      Shape(body: "for (int i = lo; i < hi; i++) { if (i < 1) continue; s += a[i - 1]; }") { lo, hi, _ in
        touched(lo, hi, keep: { $0 >= 1 }) { $0 - 1 }
      }, narrowed: true)
    #expect(plain == ["max(1,lo)-1", "hi-max(1,lo)"], "\(plain)")
    let interior = try expectCovers(
      Shape(body: "for (int i = lo; i < hi; i++) { if (i - 1 < 0 || i + 1 >= n) continue; s += a[i - 1] + a[i + 1]; }")
      { lo, hi, n in
        touched(lo, hi, keep: { $0 >= 1 && $0 + 1 < n }) { $0 - 1 }
          + touched(lo, hi, keep: { $0 >= 1 && $0 + 1 < n }) { $0 + 1 }
      }, narrowed: true)
    #expect(interior == ["max(1,lo)-1", "-1*(max(1,lo)-min(hi-1,n-2)-3)"], "\(interior)")
  }

  @Test func theRestAfterABreakOrAReturnIsNarrowed() throws {
    let broken = try expectCovers(
      Shape(body: "for (int i = lo; i <= hi; i++) { if (i >= n) break; s += a[i]; }") { lo, hi, n in
        touched(lo, min(hi, n - 1), through: true) { $0 }
      }, narrowed: true)
    #expect(broken == ["lo", "-1*(lo-min(hi,n-1)-1)"], "\(broken)")
    let returned = try expectCovers(
      Shape(body: "for (int i = lo; i <= hi; i++) { if (i > n - 1) return s; s += a[i]; }") { lo, hi, n in
        touched(lo, min(hi, n - 1), through: true) { $0 }
      }, narrowed: true)
    #expect(returned == broken, "\(returned)")
    // The jump in the `else` arm, after other statements.
    let otherwise = try expectCovers(
      Shape(body: "for (int i = lo; i < hi; i++) { if (i > 0) s += 1; else { s -= 1; continue; } s += a[i - 1]; }") {
        lo, hi, _ in touched(lo, hi, keep: { $0 > 0 }) { $0 - 1 }
      }, narrowed: true)
    #expect(otherwise == ["max(1,lo)-1", "hi-max(1,lo)"], "\(otherwise)")
  }

  @Test func aGuardOfAnOuterLoopNarrowsAnInnerBody() throws {
    let rows = try expectCovers(
      Shape(
        body:
          "for (int r = lo; r < hi; r++) for (int c = 0; c < n; c++) { if (r < 1) continue; s += a[(r - 1) * n + c]; }"
      ) { lo, hi, n in
        n <= 0 ? [] : touched(lo, hi, keep: { $0 >= 1 }) { $0 }.flatMap { r in (0..<n).map { (r - 1) * n + $0 } }
      })
    #expect(rows.first == "n*(max(1,lo)-1)", "\(rows)")
  }

  /// Shapes where the rest may run without the test holding: each reaches `a[lo - 1]`.
  @Test func theRestIsNotNarrowedWhereTheTestMayNotHaveHeld() throws {
    let shapes = [
      // A `case` label after the test: mode 1 enters there.
      "for (int i = lo; i < hi; i++) switch (mode) { case 0: s += 1; if (i < 1) break; case 1: s += a[i - 1]; }",
      // The `continue` is the inner loop's.
      "for (int i = lo; i < hi; i++) { if (i < 1) { for (int j = 0; j < 2; j++) continue; } s += a[i - 1]; }",
      // The arm jumps only sometimes.
      "for (int i = lo; i < hi; i++) { if (i < 1) { if (mode) continue; } s += a[i - 1]; }",
      // The test changes its own bound: `i > k++` compares with -1.
      "for (int i = lo; i < hi; i++) { int k = -1; if (i > k++) s += a[i - 1]; }",
      "for (int i = lo; i < hi; i++) { int k = -1; s += (i > k++) ? a[i - 1] : 0; }",
      "for (int i = lo; i < hi; i++) { int k = -1; if (i <= k++) continue; s += a[i - 1]; }",
    ]
    for body in shapes {
      try expectCovers(Shape(body: body) { lo, hi, _ in touched(lo, hi) { $0 - 1 } })
    }
  }

  /// The fact is about the value the test compared, not the name: `k` changes after it.
  @Test func aVariableChangedAfterTheTestKeepsItsFact() throws {
    let changed = try expectCovers(
      Shape(body: "for (int i = lo; i < hi; i++) { int k = i; if (k < 2) continue; k -= 2; s += a[k]; }") { lo, hi, _ in
        touched(lo, hi, keep: { $0 >= 2 }) { $0 - 2 }
      }, narrowed: true)
    #expect(changed.first == "max(2,lo)-2", "\(changed)")
  }

  /// A `?:`'s value, and what its arms touch, are taken where each arm runs: `i > 0 ? i - 1 : 0`
  /// is never -1, `i + 1 < n ? i + 1 : i` never n.
  @Test func aConditionalIsTakenWhereEachArmRuns() throws {
    let shapes = [
      Shape(body: "for (int i = lo; i < hi; i++) s += a[i > 0 ? i - 1 : 0];") { lo, hi, _ in
        touched(lo, hi) { $0 > 0 ? $0 - 1 : 0 }
      },
      Shape(body: "for (int i = lo; i < hi; i++) s += a[i > 0 ? i - 1 : n - 1];") { lo, hi, n in
        touched(lo, hi) { $0 > 0 ? $0 - 1 : n - 1 }
      },
      Shape(body: "for (int i = lo; i < hi; i++) s += a[i + 1 < n ? i + 1 : i];") { lo, hi, n in
        touched(lo, hi) { $0 + 1 < n ? $0 + 1 : $0 }
      },
      Shape(body: "for (int i = lo; i < hi; i++) s += i > 0 ? a[i - 1] : 0;") { lo, hi, _ in
        touched(lo, hi, keep: { $0 > 0 }) { $0 - 1 }
      },
      // No loop variable is below 0 (`forLoop`): one other than 0 is at least 1.
      Shape(body: "for (int i = lo; i < hi; i++) s += i == 0 ? 0 : a[i - 1];") { lo, hi, _ in
        touched(lo, hi, keep: { $0 != 0 }) { $0 - 1 }
      },
      Shape(body: "for (int i = lo; i < hi; i++) { if (i == 0) continue; s += a[i - 1]; }") { lo, hi, _ in
        touched(lo, hi, keep: { $0 != 0 }) { $0 - 1 }
      },
      Shape(body: "for (int i = lo; i < hi; i++) { double *p = i > 0 ? a + i - 1 : a; s += *p; }") { lo, hi, _ in
        touched(lo, hi) { $0 > 0 ? $0 - 1 : 0 }
      },
    ]
    for shape in shapes { try expectCovers(shape, narrowed: true) }
  }

  /// `MAX(is, 1)` of a `long` compares it with an `int` constant, which keeps its value widened:
  /// the loop starts at `max(1,is)` (it was null: "values that are not parameters"; `1L` was
  /// exact; Tests/Oracle/task-unseen10-needless-nulls.c).
  @Test func aLongMaximumWithAnIntConstantIsOneOfTheTwo() throws {
    for start in ["((is) > (1) ? (is) : (1))", "is > 1 ? is : 1"] {
      let source = """
        void task(double *v, long is, long ie) { for (long i = \(start); i <= ie; i++) v[i] = 1; }
        int main(void) { double v[16];
        #pragma dosc task
          task(v, 0, 9);
          return 0; }
        """
      let v = try Fixtures.analyze(source: source).0.task("task").param("v")
      #expect(v.first == .formula("max(1,is)") && v.count == .formula("ie-max(1,is)+1"), "\(start): \(v)")
    }
  }
}
