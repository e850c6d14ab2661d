import Foundation

/// Writes a file so that readers (and a parallel `make -j`) see either the old file or the
/// complete new one, never a partial one: write a unique temporary beside it, then rename.
public enum AtomicFile {
  public static func write(_ data: Data, to path: String) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent().path
    let temporary =
      "\(directory)/.\(url.lastPathComponent).tmp.\(getpid()).\(UInt32.random(in: 0...UInt32.max))"
    guard FileManager.default.createFile(atPath: temporary, contents: data) else {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)'"))
    }
    if rename(temporary, path) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temporary)
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot write '\(path)': \(reason)"))
    }
  }

  public static func write(_ text: String, to path: String) throws {
    try write(Data(text.utf8), to: path)
  }
}
