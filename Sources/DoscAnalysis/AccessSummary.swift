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
    noteUnbounded(why)
  }

  /// Records `count` loads or stores touching `range`; a nil range cannot be bounded, for the
  /// reason `why`.
  mutating func record(write: Bool, count: Count, range: IndexRange?, unboundedBecause why: @autoclosure () -> String) {
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

  mutating func merge(sequential other: ParameterAccess) {
    reads = add(reads, other.reads)
    writes = add(writes, other.writes)
    isRead = isRead || other.isRead
    isWritten = isWritten || other.isWritten
    ranges = unionRanges(ranges, other.ranges)
    writeRanges = unionRanges(writeRanges, other.writeRanges)
    unboundedBecause += other.unboundedBecause.filter { !unboundedBecause.contains($0) }
  }

  /// Either this or `other` happens (the two arms of an `if`): an upper bound of both.
  mutating func merge(alternative other: ParameterAccess) {
    reads = maximumCount(reads, other.reads)
    writes = maximumCount(writes, other.writes)
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

private func maximumCount(_ a: Count, _ b: Count) -> Count {
  guard let a, let b else { return nil }
  return .maximum(a, b)
}

private func unionRanges(_ a: [IndexRange]?, _ b: [IndexRange]?) -> [IndexRange]? {
  guard let a, let b else { return nil }
  var result = a
  for range in b where !result.contains(range) { result.append(range) }
  return result
}

/// A located reason why a task cannot run on another node.
struct Reason: Hashable {
  var location: SourceLocation
  var message: String
  var text: String { "\(location.withBaseName): \(message)" }
}

/// What executing a piece of code does, in the current iteration of the loops around it.
struct AccessSummary {
  var parameters: [Int: ParameterAccess] = [:]
  var work: Count = .zero
  var reasons: [Reason] = []
  var isRecursive = false
  /// Work of the code outside recursive calls, for recursive tasks.
  var unboundedWorkBecause: [String] = []
  /// Of a whole function (set by `FunctionAnalyzer.run`): the scalar parameters it never
  /// changes, the only names a task's figures may be stated in.
  var unchangedScalarParameters: Set<String> = []

  mutating func addWork(_ amount: Int) { work = add(work, Polynomial(amount)) }

  mutating func addReason(_ message: String, at location: SourceLocation) {
    let reason = Reason(location: location, message: message)
    if !reasons.contains(reason) { reasons.append(reason) }
  }

  mutating func merge(sequential other: AccessSummary) {
    for (index, access) in other.parameters { parameters[index, default: ParameterAccess()].merge(sequential: access) }
    work = add(work, other.work)
    for reason in other.reasons where !reasons.contains(reason) { reasons.append(reason) }
    isRecursive = isRecursive || other.isRecursive
    unboundedWorkBecause += other.unboundedWorkBecause.filter { !unboundedWorkBecause.contains($0) }
  }

  mutating func merge(alternative other: AccessSummary) {
    for (index, access) in other.parameters {
      if parameters[index] == nil {
        // Not touched in this arm: the other arm's counts are already an upper bound.
        parameters[index] = access
      } else {
        parameters[index]!.merge(alternative: access)
      }
    }
    work = maximumCount(work, other.work)
    for reason in other.reasons where !reasons.contains(reason) { reasons.append(reason) }
    isRecursive = isRecursive || other.isRecursive
    unboundedWorkBecause += other.unboundedWorkBecause.filter { !unboundedWorkBecause.contains($0) }
  }

  /// The summary of running this code once per iteration of `loop`: counts summed over the
  /// iterations, index ranges widened to every value the loop variable takes.
  func repeated(over loop: CountedLoop) -> AccessSummary {
    var result = self
    result.work = work.flatMap { loop.sum($0) }
    if work != nil && result.work == nil {
      result.unboundedWorkBecause.append("the work of the loop at \(loop.location.withBaseName) has no closed form")
    }
    for (index, access) in parameters {
      var repeated = access
      repeated.reads = access.reads.flatMap { loop.sum($0) }
      repeated.writes = access.writes.flatMap { loop.sum($0) }
      (repeated.ranges, repeated.writeRanges) = access.mappingRanges { loop.widen($0) }
      if access.ranges != nil && repeated.ranges == nil {
        repeated.noteUnbounded(
          "an index is not affine in the variable '\(loop.variable)' of the loop at \(loop.location.withBaseName)")
      }
      result.parameters[index] = repeated
    }
    return result
  }

  /// The summary of code run an unknown number of times (a `while` loop, say).
  func repeatedUnboundedly(because why: String) -> AccessSummary {
    var result = self
    if let work, !work.isZero {
      result.work = nil
      result.unboundedWorkBecause.append(why)
    }
    for (index, access) in parameters {
      var repeated = access
      if access.reads != .zero { repeated.reads = nil }
      if access.writes != .zero { repeated.writes = nil }
      if !(access.reads == .zero && access.writes == .zero) { repeated.noteUnbounded(why) }
      result.parameters[index] = repeated
    }
    return result
  }
}
