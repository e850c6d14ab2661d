import CSyntax
import SymbolicAlgebra

/// The `if`s of a function whose arm its checked integer parameters decide (`ConditionFacts`),
/// found by the walk of the whole function; in a walk of one class of paths, the arm each of
/// some of them takes.
struct DecisionIfs {
  struct Decision {
    /// Where the `if` starts: the key of the statement.
    var offset: Int
    var facts: ConditionFacts
  }

  /// In the order the walk met them. An offset met twice is left out: the walk meets each
  /// `if` once, so two `if`s share it (one macro's expansion).
  var found: [Decision] = []
  private var conflicting: Set<Int> = []
  /// The arm each forced `if` takes (true: its `then`); empty in the walk of every path.
  var forced: [Int: Bool] = [:]
  /// Whether a forced `if` was met with other facts than the walk of every path found (its
  /// class is then not the one its facts describe, and is not used).
  var forcedDiffers = false

  mutating func note(_ offset: Int, _ facts: ConditionFacts) {
    guard !conflicting.contains(offset) else { return }
    if let known = found.firstIndex(where: { $0.offset == offset }) {
      found.remove(at: known)
      conflicting.insert(offset)
    } else if facts.isDecided {
      found.append(Decision(offset: offset, facts: facts))
    } else {
      conflicting.insert(offset)
    }
  }
}

/// The walk of a function's classes of paths (`FunctionAnalyzer.pathClasses`), made once: the
/// counts' induction and the work's use the same.
enum PathClassWalk {
  case notYet
  case walked([PathClass])
  /// Walked, but some walk cannot stand for its class (a jump back, a forced `if` met with
  /// other facts): no class is used.
  case notApart
}

/// One class of paths through a recursive function: those that take, at each of some `if`s
/// its parameters decide, a given arm. Its facts hold at every argument whose runs are in it,
/// whether or not a run reaches those `if`s, since they are the conditions' values there.
struct PathClass {
  var facts: [Polynomial]
  /// The function's own figures on these paths, its calls of itself counted as nothing.
  var summary: AccessSummary
  /// The calls of itself on these paths.
  var sites: [RecursiveCallSite]

  /// The class's own loads or stores (`kind`) through parameter `index`; nil: unbounded.
  func ownCount(of index: Int, _ kind: KeyPath<ParameterAccess, Count>) -> Count {
    guard let access = summary.parameters[index] else { return .zero }
    return access[keyPath: kind]
  }
}

/// The loads and stores of a pointer parameter over the whole recursion of a function whose
/// footprint holds by induction (`RecursiveFootprintInduction`), by another induction.
///
/// A candidate C(a), in the checked integer parameters, is kept when for every class of paths
/// (`PathClass`), under its facts and with the parameters not negative:
/// - at every call of itself on those paths that passes the parameter on (none inside a loop,
///   so each is made at most once), C at the call's arguments is not negative;
/// - the class's own count plus C at each such call's arguments is at most C(a).
///
/// Then an invocation at a makes at most C(a) of them, by induction on the depth of the calls
/// below it: its paths are in the class its arguments select, where its own count is at most
/// the class's; each call it makes has non-negative arguments (the footprint's induction shows
/// it) and makes at most C at them; a call it does not make adds a C that is not negative. The
/// figure stated is `max(C, 0)`, which the same argument keeps (`holds` with the floor 0; the
/// work's induction, `RecursiveWorkInduction`, uses a floor of its leaves' work).
///
/// Candidates: the own counts of the classes that pass the parameter to no call (the leaves),
/// and the function's own count, each times 1, 2 and 4. What they cover: work that is the
/// leaves' alone or that the split pays for (`a[mid]` of an odd split, C(lo, hi) = hi - lo),
/// and work at each level that shrinks faster than the calls' sum grows (8 products of
/// quadrants with n^3 leaves, Strassen's additions under `n > CUT`). Not: trees whose calls
/// overlap (`tree(a, n, depth - 1)` twice: n * 2^depth), `n log n` sorts, a split whose calls
/// may pass an empty or reversed range whose count is negative.
extension FunctionAnalyzer {
  /// How many `if`s one induction walks apart: 2^this walks of the function.
  private static let forcedDecisionLimit = 4

  /// Which arm of the `if` `statement` runs in this walk: nil for both. Notes each `if` its
  /// parameters decide, in the walk of every path.
  func armTaken(at statement: Stmt, facts: ConditionFacts) -> Bool? {
    let offset = statement.range.lowerBound
    guard let taken = decisions.forced[offset] else {
      if decisions.forced.isEmpty, case .summary = mode { decisions.note(offset, facts) }
      return nil
    }
    if decisions.found.first(where: { $0.offset == offset })?.facts != facts { decisions.forcedDiffers = true }
    return taken
  }

