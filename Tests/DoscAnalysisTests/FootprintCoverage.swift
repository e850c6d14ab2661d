import DoscManifest
import Testing

/// A footprint in the parameters `lo`, `hi` and `n` checked against the indices C touches.
enum FootprintCoverage {
  /// A function body over `a`, and the indices it touches.
  struct Shape {
    var body: String
    /// The indices one invocation touches, in C's arithmetic.
    var touched: (_ lo: Int, _ hi: Int, _ n: Int) -> [Int]
  }

  /// Expects `footprint` to cover every index `touched(lo, hi, n)` gives, for each combination
  /// of the ranges' values where the parameters it mentions are not negative (the figures hold
  /// only there: SPEC-additions, section 1). `what` names the code in messages.
  static func expectCovers(
    _ footprint: Manifest.Parameter, of what: String, lo los: ClosedRange<Int>, hi his: ClosedRange<Int>,
    n ns: ClosedRange<Int>, touched: (_ lo: Int, _ hi: Int, _ n: Int) -> [Int]
  ) throws {
    let mentioned = [footprint.first, footprint.count].flatMap { $0.polynomial?.variables ?? [] }
    for lo in los {
      for hi in his {
        for n in ns {
          let values = ["lo": lo, "hi": hi, "n": n]
          guard !mentioned.contains(where: { values[$0]! < 0 }) else { continue }
          let indices = touched(lo, hi, n)
          guard let low = indices.min(), let high = indices.max() else { continue }
          let first = try footprint.first.value(values)
          let count = try footprint.count.value(values)
          #expect(
            first <= low && high < first + count,
            "\(what) at lo=\(lo) hi=\(hi) n=\(n): touches [\(low), \(high)], footprint [\(first), +\(count))")
        }
      }
    }
  }
}
