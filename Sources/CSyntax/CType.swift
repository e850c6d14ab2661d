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
  public var description: String { spelling }

  public static let unknown = CType(spelling: "?", kind: .other)
  public static let int = CType(spelling: "int", kind: .integer, size: 4)
}
