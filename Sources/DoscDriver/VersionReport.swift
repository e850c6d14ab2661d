import ClangFrontend
import DoscSupport
import Foundation

/// `dosc --version`: the version, then the libclang, C compiler, MPI and runtime that a compile
/// run with this environment would use, so a bug report says which tools were involved.
public enum VersionReport {
  /// The version of dosc; `make install` and the Debian package read it from `dosc --version`.
  public static let version = "0.1.0"

  public static func text(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
    let options = (try? CompilePipeline.Options.splitDoscOptions([], environment: environment))?.options
    let compiler = options?.compiler ?? "cc"
    var lines = ["dosc \(version)"]
    lines.append("libclang:   \(LibClang.version)" + (LibClang.loadedFrom.map { " (\($0))" } ?? ""))
    lines.append("C compiler: \(describeCompiler(compiler, environment: environment))")
    lines.append("MPI:        \(describeMPI(environment: environment))")
    lines.append("runtime:    \(describeRuntime(options?.runtimeDirectory))")
    lines.append("MPI plugins: \(describeMPIPlugins(options?.runtimeDirectory))")
    return lines.joined(separator: "\n")
  }

  /// `cc (/usr/bin/x86_64-linux-gnu-gcc-12): cc (Debian 12.2.0-14) 12.2.0`.
  static func describeCompiler(_ compiler: String, environment: [String: String]) -> String {
    let command = compiler.split(separator: " ").map(String.init)
    guard let name = command.first, let path = searchPath(name, environment: environment) else {
      return "\(compiler) (not found)"
    }
    let version = firstLine(of: [path] + command.dropFirst() + ["--version"]) ?? "its version unknown"
    return "\(compiler) (\(resolved(path))): \(version)"
  }

  /// Each MPI whose compiler wrapper is on the PATH: `mpicc`, and Debian's side-by-side
  /// `mpicc.openmpi` and `mpicc.mpich` when they are another MPI than `mpicc`'s. Open MPI answers
  /// `mpicc --showme:version`; MPICH's `mpicc -v` names its version first.
  static func describeMPI(environment: [String: String]) -> String {
    var seen: [String] = []
    var described: [String] = []
    for name in ["mpicc", "mpicc.openmpi", "mpicc.mpich"] {
      guard let mpicc = searchPath(name, environment: environment) else { continue }
      let version =
        firstLine(of: [mpicc, "--showme:version"]).map { line in  // "/usr/bin/mpicc: Open MPI 4.1.4 ..."
          line.range(of: ": ").map { String(line[$0.upperBound...]) } ?? line
        }
        ?? firstLine(of: [mpicc, "-v"]).map { line in  // "mpicc for MPICH version 4.0.2"
          line.range(of: " for ").map {
            String(line[$0.upperBound...]).replacingOccurrences(of: " version ", with: " ")
          }
            ?? line
        } ?? "its version unknown"
      if seen.contains(version) { continue }
      seen.append(version)
      described.append("\(version) (\(mpicc))")
    }
    return described.isEmpty ? "none (no mpicc on the PATH)" : described.joined(separator: "; ")
  }

  /// The MPI plugins of the runtime: one per MPI it was built for.
  static func describeMPIPlugins(_ explicit: String?) -> String {
    guard let runtime = try? RuntimeLocation.find(explicit) else { return "none (no runtime)" }
    let plugins = runtime.mpiPlugins
    if plugins.isEmpty { return "none (the runtime was built where no MPI was installed)" }
    return plugins.joined(separator: ", ") + " in \(runtime.mpiPluginDirectory)"
  }

  static func describeRuntime(_ explicit: String?) -> String {
    do {
      let runtime = try RuntimeLocation.find(explicit)
      let library = runtime.hasLibrary ? runtime.library : "\(runtime.library) (not built yet)"
      return "\(library), headers in \(runtime.includeDirectory) (\(runtime.layout.rawValue))"
    } catch {
      return "not found: " + ((error as? DiagnosedFailure)?.diagnostics.first?.message ?? "\(error)")
    }
  }

  /// Where the shell would find `name`. Not resolved: a wrapper such as Open MPI's `mpicc` (a
  /// link to `opal_wrapper`) behaves by the name it is run under.
  static func searchPath(_ name: String, environment: [String: String]) -> String? {
    let candidates =
      name.contains("/")
      ? [name] : (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }
    guard let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
      return nil
    }
    return found
  }

  /// `path` with symbolic links resolved: `cc` is often a chain of them.
  static func resolved(_ path: String) -> String { URL(fileURLWithPath: path).resolvingSymlinksInPath().path }

  /// The first line `command` prints on stdout when it succeeds, else nil.
  static func firstLine(of command: [String]) -> String? {
    guard let finished = try? ChildProcess.run(command), finished.succeeded else { return nil }
    let line = finished.stdout.split(separator: "\n").first.map(String.init)
    return line?.isEmpty == false ? line : nil
  }
}
