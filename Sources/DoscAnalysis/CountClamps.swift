import SymbolicAlgebra

/// Counts (reads, writes, work) that may be negative, and the clamps `max(x, 0)` that keep a
/// sum of them from being smaller than the truth.
///
/// A loop's count is a closed form, the polynomial identity, which is negative for some ranges
/// that are empty: `for (i = k; i < 0; i++)` runs -k times for k > 0. Alone such a count is
/// read as none (the generated work test is `dosc__nonneg(...)`; the oracle and the cost model
/// read a negative count as 0), but a count added to another would take from it: that loop and
/// then `a[0] = 1` made `1 - k` stores, -2 at k = 3 where 1 is made. So `add(_:_:)` clamps
/// each summand that is not never negative whatever the values of its variables
/// (`Polynomial.clampedAtZero`), assuming nothing of their signs, since a loop's variable may
/// be negative.
///
/// Most clamps are not needed where the code runs, and each loop (then the function, at its end)
/// proves away the ones its facts show are (`provingClamps`): there a loop's variable lies
/// between its first and last values (`sum(a, i - 1)` for i from 1 is never negative), the
/// facts of the path hold (`PathFacts`) and the integer parameters are not negative (a task's
/// are checked at the spawn; a callee's are what its callers pass, `instantiate`). A clamp of
/// a loop's variable that stays is summed over the loop in closed form, split where its value
/// changes sign (`CountedLoop.sum`, `Summation.sumOfPositivePart`).
extension FunctionAnalyzer {
  /// Whether a count is never negative wherever the code just walked runs: the variables of
  /// the counted loops open around it, and of `loop` whose body it is, between their first
  /// and last values, under the path's facts, with the checked integer parameters not negative.
  /// In a function with a label none of the loops' ranges is used: control may jump into a
  /// loop's body (`case` labels of a `switch` around it).
  func countIsNeverNegative(inside loop: CountedLoop?) -> (Polynomial) -> Bool {
    let parameters = checkedIntegerParameterNames
    var facts = knownFacts
    if !bodyContainsLabel {
      // The innermost loop of a name only: an inner `i` hides an outer one.
      var named: Set<String> = []
      for counted in [loop] + loopStack.reversed().map(\.counted) {
        guard let counted, named.insert(counted.variable).inserted else { continue }
        let variable = Polynomial.variable(counted.variable)
        facts += [variable - counted.first, counted.last - variable]
      }
    }
    return { count in
      if count.variables.isSubset(of: parameters) && count.isNeverNegativeForNonNegativeVariables { return true }
      // A clamp is never negative, whatever it clamps: a variable that is not, for the prover
      // (`(c + n) * max(0, m - i)`, a product it would not split).
      var clamps: [Atom: String] = [:]
      let named = count.mappingClamps { atom in
        if clamps[atom] == nil { clamps[atom] = "#clamp\(clamps.count)" }
        return .variable(clamps[atom]!)
      }
      return InequalityProver(nonNegative: parameters.union(clamps.values), facts: facts).provesNonNegative(named)
    }
  }
}

extension FunctionAnalyzer {
  /// `loop` as the loops open around it (`loopStack`, without it) sum its figures: whether its
  /// trip count, in their variables, may be negative at some of their values, where their facts
  /// (not its own, which hold only where it runs) do not show it is not.
  func summedInEnclosingLoops(_ loop: CountedLoop) -> CountedLoop {
    var summed = loop
    let enclosing = Set(loopStack.compactMap { $0.counted?.variable })
    summed.emptyAtSomeEnclosingValues =
      !loop.tripCount.variables.isDisjoint(with: enclosing) && !countIsNeverNegative(inside: nil)(loop.tripCount)
    return summed
  }
}

