import CSyntax
import DoscSupport
import SymbolicAlgebra

/// Walks one function body and states, symbolically in its parameters, what it reads and
/// writes through each pointer parameter, how much work it does, and what keeps it from
/// running on another node.
///
/// This file holds the walk over statements and the merging of branches; the other concepts
/// are in their own files: counted loops (`CountedLoopRecognition`), values of expressions
/// (`ExpressionEvaluation`), loads and stores (`MemoryEffects`), calls (`CallEffects`), and
/// the walk that only wants the loops around statements (`SiteLoops`).
final class FunctionAnalyzer {
  let function: FunctionDefinition
  let context: AnalysisContext
  let mutations: MutationFacts
  let mode: Mode
  var summary = AccessSummary()

  var scalars: [String: Polynomial] = [:]
  var pointers: [String: PointerTarget] = [:]
  /// The bounds of the values known only to lie in a range (`BoundedValues`), by symbol.
  var boundedValues: [String: IndexRange] = [:]
  /// The pointer variables assigned more than once that `pointers` follows (`PointerWalks`).
  var walkedPointerNames: Set<String> = []
  /// The integer variables assigned more than once whose values `scalars` follows (`ScalarWalks`).
  var walkedScalarNames: Set<String> = []
  /// Counters whose values lie in a range over a loop open around the walk (`CounterRanges`).
  var counterRanges: [String: CounterRange] = [:]
  /// Counters whose steps the walk adds up (`AccessSummary.counterSteps`).
  var countingSteps: Set<String> = []
  /// The values of counters where the loop being entered starts (`PointerWalks.enterLoop`).
  var pendingCounterStarts: [String: Polynomial] = [:]
  lazy var declarationCounts = FunctionAnalyzer.declarationCounts(in: function)
  /// Whether each global the function names holds the same bytes on every rank (`SharedConstants`).
  lazy var globalConstancies = FunctionAnalyzer.globalConstancies(in: function)
  /// What values may carry of this process's own addresses (`OwnAddressCopies`).
  lazy var ownAddresses = OwnAddressContents(MemoryOrigins(function, mutations: mutations, context: context))
  /// Whether the body holds a label (`Stmt.containsLabel`), found once: asked at every `if`,
  /// a walk of the whole body each time made 10,000 nested `if`s take minutes.
  lazy var bodyContainsLabel = function.body.containsLabel
  /// The `goto`s that only skip code forward, found at the first `goto` met.
  lazy var forwardGotos = ForwardGotos(function.body)
  /// Parameters counted down by a loop from their value at the call (`isCountedParameter`):
  /// wherever else they are not followed their values are `#cur` symbols, so their names in
  /// figures are that value.
  var countedParameterNames: Set<String> = []
  /// Variables of the counted loops currently open, by C name: the value the name holds, the
  /// loop's symbol (`CountedLoop.valueOfName`).
  var inductionVariables: [String: Polynomial] = [:]
  /// Per open loop: the names its body changes.
  var openLoops: [Set<String>] = []
  /// The loops around the statement being walked, innermost last.
  var loopStack: [LoopFrame] = []
  /// Parameters passed on to a recursive call of this function: (caller parameter, callee
  /// parameter, location).
  var recursivePassThrough: [(Int, Int, SourceLocation)] = []
  /// Pointer arguments of a recursive call of this function: (where the argument points, callee
  /// parameter, location). One that derives from no parameter is memory the task does not own.
  var recursiveForeignArguments: [(PointerTarget, Int, SourceLocation)] = []
  /// The calls of this function by itself, with what holds where each is made
  /// (`RecursiveFootprintInduction`).
  var recursiveCallSites: [RecursiveCallSite] = []
  /// The first call of another function through which this one may come back here.
  var recursionThroughAnotherFunction: (callee: String, location: SourceLocation)?
  /// The classes of paths, once walked (`pathClasses`).
  var walkedPathClasses = PathClassWalk.notYet
  /// What holds at the statement being walked (`PathFacts`).
  var knownFacts: [Polynomial] = []
  /// The `if`s whose arm the parameters decide, and in a walk of one class of paths the arm
  /// each takes (`RecursiveCountInduction`).
  var decisions = DecisionIfs()
  /// The first `goto` that may jump back (not a `ForwardGotos` one) or `setjmp`: a jump
  /// backwards (or a `longjmp` back to the `setjmp`) is a loop with no trip count.
  var firstJumpBack: (location: SourceLocation, what: String)?

