import DoscSupport

/// What a statement of a function body sees of the function, by one walk from the body down to
/// it: the variables declared before it in every block around it, a `for` loop's own included,
/// and the loops around it. The rewriter compiles figures over these names at a spawn
/// (`SiteScope`); the analyzer asks whether a name means there what it meant where a figure
/// was made (`SiteLoops`).
public struct StatementScope: Sendable {
  public struct Declared: Sendable {
    public var variable: VariableDeclaration
    /// How many of the loops around the statement this declaration is in the body of: one in
    /// a `for` loop's header is in none of that loop's.
    public var loopDepth: Int
  }

  /// In the order declared, outermost first: a later one hides an earlier one of its name.
  /// The function's parameters are not among them.
  public var declarations: [Declared]
  /// The byte ranges of the loops around the statement, outermost first.
  public var loops: [Range<Int>]

  /// The scope of the statement that starts at `offset`.
  public init(at offset: Int, in function: FunctionDefinition) {
    var declarations: [Declared] = []
    var loops: [Range<Int>] = []
    func declare(_ statement: Stmt?) {
      guard case .declaration(let variables)? = statement?.kind else { return }
      declarations += variables.map { Declared(variable: $0, loopDepth: loops.count) }
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
    self.declarations = declarations
    self.loops = loops
  }

  /// Where the variable a name means here is declared: its last declaration in scope, or, with
  /// `inInnermostLoopsHeader`, the last outside that loop's body (what the loop's header sees).
  /// Nil for a name no block of the function declares: a parameter's, a global's.
  public func declaration(of name: String, inInnermostLoopsHeader: Bool = false) -> SourceLocation? {
    let depth = inInnermostLoopsHeader ? loops.count - 1 : loops.count
    return declarations.last { $0.variable.name == name && $0.loopDepth <= depth }?.variable.location
  }
}
