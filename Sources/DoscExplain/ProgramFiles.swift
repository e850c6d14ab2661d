import DoscDriver
import DoscManifest
import Foundation

/// A dosc-built program and its sidecar, found and checked as the runtime does at load time
/// (Runtime/src/start.c, loader.c): the sidecar is `DOSC_MANIFEST` or the program's path plus
/// `.dosc.json`; it is current when the source hash it gives (each unit's, in a linked
/// program) is the one compiled into the binary's site table.
public struct ProgramFiles {
  public var programPath: String
  public var sidecarPath: String
  public var manifest: Manifest
  /// Why the sidecar does not belong to this binary (the runtime would ignore its bindings);
  /// nil when it is current.
  public var staleReason: String?

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  /// The string every program linked with libdosc carries (loader.c's DOSC_MANIFEST_SCHEMA).
  static let runtimeMarker = Manifest.currentSchema

  public static func open(program: String, environment: [String: String]) throws -> ProgramFiles {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: program, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw Failure(description: "\(program): no such program")
    }
    guard let binary = FileManager.default.contents(atPath: program) else {
      throw Failure(description: "\(program): cannot read it")
    }
    let chosen = environment["DOSC_MANIFEST"].flatMap { $0.isEmpty ? nil : $0 }
    let sidecar = chosen ?? program + ".dosc.json"
    let builtByDosc = contains(binary, runtimeMarker)
    guard FileManager.default.fileExists(atPath: sidecar) else {
      if !builtByDosc {
        throw Failure(
          description: "\(program): not built by dosc (no dosc runtime in it and no sidecar \(sidecar)); "
            + "build it with 'dosc compile' or 'dosc cc'")
      }
      // As the runtime does (start.c): with no sidecar beside it and DOSC_MANIFEST unset, the
      // manifest the program carries in its own section.
      if chosen == nil, let carried = try carriedManifest(program: program, binary: binary) {
        return ProgramFiles(
          programPath: program, sidecarPath: "\(program) (\(ObjectManifestSection.name) section)", manifest: carried,
          staleReason: nil)
      }
      throw Failure(
        description:
          "\(sidecar): no sidecar manifest beside the program and none inside it (the runtime would use its compiled-in defaults)"
      )
    }
    guard builtByDosc else {
      throw Failure(description: "\(program): not built by dosc (no dosc runtime in it), though \(sidecar) exists")
    }
    guard let data = FileManager.default.contents(atPath: sidecar) else {
      throw Failure(description: "\(sidecar): cannot read it")
    }
    let manifest: Manifest
    do {
      manifest = try JSONDecoder().decode(Manifest.self, from: data)
    } catch {
      throw Failure(description: "\(sidecar): not a dosc manifest: \(error.localizedDescription)")
    }
    guard manifest.schema == Manifest.currentSchema else {
      throw Failure(description: "\(sidecar): schema is not \"\(Manifest.currentSchema)\"")
    }
    var files = ProgramFiles(programPath: program, sidecarPath: sidecar, manifest: manifest, staleReason: nil)
    files.staleReason = staleness(of: manifest, in: binary)
    return files
  }

  /// The manifest in the program's own section: one merged manifest (a dosc link). Fragments
  /// a plain `cc` link concatenated are matched per unit by the runtime; explain needs them
  /// linked and says so.
  static func carriedManifest(program: String, binary: Data) throws -> Manifest? {
    let manifests: [Manifest]
    do {
      manifests = try ObjectManifestSection.manifests(inELF: binary)
    } catch {
      throw Failure(description: "\(program): its \(ObjectManifestSection.name) section cannot be read: \(error)")
    }
    if manifests.count > 1 {
      throw Failure(
        description:
          "\(program): its \(ObjectManifestSection.name) section holds \(manifests.count) unlinked fragments "
          + "(a plain cc link); link with 'dosc cc' to explain it")
    }
    return manifests.first
  }

  /// The runtime compares the hash in the sidecar with the one compiled into each unit's site
  /// table; here: the hash must be in the binary as a C string.
  static func staleness(of manifest: Manifest, in binary: Data) -> String? {
    let hashes = manifest.units?.map(\.sourceHash) ?? [manifest.sourceHash]
    for hash in hashes where !contains(binary, hash + "\0") {
      return
        "stale: source_hash \(hash.prefix(24)) is not the program's (rebuilt since?): the runtime ignores its bindings"
    }
    return nil
  }

  static func contains(_ data: Data, _ text: String) -> Bool {
    data.range(of: Data(text.utf8)) != nil
  }
}
