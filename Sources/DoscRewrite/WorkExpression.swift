import SymbolicAlgebra

/// Compiles a task's work figure into a C expression over the values a site passes,
/// evaluated at spawn time for `dosc_spawn_pays`.
enum WorkExpression {
  /// The C the compiled expressions call, defined in every file that holds them. Arithmetic
  /// saturates: the figures are evaluated at the user's arguments, and `n*n*n` at n = 3e6
  /// must not be signed overflow (undefined behaviour) in the user's program; nor may a
  /// quotient whose divisor is 0 at some spawn trap. A saturated work figure is simply huge.
  static let helpers = """
    static inline long long dosc__min(long long a, long long b) { return a < b ? a : b; }
    static inline long long dosc__max(long long a, long long b) { return a > b ? a : b; }
    static inline long long dosc__nonneg(long long a) { return a < 0 ? 0 : a; }
    static inline long long dosc__add(long long a, long long b) {
      long long r;
      return __builtin_add_overflow(a, b, &r) ? (b > 0 ? __LONG_LONG_MAX__ : -__LONG_LONG_MAX__ - 1) : r;
    }
    static inline long long dosc__mul(long long a, long long b) {
      long long r;
      return __builtin_mul_overflow(a, b, &r) ? ((a < 0) != (b < 0) ? -__LONG_LONG_MAX__ - 1 : __LONG_LONG_MAX__) : r;
    }
    static inline long long dosc__div(long long a, long long b) {
      return b == 0 ? 0 : (b == -1 && a == -__LONG_LONG_MAX__ - 1) ? __LONG_LONG_MAX__ : a / b;
    }
    """

  /// A task parameter and the C the site passes for it.
  struct Argument {
    var name: String
    var value: String
    var isArithmetic: Bool
  }

  /// `-1` (unknown) unless the work is known and every name in it is an arithmetic parameter.
  static func compile(_ work: Polynomial?, arguments: [Argument]) -> String {
    guard let work, !work.isOverflow else { return "-1" }
    if let constant = work.integerValue { return constant < 0 ? "0" : "\(constant)LL" }
    let values = Dictionary(
      arguments.filter(\.isArithmetic).map { ($0.name, "((long long)(\($0.value)))") }, uniquingKeysWith: { a, _ in a })
    return expression(work, values).map { "dosc__nonneg(\($0))" } ?? "-1"
  }

  /// A figure that may be negative (a footprint's `first`, as in `lo-1`) as C, unclamped; nil
  /// when unknown or not over arithmetic parameters alone.
  static func value(_ figure: Polynomial?, arguments: [Argument]) -> String? {
    guard let figure, !figure.isOverflow else { return nil }
    if let constant = figure.integerValue { return "(\(constant)LL)" }
    let values = Dictionary(
      arguments.filter(\.isArithmetic).map { ($0.name, "((long long)(\($0.value)))") }, uniquingKeysWith: { a, _ in a })
    return expression(figure, values)
  }

  /// `p` in C `long long` arithmetic (saturating, see `helpers`): integer coefficients over a
  /// common denominator, divided last, so the value is the polynomial's wherever it is an
  /// integer (as work figures are) and fits.
  private static func expression(_ p: Polynomial, _ values: [String: String]) -> String? {
    if p.isZero { return "0LL" }
    var denominator = 1
    for coefficient in p.terms.values {
      guard let common = gcd(denominator, coefficient.denominator) else { return nil }
      let (product, overflow) = denominator.multipliedReportingOverflow(by: coefficient.denominator / common)
      guard !overflow else { return nil }
      denominator = product
    }
    var terms: [String] = []
    for (monomial, coefficient) in p.terms.sorted(by: { order($0.key) < order($1.key) }) {
      let (scaled, overflow) = coefficient.numerator.multipliedReportingOverflow(
        by: denominator / coefficient.denominator)
      guard !overflow else { return nil }
      var factors = ["\(scaled)LL"]
      for factor in monomial.factors {
        guard let atom = atom(factor.atom, values) else { return nil }
        factors += Array(repeating: atom, count: factor.exponent)
      }
      terms.append(nested("dosc__mul", factors))
    }
    let sum = nested("dosc__add", terms)
    return denominator == 1 ? sum : "dosc__div(\(sum), \(denominator)LL)"
  }

  private static func atom(_ atom: Atom, _ values: [String: String]) -> String? {
    switch atom {
    case .variable(let name):
      return values[name]
    case .minimum(let a, let b), .maximum(let a, let b):
      guard let x = expression(a, values), let y = expression(b, values) else { return nil }
      if case .minimum = atom { return "dosc__min(\(x), \(y))" }
      return "dosc__max(\(x), \(y))"
    case .quotient(let a, let b):
      guard let x = expression(a, values), let y = expression(b, values) else { return nil }
      return "dosc__div(\(x), \(y))"
    }
  }

  /// `f(f(a, b), c)` for the operands in order; the operand itself when there is one.
  private static func nested(_ function: String, _ operands: [String]) -> String {
    operands.dropFirst().reduce(operands[0]) { "\(function)(\($0), \($1))" }
  }

  /// A deterministic order of terms: the generated C is the same on every run.
  private static func order(_ monomial: Monomial) -> String {
    Polynomial(terms: [monomial: .one]).cExpression
  }
}
