import CSyntax
import DoscManifest
import DoscSupport
import SymbolicAlgebra

/// A task as the analysis states it: figures as polynomials (nil: unbounded) and reasons as
/// values. It becomes the manifest's text only in `manifestTask`.
public struct AnalyzedTask: Sendable {
  public var name: String
  public var location: SourceLocation
  public var returns: String
  public var parameters: [ParameterFigures]
  /// Operations per execution; nil when unbounded (always for a recursive task).
  public var work: Polynomial?
  /// For a recursive task: the work of one invocation without its recursive calls.
  public var workPerInvocation: Polynomial?
  /// Why `work` is nil, when it is.
  public var workUnbounded: [String]?
  public var isRecursive: Bool
  /// For a recursive task: what bounds its recursion, or why nothing is known to
  /// (`RecursionMeasureAnalysis`).
  public var measure: Manifest.RecursionMeasure?
  public var measureUnknown: [String]?
  public var reasons: [Reason]
  /// The globals it reads that hold the same bytes on every rank, which are not shipped
  /// (`SharedConstants`; `Reason.readsSharedConstant`).
  public var sharedConstants: [Reason] = []
  /// The body is not in the analyzed unit: nothing is known but the signature.
  public var isOpaque: Bool

  /// A task may run on another node when nothing stands in the way.
  public var isRemotable: Bool { reasons.isEmpty }

  /// The first call by which the task may leave without returning and without ending the
  /// process (`longjmp`, `pthread_exit`; `LibraryFunction.leavingTheThread`), or nil. On a
  /// worker that jump crosses into another thread's stack, or ends a thread of the pool, and
  /// the spawner's taskwait waits forever: its sites stay plain calls (the serial elision).
  public var leavingCall: Reason? {
    reasons.first {
      ($0.kind == .callsInvisible || $0.kind == .callsEffect) && LibraryFunction.leavingTheThread.contains($0.culprit)
    }
  }

  public var manifestTask: Manifest.Task {
    Manifest.Task(
      name: name, location: manifestLocation(location), returns: returns, params: parameters.map(\.manifestParameter),
      work: ManifestExpression(work), workPerInvocation: isRecursive ? ManifestExpression(workPerInvocation) : nil,
      recursive: isRecursive, remotable: isRemotable, reasons: Reason.render(reasons), opaque: isOpaque,
      workUnbounded: work == nil ? workUnbounded : nil, measure: isRecursive ? measure : nil,
      measureUnknown: isRecursive && measure == nil ? measureUnknown : nil,
      constantGlobals: sharedConstants.isEmpty ? nil : Reason.render(sharedConstants))
  }
}

/// One parameter's figures (SPEC section 4), in elements of its type.
public struct ParameterFigures: Sendable {
  /// A range of elements: the lowest index and how many it spans.
  public struct Span: Hashable, Sendable {
    public var first: Polynomial?
    public var count: Polynomial?
  }

  public var name: String
  public var type: String
  public var access: Manifest.Parameter.Access
  public var reads: Polynomial?
  public var writes: Polynomial?
  public var footprint: Span
  /// Of a written pointer parameter, the part of the footprint it may store to.
  public var written: Span?
  /// Of a written pointer parameter: the task stores every element of `written` on every path
  /// (`DenseStores`), so a remote run ships it back whole and never ships an `out` one in.
  public var writeDense = false
  /// The part of the footprint whose first and last elements the task surely touches whenever
  /// `touchedWhen` is positive (`SureAccesses`): it lies in the task's array. Nil: none known.
  /// The footprint itself where it is exact.
  public var touched: Span?
  public var touchedWhen: Polynomial?
  /// Bytes per element; a scalar's size.
  public var elementSize: Int?
  /// Why a figure is null, when one is.
  public var unbounded: [String]?
  /// The element's size is not a constant (a row of a variable-length array): `bytes` is null.
  public var bytesUnknown = false

  var isBounded: Bool {
    reads != nil && writes != nil && footprint.count != nil && footprint.first != nil
      && (written.map { $0.first != nil && $0.count != nil } ?? true)
  }

  var manifestParameter: Manifest.Parameter {
    Manifest.Parameter(
      name: name, type: type, access: access, reads: ManifestExpression(reads), writes: ManifestExpression(writes),
      first: ManifestExpression(footprint.first), count: ManifestExpression(footprint.count),
      bytes: ManifestExpression(bytesUnknown ? nil : footprint.count.map { $0 * (elementSize ?? 1) }),
      writeFirst: written.map { ManifestExpression($0.first) },
      writeCount: written.map { ManifestExpression($0.count) },
      writeDense: written.map { _ in writeDense },
      touchedFirst: touched.map { ManifestExpression($0.first) },
      touchedCount: touched.map { ManifestExpression($0.count) },
      touchedWhen: touchedWhen.map { ManifestExpression($0) },
      elementSize: elementSize, unbounded: unbounded)
  }
}

func manifestLocation(_ location: SourceLocation) -> Manifest.Location {
  let base = location.withBaseName
  return Manifest.Location(file: base.file, line: base.line, column: base.column)
}
