import DoscSupport
import Foundation

/// `dosc run -n N [--mpi openmpi|mpich] [--hostfile FILE] [--mca KEY VALUE]... PROG [ARGS...]`:
/// starts PROG on N MPI ranks through an MPI's launcher. Rank 0 runs `main`; the others serve its
/// remote tasks.
///
/// Which MPI: the `mpirun` (else `mpiexec`) first on the PATH, as every MPI user's shell has it
/// (Debian's alternatives, a module system); `--mpi openmpi` or `--mpi mpich` names one of the
/// MPIs Debian installs side by side, by its own launcher (`mpirun.openmpi`, `mpiexec.mpich`).
/// The program's runtime then loads the plugin built for that MPI (`Runtime/src/mpi_launcher.c`).
public enum RunPipeline {
  /// The MPIs `--mpi` names, each with its own launcher's names on a Debian PATH.
  public enum MPI: String, CaseIterable, Sendable {
    case openmpi, mpich

    var launcherNames: [String] {
      self == .openmpi ? ["mpirun.openmpi", "mpiexec.openmpi"] : ["mpiexec.mpich", "mpirun.mpich"]
    }
    var flavor: Flavor { self == .openmpi ? .openMPI : .mpich }
    var packages: String { self == .openmpi ? "openmpi-bin libopenmpi-dev" : "mpich libmpich-dev" }
  }

  /// The command line, parsed.
  public struct Options: Equatable {
    public var ranks: Int
    /// `--mpi`: nil for the mpirun on the PATH.
    public var mpi: MPI?
    public var hostfile: String?
    /// `--mca KEY VALUE` pairs, passed on (e.g. `--mca btl tcp,self`); Open MPI's only.
    public var mca: [(String, String)] = []
    public var program: String
    public var arguments: [String]

    public static func == (a: Options, b: Options) -> Bool {
      a.ranks == b.ranks && a.mpi == b.mpi && a.hostfile == b.hostfile
        && a.mca.map { [$0.0, $0.1] } == b.mca.map { [$0.0, $0.1] } && a.program == b.program
        && a.arguments == b.arguments
    }