extension CountedLoop {
  /// The sum over the loop of `once`, a count of one iteration. One that may be negative at
  /// some of the loop's values and not at others would take from the rest in the sum: it
  /// counts as no fewer than none, `max(once, 0)`, summed split where it changes sign (`sum`),
  /// in the form `positivePart` gives it. One of one sign over the loop is summed as it is, and
  /// the sum is read as none where it is negative: one the variable leaves as it is, or a
  /// product of a factor the variable leaves as it is and one never negative (or never
  /// positive) over the loop (`(hi - lo) * (i + 1)`, a band of columns times a triangle's row,
  /// is negative at every i where hi < lo, and so is its sum). A clamp of the variable's
  /// values in `once` (`1 + max((n + 2) * (m - i - 1), 0)`) is written as `positivePart` too.
  /// Over constant bounds, a count of the variable alone is added up term by term.
  func sum(ofCount once: Polynomial, isNeverNegative: (Polynomial) -> Bool) -> Polynomial? {
    guard once.mentions(variable) else {
      // A loop whose range an enclosing loop's variable moves (an LU panel's rows `i` from
      // `k + 1` below `m`, for k up to nb) is empty at some of its values, where its trip count
      // is negative: it runs `max(trips, 0)` times, a clamp of that variable the enclosing
      // loop sums exactly, even times a factor that moves with it (`CountedLoop.sum`).
      if emptyAtSomeEnclosingValues { return once * tripCount.clampedAtZero }
      return sum(once)
    }
    // Constant bounds and no other variable (`(i + 1) * (16 - i)` in a block of 16): the sum,
    // term by term.
    if once.variables == [variable], step == .one, scaling == nil, let low = first.integerValue,
      let high = last.integerValue, high - low < 4096
    {
      var total = Rational.zero
      for value in stride(from: low, through: high, by: 1) {
        guard let term = try? once.evaluate([variable: value]), let next = total.adding(max(term, .zero)) else {
          return nil
        }
        total = next
      }
      return Polynomial(total)
    }
    let once = once.mappingClamps { clamp in
      guard let clamped = clamp.clamped, clamped.mentions(variable) else { return Polynomial(atom: clamp) }
      return positivePart(of: clamped, isNeverNegative)
    }
    if isNeverNegative(once) { return sum(once) }
    let product = factored(once, isNeverNegative)
    if let product, product.restSign != .either { return sum(once) }
    return sum(positivePart(of: once, product, isNeverNegative))
  }

  /// `max(value, 0)` at every value of the variable in the loop, in a form whose clamps, where
  /// it has some, leave the variable out or hold it alone (`positivePart(of:_:_:)`).
  private func positivePart(of value: Polynomial, _ isNeverNegative: (Polynomial) -> Bool) -> Polynomial {
    if isNeverNegative(value) { return value }
    return positivePart(of: value, factored(value, isNeverNegative), isNeverNegative)
  }

  /// `max(value, 0)` for a value not shown never negative, from its factoring (`factored`, made
  /// once by the caller, which may already have used it): `value` as `scale * rest` with `scale`
  /// free of the variable is `max(scale, 0) * rest` where `rest` is never negative over the loop
  /// (`max(-scale, 0) * -rest` where never positive), and `scale * max(rest, 0)` where `scale` is
  /// never negative (`-scale * max(-rest, 0)` where never positive); else the clamp.
  private func positivePart(
    of value: Polynomial, _ product: Factored?, _ isNeverNegative: (Polynomial) -> Bool
  ) -> Polynomial {
    guard let product else { return value.clampedAtZero }
    let (scale, rest) = (product.scale, product.rest)
    switch product.restSign {
    case .nonNegative: return scale.clampedAtZero * rest
    case .nonPositive: return (-scale).clampedAtZero * -rest
    case .either:
      if isNeverNegative(scale) { return scale * rest.clampedAtZero }
      if isNeverNegative(-scale) { return -scale * (-rest).clampedAtZero }
      return value.clampedAtZero
    }
  }

