import ArgumentParser
import DoscDriver
import DoscSupport

struct CompileCommand: PassthroughCommand {
  static let configuration = CommandConfiguration(
    commandName: "compile",
    abstract: "Compile annotated C into a program linked with the dosc runtime.",
    discussion: """
      Usage: dosc compile FILE.c... [CFLAGS...] [--keep-generated] [--cc CC] -o PROG.
      Writes PROG and its sidecar PROG.dosc.json. The C compiler is --cc, else $DOSC_CC, else cc;
      the runtime is found through $DOSC_RUNTIME_DIR or beside the dosc executable.
      --keep-generated keeps the generated C in PROG.dosc-gen/.
      When an MPI is installed (mpicc on the PATH), PROG can run on several ranks (dosc run -n N PROG);
      --no-mpi leaves MPI support out. Without mpirun, PROG never loads MPI.
      """)

  @Argument(parsing: .captureForPassthrough, help: "Source files, compiler flags, -o PROG and dosc's options.")
  var arguments: [String] = []

  func run() throws {
    try answerHelpRequest()
    let diagnostics = DiagnosticEngine()
    let status = CompilePipeline.run(arguments: arguments, diagnostics: diagnostics)
    diagnostics.printAll()
    if status != 0 { throw ExitCode(status) }
  }
}
