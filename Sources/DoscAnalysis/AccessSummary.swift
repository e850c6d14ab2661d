import DoscSupport
import SymbolicAlgebra

/// What executing a piece of code does, in the current iteration of the loops around it.
///
/// Paths that leave the function (`return`) are kept apart from the path that falls through:
/// code after a `return` adds nothing to it, and the whole function costs the larger of its
/// paths, not their sum.
struct AccessSummary {
  /// The figures of the path that falls through to the end of this code.
  var parameters: [Int: ParameterAccess] = [:]
  var work: Count = .zero
  /// How far each counter that `FunctionAnalyzer.countingSteps` names was stepped up, at most
  /// (`CounterRanges`): added up as `work` is, over paths and loops.
  var counterSteps: [String: Count] = [:]
  /// False once every path through this code has returned.
  var fallsThrough = true
  /// An upper bound of the paths that returned inside this code, each counted from its start.
  private var returned: PathFigures?
  /// Whether a path may have returned inside this code although its figures were joined into
  /// the falling-through ones (an iteration of a loop may return): code after this code may
  /// then not run, and what it touches is not sure.
  private var mayHaveReturned = false
  /// The paths that jumped forward (`goto`) to a label not reached yet, by where the label's
  /// statement starts (`ForwardGotos`): each joins the path that falls through to it there.
  private var jumped: [Int: PathFigures] = [:]

  var reasons: [Reason] = []
  /// Reads of globals with the same bytes on every rank (`SharedConstants`), which keep no
  /// task home: the manifest names them.
  var sharedConstants: [Reason] = []
  var isRecursive = false
  var unboundedWorkBecause: [String] = []
  /// Of a recursive function (set by `FunctionAnalyzer.run`): the work of its whole recursion
  /// where an induction bounds it (`RecursiveWorkInduction`), else why not.
  var recursionWork: Polynomial?
  var recursionWorkUnboundedBecause: String?
  /// Of a whole function (set by `FunctionAnalyzer.run`): the scalar parameters it never
  /// changes, the only names a task's figures may be stated in.
  var unchangedScalarParameters: Set<String> = []

  /// The figures of one path.
  private struct PathFigures {
    var parameters: [Int: ParameterAccess]
    var work: Count
    var counterSteps: [String: Count] = [:]

    /// Either path: an upper bound of both.
    func joined(_ other: PathFigures?) -> PathFigures {
      guard let other else { return self }
      var result = self
      // Either path: what only one touches may not be touched.
      for index in result.parameters.keys where other.parameters[index] == nil {
        result.parameters[index]!.mayNotHappen()
      }
      for (index, access) in other.parameters {
        if result.parameters[index] == nil {
          // Not touched on this path: the other path's figures are already an upper bound.
          result.parameters[index] = access
          result.parameters[index]!.mayNotHappen()
        } else {
          result.parameters[index]!.merge(alternative: access)
        }
      }
      result.work = maximumCount(work, other.work)
      for name in Set(counterSteps.keys).union(other.counterSteps.keys) {
        result.counterSteps[name] = maximumCount(counterSteps[name] ?? .zero, other.counterSteps[name] ?? .zero)
      }
      return result
    }

    /// This path, then `other`.
    func followed(by other: PathFigures) -> PathFigures {
      var result = self
      for (index, access) in other.parameters {
        result.parameters[index, default: ParameterAccess()].merge(sequential: access)
      }
      result.work = add(work, other.work)
      for (name, steps) in other.counterSteps { result.counterSteps[name] = add(counterSteps[name] ?? .zero, steps) }
      return result
    }
  }

  private var fallingThrough: PathFigures? {
    fallsThrough ? PathFigures(parameters: parameters, work: work, counterSteps: counterSteps) : nil
  }

  private mutating func setFallingThrough(_ figures: PathFigures?) {
    fallsThrough = figures != nil
    if let figures {
      (parameters, work, counterSteps) = (figures.parameters, figures.work, figures.counterSteps)
    } else {
      (parameters, work, counterSteps) = ([:], .zero, [:])
    }
  }

  mutating func addWork(_ amount: Int) { work = add(work, Polynomial(amount)) }

  /// A step of the counter `name` up by `amount`.
  mutating func addCounterStep(_ name: String, by amount: Int) {
    counterSteps[name] = add(counterSteps[name] ?? .zero, Polynomial(amount))
  }

