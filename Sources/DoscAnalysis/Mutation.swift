import CSyntax

/// Which variables a function changes, and where. A variable assigned at most once (and
/// whose address is never taken) has one value, which the analysis can use symbolically; a
/// variable changed inside a loop is not invariant in that loop.
struct MutationFacts {
  /// Number of assignments (including an initializer) per variable name.
  private(set) var assignments: [String: Int] = [:]
  /// The values given to each variable by `=` and by its initializer, in source order.
  private(set) var assignedValues: [String: [Expr]] = [:]
  /// Variables whose address is taken: anything may change them.
  private(set) var addressTaken: Set<String> = []
  /// Per loop statement (by start offset): names assigned anywhere inside it (inside any loop
  /// that starts at the same place: the loops of one macro's expansion).
  private(set) var modifiedInLoop: [Int: Set<String>] = [:]
  /// Per loop statement: names assigned in its body alone (not its header).
  private(set) var modifiedInLoopBody: [Int: Set<String>] = [:]

  init(_ function: FunctionDefinition) {
    self.init(function.body)
  }

  /// What `statement` alone changes.
  init(_ statement: Stmt) {
    _ = visit(statement)
  }

  func isSingleAssignment(_ name: String) -> Bool {
    (assignments[name] ?? 0) <= 1 && !addressTaken.contains(name)
  }

  /// Whether `name` is assigned exactly `count` times in the function (its initializer
  /// included) and its address is never taken.
  func isAssigned(_ name: String, exactly count: Int) -> Bool {
    assignments[name] == count && !addressTaken.contains(name)
  }

  func isModified(_ name: String) -> Bool { (assignments[name] ?? 0) > 0 || addressTaken.contains(name) }

  /// Whether some loop changes `name`, in its header or its body.
  func isModifiedInSomeLoop(_ name: String) -> Bool { modifiedInLoop.values.contains { $0.contains(name) } }

  /// Returns the names modified within `statement`.
  private mutating func visit(_ statement: Stmt) -> Set<String> {
    var modified: Set<String> = []
    switch statement.kind {
    case .declaration(let variables):
      for variable in variables {
        if let initializer = variable.initializer {
          assignments[variable.name, default: 0] += 1
          assignedValues[variable.name, default: []].append(initializer)
          modified.insert(variable.name)
          visit(initializer, into: &modified)
        }
      }
    case .expression(let expression), .returnStatement(let expression?):
      visit(expression, into: &modified)
    case .ifStatement(let condition, _, _), .switchStatement(let condition, _), .whileLoop(let condition, _),
      .doWhile(_, let condition):
      visit(condition, into: &modified)
    case .forLoop(_, let condition, let increment, _):
      if let condition { visit(condition, into: &modified) }
      if let increment { visit(increment, into: &modified) }
    default:
      break
    }
    for child in statement.children {
      let inner = visit(child)
      modified.formUnion(inner)
      switch statement.kind {
      case .forLoop(_, _, _, let body) where body == child,
        .whileLoop(_, let body) where body == child,
        .doWhile(let body, _) where body == child:
        modifiedInLoopBody[statement.range.lowerBound, default: []].formUnion(inner)
      default: break
      }
    }
    // Loops of one macro's expansion start at one place (`#define TWO for (...) k++; for (...)`):
    // each is given what all of them change, a set that holds what it changes (the last one's
    // alone made `k` look invariant in the first loop: a footprint of one element for n).
    switch statement.kind {
    case .forLoop, .whileLoop, .doWhile: modifiedInLoop[statement.range.lowerBound, default: []].formUnion(modified)
    default: break
    }
    return modified
  }

  /// Adds the names modified within `expression` to `modified`: one set for a whole tree, as
  /// a set per node, merged upwards, costs n^2 in a chain n deep (`v0 = v1 = ... = 0`).
  private mutating func visit(_ expression: Expr, into modified: inout Set<String>) {
    switch expression.kind {
    case .binary(let op, let target, let value) where op.hasSuffix("=") && !["==", "!=", "<=", ">="].contains(op):
      if let name = target.assignedName {
        assignments[name, default: 0] += 1
        modified.insert(name)
        // `p += k` keeps the memory `p` points into (C has no other compound operator on pointers).
        // "?=" (an operator hidden in a macro) may be a plain `=`.
        if op == "=" || op == "?=" { assignedValues[name, default: []].append(value) }
      }
    case .unary(let op, let target) where op.contains("++") || op.contains("--"):
      if let name = target.assignedName {
        assignments[name, default: 0] += 2
        modified.insert(name)
      }
    case .unary("&", let target):
      if let name = target.assignedName {
        addressTaken.insert(name)
        modified.insert(name)
      }
    default:
      break
    }
    for child in expression.children { visit(child, into: &modified) }
  }
}

extension Expr {
  /// The variable an assignment to this expression changes, when it is a plain name
  /// (`x = ...`, `x++`), possibly behind casts.
  var assignedName: String? {
    switch kind {
    case .name(let name, .local), .name(let name, .parameter): name
    case .cast(let inner): inner.assignedName
    default: nil
    }
  }
}
