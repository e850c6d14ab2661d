import CSyntax
import SymbolicAlgebra

extension FunctionAnalyzer {
  /// Recognizes `for (i = a; i < b; i += s)` and its variants, with bounds invariant in the
  /// loop; nil for any other loop. A condition `i < b && more` counts by its comparison: the
  /// loop may stop sooner, so the trip count and the range of `i` are upper bounds, which the
  /// figures may be (never smaller than the truth). `stepIsLastInBody`: the step is the body's
  /// last statement, not a `for`'s increment (`FunctionAnalyzer.boundedWhile` has checked that
  /// nothing else in the body assigns the variable).
  func countedLoop(
    _ loop: Stmt, initializer: Stmt?, condition: Expr?, increment: Expr?, stepIsLastInBody: Bool = false
  ) -> CountedLoop? {
    guard let condition else { return nil }
    for comparison in condition.conjuncts {
      if let counted = countedLoop(
        loop, initializer: initializer, comparison: comparison, increment: increment,
        stepIsLastInBody: stepIsLastInBody)
      {
        return counted
      }
    }
    return nil
  }

  private func countedLoop(
    _ loop: Stmt, initializer: Stmt?, comparison condition: Expr, increment: Expr?, stepIsLastInBody: Bool
  ) -> CountedLoop? {
    // The loop variable is the one the condition compares.
    guard let increment, case .binary(var op, let lhs, let rhs) = condition.kind,
      let variable = lhs.assignedName ?? rhs.assignedName
    else { return nil }
    var start: Polynomial?
    switch initializer?.kind {
    case .declaration(let variables)?:
      start = variables.last(where: { $0.name == variable })?.initializer.flatMap { evaluateQuietly($0).polynomial }
    case .expression(let expression)?:
      // `for (j = 0, p = in; ...)`: the last assignment to the variable gives its start.
      for part in expression.commaSeparated.reversed() {
        if case .binary("=", let target, let value) = part.kind, target.assignedName == variable {
          start = evaluateQuietly(value).polynomial
          break
        }
      }
    default: break
    }
    // `++j, p += m`: one part steps the variable, the others leave it alone.
    let parts = increment.commaSeparated
    let steps = parts.compactMap { step(of: $0, changing: variable) }
    guard let start, steps.count == 1, let step = steps.first,
      parts.filter({ $0.assigns(variable) }).count == 1
    else { return nil }
    guard stepIsLastInBody || !(mutations.modifiedInLoopBody[loop.range.lowerBound] ?? []).contains(variable)
    else { return nil }

    var boundExpr = rhs
    if lhs.assignedName != variable {
      guard rhs.assignedName == variable else { return nil }
      boundExpr = lhs
      op = ["<": ">", ">": "<", "<=": ">=", ">=": "<=", "!=": "!="][op] ?? "?"
    }
    // The bound must not change while the loop runs.
    let modified = mutations.modifiedInLoop[loop.range.lowerBound] ?? []
    guard boundExpr.names.isDisjoint(with: modified.subtracting([variable])),
      !boundExpr.names.contains(variable),
      let bound = evaluateQuietly(boundExpr).polynomial
    else { return nil }

    let magnitude = abs(step)
    let first: Polynomial
    let last: Polynomial
    let trips: Polynomial
    // `i != n` stepping by one stops where `i < n` (or `i > n`) would; a larger step may skip n.
    if op == "!=" && magnitude == 1 { op = step > 0 ? "<" : ">" }
    switch (op, step > 0) {
    case ("<", true):
      trips = magnitude == 1 ? bound - start : (bound - start + (magnitude - 1)) / Polynomial(magnitude)
      first = start
      last = magnitude == 1 ? bound - 1 : start + (trips - 1) * magnitude
    case ("<=", true):
      trips = magnitude == 1 ? bound - start + 1 : (bound - start + magnitude) / Polynomial(magnitude)
      first = start
      last = magnitude == 1 ? bound : start + (trips - 1) * magnitude
    case (">", false):
      trips = magnitude == 1 ? start - bound : (start - bound + (magnitude - 1)) / Polynomial(magnitude)
      last = start
      first = magnitude == 1 ? bound + 1 : start - (trips - 1) * magnitude
    case (">=", false):
      trips = magnitude == 1 ? start - bound + 1 : (start - bound + magnitude) / Polynomial(magnitude)
      last = start
      first = magnitude == 1 ? bound : start - (trips - 1) * magnitude
    default:
      return nil
    }
    return CountedLoop(
      variable: variable, first: first, last: last, step: magnitude, ascending: step > 0, tripCount: trips,
      location: loop.location)
  }

  /// The constant amount `increment` adds to `variable` (`i++`, `--i`, `i += 2`); nil when it
  /// changes anything else, or by an amount that is not a non-zero constant.
  private func step(of increment: Expr, changing variable: String) -> Int? {
    switch increment.kind {
    case .unary(let op, let target) where target.assignedName == variable:
      switch op {
      case "++", "post++": return 1
      case "--", "post--": return -1
      default: return nil
      }
    case .binary(let op, let target, let amount) where target.assignedName == variable && (op == "+=" || op == "-="):
      guard let value = evaluateQuietly(amount).polynomial?.integerValue, value != 0 else { return nil }
      return op == "+=" ? value : -value
    default:
      return nil
    }
  }
}

extension Expr {
  /// `a, b, c` as its parts; any other expression as itself.
  var commaSeparated: [Expr] {
    if case .binary(",", let a, let b) = kind { return a.commaSeparated + b.commaSeparated }
    return [self]
  }

  /// Whether evaluating this expression may change the variable `name`.
  func assigns(_ name: String) -> Bool {
    switch kind {
    case .binary(let op, let target, _) where op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op):
      if target.assignedName == name { return true }
    case .unary(let op, let target) where op.contains("++") || op.contains("--") || op == "&":
      if target.assignedName == name { return true }
    default: break
    }
    return children.contains { $0.assigns(name) }
  }
}

extension Expr {
  /// `a && b && c` as `[a, b, c]`; any other expression as itself.
  var conjuncts: [Expr] {
    if case .binary("&&", let left, let right) = kind { return left.conjuncts + right.conjuncts }
    return [self]
  }
}
