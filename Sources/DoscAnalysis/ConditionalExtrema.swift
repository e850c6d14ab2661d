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
    let value: Polynomial = isMinimum ? .minimum(a, b) : .maximum(a, b)
    // The algebra decides min and max assuming variables are not negative. Its choice of one
    // operand is kept only where the other adds no variable: one that vanished from the figure
    // would escape the check that keeps a spawn whose arguments are negative on its own node.
    if (a - b).constantValue == nil, value == a || value == b {
      let dropped = (value == a ? b : a).variables.subtracting(value.variables)
      if !dropped.isEmpty { return nil }
    }
    return value
  }
}
