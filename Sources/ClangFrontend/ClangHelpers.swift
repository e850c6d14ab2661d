import CClang
import CSyntax
import DoscSupport

/// Converts a CXString to a Swift String and disposes it.
func consume(_ string: CXString) -> String {
  defer { clang_disposeString(string) }
  guard let pointer = clang_getCString(string) else { return "" }
  return String(cString: pointer)
}

/// The direct children of a cursor, in source order.
func children(of cursor: CXCursor) -> [CXCursor] {
  var result: [CXCursor] = []
  withUnsafeMutablePointer(to: &result) { pointer in
    _ = clang_visitChildren(
      cursor,
      { child, _, data in
        data!.assumingMemoryBound(to: [CXCursor].self).pointee.append(child)
        return CXChildVisit_Continue
      }, pointer)
  }
  return result
}

func isExpression(_ cursor: CXCursor) -> Bool { clang_isExpression(cursor.kind) != 0 }
func isStatementOrExpression(_ cursor: CXCursor) -> Bool {
  clang_isStatement(cursor.kind) != 0 || clang_isExpression(cursor.kind) != 0
}
func isNull(_ cursor: CXCursor) -> Bool { clang_Cursor_isNull(cursor) != 0 }

/// Maps clang locations to dosc's, through macro expansions to where the user wrote the code.
final class LocationMapper {
  private var fileNames: [UnsafeMutableRawPointer: String] = [:]

  func location(_ location: CXSourceLocation) -> SourceLocation {
    var file: CXFile?
    var line: UInt32 = 0
    var column: UInt32 = 0
    var offset: UInt32 = 0
    clang_getExpansionLocation(location, &file, &line, &column, &offset)
    return SourceLocation(file: name(of: file), line: Int(line), column: Int(column), offset: Int(offset))
  }

  func name(of file: CXFile?) -> String {
    guard let file else { return "<unknown>" }
    if let cached = fileNames[file] { return cached }
    let name = consume(clang_getFileName(file))
    fileNames[file] = name
    return name
  }

  func location(of cursor: CXCursor) -> SourceLocation { location(clang_getCursorLocation(cursor)) }

  /// The cursor's extent as byte offsets (expansion locations).
  func range(of cursor: CXCursor) -> Range<Int> { range(clang_getCursorExtent(cursor)) }

  /// An extent as byte offsets (expansion locations).
  func range(_ extent: CXSourceRange) -> Range<Int> {
    let start = location(clang_getRangeStart(extent)).offset
    let end = location(clang_getRangeEnd(extent)).offset
    return start..<max(start, end)
  }

  /// Where an extent starts: for a cursor, its first token, whereas `clang_getCursorLocation`
  /// points at the operator of some expressions.
  func start(_ extent: CXSourceRange) -> SourceLocation { location(clang_getRangeStart(extent)) }
}
