import DoscSupport
import SymbolicAlgebra

/// A count that is either a polynomial or beyond what the analysis can bound.
typealias Count = Polynomial?

/// Counts of code run one after the other. A count alone may be negative where its loop does
/// not run (`for (i = k; i < 0; i++)` sums to -k trips for k > 0), which its readers take as
/// none (`CountClamps`); added to another it would take from that one (`1 - k` stores where 1
/// is made), so a summand that may be negative counts as no fewer than none: `max(x, 0)`,
/// assuming nothing of the signs of the variables here, which may be a loop's. The loop (or the
/// function) around proves such clamps away where its facts make `x` never negative.
func add(_ a: Count, _ b: Count) -> Count {
  guard let a, let b else { return nil }
  if a.isZero { return b }
  if b.isZero { return a }
  return a.clampedAtZero + b.clampedAtZero
}

/// The range of element indices `[low, high]` one access (or one group of accesses) touches.
struct IndexRange: Hashable {
  var low: Polynomial
  var high: Polynomial
}

/// What one function body does to one of its pointer parameters.
struct ParameterAccess: Hashable {
  var reads: Count = .zero
  var writes: Count = .zero
  var isRead = false
  var isWritten = false
  /// Index ranges touched; nil once any access could not be bounded.
  var ranges: [IndexRange]? = []
  /// The part of `ranges` stores touch; nil once any store could not be bounded.
  var writeRanges: [IndexRange]? = []
  /// Why the figures are unbounded, for the manifest's reasons.
  var unboundedBecause: [String] = []
  /// The accesses that surely happen (`SureAccesses`).
  var sure = SureAccesses()
  /// The ranges every element of which is surely stored (`DenseStores`).
  var dense = DenseStores()

  /// Some of these accesses may not happen: none of them is sure any more.
  mutating func mayNotHappen() {
    sure = SureAccesses()
    dense = DenseStores()
  }

  /// Records why the figures cannot be bounded (once per reason).
  mutating func noteUnbounded(_ why: String) {
    if !unboundedBecause.contains(why) { unboundedBecause.append(why) }
  }

  /// Code dosc cannot follow may read (and write) anything reachable from the parameter.
  mutating func becomeUnbounded(reading: Bool, writing: Bool, because why: String) {
    isRead = isRead || reading
    isWritten = isWritten || writing
    reads = nil
    writes = nil
    ranges = nil
    if writing { writeRanges = nil }
    mayNotHappen()
    noteUnbounded(why)
  }

  /// Records `count` loads or stores touching `range`; a nil range cannot be bounded, for the
  /// reason `why`. `touchedIf`: the range is touched whole only when this is positive (a
  /// `memcpy`'s extent); nil: always. `wholeScalar`: a store of one whole scalar of the element;
  /// `storedWhole`: every element of `range` is stored whole, as `memset` and `memcpy` store
  /// their destination, none where the range is empty (`DenseStores`). `covering`: the range
  /// only covers the elements touched (an index that is a bounded value, `BoundedValues`), so
  /// none of it is sure, nor stored densely.
  mutating func record(
    write: Bool, count: Count, range: IndexRange?, covering: Bool = false, touchedIf extent: Polynomial? = nil,
    wholeScalar: DenseStores.Scalar? = nil, storedWhole: Bool = false,
    unboundedBecause why: @autoclosure () -> String
  ) {
    if let range, !covering { sure.add(SureAccesses(ranges: [range], when: extent.map { [$0] } ?? [])) }
    if let range, !covering, write, let wholeScalar, extent == nil, range.low == range.high {
      dense.add(DenseStores(storing: wholeScalar, inElement: range.low))
    }
    if let range, !covering, write, storedWhole { dense.add(DenseStores(storingEvery: range)) }
    if write {
      isWritten = true
      writes = add(writes, count)
    } else {
      isRead = true
      reads = add(reads, count)
    }
    ranges = unionRanges(ranges, range.map { [$0] })
    if write { writeRanges = unionRanges(writeRanges, range.map { [$0] }) }
    if range == nil { noteUnbounded(why()) }
  }

  /// This, then `other`: the counts add up.
  mutating func merge(sequential other: ParameterAccess) {
    reads = add(reads, other.reads)
    writes = add(writes, other.writes)
    sure.add(other.sure)
    dense.add(other.dense)
    mergeWhereAndWhy(other)
  }