  /// An arm of an `if` under its facts, or, where this walk's class does not take it, no path.
  func arm(_ arm: Stmt?, assuming facts: [Polynomial], skipped: Bool) {
    if skipped {
      summary.fallsThrough = false
      return
    }
    assuming(facts) { if let arm { statement(arm) } }
  }

  /// The classes of paths of this function by the arms of its first decided `if`s, each walked
  /// apart; nil where a walk cannot stand for its class (a jump back, a forced `if` met with
  /// other facts).
  func pathClasses() -> [PathClass]? {
    switch walkedPathClasses {
    case .walked(let classes): return classes
    case .notApart: return nil
    case .notYet:
      let classes = walkPathClasses()
      walkedPathClasses = classes.map { .walked($0) } ?? .notApart
      return classes
    }
  }

  private func walkPathClasses() -> [PathClass]? {
    let decided = Array(decisions.found.prefix(Self.forcedDecisionLimit))
    var classes: [PathClass] = []
    for choice in 0..<(1 << decided.count) {
      let walk = FunctionAnalyzer(function: function, context: context)
      walk.decisions.found = decided
      var facts: [Polynomial] = []
      for (position, decision) in decided.enumerated() {
        let takesThen = choice & (1 << position) != 0
        walk.decisions.forced[decision.offset] = takesThen
        facts += takesThen ? decision.facts.then : decision.facts.otherwise
      }
      walk.seedWalkedParameters()
      walk.statement(function.body)
      walk.summary.joinPaths()
      guard walk.firstJumpBack == nil, !walk.decisions.forcedDiffers else { return nil }
      classes.append(PathClass(facts: facts, summary: walk.summary, sites: walk.recursiveCallSites))
    }
    return classes
  }

  /// The count (`kind`: reads or writes) of parameter `index` over the whole recursion, whose
  /// own part (the walk of every path) is `own`; nil where no candidate holds.
  func wholeRecursionCount(
    of index: Int, _ kind: KeyPath<ParameterAccess, Count>, own: Count, classes: [PathClass]
  ) -> Polynomial? {
    guard let own else { return nil }
    let names = checkedIntegerParameterNames
    let target = InductionTarget(
      classes: classes, own: { $0.ownCount(of: index, kind) },
      countsCall: { site, _ in self.passedOffset(of: index, at: site).map { $0 != nil } })
    var bases: [Polynomial] = []
    for pathClass in classes where pathClass.sites.allSatisfy({ passedOffset(of: index, at: $0) == .some(nil) }) {
      guard let leaf = pathClass.ownCount(of: index, kind) else { continue }
      if !bases.contains(leaf) { bases.append(leaf) }
    }
    if !bases.contains(own) { bases.append(own) }
    for scale in [1, 2, 4] {
      for base in bases where base.variables.isSubset(of: names) {
        let candidate = base * Polynomial(scale)
        if holds(candidate, floor: .zero, for: target) { return .maximum(candidate, .zero) }
      }
    }
    return nil
  }

  /// Whether `max(candidate, floor)` bounds the figure by the induction: in every class, at
  /// each call that adds to it, the candidate is at least the floor (so the bound there is the
  /// candidate) and not negative (a call not made adds nothing less than none), and the class's
  /// own figure plus the candidate at those calls is at most
  /// `max(candidate, floor)`. A class without such calls (the leaves) may so be bounded by the
  /// floor alone, which keeps a candidate that is negative where the leaves are (`2n - 1`
  /// nodes of a tree of n leaves, at n = 0) from failing there.
  func holds(_ candidate: Polynomial, floor: Polynomial, for target: InductionTarget) -> Bool {
    let names = checkedIntegerParameterNames
    let bound = Polynomial.maximum(candidate, floor)
    guard !refuted(candidate, floor: floor, for: target) else { return false }
    return target.steps.allSatisfy { step in
      let pathClass = step.pathClass
      guard let own = step.own, own.variables.isSubset(of: names) else { return false }
      let prover = InequalityProver(nonNegative: names, facts: pathClass.facts)
      // A count clamped at 0 that is not negative in this class is itself here: fewer cases
      // for the prover, whose depth each `max` spends.
      let unclamped = { (value: Polynomial) in value.provingClamps { prover.provesNonNegative($0) } }
      var total = unclamped(own)
      for (site, adds) in step.calls {
        guard let adds else { return false }
        guard adds else { continue }
        let arguments = Set(site.integerArguments.keys)
        guard !site.isInLoop, candidate.variables.union(floor.variables).isSubset(of: arguments) else { return false }
        let there = unclamped(candidate.substituting(site.integerArguments))
        guard
          prover.provesAtLeast(there, unclamped(floor.substituting(site.integerArguments)))
            || atLeastFloor(candidate, floor, at: site, prover: prover)
        else { return false }
        // A call in the class that an `if` on data may skip adds `there` to the total all the
        // same: only where it is not negative does a total within the bound keep the own
        // figure within it (a floor, the leaves' work, may be negative at the call's
        // arguments; with the floor 0 the test above has shown it).
        guard
          floor.isZero || prover.provesNonNegative(there) || atLeastFloor(candidate, .zero, at: site, prover: prover)
        else { return false }
        total = total + there
      }
      return prover.provesAtLeast(unclamped(candidate), total) || prover.provesAtLeast(bound, total)
    }
  }
}