  /// What the walk is for.
  enum Mode {
    /// The access summary of the function.
    case summary
    /// Only the loops around each statement, reported to `observer`; what calls do is skipped,
    /// since a callee's effects change no loop bound (a call's value is never symbolic).
    case loopsOnly(observer: (Stmt, [LoopFrame]) -> Void)
  }

  init(function: FunctionDefinition, context: AnalysisContext, mode: Mode = .summary) {
    self.function = function
    self.context = context
    self.mode = mode
    self.mutations = MutationFacts(function)
  }

  func run() -> AccessSummary {
    seedWalkedParameters()
    statement(function.body)
    summary.joinPaths()
    summary.proveClamps(countIsNeverNegative(inside: nil))
    if let firstJumpBack {
      summary = summary.repeatedUnboundedly(
        because: "the '\(firstJumpBack.what)' at \(firstJumpBack.location.withBaseName) may repeat code")
    }
    // A changed parameter followed from its start (`ScalarWalks`) is named only for that start.
    summary.unchangedScalarParameters = Set(
      function.parameters.filter {
        !$0.type.isPointerLike
          && (!mutations.isModified($0.name) || isWalkedScalar($0.name, type: $0.type)
            || countedParameterNames.contains($0.name))
      }.map(\.name))
    let inducted = footprintsProvedByInduction()
    if summary.isRecursive, case .summary = mode {
      (summary.recursionWork, summary.recursionWorkUnboundedBecause) = wholeRecursionWork(classes: pathClasses())
    }
    for (caller, callee, location) in recursivePassThrough where !inducted.contains(caller) {
      let own = summary.parameters[callee] ?? ParameterAccess()
      summary.parameters[caller, default: ParameterAccess()].becomeUnbounded(
        reading: own.isRead, writing: own.isWritten,
        because: "it is passed on to the recursive call at \(location.withBaseName)")
    }
    for (target, callee, location) in recursiveForeignArguments {
      let own = summary.parameters[callee] ?? ParameterAccess()
      foreignAccess(target, reading: own.isRead, writing: own.isWritten, passedTo: function.name, at: location)
    }
    return summary
  }

  // MARK: Statements

