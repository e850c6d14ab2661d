/// Closed forms for sums over a loop's iterations, so that a triangular nest
/// (`for j in i..<n`) still gets an exact polynomial count.
public enum Summation {
  /// `sum(body)` for `variable` from `lower` to `upper - 1` (an empty range gives 0 when
  /// `upper <= lower` is evaluated; the closed form is the polynomial identity).
  /// Returns nil when `body` is not a polynomial of degree <= 3 in `variable`.
  public static func sum(_ body: Polynomial, over variable: String, from lower: Polynomial, to upper: Polynomial)
    -> Polynomial?
  {
    guard body.mentions(variable) else { return body * (upper - lower) }
    let degree = body.degree(in: variable)
    guard degree >= 0, degree <= 3 else { return nil }
    var total = Polynomial.zero
    for (power, coefficient) in body.coefficients(of: variable) {
      total += coefficient * (powerSum(power, upTo: upper) - powerSum(power, upTo: lower))
    }
    return total
  }

  /// Faulhaber: sum of v^k for v in 0..<m.
  static func powerSum(_ k: Int, upTo m: Polynomial) -> Polynomial {
    switch k {
    case 0: return m
    case 1: return m * (m - 1) * Rational(1, 2)
    case 2: return (m - 1) * m * (m * 2 - 1) * Rational(1, 6)
    default: return (m * (m - 1) * Rational(1, 2)).power(2)
    }
  }
}
