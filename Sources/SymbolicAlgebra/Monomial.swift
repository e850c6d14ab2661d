/// A product of atoms with positive exponents, kept sorted so that equal products compare equal.
public struct Monomial: Hashable, Sendable {
  public private(set) var factors: [Factor]

  public struct Factor: Hashable, Sendable {
    public var atom: Atom
    public var exponent: Int
  }

  public static let one = Monomial(factors: [])

  public init(_ atom: Atom, exponent: Int = 1) {
    factors = exponent == 0 ? [] : [Factor(atom: atom, exponent: exponent)]
  }

  init(factors: [Factor]) {
    self.factors = factors.filter { $0.exponent != 0 }.sorted { $0.atom.sortKey < $1.atom.sortKey }
  }

  public var degree: Int { factors.reduce(0) { $0 + $1.exponent } }
  public var isOne: Bool { factors.isEmpty }

  public func exponent(of atom: Atom) -> Int {
    factors.first { $0.atom == atom }?.exponent ?? 0
  }

  public static func * (a: Monomial, b: Monomial) -> Monomial {
    var exponents: [Atom: Int] = [:]
    for factor in a.factors + b.factors { exponents[factor.atom, default: 0] += factor.exponent }
    return Monomial(factors: exponents.map { Factor(atom: $0.key, exponent: $0.value) })
  }

  /// `self` divided by `other`; nil when some exponent would go negative.
  public func dividing(by other: Monomial) -> Monomial? {
    var exponents = Dictionary(uniqueKeysWithValues: factors.map { ($0.atom, $0.exponent) })
    for factor in other.factors {
      let remaining = (exponents[factor.atom] ?? 0) - factor.exponent
      if remaining < 0 { return nil }
      exponents[factor.atom] = remaining
    }
    return Monomial(factors: exponents.map { Factor(atom: $0.key, exponent: $0.value) })
  }

  /// The largest monomial dividing both.
  public static func greatestCommonDivisor(_ a: Monomial, _ b: Monomial) -> Monomial {
    Monomial(
      factors: a.factors.compactMap { factor in
        let shared = Swift.min(factor.exponent, b.exponent(of: factor.atom))
        return shared > 0 ? Factor(atom: factor.atom, exponent: shared) : nil
      })
  }

  /// `n*n*m`: C has no power operator, so powers are spelled out. A quotient keeps its own
  /// parentheses inside a product (`n*((n+1)/2)`), where C would otherwise regroup it;
  /// `standalone` is for a monomial printed alone, with no coefficient.
  func cExpression(standalone: Bool = false) -> String {
    let alone = standalone && factors.count == 1 && factors[0].exponent == 1
    return factors.flatMap { factor -> [String] in
      let text: String
      if case .quotient = factor.atom, !alone {
        text = "(\(factor.atom.cExpression))"
      } else {
        text = factor.atom.cExpression
      }
      return Array(repeating: text, count: factor.exponent)
    }.joined(separator: "*")
  }

  /// Canonical order for printing: higher degree first, then by the printed form.
  static func printsBefore(_ a: Monomial, _ b: Monomial) -> Bool {
    if a.degree != b.degree { return a.degree > b.degree }
    return a.factors.map(\.atom.sortKey).lexicographicallyPrecedes(b.factors.map(\.atom.sortKey))
      || (a.factors.map(\.atom.sortKey) == b.factors.map(\.atom.sortKey)
        && a.factors.map(\.exponent).lexicographicallyPrecedes(b.factors.map(\.exponent)))
  }
}
