/// A polynomial with rational coefficients over atoms: the algebra in which the analyzer
/// states access counts, footprints and work as functions of a task's parameters.
/// Values are canonical (like terms combined, zeros dropped), so `==` is structural equality
/// of the simplified forms.
public struct Polynomial: Hashable, Sendable, CustomStringConvertible {
  public private(set) var terms: [Monomial: Rational]

  public init(terms: [Monomial: Rational] = [:]) {
    self.terms = terms.filter { !$0.value.isZero }
  }

  public init(_ constant: Int) { self.init(terms: [.one: Rational(constant)]) }
  public init(_ constant: Rational) { self.init(terms: [.one: constant]) }
  public init(atom: Atom) { self.init(terms: [Monomial(atom): .one]) }

  public static func variable(_ name: String) -> Polynomial { Polynomial(atom: .variable(name)) }

  public static let zero = Polynomial()
  public static let one = Polynomial(1)

  // MARK: Inspection

  public var isZero: Bool { terms.isEmpty }
  public var isConstant: Bool { terms.keys.allSatisfy(\.isOne) }
  /// The value when the polynomial is a constant.
  public var constantValue: Rational? { isConstant ? (terms[.one] ?? .zero) : nil }
  public var integerValue: Int? {
    guard let value = constantValue, value.isInteger else { return nil }
    return value.numerator
  }
  public var constantTerm: Rational { terms[.one] ?? .zero }

  public var variables: Set<String> {
    terms.keys.reduce(into: Set<String>()) { result, monomial in
      for factor in monomial.factors { result.formUnion(factor.atom.variables) }
    }
  }

  public func mentions(_ name: String) -> Bool { variables.contains(name) }

  /// Highest total degree of a term; 0 for constants (and for zero).
  public var degree: Int { terms.keys.map(\.degree).max() ?? 0 }

  /// True when every coefficient is positive: then the value is positive whenever all
  /// atoms are (the analyzer assumes sizes and bounds are non-negative).
  public var hasOnlyPositiveCoefficients: Bool { !terms.isEmpty && terms.values.allSatisfy { $0 > .zero } }

  /// Sign under the assumption that every variable is non-negative: +1, -1, 0, or nil when it
  /// depends on the values.
  public var signAssumingNonNegativeVariables: Int? {
    if isZero { return 0 }
    if terms.values.allSatisfy({ $0 >= .zero }) && constantTerm > .zero { return 1 }
    if terms.values.allSatisfy({ $0 <= .zero }) && constantTerm < .zero { return -1 }
    if hasOnlyPositiveCoefficients && terms.keys.allSatisfy(\.onlyVariables) { return 1 }
    return nil
  }

  // MARK: Arithmetic

  public static func + (a: Polynomial, b: Polynomial) -> Polynomial {
    var terms = a.terms
    for (monomial, coefficient) in b.terms {
      terms[monomial, default: .zero] = terms[monomial, default: .zero] + coefficient
    }
    return Polynomial(terms: terms)
  }
  public static prefix func - (a: Polynomial) -> Polynomial { Polynomial(terms: a.terms.mapValues { -$0 }) }
  public static func - (a: Polynomial, b: Polynomial) -> Polynomial { a + (-b) }
  public static func * (a: Polynomial, b: Polynomial) -> Polynomial {
    var terms: [Monomial: Rational] = [:]
    for (m1, c1) in a.terms {
      for (m2, c2) in b.terms { terms[m1 * m2, default: .zero] = terms[m1 * m2, default: .zero] + c1 * c2 }
    }
    return Polynomial(terms: terms)
  }
  public static func * (a: Polynomial, k: Rational) -> Polynomial { a * Polynomial(k) }
  public static func * (a: Polynomial, k: Int) -> Polynomial { a * Polynomial(k) }
  public static func + (a: Polynomial, k: Int) -> Polynomial { a + Polynomial(k) }
  public static func - (a: Polynomial, k: Int) -> Polynomial { a - Polynomial(k) }
  public static func += (a: inout Polynomial, b: Polynomial) { a = a + b }

  public func power(_ exponent: Int) -> Polynomial {
    (0..<exponent).reduce(Polynomial.one) { result, _ in result * self }
  }

  /// C integer division. Exact when the divisor is a constant dividing every coefficient;
  /// otherwise an opaque quotient atom that still evaluates like C.
  public static func / (a: Polynomial, b: Polynomial) -> Polynomial {
    if let x = a.integerValue, let y = b.integerValue, y != 0 { return Polynomial(x / y) }
    if let divisor = b.integerValue, divisor != 0,
      a.terms.values.allSatisfy({ $0.isInteger && $0.numerator % divisor == 0 })
    {
      return Polynomial(terms: a.terms.mapValues { $0 / Rational(divisor) })
    }
    if a.isZero { return .zero }
    return Polynomial(atom: .quotient(a, b))
  }

