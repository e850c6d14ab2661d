/// Whether a macro may assign: libclang 14 hides an operator spelled in a macro's body (the
/// operator's location is the expansion's), and an unknown operator taken for one that only
/// reads loses the store (`#define STORE(a, i, v) ((a)[i] = (v))`: a task writing `a` was
/// `access: read`, ran on another rank, and its results never came back). The bodies are read
/// from the `#define`s of the file the macro is expanded in, following the file's macros
/// that a body names.
extension SourceCache {
  /// Whether the macro expanded at `offset` of `file` (the identifier there) may assign or
  /// step a variable, in its body or the bodies of the file's macros it names. True when no
  /// `#define` of that name is in the file (a header's, or no macro at all): unknown.
  func macroMayStore(file: String, at offset: Int) -> Bool {
    let definitions = macroDefinitions(file)
    guard let name = identifier(in: bytes(file), at: offset), definitions[name] != nil else { return true }
    var visited: Set<String> = []
    func mayStore(_ macro: String) -> Bool {
      guard visited.insert(macro).inserted, let body = definitions[macro] else { return false }
      if Self.holdsStore(body) { return true }
      return Self.identifiers(body).contains { definitions[$0] != nil && mayStore($0) }
    }
    return mayStore(name)
  }

  /// `NAME -> body` for every `#define` of the file (continued lines joined).
  func macroDefinitions(_ file: String) -> [String: [UInt8]] {
    if let cached = macroBodies[file] { return cached }
    var definitions: [String: [UInt8]] = [:]
    let text = String(decoding: bytes(file), as: UTF8.self)
    var logical = ""
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasSuffix("\\") {
        logical += line.dropLast() + " "
        continue
      }
      logical += line
      let trimmed = logical.drop(while: { $0 == " " || $0 == "\t" })
      if trimmed.hasPrefix("#") {
        let directive = trimmed.dropFirst().drop(while: { $0 == " " || $0 == "\t" })
        if directive.hasPrefix("define") {
          let rest = Array(directive.dropFirst("define".count).utf8)
          var start = 0
          while start < rest.count, rest[start] == 0x20 || rest[start] == 0x09 { start += 1 }
          if let name = identifier(in: rest, at: start) {
            definitions[name] = Array(rest[(start + name.utf8.count)...])
          }
        }
      }
      logical = ""
    }
    macroBodies[file] = definitions
    return definitions
  }

  func identifier(in bytes: [UInt8], at offset: Int) -> String? {
    guard offset >= 0, offset < bytes.count, Self.startsIdentifier(bytes[offset]) else { return nil }
    var end = offset
    while end < bytes.count, Self.startsIdentifier(bytes[end]) || (0x30...0x39).contains(bytes[end]) { end += 1 }
    return String(decoding: bytes[offset..<end], as: UTF8.self)
  }

  static func startsIdentifier(_ byte: UInt8) -> Bool {
    (0x41...0x5a).contains(byte) || (0x61...0x7a).contains(byte) || byte == 0x5f
  }

  private static func identifiers(_ body: [UInt8]) -> [String] {
    String(decoding: body, as: UTF8.self).split(whereSeparator: { !($0.isLetter || $0.isNumber || $0 == "_") })
      .map(String.init)
  }

  /// An assignment (`=`, `+=`, ..., `<<=`; not `==`, `!=`, `<=`, `>=`) or a `++`/`--`.
  static func holdsStore(_ body: [UInt8]) -> Bool {
    let equal = UInt8(ascii: "="), less = UInt8(ascii: "<"), greater = UInt8(ascii: ">")
    for index in body.indices {
      let byte = body[index]
      let previous = index > 0 ? body[index - 1] : 0
      if (byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")) && previous == byte { return true }
      guard byte == equal else { continue }
      let next = index + 1 < body.count ? body[index + 1] : 0
      if next == equal || previous == equal || previous == UInt8(ascii: "!") { continue }
      if previous == less || previous == greater {
        // `<<=` and `>>=` assign; `<=` and `>=` compare.
        if index > 1 && body[index - 2] == previous { return true }
        continue
      }
      return true
    }
    return false
  }
}
