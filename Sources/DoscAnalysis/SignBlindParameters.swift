import CSyntax

/// The signed integer parameters of a function that it cannot tell apart below 0: each use is
/// the bound `n` of a loop `for (i = c; i < n; i++)` whose variable starts at a constant
/// `c >= 0`, only rises and is signed (then `i < n` is false at once for every `n <= 0`, as for
/// 0), or the whole argument at a call that passes it to such a parameter of another function
/// of the file; the parameter itself is never changed. The function does for a negative value
/// exactly what it does for 0, so its figures, which take its integer parameters as not
/// negative, hold for `max(v, 0)` at a call passing a value `v` that may be negative
/// (`level3(p, n - 1)` with `i < n`). A figure that leans on the sign otherwise (a stride
/// `a[i * w]`, a remainder `k % d`, a start `3 * lo`) keeps its parameter out of this set.
struct SignBlindParameters {
  private let context: AnalysisContext

  init(_ context: AnalysisContext) { self.context = context }

  /// Whether `function`'s parameter at `position` is sign-blind.
  func contains(_ function: FunctionDefinition, position: Int) -> Bool {
    isBlind(function, position: position, visiting: [])
  }

  private func isBlind(_ function: FunctionDefinition, position: Int, visiting: Set<String>) -> Bool {
    guard position < function.parameters.count, !visiting.contains(function.name) else { return false }
    let parameter = function.parameters[position]
    guard parameter.type.kind == .integer, !parameter.type.isUnsigned else { return false }
    let name = parameter.name
    let mutations = MutationFacts(function)
    guard !mutations.isModified(name) else { return false }
    var hidden = false
    SyntaxWalk.forEachStatement(in: function.body) { statement in
      switch statement.kind {
      case .unsupported, .gotoStatement, .labeled: hidden = true
      default: break
      }
    }
    guard !hidden else { return false }
    var uses = 0
    var blindUses = 0
    SyntaxWalk.forEachStatement(in: function.body) { statement in
      if case .forLoop(let initializer, let condition?, let increment?, let body) = statement.kind,
        let variable = risingVariable(initializer, increment), !mutations.addressTaken.contains(variable),
        !mutations.modifiedInLoopBody[statement.range.lowerBound, default: []].contains(variable),
        !isModified(variable, in: body),
        bounds(condition, by: name, below: variable)
      {
        blindUses += 1
      }
    }
    SyntaxWalk.forEachExpression(in: function.body) { expression in
      switch expression.kind {
      case .name(let used, _) where used == name:
        uses += 1
      case .call(let callee?, _, let arguments):
        guard let definition = context.definition(named: callee) else { break }
        for (index, argument) in arguments.enumerated() {
          guard case .name(let passed, _) = argument.kind, passed == name else { continue }
          if isBlind(definition, position: index, visiting: visiting.union([function.name])) { blindUses += 1 }
        }
      default:
        break
      }
    }
    return uses == blindUses
  }

  /// The variable of `for (i = c; ...; i++)` (or `++i`, `i += k` for a constant `k > 0`) with a
  /// constant start `c >= 0` and a signed integer type: never negative where the loop tests it.
  private func risingVariable(_ initializer: Stmt?, _ increment: Expr) -> String? {
    let variable: String
    switch increment.kind {
    case .unary(let op, let operand) where op == "++" || op == "post++":
      guard case .name(let name, _) = operand.kind else { return nil }
      variable = name
    case .binary("+=", let target, let step):
      guard case .name(let name, _) = target.kind, let value = constantValue(step), value > 0 else { return nil }
      variable = name
    default:
      return nil
    }
    guard let initializer else { return nil }
    var start: Expr?
    switch initializer.kind {
    case .declaration(let declarations):
      guard declarations.count == 1, declarations[0].name == variable, !declarations[0].type.isUnsigned,
        declarations[0].type.kind == .integer
      else { return nil }
      start = declarations[0].initializer
    case .expression(let expression):
      guard case .binary("=", let target, let value) = expression.kind, case .name(let name, _) = target.kind,
        name == variable, target.type.kind == .integer, !target.type.isUnsigned
      else { return nil }
      start = value
    default:
      return nil
    }
    guard let start, let value = constantValue(start), value >= 0 else { return nil }
    return variable
  }

  /// Whether `condition` is `i < n` or `n > i`, alone or as a conjunct of `&&` (false at once
  /// for any `n <= i`), over signed operands.
  private func bounds(_ condition: Expr, by name: String, below variable: String) -> Bool {
    switch condition.kind {
    case .binary("&&", let left, let right):
      return bounds(left, by: name, below: variable) || bounds(right, by: name, below: variable)
    case .binary("<", let low, let high), .binary(">", let high, let low):
      guard case .name(let lowName, _) = low.kind, lowName == variable, case .name(let highName, _) = high.kind,
        highName == name, !low.type.isUnsigned, !high.type.isUnsigned
      else { return false }
      return true
    default:
      return false
    }
  }

  /// Whether `statement` assigns `variable` or takes its address anywhere.
  private func isModified(_ variable: String, in statement: Stmt) -> Bool {
    var modified = false
    SyntaxWalk.forEachExpression(in: statement) { expression in
      switch expression.kind {
      case .binary(let op, let target, _) where op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op):
        if case .name(let name, _) = target.kind, name == variable { modified = true }
      case .unary(let op, let operand) where ["++", "--", "post++", "post--", "&"].contains(op):
        if case .name(let name, _) = operand.kind, name == variable { modified = true }
      default:
        break
      }
    }
    return modified
  }

  private func constantValue(_ expression: Expr) -> Int? {
    switch expression.kind {
    case .integerLiteral(let value), .constant(let value): return value
    case .cast(let inner): return constantValue(inner)
    default: return nil
    }
  }
}
