import CSyntax
import DoscSupport
import SymbolicAlgebra

/// Calls: a function defined in the file has its summary instantiated with the arguments; a
/// call that may recurse is not followed; the C library is known by name; anything else
/// makes the task local-only.
extension FunctionAnalyzer {
  func call(_ callee: String?, _ calleeExpr: Expr, _ arguments: [Expr], _ expression: Expr) -> Value {
    let values = arguments.map { evaluate($0) }
    summary.addWork(1 + arguments.count)
    guard let callee else {
      evaluate(calleeExpr)
      summary.addReason(Reason(.callsThroughPointer, calleeExpr.text, at: expression.location))
      summary.noteUnboundedWork("call through a function pointer at \(expression.location.withBaseName)")
      for (argument, value) in zip(arguments, values) {
        escape(value, argument, into: calleeExpr.text, calleeTakesConst: false)
      }
      return result(of: expression, given: values)
    }
    // `setjmp` returns again at each `longjmp` to it: what follows it may run any number of
    // times, with the values variables have then (as after a label).
    if ["setjmp", "_setjmp", "sigsetjmp", "__sigsetjmp", "__builtin_setjmp"].contains(callee) {
      if firstJumpBack == nil { firstJumpBack = (expression.location, callee) }
      forgetAllWalkedPointers()
    }
    if context.isRecursiveCall(from: function.name, to: callee) {
      recursiveCall(callee, values, arguments, expression)
      return result(of: expression, given: values)
    }
    if case .loopsOnly = mode { return result(of: expression, given: values) }
    if let definition = context.definition(named: callee) {
      instantiate(context.summary(of: definition), of: definition, with: values, arguments: arguments)
      // An argument in a variadic function's `...` has no parameter for the summary to speak
      // of: the callee reaches it through `va_arg`, whose accesses are not tied back to it.
      // Left out, a task that writes its array through `fill(n, a)` said `access: none`.
      if definition.isVariadic { escapeEllipsis(values, arguments, after: definition.parameters.count, into: callee) }
      return result(of: expression, given: values)
    }
    return libraryCall(callee, values, arguments, expression)
  }

  /// The value a call returns. A pointer may point into the memory of any pointer argument
  /// (`at(a, ld, i, j)` returns `a + i*ld + j`, `strchr(s, c)` a pointer into `s`): accesses
  /// through it are that parameter's, at an offset the analysis does not follow (an unknown
  /// pointer would leave the parameter's figures without them: `access: none` for a task
  /// that writes it).
  private func result(of expression: Expr, given arguments: [Value]) -> Value {
    guard expression.type.isPointerLike else { return valueStored(at: expression) }
    let indices = Set(
      arguments.flatMap { value -> [Int] in
        if case .pointer(let target) = value { return parametersPossiblyAt(target) }
        return []
      }
    ).sorted()
    switch indices.count {
    case 0: return valueStored(at: expression)
    case 1: return .pointer(.parameter(index: indices[0], offset: nil))
    default: return .pointer(.parameters(indices))
    }
  }

