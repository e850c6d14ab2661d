import DoscSupport
import Foundation

/// `@FILE` arguments, as gcc and clang read them (libiberty's `expandargv`): the file's words
/// take the argument's place. Build systems write them when a command line grows long (Ninja's
/// `rspfile`, CMake's `*_USE_RESPONSE_FILE_FOR_OBJECTS`), and dosc must see what the compiler
/// sees: `dosc cc @args` with `-c x.c` inside would otherwise compile `x.c` without dosc.
enum ResponseFiles {
  /// How many files one command line may expand, as libiberty stops at 2000: a file that names
  /// itself is an error, not a hang.
  static let expansionLimit = 2000

  /// `arguments` with every `@FILE` replaced by its words, recursively. An `@FILE` that cannot
  /// be read stays as it is, as gcc leaves it (the compiler then says what is wrong with it).
  static func expand(_ arguments: [String]) throws -> [String] {
    var expanded: [String] = []
    var pending = arguments[...]
    var expansions = 0
    while let argument = pending.popFirst() {
      guard argument.hasPrefix("@"), argument.count > 1,
        let data = FileManager.default.contents(atPath: String(argument.dropFirst()))
      else {
        expanded.append(argument)
        continue
      }
      expansions += 1
      guard expansions <= expansionLimit else {
        throw DiagnosedFailure(
          Diagnostic(
            .error, at: nil,
            "response files expand more than \(expansionLimit) times (does '\(argument)' name itself?)"))
      }
      pending = (words(String(decoding: data, as: UTF8.self)) + pending)[...]
    }
    return expanded
  }

  /// A response file's words: separated by white space; single and double quotes group (the
  /// quotes removed); a backslash takes the next character as it is, inside quotes too.
  static func words(_ text: String) -> [String] {
    var words: [String] = []
    var word = ""
    var inWord = false
    var quote: Character?
    var escaped = false
    for character in text {
      if escaped {
        word.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
        inWord = true
      } else if let open = quote {
        if character == open { quote = nil } else { word.append(character) }
      } else if character == "'" || character == "\"" {
        quote = character
        inWord = true
      } else if character.isWhitespace {
        if inWord { words.append(word) }
        word = ""
        inWord = false
      } else {
        word.append(character)
        inWord = true
      }
    }
    if inWord { words.append(word) }
    return words
  }
}
