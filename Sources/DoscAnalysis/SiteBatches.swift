import CSyntax
import DoscSupport
import SymbolicAlgebra

/// A spawn's batch (SPEC-additions, section 2): the tasks its function's invocation spawns
/// between the taskwait before the spawn and the one after it, the invocation's start and its
/// end (the implicit taskwait, at every `return` too) included. The manifest's `siblings` is
/// this count, an upper bound, written over names that hold at the spawn the values they had
/// where they were counted; null where that cannot be said. The runtime tests it at the spawn
/// (a batch of one is a plain call): a figure below the truth would serialize a batch.
///
/// Counted per statement for one execution of it (`Spawns`) and, for a site, by a walk from
/// its statement up to the function's body: each block adds the statements on either side of
/// the site up to a taskwait that surely runs between them; a loop adds its other iterations'
/// spawns, all of them unless its body surely waits. A wait is sure only where every path from
/// the site to it passes it: not in an `if`'s arm, nor in a loop that may run no iteration,
/// nor after a `continue` of its loop, nor after a `break` (the iteration's spawns join what
/// follows the loop), nor in a `switch` (control enters at a label);
/// a `goto` or `setjmp` makes every figure of the function null. Where two ways exclude each
/// other (an `if`'s arms; the iteration before the site's or none; leaving by a `break` or
/// not), the figure is the larger of their counts, not the sum.
struct SiteBatches {
  /// What one execution of a statement spawns: in all, before its first taskwait and after its
  /// last one (all of it on a path that passes none), on a path that passes no taskwait (zero
  /// where it surely passes one), and whether it surely passes a taskwait.
  struct Spawns {
    var total: CountedNames?
    var leading: CountedNames?
    var trailing: CountedNames?
    var passing: CountedNames?
    var waits: Bool

    static let none = Spawns(total: .zero, leading: .zero, trailing: .zero, passing: .zero, waits: false)
    /// A taskwait: written between two items, or a `return` (the function's implicit one).
    static let wait = Spawns(total: .zero, leading: .zero, trailing: .zero, passing: .zero, waits: true)
  }

  /// An item of a block, or a taskwait written between two (at `offset`).
  private struct Element {
    var item: Stmt?
    var offset: Int
  }

  /// A block's elements, and for each the first and last element of its segment (the items
  /// between two taskwaits).
  private struct Block {
    var elements: [Element] = []
    var segmentStart: [Int] = []
    var segmentEnd: [Int] = []
  }

  let function: FunctionDefinition
  private let siteStatements: Set<Range<Int>>
  private let waits: [Int]
  /// A loop's trip count named as its header sees it; nil: not counted.
  private let tripCount: (Stmt) -> CountedNames?
  /// A `goto` or `setjmp` may repeat any code: no figure.
  private let jumps: Bool
  private let mutations: MutationFacts
  private var spawnsMemo: [Range<Int>: Spawns] = [:]
  private var blockMemo: [Range<Int>: Block] = [:]
  private var regionMemo: [Range<Int>: MutationFacts] = [:]
  private var exitsMemo: [Range<Int>: Exit] = [:]
  private var modifiedMemo: [Range<Int>: Set<String>] = [:]

  /// The largest block whose segments between taskwaits are walked item by item at each of its
  /// sites; a longer one adds its segment's totals, once for all its sites (10^5 sites in a
  /// block would otherwise cost 10^10 sums).
  private static let itemsWalkedPerSite = 64
  private var segmentMemo: [Range<Int>: [Int: CountedNames?]] = [:]

  init(
    function: FunctionDefinition, sites: [SpawnSite], waits: [Int], jumps: Bool,
    tripCount: @escaping (Stmt) -> CountedNames?
  ) {
    self.function = function
    self.siteStatements = Set(sites.map(\.statement.range))
    self.waits = waits.sorted()
    self.jumps = jumps || Self.containsGoto(function.body)
    self.tripCount = tripCount
    self.mutations = MutationFacts(function)
  }

