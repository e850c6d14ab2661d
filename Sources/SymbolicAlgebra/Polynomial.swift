/// A polynomial with rational coefficients over atoms: the algebra in which the analyzer
/// states access counts, footprints and work as functions of a task's parameters.
/// Values are canonical (like terms combined, zeros dropped), so `==` is structural equality
/// of the simplified forms.
///
/// A coefficient that would not fit in 64 bits makes the result `Polynomial.overflow`, a value
/// that absorbs every later operation (like NaN): the analyzer turns a figure that overflowed
/// into null with a reason instead of trapping or printing a wrapped number.
public struct Polynomial: Hashable, Sendable, CustomStringConvertible {
  public private(set) var terms: [Monomial: Rational]
  /// True for `Polynomial.overflow`: some coefficient on the way did not fit in 64 bits.
  public private(set) var isOverflow: Bool

  public init(terms: [Monomial: Rational] = [:]) {
    self.terms = terms.filter { !$0.value.isZero }
    self.isOverflow = false
  }

  private init(overflowed: ()) {
    self.terms = [:]
    self.isOverflow = true
  }

  public init(_ constant: Int) { self.init(terms: [.one: Rational(constant)]) }
  public init(_ constant: Rational) { self.init(terms: [.one: constant]) }
  public init(atom: Atom) { self.init(terms: [Monomial(atom): .one]) }

  public static func variable(_ name: String) -> Polynomial { Polynomial(atom: .variable(name)) }

  public static let zero = Polynomial()
  public static let one = Polynomial(1)
  /// The result of arithmetic whose coefficients did not fit in 64 bits.
  public static let overflow = Polynomial(overflowed: ())

  // MARK: Inspection

  public var isZero: Bool { terms.isEmpty && !isOverflow }
  public var isConstant: Bool { !isOverflow && terms.keys.allSatisfy(\.isOne) }
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
  /// depends on the values. A quotient, `min` or `max` counts only where its operands make it
  /// never negative (`(hi - lo) / 2` is negative for hi < lo though hi and lo are not).
  public var signAssumingNonNegativeVariables: Int? {
    if isOverflow { return nil }
    if isZero { return 0 }
    let productsNeverNegative = terms.keys.allSatisfy(\.isNeverNegativeForNonNegativeVariables)
    if productsNeverNegative && terms.values.allSatisfy({ $0 >= .zero }) && constantTerm > .zero { return 1 }
    if productsNeverNegative && terms.values.allSatisfy({ $0 <= .zero }) && constantTerm < .zero { return -1 }
    if hasOnlyPositiveCoefficients && terms.keys.allSatisfy(\.onlyVariables) { return 1 }
    return nil
  }

  // MARK: Arithmetic

