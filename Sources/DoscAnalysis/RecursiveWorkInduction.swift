import CSyntax
import SymbolicAlgebra

/// The work of a recursive function over its whole recursion, by the induction that bounds its
/// loads and stores (`RecursiveCountInduction`): a candidate C with a floor K (in the checked
/// integer parameters) is kept when, in every class of paths, C at each call of itself is at
/// least K there and is a size that shrinks at every call, and the class's own work (each call
/// counted as one operation and its arguments) plus C at its calls is at most max(C, K). The
/// figure is `max(C, K)` (C alone where C >= K everywhere; never below 0).
///
/// Every call counts (it runs the function, whatever it passes), so every argument of a checked
/// integer parameter must be proved not negative where the call is made: the induction holds
/// only where those parameters are not negative. A call in a loop, a recursion through another
/// function, or a class whose own work is unbounded keep the work null.
///
/// Candidates, over a size S (a checked integer parameter, or the difference of two) that every
/// call decreases, the leaves' own work L (a class with no call) as the floor, and I the larger
/// own work of the classes that call:
/// - a chain (each class makes at most one call, on S minus at most a constant):
///   `I*S + L`, one degree above the own work (a scan of n - 1 elements below n);
/// - a tree whose calls split S (I a constant): `L + (I + L(0))*(S - 1)`, the leaves' work
///   plus one own work per node (`fill_mask`'s rows halved down to two);
/// - a tree of products over one parameter p (I a constant, L a polynomial in p alone of degree
///   d whose calls' p^d add up to at most p^d, 8 quadrant products of n/2): `A*p^d - I`, A the
///   least integer for which each call's candidate covers the leaf it may be;
/// - a pass that shrinks geometrically (one call on n / 2): twice the own work I, plus I(0)
///   (I at parameters 0) per level, bounded by S.
/// None gives a higher order than the truth's: a linear pass over two halves (mergesort's
/// merge, `n log n`) matches none and stays null, as do fib's calls on n - 1 and n - 2
/// (exponential) and calls over the same range (`n * 2^depth`).
extension FunctionAnalyzer {
  /// The most a chain's call may take off its size for the chain's candidate: more, and its
  /// calls are too few for a figure of a higher degree to be near the truth.
  private static let chainStepLimit = 4
  /// The largest leaf size tried for a tree of products (`productTreeBounds`).
  private static let leastLeaf = 4

  /// The whole recursion's work, or why there is none (where the task's work is null).
  func wholeRecursionWork(classes: [PathClass]?) -> (work: Polynomial?, unboundedBecause: String?) {
    let names = checkedIntegerParameterNames
    let firstCall = recursiveCallSites.first.map { " at \($0.location.withBaseName)" } ?? ""
    if let other = recursionThroughAnotherFunction {
      return (
        nil, "it recurses through '\(other.callee)' at \(other.location.withBaseName), whose calls are not counted"
      )
    }
    if let looped = recursiveCallSites.first(where: \.isInLoop) {
      return (nil, "the recursive call at \(looped.location.withBaseName) is in a loop: its calls are not counted")
    }
    guard let classes, !classes.isEmpty else {
      return (nil, "its paths could not be walked apart (a jump back, or an `if` met twice)")
    }
    // A loop's trip count clamped at 0 where the walk could not tell (`CountClamps`): proved
    // under the class's facts (`n - 1` where `n <= 1` returned), so that an own work is a plain
    // polynomial where it is one there.
    let isNeverNegative = countIsNeverNegative(inside: nil)
    let ownWork = { (pathClass: PathClass) in
      let prover = InequalityProver(nonNegative: names, facts: pathClass.facts)
      return pathClass.summary.work?.provingClamps { isNeverNegative($0) || prover.provesNonNegative($0) }
    }
    // Each class's own work and calls once: every candidate below asks for them.
    let target = InductionTarget(
      classes: classes, own: ownWork,
      countsCall: { site, pathClass in
        // The induction covers arguments whose checked integers are not negative.
        let prover = InequalityProver(nonNegative: names, facts: pathClass.facts + site.facts)
        return names.allSatisfy { site.integerArguments[$0].map(prover.provesNonNegative) ?? false } ? true : nil
      })
    let calling = target.steps.filter { !$0.pathClass.sites.isEmpty }
    let leaves = target.steps.filter(\.pathClass.sites.isEmpty)
    guard
      let callingOwn = calling.compactMap(\.own).reduce(
        nil,
        { (found: Polynomial?, own) in
          found.map { .maximum($0, own) } ?? own
        }), calling.allSatisfy({ $0.own != nil })
    else { return (nil, "the work of a path that recurses is unbounded") }
    var floors: [Polynomial] = []
    for leaf in leaves.compactMap(\.own) where !floors.contains(leaf) { floors.append(leaf) }
    if floors.count > 1 { floors.insert(floors.dropFirst().reduce(floors[0]) { .maximum($0, $1) }, at: 0) }
    if !floors.contains(.zero) { floors.append(.zero) }

    for candidate in workCandidates(callingOwn: callingOwn, floors: floors, classes: classes)
    where candidate.floor.variables.union(candidate.bound.variables).isSubset(of: names)
      && holds(candidate.bound, floor: candidate.floor, for: target)
    {
      return (stated(candidate.bound, floor: candidate.floor), nil)
    }
    return (
      nil, "no bound of its work holds by induction over its calls\(firstCall)\(likelyShape(classes, callingOwn))"
    )
  }