  /// A call that may come back here: its work is the recursion's, which has no closed form,
  /// and what it does to the memory passed on cannot be bounded.
  private func recursiveCall(_ callee: String, _ values: [Value], _ arguments: [Expr], _ expression: Expr) {
    summary.isRecursive = true
    if callee == function.name {
      // Its own effects are known once the walk ends (`run`).
      recordRecursiveCallSite(values, at: expression.location)
      // What passes through the recursion's own `...` has no parameter to pass through.
      escapeEllipsis(values, arguments, after: function.parameters.count, into: callee)
      for (position, value) in values.enumerated() where position < function.parameters.count {
        guard case .pointer(let target) = value else { continue }
        for index in target.parameterIndices { recursivePassThrough.append((index, position, expression.location)) }
        recursiveForeignArguments.append((target, position, arguments[position].location))
      }
      return
    }
    // Another function of the cycle (its reasons join the task's in `AnalysisContext`): what
    // the cycle does to the memory passed around it is not followed, nor its work.
    if recursionThroughAnotherFunction == nil { recursionThroughAnotherFunction = (callee, expression.location) }
    guard let definition = context.definition(named: callee) else { return }
    for (position, value) in values.enumerated() {
      guard case .pointer(let target) = value else { continue }
      let takesConst = position < definition.parameters.count && definition.parameters[position].type.pointsToConst
      // Memory that is not the task's, handed around the cycle (`g(t->left)`): the cycle may
      // touch it, and it would not travel with the task.
      foreignAccess(target, reading: true, writing: !takesConst, passedTo: callee, at: arguments[position].location)
      for index in parametersPossiblyAt(target) {
        summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
          reading: true, writing: !(takesConst || function.parameters[index].type.pointsToConst),
          because: "it is passed on to '\(callee)' at \(arguments[position].location.withBaseName), which may call back"
        )
      }
    }
  }

  /// The arguments of a variadic callee's `...` (those after its `parameters` named ones): no
  /// parameter of its summary speaks of them, since the callee reaches them through `va_arg`,
  /// whose accesses are not tied back to them; each escapes. Left out, a task that writes its
  /// array through `fill(n, a)` said `access: none` (review: "access none, but touched").
  private func escapeEllipsis(_ values: [Value], _ arguments: [Expr], after parameters: Int, into callee: String) {
    for (argument, value) in zip(arguments, values).dropFirst(parameters) {
      escape(value, argument, into: callee, calleeTakesConst: false)
    }
  }

  /// What a call that may recurse does through a pointer argument that derives from no
  /// parameter (`tree_sum(t->left)`), or points into a global: the task touches memory that
  /// is not its own, which keeps it on the node that has that memory.
  func foreignAccess(
    _ target: PointerTarget, reading: Bool, writing: Bool, passedTo callee: String, at location: SourceLocation
  ) {
    switch target {
    case .unknown(let description):
      if reading || writing {
        summary.addReason(Reason(.passesForeignPointer(callee: callee), description, at: location))
      }
    case .global(let name):
      if reading { readGlobal(name, at: location) }
      if writing { summary.addReason(Reason(.writesGlobal, name, at: location)) }
    default:
      break
    }
  }

  /// Whether `value` is never negative where this function's figures hold: a constant, or, with
  /// the open counted loops' variables at their extremes, a constant or a polynomial with no
  /// negative part in parameters that are themselves never negative (`checkedParameterNames`:
  /// a task's are checked at the spawn, a callee's by this same test at its calls).
  func isNeverNegative(_ value: Polynomial) -> Bool {
    guard let lowest = extremeOverOpenLoops(of: value, lowest: true).map(withoutQuotients) else { return false }
    if let constant = lowest.integerValue { return constant >= 0 }
    return lowest.variables.isSubset(of: checkedParameterNames) && lowest.isNeverNegativeForNonNegativeVariables
  }

  /// `value` made no larger by replacing each quotient `x / c` (a positive constant `c`, `x`
  /// never negative) by its bounds: the fraction `x * (1/c)` where it is subtracted (C's
  /// quotient is at most that), 0 where it is added (`n - n / 2` is at least `n / 2`).
  private func withoutQuotients(_ value: Polynomial) -> Polynomial {
    var result = Polynomial.zero
    for (monomial, coefficient) in value.terms {
      guard monomial.factors.count == 1, let factor = monomial.factors.first, factor.exponent == 1,
        case .quotient(let dividend, let divisor) = factor.atom, let constant = divisor.integerValue, constant > 0,
        isNeverNegative(dividend)
      else {
        result = result + Polynomial(terms: [monomial: coefficient])
        continue
      }
      if coefficient < .zero { result = result + dividend * coefficient * Rational(1, constant) }
    }
    return result
  }

  /// Adds a callee's effects, stated in the callee's parameters, in terms of this function's.
  private func instantiate(
    _ calleeSummary: AccessSummary, of callee: FunctionDefinition, with values: [Value], arguments: [Expr]
  ) {
    var bindings: [String: Polynomial] = [:]
    for (position, parameter) in callee.parameters.enumerated() where !parameter.type.isPointerLike {
      var value = position < values.count ? values[position].polynomial : nil
      if parameter.type.kind == .integer {
        // Passed as the parameter's type (`put(a, 300)` to an `unsigned char` is 44); a value
        // that becomes a range of them is not followed into the callee's figures.
        value = converted(value, to: parameter.type).polynomial.flatMap { converted in
          converted.variables.contains(where: { boundedValues[$0] != nil && !(value?.mentions($0) ?? false) })
            ? nil : converted
        }
      }
      // The callee's figures take its integer parameters as not negative (the spawn checks a
      // task's own; a callee's hold only through what its caller passes): a value that may be
      // negative here (`put(a, lo - 5, k)` with `k % d`) is not followed, but where the callee
      // does for a negative value what it does for 0 (`SignBlindParameters`: `sum(a, n - 1)`
      // over `i < n`), as `max(value, 0)`.
      if let passed = value, !isNeverNegative(passed) {
        value =
          SignBlindParameters(context).contains(callee, position: position)
          ? Polynomial(atom: .maximum(passed, .zero)) : nil
      }
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
      // The whole recursion's, where an induction bounds it (`RecursiveWorkInduction`).
      work = calleeSummary.recursionWork.flatMap(translate)
      if work == nil { summary.unboundedWorkBecause.append("'\(callee.name)' is recursive") }
    }
    summary.work = add(summary.work, work)
    summary.unboundedWorkBecause += calleeSummary.unboundedWorkBecause.filter {
      !summary.unboundedWorkBecause.contains($0)
    }
    for reason in calleeSummary.reasons {
      for passed in reasonPassedUp(reason, of: callee, arguments: values, arguments) { summary.addReason(passed) }
    }
    for read in calleeSummary.sharedConstants { summary.noteSharedConstant(read) }

    for (position, access) in calleeSummary.parameters.sorted(by: { $0.key < $1.key }) {
      guard position < values.count else { continue }
      let calleeElement = position < callee.parameters.count ? callee.parameters[position].type.elementSize : nil
      switch values[position] {
      case .pointer(.parameter(let index, _)) where isWider(calleeElement, thanAnElementOf: index):
        // The callee counts in wider elements (`void *p` passed on as `double *`).
        summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
          reading: access.isRead, writing: access.isWritten,
          because:
            "'\(callee.name)' (called at \(arguments[position].location.withBaseName)) accesses it in wider elements")
      case .pointer(.parameter(let index, let offset)):
        var mapped = access
        mapped.reads = translate(access.reads)
        mapped.writes = translate(access.writes)
        mapped.sure = access.sure.mapping(
          { range in
            guard let offset, let low = translate(range.low), let high = translate(range.high),
              let start = indexRange(of: low + offset), let end = indexRange(of: high + offset), start.exact, end.exact
            else { return nil }
            return IndexRange(low: start.range.low, high: end.range.high)
          }, when: access.sure.when.map(translate))
        // What the callee stores densely, where it counts in this parameter's elements and its
        // values are exact ones of this function (a helper `put(a, i, v)` storing `a[i]`).
        mapped.dense = DenseStores()
        if let offset, !mentionsBoundedValue(offset), calleeElement != nil,
          calleeElement == function.parameters[index].type.elementSize
        {
          mapped.dense = access.dense.mapping(offset: offset) { value in
            guard let translated = translate(value),
              !self.mentionsBoundedValue(translated)
            else { return nil }
            return translated
          }
        }
        if let offset {
          // An offset or an argument that is a bounded value (`BoundedValues`): every place it may be.
          (mapped.ranges, mapped.writeRanges) = access.mappingRanges { range in
            guard let low = translate(range.low), let high = translate(range.high),
              let start = indexRange(of: low + offset), let end = indexRange(of: high + offset)
            else { return nil }
            return IndexRange(low: start.range.low, high: end.range.high)
          }
        } else {
          mapped.ranges = nil
          if access.isWritten { mapped.writeRanges = nil }
        }
        if mapped.ranges == nil || mapped.reads == nil || mapped.writes == nil {
          mapped.noteUnbounded(
            "its accesses in '\(callee.name)' (called at \(arguments[position].location.withBaseName)) cannot be bounded here"
          )
        }
        summary.parameters[index, default: ParameterAccess()].merge(sequential: mapped)
      case .pointer(.view(let view)):
        summary.parameters[view.index, default: ParameterAccess()].merge(
          sequential: viewedAccess(
            access, through: view, calleeElement: calleeElement, translate: translate,
            calledAt: "'\(callee.name)' (called at \(arguments[position].location.withBaseName))"))
      case .pointer(.parameters(let indices)):
        for index in indices where access.isRead || access.isWritten {
          summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
            reading: access.isRead, writing: access.isWritten,
            because:
              "'\(arguments[position].text)' passed to '\(callee.name)' at \(arguments[position].location.withBaseName) may point into any of several parameters"
          )
        }
      case .pointer(.global(let name)):
        let location = arguments[position].location
        if access.isWritten { summary.addReason(Reason(.writesGlobal, name, at: location)) }
        if access.isRead { readGlobal(name, at: location) }
      case .pointer(.unknown(let description)):
        summary.addReason(
          Reason(.passesForeignPointer(callee: callee.name), description, at: arguments[position].location))
        for index in parametersPossiblyHeld(by: description) where access.isRead || access.isWritten {
          summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
            reading: access.isRead, writing: access.isWritten,
            because:
              "'\(description)' passed to '\(callee.name)' at \(arguments[position].location.withBaseName) may point into it"
          )
        }
      default:
        break
      }
    }
  }

  /// A callee's reason as it holds for this caller, given the call's `arguments`: one about the
  /// memory of a callee's parameter (`Reason.parameter`: `free(p)`) does not hold where that
  /// memory is this function's own (what it allocated: a scratch buffer a helper frees), which
  /// stays in the process that runs it; elsewhere it is about the memory of the parameter of
  /// this function the argument is in, or, where that is not one, held wherever this one runs.
  private func reasonPassedUp(
    _ reason: Reason, of callee: FunctionDefinition, arguments: [Value], _ expressions: [Expr]
  ) -> [Reason] {
    if let source = reason.unlessCallersMemory {
      return passedUp(
        unlessCallersMemory: reason, argument: source < expressions.count ? expressions[source] : nil,
        byValue: source < callee.parameters.count && !callee.parameters[source].type.isPointerLike)
    }
    guard let position = reason.parameter else { return [reason] }
    var passed = reason.heldAnywhere
    guard position < arguments.count, case .pointer(let target) = arguments[position] else { return [passed] }
    if case .privateMemory = target {
      // An own address stored in memory of this function's own stays there, unless a read of
      // that memory may not be taken to carry it (`OwnAddressContents.holdsAddresses(at:)`).
      if case .storesOwnAddress = reason.kind,
        position >= expressions.count || !ownAddresses.holdsAddresses(at: expressions[position])
      {
        return [passed]
      }
      return []
    }
    passed.parameter = target.parameterIndex
    return [passed]
  }

  private func libraryCall(_ callee: String, _ values: [Value], _ arguments: [Expr], _ expression: Expr) -> Value {
    switch LibraryFunction.lookup(callee) {
    case .memoryCopy(let destination, let source, let bytes)?:
      guard arguments.count > max(destination, source, bytes) else { break }
      bulk(values[destination], arguments[destination], write: true, bytes: values[bytes].polynomial)
      bulk(values[source], arguments[source], write: false, bytes: values[bytes].polynomial)
      if case .pointer(let target) = values[destination], !target.parameterIndices.isEmpty {
        copiedOwnAddresses(from: arguments[source], into: arguments[destination])
      }
      return values[destination]
    case .memorySet(let destination, let bytes)?:
      guard arguments.count > max(destination, bytes) else { break }
      bulk(values[destination], arguments[destination], write: true, bytes: values[bytes].polynomial)
      return values[destination]
    case .pure(let cost)?:
      summary.addWork(cost)
      return .unknownScalar
    case .absoluteValue?:
      summary.addWork(1)
      return arguments.count == 1 ? absoluteValue(values[0].polynomial) : .unknownScalar
    case .allocation?:
      // `realloc(p, n)` also releases `p`, and copies its data.
      if callee.hasSuffix("realloc"), let first = values.first { release(first, arguments[0], by: callee) }
      return .pointer(.privateMemory)
    case .deallocation?:
      if let first = values.first { release(first, arguments[0], by: callee) }
      return .unknownScalar
    case .argumentList?:
      // The list is the task's own where it is a local (`va_list ap`); a list it was given
      // (a `va_list` parameter) or a global one is memory the analysis does not follow.
      for (value, argument) in zip(values, arguments) { unmodeledOperand(value, argument, of: callee) }
      summary.addWork(1)
      return valueStored(at: expression)
    case .effect?:
      summary.addReason(Reason(.callsEffect, callee, at: expression.location))
      escapeAll(values, arguments, into: callee)
      return result(of: expression, given: values)
    case nil:
      summary.addReason(Reason(.callsInvisible, callee, at: expression.location))
      summary.noteUnboundedWork("'\(callee)' has no visible body")
      escapeAll(values, arguments, into: callee)
      return result(of: expression, given: values)
    }
    return valueStored(at: expression)
  }

  /// `free`/`realloc` of memory the task was given: on another rank it would release the
  /// buffer the data arrived in, and `realloc` reads all of it.
  private func release(_ value: Value, _ argument: Expr, by callee: String) {
    guard case .pointer(let target) = value else { return }
    for index in target.parameterIndices {
      summary.addReason(
        Reason(
          .freesParameterMemory(callee: callee), function.parameters[index].name, at: argument.location,
          inMemoryOf: index))
      summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
        reading: true, writing: !function.parameters[index].type.pointsToConst,
        because: "it is passed to '\(callee)' at \(argument.location.withBaseName)")
    }
  }

  /// Every pointer into a parameter handed to `callee`, which dosc cannot see into.
  private func escapeAll(_ values: [Value], _ arguments: [Expr], into callee: String) {
    let declared = context.unit.functions.declaration(named: callee)?.parameters ?? []
    for (position, (argument, value)) in zip(arguments, values).enumerated() {
      let takesConst = position < declared.count && declared[position].type.pointsToConst
      escape(value, argument, into: callee, calleeTakesConst: takesConst)
    }
  }
}
