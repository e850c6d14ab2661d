/// clang's driver options (`DriverOptionTable.swift`, generated from clang's own option table by
/// `scripts/gen-driver-options.py`): which options take their value in the next argument, which
/// are the linker's, and which the driver knows at all. A hand-kept list would miss `-z now`.
public enum DriverOptions {
  public enum Kind: Character, Sendable {
    case flag = "F"
    case joined = "J"
    case separate = "S"
    case joinedOrSeparate = "O"
    case commaJoined = "C"
    case multiArgument = "M"
    case joinedAndSeparate = "A"
    case remainingArguments = "R"
  }

  public struct Option: Equatable, Sendable {
    public var spelling: String
    public var kind: Kind
    public var isLinkerOption: Bool
    /// Values a multi-argument option takes after its spelling (`-sectcreate a b c`).
    public var valueCount: Int
  }

  /// How one argument matched: the option, and how many of the following arguments are its value.
  public struct Match: Equatable, Sendable {
    public var option: Option
    public var followingValues: Int
  }

  /// Options that take the next argument but that clang's driver lacks: gcc's own.
  private static let gccSeparate: [Option] = ["-aux-info", "-wrapper"].map {
    Option(spelling: $0, kind: .separate, isLinkerOption: false, valueCount: 0)
  }

  private static let table: [String: Option] = {
    var options: [String: Option] = [:]
    for line in driverOptionTable.split(separator: "\n") {
      let fields = line.split(separator: " ", maxSplits: 1)
      guard fields.count == 2, let kind = Kind(rawValue: fields[0].first!) else { continue }
      let code = Array(fields[0])
      let spelling = String(fields[1])
      options[spelling] = Option(
        spelling: spelling, kind: kind, isLinkerOption: code[1] == "L", valueCount: Int(String(code[2...])) ?? 0)
    }
    for option in gccSeparate where options[option.spelling] == nil { options[option.spelling] = option }
    return options
  }()

  /// The option `argument` spells, as clang's driver would match it: the exact spelling, else the
  /// longest option that takes its value joined (`-I/usr/include`, `-Wl,-z,now`, `-std=c11`).
  public static func match(_ argument: String) -> Match? {
    if let option = table[argument] {
      switch option.kind {
      case .separate, .joinedOrSeparate, .joinedAndSeparate: return Match(option: option, followingValues: 1)
      case .multiArgument: return Match(option: option, followingValues: option.valueCount)
      case .flag, .joined, .commaJoined, .remainingArguments: return Match(option: option, followingValues: 0)
      }
    }
    var prefix = Substring(argument)
    while prefix.count > 1 {
      prefix = prefix.dropLast()
      guard let option = table[String(prefix)] else { continue }
      switch option.kind {
      case .joined, .joinedOrSeparate, .commaJoined: return Match(option: option, followingValues: 0)
      case .joinedAndSeparate: return Match(option: option, followingValues: 1)
      case .flag, .separate, .multiArgument, .remainingArguments: continue
      }
    }
    return nil
  }
}
