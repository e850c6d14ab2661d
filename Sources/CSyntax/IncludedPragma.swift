import DoscSupport

/// A `#pragma dosc` directive in a file the main file includes (`#include "wait.inc"`). dosc
/// rewrites only the main file, so such a directive is never honoured: a task there runs as a
/// plain call (the serial elision), but a taskwait there would be lost, and the analysis must
/// say so rather than let the code after it read what the tasks have not written yet.
public struct IncludedPragma: Hashable, Sendable {
  /// The directive, located in the included file.
  public var line: PragmaLine
  /// Every main-file `#include` through which the file is reached (the outermost of each
  /// chain): where it sits tells whether the directive lands inside a main-file function.
  public var inclusions: [SourceLocation]

  public init(line: PragmaLine, inclusions: [SourceLocation]) {
    self.line = line
    self.inclusions = inclusions
  }
}