  /// The site's batch at its spawn, with where each name is declared (checked at the spawn by
  /// the caller, `CountedNames.meansTheSame`); nil where not known.
  ///
  /// The walk keeps apart the ways the batch may reach past the statements walked that exclude
  /// each other (the iteration before the site's or none, the one after or the loop's end,
  /// leaving by a `break` or reaching the taskwait), each with its count, and the figure is the
  /// largest of them (`Polynomial.maximumForAnyValues`), not their sum.
  mutating func siblings(of site: SpawnSite, scope: () -> StatementScope) -> CountedNames? {
    guard !jumps, let path = path(to: site.statement.range) else { return nil }
    var ways: [Reach: CountedNames] = [Reach(before: true, after: true, leaves: .none): CountedNames(value: .one)]
    // Inside a `switch`, control may enter past a taskwait (at a label): the walk goes on to
    // the switch, which counts all its cases, even where a taskwait seemed to close the batch.
    let outermostSwitch = path.firstIndex { if case .switchStatement = $0.kind { true } else { false } } ?? path.count
    for level in stride(from: path.count - 2, through: 0, by: -1) {
      var next: [Reach: CountedNames] = [:]
      for (reach, count) in ways {
        // Closed on both sides, left by no jump on the way: settled.
        let settled = !reach.before && !reach.after && reach.leaves == .none && level < outermostSwitch
        let extended: [(Reach, CountedNames)]? =
          settled ? [(reach, count)] : extend(count, reach, at: path[level], from: path[level + 1], scope: scope)
        guard let extended else { return nil }
        for (way, part) in extended {
          guard let merged = Self.larger(next[way], part) else { return nil }
          next[way] = merged
        }
      }
      ways = next
    }
    var largest: CountedNames? = nil
    for count in ways.values {
      guard let merged = Self.larger(largest, count) else { return nil }
      largest = merged
    }
    return largest
  }

  /// One way the batch may reach past the statements walked so far: on which side no taskwait
  /// surely closed it yet, and whether control may leave the innermost loop around them by a
  /// `break` or `continue` between the spawn and the taskwait that closed it (which then does
  /// not run).
  private struct Reach: Hashable {
    var before: Bool
    var after: Bool
    var leaves: Exit
  }

  /// The ways the batch reaches past `statement`, from its part in `child`; nil where not known.
  private mutating func extend(
    _ count: CountedNames, _ reach: Reach, at statement: Stmt, from child: Stmt, scope: () -> StatementScope
  ) -> [(Reach, CountedNames)]? {
    switch statement.kind {
    case .compound:
      return blockAround(child, in: statement, count: count, reach: reach, scope: scope)
    case .forLoop(_, _, _, let body), .whileLoop(_, let body), .doWhile(let body, _):
      return aroundLoop(statement, body: body, count: count, reach: reach)
    case .switchStatement:
      // Control enters at a label: no taskwait in the body is sure, every case may run. Its
      // `break`s are its own; a `continue` leaves the loop around.
      guard let total = spawns(statement).total, unchanged(total, in: statement, scope: scope) else { return nil }
      return [(Reach(before: true, after: true, leaves: exits(statement)), total)]
    default:
      // An `if`'s other arm does not run with this one; a label adds nothing.
      return [(reach, count)]
    }
  }

  /// The ways the batch reaches past a loop, from its part in the site's iteration.
  private mutating func aroundLoop(
    _ loop: Stmt, body: Stmt, count: CountedNames, reach: Reach
  ) -> [(Reach, CountedNames)]? {
    let inner = spawns(body)
    let exit = exits(body)
    let open = Reach(before: true, after: true, leaves: .none)
    if !inner.waits || (exit == .continues && (reach.before || reach.after || reach.leaves != .none)) {
      // Every iteration's spawns may be in the batch: none surely waits, or a `continue` may
      // skip the taskwait.
      guard let total = spawns(loop).total else { return nil }
      return [(open, total)]
    }
    // The other iterations' spawns, counted in an iteration: names the loop does not change.
    func other(_ part: CountedNames?) -> CountedNames? { part.flatMap { unchanged($0, inLoop: loop) ? $0 : nil } }
    // Before: the iteration before, past its taskwait (it did not leave), or none.
    var befores: [(CountedNames, Bool)] = [(.zero, reach.before)]
    if reach.before {
      guard let trailing = other(inner.trailing) else { return nil }
      befores.append((trailing, false))
    }
    // After: the site's iteration reaches its taskwait; or goes on to the next iteration (its
    // spawns before its taskwait, or all of them up to a `break`, with what follows the loop)
    // or to the loop's end; or leaves by a `break` after the spawn, all its spawns with what
    // follows the loop.
    var afters: [(CountedNames, Bool)] = [(count, reach.after)]
    if reach.after {
      guard let leading = other(inner.leading), let next = count.adding(leading) else { return nil }
      afters.append((next, false))
      if exit == .breaks {
        guard let all = other(inner.total), let next = count.adding(all) else { return nil }
        afters.append((next, true))
      }
    }
    if reach.leaves == .breaks {
      guard let all = other(inner.total) else { return nil }
      afters.append((all, true))
    }
    var ways: [(Reach, CountedNames)] = []
    for (before, isBeforeOpen) in befores {
      for (after, isAfterOpen) in afters {
        guard let sum = before.adding(after) else { return nil }
        ways.append((Reach(before: isBeforeOpen, after: isAfterOpen, leaves: .none), sum))
      }
    }
    return ways
  }

