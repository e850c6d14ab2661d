import CSyntax
import DoscSupport
import SymbolicAlgebra

/// A loop whose variable runs over an arithmetic sequence with bounds the analysis can state:
/// `for (i = lower; i < upper; i += step)` and its `<=`, `!=`, `>`/`>=` (counting down) forms.
struct CountedLoop {
  /// The symbol of the variable's values in the loop: its name, `renamedFrom#loop` or
  /// `renamedFrom#from`.
  var variable: String
  /// The C name of a variable whose name stands for another value in figures: a parameter
  /// counted down from its value at the call (`while (n-- > 0)`, `isCountedParameter`), or one
  /// whose values are counted from their least (`origin`).
  var renamedFrom: String? = nil
  /// Set for a variable that may be negative, whose symbol counts the distance of its value
  /// from its least one, `origin` (`countedFromLeast`): the C name holds `origin + variable`.
  var origin: Polynomial? = nil
  /// The smallest and largest values the variable takes inside the body.
  var first: Polynomial
  var last: Polynomial
  /// The positive distance between consecutive values: a constant, or a parameter's value
  /// (`i += stride`, `FunctionAnalyzer.stepParameter`).
  var step: Polynomial
  /// True when the variable counts up from `first`, false when it counts down from `last`.
  var ascending: Bool

  /// The variable's value in the first iteration.
  var start: Polynomial { ascending ? first : last }
  /// 1 counting up, -1 counting down: `(i - start) * direction` is how far the loop has come.
  var direction: Polynomial { ascending ? .one : -.one }
  var tripCount: Polynomial
  var location: SourceLocation
  /// A value the last one is surely at or past when the loop runs (`bound - step` for
  /// `i < bound`); nil when not known.
  var lastAtLeast: Polynomial? = nil
  /// A value no larger than any the variable takes inside the body, where `first` may not
  /// show it (a loop counting down by 2 to `i >= lo`: its values are at least `lo`); nil: `first`.
  var valuesAtLeast: Polynomial? = nil
  /// Set for a pointer variable walked over the memory of pointer parameter number
  /// `pointerInto`: its values are offsets into it, in elements (`PointerWalks`).
  var pointerInto: Int? = nil
  /// Set for a variable multiplied (divided) by this constant each iteration (`s *= 2`,
  /// `m /= 2`, `CountedLoopScaling`): its values lie in `[first, last]` but are no arithmetic
  /// sequence, `tripCount` is an upper bound, and the end it counts toward (`last` counting up,
  /// `first` counting down) need not be reached: none of its accesses is sure, nor dense.
  var scaling: LoopScaling? = nil
  /// Which conjunct of the loop's condition is the counting test: the ones before it are also
  /// evaluated once more at the exit, past the last value (`a[i] < r && i < n` reads `a[n]`).
  var testPosition = 0
  /// Whether the test compares an unsigned variable: a value below 0 in figures is one near
  /// 2^N in C, which no distance from a least value names (`countedFromLeast`).
  var isUnsigned = false
  /// Whether the loops open around this one have values at which its trip count is negative
  /// (it does not run there), as far as their facts show (`summedInEnclosingLoops`).
  var emptyAtSomeEnclosingValues = false

  /// The C name of the variable.
  var name: String { renamedFrom ?? variable }
  /// Whether the loop counts down a parameter from its value at the call (`isCountedParameter`):
  /// its name in figures is that value, its symbol in the loop another.
  var countsParameter: Bool { renamedFrom != nil && origin == nil }
  /// The value the C name holds in the body, in the loop's symbol.
  var valueOfName: Polynomial { (origin ?? .zero) + .variable(variable) }

  /// The values the C name may hold once the loop is left: its start (no iteration), one step
  /// past its last value (the test failed), or any value in between (another conjunct failed,
  /// a `break`).
  var exitRange: IndexRange {
    if let scaling { return scaling.exitRange(of: self) }
    let origin = origin ?? .zero
    return ascending
      ? IndexRange(low: origin + start, high: origin + .maximum(start, last + step))
      : IndexRange(low: origin + .minimum(start, first - step), high: origin + start)
  }

  /// This loop with its variable's values counted from the least, `first`: `k` from `-r` is
  /// `-r + k#from` in the body, its symbol from 0 to `last - first`, never negative, as the
  /// figures' algebra takes every symbol to be (`for (k = -r; k <= r; k++) a[k + r]` touches
  /// `a[k#from]`, exact). `first` is the least value whenever the loop runs, and where it does
  /// not no value is named. Nil where the values are no arithmetic sequence from `first`
  /// (`scaling`), are a pointer's offsets or unsigned, or are already renamed.
  var countedFromLeast: CountedLoop? {
    guard scaling == nil, pointerInto == nil, renamedFrom == nil, !isUnsigned else { return nil }
    var loop = self
    loop.variable = variable + "#from"
    loop.renamedFrom = variable
    loop.origin = first
    loop.first = .zero
    loop.last = last - first
    loop.lastAtLeast = lastAtLeast.map { $0 - first }
    loop.valuesAtLeast = nil
    return loop
  }