  public static func + (a: Polynomial, b: Polynomial) -> Polynomial {
    if a.isOverflow || b.isOverflow { return .overflow }
    var terms = a.terms
    for (monomial, coefficient) in b.terms {
      guard let sum = terms[monomial, default: .zero].adding(coefficient) else { return .overflow }
      terms[monomial] = sum
    }
    return Polynomial(terms: terms)
  }
  public static prefix func - (a: Polynomial) -> Polynomial {
    if a.isOverflow { return .overflow }
    var terms: [Monomial: Rational] = [:]
    for (monomial, coefficient) in a.terms {
      guard let negated = coefficient.negated() else { return .overflow }
      terms[monomial] = negated
    }
    return Polynomial(terms: terms)
  }
  public static func - (a: Polynomial, b: Polynomial) -> Polynomial { a + (-b) }
  public static func * (a: Polynomial, b: Polynomial) -> Polynomial {
    if a.isOverflow || b.isOverflow { return .overflow }
    var terms: [Monomial: Rational] = [:]
    for (m1, c1) in a.terms {
      for (m2, c2) in b.terms {
        guard let product = c1.multiplied(by: c2), let sum = terms[m1 * m2, default: .zero].adding(product) else {
          return .overflow
        }
        terms[m1 * m2] = sum
      }
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
    if a.isOverflow || b.isOverflow { return .overflow }
    if let x = a.integerValue, let y = b.integerValue, y != 0 {
      // Int.min / -1 is the one C division that overflows.
      let (quotient, overflow) = x.dividedReportingOverflow(by: y)
      return overflow ? .overflow : Polynomial(quotient)
    }
    if let divisor = b.integerValue, divisor != 0, divisor != -1,
      a.terms.values.allSatisfy({ $0.isInteger && $0.numerator % divisor == 0 })
    {
      return Polynomial(terms: a.terms.mapValues { Rational($0.numerator / divisor) })
    }
    if a.isZero { return .zero }
    return Polynomial(atom: .quotient(a, b))
  }

  /// The smaller of two values, decided symbolically where the difference has a known sign.
  public static func minimum(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    if a.isOverflow || b.isOverflow { return .overflow }
    switch (a - b).signAssumingNonNegativeVariables {
    case .some(0), .some(-1): return a
    case .some(1): return b
    default:
      return minimumAtom(a, b)
    }
  }

  public static func maximum(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    if a.isOverflow || b.isOverflow { return .overflow }
    switch (a - b).signAssumingNonNegativeVariables {
    case .some(0), .some(1): return a
    case .some(-1): return b
    default: return maximumAtom(a, b)
    }
  }

  /// The atom `max(a, b)`, its operands in the canonical order.
  private static func maximumAtom(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    let (x, y) = a.description <= b.description ? (a, b) : (b, a)
    return Polynomial(atom: .maximum(x, y))
  }

  /// `min(a, b)` as an atom, its operands in one order (the same value prints one way).
  private static func minimumAtom(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    let (x, y) = a.description <= b.description ? (a, b) : (b, a)
    return Polynomial(atom: .minimum(x, y))
  }

  /// `max(self, 0)`, assuming nothing of any variable's sign (a loop's variable may be
  /// negative, where `maximum` takes every variable as not): `self` where it is never negative
  /// whatever the values (`isNeverNegativeForAnyValues`), 0 for a negative constant, else the
  /// atom.
  public var clampedAtZero: Polynomial {
    if isOverflow { return .overflow }
    if let constant = constantValue { return constant < .zero ? .zero : self }
    return isNeverNegativeForAnyValues ? self : Self.maximumAtom(self, .zero)
  }

  /// The larger of two values, assuming nothing of any variable's sign (where `maximum` takes
  /// every variable as never negative): one whose excess over the other is never negative
  /// whatever the values (`isNeverNegativeForAnyValues`), else the atom. For bounds over names
  /// that may hold any value: `max(n + 3, 3)` stays, since n may be negative.
  public static func maximumForAnyValues(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    if a.isOverflow || b.isOverflow { return .overflow }
    if (a - b).isNeverNegativeForAnyValues { return a }
    if (b - a).isNeverNegativeForAnyValues { return b }
    return maximumAtom(a, b)
  }

  /// The smaller of two values, assuming nothing of any variable's sign (see
  /// `maximumForAnyValues`).
  public static func minimumForAnyValues(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    if a.isOverflow || b.isOverflow { return .overflow }
    if (b - a).isNeverNegativeForAnyValues { return a }
    if (a - b).isNeverNegativeForAnyValues { return b }
    return minimumAtom(a, b)
  }

  /// Whether the value is never negative when no variable is: every coefficient is not
  /// negative and every product is never negative then (`max(2, lo)`, `lo - 2*(lo/2)` is not).
  public var isNeverNegativeForNonNegativeVariables: Bool {
    !isOverflow
      && terms.allSatisfy { monomial, coefficient in
        coefficient >= .zero && monomial.isNeverNegativeForNonNegativeVariables
      }
  }

  /// Whether the value is never negative whatever the values of its variables: every
  /// coefficient is not negative and every factor is squared or an atom that is never negative
  /// (`max(x, 0)`, a clamp).
  public var isNeverNegativeForAnyValues: Bool {
    !isOverflow
      && terms.allSatisfy { monomial, coefficient in
        coefficient >= .zero
          && monomial.factors.allSatisfy { $0.exponent % 2 == 0 || $0.atom.isNeverNegativeForAnyValues }
      }
  }

  // MARK: Substitution and evaluation

  /// The polynomial with each atom replaced by `transform(atom)` (each term's coefficient times
  /// the product of its atoms' replacements, each raised to its exponent), simplified.
  public func mappingAtoms(_ transform: (Atom) -> Polynomial) -> Polynomial {
    if isOverflow { return self }
    var result = Polynomial.zero
    for (monomial, coefficient) in terms {
      var product = Polynomial(coefficient)
      for factor in monomial.factors { product = product * transform(factor.atom).power(factor.exponent) }
      result += product
    }
    return result
  }

  /// Replaces variables by polynomials (inside min/max/quotient atoms too) and simplifies.
  public func substituting(_ bindings: [String: Polynomial]) -> Polynomial {
    if bindings.isEmpty { return self }
    return mappingAtoms { $0.substituting(bindings) }
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
    if isOverflow { return -1 }
    let coefficients = coefficients(of: name)
    if coefficients.values.contains(where: { $0.mentions(name) }) { return -1 }
    return coefficients.keys.max() ?? 0
  }

  /// The value for concrete variable values, with C's integer semantics for quotients.
  /// Throws when a variable has no value.
  public func evaluate(_ values: [String: Int]) throws -> Rational {
    if isOverflow { throw EvaluationError.overflow }
    var sum = Rational.zero
    for (monomial, coefficient) in terms {
      var product = coefficient
      for factor in monomial.factors {
        let value = try factor.atom.evaluate(values)
        for _ in 0..<factor.exponent {
          guard let next = product.multiplied(by: value) else { throw EvaluationError.overflow }
          product = next
        }
      }
      guard let next = sum.adding(product) else { throw EvaluationError.overflow }
      sum = next
    }
    return sum
  }

  // MARK: Printing

  public var description: String { cExpression }

  /// The polynomial as a C expression: `(hi-lo)*n*n`, `hi-lo+2`, `(n*n-n)/2`; nil for
  /// `overflow`, or when printing it with integer coefficients would overflow.
  public var representableCExpression: String? { PolynomialPrinter.print(self) }

  /// `representableCExpression`, with `overflow` where there is none: for messages and tests.
  public var cExpression: String { representableCExpression ?? "overflow" }

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

  /// Whether the product is never negative when no variable is: each factor is, or is squared.
  var isNeverNegativeForNonNegativeVariables: Bool {
    factors.allSatisfy { $0.exponent % 2 == 0 || $0.atom.isNeverNegativeForNonNegativeVariables }
  }
}

extension Atom {
  /// Whether the atom is never negative when no variable is: a variable; a quotient of such a
  /// dividend by a positive divisor (C truncates toward 0); a `min` of two such operands; a
  /// `max` with one.
  var isNeverNegativeForNonNegativeVariables: Bool {
    switch self {
    case .variable: true
    case .quotient(let dividend, let divisor):
      dividend.isNeverNegativeForNonNegativeVariables && divisor.signAssumingNonNegativeVariables == 1
    case .minimum(let a, let b):
      a.isNeverNegativeForNonNegativeVariables && b.isNeverNegativeForNonNegativeVariables
    case .maximum(let a, let b):
      a.isNeverNegativeForNonNegativeVariables || b.isNeverNegativeForNonNegativeVariables
    }
  }
}

extension Atom {
  /// Whether the atom is never negative whatever the values of its variables: a `max` with
  /// such an operand, a `min` of two, a quotient of one by a positive constant.
  var isNeverNegativeForAnyValues: Bool {
    switch self {
    case .variable: false
    case .maximum(let a, let b): a.isNeverNegativeForAnyValues || b.isNeverNegativeForAnyValues
    case .minimum(let a, let b): a.isNeverNegativeForAnyValues && b.isNeverNegativeForAnyValues
    case .quotient(let a, let b): a.isNeverNegativeForAnyValues && (b.integerValue ?? 0) > 0
    }
  }
}

extension Atom {
  /// The atom with the bound names replaced. One that mentions none is the same value and is
  /// kept as it is: rebuilt through `minimum` and `maximum`, which take every variable as never
  /// negative, a clamp `max(m + 5, 0)` (made by `clampedAtZero` because `m` may be negative)
  /// would become `m + 5`. One that does mention one is rebuilt through them: right where the
  /// variables of the values bound are never negative (a task's checked parameters: `max(j -
  /// r, 0)` at j = 0 is 0), which the caller answers for.
  func substituting(_ bindings: [String: Polynomial]) -> Polynomial {
    guard variables.contains(where: { bindings[$0] != nil }) else { return Polynomial(atom: self) }
    switch self {
    case .variable(let name): return bindings[name] ?? Polynomial(atom: self)
    case .minimum(let a, let b): return .minimum(a.substituting(bindings), b.substituting(bindings))
    case .maximum(let a, let b): return .maximum(a.substituting(bindings), b.substituting(bindings))
    case .quotient(let a, let b): return a.substituting(bindings) / b.substituting(bindings)
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
      let (quotient, overflow) = x.numerator.dividedReportingOverflow(by: y.numerator)
      if overflow { throw EvaluationError.overflow }
      return Rational(quotient)
    }
  }
}

public enum EvaluationError: Error, Equatable {
  case unboundVariable(String)
  case badDivision(String)
  /// A value on the way did not fit in 64 bits.
  case overflow
}
