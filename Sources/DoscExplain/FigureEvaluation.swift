import DoscManifest
import Foundation
import SymbolicAlgebra

/// Manifest figures evaluated in floating point at the values the user gives (`--set`), so a
/// break-even search over large sizes (n = 2^40: n^3 overflows 64 bits) saturates to infinity
/// instead of trapping. Integer division truncates toward zero, as in C and the generated code.
extension Polynomial {
  func value(at values: [String: Double]) -> Double? {
    var sum = 0.0
    for (monomial, coefficient) in terms {
      var product = Double(coefficient.numerator) / Double(coefficient.denominator)
      for factor in monomial.factors {
        guard let base = factor.atom.value(at: values) else { return nil }
        product *= pow(base, Double(factor.exponent))
      }
      sum += product
    }
    return sum
  }
}

extension Atom {
  func value(at values: [String: Double]) -> Double? {
    switch self {
    case .variable(let name): return values[name]
    case .minimum(let a, let b):
      guard let x = a.value(at: values), let y = b.value(at: values) else { return nil }
      return Swift.min(x, y)
    case .maximum(let a, let b):
      guard let x = a.value(at: values), let y = b.value(at: values) else { return nil }
      return Swift.max(x, y)
    case .quotient(let a, let b):
      guard let x = a.value(at: values), let y = b.value(at: values), y != 0 else { return nil }
      return (x / y).rounded(.towardZero)
    }
  }
}

extension ManifestExpression {
  /// The value at `values`; nil when the figure is null or names a variable without a value.
  func value(at values: [String: Double]) -> Double? { polynomial?.value(at: values) }

  /// The names the figure depends on.
  var variables: Set<String> { polynomial?.variables ?? [] }
}
