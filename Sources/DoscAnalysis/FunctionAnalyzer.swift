import CSyntax
import DoscSupport
import SymbolicAlgebra

/// Walks one function body and states, symbolically in its parameters, what it reads and
/// writes through each pointer parameter, how much work it does, and what keeps it from
/// running on another node.
final class FunctionAnalyzer {
  let function: FunctionDefinition
  private let context: AnalysisContext
  private let mutations: MutationFacts
  private(set) var summary = AccessSummary()

  private var scalars: [String: Polynomial] = [:]
  private var pointers: [String: PointerTarget] = [:]
  /// Variables of the counted loops currently open.
  private var inductionVariables: Set<String> = []
  /// Per open loop: the names its body changes.
  private var openLoops: [Set<String>] = []
  /// Parameters passed on to a recursive call: (caller parameter, callee parameter, location).
  private var recursivePassThrough: [(Int, Int, SourceLocation)] = []

  /// Called for each statement the walk reaches, with the counted loops around it
  /// (innermost last); the site finder uses this to learn how many tasks a loop spawns.
  var statementObserver: ((Stmt, [LoopFrame]) -> Void)? {
    didSet { observingLoopsOnly = statementObserver != nil }
  }
  /// A walk that only wants the loops around statements skips what calls do: a callee's
  /// effects change no loop bound (a call's value is never symbolic).
  private var observingLoopsOnly = false
  private var loopStack: [LoopFrame] = []

  init(function: FunctionDefinition, context: AnalysisContext) {
    self.function = function
    self.context = context
    self.mutations = MutationFacts(function)
  }

  func run() -> AccessSummary {
    statement(function.body)
    summary.unchangedScalarParameters = Set(
      function.parameters.filter { !$0.type.isPointerLike && !mutations.isModified($0.name) }.map(\.name))
    for (caller, callee, location) in recursivePassThrough {
      let own = summary.parameters[callee] ?? ParameterAccess()
      summary.parameters[caller, default: ParameterAccess()].becomeUnbounded(
        reading: own.isRead, writing: own.isWritten,
        because: "it is passed on to the recursive call at \(location.withBaseName)")
    }
    return summary
  }

  // MARK: Statements

  private func statement(_ statement: Stmt) {
    statementObserver?(statement, loopStack)
    switch statement.kind {
    case .compound(let items):
      items.forEach(self.statement)
    case .expression(let expression):
      _ = evaluate(expression)
    case .declaration(let variables):
      for variable in variables { declare(variable) }
    case .ifStatement(let condition, let then, let otherwise):
      _ = evaluate(condition)
      alternatives([{ self.statement(then) }, { if let otherwise { self.statement(otherwise) } }])
    case .forLoop(let initializer, let condition, let increment, let body):
      forLoop(statement, initializer: initializer, condition: condition, increment: increment, body: body)
    case .whileLoop(let condition, let body), .doWhile(let body, let condition):
      unboundedLoop(statement) {
        _ = self.evaluate(condition)
        self.statement(body)
      }
    case .switchStatement(let condition, let body):
      _ = evaluate(condition)
      self.statement(body)
    case .caseLabel(let inner), .labeled(let inner):
      if let inner { self.statement(inner) }
    case .returnStatement(let value):
      if let value { _ = evaluate(value) }
    case .breakStatement, .continueStatement, .empty:
      break
    case .gotoStatement:
      summary.work = nil
      summary.unboundedWorkBecause.append("'goto' at \(statement.location.withBaseName)")
    case .unsupported(let kind):
      summary.work = nil
      summary.unboundedWorkBecause.append("unsupported statement '\(kind)' at \(statement.location.withBaseName)")
    }
  }

  private func declare(_ variable: VariableDeclaration) {
    if variable.type.kind == .array {
      pointers[variable.name] = variable.isStatic ? .global(variable.name) : .privateMemory
    }
    guard let initializer = variable.initializer else { return }
    let value = evaluate(initializer)
    summary.addWork(1)
    bind(variable.name, to: value, type: variable.type)
  }

