import CSyntax
import DoscSupport
import SymbolicAlgebra

/// A call of a function by itself, as the walk saw it.
struct RecursiveCallSite {
  /// The arguments' values.
  var values: [Value]
  /// The values of the arguments passed to the checked integer parameters, converted to the
  /// parameters' types; a parameter is missing where its argument has no symbolic value.
  var integerArguments: [String: Polynomial]
  /// What holds where the call is made (`PathFacts`).
  var facts: [Polynomial]
  /// Whether a loop is around the call: it may then be made more than once.
  var isInLoop: Bool
  var location: SourceLocation
}

/// The footprint of a pointer parameter that a recursive function passes on to its own
/// calls (divide and conquer: `f(m, lo, mid); f(m, mid, hi);` under `hi - lo > CUT`), by
/// induction on the depth of the calls.
///
/// The walk gives F(a), the index ranges the function touches through the parameter at its
/// arguments a without its recursive calls (every path, the base case's and the recursive
/// case's own work). If at every call of itself that passes the parameter on (the same
/// parameter, at a known offset o), under the facts that hold there, F(a') + o lies inside
/// F(a) and every checked integer argument is non-negative (so a' is where F holds too),
/// then F covers every access: an access is made by an invocation at some finite depth, is
/// inside that invocation's F, and each invocation's F lies inside its caller's, up to the
/// task. Shown per bound of the covering range, for all accesses and for the stores apart.
///
/// The counts of loads and stores over the whole recursion are proved by another induction
/// (`RecursiveCountInduction`); where none holds they stay null.
extension FunctionAnalyzer {
  /// Notes a call of this function by itself, with its arguments and what holds there.
  func recordRecursiveCallSite(_ values: [Value], at location: SourceLocation) {
    var integerArguments: [String: Polynomial] = [:]
    for (position, parameter) in function.parameters.enumerated()
    where position < values.count && checkedIntegerParameterNames.contains(parameter.name) {
      guard let value = converted(values[position].polynomial, to: parameter.type).polynomial,
        !mentionsBoundedValue(value)
      else { continue }
      integerArguments[parameter.name] = value
    }
    recursiveCallSites.append(
      RecursiveCallSite(
        values: values, integerArguments: integerArguments, facts: knownFacts, isInLoop: !loopStack.isEmpty,
        location: location))
  }

  /// The pointer parameters passed on to recursive calls whose footprints hold by induction.
  /// Their counts become those of the whole recursion where an induction proves one
  /// (`RecursiveCountInduction`), unknown elsewhere, and nothing of them is sure any more; the
  /// others are left to `run`, which makes them unbounded.
  func footprintsProvedByInduction() -> Set<Int> {
    let passedOn = Set(recursivePassThrough.map(\.0))
    var proved: Set<Int> = []
    for index in passedOn.sorted() where isProvedByInduction(index) { proved.insert(index) }
    var classes: [PathClass]?
    if case .summary = mode, proved.contains(where: { summary.parameters[$0] != nil }) { classes = pathClasses() }
    for index in proved {
      guard var access = summary.parameters[index] else { continue }
      let why = "its loads and stores in the recursive calls are not counted (its footprint holds by induction)"
      if access.reads != .zero {
        access.reads = classes.flatMap { wholeRecursionCount(of: index, \.reads, own: access.reads, classes: $0) }
        if access.reads == nil { access.noteUnbounded(why) }
      }
      if access.writes != .zero {
        access.writes = classes.flatMap { wholeRecursionCount(of: index, \.writes, own: access.writes, classes: $0) }
        if access.writes == nil { access.noteUnbounded(why) }
      }
      access.mayNotHappen()
      summary.parameters[index] = access
    }
    return proved
  }

  private func isProvedByInduction(_ index: Int) -> Bool {
    // Nothing touched through the parameter but by the recursive calls: by induction, nothing.
    guard let access = summary.parameters[index] else {
      return recursiveCallSites.allSatisfy { passedOffset(of: index, at: $0) != nil }
    }
    guard let ranges = access.ranges, let writeRanges = access.writeRanges
    else { return false }
    let names = checkedIntegerParameterNames
    guard (ranges + writeRanges).allSatisfy({ $0.low.variables.union($0.high.variables).isSubset(of: names) })
    else { return false }
    return recursiveCallSites.allSatisfy { site in
      guard let offset = passedOffset(of: index, at: site) else { return false }
      guard let offset = offset else { return true }  // not passed on here
      let prover = InequalityProver(nonNegative: names, facts: site.facts)
      // a' is where the figures hold: its checked integers are not negative.
      guard names.allSatisfy({ site.integerArguments[$0].map(prover.provesNonNegative) ?? false }) else {
        return false
      }
      func inside(_ list: [IndexRange]) -> Bool {
        list.allSatisfy { range in
          let low = range.low.substituting(site.integerArguments) + offset
          let high = range.high.substituting(site.integerArguments) + offset
          return list.contains { prover.provesAtLeast(low, $0.low) }
            && list.contains { prover.provesAtLeast($0.high, high) }
        }
      }
      return inside(ranges) && inside(writeRanges)
    }
  }

  /// Where the call at `site` passes the memory of parameter `index`: `.some(offset)` when
  /// only as the same parameter at a known offset, `.some(nil)` when not at all, nil otherwise
  /// (as another parameter, at an unknown offset, through a view).
  func passedOffset(of index: Int, at site: RecursiveCallSite) -> Polynomial?? {
    var found: Polynomial?
    for (position, value) in site.values.enumerated() {
      guard case .pointer(let target) = value, target.parameterIndices.contains(index) else { continue }
      guard position == index, case .parameter(_, let offset?) = target,
        offset.variables.isSubset(of: checkedIntegerParameterNames)
      else { return nil }
      found = offset
    }
    return .some(found)
  }
}
