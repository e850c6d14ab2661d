/// A factor of a polynomial that one variable leaves as it is, found in its expanded form: a
/// count summed over a loop is often such a factor times one that moves with the loop's
/// variable (`(hi - lo) * (i + 1)`, a band of columns times a triangle's row, is stored as
/// `hi*i - lo*i + hi - lo`), and the sign of each factor over the loop decides the sign of the
/// product where the expanded form hides it.
extension Polynomial {
  /// `self` as `content * rest`, with `content` free of `name` and not a constant: the
  /// monomial every term shares outside `name` (`n` of `n * max(i - 1, 0)`), times, where the
  /// rest is a polynomial in `name`, one of the coefficients of its powers (up to a monomial)
  /// that divides each of them (`hi - lo` of `hi*i - lo*i + hi - lo`). Nil where `self` does
  /// not mention `name` or none is found (the search is not complete: a content that is none
  /// of the coefficients is not seen).
  public func factoringOut(freeOf name: String) -> (content: Polynomial, rest: Polynomial)? {
    guard mentions(name), let anyTerm = terms.keys.first else { return nil }
    let shared = terms.keys.reduce(anyTerm) { Monomial.greatestCommonDivisor($0, $1) }
    let monomialContent = Monomial(factors: shared.factors.filter { !$0.atom.variables.contains(name) })
    let remaining = dividingTerms(by: monomialContent)
    var polynomialContent = Polynomial.one
    if remaining.degree(in: name) >= 1 {
      let coefficients = remaining.coefficients(of: name).values.filter { !$0.isZero }
      let candidates = coefficients.map(\.withoutSharedMonomial).filter { !$0.isConstant }
      polynomialContent =
        candidates.sorted { ($0.terms.count, $0.description) < ($1.terms.count, $1.description) }
        .first { candidate in coefficients.allSatisfy { $0.dividedExactly(by: candidate) != nil } } ?? .one
    }
    let content = Polynomial(terms: [monomialContent: .one]) * polynomialContent
    guard !content.isConstant, let rest = dividedExactly(by: content) else { return nil }
    return (content, rest)
  }

  /// `self / divisor` where the divisor divides it exactly (`(hi*i - lo*i + hi - lo) / (hi - lo)`
  /// is `i + 1`); nil otherwise. Long division by leading terms in a monomial order: when the
  /// division is exact it leaves no remainder, and the quotient is checked by multiplying back.
  public func dividedExactly(by divisor: Polynomial) -> Polynomial? {
    guard !isOverflow, !divisor.isOverflow, let (leadingMonomial, leadingCoefficient) = divisor.leadingTerm else {
      return nil
    }
    var remainder = self
    var quotient = Polynomial.zero
    // Each step takes a smaller leading term out of the remainder; the bound only guards
    // against an order the atoms' printed forms would not make total.
    for _ in 0..<256 {
      guard let (monomial, coefficient) = remainder.leadingTerm else {
        return quotient * divisor == self ? quotient : nil
      }
      guard let factor = monomial.dividing(by: leadingMonomial),
        let scale = coefficient.divided(by: leadingCoefficient)
      else { return nil }
      let step = Polynomial(terms: [factor: scale])
      quotient += step
      remainder = remainder - step * divisor
      if remainder.isOverflow || quotient.isOverflow { return nil }
    }
    return nil
  }

  /// The term whose monomial comes last in `Monomial.ordersBefore`; nil for zero.
  private var leadingTerm: (Monomial, Rational)? {
    terms.max { Monomial.ordersBefore($0.key, $1.key) }.map { ($0.key, $0.value) }
  }

  /// Each term divided by `monomial`, which divides every one.
  private func dividingTerms(by monomial: Monomial) -> Polynomial {
    Polynomial(
      terms: Dictionary(uniqueKeysWithValues: terms.map { ($0.key.dividing(by: monomial) ?? $0.key, $0.value) }))
  }

  /// `self` with the monomial all its terms share divided out (`n*hi - n*lo` is `hi - lo`).
  private var withoutSharedMonomial: Polynomial {
    guard let anyTerm = terms.keys.first else { return self }
    return dividingTerms(by: terms.keys.reduce(anyTerm) { Monomial.greatestCommonDivisor($0, $1) })
  }
}

extension Monomial {
  /// A monomial order: by degree, then by the exponents atom by atom (atoms in `sortKey`
  /// order). It is kept by multiplication, so a product's leading term is the product of the
  /// factors' leading terms, which long division needs.
  static func ordersBefore(_ a: Monomial, _ b: Monomial) -> Bool {
    if a.degree != b.degree { return a.degree < b.degree }
    let atoms = Set(a.factors.map(\.atom) + b.factors.map(\.atom)).sorted { $0.sortKey < $1.sortKey }
    for atom in atoms where a.exponent(of: atom) != b.exponent(of: atom) {
      return a.exponent(of: atom) < b.exponent(of: atom)
    }
    return false
  }
}
