import CSyntax
import DoscSupport
import SymbolicAlgebra

/// Counters: an integer variable a counted loop only steps up by constants (`k++`, `k += 2`),
/// anywhere in its body, in inner loops and branches (miniFE's packed element matrix,
/// `o[offset++]` in a triangular nest; HPCG's `out[k++]` under a condition), not once per
/// iteration (`ScalarWalks` follows those exactly, `PointerWalks.enterLoop`). Over the whole
/// loop its values lie between its value where the loop starts and that plus all the steps the
/// loop makes, which a quiet walk of one iteration counts first (`AccessSummary.counterSteps`,
/// added up over paths and inner loops as work is) and the loop's sum adds up over its
/// iterations. In the loop's body the counter is then a value in that range (`BoundedValues`):
/// `k++` at most the range's top less its own step, `++k` at least the start plus its step.
/// Its accesses cover what it may touch (never sure, nor dense). No counter is followed where
/// a label may jump into the loop, the loop may call this function, or in a spawning
/// function's loop walk (`boundedValue` makes no symbol there).
struct CounterRange {
  /// The counter's value where the loop starts.
  var start: Polynomial
  /// All the steps the loop makes, at most: never negative.
  var steps: Polynomial
  /// Where the loop that bounds it is.
  var loop: SourceLocation
}

extension FunctionAnalyzer {
  /// Whether `loop` (its `condition`, `increment` and `body`) changes `name` only by steps up
  /// by a constant (`k++`, `++k`, `k += 3`), and declares no variable of that name.
  func onlyStepsUp(_ name: String, condition: Expr?, increment: Expr?, body: Stmt) -> Bool {
    if body.declares(name) { return false }
    var upOnly = true
    let check = { (node: Expr) in
      if upOnly, node.nameAssignedHere == name, self.counterStep(node, of: name) == nil { upOnly = false }
    }
    for expression in [condition, increment].compactMap({ $0 }) { SyntaxWalk.forEachExpression(in: expression, check) }
    SyntaxWalk.forEachExpression(in: body, check)
    return upOnly
  }

  /// The amount `expression` steps `name` up by, where it is such a step; nil for any other.
  func counterStep(_ expression: Expr, of name: String) -> Int? {
    switch expression.kind {
    case .unary(let op, let target) where target.assignedName == name && (op == "++" || op == "post++"): 1
    case .binary(let op, let target, let amount) where target.assignedName == name: counterStep(op, by: amount)
    default: nil
    }
  }

  /// The amount the compound assignment `op` of `amount` steps a counter up by: a constant of
  /// at least 0 added; nil for any other.
  func counterStep(_ op: String, by amount: Expr) -> Int? {
    guard op == "+=" else { return nil }
    switch amount.kind {
    case .integerLiteral(let value) where value >= 0, .constant(let value) where value >= 0: return value
    default: return nil
    }
  }

  /// At the top of the counted loop `counted` (`loop`, its frame open): each counter whose
  /// start `enterLoop` noted becomes a value in its range over the loop, where its steps have a
  /// bound.
  func startCounters(_ loop: Stmt, _ counted: CountedLoop, condition: Expr?, increment: Expr?, body: Stmt) {
    let pending = pendingCounterStarts
    pendingCounterStarts = [:]
    guard case .summary = mode, !pending.isEmpty, !loop.containsLabel, !callsItself(loop) else { return }
    for (name, start) in pending.sorted(by: { $0.key < $1.key }) where !mentionsBoundedValue(start) {
      guard let steps = steps(of: name, over: counted, condition: condition, increment: increment, body: body),
        !mentionsBoundedValue(steps)
      else { continue }
      counterRanges[name] = CounterRange(start: start, steps: steps, loop: loop.location)
      scalars[name] = boundedValue(low: start, high: start + steps).polynomial
    }
  }

  /// After the loop at `location`: its counters are not followed any more.
  func endCounters(of location: SourceLocation) {
    for (name, range) in counterRanges where range.loop == location { counterRanges[name] = nil }
  }

  /// The value of a step of a counter (`k++`, `++k`, `k += c`): somewhere in its range over
  /// the loop, short of the top by this step where the value is the one before it.
  func steppedCounter(_ name: String, by amount: Int, valueBefore: Bool) -> Value? {
    guard let range = counterRanges[name] else { return nil }
    let step = Polynomial(amount)
    if valueBefore { return boundedValue(low: range.start, high: range.start + range.steps - step) }
    return boundedValue(low: range.start + step, high: range.start + range.steps)
  }

  /// All the steps of `name` over the loop `counted`, at most: one iteration walked quietly,
  /// its steps summed over the loop's values; nil where they have no bound.
  private func steps(of name: String, over counted: CountedLoop, condition: Expr?, increment: Expr?, body: Stmt)
    -> Polynomial?
  {
    let saved = (
      boundedValues, decisions, firstJumpBack, recursionThroughAnotherFunction, countedParameterNames,
      counterRanges, walkedScalarNames, walkedPointerNames
    )
    countingSteps.insert(name)
    let once: Count = quietly {
      summary = AccessSummary()
      if let condition { evaluate(condition) }
      statement(body)
      if let increment { evaluate(increment) }
      summary.joinPaths()
      summary.proveClamps(countIsNeverNegative(inside: counted))
      return summary.counterSteps[name] ?? .zero
    }
    countingSteps.remove(name)
    (
      boundedValues, decisions, firstJumpBack, recursionThroughAnotherFunction, countedParameterNames,
      counterRanges, walkedScalarNames, walkedPointerNames
    ) = saved
    guard let once else { return nil }
    // Summed as the loop's own figures are, its frame (open for the walk) set aside.
    let frame = loopStack.removeLast()
    defer { loopStack.append(frame) }
    let isNeverNegative = countIsNeverNegative(inside: counted)
    guard let total = summedInEnclosingLoops(counted).sum(ofCount: once, isNeverNegative: isNeverNegative) else {
      return nil
    }
    return total.clampedAtZero.provingClamps(countIsNeverNegative(inside: nil))
  }

  /// Whether `statement` may call this function (a walk of it would note the call twice).
  private func callsItself(_ statement: Stmt) -> Bool {
    var found = false
    SyntaxWalk.forEachExpression(in: statement) { node in
      if case .call(let callee?, _, _) = node.kind, callee == function.name { found = true }
    }
    return found
  }
}
