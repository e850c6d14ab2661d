import SymbolicAlgebra

/// Proves that a polynomial is never negative, given the variables known not to be negative
/// (a task's checked integer parameters) and facts `g >= 0` that hold where it is asked (the
/// conditions on the path to a recursive call, `PathFacts`). Sound, not complete: false means
/// "not proved".
///
/// How: a `min`/`max` is one of its operands, so the claim is checked for each (or for either,
/// where the side it is on allows); a quotient `x / c` of a never-negative `x` by a positive
/// constant lies in `[(x - c + 1) / c, x / c]` (C truncates toward zero), so it is replaced by
/// the bound that makes the term smaller (for its power `q^k`, `(x / c)^k` or 0); then each
/// fact `v + r >= 0` (or `-v + r >= 0`) whose variable `v` has coefficient 1 is used to write
/// `v` as `s - r` (`r - s`) with a new variable `s >= 0`: every point where the facts hold is
/// such a point, so a polynomial whose terms are all non-negative there is non-negative
/// wherever the facts hold.
struct InequalityProver {
  /// Variables that are never negative.
  var nonNegative: Set<String>
  /// Polynomials known to be `>= 0`.
  var facts: [Polynomial]

  /// How many nested case splits and quotient bounds one proof may make (each `min`/`max`
  /// doubles the work).
  private static let depthLimit = 8

  /// Whether `a >= b` wherever the facts hold.
  func provesAtLeast(_ a: Polynomial, _ b: Polynomial) -> Bool { provesNonNegative(a - b) }

  /// Whether `value >= 0` wherever the facts hold.
  func provesNonNegative(_ value: Polynomial) -> Bool { provesNonNegative(value, depth: Self.depthLimit) }

  private func provesNonNegative(_ value: Polynomial, depth: Int) -> Bool {
    guard depth > 0, !value.isOverflow else { return false }
    if let split = Self.firstExtremum(in: value) {
      // `value` is `rest + coefficient * m` with m = min(x, y) or max(x, y), which is x or y.
      let withFirst = split.rest + split.operands.0 * split.coefficient
      let withSecond = split.rest + split.operands.1 * split.coefficient
      if provesNonNegative(withFirst, depth: depth - 1) && provesNonNegative(withSecond, depth: depth - 1) {
        return true
      }
      // A larger-or-equal replacement where `value` grows with m (a max with a positive
      // coefficient, a min with a negative one): one operand is enough.
      guard split.isMaximum == (split.coefficient > .zero) else { return false }
      return provesNonNegative(withFirst, depth: depth - 1) || provesNonNegative(withSecond, depth: depth - 1)
    }
    guard let lowered = withQuotientsBounded(value, depth: depth) else { return false }
    // A bound may hold quotients of its own (`(lo + (hi - lo) / 2) / 2`): bounded in turn.
    guard Self.termsArePlainVariables(lowered) else { return provesNonNegative(lowered, depth: depth - 1) }
    return provesWithFacts(lowered)
  }

  /// The first term that is a lone `min`/`max` (with a rational coefficient): the term's
  /// coefficient, its operands and the rest of the polynomial.
  private static func firstExtremum(
    in value: Polynomial
  ) -> (coefficient: Rational, operands: (Polynomial, Polynomial), isMaximum: Bool, rest: Polynomial)? {
    let terms = value.terms.map { (key: $0.key, value: $0.value, text: Polynomial(terms: [$0.key: .one]).description) }
    for (monomial, coefficient, _) in terms.sorted(by: { $0.text < $1.text }) {
      guard monomial.factors.count == 1, let factor = monomial.factors.first, factor.exponent == 1 else { continue }
      let rest = value - Polynomial(terms: [monomial: coefficient])
      switch factor.atom {
      case .minimum(let x, let y): return (coefficient, (x, y), false, rest)
      case .maximum(let x, let y): return (coefficient, (x, y), true, rest)
      default: continue
      }
    }
    return nil
  }

