/// The binary operator before a function-like macro's argument in the macro's body: libclang 14
/// spells an argument's tokens at the macro's use, so for `#define Index3D(_nx, _ny, _i, _j, _k)
/// ((_i)+_nx*((_j)+_ny*(_k)))` the `+` whose right operand begins with `_nx` is nowhere near
/// `nx` in `Index3D(nx, ny, i, j, k)`. In the expansion the operator is the token right before
/// its right operand's first token, the argument's first; in the body, the token before that
/// parameter. Where the parameter appears more than once, every occurrence after an operator
/// must name the same one (an occurrence after `(` or `,` begins no right operand, unless that
/// `(` opens a call, maybe of a macro; one after a unary `-` names `-`, which must then agree),
/// else nothing is told. Used only where clang's print of the function does not tell the
/// operator (`ExpandedOperators`).
extension SourceCache {
  /// The operator before the macro argument that begins at `offset` of `file`, or nil where
  /// that is not one argument's start of a `#define`d function-like macro of the file, or the
  /// body does not tell one operator.
  func operatorBeforeArgument(file: String, at offset: Int) -> String? {
    let text = bytes(file)
    guard let use = enclosingMacroUse(text, at: offset), definitionCount(of: use.name, in: text) == 1,
      let definition = macroDefinitions(file)[use.name],
      let (parameters, body) = Self.parametersAndBody(definition), use.argument < parameters.count
    else { return nil }
    let tokens = Self.tokens(body)
    var found: Set<String> = []
    for (index, token) in tokens.enumerated() where token == parameters[use.argument] && index > 0 {
      let before = tokens[index - 1]
      if before == "#" || before == "##" || (index + 1 < tokens.count && tokens[index + 1] == "##") { return nil }
      // The first argument of a call in the body (`INNER(p)`): where `INNER` is a macro, what
      // comes before the argument in the expansion is whatever INNER's body puts there
      // (`(p - 1 + INNER(p) * 2 - p)`, INNER(y) `y`: the `+` before the second `p` was read as
      // the `-` before the third).
      if before == "(", index >= 2, let name = tokens[index - 2].unicodeScalars.first,
        name.properties.isAlphabetic || name == "_"
      {
        return nil
      }
      if Self.operatorTokens.contains(before) { found.insert(before) }
    }
    guard found.count == 1, let op = found.first, op != "," else { return nil }
    return op
  }

  /// How many `#define NAME` lines the file has: under `#if`s, one name may have two bodies,
  /// and which one the use expands is not known here.
  private func definitionCount(of name: String, in text: [UInt8]) -> Int {
    String(decoding: text, as: UTF8.self).split(separator: "\n").filter { line in
      let directive = line.drop(while: { $0 == " " || $0 == "\t" })
      guard directive.hasPrefix("#") else { return false }
      let words = directive.dropFirst().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "(" })
      return words.count >= 2 && words[0] == "define" && words[1] == name
    }.count
  }

  /// The macro whose argument list holds `offset` right at one argument's start (after `(` or a
  /// comma of that list), and which argument.
  private func enclosingMacroUse(_ text: [UInt8], at offset: Int) -> (name: String, argument: Int)? {
    guard offset > 0, offset <= text.count else { return nil }
    var index = offset - 1
    while index >= 0, [0x20, 0x09, 0x0a, 0x0d].contains(text[index]) { index -= 1 }
    guard index >= 0, text[index] == UInt8(ascii: "(") || text[index] == UInt8(ascii: ",") else { return nil }
    // Back to the list's `(`, counting the commas at its depth.
    var depth = 0
    var commas = 0
    while index >= 0 {
      switch text[index] {
      case UInt8(ascii: ")"): depth += 1
      case UInt8(ascii: "("):
        if depth == 0 {
          var end = index
          while end > 0, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
          var start = end
          while start > 0, Self.startsIdentifier(text[start - 1]) || (0x30...0x39).contains(text[start - 1]) {
            start -= 1
          }
          guard start < end, let name = identifier(in: text, at: start), name.utf8.count == end - start else {
            return nil
          }
          return (name, commas)
        }
        depth -= 1
      case UInt8(ascii: ","): if depth == 0 { commas += 1 }
      case UInt8(ascii: ";"), UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "\""), UInt8(ascii: "'"):
        return nil
      default: break
      }
      index -= 1
    }
    return nil
  }

  /// A function-like macro's parameter names and body (`(a, b) body`, the `(` right after the
  /// name); nil for an object-like or variadic one.
  private static func parametersAndBody(_ definition: [UInt8]) -> ([String], [UInt8])? {
    guard definition.first == UInt8(ascii: "("), let close = definition.firstIndex(of: UInt8(ascii: ")")) else {
      return nil
    }
    let list = String(decoding: definition[1..<close], as: UTF8.self)
    let parameters = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    guard !list.contains("..."), parameters.allSatisfy({ !$0.isEmpty }) else { return nil }
    return (parameters, Array(definition[(close + 1)...]))
  }

  /// C's punctuators that may be binary operators (or the comma), longest first.
  private static let operatorTokens: [String] = [
    "<<=", ">>=", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%=", "&=", "^=", "|=",
    "+", "-", "*", "/", "%", "<", ">", "&", "^", "|", "=", ",",
  ]

  /// The body's tokens: identifiers and numbers whole, punctuators by the longest match, `#`
  /// and `##` as themselves, anything else one character each.
  private static func tokens(_ body: [UInt8]) -> [String] {
    let text = Array(String(decoding: body, as: UTF8.self).unicodeScalars)
    var result: [String] = []
    var index = 0
    let others = operatorTokens + ["##", "++", "--", "->"]
    while index < text.count {
      let character = text[index]
      if character == " " || character == "\t" || character == "\n" || character == "\r" {
        index += 1
      } else if character.properties.isAlphabetic || character == "_" || ("0"..."9").contains(character) {
        var end = index
        while end < text.count, text[end].properties.isAlphabetic || text[end] == "_" || ("0"..."9").contains(text[end])
        {
          end += 1
        }
        result.append(String(String.UnicodeScalarView(text[index..<end])))
        index = end
      } else {
        let rest = String(String.UnicodeScalarView(text[index..<min(index + 3, text.count)]))
        let token = others.filter { rest.hasPrefix($0) }.max(by: { $0.count < $1.count }) ?? String(character)
        result.append(token)
        index += token.count
      }
    }
    return result
  }
}
