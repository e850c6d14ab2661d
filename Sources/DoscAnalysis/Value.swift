import CSyntax
import SymbolicAlgebra

/// Where a pointer points, as far as the analysis can tell.
enum PointerTarget: Hashable {
  /// Into the memory a pointer parameter points to, `offset` elements from it (nil: unknown).
  case parameter(index: Int, offset: Polynomial?)
  /// Into the memory a pointer parameter points to, through a pointer whose type counts in other
  /// units than the parameter's elements (`ParameterView`).
  case view(ParameterView)
  /// Into the memory of one of several pointer parameters (`p = c ? a : b`), where is unknown.
  case parameters([Int])
  /// Memory private to this execution: a local variable or array, or what it allocated.
  case privateMemory
  case global(String)
  /// A string literal or other constant data.
  case constantData
  /// Anything else, described for messages (`'s->next'`).
  case unknown(String)

  /// `amount` elements further on (an unknown amount loses the offset, not the memory).
  func offset(by amount: Polynomial?) -> PointerTarget {
    if case .view(let view) = self {
      guard let amount else { return withoutOffset }
      return .view(view.moved(by: amount * view.stride))
    }
    guard case .parameter(let index, let offset) = self else { return self }
    guard let offset, let amount else { return .parameter(index: index, offset: nil) }
    return .parameter(index: index, offset: offset + amount)
  }

  /// Into a parameter's memory at a known place.
  var hasKnownOffset: Bool {
    switch self {
    case .parameter(_, let offset): offset != nil
    case .view: true
    default: false
    }
  }

  /// The one pointer parameter whose memory this is in, at a known place or not.
  var parameterIndex: Int? {
    switch self {
    case .parameter(let index, _): index
    case .view(let view): view.index
    default: nil
    }
  }

  /// The pointer parameters whose memory this may be in.
  var parameterIndices: [Int] {
    switch self {
    case .parameter(let index, _): [index]
    case .view(let view): [view.index]
    case .parameters(let indices): indices
    default: []
    }
  }

  /// Where either of two pointers points: one memory, or one of several parameters' (private
  /// memory and constants are the task's own, so they need no tracking); nil otherwise.
  static func either(_ targets: [PointerTarget]) -> PointerTarget? {
    let distinct = Set(targets)
    if distinct.count == 1 { return distinct.first }
    if Set(distinct.map(\.withoutOffset)).count == 1 { return distinct.first!.withoutOffset }
    guard
      distinct.allSatisfy({
        switch $0 {
        case .parameter, .view, .parameters, .privateMemory, .constantData: true
        default: false
        }
      })
    else { return nil }
    let indices = Set(distinct.flatMap(\.parameterIndices)).sorted()
    return indices.isEmpty
      ? .privateMemory : indices.count == 1 ? .parameter(index: indices[0], offset: nil) : .parameters(indices)
  }

  /// The same memory at an offset the analysis does not know.
  var withoutOffset: PointerTarget {
    switch self {
    case .parameter(let index, _): return .parameter(index: index, offset: nil)
    case .view(let view): return .parameter(index: view.index, offset: nil)
    default: return self
    }
  }
}

/// A pointer into pointer parameter `index`'s memory whose type counts in other units than the
/// parameter's elements: a row `A[i]`, `&A[0][0]`, `*A` or `(double *)A` of `double (*A)[M]`
/// (units of a `double`, M of which make one element), a flat `double *p` taken as
/// `(double (*)[M])p` (M units a step). Its place is `offset` units of `unit` bytes from the
/// parameter, finer than an element, so a flat index `p[i*M + j]` relates to the caller's rows;
/// an access through it touches the elements its units lie in (`FunctionAnalyzer.viewElements`).
struct ParameterView: Hashable {
  var index: Int
  /// From where the parameter points, in units.
  var offset: Polynomial
  /// The size of a unit in bytes.
  var unit: Int
  /// The units in one of the parameter's elements: a constant, or the extent of a
  /// variable-length row (`double C[n][n]`: n).
  var perElement: Polynomial
  /// The units in one object of the type the pointer points to: what `p + 1` adds.
  var stride: Polynomial

  /// `amount` units further on.
  func moved(by amount: Polynomial) -> ParameterView {
    var result = self
    result.offset = offset + amount
    return result
  }
}

/// The symbolic value of an expression.
enum Value {
  /// An integer-valued expression as a polynomial, or nil when it has no symbolic form.
  case scalar(Polynomial?)
  case pointer(PointerTarget)

  var polynomial: Polynomial? {
    if case .scalar(let value) = self { return value }
    return nil
  }

  static let unknownScalar = Value.scalar(nil)

  /// The value of `c ? a : b`: what both have in common.
  static func either(_ a: Value, _ b: Value, type: CType, text: String) -> Value {
    switch (a, b) {
    case (.pointer(let x), .pointer(let y)):
      if let target = PointerTarget.either([x, y]) { return .pointer(target) }
      // A parameter's memory or memory of nobody's (`flag ? a : g_buf`): accesses through it
      // are the parameter's too, at an unknown place.
      let indices = Set(x.parameterIndices + y.parameterIndices).sorted()
      switch indices.count {
      case 0: return .pointer(.unknown(text))
      case 1: return .pointer(.parameter(index: indices[0], offset: nil))
      default: return .pointer(.parameters(indices))
      }
    case (.scalar(let x?), .scalar(let y?)) where x == y: return a
    default: return type.isPointerLike ? .pointer(.unknown(text)) : .unknownScalar
    }
  }
}