  /// Records the value a single-assignment variable holds from here on.
  private func bind(_ name: String, to value: Value, type: CType) {
    guard mutations.isSingleAssignment(name) else { return }
    switch value {
    case .pointer(let target) where type.isPointerLike: pointers[name] = target
    case .scalar(let polynomial?) where type.kind == .integer: scalars[name] = polynomial
    default: break
    }
  }

  /// Runs each arm on a fresh summary and environment, then adds an upper bound of the arms.
  private func alternatives(_ arms: [() -> Void]) {
    let outer = summary
    let (savedScalars, savedPointers) = (scalars, pointers)
    var merged: AccessSummary?
    for arm in arms {
      summary = AccessSummary()
      arm()
      if merged == nil { merged = summary } else { merged!.merge(alternative: summary) }
      (scalars, pointers) = (savedScalars, savedPointers)
    }
    summary = outer
    if let merged { summary.merge(sequential: merged) }
  }

  private func forLoop(_ loop: Stmt, initializer: Stmt?, condition: Expr?, increment: Expr?, body: Stmt) {
    if let initializer { statement(initializer) }
    guard let counted = countedLoop(loop, initializer: initializer, condition: condition, increment: increment) else {
      unboundedLoop(loop) {
        if let condition { _ = self.evaluate(condition) }
        self.statement(body)
        if let increment { _ = self.evaluate(increment) }
      }
      return
    }
    let outer = summary
    summary = AccessSummary()
    let wasInduction = inductionVariables.contains(counted.variable)
    inductionVariables.insert(counted.variable)
    openLoops.append(mutations.modifiedInLoopBody[loop.range.lowerBound] ?? [])
    loopStack.append(LoopFrame(location: loop.location, counted: counted))
    if let condition { _ = evaluate(condition) }
    statement(body)
    if let increment { _ = evaluate(increment) }
    loopStack.removeLast()
    openLoops.removeLast()
    if !wasInduction { inductionVariables.remove(counted.variable) }
    let repeated = summary.repeated(over: counted)
    summary = outer
    summary.merge(sequential: repeated)
  }

  private func unboundedLoop(_ loop: Stmt, body: () -> Void) {
    let outer = summary
    summary = AccessSummary()
    openLoops.append(mutations.modifiedInLoop[loop.range.lowerBound] ?? [])
    loopStack.append(LoopFrame(location: loop.location, counted: nil))
    body()
    loopStack.removeLast()
    openLoops.removeLast()
    let repeated = summary.repeatedUnboundedly(
      because: "the loop at \(loop.location.withBaseName) has no trip count in the task's parameters")
    summary = outer
    summary.merge(sequential: repeated)
  }

  /// Recognizes `for (i = a; i < b; i += s)` and its variants, with bounds invariant in the loop.
  private func countedLoop(_ loop: Stmt, initializer: Stmt?, condition: Expr?, increment: Expr?) -> CountedLoop? {
    var variable: String?
    var start: Polynomial?
    switch initializer?.kind {
    case .declaration(let variables)? where variables.count == 1:
      variable = variables[0].name
      start = variables[0].initializer.flatMap { evaluateQuietly($0).polynomial }
    case .expression(let expression)?:
      if case .binary("=", let target, let value) = expression.kind, let name = target.assignedName {
        variable = name
        start = evaluateQuietly(value).polynomial
      }
    default: break
    }
    guard let variable, let start, let condition, let increment else { return nil }
    guard !(mutations.modifiedInLoopBody[loop.range.lowerBound] ?? []).contains(variable) else { return nil }

    let step: Int
    switch increment.kind {
    case .unary("++", let target),
      .unary("post++", let target) where target.assignedName == variable:
      step = 1
    case .unary("--", let target),
      .unary("post--", let target) where target.assignedName == variable:
      step = -1
    case .binary("+=", let target, let amount) where target.assignedName == variable:
      guard let value = evaluateQuietly(amount).polynomial?.integerValue, value != 0 else { return nil }
      step = value
    case .binary("-=", let target, let amount) where target.assignedName == variable:
      guard let value = evaluateQuietly(amount).polynomial?.integerValue, value != 0 else { return nil }
      step = -value
    default: return nil
    }

    guard case .binary(var op, let lhs, let rhs) = condition.kind else { return nil }
    var boundExpr = rhs
    if lhs.assignedName != variable {
      guard rhs.assignedName == variable else { return nil }
      boundExpr = lhs
      op = ["<": ">", ">": "<", "<=": ">=", ">=": "<=", "!=": "!="][op] ?? "?"
    }
    // The bound must not change while the loop runs.
    let modified = mutations.modifiedInLoop[loop.range.lowerBound] ?? []
    guard boundExpr.names.isDisjoint(with: modified.subtracting([variable])) || boundExpr.names.isEmpty,
      !boundExpr.names.contains(variable),
      let bound = evaluateQuietly(boundExpr).polynomial
    else { return nil }

    let magnitude = abs(step)
    let first: Polynomial
    let last: Polynomial
    let trips: Polynomial
    switch (op, step > 0) {
    case ("<", true),
      ("!=", true) where op == "<" || step == 1:
      trips = magnitude == 1 ? bound - start : (bound - start + (magnitude - 1)) / Polynomial(magnitude)
      first = start
      last = magnitude == 1 ? bound - 1 : start + (trips - 1) * magnitude
    case ("<=", true):
      trips = magnitude == 1 ? bound - start + 1 : (bound - start + magnitude) / Polynomial(magnitude)
      first = start
      last = magnitude == 1 ? bound : start + (trips - 1) * magnitude
    case (">", false),
      ("!=", false) where op == ">" || step == -1:
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
      variable: variable, first: first, last: last, step: magnitude, tripCount: trips, location: loop.location)
  }

