import Foundation

/// A file as the system knows it (device and inode), so `s.c`, `./s.c` and a link to it are
/// one file however they are spelled.
public struct FileIdentity: Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64

  /// The identity of the file `path` names, following links; nil when it does not exist.
  public init?(_ path: String) {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    device = UInt64(status.st_dev)
    inode = UInt64(status.st_ino)
  }

  /// Refuses, as gcc does, an output that is one of the inputs: writing it would destroy the
  /// input. A device such as `/dev/null` is no one's input.
  public static func refuseOverwritingInput(outputs: [String], inputs: [String]) throws {
    let inputIdentities = Dictionary(
      inputs.compactMap { input in FileIdentity(input).map { ($0, input) } }, uniquingKeysWith: { first, _ in first })
    for output in outputs {
      var status = stat()
      guard stat(output, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG,
        let identity = FileIdentity(output), let input = inputIdentities[identity]
      else { continue }
      throw DiagnosedFailure(
        Diagnostic(.error, at: nil, "input file '\(input)' is the same as output file '\(output)'", category: "driver"))
    }
  }
}
