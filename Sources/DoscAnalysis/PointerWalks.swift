import CSyntax
import SymbolicAlgebra

/// Pointer variables assigned more than once (`p = in; ... p += m;`, `*p++`): followed through
/// straight-line code, and through a counted loop that steps them by a loop-invariant amount
/// exactly once per iteration, where they are an affine index in the loop variable. Wherever
/// control flow joins, they point into the memory all their values derive from
/// (`walkedTarget`), at an offset the analysis does not know.
extension FunctionAnalyzer {
  /// Whether `name` is a pointer variable this follows (one assigned once is `bind`'s).
  func isWalkedPointer(_ name: String, type: CType) -> Bool {
    guard type.isPointer, !mutations.addressTaken.contains(name) else { return false }
    // A parameter has a value before any assignment: one changed at all has several.
    if function.parameters.contains(where: { $0.name == name }) { return mutations.isModified(name) }
    return !mutations.isSingleAssignment(name)
  }

  /// Where a pointer parameter that the function moves points at its start; an integer one
  /// that it changes is its value at the call (`ScalarWalks`).
  func seedWalkedParameters() {
    for (index, parameter) in function.parameters.enumerated() {
      if isWalkedPointer(parameter.name, type: parameter.type) {
        pointers[parameter.name] = .parameter(index: index, offset: .zero)
        walkedPointerNames.insert(parameter.name)
      } else if isWalkedScalar(parameter.name, type: parameter.type) {
        scalars[parameter.name] = .variable(parameter.name)
        walkedScalarNames.insert(parameter.name)
      }
    }
  }

  /// `p += amount` (`p++`: 1); nil amount: by an amount with no symbolic form.
  func step(_ name: String, by amount: Polynomial?) {
    pointers[name] = pointers[name]?.offset(by: amount)
  }

  /// After code in which the variables `names` may have changed in ways not followed: what
  /// they point into is then what every value they are ever given points into.
  /// The same for the integer variables `ScalarWalks` follows.
  func forgetWalkedPointers(_ names: Set<String>) {
    for name in names.intersection(walkedPointerNames) { pointers[name] = nil }
    // A counter keeps its range over its loop (`CounterRanges`).
    for name in names.intersection(walkedScalarNames) where counterRanges[name] == nil { scalars[name] = nil }
  }

  /// At a label, control may come from anywhere.
  func forgetAllWalkedPointers() {
    forgetWalkedPointers(walkedPointerNames.union(walkedScalarNames))
  }

  /// At the top of each iteration of `loop`: each walked pointer it changes is an affine
  /// function of the loop variable, or points at an unknown offset.
  func enterLoop(_ loop: Stmt, counted: CountedLoop?, condition: Expr?, increment: Expr?, body: Stmt) {
    let modified = mutations.modifiedInLoop[loop.range.lowerBound] ?? []
    for name in modified.intersection(walkedPointerNames).sorted() where pointers[name] != nil {
      guard let counted, counted.scaling == nil, let start = pointers[name], start.hasKnownOffset,
        let perIteration = stepPerIteration(
          of: name, modified: modified, condition: condition, increment: increment, body: body)
      else {
        pointers[name] = nil
        continue
      }
      // The iteration's number, from 0, times the step (in what the pointer points to).
      let iteration = (Polynomial.variable(counted.variable) - counted.start) * counted.direction
      pointers[name] = start.offset(by: iteration * perIteration / counted.step)
    }
    // A second induction variable (`ix += incx` beside `i++`): affine in the loop's variable.
    // A counter stepped otherwise, only up (`CounterRanges`): in a range over the loop.
    pendingCounterStarts = [:]
    for name in modified.intersection(walkedScalarNames).sorted() where counterRanges[name] == nil {
      guard let counted, counted.scaling == nil, let value = scalars[name],
        let perIteration = stepPerIteration(
          of: name, modified: modified, condition: condition, increment: increment, body: body)
      else {
        if counted != nil, let start = scalars[name],
          onlyStepsUp(name, condition: condition, increment: increment, body: body)
        {
          pendingCounterStarts[name] = start
        }
        scalars[name] = nil
        continue
      }
      let iteration = (Polynomial.variable(counted.variable) - counted.start) * counted.direction
      scalars[name] = value + iteration * perIteration / counted.step
    }
  }

