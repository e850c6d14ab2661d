import CSyntax
import DoscSupport

/// What becomes of a `#pragma dosc` directive in an included file, which dosc does not
/// rewrite. A task there runs as a plain call, which is the serial elision: a warning. A
/// taskwait in a file included inside a main-file function would be lost, and the code after
/// the `#include` could read what the function's tasks have not written yet: an error. A
/// taskwait in a header's own function waits for nothing dosc spawned (the header's tasks are
/// plain calls), so there it is a warning too.
enum IncludedPragmaCheck {
  static func check(_ included: IncludedPragma, in unit: TranslationUnit, diagnostics: DiagnosticEngine) throws {
    let directive = try DirectiveParser.parse(included.line)
    let spelled = "'#pragma dosc " + included.line.tokens.map(\.spelling).joined(separator: " ") + "'"
    if directive == .taskwait,
      let include = included.inclusions.first(where: { unit.functionName(enclosing: $0.offset) != nil }),
      let function = unit.functionName(enclosing: include.offset)
    {
      throw DiagnosedFailure(
        Diagnostic(
          .error, at: included.line.location,
          "\(spelled) in a file included inside the function '\(function)' is not seen by dosc, and a lost "
            + "taskwait changes what the program computes; write it in '\(unit.path)' itself",
          category: "pragma",
          notes: [Diagnostic(.note, at: include, "included here")]))
    }
    let consequence =
      directive == .taskwait
      ? "the tasks of an included file run as plain calls, so there is nothing for it to wait for"
      : "the call after it runs as a plain call"
    diagnostics.warning(
      "\(spelled) in an included file is not seen by dosc (dosc rewrites only the file it compiles): "
        + consequence,
      at: included.line.location, category: "pragma")
  }
}
