import CSyntax
import SymbolicAlgebra

extension FunctionAnalyzer {
  /// `a < b ? a : b` (and `<=`, `>`, `>=`, either arm first) is `min(a, b)` or `max(a, b)`: the
  /// `MIN`/`MAX` macros of tiled loops (`i < MIN(ii + B, hi)`) and Pluto's bounds. Only for a
  /// comparison of signed integers of the conditional's own size, whose values are the arms'
  /// values (`then`, `otherwise`, already evaluated), and of values that are no bounded range
  /// (a comparison of ranges orders no one value); nil otherwise. An unsigned comparison is
  /// made modulo 2^N, where `n - 1` at n = 0 is no small number. A side that is a constant
  /// may be of a narrower signed type: widened, it keeps its value (`MAX(is, 1)` of a `long`).
  func extremum(_ condition: Expr, _ then: Polynomial, _ otherwise: Polynomial, _ conditional: Expr) -> Polynomial? {
    extremum(condition, then, otherwise, type: conditional.type)
  }

  /// The same for a value of `type` that is `then` where `condition` holds and `otherwise`
  /// where it does not: a variable after `if (lo < 2) lo = 2;` (max(lo, 2)) or `if (hi > n) hi = n;`.
  func extremum(_ condition: Expr, _ then: Polynomial, _ otherwise: Polynomial, type: CType) -> Polynomial? {
    guard case .binary(let op, let left, let right) = condition.kind, ["<", "<=", ">", ">="].contains(op),
      [left.type, right.type, type].allSatisfy({ $0.kind == .integer && !$0.isUnsigned }),
      let a = evaluateQuietly(left).polynomial, let b = evaluateQuietly(right).polynomial,
      keepsItsValue(left, a, in: type), keepsItsValue(right, b, in: type),
      !mentionsBoundedValue(a), !mentionsBoundedValue(b)
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

  /// Whether the comparison's side `side`, of value `value`, has the same value as a `type`: it
  /// is of that size, or a constant that `type` holds.
  private func keepsItsValue(_ side: Expr, _ value: Polynomial, in type: CType) -> Bool {
    if side.type.size == type.size { return true }
    guard let constant = value.integerValue else { return false }
    return type.integerRange?.contains(constant) ?? true
  }

  /// `min(a, b)` or `max(a, b)`, or nil where the algebra's choice may be wrong. The algebra
  /// decides them assuming variables are not negative (`min(i, 2*i)` is `i`). Its choice of
  /// one operand is kept only where every variable of the difference is a parameter of the task
  /// named by its value at the call (`checkedParameterNames`) that stays in the figure: the
  /// spawn checks such a parameter is not negative
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

  /// After `if (condition) ...`: a followed integer variable (`ScalarWalks`) whose arms leave it at
  /// the two values the condition compares is their min or max, not unknown: the clamps before
  /// a loop (`if (lo < 2) lo = 2;`, `if (hi > n) hi = n; else ...`). `arms` are the variables'
  /// values at the end of each arm (the `else` arm's are those before the `if` when it has
  /// none). The value holds wherever control goes on after the `if`, whichever arm ran. The
  /// variable's type is that of the condition's side that names it. Two other values are one
  /// of them, a value between the lesser and the greater (`eitherValue`): pifft's `shift` of 0
  /// or 1, AMGmk's block `[ns, ne)` set in both arms.
  func joinClamps(_ condition: Expr, before: [String: Polynomial], arms: [[String: Polynomial]]) {
    guard arms.count == 2 else { return }
    // The condition compared the values from before the `if`.
    let after = scalars
    var joined: [String: Polynomial] = [:]
    scalars = before
    for name in walkedScalarNames.sorted() where after[name] == nil && !condition.assigns(name) {
      guard let then = arms[0][name], let otherwise = arms[1][name], then != otherwise else { continue }
      if case .binary(_, let left, let right) = condition.kind,
        let named = [left, right].first(where: { $0.assignedName == name }),
        let value = extremum(condition, then, otherwise, type: named.type)
      {
        joined[name] = value
      } else if let value = eitherValue(then, otherwise).polynomial {
        joined[name] = value
      }
    }
    scalars = after.merging(joined) { _, clamped in clamped }
  }
}
