import CSyntax
import SymbolicAlgebra

/// Where a pointer points, as far as the analysis can tell.
enum PointerTarget: Hashable {
  /// Into the memory a pointer parameter points to, `offset` elements from it (nil: unknown).
  case parameter(index: Int, offset: Polynomial?)
  /// Memory private to this execution: a local variable or array, or what it allocated.
  case privateMemory
  case global(String)
  /// A string literal or other constant data.
  case constantData
  /// Anything else, described for messages (`'s->next'`).
  case unknown(String)

  /// `amount` elements further on (an unknown amount loses the offset, not the memory).
  func offset(by amount: Polynomial?) -> PointerTarget {
    guard case .parameter(let index, let offset) = self else { return self }
    guard let offset, let amount else { return .parameter(index: index, offset: nil) }
    return .parameter(index: index, offset: offset + amount)
  }

  /// The same memory at an offset the analysis does not know.
  var withoutOffset: PointerTarget {
    if case .parameter(let index, _) = self { return .parameter(index: index, offset: nil) }
    return self
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
    case (.pointer(let x), .pointer(let y)) where x == y: return a
    case (.pointer(let x), .pointer(let y)) where x.withoutOffset == y.withoutOffset: return .pointer(x.withoutOffset)
    case (.scalar(let x?), .scalar(let y?)) where x == y: return a
    default: return type.isPointerLike ? .pointer(.unknown(text)) : .unknownScalar
    }
  }
}
