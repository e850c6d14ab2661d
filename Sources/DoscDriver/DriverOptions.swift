import DoscCC

/// clang's driver options (`Sources/DoscCC/driver_option_table.c`, generated from clang's own
/// option table by `scripts/gen-driver-options.py`, and matched in C by the code the dosc-cc
/// launcher uses too): which options take their value in the next argument, which
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

  /// The option `argument` spells, as clang's driver would match it: the exact spelling, else the
  /// longest option that takes its value joined (`-I/usr/include`, `-Wl,-z,now`, `-std=c11`).
  public static func match(_ argument: String) -> Match? {
    var following: Int32 = 0
    guard let option = dosc_driver_option_match(argument, &following)?.pointee,
      let kind = Kind(rawValue: Character(Unicode.Scalar(UInt8(bitPattern: option.kind))))
    else { return nil }
    return Match(
      option: Option(
        spelling: String(cString: option.spelling), kind: kind, isLinkerOption: option.is_linker_option != 0,
        valueCount: Int(option.value_count)),
      followingValues: Int(following))
  }
}
