import ArgumentParser
import DoscDriver
import DoscSupport
import Foundation

/// The `dosc` executable's root command.
public struct DoscCommand: ParsableCommand {
  public static let configuration = CommandConfiguration(
    commandName: "dosc",
    abstract: "A compiler-integrated toolchain for parallel C: tasks bound early to calls, threads or MPI ranks.",
    discussion: """
      Mark calls in C with '#pragma dosc task'; dosc analyzes what each task reads, writes and \
      costs, writes that into a sidecar manifest (PROG.dosc.json), and links a runtime that binds \
      each spawn site at load time to a plain call, a task on the local thread pool, or an MPI rank.

      The runtime (libdosc.a and its headers) is found beside the executable, in ../lib and \
      ../include/dosc, or in the Runtime/ of the checkout dosc was built in; DOSC_RUNTIME_DIR \
      names either. The C compiler is --cc, else DOSC_CC, else cc. A dosc-built program reads \
      DOSC_THREADS, DOSC_BIND (inline, local, remote or auto), DOSC_TRACE=1, DOSC_MANIFEST and \
      DOSC_PROFILE. Exit status: 0 on success, 1 for an error in the input, 2 for a usage error.
      """,
    subcommands: [
      AnalyzeCommand.self, CompileCommand.self, CCCommand.self, RunCommand.self, ExplainCommand.self,
      CalibrateCommand.self,
    ])

  @Flag(help: "Show the version and the libclang, C compiler, MPI and runtime dosc uses.")
  var version = false

  public init() {}

  public func run() throws {
    guard version else { throw CleanExit.helpRequest(self) }
    print(VersionReport.text())
  }

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
