import CClang
import DoscSupport

/// A file of the user's that the main file includes, directly or through other headers.
struct UserInclusion {
  var path: String
  /// Where the preprocessor skipped text (`#if 0`) every time it read the file, as byte
  /// offsets: text one inclusion skips and another reads is read.
  var skippedRanges: [Range<Int>]
  /// The main file's `#include` at the bottom of each inclusion chain that reaches the file
  /// (none for a file only the command line's `-include` brings in).
  var inclusions: [SourceLocation]
}

extension ClangSession {
  /// Every file the translation unit includes that may hold the user's dosc directives, in
  /// the order first included: the non-system ones, and any file the main file includes inside
  /// one of its functions (a header found through `-isystem` too: its text lands in a function
  /// dosc rewrites). Other system headers are left out: they hold no dosc directives, and
  /// scanning them would cost more than the parse.
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
    // One visit per time the preprocessor entered the file.
    var entries: [String: Int] = [:]
    var byPath: [String: UserInclusion] = [:]
    var order: [String] = []
    for visit in visits {
      let path = mapper.name(of: visit.file)
      entries[path, default: 0] += 1
      var include: SourceLocation?
      if clang_Location_isFromMainFile(visit.mainFileInclude) != 0 {
        include = mapper.location(visit.mainFileInclude)
      }
      let insideFunction = include.map { at in mainFileFunctions.contains { $0.range.contains(at.offset) } } ?? false
      let start = clang_getLocationForOffset(unit, visit.file, 0)
      guard clang_Location_isInSystemHeader(start) == 0 || insideFunction || byPath[path] != nil else { continue }
      if byPath[path] == nil {
        order.append(path)
        byPath[path] = UserInclusion(path: path, skippedRanges: [], inclusions: [])
      }
      if let include, !byPath[path]!.inclusions.contains(include) { byPath[path]!.inclusions.append(include) }
    }
    let skipped = skippedRangesByFile()
    for path in order {
      byPath[path]!.skippedRanges = Self.skippedEveryTime(skipped[path] ?? [], entries: entries[path] ?? 1)
    }
    return order.map { byPath[$0]! }
  }

  /// Every range the preprocessor skipped, by file, once per time it skipped it.
  /// (`clang_getSkippedRanges` answers for a file's first inclusion only.)
  private func skippedRangesByFile() -> [String: [Range<Int>]] {
    guard let list = clang_getAllSkippedRanges(unit) else { return [:] }
    defer { clang_disposeSourceRangeList(list) }
    var byFile: [String: [Range<Int>]] = [:]
    for number in 0..<Int(list.pointee.count) {
      let range = list.pointee.ranges[number]
      let start = mapper.location(clang_getRangeStart(range))
      let end = mapper.location(clang_getRangeEnd(range))
      byFile[start.file, default: []].append(start.offset..<max(start.offset, end.offset))
    }
    return byFile
  }

  /// The offsets covered by `entries` of `ranges`: the ranges of one entry into a file do not
  /// overlap, so those are the offsets every entry skipped.
  static func skippedEveryTime(_ ranges: [Range<Int>], entries: Int) -> [Range<Int>] {
    let boundaries = Set(ranges.flatMap { [$0.lowerBound, $0.upperBound] }).sorted()
    var result: [Range<Int>] = []
    for (low, high) in zip(boundaries, boundaries.dropFirst()) {
      guard ranges.count(where: { $0.contains(low) }) >= entries else { continue }
      if let last = result.last, last.upperBound == low {
        result[result.count - 1] = last.lowerBound..<high
      } else {
        result.append(low..<high)
      }
    }
    return result
  }
}
