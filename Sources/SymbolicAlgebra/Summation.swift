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

  /// `sum(max(body, 0))` for `variable` from `lower` to `upper - 1`, for a body `variable + r`
  /// or `r - variable` (`r` free of the variable): exact wherever the range is not empty (for
  /// an empty one the closed form is anything, as `sum`'s). The body's values run from `u` to
  /// `v`, one apart, and the positive ones add up to `T(max(v, 0)) - T(max(u - 1, 0))`, with
  /// `T(m) = m * (m + 1) / 2`. Nil for any other body.
  public static func sumOfPositivePart(
    _ body: Polynomial, over variable: String, from lower: Polynomial, to upper: Polynomial
  ) -> Polynomial? {
    guard body.degree(in: variable) == 1, let slope = body.coefficients(of: variable)[1]?.integerValue,
      slope == 1 || slope == -1
    else { return nil }
    let rest = body - Polynomial.variable(variable) * slope
    // Counting up, the values are lower + r .. upper - 1 + r; down, r - upper + 1 .. r - lower.
    let (least, most) = slope == 1 ? (lower + rest, upper - 1 + rest) : (rest - upper + 1, rest - lower)
    func triangle(_ m: Polynomial) -> Polynomial { m * (m + 1) * Rational(1, 2) }
    return triangle(most.clampedAtZero) - triangle((least - 1).clampedAtZero)
  }

  /// `sum(max(body, 0) * factor)` for `variable` from `lower` to `upper - 1`, for a body
  /// `variable + r` or `r - variable` and a `factor` that is a polynomial in `variable` (an LU
  /// panel's rows below the diagonal, `max(m - k - 1, 0)`, times its columns to the right,
  /// `nb - k - 1`): the sum of `body * factor` over the values where the body is positive, a
  /// part of the range that starts (counting up) or ends (down) where the body crosses 0, and
  /// is empty, never reversed, where the range is. Exact; nil where the product's degree is
  /// above 3, or `body` is of another form.
  public static func sumOfPositivePart(
    _ body: Polynomial, times factor: Polynomial, over variable: String, from lower: Polynomial, to upper: Polynomial
  ) -> Polynomial? {
    guard body.degree(in: variable) == 1, let slope = body.coefficients(of: variable)[1]?.integerValue,
      slope == 1 || slope == -1, factor.degree(in: variable) >= 0
    else { return nil }
    let rest = body - Polynomial.variable(variable) * slope
    // Counting up, `variable + r > 0` from `1 - r` on; down, `r - variable > 0` below `r`.
    let (from, to) =
      slope == 1
      ? (Polynomial.minimum(upper, .maximum(lower, .one - rest)), upper)
      : (lower, Polynomial.maximum(lower, .minimum(upper, rest)))
    return sum(body * factor, over: variable, from: from, to: to)
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
