import CSyntax
import SymbolicAlgebra

/// A loop variable multiplied or divided by a constant each iteration: `s *= 2`, `len <<= 1`,
/// `s = s * 4` counting up, `m /= 2`, `m >>= 1` counting down (FFT strides, reductions by
/// halves). Its values are no arithmetic sequence: the loop's trip count is bounded from above
/// in the polynomials figures are made of (a value times k grows by at least its start times
/// k - 1, a positive value divided shrinks by at least 1), so the work and the footprints
/// inside are bounded, never smaller than the truth. A variable that would never grow (from 0
/// or a value not known to be positive), nor shrink to its bound (a bound below 0), or an
/// unsigned one that may wrap past its bound, is no such loop.
struct LoopScaling: Hashable {
  /// What the variable is multiplied (divided) by, at least 2.
  var factor: Int
  var ascending: Bool

  init(factor: Int, ascending: Bool) {
    self.factor = factor
    self.ascending = ascending
  }

  /// The scaling `increment` makes of `variable`; nil for anything else.
  init?(of increment: Expr, changing variable: String) {
    func constant(_ expression: Expr) -> Int? {
      switch expression.kind {
      case .integerLiteral(let value), .constant(let value): value
      case .cast(let inner): constant(inner)
      default: nil
      }
    }
    func scaling(_ op: String, by amount: Expr) -> LoopScaling? {
      guard let value = constant(amount) else { return nil }
      switch op {
      case "*" where value >= 2: return LoopScaling(factor: value, ascending: true)
      case "/" where value >= 2: return LoopScaling(factor: value, ascending: false)
      case "<<" where (1...30).contains(value): return LoopScaling(factor: 1 << value, ascending: true)
      case ">>" where (1...30).contains(value): return LoopScaling(factor: 1 << value, ascending: false)
      default: return nil
      }
    }
    guard case .binary(let op, let target, let value) = increment.kind, target.assignedName == variable else {
      return nil
    }
    switch op {
    case "*=", "/=", "<<=", ">>=":
      guard let found = scaling(String(op.dropLast()), by: value) else { return nil }
      self = found
    case "=":
      // `s = s * 2`, `s = 2 * s`, `m = m >> 1`.
      guard case .binary(let inner, let lhs, let rhs) = value.kind else { return nil }
      if lhs.assignedName == variable, let found = scaling(inner, by: rhs) {
        self = found
      } else if inner == "*", rhs.assignedName == variable, let found = scaling(inner, by: lhs) {
        self = found
      } else {
        return nil
      }
    default:
      return nil
    }
  }

  /// `sum(body)` over the loop's values, bounded from above: a body that does not change with
  /// the variable times the trip count's bound; one of degree 1 with no negative part, its
  /// slope times twice the largest value (values each at least k times the one before add up
  /// to at most k / (k - 1) of the largest); else one that only grows (shrinks) at the largest
  /// (smallest) value, times the trip count's bound. Nil for any other.
  func sum(_ body: Polynomial, over loop: CountedLoop) -> Polynomial? {
    let variable = loop.variable
    guard body.mentions(variable) else { return body * loop.tripCount }
    if body.degree(in: variable) == 1 {
      let parts = body.coefficients(of: variable)
      let slope = parts[1] ?? .zero
      let rest = parts[0] ?? .zero
      if slope.isNeverNegativeForNonNegativeVariables, rest.isNeverNegativeForNonNegativeVariables {
        return slope * loop.last * 2 + rest * loop.tripCount
      }
    }
    let direction: Int? = body.direction(in: variable)
    switch direction {
    case 1: return body.substituting(variable, with: loop.last) * loop.tripCount
    case -1: return body.substituting(variable, with: loop.first) * loop.tripCount
    default: return nil
    }
  }

  /// The values the variable may hold once the loop is left: its start, or one scaling past a
  /// value in the loop (at most k times the largest counting up; at least 0 counting down).
  func exitRange(of loop: CountedLoop) -> IndexRange {
    ascending
      ? IndexRange(low: loop.start, high: .maximum(loop.start, loop.last * factor))
      : IndexRange(low: .minimum(loop.start, .zero), high: loop.start)
  }
}

extension FunctionAnalyzer {
  /// The loop `test` counts with `scaling` from `start` to `bound`: `v < b`, `v <= b` counting
  /// up from a constant start of at least 1, `v > b` (b >= 0), `v >= b` (b >= 1) counting down.
  /// An unsigned variable counting up only to a constant bound that its last value times k
  /// cannot wrap past. Nil for any other, and around spawn sites (`SiteLoops`).
  func scaledLoop(
    _ loop: Stmt, test: LoopTest, start: Polynomial, bound: Polynomial, scaling: LoopScaling, renamed: Bool
  ) -> CountedLoop? {
    // A spawn site's loops state trip counts the runtime prices batches by, not upper bounds.
    if case .loopsOnly = mode { return nil }
    let inclusive: Bool
    let first: Polynomial
    let last: Polynomial
    let trips: Polynomial
    if scaling.ascending {
      // From 0 (or a value not known to be positive) the variable never grows.
      guard let least = start.integerValue, least >= 1, test.op == "<" || test.op == "<=" else { return nil }
      if test.isUnsigned {
        guard let constant = bound.integerValue, constant <= (1 << 31) / scaling.factor else { return nil }
      }
      inclusive = test.op == "<="
      // The t-th value is at least start + t * start * (k - 1).
      let growth = Polynomial(least * (scaling.factor - 1))
      trips = (bound - start + growth - (inclusive ? .zero : .one)) / growth
      (first, last) = (start, inclusive ? bound : bound - .one)
    } else {
      // A positive value divided by k >= 2 loses at least 1; at a bound below 0 it stays at 0.
      guard let constant = bound.integerValue,
        (test.op == ">" && constant >= 0) || (test.op == ">=" && constant >= 1)
      else { return nil }
      inclusive = test.op == ">="
      trips = start - bound + (inclusive ? .one : .zero)
      (first, last) = (inclusive ? bound : bound + .one, start)
    }
    let variable = test.variable
    return CountedLoop(
      variable: renamed ? variable + "#loop" : variable, renamedFrom: renamed ? variable : nil, first: first,
      last: last, step: .one, ascending: scaling.ascending, tripCount: trips, location: loop.location,
      scaling: scaling)
  }
}