  /// This code may not run, or not whole (an arm of a branch, a loop that may stop sooner):
  /// what it touches is not surely touched (`SureAccesses`).
  mutating func mayNotHappen() {
    for index in parameters.keys { parameters[index]!.mayNotHappen() }
    if returned != nil {
      for index in returned!.parameters.keys { returned!.parameters[index]!.mayNotHappen() }
    }
    for label in jumped.keys {
      for index in jumped[label]!.parameters.keys { jumped[label]!.parameters[index]!.mayNotHappen() }
    }
  }

  mutating func addReason(_ reason: Reason) {
    if !reasons.contains(reason) { reasons.append(reason) }
  }

  mutating func noteSharedConstant(_ read: Reason) {
    if !sharedConstants.contains(read) { sharedConstants.append(read) }
  }

  mutating func noteUnboundedWork(_ why: String) {
    work = nil
    if !unboundedWorkBecause.contains(why) { unboundedWorkBecause.append(why) }
  }

  /// A `return`: the path so far leaves here.
  mutating func leave() {
    guard let path = fallingThrough else { return }
    returned = path.joined(returned)
    setFallingThrough(nil)
  }

  /// A `goto` forward to the label whose statement starts at `label`: the path so far goes on
  /// from there (`land(at:)`), not from here.
  mutating func jump(to label: Int) {
    guard let path = fallingThrough else { return }
    jumped[label] = path.joined(jumped[label])
    setFallingThrough(nil)
  }

  /// The label whose statement starts at `label`: the paths that jumped to it go on from here,
  /// as well as the one that falls through, each as long as it is.
  mutating func land(at label: Int) {
    guard let path = jumped.removeValue(forKey: label) else { return }
    setFallingThrough(path.joined(fallingThrough))
  }

  /// A label (`case`, `default`, a `goto` target): code after it runs even when the code
  /// before it returned. What ran before is still counted, which over-approximates the path
  /// that jumps here.
  mutating func becomeReachable() {
    if !fallsThrough { setFallingThrough(returned ?? PathFigures(parameters: [:], work: .zero)) }
  }

  /// The figures of the larger of the paths, returned or not: what the code costs as a whole.
  mutating func joinPaths() {
    // A jump whose label is not in this code (none: `ForwardGotos` keeps each in its block)
    // leaves it as a `return` would.
    for (_, path) in jumped { returned = path.joined(returned) }
    jumped = [:]
    guard let returned else { return }
    setFallingThrough(returned.joined(fallingThrough))
    self.returned = nil
  }

  private mutating func mergeFacts(_ other: AccessSummary) {
    for reason in other.reasons where !reasons.contains(reason) { reasons.append(reason) }
    for read in other.sharedConstants { noteSharedConstant(read) }
    isRecursive = isRecursive || other.isRecursive
    unboundedWorkBecause += other.unboundedWorkBecause.filter { !unboundedWorkBecause.contains($0) }
  }

  /// This code, then `other`.
  mutating func merge(sequential other: AccessSummary) {
    mergeFacts(other)
    guard let before = fallingThrough else { return }
    var other = other
    if mayHaveReturned { other.mayNotHappen() }
    mayHaveReturned = mayHaveReturned || other.mayHaveReturned
    if let otherReturned = other.returned { returned = before.followed(by: otherReturned).joined(returned) }
    for (label, path) in other.jumped { jumped[label] = before.followed(by: path).joined(jumped[label]) }
    setFallingThrough(other.fallingThrough.map { before.followed(by: $0) })
  }

  /// Either this code or `other` runs (the two arms of an `if`).
  mutating func merge(alternative other: AccessSummary) {
    mergeFacts(other)
    mayHaveReturned = mayHaveReturned || other.mayHaveReturned
    if let otherReturned = other.returned { returned = otherReturned.joined(returned) }
    for (label, path) in other.jumped { jumped[label] = path.joined(jumped[label]) }
    switch (fallingThrough, other.fallingThrough) {
    case (let mine?, let theirs): setFallingThrough(mine.joined(theirs))
    case (nil, let theirs): setFallingThrough(theirs)
    }
  }

  /// The counts with each clamp that `isNeverNegative` shows is not needed proved away
  /// (`CountClamps`). Once the paths are joined (`joinPaths`): the counts are all here.
  mutating func proveClamps(_ isNeverNegative: (Polynomial) -> Bool) {
    precondition(returned == nil, "the paths are joined first")
    work = work?.provingClamps(isNeverNegative)
    counterSteps = counterSteps.mapValues { $0?.provingClamps(isNeverNegative) }
    for index in parameters.keys {
      parameters[index]!.reads = parameters[index]!.reads?.provingClamps(isNeverNegative)
      parameters[index]!.writes = parameters[index]!.writes?.provingClamps(isNeverNegative)
    }
  }

