/// What the analysis needs to know about a C type, taken from clang at the boundary.
public struct CType: Hashable, Sendable, CustomStringConvertible {
  public enum Kind: Hashable, Sendable {
    case void, integer, floating, pointer, array, record, function, other
  }

  public var spelling: String
  public var kind: Kind
  /// `sizeof` the type in bytes; nil for incomplete types.
  public var size: Int?
  /// For pointers and arrays: the element type's spelling and size.
  public var elementSpelling: String?
  public var elementSize: Int?
  /// For pointers: the pointee is const-qualified (`const double *`).
  public var pointsToConst: Bool
  /// The type itself is const-qualified (`const int n`).
  public var isConst: Bool
  /// An unsigned integer type (`unsigned`, `size_t`, `uint32_t`): its arithmetic wraps.
  public var isUnsigned = false
  /// `_Bool` (`bool`): its values are 0 and 1.
  public var isBoolean = false
  /// Of a member expression: the member is a bit-field, so a store to it also loads the
  /// storage unit it shares with other fields.
  public var isBitField = false
  /// An `_Atomic` object (`_Atomic long`, `atomic_int`, `typedef _Atomic long counter`): the
  /// canonical type's kind, however it is spelled.
  public var isAtomic = false
  /// For pointers and arrays: the element is or holds an `_Atomic` object (`_Atomic int *`,
  /// `atomic_long *`, a pointer to a structure with an `_Atomic` field).
  public var elementIsAtomic = false
  /// An object of this type holds an address somewhere: it is a pointer, or a structure, union
  /// or array with one inside (`struct s { const char *name; }`).
  public var holdsAddresses = false
  /// For pointers and arrays: an element holds an address (`holdsAddresses` of the element).
  public var elementHoldsAddresses = false
  /// A union: its members share bytes, so one that holds no address may read another's.
  public var isUnion = false
  /// For pointers and arrays: the element is a union.
  public var elementIsUnion = false

  public init(
    spelling: String, kind: Kind, size: Int? = nil, elementSpelling: String? = nil, elementSize: Int? = nil,
    pointsToConst: Bool = false, isConst: Bool = false
  ) {
    self.spelling = spelling
    self.kind = kind
    self.size = size
    self.elementSpelling = elementSpelling
    self.elementSize = elementSize
    self.pointsToConst = pointsToConst
    self.isConst = isConst
  }

  public var isPointer: Bool { kind == .pointer }
  public var isPointerLike: Bool { kind == .pointer || kind == .array }
  public var isArithmetic: Bool { kind == .integer || kind == .floating }
  /// Arithmetic in this type wraps modulo a power of two below the 64 bits in which dosc's
  /// figures are evaluated (`unsigned`: `i + (unsigned)-1` is `i - 1`, not `i + 4294967295`).
  /// Types narrower than `int` are promoted before arithmetic, so only `unsigned int` counts.
  public var wrapsBelow64Bits: Bool { kind == .integer && isUnsigned && (size ?? 8) == 4 }
  public var description: String { spelling }

  /// The values an integer type holds, for types of at most 4 bytes (`bool`: 0 and 1; plain
  /// `char` as this target's, signed or not); nil for wider ones and other kinds.
  public var integerRange: ClosedRange<Int>? {
    guard kind == .integer, let size, size <= 4 else { return nil }
    if isBoolean { return 0...1 }
    let bits = 8 * size
    return isUnsigned ? 0...((1 << bits) - 1) : -(1 << (bits - 1))...((1 << (bits - 1)) - 1)
  }

  public static let unknown = CType(spelling: "?", kind: .other)
  public static let int = CType(spelling: "int", kind: .integer, size: 4)
}
