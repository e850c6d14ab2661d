import DoscInterrupt
import Foundation

/// A directory of one's own for intermediate files: every compile gets a fresh one, so that
/// the compiles of a `make -j` never share a temporary file.
public enum TemporaryDirectory {
  /// A new directory in `$TMPDIR`. With `removedOnSignal`, a SIGINT, SIGTERM or SIGHUP that ends
  /// dosc removes it and its files (dosc_interrupt.h): a compile killed in the middle left its
  /// generated C and its link's output in `$TMPDIR`. Give it back with `remove`.
  public static func make(prefix: String = "dosc", removedOnSignal: Bool = true) throws -> String {
    var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
    let made = removedOnSignal ? dosc_interrupt_make_directory(&template) : mkdtemp(&template)
    guard let made else {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot create a temporary directory"))
    }
    return String(cString: made)
  }

  /// Removes a directory `make` gave, and forgets it for the signal handler.
  public static func remove(_ path: String) {
    dosc_interrupt_forget_path(path)
    try? FileManager.default.removeItem(atPath: path)
  }
}
