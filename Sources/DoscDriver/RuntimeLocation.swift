import DoscSupport
import Foundation

/// Where the dosc runtime's headers and static library are, for the compiles and links that
/// use it. Found as clang and gcc find theirs, relative to the executable, in one of two layouts:
///
/// - installed: `PREFIX/bin/dosc` with `PREFIX/include/dosc/` and `PREFIX/lib/libdosc.a` (what
///   `make install` and the Debian package lay out). Nothing in it names the prefix, so the
///   prefix can move.
/// - checkout: the `Runtime/` of the source tree the executable was built in
///   (`REPO/.build/debug/dosc`), with the library in `Runtime/build/`.
///
/// `DOSC_RUNTIME_DIR` (or `--runtime-dir`) names either layout's directory and wins over both.
/// Only a checkout's library is built on demand (`make -C Runtime`, a developer's convenience);
/// an installed runtime is built once, at install, and never written to by a compile.
public struct RuntimeLocation: Equatable, Sendable {
  public enum Layout: String, Sendable {
    case installed, checkout
  }

  public var layout: Layout
  /// The `-I` of generated code: the directory holding `dosc_abi.h`.
  public var includeDirectory: String
  /// The directory holding `libdosc.a`.
  public var libraryDirectory: String
  /// The checkout's `Runtime/` (its Makefile builds the library); nil when installed.
  public var sourceDirectory: String?

  public var library: String { libraryDirectory + "/libdosc.a" }
  /// What a unit is compiled with, so it sees `<dosc.h>` and `__DOSC__`; the analysis parses
  /// with the same, or it would not see the program the compiler sees.
  public var headerFlags: [String] { ["-D__DOSC__=1", "-I", includeDirectory] }
  /// `headerFlags` of the runtime the build uses (`--runtime-dir` or `DOSC_RUNTIME_DIR`, else
  /// the one beside dosc), for the analysis; none when no runtime is found (`<dosc.h>` is then
  /// not found, as with plain `cc`). The analysis must see the build's `dosc.h`: a dosc copied
  /// away from its runtime, given one by `DOSC_RUNTIME_DIR`, found none for the analysis.
  static func analysisHeaderFlags(_ explicit: String?) -> [String] {
    explicit == nil ? besideDosc : (try? find(explicit))?.headerFlags ?? []
  }
  private static let besideDosc: [String] = (try? locate(nil))?.headerFlags ?? []
  /// `DOSC_RUNTIME_DIR` of this process, for commands without `--runtime-dir`.
  static var environmentDirectory: String? {
    ProcessInfo.processInfo.environment["DOSC_RUNTIME_DIR"].flatMap { $0.isEmpty ? nil : $0 }
  }

  /// The sources of `dosc calibrate`'s measuring programs: a checkout's `Runtime/calibrate`, or
  /// an installed prefix's `share/dosc/calibrate`.
  public var calibrationDirectory: String {
    if let sourceDirectory { return sourceDirectory + "/calibrate" }
    return URL(fileURLWithPath: libraryDirectory).deletingLastPathComponent().path + "/share/dosc/calibrate"
  }

  /// Names the MPI plugins built (`Runtime/src/mpi_link.c`), one per installed MPI, which the
  /// runtime loads only under a launcher, the one matching it (`Runtime/src/mpi_launcher.c`);
  /// there when the runtime was built where an MPI (`mpicc`) is installed. An installed one
  /// names the plugins without a directory, and the link adds the prefix's `lib/dosc` as the
  /// program's run path, so the prefix can move.
  public var mpiLinkObject: String { mpiPluginDirectory + "/dosc_mpi_link.o" }

  /// Where the MPI plugins and their link object are.
  public var mpiPluginDirectory: String { libraryDirectory + (layout == .installed ? "/dosc" : "") }

