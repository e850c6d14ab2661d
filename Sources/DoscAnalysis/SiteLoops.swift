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

    // Each figure is evaluated at the spawn (the batch test, `dosc explain`): a name in it
    // must mean there the variable it meant where it was counted, at the header of the loop
    // around its site. Where not (a block's `extern long n;` in the loop's body, another
    // block's `n` at another site of the function), the figure is null at that site.
    var scopes: [Int: StatementScope] = [:]
    func scope(_ site: SpawnSite) -> StatementScope {
      if let known = scopes[site.id] { return known }
      let scope = StatementScope(at: site.statement.range.lowerBound, in: site.function)
      scopes[site.id] = scope
      return scope
    }
    func tripCount(_ site: SpawnSite) -> CountedNames? {
      guard let frame = frames[site.statement.range.lowerBound] else { return CountedNames(value: .one) }
      guard let count = frame.counted.map({ stripCurrentMarkers($0.tripCount) }) else { return nil }
      guard !count.variables.isEmpty else { return CountedNames(value: count) }
      let there = scope(site)
      var named = CountedNames(value: count)
      for name in count.variables {
        named.declarations[name] = there.declaration(of: name, inInnermostLoopsHeader: true)
      }
      return named.meansTheSame(at: there) ? named : nil
    }
    let tripCounts = sites.map(tripCount)
    // Once per function, not per site: a function of 10^4 sites took minutes (n^2 sums). A
    // function with a count unknown has none: `[String: Polynomial?]` updated with an optional
    // lost it, and the sum started again after it (`(n+10)/11+1` for 3 + unknown + 1 + ...).
    var siblingsOf: [String: CountedNames] = [:]
    var siblingsUnknown: Set<String> = []
    for (site, count) in zip(sites, tripCounts) where !siblingsUnknown.contains(site.function.name) {
      let name = site.function.name
      guard let count, let total = (siblingsOf[name] ?? CountedNames(value: .zero)).adding(count) else {
        siblingsUnknown.insert(name)
        siblingsOf[name] = nil
        continue
      }
      siblingsOf[name] = total
    }
    return zip(sites, tripCounts).map { site, count in
      let total = siblingsOf[site.function.name]
      let siblings = total.flatMap { $0.declarations.isEmpty || $0.meansTheSame(at: scope(site)) ? $0.value : nil }
      let loop = frames[site.statement.range.lowerBound].map {
        Manifest.Site.Loop(location: manifestLocation($0.location), tripCount: ManifestExpression(count?.value))
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

/// A site's figure with where each variable it names is declared, where it was counted (nil:
/// in no block of the function, a parameter or a global).
struct CountedNames {
  var value: Polynomial
  var declarations: [String: SourceLocation?] = [:]

  /// Whether each name means at `scope` the variable it meant where counted.
  func meansTheSame(at scope: StatementScope) -> Bool {
    declarations.allSatisfy { name, declared in scope.declaration(of: name) == declared }
  }

  /// The sum; nil where a name means two variables in the two.
  func adding(_ other: CountedNames) -> CountedNames? {
    var sum = CountedNames(value: value + other.value, declarations: declarations)
    for (name, declared) in other.declarations {
      if let known = sum.declarations[name], known != declared { return nil }
      sum.declarations[name] = declared
    }
    return sum
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
