import SymbolicAlgebra

/// The safety net against symbolic blow-up: a figure that grows beyond `largestFigure` nodes
/// (terms, factors and the operands of `min`, `max` and quotients, counted through every
/// level) becomes null with the reason "analysis too costly" instead of being carried on. Each
/// loop around it multiplies or nests such a figure again, and the operations on it (printing,
/// substituting, proving clamps) grow with its size: unchecked, a few nested loops whose bounds
/// are clamped `max`es of each other took minutes (`Tests/Oracle/repro/
/// unseen11-slow-smooth.c`). Sizes are counted, not timed, so the result is the same on any
/// machine under any load. Null is always sound: it claims nothing.
enum AnalysisBudget {
  /// Far above any figure a person reads (the largest in Tests/Oracle has a few dozen nodes).
  static let largestFigure = 4_000

  static func tooCostly(at location: String) -> String {
    "analysis too costly: a figure of the loop at \(location) grows beyond \(largestFigure) symbolic terms"
  }

  /// `count`, or nil when it is beyond the budget.
  static func bounded(_ count: Count) -> Count {
    guard let count, count.symbolicSize(upTo: largestFigure) <= largestFigure else { return nil }
    return count
  }

  /// `range`, or nil when either end is beyond the budget.
  static func bounded(_ range: IndexRange) -> IndexRange? {
    bounded(range.low) == nil || bounded(range.high) == nil ? nil : range
  }
}

extension Polynomial {
  /// The number of terms, factors and operands through every level of nesting, counted no
  /// further than past `limit` (so checking a huge figure costs no more than the limit).
  func symbolicSize(upTo limit: Int) -> Int {
    var size = 0
    func visit(_ polynomial: Polynomial) {
      for monomial in polynomial.terms.keys {
        size += 1
        for factor in monomial.factors where size <= limit {
          size += 1
          switch factor.atom {
          case .variable: break
          case .minimum(let a, let b), .maximum(let a, let b), .quotient(let a, let b):
            visit(a)
            if size <= limit { visit(b) }
          }
        }
        if size > limit { return }
      }
    }
    visit(self)
    return size
  }
}
