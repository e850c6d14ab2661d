/// An exact fraction. Symbolic sums (the trip count of a triangular loop nest, say) need
/// halves and sixths on the way to integer results, so coefficients are rationals.
public struct Rational: Hashable, Sendable, Comparable, CustomStringConvertible {
  public let numerator: Int
  public let denominator: Int

  public init(_ numerator: Int, _ denominator: Int = 1) {
    precondition(denominator != 0, "zero denominator")
    let sign = denominator < 0 ? -1 : 1
    let divisor = Swift.max(1, gcd(numerator, denominator))
    self.numerator = sign * numerator / divisor
    self.denominator = sign * denominator / divisor
  }

  public static let zero = Rational(0)
  public static let one = Rational(1)

  public var isZero: Bool { numerator == 0 }
  public var isInteger: Bool { denominator == 1 }

  public static func + (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator + b.numerator * a.denominator, a.denominator * b.denominator)
  }
  public static func - (a: Rational, b: Rational) -> Rational { a + (-b) }
  public static prefix func - (a: Rational) -> Rational { Rational(-a.numerator, a.denominator) }
  public static func * (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.numerator, a.denominator * b.denominator)
  }
  public static func / (a: Rational, b: Rational) -> Rational {
    Rational(a.numerator * b.denominator, a.denominator * b.numerator)
  }
  public static func < (a: Rational, b: Rational) -> Bool {
    a.numerator * b.denominator < b.numerator * a.denominator
  }

  public var description: String {
    isInteger ? "\(numerator)" : "\(numerator)/\(denominator)"
  }
}

/// Greatest common divisor of the magnitudes; gcd(0, 0) == 0.
public func gcd(_ a: Int, _ b: Int) -> Int {
  var (x, y) = (a.magnitude, b.magnitude)
  while y != 0 { (x, y) = (y, x % y) }
  return Int(x)
}

public func lcm(_ a: Int, _ b: Int) -> Int {
  a == 0 || b == 0 ? 0 : abs(a / gcd(a, b) * b)
}