  /// Why no polynomial may bound the work, where the shape says so.
  private func likelyShape(_ classes: [PathClass], _ callingOwn: Polynomial) -> String {
    let mostCalls = classes.map(\.sites.count).max() ?? 0
    guard mostCalls >= 2 else { return "" }
    if shrinkingSizes(in: classes).contains(where: \.stepIsBounded) {
      return ": \(mostCalls) calls each taking at most a constant off its size (fib's n - 1 and n - 2) make "
        + "exponentially many calls, which no polynomial bounds"
    }
    if !callingOwn.isConstant {
      return ": its own work grows with its size at every split (a linear pass over two halves is n log n, "
        + "and the algebra has no logarithm)"
    }
    return ""
  }

  /// `max(bound, floor)`, simpler where one side is proved the larger, and never negative.
  private func stated(_ bound: Polynomial, floor: Polynomial) -> Polynomial {
    let prover = InequalityProver(nonNegative: checkedIntegerParameterNames, facts: [])
    var figure = prover.provesAtLeast(bound, floor) ? bound : .maximum(bound, floor)
    if !prover.provesNonNegative(figure) { figure = .maximum(figure, .zero) }
    return figure
  }

  private struct WorkCandidate {
    var bound: Polynomial
    var floor: Polynomial
  }

  /// The candidates, in the order tried (the first that holds is the figure).
  private func workCandidates(callingOwn: Polynomial, floors: [Polynomial], classes: [PathClass]) -> [WorkCandidate] {
    let sizes = shrinkingSizes(in: classes)
    let isChain = classes.allSatisfy { $0.sites.count <= 1 }
    let zeros = Dictionary(uniqueKeysWithValues: checkedIntegerParameterNames.map { ($0, Polynomial.zero) })
    var found: [WorkCandidate] = []
    let callingOwnAtZero = callingOwn.substituting(zeros)
    for floor in floors {
      for size in sizes {
        if isChain, size.stepIsBounded {
          found.append(WorkCandidate(bound: callingOwn * size.value + floor, floor: floor))
        }
        // A geometric series: twice the first term, plus its constant part once per level.
        found.append(WorkCandidate(bound: callingOwn * 2 + callingOwnAtZero * size.value, floor: floor))
        guard callingOwn.isConstant else { continue }
        let perNode = callingOwn + floor.substituting(zeros)
        found.append(WorkCandidate(bound: floor + perNode * .maximum(size.value - 1, .zero), floor: floor))
        for products in productTreeBounds(callingOwn: callingOwn, leaf: floor, size: size.value) {
          found.append(WorkCandidate(bound: products, floor: floor))
        }
      }
    }
    return found
  }

  /// `A*p^d - I` for a leaf polynomial L in the one parameter p of degree d >= 1, A the least
  /// integer with `A*b^d - I >= L(b)` at a least leaf b (4 down to 1, the first that holds is
  /// kept): the calls' `A*(p/2)^d - I` add up to at most `A*p^d - 8*I`, and each is at least
  /// the leaf it may be when p/2 >= b.
  private func productTreeBounds(callingOwn: Polynomial, leaf: Polynomial, size: Polynomial) -> [Polynomial] {
    guard let name = size.variables.first, size == .variable(name), leaf.variables == [name],
      leaf.terms.keys.allSatisfy({ $0.factors.allSatisfy { if case .variable = $0.atom { true } else { false } } }),
      callingOwn.isConstant
    else { return [] }
    let degree = leaf.degree(in: name)
    guard degree >= 1 else { return [] }
    var bounds: [Polynomial] = []
    for least in (1...Self.leastLeaf).reversed() {
      guard let atLeast = (leaf + callingOwn).substituting(name, with: Polynomial(least)).constantValue else {
        continue
      }
      let scale = (0..<degree).reduce(1) { product, _ in product * least }
      // The least integer A with A * least^degree >= L(least) + I.
      let needed = (atLeast.numerator + atLeast.denominator * scale - 1) / (atLeast.denominator * scale)
      let bound = Polynomial.variable(name).power(degree) * max(needed, 1) - callingOwn
      if !bound.isOverflow, !bounds.contains(bound) { bounds.append(bound) }
    }
    return bounds
  }

  private struct Size {
    var value: Polynomial
    /// Whether every call takes at most `chainStepLimit` off it.
    var stepIsBounded: Bool
  }

  /// The checked integer parameters, and their differences, that every call of the function by
  /// itself makes smaller.
  private func shrinkingSizes(in classes: [PathClass]) -> [Size] {
    let names = checkedIntegerParameterNames.sorted()
    var sizes = names.map { Polynomial.variable($0) }
    for low in names { for high in names where high != low { sizes.append(.variable(high) - .variable(low)) } }
    return sizes.compactMap { size in
      var bounded = true
      for pathClass in classes {
        for site in pathClass.sites {
          guard size.variables.isSubset(of: Set(site.integerArguments.keys)) else { return nil }
          let prover = InequalityProver(nonNegative: Set(names), facts: pathClass.facts + site.facts)
          let there = size.substituting(site.integerArguments)
          // Smaller by a half at least, in the prover's rational bounds (`(hi - lo) / 2` is at
          // least 1/2 where hi - lo >= 2): a parameter no call changes is no size.
          guard prover.provesAtLeast(size - Polynomial(Rational(1, 2)), there) else { return nil }
          bounded = bounded && prover.provesAtLeast(there, size - Polynomial(Self.chainStepLimit))
        }
      }
      return Size(value: size, stepIsBounded: bounded)
    }
  }
}
