import CSyntax

/// What a site's generated code sees of its spawning function: the integer variables a figure
/// over them (the manifest's `siblings`, a loop's trip count) may be compiled from.
struct SiteScope {
  /// Integer variables declared where the site can see them: the function's parameters and
  /// the declarations before it in every block around it, a `for` loop's own included
  /// (`StatementScope`). A name declared again in an inner block counts with the innermost
  /// declaration's type.
  var integerVariables: Set<String>

  init(at offset: Int, in function: FunctionDefinition) {
    let scope = StatementScope(at: offset, in: function)
    var isInteger: [String: Bool] = [:]
    for parameter in function.parameters { isInteger[parameter.name] = parameter.type.kind == .integer }
    for declared in scope.declarations {
      isInteger[declared.variable.name] = declared.variable.type.kind == .integer
    }
    self.integerVariables = Set(isInteger.filter(\.value).keys)
  }
}
