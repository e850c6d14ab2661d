import ArgumentParser
import DoscDriver
import DoscSupport

struct RunCommand: PassthroughCommand {
  static let configuration = CommandConfiguration(
    commandName: "run",
    abstract: "Run a dosc-built program on several MPI ranks (mpirun underneath).",
    discussion: """
      Usage: dosc run -n N [--mpi openmpi|mpich] [--hostfile FILE] [--mca KEY VALUE]... PROG [ARGS...].
      Rank 0 runs main; the other ranks run its remote tasks. The launcher is the mpirun on the
      PATH, or with --mpi that MPI's own (mpirun.openmpi, mpiexec.mpich); the program loads the
      matching MPI plugin. Every DOSC_* variable reaches every rank. With Open MPI, more ranks
      than cores are allowed and ranks are not bound to cores; as root, Open MPI's two opt-in
      variables are set; --mca is Open MPI's. Exits with PROG's status.
      """)

  @Argument(parsing: .captureForPassthrough, help: "-n N, mpirun options, PROG and its arguments.")
  var arguments: [String] = []

  func run() throws {
    try answerHelpRequest()
    let diagnostics = DiagnosticEngine()
    let status = RunPipeline.run(arguments: arguments, diagnostics: diagnostics)
    diagnostics.printAll()
    if status != 0 { throw ExitCode(status) }
  }
}