  /// `value` made no larger by replacing each quotient by one of its bounds; nil where a term
  /// holds an atom other than plain variables and one such quotient, or a quotient whose
  /// dividend is not proved non-negative, or whose other factors may be negative.
  private func withQuotientsBounded(_ value: Polynomial, depth: Int) -> Polynomial? {
    var result = Polynomial.zero
    for (monomial, coefficient) in value.terms {
      var rest = Polynomial(coefficient)
      var quotient: (dividend: Polynomial, divisor: Int, exponent: Int)?
      for factor in monomial.factors {
        switch factor.atom {
        case .variable:
          rest = rest * Polynomial(atom: factor.atom).power(factor.exponent)
        case .quotient(let dividend, let divisor):
          guard quotient == nil, let constant = divisor.integerValue, constant > 0 else { return nil }
          quotient = (dividend, constant, factor.exponent)
        default:
          return nil
        }
      }
      guard let quotient else {
        result = result + rest
        continue
      }
      // The sign of the term is the coefficient's only where the other factors are
      // non-negative variables.
      guard
        monomial.factors.allSatisfy({ factor in
          if case .variable(let name) = factor.atom { return nonNegative.contains(name) }
          return true
        }), provesNonNegative(quotient.dividend, depth: depth - 1)
      else { return nil }
      let divisor = Rational(1, quotient.divisor)
      let bound: Polynomial
      if coefficient < .zero {
        // 0 <= q <= x / c, so q^k <= (x / c)^k.
        bound = (quotient.dividend * divisor).power(quotient.exponent)
      } else if quotient.exponent == 1 {
        bound = (quotient.dividend - Polynomial(quotient.divisor - 1)) * divisor
      } else {
        // (x - c + 1) / c may be negative, and its even powers are then no lower bound: 0 is.
        bound = .zero
      }
      result = result + rest * bound
    }
    return result
  }

  /// Whether a polynomial in plain variables is non-negative, directly or after writing
  /// variables through the facts (those with coefficient 1 first, then those with -1).
  private func provesWithFacts(_ value: Polynomial) -> Bool {
    if Self.termsNonNegative(value, allowed: nonNegative) { return true }
    for preferred in [Rational(1), Rational(-1)] {
      var current = value
      var pending = facts.filter { fact in Self.termsArePlainVariables(fact) && fact.degree <= 1 }
      var allowed = nonNegative
      var slackCount = 0
      while !pending.isEmpty {
        let fact = pending.removeFirst()
        let candidates = fact.variables.sorted().compactMap { name -> (String, Rational)? in
          guard let coefficient = fact.coefficients(of: name)[1]?.constantValue,
            coefficient == Rational(1) || coefficient == Rational(-1)
          else { return nil }
          return (name, coefficient)
        }
        guard let (variable, coefficient) = candidates.first(where: { $0.1 == preferred }) ?? candidates.first else {
          continue
        }
        slackCount += 1
        let slack = Polynomial.variable("#slack\(slackCount)")
        // fact = coefficient * v + r >= 0; the fact's value is the new variable.
        let others = fact - Polynomial.variable(variable) * Polynomial(coefficient)
        let replacement = coefficient == Rational(1) ? slack - others : others - slack
        current = current.substituting(variable, with: replacement)
        pending = pending.map { $0.substituting(variable, with: replacement) }
        allowed.remove(variable)
        allowed.insert("#slack\(slackCount)")
        if Self.termsNonNegative(current, allowed: allowed) { return true }
      }
    }
    return false
  }

  private static func termsArePlainVariables(_ value: Polynomial) -> Bool {
    value.terms.keys.allSatisfy { monomial in
      monomial.factors.allSatisfy { factor in
        if case .variable = factor.atom { return true }
        return false
      }
    }
  }

  /// Every term a non-negative coefficient times a product of variables in `allowed`.
  private static func termsNonNegative(_ value: Polynomial, allowed: Set<String>) -> Bool {
    guard !value.isOverflow else { return false }
    return value.terms.allSatisfy { monomial, coefficient in
      coefficient >= .zero
        && monomial.factors.allSatisfy { factor in
          if case .variable(let name) = factor.atom { return allowed.contains(name) }
          return false
        }
    }
  }
}
