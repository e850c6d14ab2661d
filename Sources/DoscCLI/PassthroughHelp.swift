import ArgumentParser

/// Commands that take a compiler's or mpirun's arguments verbatim (`analyze`, `compile`, `run`)
/// would pass `--help` on as one more argument; as their first argument it asks for their help,
/// as it does for every other command. (`dosc cc --help` stays the compiler's, as a drop-in's must.)
protocol PassthroughCommand: ParsableCommand {
  var arguments: [String] { get }
}

extension PassthroughCommand {
  func answerHelpRequest() throws {
    if let first = arguments.first, first == "--help" || first == "-h" { throw CleanExit.helpRequest(self) }
  }
}
