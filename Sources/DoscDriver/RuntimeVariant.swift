import DoscSupport
import Foundation

/// Which build of libdosc a link needs. With a sanitizer in the user's flags
/// (`-fsanitize=thread`, `address`, `undefined`, ...) the program gets a runtime built with the
/// same sanitizer flags and the same compiler: ThreadSanitizer must see the pool's own
/// synchronisation (its atomics), or it reports every task's data as a race.
public struct RuntimeVariant: Equatable, Sendable {
  /// The user's `-fsanitize...` and `-fno-sanitize...` flags, in order; empty for the plain library.
  public var sanitizerFlags: [String]

  public init(flags: [String]) {
    let sanitizer = flags.filter { $0.hasPrefix("-fsanitize") || $0.hasPrefix("-fno-sanitize") }
    sanitizerFlags = sanitizer.contains { $0.hasPrefix("-fsanitize=") } ? sanitizer : []
  }

  public var isPlain: Bool { sanitizerFlags.isEmpty }

  /// The build directory inside `Runtime/`: `build`, or e.g. `build-sanitize-thread` (with the
  /// compiler's name appended unless it is `cc`: gcc's and clang's sanitizer runtimes differ).
  public func buildDirectory(compiler: String) -> String {
    if isPlain { return "build" }
    let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-_.")
    func clean(_ text: String) -> String {
      String(text.map { $0 == "," ? "+" : allowed.contains($0) ? $0 : "-" })
    }
    var name = "build-" + sanitizerFlags.map { clean(String($0.dropFirst(2))) }.joined(separator: "_")
    if compiler != "cc" { name += "-" + clean(URL(fileURLWithPath: compiler).lastPathComponent) }
    return name
  }

  /// The library of this variant in `runtime`. In a checkout `make` brings it up to date
  /// first, under a lock: the parallel links of one build may all ask for it, and a variant
  /// built before the runtime's sources changed must not be linked. An installed runtime is
  /// never built into: its variants are installed beside the plain library
  /// (`PREFIX/lib/dosc/build-sanitize-thread/libdosc.a`) or missing, which is an error.
  public func library(in runtime: RuntimeLocation, compiler: String) throws -> String {
    if isPlain { return runtime.library }
    let build = buildDirectory(compiler: compiler)
    guard let source = runtime.sourceDirectory else {
      let library = runtime.libraryDirectory + "/dosc/" + build + "/libdosc.a"
      guard FileManager.default.fileExists(atPath: library) else {
        throw DiagnosedFailure(
          Diagnostic(
            .error, at: nil,
            "this installation of dosc has no runtime built with \(sanitizerFlags.joined(separator: " ")) "
              + "for '\(compiler)' ('\(library)'); build dosc from a checkout to use the sanitizer"))
      }
      return library
    }
    let library = source + "/" + build + "/libdosc.a"
    let lock = open(source + "/." + build + ".lock", O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
    if lock >= 0 { flock(lock, LOCK_EX) }
    defer { if lock >= 0 { close(lock) } }
    // Without the make variables of a build that runs `dosc cc` (MAKEFLAGS carries its
    // CFLAGS=..., which would override the runtime Makefile's own).
    let status = try ProcessRunner.run([
      "env", "-u", "MAKEFLAGS", "-u", "MFLAGS", "-u", "MAKELEVEL", "make", "-s", "-C", source,
      "BUILD=" + build, "CC=" + compiler,
      "CFLAGS_EXTRA=" + sanitizerFlags.joined(separator: " "), build + "/libdosc.a",
    ])
    guard status == 0, FileManager.default.fileExists(atPath: library) else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: nil,
          "cannot build the runtime with \(sanitizerFlags.joined(separator: " ")): "
            + "'make -C \(source) BUILD=\(build)' failed"))
    }
    return library
  }
}
