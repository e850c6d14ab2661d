import CClang
import DoscSupport

/// A file of the user's that the main file includes, directly or through other headers.
struct UserInclusion {
  var path: String
  /// Where the preprocessor skipped text in it (`#if 0`), as byte offsets.
  var skippedRanges: [Range<Int>]
  /// The main file's `#include` at the bottom of each inclusion chain that reaches the file
  /// (none for a file only the command line includes).
  var inclusions: [SourceLocation]
}

extension ClangSession {
  /// Every non-system file the translation unit includes, in the order first included. System
  /// headers are left out: they hold no dosc directives, and scanning them would cost more
  /// than the parse.
  func userInclusions() -> [UserInclusion] {
    var visits: [(file: CXFile, mainFileInclude: CXSourceLocation)] = []
    withUnsafeMutablePointer(to: &visits) { pointer in
      clang_getInclusions(
        unit,
        { file, stack, depth, data in
          // Depth 0 is the main file itself.
          guard let file, let stack, depth > 0 else { return }
          data!.assumingMemoryBound(to: [(file: CXFile, mainFileInclude: CXSourceLocation)].self).pointee.append(
            (file, stack[Int(depth) - 1]))
        }, pointer)
    }
    var byPath: [String: UserInclusion] = [:]
    var order: [String] = []
    for visit in visits {
      let start = clang_getLocationForOffset(unit, visit.file, 0)
      guard clang_Location_isInSystemHeader(start) == 0 else { continue }
      let path = mapper.name(of: visit.file)
      if byPath[path] == nil {
        order.append(path)
        byPath[path] = UserInclusion(path: path, skippedRanges: skippedRanges(in: visit.file), inclusions: [])
      }
      // A chain that starts outside the main file (`-include pre.h` on the command line starts
      // in clang's built-in buffer) is at file scope: its offsets are not the main file's.
      guard clang_Location_isFromMainFile(visit.mainFileInclude) != 0 else { continue }
      let include = mapper.location(visit.mainFileInclude)
      if !byPath[path]!.inclusions.contains(include) { byPath[path]!.inclusions.append(include) }
    }
    return order.map { byPath[$0]! }
  }
}
