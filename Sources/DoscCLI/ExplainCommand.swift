import ArgumentParser
import DoscExplain
import Foundation

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Show each spawn site's binding, the figures and machine costs behind it, and its break-even sizes.",
    discussion: """
      Reads PROG's sidecar (DOSC_MANIFEST, else PROG.dosc.json) and the machine profile (DOSC_PROFILE, else \
      where 'dosc calibrate' writes it) as the runtime does, and runs the runtime's own cost model. \
      --set gives the task's parameters values, e.g. --set n=768 --set lo=0 --set hi=16.
      """)

  @Argument(help: "A program built by dosc.")
  var program: String

  @Option(help: "MPI ranks to model (default 1).")
  var nodes: Int = 1

  @Option(help: "Local worker threads to model (default: DOSC_THREADS, else the cores available).")
  var threads: Int?

  @Option(help: "Logical CPUs of a host (default: this host's).")
  var cores: Int?

  @Option(help: "Ranks started on one host (default: --nodes, all on one host, as 'dosc run -n N' starts them).")
  var ranksPerHost: Int?

  @Option(name: .customLong("set"), help: "A parameter's value, NAME=VALUE (repeatable).")
  var assignments: [String] = []

  @Option(help: "text or json.")
  var format: OutputFormat = .text

  @Option(help: "Also write the predicted speedup against nodes (Sa and Sag) as an SVG file.")
  var plot: String?

  @Option(help: "The sequential fraction ts of the run, for --plot (0 <= ts < 1).")
  var serialFraction: Double?

  @Option(
    help: ArgumentHelp(
      "For --plot: measure ts by running PROG with these arguments (one thread, every site spawning).",
      valueName: "ARGS"))
  var measureWith: String?

  enum OutputFormat: String, ExpressibleByArgument { case text, json }

  func validate() throws {
    guard nodes >= 1, nodes <= 1 << 20 else { throw ValidationError("--nodes must be 1 or more") }
    if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be between 1 and 1024") }
    if let cores, cores < 1 || cores > 1 << 20 { throw ValidationError("--cores must be 1 or more") }
    if let ranksPerHost, ranksPerHost < 1 || ranksPerHost > nodes {
      throw ValidationError("--ranks-per-host must be between 1 and --nodes")
    }
    for assignment in assignments where Self.parse(assignment) == nil {
      throw ValidationError("--set wants NAME=NUMBER, got '\(assignment)'")
    }
    if let serialFraction, !(serialFraction >= 0 && serialFraction < 1) {
      throw ValidationError("--serial-fraction must be in [0, 1)")
    }
    if plot != nil && serialFraction == nil && measureWith == nil {
      throw ValidationError(
        "--plot needs ts: --serial-fraction TS, or --measure-with \"ARGS\" to run the program and measure it")
    }
    if serialFraction != nil && measureWith != nil {
      throw ValidationError("give --serial-fraction or --measure-with, not both")
    }
  }

  static func parse(_ assignment: String) -> (String, Double)? {
    let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), value.isFinite else { return nil }
    return (parts[0], value)
  }

  func run() throws {
    let environment = ProcessInfo.processInfo.environment
    var values: [String: Double] = [:]
    for assignment in assignments {
      if let (name, value) = Self.parse(assignment) { values[name] = value }
    }
    let threadCount =
      threads ?? Int(environment["DOSC_THREADS"] ?? "").flatMap { $0 >= 1 ? $0 : nil }
      ?? ProcessInfo.processInfo.activeProcessorCount
    let explanation: Explanation
    do {
      explanation = try Explanation.make(
        .init(
          program: program, threads: threadCount, nodes: nodes, cores: cores, ranksPerHost: ranksPerHost,
          values: values, environment: environment))
    } catch {
      FileHandle.standardError.write(Data("dosc: error: \(error)\n".utf8))
      throw ExitCode(1)
    }
    if let plot {
      do {
        var ts = serialFraction ?? 0
        var source: String?
        if let measureWith {
          (ts, source) = try SerialFraction.measure(
            program: program, arguments: measureWith.split(separator: " ").map(String.init))
        }
        let svg = try SpeedupPlot(explanation: explanation, serialFraction: ts, serialSource: source).svg()
        try Data(svg.utf8).write(to: URL(fileURLWithPath: plot), options: .atomic)
      } catch {
        FileHandle.standardError.write(Data("dosc: error: \(plot): \(error)\n".utf8))
        throw ExitCode(1)
      }
    }
    let output = format == .json ? try explanation.json() : explanation.text()
    FileHandle.standardOutput.write(Data(output.utf8))
  }
}
