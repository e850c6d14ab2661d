import Foundation

/// A directory of one's own for intermediate files: every compile gets a fresh one, so that
/// the compiles of a `make -j` never share a temporary file.
public enum TemporaryDirectory {
  public static func make(prefix: String = "dosc") throws -> String {
    var template = Array((NSTemporaryDirectory() + "/\(prefix)-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw DiagnosedFailure(Diagnostic(.error, at: nil, "cannot create a temporary directory"))
    }
    return String(cString: made)
  }
}
