import CSyntax
import DoscManifest
import DoscSupport
import SymbolicAlgebra

/// Turns a task function's access summary into its figures, keeping only what is stated in
/// the task's own (unmodified) parameters: anything else is null, with a reason. Every figure
/// of a task is built here.
enum TaskFigures {
  static func task(
    _ function: FunctionDefinition, summary: AccessSummary, measure: RecursionMeasureAnalysis.Outcome?
  ) -> AnalyzedTask {
    func figure(_ value: Polynomial?) -> Polynomial? {
      guard let value, value.representableCExpression != nil,
        value.variables.isSubset(of: summary.unchangedScalarParameters)
      else { return nil }
      return value
    }
    func span(_ range: IndexRange?) -> ParameterFigures.Span {
      let first = figure(range?.low)
      let last = figure(range?.high)
      return ParameterFigures.Span(first: first, count: first.flatMap { first in last.map { $0 - first + 1 } })
    }

    // A task's parameters are its caller's memory: a reason that holds only where one is not
    // (`Reason.unlessCallersMemory`) is no obstacle.
    var reasons = summary.reasons.filter { $0.unlessCallersMemory == nil }
    var parameters: [ParameterFigures] = []
    // The parameters a remote spawn checks are not negative where the figures mention them.
    let integerParameters = Set(function.parameters.filter { $0.type.kind == .integer }.map(\.name))
      .intersection(summary.unchangedScalarParameters)
    for (index, parameter) in function.parameters.enumerated() {
      guard parameter.type.isPointerLike else {
        parameters.append(scalarParameter(parameter))
        continue
      }
      guard let access = summary.parameters[index] else {
        parameters.append(
          ParameterFigures(
            name: parameter.name, type: parameter.type.spelling, access: .none, reads: .zero, writes: .zero,
            footprint: .init(first: .zero, count: .zero), elementSize: parameter.type.elementSize))
        continue
      }
      var figures = ParameterFigures(
        name: parameter.name, type: parameter.type.spelling,
        access: access.isRead && access.isWritten
          ? .readwrite : access.isWritten ? .write : access.isRead ? .read : .none,
        reads: figure(access.reads), writes: figure(access.writes), footprint: span(access.footprint),
        written: access.isWritten ? span(access.writtenFootprint) : nil, elementSize: parameter.type.elementSize)
      if let written = access.writtenFootprint, figures.written?.first != nil, figures.written?.count != nil {
        figures.writeDense = access.dense.covers(written, nonNegative: integerParameters)
      }
      if figures.access != .none, let sure = access.sureFootprint {
        let touched = span(sure)
        if touched.first != nil, touched.count != nil, let when = figure(condition(access.sure.when)) {
          (figures.touched, figures.touchedWhen) = (touched, when)
        }
      }
      if let element = parameter.type.elementSpelling, parameter.type.elementSize == nil,
        element.contains("["), figures.access != .none
      {
        // A row of a variable-length array (`double u[nx][ny]`): its elements are counted in
        // rows whose size exists only at run time, so no byte figure can be stated.
        figures.bytesUnknown = true
        let why = "its element '\(element)' is a variable-length array, whose size is known only at run time"
        figures.unbounded = (figures.unbounded ?? []) + [why]
        reasons.append(Reason(.unboundedParameter(why: why), parameter.name, at: function.location))
      }
      if !figures.isBounded {
        var unbounded = access.unboundedBecause
        let computed = [access.footprint?.low, access.footprint?.high, access.reads, access.writes]
        if computed.contains(where: { $0?.isOverflow == true }) { unbounded.append("a figure does not fit in 64 bits") }
        if unbounded.isEmpty {
          unbounded.append("its figures depend on values that are not parameters of '\(function.name)'")
        }
        figures.unbounded = (figures.unbounded ?? []) + unbounded
        reasons.append(Reason(.unboundedParameter(why: unbounded[0]), parameter.name, at: function.location))
      }
      parameters.append(figures)
    }
    if function.isVariadic { reasons.append(Reason(.variadic, function.name, at: function.location)) }
    // Atomics are shared by the threads that use them at once: a copy shipped to another rank
    // is another object (a flag set here never seen there), even where the task only loads.
    for parameter in function.parameters where parameter.type.isPointerLike && parameter.type.elementIsAtomic {
      reasons.append(Reason(.pointsToAtomic, parameter.name, at: function.location))
    }
    if function.returnType.kind != .void, !function.returnType.isArithmetic {
      // An address returned from another rank would mean nothing here.
      reasons.append(Reason(.returnsNonNumber, function.returnType.spelling, at: function.location))
    }
    let work = figure(summary.work)
    // A recursive task's `work` is its whole recursion's (`RecursiveWorkInduction`).
    let recursionWork = figure(summary.recursionWork)
    var workUnbounded = summary.unboundedWorkBecause
    if summary.isRecursive && recursionWork == nil {
      workUnbounded.insert("'\(function.name)' is recursive: its work depends on how deep the recursion goes", at: 0)
      let why =
        summary.recursionWork == nil
        ? summary.recursionWorkUnboundedBecause : "its bound is not stated in parameters it never changes"
      if let why { workUnbounded.insert("\(function.location.withBaseName): \(why)", at: 1) }
    } else if summary.isRecursive {
      workUnbounded = []
    } else if work == nil && workUnbounded.isEmpty {
      workUnbounded.append(
        summary.work?.isOverflow == true
          ? "a figure does not fit in 64 bits" : "it depends on values that are not parameters of '\(function.name)'")
    }
    var task = AnalyzedTask(
      name: function.name, location: function.location, returns: function.returnType.spelling, parameters: parameters,
      work: summary.isRecursive ? recursionWork : work, workPerInvocation: summary.isRecursive ? work : nil,
      workUnbounded: workUnbounded, isRecursive: summary.isRecursive, reasons: reasons, isOpaque: false)
    task.sharedConstants = summary.sharedConstants
    if summary.isRecursive {
      switch measure {
      case .found(var found)?:
        // A figure of the arguments where one call's work varies (a constant is the figure).
        if work?.integerValue == nil {
          found.workPerCallBound = ManifestExpression(
            RecursionWorkPerCall.bound(of: work, measure: found, function: function))
        }
        task.measure = found
      case .unknown(let why)?: task.measureUnknown = why
      case nil: task.measureUnknown = ["'\(function.name)' recurses only through functions it calls"]
      }
    }
    return task
  }