  // MARK: Expressions

  /// Evaluates an expression whose effects were already counted (loop headers).
  private func evaluateQuietly(_ expression: Expr) -> Value {
    let saved = summary
    defer { summary = saved }
    return evaluate(expression)
  }

  @discardableResult
  func evaluate(_ expression: Expr) -> Value {
    switch expression.kind {
    case .integerLiteral(let value), .constant(let value):
      return .scalar(Polynomial(value))
    case .floatingLiteral:
      return .unknownScalar
    case .stringLiteral:
      return .pointer(.constantData)
    case .name(let name, let reference):
      return nameValue(name, reference, expression)
    case .binary(let op, let lhs, let rhs):
      return binary(op, lhs, rhs, expression)
    case .unary(let op, let operand):
      return unary(op, operand, expression)
    case .subscripted(let base, let index):
      let target = address(base: base, index: index)
      access(target, write: false, expression)
      return valueStored(at: expression)
    case .member(let base, _, let arrow):
      if arrow {
        access(pointerTarget(evaluate(base), base), write: false, expression)
      } else {
        memberBase(base, write: false)
      }
      return valueStored(at: expression)
    case .call(let callee, let calleeExpr, let arguments):
      return call(callee, calleeExpr, arguments, expression)
    case .cast(let inner):
      let value = evaluate(inner)
      if case .pointer(.parameter(let index, _)) = value, expression.type.isPointer,
        expression.type.elementSize != inner.type.elementSize
      {
        // A cast to another element type: offsets no longer count the parameter's elements.
        return .pointer(.parameter(index: index, offset: nil))
      }
      return value
    case .conditional(let condition, let then, let otherwise):
      evaluate(condition)
      var results: [Value] = []
      alternatives([{ results.append(self.evaluate(then)) }, { results.append(self.evaluate(otherwise)) }])
      if case .pointer(let a)? = results.first, case .pointer(let b)? = results.last, a == b { return .pointer(a) }
      if let a = results.first?.polynomial, let b = results.last?.polynomial, a == b { return .scalar(a) }
      return expression.type.isPointerLike ? .pointer(.unknown(expression.text)) : .unknownScalar
    case .initializerList(let items):
      items.forEach { evaluate($0) }
      return .unknownScalar
    case .unsupported(let kind, let items):
      items.forEach { evaluate($0) }
      summary.work = nil
      summary.unboundedWorkBecause.append("unsupported expression '\(kind)' at \(expression.location.withBaseName)")
      return expression.type.isPointerLike ? .pointer(.unknown(expression.text)) : .unknownScalar
    }
  }