  /// Either this or `other` happens (the two arms of an `if`): an upper bound of both.
  mutating func merge(alternative other: ParameterAccess) {
    reads = maximumCount(reads, other.reads)
    writes = maximumCount(writes, other.writes)
    sure = sure.common(with: other.sure)
    dense = dense.common(with: other.dense)
    mergeWhereAndWhy(other)
  }

  /// Whichever way two pieces of code combine, what they touch is the union.
  private mutating func mergeWhereAndWhy(_ other: ParameterAccess) {
    isRead = isRead || other.isRead
    isWritten = isWritten || other.isWritten
    ranges = unionRanges(ranges, other.ranges)
    writeRanges = unionRanges(writeRanges, other.writeRanges)
    unboundedBecause += other.unboundedBecause.filter { !unboundedBecause.contains($0) }
  }

  /// The smallest single range covering every access; nil if unbounded or empty.
  var footprint: IndexRange? { cover(ranges) }

  /// The smallest single range covering every store; nil if unbounded or empty.
  var writtenFootprint: IndexRange? { cover(writeRanges) }

  /// The smallest single range covering the sure accesses; nil if there are none.
  var sureFootprint: IndexRange? { ranges == nil ? nil : cover(sure.ranges) }

  /// Applies `transform` to every range, accessed and written; a range it cannot state
  /// (nil) makes the list unbounded.
  func mappingRanges(_ transform: (IndexRange) -> IndexRange?) -> (all: [IndexRange]?, written: [IndexRange]?) {
    func map(_ list: [IndexRange]?) -> [IndexRange]? {
      guard let list else { return nil }
      let mapped = list.map(transform)
      return mapped.contains(where: { $0 == nil }) ? nil : mapped.map { $0! }
    }
    return (map(ranges), map(writeRanges))
  }
}

/// Index ranges that surely happen, each touched at its first and last index, whenever every
/// figure of `when` is positive (the trip counts of the loops around them, a `memcpy`'s
/// extent). Code that may not run (a branch, what a `return`, `break` or `continue` that may be
/// taken skips, a loop that may stop sooner) adds nothing. Their cover lies inside the task's
/// array, since the task touches both its ends; where it is the whole footprint, the footprint
/// is exact, and elsewhere only an upper bound that may reach past the array (the manifest's
/// `touched_first`/`touched_count`/`touched_when`: a remote run reads past them without faults).
struct SureAccesses: Hashable {
  var ranges: [IndexRange] = []
  var when: [Polynomial] = []

  /// These, and `other` too.
  mutating func add(_ other: SureAccesses) {
    for range in other.ranges where !ranges.contains(range) { ranges.append(range) }
    for figure in other.when where !when.contains(figure) { when.append(figure) }
  }

  /// What is sure whichever of these and `other` happens: the ranges both have, under the
  /// conditions of both.
  func common(with other: SureAccesses) -> SureAccesses {
    let both = ranges.filter(other.ranges.contains)
    guard !both.isEmpty else { return SureAccesses() }
    var result = SureAccesses(ranges: both, when: [])
    result.add(SureAccesses(ranges: [], when: when + other.when))
    return result
  }

  /// The same accesses with each index range transformed (a loop's widening, a call's
  /// translation), under the conditions `conditions`; none when a range or a condition cannot
  /// be stated.
  func mapping(_ transform: (IndexRange) -> IndexRange?, when conditions: [Polynomial?]) -> SureAccesses {
    let mapped = ranges.map(transform)
    guard !mapped.contains(where: { $0 == nil }), !conditions.contains(where: { $0 == nil }) else {
      return SureAccesses()
    }
    var result = SureAccesses()
    result.add(SureAccesses(ranges: mapped.map { $0! }, when: conditions.map { $0! }))
    return result
  }
}

private func cover(_ ranges: [IndexRange]?) -> IndexRange? {
  guard let ranges, let first = ranges.first else { return nil }
  return ranges.dropFirst().reduce(first) {
    IndexRange(low: .minimum($0.low, $1.low), high: .maximum($0.high, $1.high))
  }
}

func maximumCount(_ a: Count, _ b: Count) -> Count {
  guard let a, let b else { return nil }
  return .maximum(a, b)
}

private func unionRanges(_ a: [IndexRange]?, _ b: [IndexRange]?) -> [IndexRange]? {
  guard let a, let b else { return nil }
  var result = a
  for range in b where !result.contains(range) { result.append(range) }
  return result
}
