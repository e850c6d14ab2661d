import CClang

/// The source extents of a function's expression and statement cursors, each found once.
///
/// clang does not store where a binary expression starts or where an `if` ends: it walks down
/// to the operand or branch that does (`BinaryOperator::getBeginLoc` is its left operand's).
/// Asking libclang for the extent of every node of a chain of n terms (`v+1+1+...`, a tree
/// leaning n deep) walks n^2 nodes: minutes for one 200,000-term line, where cc takes a
/// fraction of a second. For the kinds whose ends clang takes from their operands, the extent
/// here is built from the operands' own, remembered: the same `CXSourceRange` libclang gives,
/// in time linear in the tree.
final class CursorExtents {
  private struct Node: Hashable {
    var kind: UInt32
    var stmt: UnsafeRawPointer?
  }
  private var known: [Node: CXSourceRange] = [:]
  private let mapper: LocationMapper

  init(mapper: LocationMapper) {
    self.mapper = mapper
  }

  func extent(of cursor: CXCursor) -> CXSourceRange {
    // Only expressions and statements have a clang `Stmt` in `data.1` to remember them by.
    guard clang_isExpression(cursor.kind) != 0 || clang_isStatement(cursor.kind) != 0 else {
      return clang_getCursorExtent(cursor)
    }
    let node = Node(kind: cursor.kind.rawValue, stmt: cursor.data.1)
    if let extent = known[node] { return extent }
    let extent = fromOperands(cursor) ?? clang_getCursorExtent(cursor)
    known[node] = extent
    return extent
  }

  /// The extent of a node whose start or end is its operands', as clang 14 defines them, or
  /// nil where it is not (or cannot be told) from here.
  private func fromOperands(_ cursor: CXCursor) -> CXSourceRange? {
    switch cursor.kind {
    case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
      let parts = children(of: cursor)
      guard parts.count == 2 else { return nil }
      return span(from: start(of: parts[0]), to: end(of: parts[1]))
    case CXCursor_ConditionalOperator:
      let parts = children(of: cursor)
      guard parts.count == 3 else { return nil }
      return span(from: start(of: parts[0]), to: end(of: parts[2]))
    case CXCursor_UnaryOperator:
      // A prefix operator starts at itself and ends where its operand does. libclang's
      // location of the cursor is its operator or its start: before the operand's start, it
      // is a prefix operator's, whichever it is. Else (postfix, or both in one macro
      // expansion) libclang's own extent.
      let parts = children(of: cursor)
      guard parts.count == 1 else { return nil }
      let location = clang_getCursorLocation(cursor)
      let operandStart = start(of: parts[0])
      guard mapper.location(location).offset < mapper.location(operandStart).offset else { return nil }
      return span(from: location, to: end(of: parts[0]))
    case CXCursor_IfStmt:
      // C's `if` has no init statement or condition variable: (condition, then[, else]).
      // It starts at `if` (libclang's location of a statement is its start) and ends where
      // its last branch does: an `else if` chain is an `if` nested per branch.
      let parts = children(of: cursor)
      guard parts.count == 2 || parts.count == 3 else { return nil }
      return span(from: clang_getCursorLocation(cursor), to: end(of: parts[parts.count - 1]))
    default:
      return nil
    }
  }

  private func start(of cursor: CXCursor) -> CXSourceLocation { clang_getRangeStart(extent(of: cursor)) }
  private func end(of cursor: CXCursor) -> CXSourceLocation { clang_getRangeEnd(extent(of: cursor)) }

  private func span(from start: CXSourceLocation, to end: CXSourceLocation) -> CXSourceRange? {
    let range = clang_getRange(start, end)
    return clang_Range_isNull(range) != 0 ? nil : range
  }
}