  /// A value as `scale * rest`, `scale` free of the variable, with the sign `rest` keeps over
  /// the loop.
  private struct Factored {
    enum Sign { case nonNegative, nonPositive, either }
    var scale: Polynomial
    var rest: Polynomial
    var restSign: Sign
  }

  /// `value` factored (`Polynomial.factoringOut`), the sign of its rest over the loop tested
  /// (never negative first); nil where no factor is free of the variable.
  private func factored(_ value: Polynomial, _ isNeverNegative: (Polynomial) -> Bool) -> Factored? {
    guard let (scale, rest) = value.factoringOut(freeOf: variable) else { return nil }
    let sign: Factored.Sign =
      if isNeverNegativeOverTheLoop(rest, isNeverNegative) {
        .nonNegative
      } else if isNeverNegativeOverTheLoop(-rest, isNeverNegative) {
        .nonPositive
      } else {
        .either
      }
    return Factored(scale: scale, rest: rest, restSign: sign)
  }

  /// Whether `value` is never negative at the variable's values in the loop: where
  /// `isNeverNegative` (which knows the variable's range) shows it, or, for a value of degree 1
  /// in the variable, at its first and last values (a value in between lies between those).
  private func isNeverNegativeOverTheLoop(_ value: Polynomial, _ isNeverNegative: (Polynomial) -> Bool) -> Bool {
    if isNeverNegative(value) { return true }
    guard value.degree(in: variable) == 1 else { return false }
    return isNeverNegative(value.substituting(variable, with: first))
      && isNeverNegative(value.substituting(variable, with: last))
  }
}

extension Polynomial {
  /// The count with each clamp `max(x, 0)` for which `isNeverNegative(x)` replaced by `x`,
  /// inner clamps first, inside other atoms too (`max(1, max(0, n) + 1)` is `max(1, n + 1)`).
  func provingClamps(_ isNeverNegative: (Polynomial) -> Bool) -> Polynomial {
    guard !isOverflow, hasClamp else { return self }
    return mappingAtoms { atom in
      switch atom {
      case .maximum(let a, let b) where a.isZero || b.isZero:
        let inner = (a.isZero ? b : a).provingClamps(isNeverNegative)
        return isNeverNegative(inner) ? inner : inner.clampedAtZero
      case .maximum(let a, let b): return .maximum(a.provingClamps(isNeverNegative), b.provingClamps(isNeverNegative))
      case .minimum(let a, let b): return .minimum(a.provingClamps(isNeverNegative), b.provingClamps(isNeverNegative))
      case .quotient(let a, let b): return a.provingClamps(isNeverNegative) / b.provingClamps(isNeverNegative)
      case .variable: return Polynomial(atom: atom)
      }
    }
  }
}

extension Polynomial {
  /// Whether a clamp `max(x, 0)` is in the polynomial, inside another atom too.
  var hasClamp: Bool { terms.keys.contains { monomial in monomial.factors.contains { $0.atom.hasClamp } } }

  /// The polynomial with each clamp `max(x, 0)` (outermost) replaced by `replacement(clamp)`.
  func mappingClamps(_ replacement: (Atom) -> Polynomial) -> Polynomial {
    mappingAtoms { $0.isClamp ? replacement($0) : Polynomial(atom: $0) }
  }
}

extension Atom {
  /// `x` of a clamp `max(x, 0)`; nil for any other atom.
  var clamped: Polynomial? {
    guard case .maximum(let a, let b) = self, a.isZero || b.isZero else { return nil }
    return a.isZero ? b : a
  }

  var isClamp: Bool { clamped != nil }

  /// Whether a clamp is this atom or inside it.
  var hasClamp: Bool {
    switch self {
    case .variable: false
    case .maximum(let a, let b) where a.isZero || b.isZero: true
    case .maximum(let a, let b), .minimum(let a, let b), .quotient(let a, let b):
      a.hasClamp || b.hasClamp
    }
  }
}
