import DoscPolicy
import Foundation

/// The machine profile (`dosc-profile/1`) as the runtime reads it: the same default path, the
/// same per-field validation (`dosc_profile_set` in Runtime/src/policy.c), the same defaults.
public struct MachineProfile: Sendable {
  public static let schema = "dosc-profile/1"

  /// The model's numbers; `threads` and `nodes` are the configuration being explained.
  public var values: dosc_profile
  /// Where the numbers came from: a path, or nil for the built-in defaults.
  public var path: String?
  /// One line per field the file had wrong (the field then has its default), as the runtime warns.
  public var warnings: [String]

  public init(values: dosc_profile, path: String?, warnings: [String] = []) {
    self.values = values
    self.path = path
    self.warnings = warnings
  }

  public static var builtIn: MachineProfile {
    var values = dosc_profile()
    dosc_profile_defaults(&values)
    return MachineProfile(values: values, path: nil)
  }

  /// Where the runtime looks (start.c `profile_path_from_env`): `DOSC_PROFILE`, else
  /// `$XDG_CONFIG_HOME/dosc/profile.json` (an absolute XDG_CONFIG_HOME), else
  /// `~/.config/dosc/profile.json`.
  public static func defaultPath(environment: [String: String]) -> String? {
    if let chosen = environment["DOSC_PROFILE"], !chosen.isEmpty { return chosen }
    if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") { return config + "/dosc/profile.json" }
    if let home = environment["HOME"], !home.isEmpty { return home + "/.config/dosc/profile.json" }
    return nil
  }

  public struct LoadError: Error, CustomStringConvertible {
    public var description: String
  }

  /// Reads `path` like the runtime: a missing file is the built-in defaults (no error); a file
  /// that is not a `dosc-profile/1` JSON object is an error; each field outside its range or
  /// not a number gets its default and a warning.
  /// `named`: the path came from DOSC_PROFILE, so a missing file is worth a warning (as the
  /// runtime gives one).
  public static func load(path: String?, named: Bool = false) throws -> MachineProfile {
    var profile = MachineProfile.builtIn
    guard let path, FileManager.default.fileExists(atPath: path) else {
      if named, let path {
        profile.warnings.append("\(path): no such file (named by DOSC_PROFILE): using built-in machine defaults")
      }
      return profile
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let data = FileManager.default.contents(atPath: path)
    else { throw LoadError(description: "\(path): cannot read it") }
    guard let root = try? JSONDecoder().decode([String: FileValue].self, from: data) else {
      throw LoadError(description: "\(path): not a JSON object")
    }
    guard case .text(schema)? = root["schema"] else {
      throw LoadError(description: "\(path): schema is not \"\(schema)\"")
    }
    profile.path = path
    for field in fields {
      guard let value = root[field.name] else { continue }
      if case .number(let number) = value {
        if let warning = profile.set(field.name, number) { profile.warnings.append(warning) }
      } else {
        let fallback = MachineProfile.builtIn.value(field.name)
        _ = profile.set(field.name, fallback)
        profile.warnings.append("\"\(field.name)\" is not a number: using the default \(format(fallback))")
      }
    }
    return profile
  }

  /// Sets one field through the runtime's validation; the warning when it was rejected.
  public mutating func set(_ name: String, _ value: Double) -> String? {
    var buffer = [CChar](repeating: 0, count: 256)
    let status = dosc_profile_set(&values, name, value, &buffer, buffer.count)
    return status < 0 ? text(of: buffer) : nil
  }

  public func value(_ name: String) -> Double {
    var copy = values
    return dosc_profile_get(&copy, name)
  }

  /// The profile's fields (name, range, meaning), from the runtime's table.
  public static var fields: [(name: String, least: Double, most: Double, integer: Bool, means: String)] {
    var count: Int32 = 0
    guard let table = dosc_profile_fields(&count) else { return [] }
    return (0..<Int(count)).map { index in
      let field = table[index]
      return (
        String(cString: field.name), field.least, field.most, field.integer != 0, String(cString: field.means)
      )
    }
  }

  /// The description for people: "profile PATH" or "built-in machine profile".
  public var source: String { path.map { "profile \($0)" } ?? "built-in machine profile" }
}

/// A value of the profile file: only numbers and the schema string matter.
enum FileValue: Decodable {
  case number(Double)
  case text(String)
  case other

  init(from decoder: Decoder) throws {
    let container = try decoder.singleValueContainer()
    if let bool = try? container.decode(Bool.self) {
      _ = bool
      self = .other
    } else if let number = try? container.decode(Double.self) {
      self = .number(number)
    } else if let text = try? container.decode(String.self) {
      self = .text(text)
    } else {
      self = .other
    }
  }
}

/// A NUL-terminated C buffer as a String.
func text(of buffer: [CChar]) -> String {
  String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// `%g`-like text for a number in reports.
func format(_ value: Double) -> String {
  if value.isInfinite { return value > 0 ? "inf" : "-inf" }
  if value.isNaN { return "nan" }
  if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
  return String(format: "%.3g", value)
}