  private func nameValue(_ name: String, _ reference: Reference, _ expression: Expr) -> Value {
    if inductionVariables.contains(name) { return .scalar(.variable(name)) }
    switch reference {
    case .parameter(let index):
      if expression.type.isPointerLike {
        if !mutations.isModified(name) { return .pointer(.parameter(index: index, offset: .zero)) }
        return .pointer(pointers[name] ?? .parameter(index: index, offset: nil))
      }
      if !mutations.isModified(name) { return .scalar(.variable(name)) }
      return .scalar(scalars[name] ?? invariantValue(of: name, marker: "#cur"))
    case .local:
      if expression.type.kind == .array { return .pointer(pointers[name] ?? .privateMemory) }
      if expression.type.isPointerLike { return .pointer(pointers[name] ?? .unknown(name)) }
      if let value = scalars[name] { return .scalar(value) }
      return .scalar(invariantValue(of: name, marker: ""))
    case .global(let isConst):
      if expression.type.kind == .array || expression.type.kind == .function { return .pointer(.global(name)) }
      if !isConst { summary.addReason("reads global '\(name)'", at: expression.location) }
      return expression.type.isPointerLike ? .pointer(.unknown(name)) : .unknownScalar
    case .enumerator(let value):
      return .scalar(Polynomial(value))
    case .function, .unknown:
      return .unknownScalar
    }
  }

  /// A variable's current value as a symbol, valid while no open loop changes it.
  private func invariantValue(of name: String, marker: String) -> Polynomial? {
    if openLoops.contains(where: { $0.contains(name) }) { return nil }
    if mutations.isSingleAssignment(name) { return .variable(name) }
    return .variable(name + (marker.isEmpty ? "#cur" : marker))
  }

  private func binary(_ op: String, _ lhs: Expr, _ rhs: Expr, _ expression: Expr) -> Value {
    switch op {
    case "=":
      let value = evaluate(rhs)
      summary.addWork(1)
      assign(lhs, value: value, compound: false)
      return value
    case "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=":
      evaluate(rhs)
      summary.addWork(1)
      assign(lhs, value: .unknownScalar, compound: true)
      return .unknownScalar
    case ",":
      evaluate(lhs)
      return evaluate(rhs)
    case "&&", "||":
      evaluate(lhs)
      alternatives([{ self.evaluate(rhs) }, {}])
      summary.addWork(1)
      return .unknownScalar
    default:
      break
    }
    let a = evaluate(lhs)
    let b = evaluate(rhs)
    summary.addWork(1)
    switch (op, a, b) {
    case ("+", .pointer(let target), .scalar(let amount)), ("+", .scalar(let amount), .pointer(let target)):
      return .pointer(offset(target, by: amount))
    case ("-", .pointer(let target), .scalar(let amount)):
      return .pointer(offset(target, by: amount.map { -$0 }))
    case ("-", .pointer, .pointer):
      return .unknownScalar
    case (_, .scalar(let x), .scalar(let y)):
      guard let x, let y else { return .unknownScalar }
      switch op {
      case "+": return .scalar(x + y)
      case "-": return .scalar(x - y)
      case "*": return .scalar(x * y)
      case "/": return y.isZero ? .unknownScalar : .scalar(x / y)
      case "<<":
        guard let shift = y.integerValue, (0..<32).contains(shift) else { return .unknownScalar }
        return .scalar(x * (1 << shift))
      case ">>":
        guard let shift = y.integerValue, (0..<32).contains(shift) else { return .unknownScalar }
        return .scalar(x / Polynomial(1 << shift))
      default: return .unknownScalar
      }
    default:
      return .unknownScalar
    }
  }

  private func unary(_ op: String, _ operand: Expr, _ expression: Expr) -> Value {
    switch op {
    case "*":
      let target = pointerTarget(evaluate(operand), operand)
      access(target, write: false, expression)
      return valueStored(at: expression)
    case "&":
      return .pointer(addressOf(operand))
    case "++", "--", "post++", "post--":
      summary.addWork(1)
      assign(operand, value: .unknownScalar, compound: true)
      return .unknownScalar
    case "-":
      summary.addWork(1)
      return .scalar(evaluate(operand).polynomial.map { -$0 })
    case "+":
      return evaluate(operand)
    default:
      evaluate(operand)
      summary.addWork(1)
      return .unknownScalar
    }
  }