  // MARK: A block around the site

  /// `count` (the batch's part inside `child`) with the rest of `block`'s items in the batch;
  /// `reach` says, on each side, whether it reaches the block's end, and how control may leave
  /// the loop around on the way to the taskwait after the spawn.
  private mutating func blockAround(
    _ child: Stmt, in block: Stmt, count: CountedNames, reach: Reach, scope: () -> StatementScope
  ) -> [(Reach, CountedNames)]? {
    let shape = self.block(block)
    let elements = shape.elements
    let position = elements.partitioningIndex { $0.offset >= child.range.lowerBound }
    guard position < elements.endIndex, elements[position].item?.range == child.range else { return nil }
    let (start, end) = (shape.segmentStart[position], shape.segmentEnd[position])
    if reach.before && reach.after && end - start >= Self.itemsWalkedPerSite {
      let whole = Reach(before: start == 0, after: end == elements.count - 1, leaves: max(reach.leaves, exits(block)))
      return segmentTotal(block, elements[start...end], scope: scope).map { [(whole, $0)] }
    }
    // An item's figure is counted at its loops' headers: what runs between there and the spawn
    // (the items up to the site's, that one whole) changes none of its names, nor may anything
    // through an address taken anywhere.
    let changed = modifiedNames(child).union(mutations.addressTaken)
    var leaves = reach.leaves
    var sides: [[(CountedNames, Bool)]] = []
    for (open, step) in [(reach.before, -1), (reach.after, 1)] {
      guard open else {
        sides.append([(.zero, false)])
        continue
      }
      guard let scanned = scan(elements, from: position + step, step: step, changed: changed, leaves: &leaves)
      else { return nil }
      sides.append([scanned.closed.map { ($0, false) }, scanned.open.map { ($0, true) }].compactMap { $0 })
    }
    var ways: [(Reach, CountedNames)] = []
    for (before, isBeforeOpen) in sides[0] {
      for (after, isAfterOpen) in sides[1] {
        guard let sum = count.adding(before)?.adding(after) else { return nil }
        ways.append((Reach(before: isBeforeOpen, after: isAfterOpen, leaves: leaves), sum))
      }
    }
    return ways
  }

  /// The ways a block's items from `start` on, in the direction of `step` (1: after, -1:
  /// before), reach a taskwait: `closed`, the largest count where one surely ran, `open`, where
  /// none ran up to the block's end; nil: no such way.
  private struct Scan {
    var closed: CountedNames?
    var open: CountedNames?
  }

  /// The block's items from `start` on, in the direction of `step`, up to a taskwait: an item
  /// that may pass one ends the ways that do with its spawns before (after) it, and the ways
  /// that pass none go on with its spawns there. `changed`, where given, gathers the names the
  /// items change: a figure that has one is not known (nil). `leaves` gathers how the items
  /// after the spawn may leave the loop around (a `break` or `continue`, in the item that waits
  /// too, skips the taskwait).
  private mutating func scan(
    _ elements: [Element], from start: Int, step: Int, changed: Set<String>?, leaves: inout Exit
  ) -> Scan? {
    var result = Scan(closed: nil, open: .zero)
    var changed = changed
    var index = start
    while elements.indices.contains(index), let going = result.open {
      let part = elements[index].item.map { spawns($0) } ?? .wait
      if let item = elements[index].item {
        changed?.formUnion(modifiedNames(item))
        if step > 0 { leaves = max(leaves, exits(item)) }
      }
      let names = changed
      func named(_ value: CountedNames?) -> CountedNames? {
        guard let value, names?.isDisjoint(with: value.value.variables) ?? true else { return nil }
        return value
      }
      guard let edge = named(step < 0 ? part.trailing : part.leading), let stopped = going.adding(edge) else {
        return nil
      }
      var passing: CountedNames? = nil
      if !part.waits {
        guard let through = named(part.passing), let on = going.adding(through) else { return nil }
        passing = through
        result.open = on
      } else {
        result.open = nil
      }
      // The ways that wait in it (none where all it spawns passes none).
      if passing?.value != edge.value {
        guard let closed = Self.larger(result.closed, stopped) else { return nil }
        result.closed = closed
      }
      index += step
    }
    return result
  }

