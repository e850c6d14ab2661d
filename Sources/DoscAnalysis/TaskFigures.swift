import CSyntax
import DoscManifest
import DoscSupport
import SymbolicAlgebra

/// Turns a task function's access summary into the manifest's figures, keeping only what is
/// stated in the task's own (unmodified) parameters: anything else is null, with a reason.
enum TaskFigures {
  static func task(_ function: FunctionDefinition, summary: AccessSummary) -> Manifest.Task {
    func figure(_ value: Polynomial?) -> Polynomial? {
      guard let value, value.representableCExpression != nil,
        value.variables.isSubset(of: summary.unchangedScalarParameters)
      else { return nil }
      return value
    }

    var reasons = summary.reasons.map(\.text)
    var parameters: [Manifest.Parameter] = []
    for (index, parameter) in function.parameters.enumerated() {
      guard parameter.type.isPointerLike else {
        parameters.append(scalarParameter(parameter))
        continue
      }
      guard let access = summary.parameters[index] else {
        parameters.append(
          Manifest.Parameter(
            name: parameter.name, type: parameter.type.spelling, access: .none, reads: .number(0), writes: .number(0),
            first: .number(0), count: .number(0), bytes: .number(0), elementSize: parameter.type.elementSize))
        continue
      }
      let elementSize = parameter.type.elementSize ?? 1
      func span(_ range: IndexRange?) -> (first: Polynomial?, count: Polynomial?) {
        let first = figure(range?.low)
        let last = figure(range?.high)
        return (first, first.flatMap { first in last.map { $0 - first + 1 } })
      }
      let (first, count) = span(access.footprint)
      let written = access.isWritten ? span(access.writtenFootprint) : nil
      let reads = figure(access.reads)
      let writes = figure(access.writes)
      var unbounded = access.unboundedBecause
      let footprint = access.footprint
      if [footprint?.low, footprint?.high, access.reads, access.writes].contains(where: { $0?.isOverflow == true }) {
        unbounded.append("a figure does not fit in 64 bits")
      }
      let isBounded = reads != nil && writes != nil && count != nil && written.map { $0.count != nil } ?? true
      if !isBounded && unbounded.isEmpty {
        unbounded.append("its figures depend on values that are not parameters of '\(function.name)'")
      }
      if !isBounded {
        reasons.append(
          "\(function.location.withBaseName): cannot bound the accesses to '\(parameter.name)': \(unbounded[0])")
      }
      let kind: Manifest.Parameter.Access =
        access.isRead && access.isWritten ? .readwrite : access.isWritten ? .write : access.isRead ? .read : .none
      parameters.append(
        Manifest.Parameter(
          name: parameter.name, type: parameter.type.spelling, access: kind, reads: ManifestExpression(reads),
          writes: ManifestExpression(writes), first: ManifestExpression(first), count: ManifestExpression(count),
          bytes: ManifestExpression(count.map { $0 * elementSize }),
          writeFirst: written.map { ManifestExpression($0.first) },
          writeCount: written.map { ManifestExpression($0.count) }, elementSize: parameter.type.elementSize,
          unbounded: isBounded ? nil : unbounded))
    }
    if function.isVariadic {
      reasons.append("\(function.location.withBaseName): '\(function.name)' takes a variable number of arguments")
    }
    let work = figure(summary.work)
    return Manifest.Task(
      name: function.name, location: manifestLocation(function.location), returns: function.returnType.spelling,
      params: parameters, work: summary.isRecursive ? .unknown : ManifestExpression(work),
      workPerInvocation: summary.isRecursive ? ManifestExpression(work) : nil, recursive: summary.isRecursive,
      remotable: reasons.isEmpty, reasons: reasons, opaque: false)
  }

  /// A by-value parameter: its value is read once and shipped whole.
  static func scalarParameter(_ parameter: Parameter) -> Manifest.Parameter {
    Manifest.Parameter(
      name: parameter.name, type: parameter.type.spelling, access: .read, reads: .number(1), writes: .number(0),
      first: .number(0), count: .number(1), bytes: ManifestExpression(parameter.type.size.map { Polynomial($0) }),
      elementSize: parameter.type.size)
  }
}
