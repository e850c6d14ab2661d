import DoscELF
import DoscManifest
import DoscSupport
import Foundation

/// Manifests carried inside objects and programs, in a section of their own (`.dosc.manifest`).
///
/// `dosc cc -c` adds the unit's fragment to its object after compiling, so the fragment goes
/// wherever the object goes (`mv`, `ar`, libtool, any linker) and nothing else appears in the
/// user's tree. The section is not allocated: it is never loaded at run time, and the object's
/// code and data are exactly what the compiler made. Each manifest in the section is a JSON
/// document followed by a NUL byte, because a linker concatenates the sections of its inputs:
/// a plain `cc` link leaves every linked object's fragment in the program, one after the other,
/// and the runtime (Runtime/src/self_section.c) splits them again. A `dosc cc` link replaces
/// them with the merged manifest, the same one it writes to the program's sidecar.
public enum ObjectManifestSection {
  public static let name = DOSC_MANIFEST_SECTION

  /// The section's contents for `manifests`: each encoded and ended by a NUL.
  public static func contents(_ manifests: [Manifest]) throws -> Data {
    var data = Data()
    for manifest in manifests {
      data.append(try manifest.encoded())
      data.append(0)
    }
    return data
  }

  /// The JSON documents in a section's contents (empty pieces, e.g. padding, are skipped).
  public static func documents(in contents: Data) -> [Data] {
    contents.split(separator: 0).filter { piece in
      piece.contains { !(Character(Unicode.Scalar($0)).isWhitespace) }
    }
  }

  /// Puts `manifest` into the section of the object or program at `path`, replacing what the
  /// section held. Only a regular file gets one: `-o /dev/null` stays a device.
  public static func write(_ manifest: Manifest, into path: String) throws {
    guard isRegularFile(path) else { return }
    guard let handle = FileHandle(forReadingAtPath: path), (try? handle.read(upToCount: 4)) == Data("\u{7F}ELF".utf8)
    else {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: nil, "'\(path)' is not an ELF file (LLVM bitcode from -flto?): it cannot carry a dosc manifest",
          category: "cc"))
    }
    try? handle.close()
    let scratch = try TemporaryDirectory.make(prefix: "dosc-section")
    defer { TemporaryDirectory.remove(scratch) }
    let file = scratch + "/manifest"
    try AtomicFile.write(try contents([manifest]), to: file)
    // objcopy applies --remove-section before --add-section: a section already there is replaced.
    let status = try ProcessRunner.run([
      "objcopy", "--remove-section", name, "--add-section", "\(name)=\(file)",
      "--set-section-flags", "\(name)=noload,readonly", path,
    ])
    guard status == 0 else {
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "cannot add the dosc manifest to '\(path)': objcopy failed", category: "cc"))
    }
  }

  /// Why the section of a file cannot be read: malformed ELF, or something other than manifests.
  public struct Unreadable: Error, CustomStringConvertible {
    public var description: String
  }

  /// The manifests in the section of `contents` (an ELF object, program or shared library),
  /// in order; empty when it has no section or is not ELF at all (a linker script, say).
  public static func manifests(inELF contents: Data) throws -> [Manifest] {
    let found = try contents.withUnsafeBytes { bytes -> Data? in
      guard let base = bytes.bindMemory(to: UInt8.self).baseAddress else { return nil }
      var offset = 0
      var length = 0
      var why: UnsafePointer<CChar>?
      switch dosc_elf_find_section(base, bytes.count, name, &offset, &length, &why) {
      case 1: return Data(bytes[offset..<offset + length])
      case 0: return nil
      default:
        let reason = why.map { String(cString: $0) } ?? "malformed"
        if reason == "not an ELF file" { return nil }
        throw Unreadable(description: reason)
      }
    }
    guard let found else { return [] }
    return try documents(in: found).map { document in
      do {
        return try Manifest.decode(document)
      } catch {
        throw Unreadable(description: "its \(name) section holds something other than dosc manifests")
      }
    }
  }

  /// A linker input's fragments: an object's, a shared library's, or those of an archive's
  /// members (each tagged with its member, so a link can tell which members it pulled in).
  struct Fragment {
    var manifest: Manifest
    var fromArchive: Bool
  }

  static func fragments(inInput path: String) throws -> [Fragment] {
    guard isRegularFile(path),
      let contents = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped)
    else { return [] }
    guard ArArchive.isArchive(contents) else {
      return try manifests(inELF: contents).map { Fragment(manifest: $0, fromArchive: false) }
    }
    var fragments: [Fragment] = []
    for member in try ArArchive.members(of: contents, at: path) {
      do {
        fragments += try manifests(inELF: member.contents).map { Fragment(manifest: $0, fromArchive: true) }
      } catch {
        throw Unreadable(description: "member '\(member.name)': \(error)")
      }
    }
    return fragments
  }

  /// The fragments of a link's inputs, in command-line order: objects, archives and shared
  /// libraries named on it, and `-lNAME` libraries found in its `-L` directories (libraries
  /// only the linker's default directories hold are the system's, which carry none). An
  /// input whose section cannot be read gets a warning and adds nothing.
  static func fragments(linking inputs: [String], linkerFlags: [String], diagnostics: DiagnosticEngine)
    -> [Fragment]
  {
    var found: [Fragment] = []
    for input in inputs + libraries(named: linkerFlags) {
      do {
        found += try fragments(inInput: input)
      } catch {
        diagnostics.warning("ignoring the dosc manifest in '\(input)': \(error)", at: nil, category: "cc")
      }
    }
    return found
  }

  /// The fragments of the units the linker put into `program`: an archive's member is linked
  /// only when something needs it, and the linked program's section, the concatenation of
  /// its inputs' sections, says which ones were. (Should it be unreadable or gone, all are kept.)
  static func linked(_ fragments: [Fragment], into program: String) -> [Manifest] {
    guard fragments.contains(where: \.fromArchive),
      let contents = try? Data(contentsOf: URL(fileURLWithPath: program), options: .alwaysMapped),
      let inProgram = try? manifests(inELF: contents), !inProgram.isEmpty
    else { return fragments.map(\.manifest) }
    let linkedHashes = Set(inProgram.map(\.sourceHash))
    return fragments.filter { !$0.fromArchive || linkedHashes.contains($0.manifest.sourceHash) }.map(\.manifest)
  }

  /// The files `-lNAME` and `-l:FILE` name in the `-L` directories, as the linker searches them
  /// (shared before static, unless `-static`).
  static func libraries(named linkerFlags: [String]) -> [String] {
    var directories: [String] = []
    var names: [String] = []
    var index = 0
    while index < linkerFlags.count {
      let flag = linkerFlags[index]
      index += 1
      for (option, list) in [("-L", 0), ("-l", 1)] where flag.hasPrefix(option) {
        var value = String(flag.dropFirst(2))
        if value.isEmpty, index < linkerFlags.count {
          value = linkerFlags[index]
          index += 1
        }
        if list == 0 { directories.append(value) } else { names.append(value) }
      }
    }
    let suffixes = linkerFlags.contains("-static") ? [".a"] : [".so", ".a"]
    return names.compactMap { name in
      let candidates = name.hasPrefix(":") ? [String(name.dropFirst())] : suffixes.map { "lib\(name)\($0)" }
      for directory in directories {
        for candidate in candidates where isRegularFile(directory + "/" + candidate) {
          return directory + "/" + candidate
        }
      }
      return nil
    }
  }

  static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG
  }
}
