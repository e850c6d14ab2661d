import ArgumentParser
import Foundation

/// The `dosc` executable's root command.
public struct DoscCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "dosc",
    abstract: "A compiler-integrated toolchain for parallel C: tasks bound early to calls, threads or MPI ranks.",
    version: "0.1.0",
    subcommands: [AnalyzeCommand.self, CompileCommand.self, CCCommand.self])

  public init() {}

  /// Runs the command line; under the name `dosc-cc` (a link, as ccache is used) dosc is
  /// `dosc cc`, which is what CMake's CMAKE_C_COMPILER needs: one executable path.
  public static func runAsInvoked() {
    let name = URL(fileURLWithPath: CommandLine.arguments.first ?? "dosc").lastPathComponent
    if name == "dosc-cc" {
      CCCommand.main(Array(CommandLine.arguments.dropFirst()))
    } else {
      main()
    }
  }
}
