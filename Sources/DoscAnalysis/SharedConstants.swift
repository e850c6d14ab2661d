import CSyntax
import DoscSupport

/// Reads of globals. Every rank runs the same executable, so a global with the same bytes on
/// every rank (`GlobalConstancy.sameOnEveryRank`: an AES S-box, a CRC table, `static const
/// double coef[]`) reads the same on another rank and is not shipped: the task stays
/// remotable, and the manifest names it (`constant_globals`). Any other global keeps the task
/// on rank 0, which has the program's own copy.
extension FunctionAnalyzer {
  /// The constancy of each global the function names (a `static` local too). Two globals of
  /// one name (a `static` local shadowing a file-scope one) count as the less constant.
  static func globalConstancies(in function: FunctionDefinition) -> [String: GlobalConstancy] {
    var result: [String: GlobalConstancy] = [:]
    SyntaxWalk.forEachExpression(in: function.body) { expression in
      let name: String
      let constancy: GlobalConstancy
      switch expression.kind {
      case .name(let global, .global(let judged)): (name, constancy) = (global, judged)
      case .name(let global, .sharedConstantRead): (name, constancy) = (global, .sameOnEveryRank)
      default: return
      }
      if let known = result[name], known != constancy {
        result[name] = .mutable
      } else {
        result[name] = constancy
      }
    }
    return result
  }

  /// A load from the global `name` at `location` (directly, through a pointer into it, or by
  /// a callee or a library function given such a pointer).
  func readGlobal(_ name: String, at location: SourceLocation) {
    switch globalConstancies[name] {
    case .sameOnEveryRank: summary.noteSharedConstant(Reason(.readsSharedConstant, name, at: location))
    case .constButVarying(let why): summary.addReason(Reason(.readsVaryingConstant(why: why), name, at: location))
    case .mutable, nil: summary.addReason(Reason(.readsGlobal, name, at: location))
    }
  }
}