  /// The loop-invariant amount the loop adds to `name` per iteration, when it does so only by
  /// steps that run once per iteration: in the increment, or as statements of the body itself
  /// (not inside a branch or an inner loop), with no `continue` to skip them.
  func stepPerIteration(
    of name: String, modified: Set<String>, condition: Expr?, increment: Expr?, body: Stmt
  ) -> Polynomial? {
    if condition?.assigns(name) == true { return nil }
    var total = Polynomial.zero
    var parts = increment?.commaSeparated ?? []
    let statements: [Stmt]
    if case .compound(let items) = body.kind { statements = items } else { statements = [body] }
    for statement in statements {
      if case .expression(let expression) = statement.kind {
        parts += expression.commaSeparated
      } else if statement.assigns(name) || statement.declares(name) {
        return nil
      }
    }
    var hasContinue = false
    SyntaxWalk.forEachStatement(in: body) { if case .continueStatement = $0.kind { hasContinue = true } }
    if hasContinue { return nil }
    for part in parts where part.assigns(name) {
      guard let steps = unconditionalSteps(of: name, in: part) else { return nil }
      for step in steps {
        guard let amount = stepAmount(step, of: name, invariantIn: modified) else { return nil }
        total = total + amount
      }
    }
    return total
  }

  /// The steps of `name` inside `expression` (`*p++ = x`), when each runs whenever the
  /// expression does (none under `?:`, `&&`, `||`) and nothing else changes `name`.
  private func unconditionalSteps(of name: String, in expression: Expr, conditional: Bool = false) -> [Expr]? {
    var steps: [Expr] = []
    switch expression.kind {
    case .unary(let op, let target) where target.assignedName == name:
      guard !conditional, op.contains("++") || op.contains("--") else { return nil }
      steps.append(expression)
    case .binary(let op, let target, _)
    where target.assignedName == name && op.hasSuffix("=")
      && !["==", "!=", "<=", ">="].contains(op):
      guard !conditional, op == "+=" || op == "-=" else { return nil }
      steps.append(expression)
    default:
      break
    }
    let branches: Bool
    switch expression.kind {
    case .conditional, .binary("&&", _, _), .binary("||", _, _): branches = true
    default: branches = false
    }
    for (position, child) in expression.children.enumerated() {
      guard let inner = unconditionalSteps(of: name, in: child, conditional: conditional || (branches && position > 0))
      else { return nil }
      steps += inner
    }
    return steps
  }

  /// `p++`, `--p`, `p += k`, `p -= k` with `k` unchanged by the loop; nil for anything else.
  private func stepAmount(_ expression: Expr, of name: String, invariantIn modified: Set<String>) -> Polynomial? {
    switch expression.kind {
    case .unary(let op, let target) where target.assignedName == name:
      switch op {
      case "++", "post++": return .one
      case "--", "post--": return -.one
      default: return nil
      }
    case .binary(let op, let target, let amount) where target.assignedName == name && (op == "+=" || op == "-="):
      guard amount.names.isDisjoint(with: modified), !amount.assigns(name),
        let value = evaluateQuietly(amount).polynomial
      else { return nil }
      return op == "+=" ? value : -value
    default:
      return nil
    }
  }
}

extension Stmt {
  /// Whether running this statement may change the variable `name`.
  func assigns(_ name: String) -> Bool {
    var found = false
    SyntaxWalk.forEachExpression(in: self) { if !found && $0.assigns(name) { found = true } }
    return found
  }

  /// Whether this statement declares a variable called `name` (which would hide another).
  func declares(_ name: String) -> Bool {
    var found = false
    SyntaxWalk.forEachStatement(in: self) { statement in
      if case .declaration(let variables) = statement.kind, variables.contains(where: { $0.name == name }) {
        found = true
      }
    }
    return found
  }
}
