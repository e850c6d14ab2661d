import CSyntax
import SymbolicAlgebra

/// Integer variables assigned more than once (`ix = 0; ... ix += incx;`, `b[k++] = x`): their
/// values are followed through straight-line code, and through a counted loop that steps them
/// by a loop-invariant amount exactly once per iteration, where they are affine in the loop's
/// variable (a second induction variable, BLAS's strided `ix`). Wherever control flow joins,
/// or they change in a way not followed, their value is unknown again, as it always was.
///
/// Only a signed `int` or wider (narrower ones wrap on assignment), its address never taken:
/// a local declared once in the function (a name declared twice may be two variables), or a
/// parameter that the function changes outside loops (`n -= 1;`) and no local hides, which
/// starts at its value at the call, the value its name stands for in a figure
/// (`seedWalkedParameters`).
extension FunctionAnalyzer {
  func isWalkedScalar(_ name: String, type: CType) -> Bool {
    guard type.kind == .integer, !type.isUnsigned, (type.size ?? 0) >= 4, !mutations.addressTaken.contains(name)
    else { return false }
    if function.parameters.contains(where: { $0.name == name }) {
      // One assigned once is named for its current value where not followed (`invariantValue`)
      // in the loop walk of a spawning function, whose figures become C there, where the name
      // is its current value; in a task's figures the name is its value at the call, so it is
      // followed (`hi = hi > n ? n : hi;`). One changed in a loop may be its variable, whose
      // name there is the symbol of its values.
      let followed: Bool
      if case .loopsOnly = mode { followed = !mutations.isSingleAssignment(name) } else { followed = true }
      return mutations.isModified(name) && followed && declarationCounts[name] == nil
        && !mutations.isModifiedInSomeLoop(name)
    }
    return !mutations.isSingleAssignment(name) && declarationCounts[name] == 1
  }

  /// Whether `name` is an integer parameter that only the step of the loop being entered
  /// changes, `stepAssignments` times as `MutationFacts` counts (`while (n-- > 0)`, `while (n--)`,
  /// `for (; n > 0; n--)`), outside any loop that changes it: it enters that loop at its value
  /// at the call, which its name stands for in figures, so in the loop its values are another
  /// symbol (`CountedLoop.renamedFrom`). Not in the loop walk of a spawning function, whose
  /// figures are C at the spawn, where the name is its value then.
  func isCountedParameter(_ name: String, stepAssignments: Int) -> Bool {
    if case .loopsOnly = mode { return false }
    guard let parameter = function.parameters.first(where: { $0.name == name }), parameter.type.kind == .integer
    else { return false }
    return declarationCounts[name] == nil && mutations.isAssigned(name, exactly: stepAssignments)
      && !openLoops.contains { $0.contains(name) }
  }

  /// `k += amount`, `k -= amount` of a walked scalar, and `n *= c`, `n /= c` by a non-zero
  /// constant (C's truncating quotient); nil for any other compound assignment.
  func stepWalkedScalar(_ op: String, _ target: Expr, by amount: Expr) -> Value? {
    guard ["+=", "-=", "*=", "/="].contains(op), let name = target.assignedName,
      isWalkedScalar(name, type: target.type)
    else { return nil }
    let value = evaluate(amount).polynomial
    summary.addWork(1)
    walkedScalarNames.insert(name)
    if let step = counterStep(op, by: amount) {
      if countingSteps.contains(name) { summary.addCounterStep(name, by: step) }
      if let stepped = steppedCounter(name, by: step, valueBefore: false) { return stepped }
    }
    guard let before = scalars[name], let value, op == "+=" || op == "-=" || (value.integerValue ?? 0) != 0 else {
      scalars[name] = nil
      return .unknownScalar
    }
    switch op {
    case "+=": scalars[name] = before + value
    case "-=": scalars[name] = before - value
    case "*=": scalars[name] = before * value
    default: scalars[name] = before / value
    }
    return .scalar(scalars[name])
  }

  /// `k++`, `--k` of a walked scalar: its value before (after) the step; nil for anything else.
  func stepWalkedScalar(_ op: String, _ operand: Expr) -> Value? {
    guard let name = operand.assignedName, isWalkedScalar(name, type: operand.type) else { return nil }
    walkedScalarNames.insert(name)
    if op == "++" || op == "post++" {
      if countingSteps.contains(name) { summary.addCounterStep(name, by: 1) }
      if let stepped = steppedCounter(name, by: 1, valueBefore: op == "post++") { return stepped }
    }
    guard let before = scalars[name] else { return .unknownScalar }
    scalars[name] = before + (op.hasSuffix("++") ? .one : -.one)
    return .scalar(op.hasPrefix("post") ? before : scalars[name])
  }

  /// The names declared in the function, each with how many declarations it has; a `static`
  /// one counts twice (its initializer runs once per program, not at each call).
  static func declarationCounts(in function: FunctionDefinition) -> [String: Int] {
    var counts: [String: Int] = [:]
    SyntaxWalk.forEachStatement(in: function.body) { statement in
      if case .declaration(let variables) = statement.kind {
        for variable in variables { counts[variable.name, default: 0] += variable.isStatic ? 2 : 1 }
      }
    }
    return counts
  }
}
