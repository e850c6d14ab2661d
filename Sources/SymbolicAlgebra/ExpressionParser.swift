/// Reads the manifest's EXPR syntax (C over names, integers, `+ - * /`, `min(,)`, `max(,)` and
/// parentheses) back into a polynomial. Used to evaluate manifests in tests and tools, and for
/// array sections in `in/out/inout` clauses.
public struct ExpressionParser {
  public struct SyntaxError: Error, Equatable, CustomStringConvertible {
    /// 0-based character offset in the parsed text.
    public var offset: Int
    public var message: String
    public var description: String { "\(message) at offset \(offset)" }
  }

  private let characters: [Character]
  private var position = 0

  public static func parse(_ text: String) throws -> Polynomial {
    var parser = ExpressionParser(characters: Array(text))
    let result = try parser.parseSum()
    parser.skipSpaces()
    if parser.position != parser.characters.count {
      throw SyntaxError(offset: parser.position, message: "unexpected '\(parser.characters[parser.position])'")
    }
    return result
  }

  private init(characters: [Character]) { self.characters = characters }

  private mutating func skipSpaces() {
    while position < characters.count, characters[position].isWhitespace { position += 1 }
  }

  private mutating func peek() -> Character? {
    skipSpaces()
    return position < characters.count ? characters[position] : nil
  }

  private mutating func expect(_ character: Character) throws {
    guard peek() == character else {
      throw SyntaxError(offset: position, message: "expected '\(character)'")
    }
    position += 1
  }

  private mutating func parseSum() throws -> Polynomial {
    var value = try parseProduct()
    while let op = peek(), op == "+" || op == "-" {
      position += 1
      let rhs = try parseProduct()
      value = op == "+" ? value + rhs : value - rhs
    }
    return value
  }

  private mutating func parseProduct() throws -> Polynomial {
    var value = try parseUnary()
    while let op = peek(), op == "*" || op == "/" {
      position += 1
      let rhs = try parseUnary()
      value = op == "*" ? value * rhs : value / rhs
    }
    return value
  }

  private mutating func parseUnary() throws -> Polynomial {
    if peek() == "-" {
      position += 1
      return -(try parseUnary())
    }
    if peek() == "+" {
      position += 1
      return try parseUnary()
    }
    return try parsePrimary()
  }

  private mutating func parsePrimary() throws -> Polynomial {
    guard let next = peek() else { throw SyntaxError(offset: position, message: "expected an expression") }
    if next == "(" {
      position += 1
      let value = try parseSum()
      try expect(")")
      return value
    }
    if next.isNumber {
      var digits = ""
      while position < characters.count, characters[position].isNumber {
        digits.append(characters[position])
        position += 1
      }
      // C integer suffixes (10L, 3u) are accepted and ignored.
      while position < characters.count, "uUlL".contains(characters[position]) { position += 1 }
      guard let value = Int(digits) else { throw SyntaxError(offset: position, message: "number too large") }
      return Polynomial(value)
    }
    if next.isLetter || next == "_" {
      var name = ""
      while position < characters.count,
        characters[position].isLetter || characters[position].isNumber
          || characters[position] == "_"
      {
        name.append(characters[position])
        position += 1
      }
      if (name == "min" || name == "max") && peek() == "(" {
        position += 1
        let a = try parseSum()
        try expect(",")
        let b = try parseSum()
        try expect(")")
        return name == "min" ? .minimum(a, b) : .maximum(a, b)
      }
      return .variable(name)
    }
    throw SyntaxError(offset: position, message: "unexpected '\(next)'")
  }
}