  /// The MPI plugins there, by file name (`libdosc_mpi_openmpi.so`, `libdosc_mpi_mpich.so`).
  public var mpiPlugins: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: mpiPluginDirectory)) ?? [])
      .filter { $0.hasPrefix("libdosc_mpi_") && $0.hasSuffix(".so") }.sorted()
  }

  /// What a link that uses the runtime appends after the objects, for a link with the user's
  /// `flags`: the library and what it needs. A sanitizer among the flags selects the runtime
  /// built with that sanitizer (`RuntimeVariant`); `mpi` adds the MPI support when the runtime
  /// has it (`--no-mpi` leaves it out); `startForAPI` takes the runtime's start for a program
  /// that calls `<dosc.h>`'s API, which starts it even without a site to register
  /// (`Runtime/src/start_for_api.c`).
  public func linkArguments(flags: [String], compiler: String, mpi: Bool = true, startForAPI: Bool = false) throws
    -> [String]
  {
    var arguments = startForAPI ? ["-Wl,--undefined=dosc_start_for_api"] : []
    arguments.append(try RuntimeVariant(flags: flags).library(in: self, compiler: compiler))
    if mpi && FileManager.default.fileExists(atPath: mpiLinkObject) {
      arguments.append(mpiLinkObject)
      if layout == .installed { arguments.append("-Wl,-rpath," + libraryDirectory + "/dosc") }
    }
    return arguments + ["-ljansson", "-pthread"]
  }

  /// The MPIs whose compiler wrapper is on the PATH, by the plugin each needs: a checkout's
  /// runtime is built with a plugin for each (Debian installs Open MPI's and MPICH's side by
  /// side as `mpicc.openmpi` and `mpicc.mpich`; elsewhere `mpicc` is one of them).
  static var mpiPluginsExpected: [String] {
    let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
    func found(_ name: String) -> Bool {
      path.contains { FileManager.default.isExecutableFile(atPath: "\($0)/\(name)") }
    }
    let named = [("mpicc.openmpi", "libdosc_mpi_openmpi.so"), ("mpicc.mpich", "libdosc_mpi_mpich.so")]
      .filter { found($0.0) }.map(\.1)
    // A lone `mpicc` builds the plugin of whichever MPI it is: its link object stands for it.
    return named.isEmpty && found("mpicc") ? ["dosc_mpi_link.o"] : named
  }

  /// The runtime a compile or link uses, its library ready: `explicit` (from `DOSC_RUNTIME_DIR`
  /// or `--runtime-dir`), else the one beside the executable.
  public static func locate(_ explicit: String?, executable: String = currentExecutable) throws -> RuntimeLocation {
    let runtime = try find(explicit, executable: executable)
    try runtime.ensureLibrary()
    return runtime
  }

  /// The runtime `locate` would use, without building anything.
  public static func find(_ explicit: String?, executable: String = currentExecutable) throws -> RuntimeLocation {
    if let explicit {
      guard let runtime = inDirectory(explicit) else {
        throw DiagnosedFailure(
          Diagnostic(
            .error, at: nil,
            "'\(explicit)' is not a dosc runtime (neither include/dosc/dosc_abi.h, installed, nor include/dosc_abi.h, a checkout's Runtime/)"
          ))
      }
      return runtime
    }
    guard let runtime = besideExecutable(executable) else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: nil,
          "cannot find the dosc runtime: no ../include/dosc/dosc_abi.h beside '\(executable)' and no checkout's Runtime/ above it; reinstall dosc or set DOSC_RUNTIME_DIR"
        ))
    }
    return runtime
  }

  /// `directory` as an installed prefix or as a checkout's `Runtime/`.
  static func inDirectory(_ directory: String) -> RuntimeLocation? {
    let installed = RuntimeLocation(
      layout: .installed, includeDirectory: directory + "/include/dosc", libraryDirectory: directory + "/lib",
      sourceDirectory: nil)
    if installed.hasHeaders { return installed }
    let checkout = RuntimeLocation(
      layout: .checkout, includeDirectory: directory + "/include", libraryDirectory: directory + "/build",
      sourceDirectory: directory)
    return checkout.hasHeaders ? checkout : nil
  }

  /// The prefix the executable is installed in (`PREFIX/bin/dosc`), else the checkout above it.
  static func besideExecutable(_ executable: String) -> RuntimeLocation? {
    let binDirectory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
    let prefix = binDirectory.deletingLastPathComponent()
    if let installed = inDirectory(prefix.path), installed.layout == .installed { return installed }
    var url = binDirectory
    while url.path != "/" && !url.path.isEmpty {
      if let checkout = inDirectory(url.appendingPathComponent("Runtime").path), checkout.layout == .checkout {
        return checkout
      }
      url = url.deletingLastPathComponent()
    }
    return nil
  }

  /// The running executable, symbolic links resolved (`dosc-cc` is a link to `dosc`).
  public static var currentExecutable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  var hasHeaders: Bool { FileManager.default.fileExists(atPath: includeDirectory + "/dosc_abi.h") }
  public var hasLibrary: Bool { FileManager.default.fileExists(atPath: library) }

  /// A checkout builds its library on first use; an installed runtime without one is broken.
  func ensureLibrary() throws {
    let expected = Self.mpiPluginsExpected
    let hasMPISupport =
      layout == .installed || expected.isEmpty
      || (expected + ["dosc_mpi_link.o"]).allSatisfy {
        FileManager.default.fileExists(atPath: mpiPluginDirectory + "/" + $0)
      }
    if hasLibrary && hasMPISupport { return }
    guard let sourceDirectory else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: nil,
          "the dosc runtime's headers are in '\(includeDirectory)' but '\(library)' is missing; reinstall dosc"
        ))
    }
    // Without the make variables of a build that runs `dosc cc` (see `RuntimeVariant`).
    let status = try ProcessRunner.run([
      "env", "-u", "MAKEFLAGS", "-u", "MFLAGS", "-u", "MAKELEVEL", "make", "-s", "-C", sourceDirectory,
    ])
    guard status == 0, hasLibrary else {
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "cannot build the runtime: 'make -C \(sourceDirectory)' failed"))
    }
  }
}
