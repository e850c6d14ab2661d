import DoscSupport
import Foundation

/// `dosc run -n N [--hostfile FILE] [--mca KEY VALUE]... PROG [ARGS...]`: starts PROG on N MPI
/// ranks through the installed mpirun. Rank 0 runs `main`; the others serve its remote tasks.
public enum RunPipeline {
  /// The command line, parsed.
  public struct Options: Equatable {
    public var ranks: Int
    public var hostfile: String?
    /// `--mca KEY VALUE` pairs, passed on (e.g. `--mca btl tcp,self`).
    public var mca: [(String, String)] = []
    public var program: String
    public var arguments: [String]

    public static func == (a: Options, b: Options) -> Bool {
      a.ranks == b.ranks && a.hostfile == b.hostfile && a.mca.map { [$0.0, $0.1] } == b.mca.map { [$0.0, $0.1] }
        && a.program == b.program && a.arguments == b.arguments
    }

    public static func parse(_ arguments: [String]) throws -> Options {
      var ranks: Int?
      var hostfile: String?
      var mca: [(String, String)] = []
      var index = 0
      func value(_ option: String) throws -> String {
        index += 1
        guard index < arguments.count else { throw UsageError("missing argument to '\(option)'") }
        return arguments[index]
      }
      while index < arguments.count, arguments[index].hasPrefix("-") {
        let option = arguments[index]
        switch option {
        case "-n", "-np", "--ranks":
          let text = try value(option)
          guard let count = Int(text), count >= 1 else {
            throw UsageError("'\(text)' is not a number of ranks (1 or more)")
          }
          ranks = count
        case "--hostfile": hostfile = try value(option)
        case "--mca":
          let key = try value(option)
          mca.append((key, try value(option)))
        case "--": index += 1; break
        default: throw UsageError("unknown option '\(option)'; usage: dosc run -n N PROG [ARGS...]")
        }
        if option == "--" { break }
        index += 1
      }
      guard let ranks else { throw UsageError("missing -n N; usage: dosc run -n N PROG [ARGS...]") }
      guard index < arguments.count else { throw UsageError("missing PROG; usage: dosc run -n N PROG [ARGS...]") }
      return Options(
        ranks: ranks, hostfile: hostfile, mca: mca, program: arguments[index],
        arguments: Array(arguments[(index + 1)...]))
    }
  }

  /// Which mpirun: Open MPI's takes `-x NAME` to pass a variable on and needs its opt-ins to run
  /// as root; others (MPICH's Hydra) pass the environment on by themselves.
  public enum Flavor: Equatable { case openMPI, other }

  /// The mpirun command line and the environment to start it with.
  public static func plan(
    _ options: Options, mpirun: String, flavor: Flavor, environment: [String: String], isRoot: Bool
  ) -> (command: [String], environment: [String: String]) {
    var command = [mpirun, "-np", String(options.ranks)]
    var environment = environment
    if flavor == .openMPI {
      // More ranks than cores is normal on a workstation; binding each rank to one core would
      // leave its pool's workers a single core to share.
      command += ["--oversubscribe", "--bind-to", "none"]
      for name in environment.keys.sorted() where name.hasPrefix("DOSC_") { command += ["-x", name] }
      if isRoot {
        environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
      }
    }
    if let hostfile = options.hostfile { command += ["--hostfile", hostfile] }
    for (key, value) in options.mca { command += ["--mca", key, value] }
    command += [options.program] + options.arguments
    return (command, environment)
  }

  /// The first `mpirun` (or `mpiexec`) on the PATH.
  public static func findMPIRun(environment: [String: String]) -> String? {
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for name in ["mpirun", "mpiexec"] {
      for directory in path.split(separator: ":")
      where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        // Resolved: Open MPI finds its installation from its own path, and '/bin/mpirun' (a
        // merged-/usr link) would give it the prefix '/'.
        return URL(fileURLWithPath: "\(directory)/\(name)").resolvingSymlinksInPath().path
      }
    }
    return nil
  }

  static func flavor(of mpirun: String) -> Flavor {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: mpirun)
    process.arguments = ["--version"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return .other }
    let output = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: output, as: UTF8.self)
    return text.contains("Open MPI") || text.contains("OpenRTE") ? .openMPI : .other
  }

  /// Runs the command; returns PROG's exit status as mpirun reports it (1 if no MPI, 2 for usage).
  public static func run(
    arguments: [String], diagnostics: DiagnosticEngine,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int32 {
    diagnostics.exitStatus {
      let options = try Options.parse(arguments)
      guard let mpirun = findMPIRun(environment: environment) else {
        throw DiagnosedFailure(
          Diagnostic(
            .error, at: nil,
            "no MPI is installed (no mpirun on the PATH): install one (Debian: apt-get install openmpi-bin "
              + "libopenmpi-dev) or run '\(options.program)' directly, as one node",
            category: "run"))
      }
      let planned = plan(
        options, mpirun: mpirun, flavor: flavor(of: mpirun), environment: environment, isRoot: getuid() == 0)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: mpirun)
      process.arguments = Array(planned.command.dropFirst())
      process.environment = planned.environment
      let errors = Pipe()
      process.standardError = errors
      do {
        try process.run()
      } catch {
        throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot run '\(mpirun)': \(error)", category: "run"))
      }
      MPIRunErrorFilter.relay(errors.fileHandleForReading, to: .standardError)
      process.waitUntilExit()
      return process.terminationReason == .exit ? process.terminationStatus : 128 + process.terminationStatus
    }
  }
}

/// Relays mpirun's stderr (which carries every rank's stderr too), leaving out Open MPI's
/// banner about a process that "returned a non-zero exit code": PROG's own exit status is not
/// an MPI failure, and `dosc run` exits with it. Everything else passes, among it the notice
/// naming a rank that was killed or crashed.
enum MPIRunErrorFilter {
  static func relay(_ input: FileHandle, to output: FileHandle) {
    var pending = Data()
    var block: [String]?
    func emit(_ lines: [String]) { output.write(Data(lines.map { $0 + "\n" }.joined().utf8)) }
    func handle(_ line: String) {
      let isRule = line.count >= 60 && line.allSatisfy { $0 == "-" }
      if var lines = block {
        lines.append(line)
        if isRule {
          block = nil
          let text = lines.joined(separator: "\n")
          if !(text.contains("non-zero exit code") || text.contains("exited with non-zero status")) { emit(lines) }
        } else {
          block = lines
        }
      } else if isRule {
        block = [line]
      } else {
        emit([line])
      }
    }
    while true {
      let chunk = input.availableData
      if chunk.isEmpty { break }
      pending.append(chunk)
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        handle(String(decoding: pending[pending.startIndex..<newline], as: UTF8.self))
        pending.removeSubrange(pending.startIndex...newline)
      }
    }
    if !pending.isEmpty { handle(String(decoding: pending, as: UTF8.self)) }
    if let lines = block { emit(lines) }
  }
}