  /// The spawns of a segment of a long block, in all (the site's own item whole), once for
  /// all its sites.
  private mutating func segmentTotal(
    _ block: Stmt, _ segment: ArraySlice<Element>, scope: () -> StatementScope
  ) -> CountedNames? {
    if let known = segmentMemo[block.range]?[segment.startIndex] { return known }
    var total: CountedNames? = .zero
    for element in segment {
      guard let item = element.item else { continue }
      total = Self.sum(total, spawns(item).total)
      if total == nil { break }
    }
    if let counted = total, !unchanged(counted, in: block, scope: scope) { total = nil }
    segmentMemo[block.range, default: [:]][segment.startIndex] = .some(total)
    return total
  }

  /// A block's items with the taskwaits written between them (not inside one).
  private mutating func block(_ block: Stmt) -> Block {
    if let known = blockMemo[block.range] { return known }
    guard case .compound(let items) = block.kind else { return Block() }
    var shape = Block()
    var nextWait = waits.partitioningIndex { $0 >= block.range.lowerBound }
    func waitsBefore(_ offset: Int) {
      while nextWait < waits.endIndex, waits[nextWait] < offset {
        shape.elements.append(Element(item: nil, offset: waits[nextWait]))
        nextWait += 1
      }
    }
    for item in items {
      waitsBefore(item.range.lowerBound)
      shape.elements.append(Element(item: item, offset: item.range.lowerBound))
      // One inside the item is the item's.
      while nextWait < waits.endIndex, waits[nextWait] < item.range.upperBound { nextWait += 1 }
    }
    waitsBefore(block.range.upperBound)
    var start = 0
    for (index, element) in shape.elements.enumerated() {
      if element.item == nil { start = index + 1 }
      shape.segmentStart.append(min(start, index))
    }
    var end = shape.elements.count - 1
    for (index, element) in shape.elements.enumerated().reversed() {
      if element.item == nil { end = index - 1 }
      shape.segmentEnd.append(max(end, index))
    }
    shape.segmentEnd.reverse()
    blockMemo[block.range] = shape
    return shape
  }

  // MARK: What a statement spawns

  mutating func spawns(_ statement: Stmt) -> Spawns {
    if let known = spawnsMemo[statement.range] { return known }
    let result: Spawns
    if siteStatements.contains(statement.range) {
      let one = CountedNames(value: .one)
      result = Spawns(total: one, leading: one, trailing: one, passing: one, waits: false)
    } else {
      switch statement.kind {
      case .compound:
        result = blockSpawns(statement)
      case .ifStatement(_, let then, let otherwise):
        let arms = [spawns(then), otherwise.map { spawns($0) } ?? .none]
        // A path that passes no taskwait runs an arm that may pass none.
        let passing: CountedNames?
        switch (arms[0].waits, arms[1].waits) {
        case (true, true): passing = .zero
        case (true, false): passing = arms[1].passing
        case (false, true): passing = arms[0].passing
        case (false, false): passing = Self.either(arms[0].passing, arms[1].passing)
        }
        result = Spawns(
          total: Self.either(arms[0].total, arms[1].total), leading: Self.either(arms[0].leading, arms[1].leading),
          trailing: Self.either(arms[0].trailing, arms[1].trailing), passing: passing,
          waits: arms[0].waits && arms[1].waits)
      case .forLoop(_, _, _, let body), .whileLoop(_, let body), .doWhile(let body, _):
        result = loopSpawns(statement, body: body)
      case .switchStatement(_, let body):
        let total = spawns(body).total
        result = Spawns(total: total, leading: total, trailing: total, passing: total, waits: false)
      case .caseLabel(let inner), .labeled(let inner):
        result = inner.map { spawns($0) } ?? .none
      case .returnStatement:
        // The function's implicit taskwait.
        result = .wait
      default:
        result = .none
      }
    }
    spawnsMemo[statement.range] = result
    return result
  }

