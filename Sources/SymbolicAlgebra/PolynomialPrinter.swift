/// Prints polynomials as C expressions that people can read: the common integer and monomial
/// factors are pulled out, and so are differences of two parameters that divide the rest, so
/// a row-block matrix multiply's work reads `(hi-lo)*n*n` rather than `hi*n*n-lo*n*n`.
/// Whatever the printed form, it evaluates (in C, on non-overflowing values) to the polynomial.
enum PolynomialPrinter {
  /// Nil for `Polynomial.overflow`, or when the integer numerator would not fit in 64 bits.
  /// Memoized (`PrintedForms`): a nested atom is printed again at each ordering of the factors
  /// around it.
  static func print(_ polynomial: Polynomial) -> String? {
    if polynomial.isOverflow { return nil }
    return PrintedForms.shared.form(of: polynomial, printing: printUnremembered)
  }

  private static func printUnremembered(_ polynomial: Polynomial) -> String? {
    if polynomial.isZero { return "0" }
    var denominator = 1
    for coefficient in polynomial.terms.values {
      guard let next = lcm(denominator, coefficient.denominator) else { return nil }
      denominator = next
    }
    if denominator == 1 { return printIntegral(polynomial) }
    let scaled = polynomial * denominator
    if scaled.isOverflow { return nil }
    let numerator = printIntegral(scaled)
    let needsParentheses = scaled.terms.count > 1 && !isProduct(numerator)
    return (needsParentheses ? "(\(numerator))" : numerator) + "/\(denominator)"
  }

  /// True when `text` is a product at the top level (no `+`/`-` outside parentheses).
  private static func isProduct(_ text: String) -> Bool {
    var depth = 0
    for (index, character) in text.enumerated() {
      switch character {
      case "(": depth += 1
      case ")": depth -= 1
      case "+" where depth == 0 && index > 0, "-" where depth == 0 && index > 0: return false
      default: break
      }
    }
    return true
  }

  private static func orderedTerms(_ p: Polynomial) -> [(Monomial, Rational)] {
    p.terms.sorted { Monomial.printsBefore($0.key, $1.key) }.map { ($0.key, $0.value) }
  }

  /// Prints a polynomial whose coefficients are all integers.
  private static func printIntegral(_ polynomial: Polynomial) -> String {
    let terms = orderedTerms(polynomial)
    if terms.count == 1 { return printSum(polynomial) }

    // Coefficients are integers here; their gcd is 2^63, which does not fit, only when every
    // one is Int.min: then the content stays 1.
    var content = terms.reduce(0) { gcd($0, $1.1.numerator) ?? 1 }
    if terms[0].1 < .zero { content = -content }
    let commonMonomial = terms.dropFirst().reduce(terms[0].0) { Monomial.greatestCommonDivisor($0, $1.0) }
    var rest = Polynomial(
      terms: Dictionary(
        uniqueKeysWithValues: terms.map { ($0.0.dividing(by: commonMonomial)!, Rational($0.1.numerator / content)) }))

    var binomials: [String] = []
    while let (factor, quotient) = binomialFactor(of: rest) {
      binomials.append("(\(factor))")
      rest = quotient
    }
    if content == 1 && commonMonomial.isOne && binomials.isEmpty {
      return printWithBinomialPart(polynomial) ?? printSum(polynomial)
    }

    var factors: [String] = []
    if content == -1 { factors.append("-1") } else if content != 1 { factors.append("\(content)") }
    factors += binomials
    if !commonMonomial.isOne { factors.append(commonMonomial.cExpression()) }
    if rest != .one {
      let printed = printIntegral(rest)
      factors.append(rest.terms.count > 1 && !isProduct(printed) ? "(\(printed))" : printed)
    }
    // A lone difference needs no parentheses: `hi-lo`, not `(hi-lo)`.
    if factors.count == 1 && binomials.count == 1 { return String(binomials[0].dropFirst().dropLast()) }
    return factors.joined(separator: "*")
  }