extension FunctionAnalyzer {
  /// The values each checked integer parameter takes at the sample points of `refuted`.
  private static let sampleValues = [0, 1, 2, 3, 5, 8, 13, 40]
  /// The most sample points tried per class.
  private static let sampleLimit = 64

  /// Whether the induction's step fails at a sample point of some class (its facts holding
  /// there): a candidate the prover would spend its time on in vain. Only ever rejects: a
  /// candidate not refuted is still proved.
  private func refuted(_ candidate: Polynomial, floor: Polynomial, for target: InductionTarget) -> Bool {
    let names = checkedIntegerParameterNames.sorted()
    let bound = Polynomial.maximum(candidate, floor)
    let values = Self.sampleValues
    let points = names.reduce(1) { product, _ in product * values.count }
    for step in target.steps {
      guard let own = step.own else { continue }
      let counted = step.calls.filter { $0.adds == true && !$0.site.isInLoop }.map(\.site)
      var tried = 0
      for index in 0..<min(points, Self.sampleLimit * 8) {
        if tried == Self.sampleLimit { break }
        // The index's digits in base values.count, scattered by a stride prime to it.
        var point: [String: Int] = [:]
        var rest = (index * 37) % points
        for name in names {
          point[name] = values[rest % values.count]
          rest /= values.count
        }
        guard step.pathClass.facts.allSatisfy({ ((try? $0.evaluate(point)) ?? .zero) >= .zero }) else { continue }
        tried += 1
        guard var total = try? own.evaluate(point), let stated = try? bound.evaluate(point) else { continue }
        var known = true
        for site in counted {
          let arguments = site.integerArguments.mapValues { try? $0.evaluate(point) }
          guard arguments.values.allSatisfy({ $0?.isInteger == true }) else {
            known = false
            break
          }
          let there = arguments.compactMapValues { $0?.numerator }
          guard let atCall = try? candidate.evaluate(there), let least = try? floor.evaluate(there),
            let sum = total.adding(atCall)
          else {
            known = false
            break
          }
          if atCall < least { return true }
          total = sum
        }
        if known && stated < total { return true }
      }
    }
    return false
  }

  /// The most a call's argument is tried for as a least value (`atLeastFloor`).
  private static let leastArgumentLimit = 16

  /// Whether `candidate >= floor` at the call's arguments where both are in one parameter p:
  /// shown for every p >= b, b the largest constant the argument is proved at least. The
  /// prover bounds a quotient's power from below by 0 (`(n / 2)^3`), too weak for a cubic
  /// candidate against a cubic floor; a value in p alone needs no such bound.
  private func atLeastFloor(
    _ candidate: Polynomial, _ floor: Polynomial, at site: RecursiveCallSite, prover: InequalityProver
  ) -> Bool {
    let variables = candidate.variables.union(floor.variables)
    guard variables.count == 1, let name = variables.first, let argument = site.integerArguments[name] else {
      return false
    }
    guard
      let least = (0...Self.leastArgumentLimit).reversed().first(where: {
        prover.provesAtLeast(argument, Polynomial($0))
      })
    else { return false }
    let alone = InequalityProver(nonNegative: [name], facts: [.variable(name) - Polynomial(least)])
    return alone.provesAtLeast(candidate, floor)
  }
}

/// What an induction over the classes of paths bounds (`FunctionAnalyzer.holds`), worked out
/// once per class: each candidate tried (dozens for a work, `RecursiveWorkInduction`) asks for
/// every class's part, which took a proof per clamp of its own work and per call.
struct InductionTarget {
  /// One class of paths, with what the induction's step over it needs.
  struct Step {
    var pathClass: PathClass
    /// The class's own figure, its calls of itself counted as nothing; nil: unbounded.
    var own: Count
    /// The class's calls of itself, each with whether the figure at its arguments adds to its
    /// caller's; nil where that cannot be told (the memory is passed on as another parameter).
    var calls: [(site: RecursiveCallSite, adds: Bool?)]
  }

  /// In the order of the classes.
  var steps: [Step]

  init(
    classes: [PathClass], own: (PathClass) -> Count, countsCall: (RecursiveCallSite, PathClass) -> Bool?
  ) {
    steps = classes.map { pathClass in
      Step(
        pathClass: pathClass, own: own(pathClass), calls: pathClass.sites.map { ($0, countsCall($0, pathClass)) })
    }
  }
}