  func statement(_ statement: Stmt) {
    if case .loopsOnly(let observer) = mode { observer(statement, loopStack) }
    switch statement.kind {
    case .caseLabel, .labeled:
      if case .labeled = statement.kind { summary.land(at: statement.range.lowerBound) }
      summary.becomeReachable()
      forgetAllWalkedPointers()
    default:
      // Code after a `return` in the same block never runs, unless a label inside it is
      // jumped to.
      guard summary.fallsThrough || statement.containsLabel else { return }
    }
    switch statement.kind {
    case .compound(let items):
      let factsBefore = knownFacts.count
      defer { knownFacts.removeSubrange(factsBefore...) }
      block(items[...])
    case .expression(let expression):
      evaluate(expression)
    case .declaration(let variables):
      for variable in variables { declare(variable) }
    case .ifStatement(let condition, let then, let otherwise):
      let facts = pathFacts(of: condition)
      // In a walk of one class of paths (`RecursiveCountInduction`), the arm not taken is none.
      let taken = armTaken(at: statement, facts: facts)
      evaluate(condition)
      let guards = loopGuards(condition)
      let before = scalars
      let arms = alternatives(
        [
          { self.arm(then, assuming: facts.then, skipped: taken == false) },
          { self.arm(otherwise, assuming: facts.otherwise, skipped: taken == true) },
        ],
        guards: [guards.then, guards.otherwise])
      joinClamps(condition, before: before, arms: arms)
    case .forLoop(let initializer, let condition, let increment, let body):
      forLoop(statement, initializer: initializer, condition: condition, increment: increment, body: body)
    case .whileLoop(let condition, let body), .doWhile(let body, let condition):
      if let loop = boundedWhile(statement, after: nil) {
        forLoop(
          statement, initializer: nil, condition: loop.condition, increment: loop.step, body: loop.body,
          stepIsLastInBody: loop.step != nil, runsAtLeastOnce: loop.runsAtLeastOnce, countingOnly: loop.variables)
        return
      }
      enterLoop(statement, counted: nil, condition: condition, increment: nil, body: body)
      defer { forgetWalkedPointers(mutations.modifiedInLoop[statement.range.lowerBound] ?? []) }
      unboundedLoop(statement) {
        self.evaluate(condition)
        self.statement(body)
      }
    case .switchStatement(let condition, let body):
      evaluate(condition)
      self.statement(body)
      // Control leaves from any `break`, and straight past the body when no label matches:
      // the code after the switch runs even when the body's last statement returns
      // (`switch (m) { case 3: s >>= 2; break; default: return -1; }`, G.721's encoder).
      summary.becomeReachable()
      // Control enters at one label: nothing in the body surely runs (conservatively, what
      // ran before it loses its sure ends too).
      summary.mayNotHappen()
      forgetWalkedPointers(walkedPointerNames.union(walkedScalarNames).filter { body.assigns($0) })
    case .caseLabel(let inner), .labeled(let inner):
      if let inner { self.statement(inner) }
    case .returnStatement(let value):
      if let value {
        evaluate(value)
        returnedOwnAddress(value)
      }
      summary.leave()
    case .breakStatement, .continueStatement, .empty:
      break
    case .gotoStatement:
      if let label = forwardGotos.label(of: statement) {
        summary.jump(to: label)
      } else if firstJumpBack == nil {
        firstJumpBack = (statement.location, "goto")
      }
    case .unsupported(nestedTooDeeply):
      anythingMayHappen(at: statement.location)
    case .unsupported(let kind):
      // Inline `asm` (it may store through its operands) or other syntax not converted.
      anythingMayHappen(at: statement.location, statementKind: kind)
    }
  }

  /// The statements of a block, from the first of `items` to its end. After an `if` one of
  /// whose arms jumps away (`if (i < 1) continue;`), the rest runs where the other arm's
  /// conditions hold, and its accesses are narrowed by them (`narrowingAfter`).
  private func block(_ items: ArraySlice<Stmt>) {
    var index = items.startIndex
    while index < items.endIndex {
      // `int k = 0; while (k < n && ...) { ...; k++; }` is the loop `for (int k = 0; ...; k++)`.
      if index + 1 < items.endIndex, let loop = boundedWhile(items[index + 1], after: items[index]) {
        forLoop(
          items[index + 1], initializer: items[index], condition: loop.condition, increment: loop.step,
          body: loop.body, stepIsLastInBody: loop.step != nil, runsAtLeastOnce: loop.runsAtLeastOnce,
          countingOnly: loop.variables)
        index += 2
        continue
      }
      let after = factsAfter(items[index])
      // Taken before the `if` is walked: its conditions compare the values from before its arms.
      let narrowing = narrowingAfter(items[index], rest: items[(index + 1)...])
      self.statement(items[index])
      knownFacts += after
      index += 1
      if !narrowing.isEmpty, summary.fallsThrough {
        runNarrowed(by: narrowing) { self.block(items[index...]) }
        return
      }
    }
  }

