import Foundation

/// Collects diagnostics from every pass, in the order they are emitted, and prints them on
/// stderr. Passes report here instead of printing, so tests can inspect what a run said.
public final class DiagnosticEngine: @unchecked Sendable {
  public private(set) var diagnostics: [Diagnostic] = []
  private let lock = NSLock()

  public init() {}

  public func emit(_ diagnostic: Diagnostic) {
    lock.lock()
    defer { lock.unlock() }
    diagnostics.append(diagnostic)
  }

  public func error(_ message: String, at location: SourceLocation?, category: String? = nil) {
    emit(Diagnostic(.error, at: location, message, category: category))
  }

  public func warning(_ message: String, at location: SourceLocation?, category: String? = nil) {
    emit(Diagnostic(.warning, at: location, message, category: category))
  }

  public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

  /// Everything emitted so far, one message per line, as it is printed on stderr.
  public var rendered: String { diagnostics.map { $0.description + "\n" }.joined() }

  public func printAll(to handle: FileHandle = .standardError) {
    handle.write(Data(rendered.utf8))
  }
}
