import ArgumentParser
import DoscDriver
import DoscSupport

struct AnalyzeCommand: PassthroughCommand {
  static let configuration = CommandConfiguration(
    commandName: "analyze",
    abstract: "Analyze annotated C and write its task manifest.",
    discussion: "Usage: dosc analyze FILE.c [CFLAGS...] [-o OUT.json]. Writes FILE.dosc.json by default.")

  @Argument(parsing: .captureForPassthrough, help: "The source file, compiler flags and -o OUT.json.")
  var arguments: [String] = []

  func run() throws {
    try answerHelpRequest()
    let diagnostics = DiagnosticEngine()
    let status = AnalyzePipeline.run(arguments: arguments, diagnostics: diagnostics)
    diagnostics.printAll()
    if status != 0 { throw ExitCode(status) }
  }
}
