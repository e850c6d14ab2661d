import CSyntax
import SymbolicAlgebra

/// Index values that are not one polynomial but lie in a range the analysis can state: the
/// remainder `i % 4`, the arms of `y == 0 ? c : c - nx`, a shift `i >> 1` of a value that may be
/// negative. Such a value is a fresh symbol (`#in0`, a name no C variable has, so no figure
/// that still mentions it is ever stated) whose bounds `boundedValues` keeps; where an index
/// becomes a range of elements (`indexRange(of:)`), the symbol is replaced by the bound that
/// makes the range widest. The range then covers what is touched but its ends need not be
/// touched, so it is never a sure access nor a dense store.
extension FunctionAnalyzer {
  /// A value somewhere in `[low, high]`; unknown where no symbol may be made: in the loop walk
  /// of a spawning function, whose loop figures become C in that function.
  func boundedValue(low: Polynomial, high: Polynomial) -> Value {
    if case .loopsOnly = mode { return .unknownScalar }
    if low == high { return .scalar(low) }
    let symbol = "#in\(boundedValues.count)"
    boundedValues[symbol] = IndexRange(low: low, high: high)
    return .scalar(.variable(symbol))
  }

  /// The elements an index touches, and whether it is one index (exact) rather than a range
  /// that covers the ones it may be. Nil when a bounded value enters it other than linearly
  /// with a coefficient of known sign.
  func indexRange(of index: Polynomial) -> (range: IndexRange, exact: Bool)? {
    let symbols = index.variables.filter { boundedValues[$0] != nil }.sorted()
    guard !symbols.isEmpty else { return (IndexRange(low: index, high: index), true) }
    guard let low = extreme(of: index, over: symbols, smallest: true),
      let high = extreme(of: index, over: symbols, smallest: false)
    else { return nil }
    return (IndexRange(low: low, high: high), false)
  }

  /// The smallest (largest) value of `value` as each bounded symbol of `symbols` takes any
  /// value in its range (bounds mention no symbol: `boundedValue`'s callers resolve them first).
  private func extreme(of value: Polynomial, over symbols: [String], smallest: Bool) -> Polynomial? {
    var result = value
    for symbol in symbols {
      guard let bounds = boundedValues[symbol] else { return nil }
      switch result.degree(in: symbol) {
      case 0: continue
      case 1: break
      default: return nil
      }
      let slope = result.coefficients(of: symbol)[1] ?? .zero
      guard !slope.variables.contains(where: { boundedValues[$0] != nil }),
        let sign = slope.signAssumingNonNegativeVariables
      else { return nil }
      result = result.substituting(symbol, with: (sign >= 0) == smallest ? bounds.low : bounds.high)
    }
    return result
  }

  /// The range of values a polynomial may take: its bounded symbols at their bounds.
  private func valueRange(_ value: Polynomial) -> IndexRange? { indexRange(of: value)?.range }

  /// `x % divisor` for a constant divisor: C truncates, so the remainder has the sign of `x`
  /// and is smaller than `|divisor|` in size (`-7 % 4` is -3). Exact (`x - d*(x/d)`) for a
  /// signed `x` that no open loop changes; otherwise a bounded value, `[0, |d|-1]` where `x`
  /// is provably never negative (an unsigned `%`, a loop from 0), `[-(|d|-1), |d|-1]` else.
  func remainder(_ x: Polynomial?, by divisor: Int, unsigned: Bool) -> Value {
    guard divisor != 0, divisor != -1, divisor != Int.min else { return .unknownScalar }
    let size = abs(divisor)
    if size == 1 { return .scalar(.zero) }
    if let x, let constant = x.integerValue, !unsigned { return .scalar(Polynomial(constant % divisor)) }
    if let x, !unsigned, !x.variables.contains(where: { inductionVariables.contains($0) || $0.contains("#") }) {
      return .scalar(x - Polynomial(divisor) * (x / Polynomial(divisor)))
    }
    let nonNegative = unsigned || (x.flatMap(provableLowerBound) ?? -1) >= 0
    return boundedValue(low: Polynomial(nonNegative ? 0 : 1 - size), high: Polynomial(size - 1))
  }

