import CSyntax

/// Loops bounded by a field of a structure passed by value (`for (i = r.lo; i < r.hi; i++)`
/// with `struct range r`). A figure is an expression over the task's scalar parameters, which
/// the runtime evaluates from the spawn's arguments; a field of a structure argument is none of
/// them (and a site passing a structure by value is not shipped: SPEC-additions, section 4),
/// so such a loop has no trip count. The reason names the field, where the loop would
/// otherwise only say it has no trip count.
extension FunctionAnalyzer {
  func noteStructFieldBound(of loop: Stmt) {
    let condition: Expr?
    switch loop.kind {
    case .forLoop(_, let test, _, _): condition = test
    case .whileLoop(let test, _), .doWhile(_, let test): condition = test
    default: condition = nil
    }
    guard let condition else { return }
    SyntaxWalk.forEachExpression(in: condition) { expression in
      guard case .member(let base, _, arrow: false) = expression.kind, case .name(_, .parameter(let index)) = base.kind,
        function.parameters[index].type.kind == .record
      else { return }
      summary.addReason(Reason(.boundedByStructField, expression.text, at: expression.location))
    }
  }
}
