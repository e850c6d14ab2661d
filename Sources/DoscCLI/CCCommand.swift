import ArgumentParser
import DoscDriver
import DoscSupport

struct CCCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cc",
    abstract: "A drop-in C compiler: make CC=\"dosc cc\", or CMake with a dosc-cc compiler or launcher.",
    discussion: """
      Usage: dosc cc [--cc CC] [--keep-generated] ARGS...   (as a launcher: dosc cc /usr/bin/cc ARGS...)
      -c x.c -o x.o writes x.o carrying its manifest fragment in a .dosc.manifest section (not loaded at
      run time); files without pragmas compile to plain cc's code and data and are analyzed at the link
      only if a task needs their figures. A link keeps the command line's order, merges the fragments of
      its objects and archives into PROG.dosc.json and PROG's own section, and adds the runtime.
      Invoked through a link named dosc-cc, dosc is this command. A link adds MPI support when an MPI
      is installed (mpicc on the PATH), so PROG can run on several ranks; --no-mpi leaves it out.
      """)

  @Argument(parsing: .captureForPassthrough, help: "What a C compiler accepts, and dosc's --cc/--keep-generated.")
  var arguments: [String] = []

  func run() throws {
    let diagnostics = DiagnosticEngine()
    let status = CCPipeline.run(arguments: arguments, diagnostics: diagnostics)
    diagnostics.printAll()
    if status != 0 { throw ExitCode(status) }
  }
}