  /// `x >> shift` for a signed `x`: C shifts arithmetically, rounding down (`-3 >> 1` is -2),
  /// where `/` truncates toward zero. The quotient where `x` is provably never negative;
  /// otherwise between `(x - (d-1)) / d` and `x / d`, which holds for either sign.
  func shiftedRight(_ x: Polynomial, by shift: Int) -> Value {
    if let constant = x.integerValue { return .scalar(Polynomial(constant >> shift)) }
    let divisor = Polynomial(1 << shift)
    if let lowest = provableLowerBound(of: x), lowest >= 0 { return .scalar(x / divisor) }
    guard let range = valueRange(x) else { return .unknownScalar }
    return boundedValue(low: (range.low - divisor + 1) / divisor, high: range.high / divisor)
  }

  /// `c ? a : b` of two different integer values: one of them.
  func eitherValue(_ a: Polynomial, _ b: Polynomial) -> Value {
    guard let x = valueRange(a), let y = valueRange(b),
      let low = soundExtreme(minimum: true, x.low, y.low), let high = soundExtreme(minimum: false, x.high, y.high)
    else { return .unknownScalar }
    return boundedValue(low: low, high: high)
  }

  /// The least value `value` takes, as a constant, with no assumption about any sign: each
  /// variable of an open counted loop at its first or last value by its constant coefficient,
  /// a constant start; nil where another variable remains.
  func provableLowerBound(of value: Polynomial) -> Int? { extremeOverOpenLoops(of: value, lowest: true)?.integerValue }

  /// The least (greatest) value `value` takes as the variables of the open counted loops
  /// around it run, each at its first or last value by its constant coefficient: a
  /// polynomial in the other variables; nil where a loop variable enters otherwise.
  func extremeOverOpenLoops(of value: Polynomial, lowest: Bool) -> Polynomial? {
    var bound = value
    for frame in loopStack.reversed() {
      guard let loop = frame.counted, bound.mentions(loop.variable) else { continue }
      guard bound.degree(in: loop.variable) == 1, let slope = bound.coefficients(of: loop.variable)[1]?.integerValue
      else { return nil }
      bound = bound.substituting(loop.variable, with: (slope >= 0) == lowest ? loop.first : loop.last)
    }
    return bound
  }
}

extension Polynomial {
  /// How the value moves as `variable` grows, the other variables fixed: 1 never down, -1 never
  /// up, 0 not at all; nil when that is not known. For a value not affine in the variable:
  /// sums of terms each linear in one atom that moves one way, where a truncating quotient by a
  /// constant (`i / 2`) moves with its dividend (against it for a negative divisor) and `min`
  /// and `max` with their operands. The signs of factors that do not move are taken as the
  /// loops' widening takes a slope's (variables not negative).
  func direction(in variable: String) -> Int? {
    guard !isOverflow else { return nil }
    guard mentions(variable) else { return 0 }
    var result = 0
    for (monomial, coefficient) in terms {
      let moving = monomial.factors.filter { $0.atom.variables.contains(variable) }
      guard !moving.isEmpty else { continue }
      guard moving.count == 1, moving[0].exponent == 1, let atomDirection = moving[0].atom.direction(in: variable)
      else { return nil }
      let rest = Polynomial(terms: [monomial.dividing(by: Monomial(moving[0].atom)) ?? .one: coefficient])
      guard let sign = rest.signAssumingNonNegativeVariables else { return nil }
      let term = sign * atomDirection
      if term == 0 { continue }
      if result != 0 && result != term { return nil }
      result = term
    }
    return result
  }
}

extension Atom {
  fileprivate func direction(in variable: String) -> Int? {
    switch self {
    case .variable(let name): return name == variable ? 1 : 0
    case .quotient(let dividend, let divisor):
      guard let constant = divisor.integerValue, constant != 0, let inner = dividend.direction(in: variable) else {
        return nil
      }
      return constant > 0 ? inner : -inner
    case .minimum(let a, let b), .maximum(let a, let b):
      guard let x = a.direction(in: variable), let y = b.direction(in: variable) else { return nil }
      if x == 0 { return y }
      if y == 0 || x == y { return x }
      return nil
    }
  }
}
