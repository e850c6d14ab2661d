import CSyntax
import SymbolicAlgebra

/// How many recursive calls one invocation may make when some of them are in loops (a search
/// that tries each of n choices and recurses under a test, n-queens' free columns): the sum,
/// over the recursive calls, of the product of the trip counts of the counted loops around
/// each. An upper bound: a call under a test, or after a `break`, may run fewer times, never
/// more. A call in a loop whose trip count is not known, or in a loop's header, has none.
enum RecursionFanOut {
  enum Outcome: Equatable {
    case bounded(Polynomial)
    case unbounded(String)
  }

  /// `calls`: each recursive call with the statement that evaluates it (its own expressions,
  /// not a sub-statement's, hold the call).
  static func fanOut(of function: FunctionDefinition, calls: [(call: Expr, statement: Stmt)], context: AnalysisContext)
    -> Outcome
  {
    for (call, statement) in calls {
      switch statement.kind {
      case .forLoop, .whileLoop, .doWhile:
        return .unbounded(
          "the recursive call at \(call.location.withBaseName) is in a loop's header: it runs once per iteration")
      default: break
      }
    }
    let starts = Set(calls.map(\.statement.range.lowerBound))
    var frames: [Int: [LoopFrame]] = [:]
    let analyzer = FunctionAnalyzer(
      function: function, context: context,
      mode: .loopsOnly { statement, loops in
        if starts.contains(statement.range.lowerBound), frames[statement.range.lowerBound] == nil {
          frames[statement.range.lowerBound] = loops
        }
      })
    _ = analyzer.run()
    var total = Polynomial.zero
    for (call, statement) in calls {
      // A statement the walk never reaches (after a `return`) runs no call.
      guard let loops = frames[statement.range.lowerBound] else { continue }
      var product = Polynomial.one
      for loop in loops {
        guard let counted = loop.counted else {
          return .unbounded(
            "the recursive call at \(call.location.withBaseName) is in the loop at \(loop.location.withBaseName), "
              + "whose trip count is not known: one invocation may make any number of calls")
        }
        // A trip count may be negative where the loop does not run: count it as none.
        // In the function itself a name's current value (`n#cur`) is the parameter's own for a
        // parameter no statement changes; the caller keeps only those.
        product = product * .maximum(SiteLoops.stripCurrentMarkers(loops.inCNames(counted.tripCount)), .zero)
      }
      total += product
    }
    return .bounded(total)
  }
}
