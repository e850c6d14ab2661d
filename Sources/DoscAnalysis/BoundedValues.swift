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
      guard !mentionsBoundedValue(slope),
        let sign = slope.signAssumingNonNegativeVariables
      else { return nil }
      result = result.substituting(symbol, with: (sign >= 0) == smallest ? bounds.low : bounds.high)
    }
    return result
  }

  /// Whether `value` mentions a bounded value's symbol (it is a range, not one value).
  func mentionsBoundedValue(_ value: Polynomial) -> Bool { value.variables.contains { boundedValues[$0] != nil } }

  /// A counted loop whose upper bound is a bounded value (`i < w * h` of two `unsigned`, in
  /// `[0, w*h]`), counting up from a value that mentions none: the same loop with the bound at
  /// its highest, which runs at least as long (its accesses may not all happen: the caller
  /// says so). Nil for other loops.
  func loopAtItsLongest(_ loop: CountedLoop) -> CountedLoop? {
    guard loop.ascending, loop.pointerInto == nil, loop.renamedFrom == nil,
      mentionsBoundedValue(loop.last) || mentionsBoundedValue(loop.tripCount),
      !mentionsBoundedValue(loop.first), !mentionsBoundedValue(loop.step),
      let last = indexRange(of: loop.last)?.range.high, let trips = indexRange(of: loop.tripCount)?.range.high
    else { return nil }
    var longest = loop
    longest.last = last
    longest.tripCount = trips
    longest.lastAtLeast = nil
    return longest
  }

  /// The range of values a polynomial may take: its bounded symbols at their bounds.
  private func valueRange(_ value: Polynomial) -> IndexRange? { indexRange(of: value)?.range }

  /// `x % divisor` for a constant divisor: C truncates, so the remainder has the sign of `x`
  /// and is smaller than `|divisor|` in size (`-7 % 4` is -3). Exact (`x - d*(x/d)`) for a
  /// signed `x` that no open loop changes; otherwise a bounded value, `[0, |d|-1]` where `x`
  /// is provably never negative (an unsigned `%`, a loop from 0), `[-(|d|-1), |d|-1]` else.
  /// An unsigned `%` by a negative constant (`i % (size_t)-4`) divides by 2^N - 4: unknown.
  func remainder(_ x: Polynomial?, by divisor: Int, unsigned: Bool) -> Value {
    guard divisor != 0, divisor != -1, divisor != Int.min, !(unsigned && divisor < 0) else { return .unknownScalar }
    let size = abs(divisor)
    if size == 1 { return .scalar(.zero) }
    if let x, let constant = x.integerValue, !unsigned { return .scalar(Polynomial(constant % divisor)) }
    if let x, !unsigned, !x.variables.contains(where: { inductionVariables[$0] != nil || $0.contains("#") }) {
      return .scalar(x - Polynomial(divisor) * (x / Polynomial(divisor)))
    }
    let nonNegative = unsigned || (x.flatMap(provableLowerBound) ?? -1) >= 0
    return boundedValue(low: Polynomial(nonNegative ? 0 : 1 - size), high: Polynomial(size - 1))
  }

  /// `x >> shift` for a signed `x`: C shifts arithmetically, rounding down (`-3 >> 1` is -2),
  /// where `/` truncates toward zero. The quotient where `x` is provably never negative, or
  /// never where the figures hold (`lo >> 6` of a parameter the spawn checks, `isNeverNegative`;
  /// not in a spawning function's loop walk, whose parameters no spawn checks); otherwise
  /// between `(x - (d-1)) / d` and `x / d`, which holds for either sign.
  func shiftedRight(_ x: Polynomial, by shift: Int) -> Value {
    if let constant = x.integerValue { return .scalar(Polynomial(constant >> shift)) }
    let divisor = Polynomial(1 << shift)
    if let lowest = provableLowerBound(of: x), lowest >= 0 { return .scalar(x / divisor) }
    if case .summary = mode, isNeverNegative(x) { return .scalar(x / divisor) }
    guard let range = valueRange(x) else { return .unknownScalar }
    return boundedValue(low: (range.low - divisor + 1) / divisor, high: range.high / divisor)
  }

  /// `c ? a : b` of two different integer values: one of them. The lesser (greater) end is
  /// the one provably so in every iteration of the open loops (`wide ? 2 * i : i` with `i`
  /// from 0), or as the spawn's check makes it (`soundExtreme`); else the ends over the open
  /// loops' iterations are compared the same way. `guards`: what holds of the loop variables
  /// where each is the value (`LoopGuard`), over whose values it is taken: `i > 0 ? i - 1 : 0`
  /// is never -1.
  func eitherValue(_ a: Polynomial, _ b: Polynomial, guards: (a: [LoopGuard], b: [LoopGuard]) = ([], [])) -> Value {
    func ends(_ x: IndexRange, _ y: IndexRange) -> IndexRange? {
      guard let low = orderedExtreme(minimum: true, x.low, y.low),
        let high = orderedExtreme(minimum: false, x.high, y.high)
      else { return nil }
      return IndexRange(low: low, high: high)
    }
    let (loopsOfA, loopsOfB) = (guardedLoops(guards.a), guardedLoops(guards.b))
    guard let x = valueRange(a).map({ narrowed($0, over: loopsOfA) }),
      let y = valueRange(b).map({ narrowed($0, over: loopsOfB) })
    else { return .unknownScalar }
    if let range = ends(x, y) { return boundedValue(low: range.low, high: range.high) }
    guard let x = rangeOverOpenLoops(x), let y = rangeOverOpenLoops(y), let range = ends(x, y) else {
      return .unknownScalar
    }
    return boundedValue(low: range.low, high: range.high)
  }

  /// `min(a, b)` (`max`): the one the other provably is never below (above) in the open loops,
  /// or `soundExtreme`'s choice.
  private func orderedExtreme(minimum: Bool, _ a: Polynomial, _ b: Polynomial) -> Polynomial? {
    if let gap = provableLowerBound(of: a - b), gap >= 0 { return minimum ? b : a }
    if let gap = provableLowerBound(of: b - a), gap >= 0 { return minimum ? a : b }
    return soundExtreme(minimum: minimum, a, b)
  }

  /// The values `value` takes in any iteration of the open counted loops: its bounded symbols
  /// at their bounds, then each loop's variable at the loop's ends (innermost first, as the
  /// loops widen an index); nil where it is not known.
  func rangeOverOpenLoops(_ value: Polynomial) -> IndexRange? {
    valueRange(value).flatMap(rangeOverOpenLoops)
  }

  /// The same for values in `range` (whose bounded symbols are at their bounds: `valueRange`).
  func rangeOverOpenLoops(_ range: IndexRange) -> IndexRange? {
    var range = range
    for frame in loopStack.reversed() {
      guard let loop = frame.counted else { continue }
      guard let widened = loop.widen(range) else { return nil }
      range = widened
    }
    let mentioned = range.low.variables.union(range.high.variables)
    // A loop counted from its least value names its symbol `i#from`, not the C name `i`.
    guard
      !mentioned.contains(where: { inductionVariables[$0] != nil || boundedValues[$0] != nil || $0.contains("#") })
    else {
      return nil
    }
    return range
  }

  /// `value` converted to the integer type `type` (an initialization, an assignment, a cast):
  /// C takes it modulo 2^N into a type of N bits (`unsigned char c = 300` is 44, a `signed
  /// char` loop counter past 127 is negative), `bool` makes it 0 or 1. A constant converts
  /// exactly; another value is unchanged where it provably fits, or in a type of 4 bytes or
  /// more (whose arithmetic the analysis takes as it comes), else it is somewhere in the
  /// type's range.
  func converted(_ value: Polynomial?, to type: CType) -> Value {
    guard let range = type.integerRange else { return .scalar(value) }
    if let constant = value?.integerValue {
      if type.isBoolean { return .scalar(Polynomial(constant == 0 ? 0 : 1)) }
      let modulus = range.upperBound - range.lowerBound + 1
      let wrapped = ((constant - range.lowerBound) % modulus + modulus) % modulus + range.lowerBound
      return .scalar(Polynomial(wrapped))
    }
    if let value, let size = type.size, size >= 4, !type.isBoolean { return .scalar(value) }
    if let value, let values = rangeOverOpenLoops(value), let low = values.low.integerValue,
      let high = values.high.integerValue, range.contains(low), range.contains(high)
    {
      return .scalar(value)
    }
    return typeBoundedValue(type) ?? .scalar(value)
  }

  /// A value of an integer type of at most two bytes the analysis does not know (a `char` or a
  /// `uint16_t` loaded from memory, a `bool`): somewhere in the type's range. Nil for wider
  /// types, whose ranges are too wide to make a useful footprint.
  func typeBoundedValue(_ type: CType) -> Value? {
    guard let range = type.integerRange, let size = type.size, size <= 2 else { return nil }
    return boundedValue(low: Polynomial(range.lowerBound), high: Polynomial(range.upperBound))
  }

  /// `x & y`: for two constants their bits in common; where one is a constant `m` that is not
  /// negative, a value in `[0, m]` whatever the other (its bits are a subset of `m`'s, in
  /// two's complement and after either operand's promotion).
  func masked(_ x: Polynomial?, _ y: Polynomial?) -> Value {
    if let a = x?.integerValue, let b = y?.integerValue { return .scalar(Polynomial(a & b)) }
    let masks = [x?.integerValue, y?.integerValue].compactMap { $0 }.filter { $0 >= 0 }
    guard let mask = masks.min() else { return .unknownScalar }
    return boundedValue(low: .zero, high: Polynomial(mask))
  }

  /// `abs(x)`, `labs(x)`: in `[0, max(-low, high)]` for `x` in `[low, high]` over the open loops
  /// (`abs(i - c)`); exact for a constant.
  func absoluteValue(_ x: Polynomial?) -> Value {
    guard let x else { return .unknownScalar }
    if let constant = x.integerValue, constant != Int.min { return .scalar(Polynomial(abs(constant))) }
    guard let range = rangeOverOpenLoops(x), let high = soundExtreme(minimum: false, -range.low, range.high) else {
      return .unknownScalar
    }
    return boundedValue(low: .zero, high: high)
  }

  /// `x % divisor` for a divisor that is no constant (`(start + i) % n`): where the divisor is
  /// a polynomial of parameters the spawn checks are not negative, with no negative
  /// coefficient, it is positive wherever the `%` runs (by zero it is undefined), and the
  /// remainder lies in `[0, divisor - 1]` for a dividend that is provably never negative or an
  /// unsigned `%`, in `[1 - divisor, divisor - 1]` else (C truncates: the sign of the dividend).
  func remainder(_ x: Polynomial?, byVariable divisor: Polynomial?, unsigned: Bool) -> Value {
    guard let divisor, divisor.integerValue == nil, divisor.signAssumingNonNegativeVariables == 1,
      divisor.hasOnlyPositiveCoefficients, divisor.variables.isSubset(of: checkedParameterNames)
    else { return .unknownScalar }
    let nonNegative = unsigned || (x.flatMap(provableLowerBound) ?? -1) >= 0
    return boundedValue(low: nonNegative ? .zero : .one - divisor, high: divisor - .one)
  }

  /// The integer parameters whose name in a figure is their value at the call, which the spawn
  /// checks is not negative wherever a figure mentions them (SPEC-additions, section 1): those
  /// the task never changes, and those it changes but that are followed (`ScalarWalks`: their
  /// later values are other symbols).
  var checkedParameterNames: Set<String> {
    Set(
      function.parameters.filter {
        !$0.type.isPointerLike && (!mutations.isModified($0.name) || isWalkedScalar($0.name, type: $0.type))
      }.map(\.name))
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
      guard let inner = dividend.direction(in: variable) else { return nil }
      guard let constant = divisor.integerValue else {
        // `i / d`: a divisor the variable leaves as it is, taken positive as slopes are (it is
        // not zero where the division runs, and the figure keeps it for the spawn's check).
        let positive =
          !divisor.mentions(variable) && divisor.hasOnlyPositiveCoefficients
          && divisor.signAssumingNonNegativeVariables == 1
        return positive ? inner : nil
      }
      guard constant != 0 else { return nil }
      return constant > 0 ? inner : -inner
    case .minimum(let a, let b), .maximum(let a, let b):
      guard let x = a.direction(in: variable), let y = b.direction(in: variable) else { return nil }
      if x == 0 { return y }
      if y == 0 || x == y { return x }
      return nil
    }
  }
}
