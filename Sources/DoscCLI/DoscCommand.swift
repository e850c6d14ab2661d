import ArgumentParser
import DoscSupport
import Foundation

/// The `dosc` executable's root command.
public struct DoscCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "dosc",
    abstract: "A compiler-integrated toolchain for parallel C: tasks bound early to calls, threads or MPI ranks.",
    version: "0.1.0",
    subcommands: [AnalyzeCommand.self, CompileCommand.self, CCCommand.self, RunCommand.self])

  public init() {}

  /// Runs the command line; under the name `dosc-cc` (a link, as ccache is used) dosc is
  /// `dosc cc`, which is what CMake's CMAKE_C_COMPILER needs: one executable path.
  /// The command runs on a thread with a large stack: C syntax trees can be as deep as the
  /// user's expressions are long (`LargeStack`).
  public static func runAsInvoked() {
    let name = URL(fileURLWithPath: CommandLine.arguments.first ?? "dosc").lastPathComponent
    let arguments = Array(CommandLine.arguments.dropFirst())
    LargeStack.run {
      if name == "dosc-cc" {
        run(CCCommand.self, arguments)
      } else {
        run(DoscCommand.self, arguments)
      }
    }
  }

  /// Parses and runs, with SPEC's exit statuses: a command line dosc cannot take is 2, where
  /// swift-argument-parser would use 64 (EX_USAGE).
  private static func run<Command: ParsableCommand>(_: Command.Type, _ arguments: [String]) {
    do {
      var command = try Command.parseAsRoot(arguments)
      try command.run()
    } catch {
      if Command.exitCode(for: error) == .validationFailure {
        FileHandle.standardError.write(Data((Command.fullMessage(for: error) + "\n").utf8))
        Foundation.exit(2)
      }
      Command.exit(withError: error)
    }
  }
}
