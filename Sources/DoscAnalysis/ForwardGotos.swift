import CSyntax

/// The `goto`s that only skip code forward (TSVC's `if (c[i] < 0.) goto L20; ...; goto L10;
/// L20: ...; L10:;` in a loop body, `goto out;` to a function's cleanup): the label is a
/// statement of a block that holds the `goto`, after the statement of that block the `goto`
/// is in, with only blocks, `if`s and labels between that block and the `goto`: no loop or
/// `switch` is left or entered, so no code runs twice. The walk carries the path that jumps to the
/// label and joins it there with the path that falls through (`AccessSummary.jump(to:)`,
/// `land(at:)`). Any other `goto` may repeat code (`FunctionAnalyzer.firstJumpBack`). A label
/// and a `goto` are known by where their statements start; one whose place another shares
/// (two in one macro's expansion) is not told apart, and counts as no forward `goto`.
struct ForwardGotos {
  /// The forward `goto`s, by where each starts, with where their label's statement starts.
  private var labels: [Int: Int] = [:]

  init(_ body: Stmt) {
    var labelCounts: [Int: Int] = [:]
    /// The statements around the one being visited, outermost first, each with the place among
    /// its children of the next one.
    var around: [(statement: Stmt, child: Int)] = []
    /// Each `goto` with a label: where it starts, its label, the statements around it.
    var gotos: [(start: Int, label: Int, around: [(statement: Stmt, child: Int)])] = []
    /// Per label: the block it is a statement of (through other labels), as the places of the
    /// statements from the body down to it, and its place there.
    var places: [Int: (block: [Int], index: Int)] = [:]
    func visit(_ statement: Stmt) {
      switch statement.kind {
      case .labeled:
        labelCounts[statement.range.lowerBound, default: 0] += 1
      case .gotoStatement(let label?):
        gotos.append((statement.range.lowerBound, label, around))
      case .compound(let items):
        for (index, item) in items.enumerated() {
          var labeled: Stmt? = item
          // `L1: L2: case 3: s`: each label is a statement of this block, at this place.
          while let current = labeled {
            switch current.kind {
            case .labeled(let inner), .caseLabel(let inner):
              if case .labeled = current.kind { places[current.range.lowerBound] = (around.map { $0.child }, index) }
              labeled = inner
            default:
              labeled = nil
            }
          }
        }
      default:
        break
      }
      for (index, child) in statement.children.enumerated() {
        around.append((statement, index))
        visit(child)
        around.removeLast()
      }
    }
    visit(body)
    // Two `goto`s of one macro's expansion start at one place: not told apart either.
    let gotoCounts = Dictionary(gotos.map { ($0.start, 1) }, uniquingKeysWith: +)
    for (start, label, around) in gotos {
      guard start < label, gotoCounts[start] == 1, labelCounts[label] == 1, let (block, labelIndex) = places[label],
        block.count < around.count,
        around.prefix(block.count).map({ $0.child }) == block, case .compound = around[block.count].statement.kind
      else { continue }
      // The `goto` lies in the block's statement at `gotoIndex`, inside the statements after it.
      let gotoIndex = around[block.count].child
      guard gotoIndex < labelIndex, around[(block.count + 1)...].allSatisfy({ $0.statement.isPassedByJumpsForward })
      else { continue }
      labels[start] = label
    }
  }

  /// Where the label of `statement`, a forward `goto`, starts; nil for any other statement.
  func label(of statement: Stmt) -> Int? { labels[statement.range.lowerBound] }
}

extension Stmt {
  /// Whether a `goto` inside this statement that jumps past its end leaves no loop or
  /// `switch` (blocks, `if`s, labels, `case`s of a `switch` the label is in too).
  fileprivate var isPassedByJumpsForward: Bool {
    switch kind {
    case .compound, .ifStatement, .labeled, .caseLabel: true
    default: false
    }
  }
}
