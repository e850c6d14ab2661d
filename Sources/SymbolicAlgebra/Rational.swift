/// An exact fraction. Symbolic sums (the trip count of a triangular loop nest, say) need
/// halves and sixths on the way to integer results, so coefficients are rationals.
///
/// Numerator and denominator are 64-bit, like the C values they describe. Arithmetic is done
/// in 128 bits and checked: a result that does not fit is `nil`, never a trap, because the
/// constants come from the user's program (`9223372036854775807ULL + 1`, three nested loops of
/// 4e9 iterations) and an analyzer must survive any program a C compiler accepts.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let numerator: Int
  public let denominator: Int

  /// `numerator / denominator`, reduced. Traps on a zero denominator or on the one fraction
  /// that does not fit after normalising the sign (`Int.min / -1`): both are programming
  /// errors, not input; arithmetic on input goes through the checked operations below.
  public init(_ numerator: Int, _ denominator: Int = 1) {
    guard let value = Rational.reduced(Int128(numerator), Int128(denominator)) else {
      preconditionFailure("\(numerator)/\(denominator) is not a representable fraction")
    }
    self = value
  }

  private init(reducedNumerator: Int, denominator: Int) {
    self.numerator = reducedNumerator
    self.denominator = denominator
  }

  /// The reduced fraction with a positive denominator, or nil when the denominator is zero or
  /// either part does not fit in 64 bits.
  static func reduced(_ numerator: Int128, _ denominator: Int128) -> Rational? {
    guard denominator != 0 else { return nil }
    let sign: Int128 = denominator < 0 ? -1 : 1
    let divisor = Swift.max(1, gcd128(numerator, denominator))
    guard let n = Int(exactly: sign * numerator / divisor), let d = Int(exactly: sign * denominator / divisor) else {
      return nil
    }
    return Rational(reducedNumerator: n, denominator: d)
  }

  public static let zero = Rational(0)
  public static let one = Rational(1)

  public var isZero: Bool { numerator == 0 }
  public var isInteger: Bool { denominator == 1 }

  // MARK: Checked arithmetic (nil when the result does not fit)

  public func adding(_ other: Rational) -> Rational? {
    Rational.reduced(
      Int128(numerator) * Int128(other.denominator) + Int128(other.numerator) * Int128(denominator),
      Int128(denominator) * Int128(other.denominator))
  }

  public func subtracting(_ other: Rational) -> Rational? {
    Rational.reduced(
      Int128(numerator) * Int128(other.denominator) - Int128(other.numerator) * Int128(denominator),
      Int128(denominator) * Int128(other.denominator))
  }

  public func negated() -> Rational? { Rational.reduced(-Int128(numerator), Int128(denominator)) }

  public func multiplied(by other: Rational) -> Rational? {
    Rational.reduced(Int128(numerator) * Int128(other.numerator), Int128(denominator) * Int128(other.denominator))
  }

  public func divided(by other: Rational) -> Rational? {
    Rational.reduced(Int128(numerator) * Int128(other.denominator), Int128(denominator) * Int128(other.numerator))
  }

  /// Exact in 128 bits: products of two 64-bit values cannot overflow there.
  public static func < (a: Rational, b: Rational) -> Bool {
    Int128(a.numerator) * Int128(b.denominator) < Int128(b.numerator) * Int128(a.denominator)
  }

  public var description: String {
    isInteger ? "\(numerator)" : "\(numerator)/\(denominator)"
  }
}

/// Greatest common divisor of the magnitudes; gcd(0, 0) == 0. Nil only for gcd(Int.min, 0)
/// and gcd(Int.min, Int.min), whose answer 2^63 is not an `Int`.
public func gcd(_ a: Int, _ b: Int) -> Int? {
  Int(exactly: gcd128(Int128(a), Int128(b)))
}

func gcd128(_ a: Int128, _ b: Int128) -> Int128 {
  var (x, y) = (a.magnitude, b.magnitude)
  while y != 0 { (x, y) = (y, x % y) }
  return Int128(x)
}

/// Least common multiple of the magnitudes, or nil when it does not fit.
public func lcm(_ a: Int, _ b: Int) -> Int? {
  if a == 0 || b == 0 { return 0 }
  let (x, y) = (Int128(a), Int128(b))
  return Int(exactly: (x / gcd128(x, y) * y).magnitude)
}
