import DoscInterrupt
import Foundation

/// Writes an output file. A regular file (or a new one) is replaced atomically, so readers (and
/// a parallel `make -j`) see either the old file or the complete new one: write a unique
/// temporary beside it, then rename. Anything else that exists (`/dev/null`, a FIFO, a terminal)
/// is written through and stays what it is, as a compiler does: renaming over a device would
/// replace it with a regular file. A symbolic link is followed, so the link stays a link.
public enum AtomicFile {
  public static func write(_ data: Data, to path: String) throws {
    if existsAndIsNotRegular(path) {
      try writeThrough(data, to: path)
      return
    }
    let target = resolvedLink(path)
    let temporary = temporaryName(beside: target)
    // A signal before the rename removes it: no partial file is left beside the output.
    let slot = dosc_interrupt_remove_on_signal(temporary)
    defer { dosc_interrupt_forget(slot) }
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)'"))
    }
    if rename(temporary, target) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)': \(reason)"))
    }
  }

  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }

  /// Moves a finished `temporary` into place: renamed over a regular file, written through into
  /// anything else, and removed either way. On another file system than `path` (a temporary
  /// directory), it is copied beside `path` first, with its permissions, and renamed from there.
  public static func install(_ temporary: String, at path: String) throws {
    defer { unlink(temporary) }
    if existsAndIsNotRegular(path) {
      guard let data = FileManager.default.contents(atPath: temporary) else {
        throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot read '\(temporary)'"))
      }
      try writeThrough(data, to: path)
    } else if rename(temporary, resolvedLink(path)) != 0 {
      if errno == EXDEV {
        try copyThenRename(temporary, to: resolvedLink(path), naming: path)
        return
      }
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)': \(String(cString: strerror(errno)))"))
    }
  }

  /// A unique name beside `target` for a temporary that is renamed over it.
  static func temporaryName(beside target: String) -> String {
    let url = URL(fileURLWithPath: target)
    return
      "\(url.deletingLastPathComponent().path)/.\(url.lastPathComponent).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
  }

  /// `source` copied into a temporary beside `target`, then renamed over it (`path`: as the
  /// user named it, for the error).
  private static func copyThenRename(_ source: String, to target: String, naming path: String) throws {
    let temporary = temporaryName(beside: target)
    let slot = dosc_interrupt_remove_on_signal(temporary)
    defer { dosc_interrupt_forget(slot) }
    do {
      try FileManager.default.copyItem(atPath: source, toPath: temporary)
    } catch {
      unlink(temporary)
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)': \(error.localizedDescription)"))
    }
    if rename(temporary, target) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)': \(reason)"))
    }
  }

  /// Removes a stale output, if it is a regular file: never a device a command wrote into.
  public static func removeRegularFile(_ path: String) {
    var status = stat()
    if lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG { unlink(path) }
  }

  /// Whether `path` names something that is there and is not a regular file (a device, a FIFO).
  public static func existsAndIsNotRegular(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG
  }

  /// The file a symbolic link names (the path itself when it is no link, or a dangling one).
  static func resolvedLink(_ path: String) -> String {
    var status = stat()
    guard lstat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFLNK, let resolved = realpath(path, nil) else {
      return path
    }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func writeThrough(_ data: Data, to path: String) throws {
    let descriptor = open(path, O_WRONLY | O_CLOEXEC)
    guard descriptor >= 0 else {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)': \(String(cString: strerror(errno)))"))
    }
    defer { close(descriptor) }
    try data.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else {
          throw DiagnosedFailure(
            Diagnostic(.error, at: nil, "cannot write '\(path)': \(String(cString: strerror(errno)))"))
        }
        offset += written
      }
    }
  }
}
