import CSyntax

/// The spawning function's integer variables that a site's generated code can read: what a
/// figure over them (the manifest's `siblings`, a loop's trip count) may be compiled from.
enum SiteScope {
  /// Integer variables declared where `offset` can see them: the function's parameters and
  /// the declarations before it in every block around it, a `for` loop's own included. A
  /// name declared again in an inner block counts with the innermost declaration's type.
  static func integerVariables(visibleAt offset: Int, in function: FunctionDefinition) -> Set<String> {
    var isInteger: [String: Bool] = [:]
    for parameter in function.parameters { isInteger[parameter.name] = parameter.type.kind == .integer }
    func declare(_ statement: Stmt?) {
      guard case .declaration(let variables)? = statement?.kind else { return }
      for variable in variables { isInteger[variable.name] = variable.type.kind == .integer }
    }
    var current: Stmt? = function.body
    while let statement = current {
      current = nil
      switch statement.kind {
      case .compound(let items):
        for item in items {
          if item.range.contains(offset) {
            current = item
            break
          }
          if item.range.upperBound <= offset { declare(item) }
        }
      case .forLoop(let initializer, _, _, let body):
        declare(initializer)
        if body.range.contains(offset) { current = body }
      default:
        current = statement.children.first { $0.range.contains(offset) }
      }
    }
    return Set(isInteger.filter(\.value).keys)
  }
}