    public static func parse(_ arguments: [String]) throws -> Options {
      var ranks: Int?
      var mpi: MPI?
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
        case "--mpi":
          let text = try value(option)
          guard let named = MPI(rawValue: text) else {
            throw UsageError("'\(text)' is not an MPI dosc knows: --mpi openmpi or --mpi mpich")
          }
          mpi = named
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
        ranks: ranks, mpi: mpi, hostfile: hostfile, mca: mca, program: arguments[index],
        arguments: Array(arguments[(index + 1)...]))
    }
  }

  /// Which launcher: Open MPI's mpirun takes `-x NAME` to pass a variable on and needs its
  /// opt-ins to run as root; MPICH's Hydra passes the environment on by itself and takes
  /// `-genv NAME VALUE` for variables that must reach every host; another we start plainly.
  public enum Flavor: Equatable { case openMPI, mpich, other }

  /// The mpirun command line and the environment to start it with.
  public static func plan(
    _ options: Options, mpirun: String, flavor: Flavor, environment: [String: String], isRoot: Bool
  ) throws -> (command: [String], environment: [String: String]) {
    var command = [mpirun, "-np", String(options.ranks)]
    var environment = environment
    let passed = environment.keys.sorted().filter { $0.hasPrefix("DOSC_") }
    switch flavor {
    case .openMPI:
      // More ranks than cores is normal on a workstation; binding each rank to one core would
      // leave its pool's workers a single core to share.
      command += ["--oversubscribe", "--bind-to", "none"]
      for name in passed { command += ["-x", name] }
      if isRoot {
        environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1"
        environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1"
      }
    case .mpich:
      // Hydra binds nothing and allows more ranks than cores unless told otherwise. Each
      // variable by name and value, not `-genvlist NAMES`: Hydra (4.0.2, and its source since)
      // looks a listed name up in a loop that stops before the last variable of mpiexec's
      // environment, so on another host the rank never got that one (DOSC_THREADS now and then:
      // our environment's order changes from run to run); and a list passes only what it names,
      // so the user's own variables (MPIR_CVAR_*) stayed behind. `-genv` keeps Hydra's default,
      // the whole environment, and sets these on top.
      for name in passed { command += ["-genv", name, environment[name] ?? ""] }
    case .other: break
    }
    if !options.mca.isEmpty && flavor == .mpich {
      throw UsageError(
        "--mca sets Open MPI's parameters and MPICH has none; set MPICH's MPIR_CVAR_* variables "
          + "(or UCX_TLS for its transport) in the environment instead")
    }
    if let hostfile = options.hostfile { command += [flavor == .mpich ? "-f" : "--hostfile", hostfile] }
    for (key, value) in options.mca { command += ["--mca", key, value] }
    command += [options.program] + options.arguments
    return (command, environment)
  }

  /// The launcher: `mpi`'s own (Debian's names), else the first `mpirun` (or `mpiexec`) on the
  /// PATH. Resolved: Open MPI finds its installation from its own path, and '/bin/mpirun' (a
  /// merged-/usr link) would give it the prefix '/'.
  public static func findMPIRun(_ mpi: MPI? = nil, environment: [String: String]) -> String? {
    let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
    for name in mpi?.launcherNames ?? ["mpirun", "mpiexec"] {
      for directory in path.split(separator: ":")
      where FileManager.default.isExecutableFile(atPath: "\(directory)/\(name)") {
        return URL(fileURLWithPath: "\(directory)/\(name)").resolvingSymlinksInPath().path
      }
    }
    return nil
  }

  /// Why PROG cannot be started on this host, or nil: a path that is not an executable regular
  /// file, or a bare name that neither a PATH directory nor the working directory (Open MPI looks
  /// there too) has. Only without a hostfile: then every rank runs here; with one, PROG need not
  /// exist on this host.
  static func unrunnable(_ program: String, environment: [String: String]) -> String? {
    let files = FileManager.default
    if !program.contains("/") {
      let path = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin") + ":."
      let found = path.split(separator: ":").contains { files.isExecutableFile(atPath: "\($0)/\(program)") }
      return found ? nil : "no such program on the PATH or in the working directory"
    }
    var isDirectory: ObjCBool = false
    guard files.fileExists(atPath: program, isDirectory: &isDirectory) else { return "no such file" }
    if isDirectory.boolValue { return "a directory, not a program" }
    return files.isExecutableFile(atPath: program) ? nil : "not executable"
  }

  static func flavor(of mpirun: String) -> Flavor {
    guard let finished = try? ChildProcess.run([mpirun, "--version"]) else { return .other }
    let text = finished.stdout
    if text.contains("Open MPI") || text.contains("OpenRTE") { return .openMPI }
    return text.contains("HYDRA") ? .mpich : .other
  }

  /// Runs the command; returns PROG's exit status as mpirun reports it (1 if no MPI, 2 for usage).
  public static func run(
    arguments: [String], diagnostics: DiagnosticEngine,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> Int32 {
    diagnostics.exitStatus {
      let options = try Options.parse(arguments)
      if options.hostfile == nil, let problem = unrunnable(options.program, environment: environment) {
        // Said here, once: the launcher says it per rank in its own words and exits 131 or 132.
        throw DiagnosedFailure(Diagnostic(.error, at: nil, "'\(options.program)': \(problem)", category: "run"))
      }
      guard let mpirun = findMPIRun(options.mpi, environment: environment) else {
        let missing =
          options.mpi.map {
            "no \($0.rawValue) launcher (\($0.launcherNames[0])) on the PATH: install it (Debian: apt-get install \($0.packages))"
          }
          ?? "no MPI is installed (no mpirun on the PATH): install one (Debian: apt-get install openmpi-bin libopenmpi-dev, or mpich libmpich-dev)"
        throw DiagnosedFailure(
          Diagnostic(.error, at: nil, missing + " or run '\(options.program)' directly, as one node", category: "run"))
      }
      let flavor = options.mpi?.flavor ?? flavor(of: mpirun)
      var environment = environment
      // Under MPICH each rank leaves its pid there, for naming a rank that dies (RankWatcher).
      let ranks = flavor == .mpich ? try TemporaryDirectory.make(prefix: "dosc-run", removedOnSignal: false) : nil
      defer { if let ranks { try? FileManager.default.removeItem(atPath: ranks) } }
      if let ranks { environment["DOSC_RUN_RANKS"] = ranks }
      let planned = try plan(options, mpirun: mpirun, flavor: flavor, environment: environment, isRoot: getuid() == 0)
      let process = Process()
      process.executableURL = URL(fileURLWithPath: mpirun)
      process.arguments = Array(planned.command.dropFirst())
      process.environment = planned.environment
      let errors = Pipe()
      process.standardError = errors
      let output = flavor == .mpich ? Pipe() : nil
      if let output { process.standardOutput = output }
      do {
        try process.run()
      } catch {
        throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot run '\(mpirun)': \(error)", category: "run"))
      }
      LauncherSignals.passOn(to: process.processIdentifier)
      let watcher = ranks.map { RankWatcher(directory: $0) }
      defer { watcher?.stop() }
      let relayed = DispatchGroup()
      if let output {
        DispatchQueue.global().async(group: relayed) {
          HydraNotice.relay(output.fileHandleForReading, to: .standardOutput, notices: .standardError, watcher: watcher)
        }
      }
      MPIRunErrorFilter.relay(errors.fileHandleForReading, to: .standardError)
      relayed.wait()
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