  /// `value` with this loop's symbol written as what it counts, for C code where the variable
  /// is in scope: `i - origin` for a variable counted from its least; `value` for others.
  func inCNames(_ value: Polynomial) -> Polynomial {
    guard let origin, let renamedFrom else { return value }
    return value.substituting(variable, with: .variable(renamedFrom) - origin)
  }

  /// The loop whose first iteration runs before its first test (`do ... while`), with the
  /// step last in the body: as this loop, and once with the variable at its start when this
  /// loop would not run at all (then `last` < `first`, `tripCount` <= 0).
  var runningAtLeastOnce: CountedLoop {
    var loop = self
    loop.tripCount = .maximum(tripCount, .one)
    // The first iteration runs untested, with the variable at its start.
    loop.valuesAtLeast = valuesAtLeast.map { .minimum($0, start) }
    if ascending { loop.last = .maximum(last, first) } else { loop.first = .minimum(first, last) }
    return loop
  }

  /// `sum(body)` over the values the variable takes; nil without a closed form.
  func sum(_ body: Polynomial) -> Polynomial? {
    if let scaling { return scaling.sum(body, over: self) }
    if let exact = exactSum(body) { return exact }
    // An inner tile's trip count `min(ii + B, hi) - ii` has no closed sum over `ii`; at most B.
    let bounded = upperBoundWithoutExtrema(body)
    return bounded == body ? nil : exactSum(bounded)
  }

  private func exactSum(_ body: Polynomial) -> Polynomial? {
    guard body.mentions(variable) else { return body * tripCount }
    if step == .one {
      // A clamp of the variable that stays (`max(i - 1, 0)` for i from 0, `CountClamps`) is
      // summed apart, split where its value changes sign.
      var unclamped = Polynomial.zero
      var clampSums = Polynomial.zero
      for (monomial, coefficient) in body.terms {
        guard let (clamped, rest) = clampOfVariable(in: monomial) else {
          unclamped += Polynomial(terms: [monomial: coefficient])
          continue
        }
        // `max(c * (i - k), 0)` is `c * max(i - k, 0)` for a constant c > 0.
        let slope = clamped.coefficients(of: variable)[1]?.integerValue.map(abs) ?? 1
        let scaled = slope > 1 ? clamped * Rational(1, slope) : clamped
        let factor = Polynomial(terms: [rest: coefficient])
        guard slope == 1 || scaled.terms.values.allSatisfy(\.isInteger) else { return nil }
        let sum: Polynomial?
        if factor.mentions(variable) {
          sum = Summation.sumOfPositivePart(scaled, times: factor, over: variable, from: first, to: last + 1)
        } else {
          sum = Summation.sumOfPositivePart(scaled, over: variable, from: first, to: last + 1).map { factor * $0 }
        }
        guard let sum else { return nil }
        clampSums += sum * slope
      }
      return Summation.sum(unclamped, over: variable, from: first, to: last + 1).map { $0 + clampSums }
    }
    // i = first + step*t for t in [0, trips)
    let counter = "\(variable)#t"
    let shifted = body.substituting(variable, with: first + Polynomial.variable(counter) * step)
    return Summation.sum(shifted, over: counter, from: .zero, to: tripCount)
  }

  /// The clamped value and the other factors of a term `rest * max(x, 0)` in which only the
  /// clamp mentions the variable, once, but for powers of the variable itself (`k * max(m - k,
  /// 0)`); nil for any other.
  private func clampOfVariable(in monomial: Monomial) -> (Polynomial, Monomial)? {
    let mentioning = monomial.factors.filter {
      $0.atom.variables.contains(variable) && $0.atom != .variable(variable)
    }
    guard mentioning.count == 1, let factor = mentioning.first, factor.exponent == 1,
      let clamped = factor.atom.clamped, let rest = monomial.dividing(by: Monomial(factor.atom))
    else { return nil }
    return (clamped, rest)
  }

