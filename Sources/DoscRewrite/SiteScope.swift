import CSyntax

/// What a site's generated code sees of its spawning function: the integer variables a figure
/// over them (the manifest's `siblings`, a loop's trip count) may be compiled from, and the
/// loops around it.
struct SiteScope {
  /// Integer variables declared where the site can see them: the function's parameters and
  /// the declarations before it in every block around it, a `for` loop's own included. A name
  /// declared again in an inner block counts with the innermost declaration's type.
  var integerVariables: Set<String>
  /// The byte ranges of the loops around the site, outermost first.
  var loops: [Range<Int>]

  init(at offset: Int, in function: FunctionDefinition) {
    var isInteger: [String: Bool] = [:]
    for parameter in function.parameters { isInteger[parameter.name] = parameter.type.kind == .integer }
    func declare(_ statement: Stmt?) {
      guard case .declaration(let variables)? = statement?.kind else { return }
      for variable in variables { isInteger[variable.name] = variable.type.kind == .integer }
    }
    var loops: [Range<Int>] = []
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
        if body.range.contains(offset) {
          loops.append(statement.range)
          current = body
        }
      case .whileLoop(_, let body), .doWhile(let body, _):
        if body.range.contains(offset) {
          loops.append(statement.range)
          current = body
        }
      default:
        current = statement.children.first { $0.range.contains(offset) }
      }
    }
    self.integerVariables = Set(isInteger.filter(\.value).keys)
    self.loops = loops
  }
}
