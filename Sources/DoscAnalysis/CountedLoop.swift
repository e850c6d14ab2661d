import CSyntax
import DoscSupport
import SymbolicAlgebra

/// A loop whose variable runs over an arithmetic sequence with bounds the analysis can state:
/// `for (i = lower; i < upper; i += step)` and its `<=`, `!=`, `>`/`>=` (counting down) forms.
struct CountedLoop {
  var variable: String
  /// The smallest and largest values the variable takes inside the body.
  var first: Polynomial
  var last: Polynomial
  /// The positive distance between consecutive values.
  var step: Int
  /// True when the variable counts up from `first`, false when it counts down from `last`.
  var ascending: Bool

  /// The variable's value in the first iteration.
  var start: Polynomial { ascending ? first : last }
  /// 1 counting up, -1 counting down: `(i - start) * direction` is how far the loop has come.
  var direction: Polynomial { ascending ? .one : -.one }
  var tripCount: Polynomial
  var location: SourceLocation

  /// The loop whose first iteration runs before its first test (`do ... while`), with the
  /// step last in the body: as this loop, and once with the variable at its start when this
  /// loop would not run at all (then `last` < `first`, `tripCount` <= 0).
  var runningAtLeastOnce: CountedLoop {
    var loop = self
    loop.tripCount = .maximum(tripCount, .one)
    if ascending { loop.last = .maximum(last, first) } else { loop.first = .minimum(first, last) }
    return loop
  }

  /// `sum(body)` over the values the variable takes; nil without a closed form.
  func sum(_ body: Polynomial) -> Polynomial? {
    guard body.mentions(variable) else { return body * tripCount }
    if step == 1 { return Summation.sum(body, over: variable, from: first, to: last + 1) }
    // i = first + step*t for t in [0, trips)
    let counter = "\(variable)#t"
    let shifted = body.substituting(variable, with: first + Polynomial.variable(counter) * step)
    return Summation.sum(shifted, over: counter, from: .zero, to: tripCount)
  }

  /// The range an index range covers over all iterations; nil when an index is not affine in
  /// the loop variable.
  func widen(_ range: IndexRange) -> IndexRange? {
    guard let low = extreme(range.low, smallest: true), let high = extreme(range.high, smallest: false) else {
      return nil
    }
    return IndexRange(low: low, high: high)
  }

  private func extreme(_ value: Polynomial, smallest: Bool) -> Polynomial? {
    guard value.mentions(variable) else { return value }
    guard value.degree(in: variable) == 1 else { return nil }
    let slope = value.coefficients(of: variable)[1] ?? .zero
    let atFirst = value.substituting(variable, with: first)
    let atLast = value.substituting(variable, with: last)
    switch slope.signAssumingNonNegativeVariables {
    case .some(let sign) where sign >= 0: return smallest ? atFirst : atLast
    case .some: return smallest ? atLast : atFirst
    case nil: return smallest ? .minimum(atFirst, atLast) : .maximum(atFirst, atLast)
    }
  }
}
