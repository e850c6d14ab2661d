import SymbolicAlgebra

/// Index ranges of a pointer parameter every element of which the code surely stores whole,
/// on every path through it: the fact behind the manifest's `write_dense`. A task whose dense
/// ranges make up its whole written footprint stores every element of that footprint, so a
/// remote run can ship the footprint back whole, with no twin kept and no compare
/// (`Runtime/src/write_back.h`), and an `out`-only footprint need not be shipped in at all.
///
/// Strictly a lower bound of what is stored (the written footprint is an upper bound), built
/// from the simplest evidence only: a store of a whole arithmetic element at one index
/// (`v[i] = ...`, `v[i] += ...`), repeated by a counted loop of step 1 that surely runs every
/// iteration to its end, where the iterations' ranges tile with no gap. Anything that may not
/// run (a branch, an early `return`, a `break`, a loop that may stop sooner) keeps only what
/// every way through it stores (`ParameterAccess.mayNotHappen` drops the rest).
struct DenseStores: Hashable {
  /// Each range `[low, high]` is stored element by element; empty when `low > high`.
  var ranges: [IndexRange] = []

  /// These, and `other` too (code that runs after this code).
  mutating func add(_ other: DenseStores) {
    for range in other.ranges where !ranges.contains(range) { ranges.append(range) }
  }

  /// What both this and `other` store (either runs).
  func common(with other: DenseStores) -> DenseStores {
    DenseStores(ranges: ranges.filter(other.ranges.contains))
  }

  /// The ranges with every pair that abuts (`a.high + 1 == b.low`) joined into one. The union
  /// of `[a, b]` and `[b + 1, c]` is `[min(a, b + 1), max(b, c)]` whichever of them is empty;
  /// a symbolic `min`/`max` decided by an assumption picks one of its two arguments, so the
  /// range it gives lies inside the union: never more than is stored.
  var joined: DenseStores {
    var result = ranges
    var changed = true
    while changed {
      changed = false
      search: for a in result.indices {
        for b in result.indices where a != b && result[a].high + 1 == result[b].low {
          let union = IndexRange(
            low: .minimum(result[a].low, result[b].low), high: .maximum(result[a].high, result[b].high))
          let (first, second) = (min(a, b), max(a, b))
          result.remove(at: second)
          result[first] = union
          changed = true
          break search
        }
      }
    }
    return DenseStores(ranges: result)
  }

  /// What running this code once per iteration of `loop` stores densely, when every iteration
  /// runs whole (the caller drops the result otherwise). Only a loop of step 1 counts: it takes
  /// exactly the values `first ... last` (none when `first > last`). A range that does not move
  /// with the loop's variable is dropped (the loop may run zero times); one that moves is kept
  /// when the iterations' ranges tile: each `[a(i), b(i)]` with `a` and `b` affine in the variable
  /// with the same constant slope `s`, and `b - a + 1 == |s|` a positive constant `w`. The union
  /// over the iterations is then `[a(first), b(last)]` (`[a(last), b(first)]` for a negative
  /// slope), empty exactly when no iteration runs or each range is empty.
  func repeated(over loop: CountedLoop) -> DenseStores {
    guard loop.step == 1 else { return DenseStores() }
    let variable = loop.variable
    var result: [IndexRange] = []
    for range in joined.ranges where range.low.mentions(variable) || range.high.mentions(variable) {
      guard range.low.degree(in: variable) == 1, range.high.degree(in: variable) == 1,
        let slope = range.low.coefficients(of: variable)[1]?.integerValue,
        range.high.coefficients(of: variable)[1]?.integerValue == slope,
        let width = (range.high - range.low + 1).integerValue, width >= 1, abs(slope) == width
      else { continue }
      result.append(
        slope > 0
          ? IndexRange(
            low: range.low.substituting(variable, with: loop.first),
            high: range.high.substituting(variable, with: loop.last))
          : IndexRange(
            low: range.low.substituting(variable, with: loop.last),
            high: range.high.substituting(variable, with: loop.first)))
    }
    return DenseStores(ranges: result)
  }

  /// Whether every element of `range` (a written footprint) is stored: one joined range is it.
  func covers(_ range: IndexRange) -> Bool {
    joined.ranges.contains(range)
  }
}
