import ArgumentParser

/// The `dosc` executable's root command.
public struct DoscCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "dosc",
    abstract: "A compiler-integrated toolchain for parallel C: tasks bound early to calls, threads or MPI ranks.",
    version: "0.1.0",
    subcommands: [AnalyzeCommand.self, CompileCommand.self])

  public init() {}
}
