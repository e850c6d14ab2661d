import DoscSupport
import SymbolicAlgebra

/// A count that is either a polynomial or beyond what the analysis can bound.
typealias Count = Polynomial?

func add(_ a: Count, _ b: Count) -> Count {
  guard let a, let b else { return nil }
  return a + b
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
  /// When the footprint's first and last elements are ones the code surely touches: whenever
  /// each of these figures is positive (the trip counts of the loops around the accesses, the
  /// extent of a `memcpy`). Nil once an access may not happen at all (in a branch, after a
  /// `return` or `break` that may be taken, in a loop that may stop sooner): the footprint is
  /// then only an upper bound, which may reach outside the task's array (the manifest's
  /// `exact_when`, which lets the runtime ship an exact footprint straight from memory).
  var attainedWhen: [Polynomial]? = []

  /// Some of these accesses may not happen: the footprint's ends are no longer sure.
  mutating func mayNotHappen() { attainedWhen = nil }

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
    attainedWhen = nil
    noteUnbounded(why)
  }

  /// Records `count` loads or stores touching `range`; a nil range cannot be bounded, for the
  /// reason `why`. `touchedIf`: the range is touched whole only when this is positive (a
  /// `memcpy`'s extent); nil: always.
  mutating func record(
    write: Bool, count: Count, range: IndexRange?, touchedIf extent: Polynomial? = nil,
    unboundedBecause why: @autoclosure () -> String
  ) {
    if let extent { attainedWhen?.append(extent) }
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
    attainedWhen = attainedWhen.flatMap { mine in other.attainedWhen.map { mine + $0 } }
    mergeWhereAndWhy(other)
  }

  /// Either this or `other` happens (the two arms of an `if`): an upper bound of both.
  mutating func merge(alternative other: ParameterAccess) {
    reads = maximumCount(reads, other.reads)
    writes = maximumCount(writes, other.writes)
    attainedWhen = nil
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
