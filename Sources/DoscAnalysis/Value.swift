import SymbolicAlgebra

/// Where a pointer points, as far as the analysis can tell.
enum PointerTarget: Hashable {
  /// Into the memory a pointer parameter points to, `offset` elements from it (nil: unknown).
  case parameter(index: Int, offset: Polynomial?)
  /// Memory private to this execution: a local array or what it allocated.
  case privateMemory
  case global(String)
  /// A string literal or other constant data.
  case constantData
  /// Anything else, described for messages (`'s->next'`).
  case unknown(String)
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
}
