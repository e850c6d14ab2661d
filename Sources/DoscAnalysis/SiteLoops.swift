import CSyntax
import DoscSupport
import DoscManifest
import SymbolicAlgebra

/// For each site: the loop around it and its batch (`SiteBatches`): how many tasks the spawning
/// invocation spawns with it before a taskwait, which tells the policy how much parallelism a
/// site offers.
enum SiteLoops {
  static func describe(
    _ sites: [SpawnSite], taskwaits: [TaskwaitPoint], context: AnalysisContext
  ) -> [Manifest.Site] {
    // Per function, the innermost loop around each statement (by its start).
    var frames: [String: [Int: LoopFrame]] = [:]
    var batches: [String: SiteBatches] = [:]
    for functionName in Set(sites.map(\.function.name)).sorted() {
      guard let function = sites.first(where: { $0.function.name == functionName })?.function else { continue }
      var around: [Int: LoopFrame] = [:]
      let analyzer = FunctionAnalyzer(
        function: function, context: context,
        mode: .loopsOnly { statement, loops in
          if around[statement.range.lowerBound] == nil, var innermost = loops.last {
            // The trip count is C at the site: an outer variable counted from its least value
            // is named there (`CountedLoop.inCNames`).
            if let tripCount = innermost.counted?.tripCount { innermost.counted?.tripCount = loops.inCNames(tripCount) }
            around[statement.range.lowerBound] = innermost
          }
        })
      _ = analyzer.run()
      frames[functionName] = around
      batches[functionName] = SiteBatches(
        function: function, sites: sites.filter { $0.function.name == functionName },
        waits: taskwaits.filter { $0.function.name == functionName }.map(\.pragma.range.lowerBound),
        jumps: analyzer.firstJumpBack != nil,
        tripCount: { loop in
          guard let body = loop.children.last, let frame = around[body.range.lowerBound],
            frame.location == loop.location,
            let count = frame.counted.map({ stripCurrentMarkers($0.tripCount) })
          else { return nil }
          var named = CountedNames(value: count)
          guard !count.variables.isEmpty else { return named }
          let header = StatementScope(at: body.range.lowerBound, in: function)
          for name in count.variables {
            named.declarations[name] = header.declaration(of: name, inInnermostLoopsHeader: true)
          }
          return named
        })
    }

    // Each figure is evaluated at the spawn (the batch test, `dosc explain`): a name in it
    // must mean there the variable it meant where it was counted, at the header of the loop
    // around its site, and hold the value it had there. Where not (a block's `extern long n;`
    // in the loop's body, another block's `n` at another site of the function, a variable the
    // loop changes), the figure is null at that site.
    var scopes: [Int: StatementScope] = [:]
    func scope(_ site: SpawnSite) -> StatementScope {
      if let known = scopes[site.id] { return known }
      let scope = StatementScope(at: site.statement.range.lowerBound, in: site.function)
      scopes[site.id] = scope
      return scope
    }
    func tripCount(_ site: SpawnSite) -> CountedNames? {
      guard let frame = frames[site.function.name]?[site.statement.range.lowerBound] else {
        return CountedNames(value: .one)
      }
      guard let count = frame.counted.map({ stripCurrentMarkers($0.tripCount) }) else { return nil }
      guard !count.variables.isEmpty else { return CountedNames(value: count) }
      let there = scope(site)
      guard let loop = there.loops.last,
        batches[site.function.name]?.unchanged(count, inLoopAt: loop.lowerBound) == true
      else { return nil }
      var named = CountedNames(value: count)
      for name in count.variables {
        named.declarations[name] = there.declaration(of: name, inInnermostLoopsHeader: true)
      }
      return named.meansTheSame(at: there) ? named : nil
    }
    return sites.map { site in
      let count = tripCount(site)
      let batch = batches[site.function.name]?.siblings(of: site, scope: { scope(site) })
      let siblings = batch.flatMap { $0.declarations.isEmpty || $0.meansTheSame(at: scope(site)) ? $0.value : nil }
      let loop = frames[site.function.name]?[site.statement.range.lowerBound].map {
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

  static let zero = CountedNames(value: .zero)

  /// The sum; nil where a name means two variables in the two.
  func adding(_ other: CountedNames) -> CountedNames? { combining(other, by: +) }

  /// `operation` of the two values; nil where a name means two variables in the two.
  func combining(_ other: CountedNames, by operation: (Polynomial, Polynomial) -> Polynomial) -> CountedNames? {
    var result = CountedNames(value: operation(value, other.value), declarations: declarations)
    for (name, declared) in other.declarations {
      if let known = result.declarations[name], known != declared { return nil }
      result.declarations[name] = declared
    }
    return result
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
