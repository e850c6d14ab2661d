import DoscCC
import DoscManifest
import DoscSupport
import Foundation

/// The link's side of `DeferredExports`: a file without pragmas is not analyzed when it is
/// compiled, and its figures are worked out here, only when some unit spawns a task whose
/// body is elsewhere, only for files that name such a task, and only if the file still has the
/// text it was compiled from. The analysis runs in a process of its own and is best effort:
/// whatever happens to it, the link goes on and the task stays opaque.
enum DeferredExportAnalysis {
  /// How long one file's analysis may take before its figures are given up as unknown.
  static let timeLimitSeconds = 120

  /// Puts the fragment of a file compiled without analysis into its object
  /// (`dosc_plain_fragment_write`, the code the dosc-cc launcher runs): its source hash over its
  /// base name, its text and the compile's `arguments`, and where its exports can be worked out;
  /// `usesRuntime` when it includes `<dosc.h>` or its object calls the runtime's API (the link
  /// then adds the runtime).
  static func writeFragment(source: String, arguments: [String], includesDoscHeader: Bool, into object: String)
    throws
  {
    var why: UnsafePointer<CChar>?
    let status = withCStrings(arguments) { pointers in
      dosc_plain_fragment_write(
        object, source, FileManager.default.currentDirectoryPath, arguments.count, pointers, includesDoscHeader ? 1 : 0,
        &why)
    }
    guard status == 0 else {
      var reason = why.map { String(cString: $0) } ?? "unknown"
      if reason == "not an ELF file" { reason += " (LLVM bitcode from -flto?)" }
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "'\(object)' cannot carry a dosc manifest: \(reason)", category: "cc"))
    }
  }

  /// The fragments with the deferred exports a link needs worked out, and the rest dropped.
  static func resolve(_ fragments: [Manifest]) -> [Manifest] {
    let defined = Set(fragments.flatMap { ($0.exports ?? []) + $0.tasks }.filter { !$0.opaque }.map(\.name))
    let wanted = Set(fragments.flatMap(\.tasks).filter(\.opaque).map(\.name)).subtracting(defined)
    return fragments.map { fragment in
      guard let deferred = fragment.deferredExports else { return fragment }
      var resolved = fragment
      resolved.deferredExports = nil
      if !wanted.isEmpty {
        resolved.exports = exports(deferred, sourceHash: fragment.sourceHash, wanted: wanted)
      }
      return resolved
    }
  }

  private static func exports(_ deferred: DeferredExports, sourceHash: String, wanted: Set<String>) -> [Manifest.Task]?
  {
    let path = absolute(deferred.source, in: deferred.directory)
    guard let text = FileManager.default.contents(atPath: path),
      Self.sourceHash(deferred.source, in: deferred.directory, arguments: deferred.arguments) == sourceHash,
      let invocation = try? CompilerInvocation.parse(deferred.arguments),
      wanted.contains(where: { text.range(of: Data($0.utf8)) != nil }),
      let dosc = doscExecutable(), let scratch = try? TemporaryDirectory.make(prefix: "dosc-exports")
    else { return nil }
    defer { TemporaryDirectory.remove(scratch) }
    let manifest = scratch + "/exports.dosc.json"
    // The flags libclang can take, as for any file without pragmas (UnitAnalysis).
    let flags = UnitAnalysis.splitForeignFlags(invocation.analysisFlags).kept.flatMap { $0 }
    // Bounded in time too: a link must not wait on figures it can do without.
    let command =
      ["timeout", "\(timeLimitSeconds)", dosc, "analyze", AnalyzePipeline.exportsOption, deferred.source]
      + flags + ["-o", manifest]
    guard (try? ProcessRunner.run(command, quiet: true, directory: deferred.directory)) == 0,
      let data = FileManager.default.contents(atPath: manifest)
    else { return nil }
    return (try? Manifest.decode(data))?.exports
  }

  /// The hash `dosc_plain_fragment_write` gave the unit (a plain unit's flags are its arguments).
  private static func sourceHash(_ source: String, in directory: String, arguments: [String]) -> String? {
    guard let contents = FileManager.default.contents(atPath: absolute(source, in: directory)) else { return nil }
    return Manifest.sourceHash(sources: [(baseName(source), contents)], flags: arguments)
  }

  private static func absolute(_ path: String, in directory: String) -> String {
    path.hasPrefix("/") ? path : directory + "/" + path
  }

  /// This process's executable when it is dosc (not a test runner that links the pipeline).
  private static func doscExecutable() -> String? {
    guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
      URL(fileURLWithPath: executable).lastPathComponent.hasPrefix("dosc")
    else { return nil }
    return executable
  }
}