  /// The summary of running this code once per iteration of `loop`: counts summed over the
  /// iterations, index ranges widened to every value the loop variable takes. An iteration
  /// that returns costs at most its largest path, so the paths are joined first.
  /// `isNeverNegative`: whether a count is never negative in the loop's body
  /// (`FunctionAnalyzer.countIsNeverNegative`), which proves the body's clamps away first.
  func repeated(over loop: CountedLoop, isNeverNegative: (Polynomial) -> Bool) -> AccessSummary {
    var result = self
    // An iteration that may return ends the loop early: its last values may never come, nor
    // what follows the loop.
    let mayLeave = returned != nil || mayHaveReturned || !jumped.isEmpty
    result.joinPaths()
    result.proveClamps(isNeverNegative)
    result.mayHaveReturned = mayLeave
    func summed(_ once: Count) -> Count { once.flatMap { loop.sum(ofCount: $0, isNeverNegative: isNeverNegative) } }
    let once = result.work
    result.work = summed(once)
    result.counterSteps = result.counterSteps.mapValues(summed)
    if once != nil && result.work == nil {
      result.unboundedWorkBecause.append("the work of the loop at \(loop.location.withBaseName) has no closed form")
    }
    for (index, access) in result.parameters {
      var repeated = access
      repeated.reads = summed(access.reads)
      repeated.writes = summed(access.writes)
      (repeated.ranges, repeated.writeRanges) = access.mappingRanges { loop.widen($0) }
      // The widened ends are touched at the loop's first and last values, if it runs at all.
      // A scaled loop's last value is not known (`CountedLoop.scaling`): nothing is sure.
      let unsure = mayLeave || loop.scaling != nil
      repeated.sure =
        unsure ? SureAccesses() : access.sure.mapping(loop.widen, when: access.sure.when + [loop.tripCount])
      repeated.dense = unsure ? DenseStores() : access.dense.repeated(over: loop)
      if (access.reads != nil && repeated.reads == nil) || (access.writes != nil && repeated.writes == nil) {
        repeated.noteUnbounded("its count in the loop at \(loop.location.withBaseName) has no closed form")
      }
      if access.ranges != nil && repeated.ranges == nil {
        repeated.noteUnbounded(
          "an index is not affine in the variable '\(loop.name)' of the loop at \(loop.location.withBaseName)")
      }
      result.parameters[index] = repeated
    }
    result.keepWithinBudget(at: "\(loop.location.withBaseName)")
    return result
  }

  /// Nulls each figure beyond `AnalysisBudget` with its reason, before the loops around carry
  /// it further.
  private mutating func keepWithinBudget(at location: String) {
    let why = AnalysisBudget.tooCostly(at: location)
    if work != nil && AnalysisBudget.bounded(work) == nil { noteUnboundedWork(why) }
    for index in parameters.keys {
      var access = parameters[index]!
      var overBudget = false
      for keyPath in [\ParameterAccess.reads, \ParameterAccess.writes]
      where access[keyPath: keyPath] != nil && AnalysisBudget.bounded(access[keyPath: keyPath]) == nil {
        access[keyPath: keyPath] = nil
        overBudget = true
      }
      let (ranges, writeRanges) = access.mappingRanges(AnalysisBudget.bounded)
      if (access.ranges != nil && ranges == nil) || (access.writeRanges != nil && writeRanges == nil) {
        (access.ranges, access.writeRanges) = (nil, nil)
        overBudget = true
      }
      if overBudget {
        access.mayNotHappen()  // nothing sure is stated in figures beyond the budget either
        access.noteUnbounded(why)
        parameters[index] = access
      }
    }
  }

  /// The summary of code run an unknown number of times (a `while` loop, say).
  func repeatedUnboundedly(because why: String) -> AccessSummary {
    var result = self
    result.mayHaveReturned = mayHaveReturned || returned != nil || !jumped.isEmpty
    result.joinPaths()
    if let work = result.work, !work.isZero { result.noteUnboundedWork(why) }
    result.counterSteps = result.counterSteps.mapValues { $0?.isZero == true ? $0 : nil }
    for (index, access) in result.parameters {
      var repeated = access
      if access.reads != .zero { repeated.reads = nil }
      if access.writes != .zero { repeated.writes = nil }
      if !(access.reads == .zero && access.writes == .zero) { repeated.noteUnbounded(why) }
      repeated.mayNotHappen()  // it may run zero times
      result.parameters[index] = repeated
    }
    return result
  }
}