  private func offset(_ target: PointerTarget, by amount: Polynomial?) -> PointerTarget {
    if case .parameter(let index, let offset) = target {
      guard let offset, let amount else { return .parameter(index: index, offset: nil) }
      return .parameter(index: index, offset: offset + amount)
    }
    return target
  }

  private func pointerTarget(_ value: Value, _ expression: Expr) -> PointerTarget {
    if case .pointer(let target) = value { return target }
    return .unknown(expression.text)
  }

  /// `base[index]` as a pointer to the element.
  private func address(base: Expr, index: Expr) -> PointerTarget {
    let baseValue = evaluate(base)
    let indexValue = evaluate(index)
    // `3[a]` is legal C; normalize to pointer + integer.
    if case .scalar = baseValue, case .pointer(let target) = indexValue {
      return offset(target, by: baseValue.polynomial)
    }
    return offset(pointerTarget(baseValue, base), by: indexValue.polynomial)
  }

  private func addressOf(_ operand: Expr) -> PointerTarget {
    switch operand.kind {
    case .subscripted(let base, let index):
      return address(base: base, index: index)
    case .unary("*", let inner):
      return pointerTarget(evaluate(inner), inner)
    case .name(let name, .global):
      return .global(name)
    case .name(_, .local), .name(_, .parameter):
      return .privateMemory
    case .member(let base, _, true):
      let target = pointerTarget(evaluate(base), base)
      if case .parameter(let index, _) = target { return .parameter(index: index, offset: nil) }
      return target
    default:
      evaluate(operand)
      return .unknown(operand.text)
    }
  }

  /// `s.field`: the access is to whatever `s` is.
  private func memberBase(_ base: Expr, write: Bool) {
    switch base.kind {
    case .subscripted(let array, let index):
      access(address(base: array, index: index), write: write, base)
    case .unary("*", let inner):
      access(pointerTarget(evaluate(inner), inner), write: write, base)
    case .member(let inner, _, let arrow):
      if arrow {
        access(pointerTarget(evaluate(inner), inner), write: write, base)
      } else {
        memberBase(inner, write: write)
      }
    case .name(let name, .global):
      summary.addReason(write ? "writes global '\(name)'" : "reads global '\(name)'", at: base.location)
    default:
      evaluate(base)
    }
  }

  /// The value loaded by an access: pointers loaded from memory point to unknown places.
  private func valueStored(at expression: Expr) -> Value {
    expression.type.isPointerLike ? .pointer(.unknown(expression.text)) : .unknownScalar
  }

  /// A load or store of one element through `target`.
  private func access(_ target: PointerTarget, write: Bool, _ expression: Expr) {
    summary.addWork(1)
    switch target {
    case .parameter(let index, let offset):
      var access = summary.parameters[index] ?? ParameterAccess()
      access.record(
        write: write, count: .one, range: offset.map { IndexRange(low: $0, high: $0) },
        unboundedBecause:
          "the index of '\(expression.text)' at \(expression.location.withBaseName) has no symbolic form")
      summary.parameters[index] = access
    case .privateMemory, .constantData:
      break
    case .global(let name):
      summary.addReason(write ? "writes global '\(name)'" : "reads global '\(name)'", at: expression.location)
    case .unknown(let description):
      summary.addReason(
        "\(write ? "writes" : "reads") memory through '\(description)', which does not derive from a parameter",
        at: expression.location)
    }
  }

