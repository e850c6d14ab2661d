import CSyntax
import DoscSupport
import DoscManifest
import SymbolicAlgebra

/// For each site: the loop around it and how many tasks one invocation of the spawning
/// function spawns, which tells the policy how much parallelism a site offers.
enum SiteLoops {
  static func describe(_ sites: [SpawnSite], context: AnalysisContext) -> [Manifest.Site] {
    var frames: [Int: LoopFrame] = [:]
    for functionName in Set(sites.map(\.function.name)).sorted() {
      guard let function = sites.first(where: { $0.function.name == functionName })?.function else { continue }
      let starts = Set(sites.filter { $0.function.name == functionName }.map(\.statement.range.lowerBound))
      let analyzer = FunctionAnalyzer(
        function: function, context: context,
        mode: .loopsOnly { statement, loops in
          if starts.contains(statement.range.lowerBound), frames[statement.range.lowerBound] == nil,
            var innermost = loops.last
          {
            // The trip count is C at the site: an outer variable counted from its least value
            // is named there (`CountedLoop.inCNames`).
            if let tripCount = innermost.counted?.tripCount { innermost.counted?.tripCount = loops.inCNames(tripCount) }
            frames[statement.range.lowerBound] = innermost
          }
        })
      _ = analyzer.run()
    }

    func tripCount(_ site: SpawnSite) -> Polynomial? {
      guard let frame = frames[site.statement.range.lowerBound] else { return .one }
      guard let count = frame.counted.map({ stripCurrentMarkers($0.tripCount) }) else { return nil }
      guard !count.variables.isEmpty else { return count }
      // The count names what the loop's header sees; the generated code evaluates it at the
      // spawn, where a name declared in the loop's body hides that (a block's `static int n;`
      // in a loop to `n`): none, rather than another variable's value.
      let hidden = StatementScope(at: site.statement.range.lowerBound, in: site.function).declaredInInnermostLoop
      return count.variables.isDisjoint(with: hidden) ? count : nil
    }
    let tripCounts = sites.map(tripCount)
    // Once per function, not per site: a function of 10^4 sites took minutes (n^2 sums).
    var siblingsOf: [String: Polynomial?] = [:]
    for (site, count) in zip(sites, tripCounts) {
      let total = siblingsOf[site.function.name] ?? .some(.zero)
      siblingsOf[site.function.name] = total.flatMap { total in count.map { total + $0 } }
    }
    return zip(sites, tripCounts).map { site, tripCount in
      let siblings = siblingsOf[site.function.name] ?? nil
      let loop = frames[site.statement.range.lowerBound].map {
        Manifest.Site.Loop(location: manifestLocation($0.location), tripCount: ManifestExpression(tripCount))
      }
      return Manifest.Site(
        id: site.id, task: site.callee, location: manifestLocation(site.call.location), function: site.function.name,
        binding: .auto, result: site.result?.text, loop: loop, siblings: ManifestExpression(siblings))
    }
  }

  /// In the spawning function, a variable's current value is what the generated code sees.
  static func stripCurrentMarkers(_ value: Polynomial) -> Polynomial {
    let renames = value.variables.filter { $0.hasSuffix("#cur") }
    return value.substituting(
      Dictionary(uniqueKeysWithValues: renames.map { ($0, Polynomial.variable(String($0.dropLast(4)))) }))
  }
}

/// A loop around a statement: where it is and, when it is counted, its shape.
struct LoopFrame {
  var location: SourceLocation
  var counted: CountedLoop?
}

extension [LoopFrame] {
  /// `value`, in the symbols of these loops (outermost first), with each variable counted from
  /// its least value written as what it counts (`CountedLoop.inCNames`), for C where they are in
  /// scope. Innermost first: a least value names the symbols of the loops outside it only
  /// (`j` from `i` is `-3 + i#from + j#from`), which the outer loops then rewrite.
  func inCNames(_ value: Polynomial) -> Polynomial {
    reversed().compactMap(\.counted).reduce(value) { $1.inCNames($0) }
  }
}
