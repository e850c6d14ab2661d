import DoscManifest
import Testing

/// Index shapes that are no polynomial of the loop variable: `%`, `/` and `>>` by constants, a
/// neighbour's index chosen by a condition, a `min` spelled as a conditional (`BoundedValues`).
/// Each footprint is checked against every index C touches, computed here with C's own
/// arithmetic (Swift's `/` and `%` truncate like C's, `>>` shifts arithmetically), for bounds
/// of either sign (the figures hold for non-negative values of the parameters they mention:
/// SPEC-additions, section 1), and is stated where it used to be null.
@Suite struct BoundedIndexTests {
  private typealias Shape = FootprintCoverage.Shape

  private func footprint(_ body: String) throws -> Manifest.Parameter {
    let source = """
      void task(float *a, int lo, int hi, int n) {
        \(body)
      }
      int main(void) { float v[64] = {0};
      #pragma dosc task
        task(v + 32, 0, 8, 4);
        return 0; }
      """
    return try Fixtures.analyze(source: source).0.task("task").param("a")
  }

  /// The footprint is stated, and covers every index touched wherever the parameters it
  /// mentions are not negative.
  private func expectCovers(_ shape: Shape, mayBeNull: Bool = false) throws {
    let a = try footprint(shape.body)
    if mayBeNull && (a.first == .unknown || a.count == .unknown) { return }
    #expect(a.first != .unknown && a.count != .unknown, "\(shape.body): null")
    try FootprintCoverage.expectCovers(a, of: shape.body, lo: -9...9, hi: -9...12, n: -3...5, touched: shape.touched)
  }

  private func indices(_ lo: Int, _ hi: Int, _ index: (Int) -> Int) -> [Int] {
    lo < hi ? (lo..<hi).map(index) : []
  }

  @Test func remaindersQuotientsAndShiftsByConstantsCoverEveryIndex() throws {
    let shapes = [
      Shape(body: "for (int i = lo; i < hi; i++) a[i % 4] = 1;") { lo, hi, _ in indices(lo, hi) { $0 % 4 } },
      Shape(body: "for (int i = lo; i < hi; i++) a[i % -3 + 5] = 1;") { lo, hi, _ in
        indices(lo, hi) { $0 % -3 + 5 }
      },
      Shape(body: "for (int i = lo; i < hi; i++) a[n % 3 + i] = 1;") { lo, hi, n in indices(lo, hi) { n % 3 + $0 } },
      Shape(body: "for (int i = lo; i < hi; i++) a[i / 2] = 1;") { lo, hi, _ in indices(lo, hi) { $0 / 2 } },
      Shape(body: "for (int i = lo; i < hi; i++) a[n - i / 3] = 1;") { lo, hi, n in indices(lo, hi) { n - $0 / 3 } },
      Shape(body: "for (int i = lo; i < hi; i++) a[i / -2] = 1;") { lo, hi, _ in indices(lo, hi) { $0 / -2 } },
      Shape(body: "for (int i = lo; i < hi; i++) a[i >> 1] = 1;") { lo, hi, _ in indices(lo, hi) { $0 >> 1 } },
      // Negative however lo is: `>>` rounds down where `/` truncates (-5 >> 1 is -3).
      Shape(body: "for (int i = lo; i < hi; i++) a[(i - 5) >> 1] = 1;") { lo, hi, _ in
        indices(lo, hi) { ($0 - 5) >> 1 }
      },
      Shape(body: "for (int i = lo; i < hi; i++) for (int j = 0; j < 6; j++) a[i * 2 + j % 2] = 1;") { lo, hi, _ in
        lo < hi ? (lo..<hi).flatMap { i in (0..<6).map { i * 2 + $0 % 2 } } : []
      },
    ]
    for shape in shapes { try expectCovers(shape) }
  }

  @Test func aRemainderOfALoopFromZeroIsExact() throws {
    let a = try footprint("for (int i = 0; i < hi; i++) a[i % 4] = 1;")
    #expect(a.first == .number(0) && a.count == .number(4))
    // Unsigned: never negative, whatever the operand.
    let u = try footprint("for (int i = lo; i < hi; i++) a[(unsigned)i % 8u] = 1;")
    #expect(u.first == .number(0) && u.count == .number(8))
    // A parameter no loop changes: exactly its remainder.
    #expect(try footprint("a[n % 4] = 1;").first == .formula("n-4*(n/4)"))
  }

