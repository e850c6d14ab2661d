/// Walks of the converted syntax: every statement, every expression.
public enum SyntaxWalk {
  public static func forEachStatement(in statement: Stmt, _ visit: (Stmt) -> Void) {
    visit(statement)
    for child in statement.children { forEachStatement(in: child, visit) }
  }

  /// Every expression in `statement`, including those nested in sub-statements.
  public static func forEachExpression(in statement: Stmt, _ visit: (Expr) -> Void) {
    forEachStatement(in: statement) { node in
      for root in expressions(directlyIn: node) { forEachExpression(in: root, visit) }
    }
  }

  public static func forEachExpression(in expression: Expr, _ visit: (Expr) -> Void) {
    visit(expression)
    for child in expression.children { forEachExpression(in: child, visit) }
  }

  private static func expressions(directlyIn statement: Stmt) -> [Expr] {
    switch statement.kind {
    case .expression(let e): [e]
    case .declaration(let declarations): declarations.compactMap(\.initializer)
    case .ifStatement(let condition, _, _): [condition]
    case .forLoop(_, let condition, let increment, _): [condition, increment].compactMap { $0 }
    case .whileLoop(let condition, _), .doWhile(_, let condition), .switchStatement(let condition, _): [condition]
    case .returnStatement(let value): value.map { [$0] } ?? []
    default: []
    }
  }
}
