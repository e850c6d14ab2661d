import DoscManifest

/// Compiles a manifest work figure (C text over the task's parameter names) into a C
/// expression over the values a site passes, evaluated at spawn time for `dosc_spawn_pays`.
enum WorkExpression {
  /// The C the compiled expressions call, defined in every file that holds them.
  static let helpers = """
    static inline long long dosc__min(long long a, long long b) { return a < b ? a : b; }
    static inline long long dosc__max(long long a, long long b) { return a > b ? a : b; }
    static inline long long dosc__nonneg(long long a) { return a < 0 ? 0 : a; }
    """

  /// `-1` (unknown) unless every name in the formula is an arithmetic parameter.
  static func compile(_ work: ManifestExpression, parameters: [(name: String, value: String, isArithmetic: Bool)])
    -> String
  {
    switch work {
    case .unknown: return "-1"
    case .number(let value): return value < 0 ? "0" : "\(value)LL"
    case .formula(let text): return formula(text, parameters: parameters) ?? "-1"
    }
  }

  private static func formula(_ text: String, parameters: [(name: String, value: String, isArithmetic: Bool)])
    -> String?
  {
    var output = ""
    let bytes = Array(text.utf8)
    var index = 0
    func isIdentifierByte(_ byte: UInt8, first: Bool) -> Bool {
      (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || byte == 95 || (!first && byte >= 48 && byte <= 57)
    }
    while index < bytes.count {
      let byte = bytes[index]
      if isIdentifierByte(byte, first: true) {
        var end = index
        while end < bytes.count && isIdentifierByte(bytes[end], first: false) { end += 1 }
        let name = String(decoding: bytes[index..<end], as: UTF8.self)
        if name == "min" || name == "max" {
          output += "dosc__\(name)"
        } else if let parameter = parameters.first(where: { $0.name == name }), parameter.isArithmetic {
          output += "((long long)(\(parameter.value)))"
        } else {
          return nil
        }
        index = end
      } else if byte >= 48 && byte <= 57 {
        var end = index
        while end < bytes.count && bytes[end] >= 48 && bytes[end] <= 57 { end += 1 }
        output += String(decoding: bytes[index..<end], as: UTF8.self) + "LL"
        index = end
      } else if "+-*/(), ".utf8.contains(byte) {
        output.append(Character(UnicodeScalar(byte)))
        index += 1
      } else {
        return nil
      }
    }
    return "dosc__nonneg(\(output))"
  }
}
