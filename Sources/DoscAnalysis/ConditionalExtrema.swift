import CSyntax
import SymbolicAlgebra

extension FunctionAnalyzer {
  /// `a < b ? a : b` (and `<=`, `>`, `>=`, either arm first) is `min(a, b)` or `max(a, b)`: the
  /// `MIN`/`MAX` macros of tiled loops (`i < MIN(ii + B, hi)`) and Pluto's bounds. Only for a
  /// comparison of signed integers of the conditional's own size, whose values are the arms'
  /// values (`then`, `otherwise`, already evaluated), and of values that are no bounded range
  /// (a comparison of ranges orders no one value); nil otherwise. An unsigned comparison is
  /// made modulo 2^N, where `n - 1` at n = 0 is no small number.
  func extremum(_ condition: Expr, _ then: Polynomial, _ otherwise: Polynomial, _ conditional: Expr) -> Polynomial? {
    guard case .binary(let op, let left, let right) = condition.kind, ["<", "<=", ">", ">="].contains(op),
      [left.type, right.type, conditional.type].allSatisfy({ $0.kind == .integer && !$0.isUnsigned }),
      left.type.size == right.type.size, left.type.size == conditional.type.size,
      let a = evaluateQuietly(left).polynomial, let b = evaluateQuietly(right).polynomial,
      !a.variables.union(b.variables).contains(where: { boundedValues[$0] != nil })
    else { return nil }
    let x = then
    let y = otherwise
    // `a < b ? a : b` is min(a, b); `a < b ? b : a` is max(a, b); `>` the other way round.
    let smallerFirst = op.hasPrefix("<")
    let isMinimum: Bool
    if a == x && b == y {
      isMinimum = smallerFirst
    } else if a == y && b == x {
      isMinimum = !smallerFirst
    } else {
      return nil
    }
    return soundExtreme(minimum: isMinimum, a, b)
  }

  /// `min(a, b)` or `max(a, b)`, or nil where the algebra's choice may be wrong. The algebra
  /// decides them assuming variables are not negative (`min(i, 2*i)` is `i`). Its choice of
  /// one operand is kept only where every variable of the difference is an unchanged parameter
  /// of the task that stays in the figure: the spawn checks such a parameter is not negative
  /// (a negative one keeps the spawn on its own node). A loop variable or a local is checked
  /// nowhere (`for (i = -10; ...)`: `min(i, 2*i)` is `2*i`).
  func soundExtreme(minimum: Bool, _ a: Polynomial, _ b: Polynomial) -> Polynomial? {
    let value: Polynomial = minimum ? .minimum(a, b) : .maximum(a, b)
    guard (a - b).constantValue == nil, value == a || value == b else { return value }
    let kept = value.variables
    let difference = (a - b).variables
    guard difference.isSubset(of: checkedParameterNames), difference.isSubset(of: kept),
      (value == a ? b : a).variables.isSubset(of: kept)
    else { return nil }
    return value
  }
}
