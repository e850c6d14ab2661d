import CClang
import Foundation

/// The operators of a file's functions read where clang itself spells them once every macro is
/// expanded, through any number of macro levels.
///
/// libclang 14 has no call for an operator's kind, and in a macro's body the operator's token
/// has no location it reports (only the macro's use, or, through `clang_tokenize`, where the
/// innermost token is spelled): `#define CW(z) ((z) * SX)` with `#define SX 100` hides the `*`
/// of `CW(i)` from every text search, since neither operand is spelled next to it. clang's
/// printer does know the operator: `clang_getCursorPrettyPrinted` prints a function as C with
/// every macro expanded and each binary operator as `lhs op rhs`. So the main file is parsed a
/// second time with each of its function definitions replaced by clang's print of it, where no
/// operator is in a macro; the two trees of one function are walked side by side, and where
/// they agree node by node (kind and number of children), an operator of the print's tree is
/// the one of the source's node at the same place. Where they differ (a print that does not
/// parse back the same), that part is left out and the caller falls back to reading text.
///
/// A function is read so only where the second parse prints as the first does: the print is
/// parsed with the macros of the place it stands in, and a macro that names itself (`#define B
/// 3 - B`, left in the print as `B`) or one a replaced body `#undef`s or `#define`s would expand
/// there again or differently, into a tree that may still agree node by node but hold other
/// operators (review of the change: a `*` read as `-`, a footprint below the truth).
///
/// The second parse is made once per file, when the first operator no text search finds is met.
final class ExpandedOperators {
  /// A function definition of the main file and its extent there, as byte offsets.
  struct Definition {
    var name: String
    var cursor: CXCursor
    var range: Range<Int>
  }

  private let path: String
  private let arguments: [String]
  private let functions: [Definition]
  private let originalText: [UInt8]
  private lazy var printed: PrintedUnit? = PrintedUnit(
    path: path, arguments: arguments, text: originalText, functions: functions)
  /// Per function already walked: its operator nodes (by clang `Stmt`) and their operators.
  private var walked: [String: [UnsafeRawPointer: String]] = [:]

  /// `text`: the main file's bytes, which `functions`' extents index.
  init(path: String, arguments: [String], text: [UInt8], functions: [Definition]) {
    self.path = path
    self.arguments = arguments
    self.originalText = text
    self.functions = functions
  }

  /// The operator of a `BinaryOperator`, `CompoundAssignOperator` or `UnaryOperator` cursor of
  /// the definition of `function` (a postfix step as `post++`/`post--`), or nil where the
  /// second parse does not tell it.
  func operatorOf(_ cursor: CXCursor, inFunction function: String) -> String? {
    guard let node = cursor.data.1 else { return nil }
    if let known = walked[function] { return known[node] }
    var found: [UnsafeRawPointer: String] = [:]
    if let printed, let source = functions.first(where: { $0.name == function })?.cursor,
      let copy = printed.definition(named: function),
      consume(clang_getCursorPrettyPrinted(copy, nil)) == consume(clang_getCursorPrettyPrinted(source, nil))
    {
      found = printed.operators(matching: source, in: copy)
    }
    walked[function] = found
    return found[node]
  }
}

/// The main file parsed again with its function definitions replaced by clang's print of them.
private final class PrintedUnit {
  private let index: CXIndex
  private let unit: CXTranslationUnit
  private let text: [UInt8]
  private let mapper = LocationMapper()
  private lazy var extents = CursorExtents(mapper: mapper)
  private var definitions: [String: CXCursor] = [:]

  init?(path: String, arguments: [String], text original: [UInt8], functions: [ExpandedOperators.Definition]) {
    // Later definitions first, so that the offsets of earlier ones still hold; one whose
    // extent overlaps another's (two made by one macro) is left as written.
    var text = original
    var replacedFrom = Int.max
    for function in functions.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
      guard function.range.upperBound <= replacedFrom, function.range.upperBound <= text.count else { continue }
      let print = consume(clang_getCursorPrettyPrinted(function.cursor, nil))
      guard !print.isEmpty else { continue }
      text.replaceSubrange(function.range, with: Array(print.utf8))
      replacedFrom = function.range.lowerBound
    }
    self.text = text
    let index = clang_createIndex(0, 0)!
    var parsed: CXTranslationUnit?
    let status = text.withUnsafeBufferPointer { bytes in
      bytes.withMemoryRebound(to: CChar.self) { contents in
        path.withCString { name in
          var unsaved = CXUnsavedFile(Filename: name, Contents: contents.baseAddress, Length: UInt(contents.count))
          return withCStrings(arguments) { argv in
            clang_parseTranslationUnit2(
              index, path, argv, Int32(arguments.count), &unsaved, 1, CXTranslationUnit_KeepGoing.rawValue, &parsed)
          }
        }
      }
    }
    guard status == CXError_Success, let parsed else {
      clang_disposeIndex(index)
      return nil
    }
    self.index = index
    self.unit = parsed
    for child in children(of: clang_getTranslationUnitCursor(parsed))
    where child.kind == CXCursor_FunctionDecl && clang_isCursorDefinition(child) != 0
      && clang_Location_isFromMainFile(clang_getCursorLocation(child)) != 0
    {
      definitions[consume(clang_getCursorSpelling(child))] = child
    }
  }

  deinit {
    clang_disposeTranslationUnit(unit)
    clang_disposeIndex(index)
  }

  func definition(named name: String) -> CXCursor? { definitions[name] }

  /// Walks `source` and `copy` side by side (iteratively: a chain of 10^5 terms is that deep),
  /// into the children of nodes that agree in kind and number of children; the operators of
  /// the operator nodes reached, read in the copy's text, keyed by the source's nodes.
  func operators(matching source: CXCursor, in copy: CXCursor) -> [UnsafeRawPointer: String] {
    var found: [UnsafeRawPointer: String] = [:]
    var pending = [(source, copy)]
    while let (original, printed) = pending.popLast() {
      guard original.kind == printed.kind else { continue }
      let originalParts = children(of: original)
      let printedParts = children(of: printed)
      guard originalParts.count == printedParts.count else { continue }
      if let node = original.data.1, let op = operatorOf(printed, parts: printedParts) {
        found[node] = op
      }
      pending += zip(originalParts, printedParts)
    }
    return found
  }

  private func operatorOf(_ cursor: CXCursor, parts: [CXCursor]) -> String? {
    switch cursor.kind {
    case CXCursor_BinaryOperator, CXCursor_CompoundAssignOperator:
      guard parts.count == 2 else { return nil }
      let between = code(from: offsets(of: parts[0]).upperBound, to: offsets(of: parts[1]).lowerBound)
      return BodyConverter.binaryOperators.contains(between) ? between : nil
    case CXCursor_UnaryOperator:
      guard parts.count == 1 else { return nil }
      let whole = offsets(of: cursor)
      let operand = offsets(of: parts[0])
      let before = code(from: whole.lowerBound, to: operand.lowerBound)
      let after = code(from: operand.upperBound, to: whole.upperBound)
      if after.isEmpty, BodyConverter.unaryOperators.contains(before) { return before }
      if before.isEmpty, after == "++" || after == "--" { return "post" + after }
      return nil
    default:
      return nil
    }
  }

  private func offsets(of cursor: CXCursor) -> Range<Int> { mapper.range(extents.extent(of: cursor)) }

  /// The printed text from `start` to `end`, white space around it removed ("" for an empty or
  /// reversed span).
  private func code(from start: Int, to end: Int) -> String {
    guard start >= 0, start <= end, end <= text.count else { return "" }
    return String(decoding: text[start..<end], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
