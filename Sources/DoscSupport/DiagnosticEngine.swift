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

  /// Runs a command's body and gives its exit status: the body's own on success, 1 (with
  /// the diagnostics recorded here) when it throws for an error in the input, 2 for a usage
  /// error.
  public func exitStatus(_ body: () throws -> Int32) -> Int32 {
    do {
      return try body()
    } catch let failure as DiagnosedFailure {
      failure.diagnostics.forEach(emit)
      return 1
    } catch let usage as UsageError {
      error(usage.description, at: nil)
      return 2
    } catch {
      self.error("\(error)", at: nil)
      return 1
    }
  }

  /// Everything emitted so far, one message per line, as it is printed on stderr.
  public var rendered: String { diagnostics.map { $0.description + "\n" }.joined() }

  public func printAll(to handle: FileHandle = .standardError) {
    handle.write(Data(rendered.utf8))
  }
}