  /// Syntax the converter did not follow (`nestedTooDeeply`, or a statement of `statementKind`)
  /// may load, store, call and loop: every figure of the function is unknown, and it runs only
  /// here.
  func anythingMayHappen(at location: SourceLocation, statementKind: String? = nil) {
    let why =
      statementKind.map { "the '\($0)' statement at \(location.withBaseName) is not analyzed" }
      ?? "the syntax at \(location.withBaseName) is nested too deeply to analyze"
    summary.addReason(
      statementKind.map { Reason(.unanalyzedStatement, $0, at: location) }
        ?? Reason(.nestedTooDeeply, function.name, at: location))
    summary.noteUnboundedWork(why)
    for (index, parameter) in function.parameters.enumerated() where parameter.type.isPointerLike {
      summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
        reading: true, writing: !parameter.type.pointsToConst, because: why)
    }
  }

  private func declare(_ variable: VariableDeclaration) {
    if variable.type.kind == .array {
      pointers[variable.name] = variable.isStatic ? .global(variable.name) : .privateMemory
    }
    guard let initializer = variable.initializer else { return }
    let value = evaluate(initializer)
    summary.addWork(1)
    bind(variable.name, to: value, type: variable.type, at: variable.location)
  }

  /// Records the value a single-assignment variable (or a walked pointer) holds from here on.
  func bind(_ name: String, to given: Value, type: CType, at location: SourceLocation) {
    // The value converted to the variable's type (`unsigned char c = i + 250` wraps).
    var value = type.kind == .integer && given.polynomial != nil ? converted(given.polynomial, to: type) : given
    // A `void *` counts bytes (`inBytes`): `vp += 8` moves it 8 bytes on.
    if type.pointsToVoid, case .pointer(let target) = value { value = .pointer(inBytes(target)) }
    if case .pointer(let target) = value, !type.isPointerLike {
      // `uintptr_t u = (uintptr_t)a`: an address kept as a number.
      pointerEscapes(target.parameterIndices, name, at: location, "holds its address as a number")
    }
    if isWalkedPointer(name, type: type) {
      walkedPointerNames.insert(name)
      if case .pointer(let target) = value { pointers[name] = target } else { pointers[name] = nil }
      return
    }
    if isWalkedScalar(name, type: type) {
      walkedScalarNames.insert(name)
      scalars[name] = value.polynomial
      return
    }
    guard mutations.isSingleAssignment(name) else { return }
    switch value {
    case .pointer(let target) where type.isPointerLike: pointers[name] = target
    case .scalar(let polynomial?) where type.kind == .integer: scalars[name] = polynomial
    default: break
    }
  }

  /// Runs each arm on a fresh summary and environment, then adds an upper bound of the arms.
  /// `guards[k]`: what holds of the loop variables whenever arm k runs (`LoopGuard`).
  /// Returns the followed integer variables' values at the end of each arm.
  @discardableResult
  func alternatives(_ arms: [() -> Void], guards: [[LoopGuard]] = []) -> [[String: Polynomial]] {
    let outer = summary
    let (savedScalars, savedPointers) = (scalars, pointers)
    var merged: AccessSummary?
    var changed: Set<String> = []
    var armScalars: [[String: Polynomial]] = []
    for (position, arm) in arms.enumerated() {
      summary = AccessSummary()
      arm()
      armScalars.append(scalars)
      // An arm may not run: nothing it touches is sure. What every arm stores densely is, the
      // arms being all the ways through (`if` and `else`, or nothing): `merge(alternative:)`
      // keeps the runs common to them (`if (i & 1) a[i] = 1; else a[i] = 2;`).
      let stored = summary.parameters.mapValues(\.dense)
      summary.mayNotHappen()
      for (index, dense) in stored { summary.parameters[index]?.dense = dense }
      if position < guards.count { bound(&summary, by: guards[position]) }
      if merged == nil { merged = summary } else { merged!.merge(alternative: summary) }
      changed.formUnion(Set(pointers.keys).union(savedPointers.keys).filter { pointers[$0] != savedPointers[$0] })
      changed.formUnion(Set(scalars.keys).union(savedScalars.keys).filter { scalars[$0] != savedScalars[$0] })
      (scalars, pointers) = (savedScalars, savedPointers)
    }
    forgetWalkedPointers(changed)
    summary = outer
    if let merged { summary.merge(sequential: merged) }
    return armScalars
  }

  private func forLoop(
    _ loop: Stmt, initializer: Stmt?, condition: Expr?, increment: Expr?, body: Stmt, stepIsLastInBody: Bool = false,
    runsAtLeastOnce: Bool = false, countingOnly: Set<String>? = nil
  ) {
    if let initializer { statement(initializer) }
    var counted = countedLoop(
      loop, initializer: initializer, condition: condition, increment: increment, stepIsLastInBody: stepIsLastInBody,
      runsAtLeastOnce: runsAtLeastOnce, countingOnly: countingOnly)
    let longest = counted.flatMap(loopAtItsLongest)
    if let longest { counted = longest }
    // Every figure's algebra takes each symbol to be >= 0 (`signAssumingNonNegativeVariables`):
    // parameters are (a spawn with a negative one stays on rank 0), and so is a loop variable
    // whose smallest value is. One that may be negative (`for (j = -2; ...)`, `i = lo - 1`) would
    // be taken for >= 0 in a slope's sign, a `max`, a clamp: a footprint or count too small. Its
    // values are named by their distance from the least (`CountedLoop.countedFromLeast`), a
    // symbol that is >= 0; a least value that is a range (`BoundedValues`) is no one origin.
    var negativeReason: String?
    if let loop = counted, !valuesAreNeverNegative(loop) {
      if let fromLeast = loop.countedFromLeast, !mentionsBoundedValue(loop.first) {
        counted = fromLeast
      } else {
        negativeReason =
          "the variable '\(loop.name)' of the loop at \(loop.location.withBaseName) may be"
          + " negative (its least value \(loop.first))"
        counted = nil
      }
    }
    enterLoop(loop, counted: counted, condition: condition, increment: increment, body: body)
    guard let counted else {
      defer { forgetWalkedPointers(mutations.modifiedInLoop[loop.range.lowerBound] ?? []) }
      unboundedLoop(loop, because: negativeReason) {
        if let condition { self.evaluate(condition) }
        self.statement(body)
        if let increment { self.evaluate(increment) }
      }
      return
    }
    let outer = summary
    summary = AccessSummary()
    // An inner loop may count a variable of the same name (another, declared in it).
    let outerValue = inductionVariables[counted.name]
    // A pointer's values are its offsets, which `enterLoop` states as the loop's variable; a
    // parameter's name stands for its value at the call, so its values here are another symbol.
    if counted.countsParameter {
      scalars[counted.name] = .variable(counted.variable)
      countedParameterNames.insert(counted.name)
    } else if counted.pointerInto == nil {
      inductionVariables[counted.name] = counted.valueOfName
    }
    openLoops.append(mutations.modifiedInLoopBody[loop.range.lowerBound] ?? [])
    loopStack.append(LoopFrame(location: loop.location, counted: counted))
    startCounters(loop, counted, condition: condition, increment: increment, body: body)
    if let condition { evaluate(condition) }
    statement(body)
    if let increment { evaluate(increment) }
    loopStack.removeLast()
    openLoops.removeLast()
    inductionVariables[counted.name] = outerValue
    if counted.countsParameter { scalars[counted.name] = nil }
    var repeated = summary.repeated(
      over: summedInEnclosingLoops(counted), isNeverNegative: countIsNeverNegative(inside: counted))
    // A loop that may stop sooner than its trip count (`i < n && more`, a `break`), or an
    // iteration cut short (`continue`): its last values' accesses may never happen.
    // So may one whose bound was taken at its highest (`loopAtItsLongest`).
    if (condition?.conjuncts.count ?? 0) > 1 || body.containsBreak || body.containsContinue || longest != nil {
      repeated.mayNotHappen()
    }
    summary = outer
    summary.merge(sequential: repeated)
    endCounters(of: loop.location)
    forgetWalkedPointers(mutations.modifiedInLoop[loop.range.lowerBound] ?? [])
    leave(counted, condition: condition)
  }

  /// After a counted loop: the conjuncts before its counting test, which the last test
  /// evaluated once more with the variable past its last value (`while (cum[s] < r && s < n)`
  /// reads `cum[n]`), and the variable's value from here on (`out[k] = sym[s]` after a search
  /// loop), somewhere in its `exitRange`.
  private func leave(_ counted: CountedLoop, condition: Expr?) {
    // A pointer's value after the loop is not followed (`forgetWalkedPointers`).
    guard counted.pointerInto == nil else {
      if let condition, counted.testPosition > 0 { exitTest(condition.conjuncts.prefix(counted.testPosition)) }
      return
    }
    let variable = counted.name
    let saved = scalars[variable]
    let range = counted.exitRange
    let resolved = !mentionsBoundedValue(range.low) && !mentionsBoundedValue(range.high)
    scalars[variable] = resolved ? boundedValue(low: range.low, high: range.high).polynomial : nil
    if let condition, counted.testPosition > 0 { exitTest(condition.conjuncts.prefix(counted.testPosition)) }
    if !walkedScalarNames.contains(variable) { scalars[variable] = saved }
  }

  /// The conjuncts a loop's last test evaluates before its counting test, once.
  private func exitTest(_ conjuncts: ArraySlice<Expr>) {
    let outer = summary
    summary = AccessSummary()
    for conjunct in conjuncts { evaluate(conjunct) }
    // Not when the loop is left by a `break` or a `return`.
    summary.mayNotHappen()
    let exitTest = summary
    summary = outer
    summary.merge(sequential: exitTest)
  }

  /// A `while` loop that is a counted `for` in disguise: its variable has a known start, its
  /// body's last statement steps that variable, no `continue` can skip the step and no label
  /// can jump past it. The start is the initializer of `declaration` (just before the loop),
  /// and then nothing else assigns the variable anywhere in the function (the declaration and
  /// the step are its only assignments, its address is never taken); or, with no declaration,
  /// the value `ScalarWalks` follows (`k = lo; while (k < hi) { ...; k++; }`, a parameter
  /// `while (n-- > 0)`), and then nothing else in the loop assigns it. Then the body without its
  /// last statement runs with the variable at the values a `for` would give it. The same with
  /// `do ... while`, whose body runs once before the first test (`runsAtLeastOnce`), and a
  /// `while` whose test is the step (`while (i-- > 0)`, `step` nil). Nil for any other loop.
  func boundedWhile(_ loop: Stmt, after declaration: Stmt?) -> (
    condition: Expr, step: Expr?, body: Stmt, runsAtLeastOnce: Bool, variables: Set<String>
  )? {
    var declared: Set<String> = []
    if let declaration {
      guard case .declaration(let variables) = declaration.kind else { return nil }
      declared = Set(variables.filter { $0.initializer != nil }.map(\.name))
    }
    /// Whether `name` enters the loop at a known value and only its step, which assigns it
    /// `stepAssignments` times (MutationFacts counts `++`/`--` twice), changes it in the loop.
    func startsKnown(_ name: String, stepAssignments: Int, elsewhere: [Stmt], _ test: Expr?) -> Bool {
      if declared.contains(name) { return mutations.isAssigned(name, exactly: 1 + stepAssignments) }
      if declaration == nil, isCountedParameter(name, stepAssignments: stepAssignments) { return true }
      guard declaration == nil, walkedScalarNames.contains(name), scalars[name] != nil else { return false }
      return !elsewhere.contains { $0.assigns(name) } && test?.assigns(name) != true
    }
    let condition: Expr
    let body: Stmt
    switch loop.kind {
    case .whileLoop(let test, let whole):
      let counting = test.conjuncts.first.map { first in
        Set(
          LoopTest.readings(of: first).filter { reading in
            reading.step != nil && startsKnown(reading.variable, stepAssignments: 2, elsewhere: [whole], nil)
          }.map(\.variable))
      }
      if let counting, !counting.isEmpty, !whole.containsLabel { return (test, nil, whole, false, counting) }
      (condition, body) = (test, whole)
    case .doWhile(let whole, let test): (condition, body) = (test, whole)
    default: return nil
    }
    // A body of one statement (`while (s < n - 1 && cum[s] < r) s++;`) is its own step.
    let items: [Stmt]
    switch body.kind {
    case .compound(let statements): items = statements
    case .expression: items = [body]
    default: return nil
    }
    guard let last = items.last, case .expression(let step) = last.kind, !body.containsLabel,
      !body.containsContinue
    else { return nil }
    let rest = Array(items.dropLast())
    let counting = declared.union(walkedScalarNames).filter { name in
      guard let stepPart = step.commaSeparated.first(where: { $0.assigns(name) }) else { return false }
      let stepAssignments = if case .unary = stepPart.kind { 2 } else { 1 }
      return startsKnown(name, stepAssignments: stepAssignments, elsewhere: rest, condition)
        && condition.conjuncts.contains { $0.names.contains(name) }
    }
    guard !counting.isEmpty else { return nil }
    let shortened = Stmt(.compound(rest), location: body.location, range: body.range)
    if case .doWhile = loop.kind { return (condition, step, shortened, true, counting) }
    return (condition, step, shortened, false, counting)
  }

  /// Whether every value the loop's variable takes inside the body is >= 0 for all parameters
  /// >= 0, which every figure's algebra takes each of its symbols to be: its first value, or
  /// the least a loop counting down passes its test with (`CountedLoop.valuesAtLeast`), with
  /// bounded values (`if (lo < 2) lo = 2;`, `MAX(0, t)`) at their least.
  private func valuesAreNeverNegative(_ loop: CountedLoop) -> Bool {
    [loop.first, loop.valuesAtLeast].compactMap { $0 }.contains { least in
      indexRange(of: least)?.range.low.isNeverNegativeForNonNegativeVariables == true
    }
  }

  private func unboundedLoop(_ loop: Stmt, because reason: String? = nil, body: () -> Void) {
    noteStructFieldBound(of: loop)
    let outer = summary
    summary = AccessSummary()
    openLoops.append(mutations.modifiedInLoop[loop.range.lowerBound] ?? [])
    loopStack.append(LoopFrame(location: loop.location, counted: nil))
    body()
    loopStack.removeLast()
    openLoops.removeLast()
    let repeated = summary.repeatedUnboundedly(
      because: reason ?? "the loop at \(loop.location.withBaseName) has no trip count in the task's parameters")
    summary = outer
    summary.merge(sequential: repeated)
  }
}

extension Stmt {
  /// Whether a `case`, `default` or `goto` label is in this statement: control may enter it
  /// from outside.
  var containsLabel: Bool {
    switch kind {
    case .caseLabel, .labeled: true
    default: children.contains { $0.containsLabel }
    }
  }

  /// Whether a `break` is anywhere in this statement (an inner loop's or `switch`'s too:
  /// conservative).
  var containsBreak: Bool {
    switch kind {
    case .breakStatement: true
    default: children.contains { $0.containsBreak }
    }
  }

  /// Whether a `continue` is anywhere in this statement (an inner loop's too: conservative).
  var containsContinue: Bool {
    switch kind {
    case .continueStatement: true
    default: children.contains { $0.containsContinue }
    }
  }
}