  /// An assignment to `target`; `compound` for `+=`, `++` and friends, which also read it.
  private func assign(_ target: Expr, value: Value, compound: Bool) {
    switch target.kind {
    case .name(let name, .global):
      summary.addReason("writes global '\(name)'", at: target.location)
    case .name(let name, _):
      if !compound { bind(name, to: value, type: target.type) }
    case .subscripted(let base, let index):
      let pointer = address(base: base, index: index)
      if compound { access(pointer, write: false, target) }
      access(pointer, write: true, target)
      storedPointer(value, into: target)
    case .unary("*", let inner):
      let pointer = pointerTarget(evaluate(inner), inner)
      if compound { access(pointer, write: false, target) }
      access(pointer, write: true, target)
      storedPointer(value, into: target)
    case .member(let base, _, let arrow):
      if arrow {
        let pointer = pointerTarget(evaluate(base), base)
        if compound { access(pointer, write: false, target) }
        access(pointer, write: true, target)
      } else {
        if compound { memberBase(base, write: false) }
        memberBase(base, write: true)
      }
      storedPointer(value, into: target)
    case .cast(let inner):
      assign(inner, value: value, compound: compound)
    default:
      evaluate(target)
    }
  }

  /// Storing a pointer to a parameter's data in memory lets it outlive the task.
  private func storedPointer(_ value: Value, into target: Expr) {
    if case .pointer(.parameter(let index, _)) = value {
      summary.addReason(
        "stores a pointer to '\(function.parameters[index].name)' in '\(target.text)'", at: target.location)
    }
  }

  // MARK: Calls

  private func call(_ callee: String?, _ calleeExpr: Expr, _ arguments: [Expr], _ expression: Expr) -> Value {
    let values = arguments.map { evaluate($0) }
    summary.addWork(1 + arguments.count)
    guard let callee else {
      evaluate(calleeExpr)
      summary.addReason("calls through the function pointer '\(calleeExpr.text)'", at: expression.location)
      summary.work = nil
      summary.unboundedWorkBecause.append("call through a function pointer at \(expression.location.withBaseName)")
      for (argument, value) in zip(arguments, values) { escape(value, argument, into: calleeExpr.text) }
      return valueStored(at: expression)
    }
    if callee == function.name || context.isBeingAnalyzed(callee) {
      summary.isRecursive = true
      for (position, value) in values.enumerated() {
        if case .pointer(.parameter(let index, _)) = value {
          recursivePassThrough.append((index, position, expression.location))
        }
      }
      return valueStored(at: expression)
    }
    if observingLoopsOnly { return valueStored(at: expression) }
    if let definition = context.definition(named: callee) {
      let calleeSummary = context.summary(of: definition)
      instantiate(calleeSummary, of: definition, with: values, arguments: arguments)
      return valueStored(at: expression)
    }
    return libraryCall(callee, values, arguments, expression)
  }

  /// Adds a callee's effects, stated in the callee's parameters, in terms of this function's.
  private func instantiate(
    _ calleeSummary: AccessSummary, of callee: FunctionDefinition, with values: [Value], arguments: [Expr]
  ) {
    var bindings: [String: Polynomial] = [:]
    for (position, parameter) in callee.parameters.enumerated() where !parameter.type.isPointerLike {
      let value = position < values.count ? values[position].polynomial : nil
      bindings[parameter.name] = value ?? .variable("?" + parameter.name)
    }
    func translate(_ count: Count) -> Count {
      guard let count else { return nil }
      let result = count.substituting(bindings)
      return result.variables.contains(where: { $0.hasPrefix("?") }) ? nil : result
    }
    var work = calleeSummary.work.flatMap(translate)
    if calleeSummary.work != nil && work == nil {
      summary.unboundedWorkBecause.append("the work of '\(callee.name)' depends on an argument with no symbolic form")
    }
    if calleeSummary.isRecursive {
      work = nil
      summary.unboundedWorkBecause.append("'\(callee.name)' is recursive")
    }
    summary.work = add(summary.work, work)
    summary.unboundedWorkBecause += calleeSummary.unboundedWorkBecause
    for reason in calleeSummary.reasons { summary.addReason(reason.message, at: reason.location) }

    for (position, access) in calleeSummary.parameters.sorted(by: { $0.key < $1.key }) {
      guard position < values.count else { continue }
      switch values[position] {
      case .pointer(.parameter(let index, let offset)):
        var mapped = access
        mapped.reads = translate(access.reads)
        mapped.writes = translate(access.writes)
        if let offset {
          (mapped.ranges, mapped.writeRanges) = access.mappingRanges { range in
            guard let low = translate(range.low), let high = translate(range.high) else { return nil }
            return IndexRange(low: low + offset, high: high + offset)
          }
        } else {
          mapped.ranges = nil
          if access.isWritten { mapped.writeRanges = nil }
        }
        if mapped.ranges == nil || mapped.reads == nil || mapped.writes == nil {
          let why =
            "its accesses in '\(callee.name)' (called at \(arguments[position].location.withBaseName)) cannot be bounded here"
          mapped.noteUnbounded(why)
        }
        summary.parameters[index, default: ParameterAccess()].merge(sequential: mapped)
      case .pointer(.global(let name)):
        if access.isWritten { summary.addReason("writes global '\(name)'", at: arguments[position].location) }
        if access.isRead { summary.addReason("reads global '\(name)'", at: arguments[position].location) }
      case .pointer(.unknown(let description)):
        summary.addReason(
          "passes '\(description)', which does not derive from a parameter, to '\(callee.name)'",
          at: arguments[position].location)
      default:
        break
      }
    }
  }