  /// The smaller of two values, decided symbolically where the difference has a known sign.
  public static func minimum(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    switch (a - b).signAssumingNonNegativeVariables {
    case .some(0), .some(-1): return a
    case .some(1): return b
    default:
      let (x, y) = a.description <= b.description ? (a, b) : (b, a)
      return Polynomial(atom: .minimum(x, y))
    }
  }

  public static func maximum(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    switch (a - b).signAssumingNonNegativeVariables {
    case .some(0), .some(1): return a
    case .some(-1): return b
    default:
      let (x, y) = a.description <= b.description ? (a, b) : (b, a)
      return Polynomial(atom: .maximum(x, y))
    }
  }

  // MARK: Substitution and evaluation

  /// Replaces variables by polynomials (inside min/max/quotient atoms too) and simplifies.
  public func substituting(_ bindings: [String: Polynomial]) -> Polynomial {
    if bindings.isEmpty { return self }
    var result = Polynomial.zero
    for (monomial, coefficient) in terms {
      var product = Polynomial(coefficient)
      for factor in monomial.factors {
        product = product * factor.atom.substituting(bindings).power(factor.exponent)
      }
      result += product
    }
    return result
  }

  public func substituting(_ name: String, with value: Polynomial) -> Polynomial {
    substituting([name: value])
  }

  /// The coefficients of the powers of `name`: `self == sum(c[k] * name^k)`, where the `c[k]`
  /// do not contain `name` outside opaque atoms.
  public func coefficients(of name: String) -> [Int: Polynomial] {
    var result: [Int: Polynomial] = [:]
    let atom = Atom.variable(name)
    for (monomial, coefficient) in terms {
      let power = monomial.exponent(of: atom)
      let rest = monomial.dividing(by: Monomial(atom, exponent: power)) ?? monomial
      result[power, default: .zero] += Polynomial(terms: [rest: coefficient])
    }
    return result
  }

  /// Degree in one variable (opaque atoms that mention it count as non-polynomial: -1).
  public func degree(in name: String) -> Int {
    let coefficients = coefficients(of: name)
    if coefficients.values.contains(where: { $0.mentions(name) }) { return -1 }
    return coefficients.keys.max() ?? 0
  }

  /// The value for concrete variable values, with C's integer semantics for quotients.
  /// Throws when a variable has no value.
  public func evaluate(_ values: [String: Int]) throws -> Rational {
    var sum = Rational.zero
    for (monomial, coefficient) in terms {
      var product = coefficient
      for factor in monomial.factors {
        let value = try factor.atom.evaluate(values)
        for _ in 0..<factor.exponent { product = product * value }
      }
      sum = sum + product
    }
    return sum
  }

  // MARK: Printing

  public var description: String { cExpression }

  /// The polynomial as a C expression: `(hi-lo)*n*n`, `hi-lo+2`, `(n*n-n)/2`.
  public var cExpression: String { PolynomialPrinter.print(self) }

  /// As an operand of `/`: parenthesized unless it is a single number or atom.
  var cOperand: String {
    let text = cExpression
    if terms.count == 1, let (monomial, coefficient) = terms.first,
      (monomial.isOne && coefficient.isInteger && coefficient.numerator >= 0)
        || (coefficient == .one && monomial.factors.count == 1 && monomial.degree == 1)
    {
      if case .quotient? = monomial.factors.first?.atom { return "(\(text))" }
      return text
    }
    return "(\(text))"
  }
}

extension Monomial {
  var onlyVariables: Bool {
    factors.allSatisfy { if case .variable = $0.atom { true } else { false } }
  }
}

extension Atom {
  func substituting(_ bindings: [String: Polynomial]) -> Polynomial {
    switch self {
    case .variable(let name): bindings[name] ?? Polynomial(atom: self)
    case .minimum(let a, let b): .minimum(a.substituting(bindings), b.substituting(bindings))
    case .maximum(let a, let b): .maximum(a.substituting(bindings), b.substituting(bindings))
    case .quotient(let a, let b): a.substituting(bindings) / b.substituting(bindings)
    }
  }

  func evaluate(_ values: [String: Int]) throws -> Rational {
    switch self {
    case .variable(let name):
      guard let value = values[name] else { throw EvaluationError.unboundVariable(name) }
      return Rational(value)
    case .minimum(let a, let b): return Swift.min(try a.evaluate(values), try b.evaluate(values))
    case .maximum(let a, let b): return Swift.max(try a.evaluate(values), try b.evaluate(values))
    case .quotient(let a, let b):
      let (x, y) = (try a.evaluate(values), try b.evaluate(values))
      guard x.isInteger, y.isInteger, y.numerator != 0 else { throw EvaluationError.badDivision(cExpression) }
      return Rational(x.numerator / y.numerator)
    }
  }
}

public enum EvaluationError: Error, Equatable {
  case unboundVariable(String)
  case badDivision(String)
}
