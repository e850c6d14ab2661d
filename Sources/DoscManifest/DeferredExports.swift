/// The exports of a file without pragmas, not worked out yet. Analyzing every such file as it
/// is compiled would cost a build far more than `cc` does, and most are never needed: only a
/// link with a task whose body is in another unit needs them. So the fragment records where
/// the figures can be worked out, and the fragment's `source_hash` says which text they are
/// for; a source since changed or gone leaves them unknown (the task is then opaque).
public struct DeferredExports: Codable, Hashable, Sendable {
  /// The source as the compile named it.
  public var source: String
  /// The directory the compile ran in, which relative paths in `source` and `flags` are from.
  public var directory: String
  /// The compile's command line (dosc's own options removed), which the analysis takes its
  /// flags from: recorded as given, so the dosc-cc launcher need not interpret it.
  public var arguments: [String]

  public init(source: String, directory: String, arguments: [String]) {
    self.source = source
    self.directory = directory
    self.arguments = arguments
  }
}