  private func libraryCall(_ callee: String, _ values: [Value], _ arguments: [Expr], _ expression: Expr) -> Value {
    switch LibraryFunction.lookup(callee) {
    case .memoryCopy(let destination, let source, let bytes)?:
      guard arguments.count > max(destination, source, bytes) else { break }
      bulk(values[destination], arguments[destination], write: true, bytes: values[bytes].polynomial)
      bulk(values[source], arguments[source], write: false, bytes: values[bytes].polynomial)
      return values[destination]
    case .memorySet(let destination, let bytes)?:
      guard arguments.count > max(destination, bytes) else { break }
      bulk(values[destination], arguments[destination], write: true, bytes: values[bytes].polynomial)
      return values[destination]
    case .pure(let cost)?:
      summary.addWork(cost)
      return .unknownScalar
    case .allocation?:
      return .pointer(.privateMemory)
    case .deallocation?:
      return .unknownScalar
    case .effect?:
      summary.addReason("calls '\(callee)'", at: expression.location)
      for (argument, value) in zip(arguments, values) { escape(value, argument, into: callee) }
      return valueStored(at: expression)
    case nil:
      summary.addReason("calls '\(callee)', whose body is not visible", at: expression.location)
      summary.work = nil
      summary.unboundedWorkBecause.append("'\(callee)' has no visible body")
      for (argument, value) in zip(arguments, values) { escape(value, argument, into: callee) }
      return valueStored(at: expression)
    }
    return valueStored(at: expression)
  }

  /// `memcpy`/`memset` on a pointer: `bytes / sizeof(element)` elements from the pointer on.
  private func bulk(_ value: Value, _ argument: Expr, write: Bool, bytes: Polynomial?) {
    let target = pointerTarget(value, argument)
    guard case .parameter(let index, let offset) = target else {
      access(target, write: write, argument)
      return
    }
    let elementSize = function.parameters[index].type.elementSize ?? 1
    let elements = bytes.map { $0 / Polynomial(elementSize) }
    summary.addWork(1)
    var access = summary.parameters[index] ?? ParameterAccess()
    let range = offset.flatMap { offset in elements.map { IndexRange(low: offset, high: offset + $0 - 1) } }
    access.record(
      write: write, count: elements, range: range,
      unboundedBecause:
        "the extent of '\(argument.text)' in the call at \(argument.location.withBaseName) has no symbolic form")
    summary.work = add(summary.work, elements)
    summary.parameters[index] = access
  }

  /// A pointer handed to code dosc cannot see: anything may happen to what it points to.
  private func escape(_ value: Value, _ argument: Expr, into callee: String) {
    guard case .pointer(.parameter(let index, _)) = value else { return }
    summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
      reading: true, writing: !function.parameters[index].type.pointsToConst,
      because: "it is passed to '\(callee)' at \(argument.location.withBaseName)")
  }
}

/// A loop around a statement: where it is and, when it is counted, its shape.
struct LoopFrame {
  var location: SourceLocation
  var counted: CountedLoop?
}

extension Expr {
  /// Every variable name the expression mentions.
  var names: Set<String> {
    var result: Set<String> = []
    if case .name(let name, _) = kind { result.insert(name) }
    for child in children { result.formUnion(child.names) }
    return result
  }
}