  /// The figure that is positive when every one of `conditions` is: their minimum, 1 for none.
  private static func condition(_ conditions: [Polynomial]) -> Polynomial {
    guard let first = conditions.first else { return .one }
    return conditions.dropFirst().reduce(first) { .minimum($0, $1) }
  }

  /// A by-value parameter: its value is read once and shipped whole.
  static func scalarParameter(_ parameter: Parameter) -> ParameterFigures {
    ParameterFigures(
      name: parameter.name, type: parameter.type.spelling, access: .read, reads: .one, writes: .zero,
      footprint: .init(first: .zero, count: .one), elementSize: parameter.type.size)
  }

  /// A task whose body is not in this translation unit: its signature only, never remote.
  static func opaqueTask(named name: String, declaration: FunctionDeclaration?, site: SpawnSite) -> AnalyzedTask {
    let location = declaration?.location ?? site.call.location
    let parameters = (declaration?.parameters ?? []).map { parameter -> ParameterFigures in
      guard parameter.type.isPointerLike else { return scalarParameter(parameter) }
      let unknown = ParameterFigures.Span(first: nil, count: nil)
      return ParameterFigures(
        name: parameter.name, type: parameter.type.spelling, access: parameter.type.pointsToConst ? .read : .readwrite,
        reads: nil, writes: nil, footprint: unknown, written: parameter.type.pointsToConst ? nil : unknown,
        elementSize: parameter.type.elementSize, unbounded: ["the body of '\(name)' is not visible"])
    }
    return AnalyzedTask(
      name: name, location: location, returns: declaration?.returnType.spelling ?? "int", parameters: parameters,
      work: nil, workPerInvocation: nil, workUnbounded: ["the body of '\(name)' is not visible"], isRecursive: false,
      reasons: [Reason(.invisibleTask, name, at: location)],
      isOpaque: true)
  }
}