  /// `body` with each `min` of the variable that counts positively replaced by an operand (no
  /// smaller), and each `max` that counts negatively likewise, inside a clamp that counts
  /// positively too (`CountClamps`): an upper bound, the same where there is none. The operand
  /// kept is one that mentions the variable, whose sum cancels with the rest (`min(ii + B, hi)
  /// - ii` is at most `B`).
  private func upperBoundWithoutExtrema(_ body: Polynomial) -> Polynomial {
    var result = Polynomial.zero
    for (monomial, coefficient) in body.terms {
      let term = Polynomial(terms: [monomial: coefficient])
      let mentioning = monomial.factors.filter { $0.atom.variables.contains(variable) }
      guard mentioning.count == 1, let factor = mentioning.first, factor.exponent == 1,
        let rest = monomial.dividing(by: Monomial(factor.atom)),
        let sign = Polynomial(terms: [rest: coefficient]).signAssumingNonNegativeVariables
      else {
        result += term
        continue
      }
      if sign > 0, let clamped = factor.atom.clamped {
        // A clamp grows with what it clamps: `max(0, min(ii + B, hi) - ii)` is at most `max(0, B)`.
        result += Polynomial(terms: [rest: coefficient]) * upperBoundWithoutExtrema(clamped).clampedAtZero
        continue
      }
      let operands: (Polynomial, Polynomial)?
      switch factor.atom {
      case .minimum(let a, let b) where sign > 0: operands = (a, b)
      case .maximum(let a, let b) where sign < 0: operands = (a, b)
      default: operands = nil
      }
      guard let (a, b) = operands else {
        result += term
        continue
      }
      let kept = a.mentions(variable) && a.degree(in: variable) >= 0 ? a : b
      result += Polynomial(terms: [rest: coefficient]) * kept
    }
    return result
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
    guard value.degree(in: variable) == 1 else {
      // `i / 2`, `min(ii + B, hi)`, `n * max(0, i - 1)`: a value that only grows (or only
      // shrinks) with the variable is smallest and largest at the loop's ends.
      guard let direction = value.direction(in: variable) else { return nil }
      return (direction >= 0) == smallest ? value.substituting(variable, with: first) : valueAtLast(value)
    }
    let slope = value.coefficients(of: variable)[1] ?? .zero
    let atFirst = valueAtEnd(value, first)
    let atLast = valueAtEnd(value, last)
    switch slope.signAssumingNonNegativeVariables {
    case .some(let sign) where sign >= 0: return smallest ? atFirst : atLast
    case .some: return smallest ? atLast : atFirst
    case nil: return smallest ? .minimum(atFirst, atLast) : .maximum(atFirst, atLast)
    }
  }

  /// `value`, affine in the variable, at `end`. An end that is one `max` or `min` (a guarded
  /// end, `LoopGuards`: `max(0, r - j)` for `j + k >= 0` with k from -r) is taken inside it, for
  /// a constant slope c: `c * max(a, b) + rest` is `max(c * a + rest, c * b + rest)` for c > 0
  /// (`min` for c < 0), which moves as its operands do in an outer loop's variable
  /// (`j - r + max(0, r - j)` is `max(j - r, 0)`, never falling as `j` rises). Only where the
  /// rest of `value` shares a variable with the end, which may cancel; elsewhere the plain form
  /// compares better with other ends (`min(hi - 1, n - 2) + 1`).
  private func valueAtEnd(_ value: Polynomial, _ end: Polynomial) -> Polynomial {
    let plain = value.substituting(variable, with: end)
    let rest = value.substituting(variable, with: .zero)
    guard !rest.variables.isDisjoint(with: end.variables),
      let slope = value.coefficients(of: variable)[1]?.integerValue, slope != 0, end.terms.count == 1,
      let (monomial, coefficient) = end.terms.first, coefficient == .one, monomial.factors.count == 1,
      let factor = monomial.factors.first, factor.exponent == 1
    else { return plain }
    let at = { (operand: Polynomial) in value.substituting(self.variable, with: operand) }
    switch factor.atom {
    case .maximum(let a, let b): return slope > 0 ? .maximum(at(a), at(b)) : .minimum(at(a), at(b))
    case .minimum(let a, let b): return slope > 0 ? .minimum(at(a), at(b)) : .maximum(at(a), at(b))
    default: return plain
    }
  }

  /// `value` at the variable's last value. In a tiled loop (`for (ii = lo; ii < hi; ii += B)`)
  /// the last tile's end `min(ii + B, hi)` is `hi`: the loop's last value is at least
  /// `lastAtLeast` (hi - B) when it runs, where `ii + B` is already at least `hi`.
  private func valueAtLast(_ value: Polynomial) -> Polynomial {
    guard let lastAtLeast else { return value.substituting(variable, with: last) }
    return value.mappingAtoms { atom in
      var atLast = Polynomial(atom: atom).substituting(variable, with: last)
      if case .minimum(let a, let b) = atom {
        // Only where `growing` rises with the variable by a constant: a slope like `n` is
        // taken to be positive, and `fixed` alone would drop `n` from the figure, and with it
        // the check that keeps a spawn with a negative `n` at home.
        for (growing, fixed) in [(a, b), (b, a)]
        where !fixed.mentions(variable) && growing.degree(in: variable) == 1
          && (growing.coefficients(of: variable)[1]?.integerValue ?? 0) > 0
        {
          let margin = growing.substituting(variable, with: lastAtLeast) - fixed
          if let constant = margin.constantValue, constant >= .zero { atLast = fixed }
        }
      }
      return atLast
    }
  }
}