  private mutating func blockSpawns(_ block: Stmt) -> Spawns {
    let elements = self.block(block).elements
    var total: CountedNames? = .zero
    var waits = false
    for element in elements {
      let part = element.item.map { spawns($0) } ?? .wait
      total = Self.sum(total, part.total)
      waits = waits || part.waits
    }
    // Up to the first taskwait (from the last), the largest over the ways there.
    var leaves = Exit.none
    let forward = scan(elements, from: 0, step: 1, changed: nil, leaves: &leaves)
    let backward = scan(elements, from: elements.count - 1, step: -1, changed: nil, leaves: &leaves)
    func largest(_ scanned: Scan?) -> CountedNames? {
      guard let scanned else { return nil }
      guard let closed = scanned.closed else { return scanned.open }
      guard let open = scanned.open else { return closed }
      return Self.either(closed, open)
    }
    return Spawns(
      total: total, leading: largest(forward), trailing: largest(backward),
      passing: waits ? .zero : forward?.open, waits: waits)
  }

  private mutating func loopSpawns(_ loop: Stmt, body: Stmt) -> Spawns {
    let inner = spawns(body)
    var total: CountedNames? = nil
    if let perIteration = inner.total {
      if perIteration.value.isZero {
        total = .zero
      } else if let trips = tripCount(loop), unchanged(trips, inLoop: loop), unchanged(perIteration, inLoop: loop) {
        total = trips.combining(perIteration, by: *)
      }
    }
    switch (inner.waits, exits(body)) {
    case (true, .none):
      // A `do` runs its body once at least: it passes the body's taskwait. Another passes
      // none where it runs no iteration.
      var isDo = false
      if case .doWhile = loop.kind { isDo = true }
      return Spawns(total: total, leading: inner.leading, trailing: inner.trailing, passing: .zero, waits: isDo)
    case (true, .breaks):
      // The first iteration reaches its taskwait or leaves the loop, the last one left it or
      // ended past its taskwait: at most one iteration's spawns on either side.
      return Spawns(total: total, leading: inner.total, trailing: inner.total, passing: inner.total, waits: false)
    default:
      return Spawns(total: total, leading: total, trailing: total, passing: total, waits: false)
    }
  }

  // MARK: Names

  /// Whether the loop (header or body) changes none of the names: a figure counted at its
  /// header (its trip count) or in one of its iterations means the same in every iteration.
  func unchanged(_ value: CountedNames, inLoop loop: Stmt) -> Bool {
    unchanged(value.value, inLoopAt: loop.range.lowerBound)
  }

  /// A name whose address is taken anywhere may change in the loop through the pointer
  /// (`long *bound = &n;` before `for (i = 0; i < n; i++) { *bound -= 3; ... }`: `n` was its
  /// trip count, 1 at a spawn in a run of 3 iterations).
  func unchanged(_ value: Polynomial, inLoopAt start: Int) -> Bool {
    let changed = mutations.modifiedInLoop[start] ?? []
    return value.variables.allSatisfy { !changed.contains($0) && !mutations.addressTaken.contains($0) }
  }

  /// The names a statement assigns or takes the address of.
  private mutating func modifiedNames(_ statement: Stmt) -> Set<String> {
    if let known = modifiedMemo[statement.range] { return known }
    let facts = MutationFacts(statement)
    let names = Set(facts.assignments.keys).union(facts.addressTaken)
    modifiedMemo[statement.range] = names
    return names
  }

  /// Whether each name holds anywhere in `region` the value it had where it was counted: it
  /// is assigned there at most by the initializer of the declaration the spawn sees.
  private mutating func unchanged(_ value: CountedNames, in region: Stmt, scope: () -> StatementScope) -> Bool {
    let names = value.value.variables
    guard !names.isEmpty else { return true }
    if regionMemo[region.range] == nil { regionMemo[region.range] = MutationFacts(region) }
    let facts = regionMemo[region.range]!
    let seen = names.contains { facts.isModified($0) } ? scope() : nil
    return names.allSatisfy { name in
      guard facts.isModified(name) else { return true }
      guard let declared = seen?.declarations.last(where: { $0.variable.name == name })?.variable,
        region.range.contains(declared.location.offset), declared.initializer != nil
      else { return false }
      return facts.isSingleAssignment(name)
    }
  }