  /// `(x-y)*q+r` when most of the polynomial is a multiple of a difference of two variables
  /// (the work of a loop over `[lo,hi)` plus a little set-up), so it still reads as such.
  private static func printWithBinomialPart(_ p: Polynomial) -> String? {
    var best: (String, Polynomial, Polynomial)?
    for (x, y) in candidatePairs(p) {
      guard let (quotient, remainder) = divideWithRemainder(p, byDifferenceOf: x, and: y),
        !quotient.isZero, quotient != .one, remainder.terms.count * 2 <= p.terms.count, !remainder.mentions(y),
        quotient.hasOnlyPositiveCoefficients
      else { continue }
      if best == nil || remainder.terms.count < best!.2.terms.count { best = ("\(x)-\(y)", quotient, remainder) }
    }
    guard let (factor, quotient, remainder) = best else { return nil }
    guard let printedQuotient = print(quotient), let rest = print(remainder) else { return nil }
    let product =
      quotient.isConstant
      ? "\(printedQuotient)*(\(factor))"
      : "(\(factor))*"
        + (quotient.terms.count > 1 && !isProduct(printedQuotient) ? "(\(printedQuotient))" : printedQuotient)
    if remainder.isZero { return product }
    return product + (rest.hasPrefix("-") ? rest : "+" + rest)
  }

  /// A factor `x-y` of two plain variables that divides `p`, with the quotient, oriented so
  /// that the quotient's leading coefficient is positive.
  private static func binomialFactor(of p: Polynomial) -> (String, Polynomial)? {
    guard p.terms.count > 1 else { return nil }
    for (x, y) in candidatePairs(p) where x < y {
      // Dividing first: the substitution rebuilds (and prints) every nested atom, and most
      // pairs fail the division anyway.
      guard var quotient = divide(p, byDifferenceOf: x, and: y), p.substituting(x, with: .variable(y)).isZero,
        !quotient.isOverflow, !(-quotient).isOverflow
      else {
        continue
      }
      var factor = "\(x)-\(y)"
      if let leading = orderedTerms(quotient).first, leading.1 < .zero {
        quotient = -quotient
        factor = "\(y)-\(x)"
      }
      return (factor, quotient)
    }
    return nil
  }

  /// Pairs of variables (x, y) for which `x-y` may divide part of `p`: some term with x has a
  /// twin with y in its place and the opposite sign (`hi*n - lo*n`). Only these are worth the
  /// symbolic division; in sorted order, for a deterministic result.
  private static func candidatePairs(_ p: Polynomial) -> [(String, String)] {
    var pairs: Set<[String]> = []
    let terms = Array(p.terms)
    for (monomial, coefficient) in terms {
      for factor in monomial.factors {
        guard case .variable(let x) = factor.atom else { continue }
        let rest = monomial.dividing(by: Monomial(factor.atom))!
        for (other, otherCoefficient) in terms where otherCoefficient == coefficient.negated() {
          for otherFactor in other.factors {
            guard case .variable(let y) = otherFactor.atom, y != x,
              other.dividing(by: Monomial(otherFactor.atom)) == rest
            else { continue }
            pairs.insert([x, y])
          }
        }
      }
    }
    return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { ($0[0], $0[1]) }
  }

  /// Synthetic division by `x - y`, treating `p` as a polynomial in `x`; nil if inexact.
  private static func divide(_ p: Polynomial, byDifferenceOf x: String, and y: String) -> Polynomial? {
    guard let (quotient, remainder) = divideWithRemainder(p, byDifferenceOf: x, and: y), remainder.isZero else {
      return nil
    }
    return quotient
  }

  /// `p = (x-y)*quotient + remainder` with the remainder free of `x`; nil when `p` is not a
  /// polynomial in `x` (an opaque atom mentions it).
  private static func divideWithRemainder(_ p: Polynomial, byDifferenceOf x: String, and y: String) -> (
    Polynomial, Polynomial
  )? {
    let coefficients = p.coefficients(of: x)
    guard let top = coefficients.keys.max(), top > 0, coefficients.values.allSatisfy({ !$0.mentions(x) }) else {
      return nil
    }
    var quotient = Polynomial.zero
    var carry = Polynomial.zero
    for power in stride(from: top, through: 1, by: -1) {
      carry = (coefficients[power] ?? .zero) + carry * .variable(y)
      quotient += carry * Polynomial.variable(x).power(power - 1)
    }
    return (quotient, (coefficients[0] ?? .zero) + carry * .variable(y))
  }

  private static func printSum(_ p: Polynomial) -> String {
    var text = ""
    for (index, (monomial, coefficient)) in orderedTerms(p).enumerated() {
      let magnitude = coefficient.numerator.magnitude
      if coefficient < .zero { text += "-" } else if index > 0 { text += "+" }
      if monomial.isOne {
        text += "\(magnitude)"
      } else {
        text += magnitude == 1 ? monomial.cExpression(standalone: true) : "\(magnitude)*" + monomial.cExpression()
      }
    }
    return text
  }
}
