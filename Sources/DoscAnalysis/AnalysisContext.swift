import CSyntax

/// Shared state of one analysis run: function bodies from the front end, the summaries
/// computed so far (so that a function called from many places is analyzed once), and the
/// recursion in the call graph.
final class AnalysisContext {
  let unit: TranslationUnit
  private var summaries: [String: AccessSummary] = [:]
  private var callGraph = CallGraph()

  init(unit: TranslationUnit) { self.unit = unit }

  func definition(named name: String) -> FunctionDefinition? { unit.functions.definition(named: name) }

  /// Whether a call from `caller` to `callee` may lead back to `caller`: both are in one
  /// strongly connected component of the call graph.
  func isRecursiveCall(from caller: String, to callee: String) -> Bool {
    callGraph.component(of: caller, in: self).contains(callee)
  }

  /// What bounds `function`'s recursion, when it recurses (`RecursionMeasureAnalysis`).
  func recursionMeasure(of function: FunctionDefinition) -> RecursionMeasureAnalysis.Outcome? {
    let component = callGraph.component(of: function.name, in: self)
    guard !component.isEmpty else { return nil }
    return RecursionMeasureAnalysis.measure(of: function, component: component, context: self)
  }

  /// What a call of `function` does. In a recursive component, each function is walked
  /// without following the calls back into the component, and carries the reasons of every
  /// function of it, since any of them may run.
  func summary(of function: FunctionDefinition) -> AccessSummary {
    if let cached = summaries[function.name] { return cached }
    var summary = ownSummary(of: function)
    for member in callGraph.component(of: function.name, in: self).sorted() where member != function.name {
      guard let definition = definition(named: member) else { continue }
      let own = ownSummary(of: definition)
      // About another function's parameters: held wherever this one runs.
      for reason in own.reasons { summary.addReason(reason.heldAnywhere) }
      for read in own.sharedConstants { summary.noteSharedConstant(read) }
    }
    summaries[function.name] = summary
    return summary
  }

  private var ownSummaries: [String: AccessSummary] = [:]

  private func ownSummary(of function: FunctionDefinition) -> AccessSummary {
    if let cached = ownSummaries[function.name] { return cached }
    // Calls within the function's component are not followed, so this cannot loop.
    let summary = FunctionAnalyzer(function: function, context: self).run()
    ownSummaries[function.name] = summary
    return summary
  }
}

/// Direct calls between the functions defined in the unit, and their strongly connected
/// components (Tarjan's algorithm), found from the functions the analysis reaches.
private struct CallGraph {
  /// Per function: the functions whose calls may lead back to it (only those in a cycle
  /// with it, itself included when it calls itself); empty when it is not recursive.
  private var components: [String: Set<String>] = [:]

  mutating func component(of name: String, in context: AnalysisContext) -> Set<String> {
    if let known = components[name] { return known }
    var index: [String: Int] = [:]
    var lowLink: [String: Int] = [:]
    var stack: [String] = []
    var onStack: Set<String> = []
    var found: [String: Set<String>] = [:]
    func callees(of name: String) -> [String] {
      guard let definition = context.definition(named: name) else { return [] }
      var result: [String] = []
      SyntaxWalk.forEachExpression(in: definition.body) { expression in
        if case .call(let callee?, _, _) = expression.kind, !result.contains(callee),
          context.definition(named: callee) != nil
        {
          result.append(callee)
        }
      }
      return result
    }
    func visit(_ name: String) {
      index[name] = index.count
      lowLink[name] = index[name]
      stack.append(name)
      onStack.insert(name)
      let next = callees(of: name)
      // A callee whose component is already known (found by an earlier search) cannot be on
      // a cycle through this function, or that search would have reached this one.
      for callee in next where components[callee] == nil {
        if index[callee] == nil {
          visit(callee)
          lowLink[name] = min(lowLink[name]!, lowLink[callee]!)
        } else if onStack.contains(callee) {
          lowLink[name] = min(lowLink[name]!, index[callee]!)
        }
      }
      guard lowLink[name] == index[name] else { return }
      var members: Set<String> = []
      while let top = stack.popLast() {
        onStack.remove(top)
        members.insert(top)
        if top == name { break }
      }
      let recursive = members.count > 1 || next.contains(name)
      for member in members { found[member] = recursive ? members : [] }
    }
    visit(name)
    components.merge(found) { old, _ in old }
    return components[name] ?? []
  }
}
