/// Whether translation phase 1 replaces trigraphs (`??=` by `#`, `??/` by `\`, ...). gcc and
/// clang replace them in the ISO C modes (`-std=c11`, `-ansi`) and with `-trigraphs`, and leave
/// them as they are in the GNU modes, the default (clang warns that it ignored them). A
/// `??=pragma dosc taskwait` under `-std=c11` is a directive to the compiler: a scanner that
/// did not see it lost the wait, and the program read results not yet written.
public enum Trigraphs: Sendable, Equatable {
  case ignored
  case replaced

  /// As the compiler decides from its flags: the last `-std` (`-ansi` is ISO C89) chooses, and
  /// the last of `-trigraphs` (or clang's `-ftrigraphs`) and `-fno-trigraphs` overrides it.
  public init(compilerFlags flags: [String]) {
    var isoMode = false
    var explicit: Bool?
    var index = 0
    while index < flags.count {
      let flag = flags[index]
      index += 1
      if flag == "-ansi" || flag == "--ansi" {
        isoMode = true
      } else if let standard = Self.standard(flag, next: index < flags.count ? flags[index] : nil) {
        if flag == "--std" { index += 1 }
        isoMode = !standard.hasPrefix("gnu")
      } else if flag == "-trigraphs" || flag == "--trigraphs" || flag == "-ftrigraphs" {
        explicit = true
      } else if flag == "-fno-trigraphs" {
        explicit = false
      }
    }
    self = (explicit ?? isoMode) ? .replaced : .ignored
  }

  /// The standard a `-std=c11`, `--std=c11` or `--std c11` names, else nil.
  private static func standard(_ flag: String, next: String?) -> String? {
    for prefix in ["-std=", "--std="] where flag.hasPrefix(prefix) { return String(flag.dropFirst(prefix.count)) }
    return flag == "--std" ? next : nil
  }

  /// The character `??` and `third` stand for, or nil when they are no trigraph.
  static func character(after third: UInt8) -> UInt8? {
    switch third {
    case UInt8(ascii: "="): UInt8(ascii: "#")
    case UInt8(ascii: "/"): UInt8(ascii: "\\")
    case UInt8(ascii: "'"): UInt8(ascii: "^")
    case UInt8(ascii: "("): UInt8(ascii: "[")
    case UInt8(ascii: ")"): UInt8(ascii: "]")
    case UInt8(ascii: "!"): UInt8(ascii: "|")
    case UInt8(ascii: "<"): UInt8(ascii: "{")
    case UInt8(ascii: ">"): UInt8(ascii: "}")
    case UInt8(ascii: "-"): UInt8(ascii: "~")
    default: nil
    }
  }
}
