/// An indivisible factor of a monomial: a parameter name, or an operation the polynomial ring
/// cannot express (`min`, `max`, integer division), kept whole with its operands.
public indirect enum Atom: Hashable, Sendable {
  case variable(String)
  case minimum(Polynomial, Polynomial)
  case maximum(Polynomial, Polynomial)
  /// C integer division of two polynomials, truncating toward zero.
  case quotient(Polynomial, Polynomial)

  /// The atom as C source; products put parentheses around quotients themselves.
  public var cExpression: String {
    switch self {
    case .variable(let name): name
    case .minimum(let a, let b): "min(\(a.cExpression),\(b.cExpression))"
    case .maximum(let a, let b): "max(\(a.cExpression),\(b.cExpression))"
    case .quotient(let a, let b): "\(a.cOperand)/\(b.cOperand)"
    }
  }

  /// The variables this atom depends on, including those inside its operands.
  public var variables: Set<String> {
    switch self {
    case .variable(let name): [name]
    case .minimum(let a, let b), .maximum(let a, let b), .quotient(let a, let b):
      a.variables.union(b.variables)
    }
  }

  /// Orders atoms for a canonical printing: plain variables first, alphabetically.
  var sortKey: String {
    switch self {
    case .variable(let name): "0" + name
    default: "1" + cExpression
    }
  }
}
