import SymbolicAlgebra

/// A manifest EXPR: a number, a C expression over the task's parameters, or null when the
/// analysis cannot bound it.
public enum ManifestExpression: Codable, Hashable, Sendable, CustomStringConvertible {
  case number(Int)
  case formula(String)
  case unknown

  public init(_ polynomial: Polynomial?) {
    // A name with `#` is one of the analysis's own symbols (`i#from`, `#in0`), never C.
    guard let polynomial, !polynomial.variables.contains(where: { $0.contains("#") }),
      let text = polynomial.representableCExpression
    else {
      self = .unknown
      return
    }
    if let value = polynomial.integerValue { self = .number(value) } else { self = .formula(text) }
  }

  public init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if container.decodeNil() {
      self = .unknown
    } else if let value = try? container.decode(Int.self) {
      self = .number(value)
    } else {
      self = .formula(try container.decode(String.self))
    }
  }

  public func encode(to encoder: Encoder) throws {
    var container = encoder.singleValueContainer()
    switch self {
    case .number(let value): try container.encode(value)
    case .formula(let text): try container.encode(text)
    case .unknown: try container.encodeNil()
    }
  }

  /// The expression as a polynomial, for evaluation; nil when unknown.
  public var polynomial: Polynomial? {
    switch self {
    case .number(let value): Polynomial(value)
    case .formula(let text): try? ExpressionParser.parse(text)
    case .unknown: nil
    }
  }

  public var description: String {
    switch self {
    case .number(let value): "\(value)"
    case .formula(let text): text
    case .unknown: "null"
    }
  }
}