  @Test func neighboursChosenByAConditionCoverBothArms() throws {
    // The arms' ends are `lo` and `i - n`: which is less depends on the loop variable, which no
    // check at the spawn covers, so the algebra's choice is not taken (null), never wrong.
    try expectCovers(
      Shape(body: "for (int i = lo; i < hi; i++) a[i == lo ? i : i - n] = 1;") { lo, hi, n in
        indices(lo, hi) { $0 == lo ? $0 : $0 - n }
      }, mayBeNull: true)
    try expectCovers(
      Shape(body: "for (int i = lo; i < hi; i++) { float *p = i > 0 ? a + i : a + i + n; p[0] = 1; }") {
        lo, hi, n in indices(lo, hi) { $0 > 0 ? $0 : $0 + n }
      })
    // hotspot's `N = (r == 0) ? c : c - cols`: the row above the block, none above row 0 (each
    // arm over the rows it runs at, `LoopGuards`: it was n*(lo-1), -n at lo = 0), no row below.
    let rows = try footprint(
      "for (int r = lo; r < hi; r++) for (int c = 0; c < n; c++) { int k = r * n + c; a[r == 0 ? k : k - n] += 1; }")
    #expect(rows.first == .formula("min(lo*n,n*(max(1,lo)-1))"))
    #expect(rows.count == .formula("max(hi*n-n-1,n*min(0,hi-1)+n-1)-min(lo*n,n*(max(1,lo)-1))+1"))
  }

  @Test func aMinimumSpelledAsAConditionalBoundsALoop() throws {
    let a = try footprint("for (int i = lo; i < (hi < n ? hi : n); i++) a[i] += 1;")
    #expect(a.first == .formula("lo") && a.count == .formula("-1*(lo-min(hi,n))"))
    try expectCovers(
      Shape(body: "for (int i = lo; i < (hi < n ? hi : n); i++) a[i] += 1;") { lo, hi, n in
        indices(lo, min(hi, n)) { $0 }
      })
  }
}

/// `abs`, a conditional between multiples, a remainder and a quotient by a parameter
/// (`BoundedValues`): stated, and covering every index C touches.
extension BoundedIndexTests {
  @Test func absoluteValuesRingsAndQuotientsByParametersCoverEveryIndex() throws {
    let shapes = [
      Shape(body: "for (int i = lo; i < hi; i++) a[__builtin_abs(i - n)] = 1;") { lo, hi, n in
        indices(lo, hi) { abs($0 - n) }
      },
      Shape(body: "for (int i = lo; i < hi; i++) a[n > 2 ? 2 * i : i] = 1;") { lo, hi, n in
        indices(lo, hi) { n > 2 ? 2 * $0 : $0 }
      },
      // C's `%` has the dividend's sign; by zero it is undefined (the loop then must not run).
      Shape(body: "for (int i = 0; i < hi; i++) a[(lo + i) % n] = 1;") { lo, hi, n in
        n == 0 ? [] : indices(0, hi) { (lo + $0) % n }
      },
      Shape(body: "for (int i = lo; i < hi; i++) a[i % n] = 1;") { lo, hi, n in n == 0 ? [] : indices(lo, hi) { $0 % n }
      },
      Shape(body: "if (n < 1) return; for (int i = lo; i < hi; i++) a[i / n] = 1;") { lo, hi, n in
        n < 1 ? [] : indices(lo, hi) { $0 / n }
      },
    ]
    for shape in shapes { try expectCovers(shape) }
  }

  @Test func absoluteValuesRingsAndQuotientsAreExactWhereTheRunIs() throws {
    let ring = try footprint("for (int i = 0; i < 3 * n; i++) a[(i + 2) % n] = 1;")
    #expect(ring.first == .number(0) && ring.count == .formula("n"))
    let quotient = try footprint("if (n < 1) return; for (int i = 0; i < hi; i++) a[i / n] = 1;")
    #expect(quotient.first == .number(0) && quotient.count == .formula("(hi-1)/n+1"))
    let wide = try footprint("for (int i = 0; i < hi; i++) a[n ? 2 * i : i] = 1;")
    #expect(wide.first == .number(0) && wide.count == .formula("2*hi-1"))
    let distance = try footprint("for (int i = 0; i < hi; i++) a[__builtin_abs(i - n)] = 1;")
    #expect(distance.first == .number(0) && distance.count == .formula("max(hi-n-1,n)+1"), "\(distance.count)")
  }
}
