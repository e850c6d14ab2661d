/// One clang-style message: `FILE:LINE:COL: error|warning|note: message [dosc-CATEGORY]`.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: String, Sendable, Comparable {
    case note, warning, error

    private var rank: Int {
      switch self {
      case .note: 0
      case .warning: 1
      case .error: 2
      }
    }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
  }

  public var severity: Severity
  public var location: SourceLocation?
  public var message: String
  /// Without the `dosc-` prefix, e.g. `clause-mismatch`; nil for messages relayed from clang.
  public var category: String?
  public var notes: [Diagnostic]

  public init(
    _ severity: Severity, at location: SourceLocation?, _ message: String, category: String? = nil,
    notes: [Diagnostic] = []
  ) {
    self.severity = severity
    self.location = location
    self.message = message
    self.category = category
    self.notes = notes
  }

  public var description: String {
    var text = ""
    if let location { text += "\(location): " } else { text += "dosc: " }
    text += "\(severity.rawValue): \(message)"
    if let category { text += " [dosc-\(category)]" }
    for note in notes { text += "\n" + note.description }
    return text
  }
}

/// An error that stops a command; it carries the diagnostics that explain it.
public struct DiagnosedFailure: Error, CustomStringConvertible {
  public var diagnostics: [Diagnostic]
  public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
  public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
  public var description: String { diagnostics.map(\.description).joined(separator: "\n") }
}

/// A command line dosc cannot take: exit status 2.
public struct UsageError: Error, CustomStringConvertible {
  public var description: String
  public init(_ description: String) { self.description = description }
  public init(description: String) { self.description = description }
}