  // MARK: Structure

  /// The statements from the function's body down to the one at `range`.
  private func path(to range: Range<Int>) -> [Stmt]? {
    var path = [function.body]
    while let last = path.last, last.range != range {
      let next: Stmt?
      if case .compound(let items) = last.kind {
        let index = items.partitioningIndex { $0.range.upperBound > range.lowerBound }
        next = index < items.endIndex && items[index].range.contains(range.lowerBound) ? items[index] : nil
      } else {
        next = last.children.first { $0.range.contains(range.lowerBound) }
      }
      guard let next else { return nil }
      path.append(next)
    }
    return path
  }

  /// How an iteration of the loop whose body this is may leave before its taskwait.
  private enum Exit: Comparable {
    case none
    /// A `break` of the loop: the rest of that iteration and the loop are skipped.
    case breaks
    /// A `continue`: the next iteration starts without the taskwait.
    case continues
  }

  private mutating func exits(_ body: Stmt) -> Exit {
    if let known = exitsMemo[body.range] { return known }
    func search(_ statement: Stmt, breakIsOurs: Bool) -> Exit {
      switch statement.kind {
      case .breakStatement: return breakIsOurs ? .breaks : .none
      case .continueStatement: return .continues
      case .forLoop, .whileLoop, .doWhile: return .none
      case .switchStatement(_, let inner): return search(inner, breakIsOurs: false)
      default: return statement.children.map { search($0, breakIsOurs: breakIsOurs) }.max() ?? .none
      }
    }
    let exit = search(body, breakIsOurs: true)
    exitsMemo[body.range] = exit
    return exit
  }

  private static func containsGoto(_ statement: Stmt) -> Bool {
    if case .gotoStatement = statement.kind { return true }
    return statement.children.contains { containsGoto($0) }
  }

  private static func sum(_ a: CountedNames?, _ b: CountedNames?) -> CountedNames? {
    guard let a, let b else { return nil }
    return a.adding(b)
  }

  /// At most one of the two: the larger, whatever the signs of the names, `max(...)` where
  /// they decide it (a count written as a loop's trip count is negative where the loop runs
  /// no iteration); one of them where the other is zero, as a sum would be.
  private static func either(_ a: CountedNames?, _ b: CountedNames?) -> CountedNames? {
    guard let a, let b else { return nil }
    if a.value.isZero && b.declarations.isEmpty { return b }
    if b.value.isZero && a.declarations.isEmpty { return a }
    return a.combining(b, by: largest)
  }

  /// The larger of two values as one `max` over the operands of both that no other is surely
  /// at least (`max(3, n + 3)` and `n + 3`: `max(3, n + 3)`, not `max(3, max(3, n + 3), n + 3)`,
  /// as the ways of a walk meet).
  private static func largest(_ a: Polynomial, _ b: Polynomial) -> Polynomial {
    func operands(_ value: Polynomial) -> [Polynomial] {
      guard value.terms.count == 1, let (monomial, coefficient) = value.terms.first, coefficient == .one,
        monomial.factors.count == 1, monomial.factors[0].exponent == 1,
        case .maximum(let x, let y) = monomial.factors[0].atom
      else { return [value] }
      return operands(x) + operands(y)
    }
    var kept: [Polynomial] = []
    for candidate in operands(a) + operands(b) where !kept.contains(candidate) {
      if kept.contains(where: { ($0 - candidate).isNeverNegativeForAnyValues }) { continue }
      kept.removeAll { (candidate - $0).isNeverNegativeForAnyValues }
      kept.append(candidate)
    }
    return kept.dropFirst().reduce(kept.first ?? .zero, Polynomial.maximumForAnyValues)
  }

  /// The larger of a way's count so far (nil: none yet) and another.
  private static func larger(_ known: CountedNames?, _ other: CountedNames) -> CountedNames? {
    guard let known else { return other }
    return either(known, other)
  }
}
