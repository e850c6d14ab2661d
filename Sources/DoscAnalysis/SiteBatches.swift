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
/// nor after a `continue` of its loop (after a `break`, the iteration's spawns join the next
/// batch), nor in a `switch` (control enters at a label);
/// a `goto` or `setjmp` makes every figure of the function null.
struct SiteBatches {
  /// What one execution of a statement spawns: in all, before its first taskwait and after its
  /// last one (all of it where none is sure), and whether it surely passes a taskwait.
  struct Spawns {
    var total: CountedNames?
    var leading: CountedNames?
    var trailing: CountedNames?
    var waits: Bool

    static let none = Spawns(total: .zero, leading: .zero, trailing: .zero, waits: false)
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
  mutating func siblings(of site: SpawnSite, scope: () -> StatementScope) -> CountedNames? {
    guard !jumps, let path = path(to: site.statement.range) else { return nil }
    var count = CountedNames(value: .one)
    var before = true
    var after = true
    // Inside a `switch`, control may enter past a taskwait (at a label): the walk goes on to
    // the switch, which counts all its cases, even where a taskwait seemed to close the batch.
    let outermostSwitch = path.firstIndex { if case .switchStatement = $0.kind { true } else { false } } ?? path.count
    for level in stride(from: path.count - 2, through: 0, by: -1) where before || after || level >= outermostSwitch {
      let statement = path[level]
      let child = path[level + 1]
      switch statement.kind {
      case .compound:
        guard
          let added = blockAround(
            child, in: statement, count: count, before: &before, after: &after, scope: scope)
        else { return nil }
        count = added
      case .forLoop(_, _, _, let body), .whileLoop(_, let body), .doWhile(let body, _):
        let inner = spawns(body)
        let exit = exits(body)
        if exit == .continues || !inner.waits {
          // Every iteration's spawns may be in the batch.
          guard let total = spawns(statement).total else { return nil }
          count = total
          (before, after) = (true, true)
        } else if exit == .breaks {
          // This iteration may leave before its taskwait: all of it, with the one before and
          // the one after it (or what follows the loop).
          guard let all = inner.total, let around = Self.sum(inner.trailing, inner.leading),
            let sum = all.adding(around), unchanged(sum, inLoop: statement)
          else { return nil }
          count = sum
          (before, after) = (true, true)
        } else {
          // The iterations before and after add their spawns up to their first (from their
          // last) taskwait, evaluated there: names the loop does not change.
          for (open, part) in [(before, inner.trailing), (after, inner.leading)] where open {
            guard let part, unchanged(part, inLoop: statement), let sum = count.adding(part) else { return nil }
            count = sum
          }
        }
      case .switchStatement:
        // Control enters at a label: no taskwait in the body is sure, every case may run.
        guard let total = spawns(statement).total, unchanged(total, in: statement, scope: scope) else { return nil }
        count = total
        (before, after) = (true, true)
      default:
        // An `if`'s other arm does not run with this one; a label adds nothing.
        break
      }
    }
    return count
  }

  // MARK: A block around the site

  /// `count` (the batch's part inside `child`) with the rest of `block`'s items in the batch.
  private mutating func blockAround(
    _ child: Stmt, in block: Stmt, count: CountedNames, before: inout Bool, after: inout Bool,
    scope: () -> StatementScope
  ) -> CountedNames? {
    let shape = self.block(block)
    let elements = shape.elements
    let position = elements.partitioningIndex { $0.offset >= child.range.lowerBound }
    guard position < elements.endIndex, elements[position].item?.range == child.range else { return nil }
    let (start, end) = (shape.segmentStart[position], shape.segmentEnd[position])
    if before && after && end - start >= Self.itemsWalkedPerSite {
      (before, after) = (start == 0, end == elements.count - 1)
      return segmentTotal(block, elements[start...end], scope: scope)
    }
    var count = count
    for (open, step) in [(before, -1), (after, 1)] where open {
      var index = position + step
      // An item's figure is counted at its loops' headers: what runs between there and the
      // spawn (the items up to the site's, that one whole) changes none of its names, nor may
      // anything through an address taken anywhere.
      var changed = modifiedNames(child).union(mutations.addressTaken)
      while elements.indices.contains(index), let item = elements[index].item {
        let part = spawns(item)
        changed.formUnion(modifiedNames(item))
        guard let added = step < 0 ? part.trailing : part.leading, changed.isDisjoint(with: added.value.variables),
          let sum = count.adding(added)
        else { return nil }
        count = sum
        if part.waits { break }
        index += step
      }
      // Open on this side while no taskwait surely ran between the site and the block's end.
      let reachesEnd = !elements.indices.contains(index)
      if step < 0 { before = reachesEnd } else { after = reachesEnd }
    }
    return count
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
      result = Spawns(total: one, leading: one, trailing: one, waits: false)
    } else {
      switch statement.kind {
      case .compound:
        result = blockSpawns(statement)
      case .ifStatement(_, let then, let otherwise):
        let arms = [spawns(then), otherwise.map { spawns($0) } ?? .none]
        result = Spawns(
          total: Self.either(arms[0].total, arms[1].total), leading: Self.either(arms[0].leading, arms[1].leading),
          trailing: Self.either(arms[0].trailing, arms[1].trailing), waits: arms[0].waits && arms[1].waits)
      case .forLoop(_, _, _, let body), .whileLoop(_, let body), .doWhile(let body, _):
        result = loopSpawns(statement, body: body)
      case .switchStatement(_, let body):
        let total = spawns(body).total
        result = Spawns(total: total, leading: total, trailing: total, waits: false)
      case .caseLabel(let inner), .labeled(let inner):
        result = inner.map { spawns($0) } ?? .none
      case .returnStatement:
        // The function's implicit taskwait.
        result = Spawns(total: .zero, leading: .zero, trailing: .zero, waits: true)
      default:
        result = .none
      }
    }
    spawnsMemo[statement.range] = result
    return result
  }

  private mutating func blockSpawns(_ block: Stmt) -> Spawns {
    var total: CountedNames? = .zero
    var leading: CountedNames? = .zero
    var trailing: CountedNames? = .zero
    var waits = false
    for element in self.block(block).elements {
      let part = element.item.map { spawns($0) } ?? Spawns(total: .zero, leading: .zero, trailing: .zero, waits: true)
      total = Self.sum(total, part.total)
      if !waits { leading = Self.sum(leading, part.leading) }
      trailing = part.waits ? part.trailing : Self.sum(trailing, part.trailing)
      waits = waits || part.waits
    }
    return Spawns(total: total, leading: leading, trailing: trailing, waits: waits)
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
      // A `do` runs its body once at least: it passes the body's taskwait.
      var isDo = false
      if case .doWhile = loop.kind { isDo = true }
      return Spawns(total: total, leading: inner.leading, trailing: inner.trailing, waits: isDo)
    case (true, .breaks):
      // The first iteration reaches its taskwait or leaves the loop, the last one left it or
      // ended past its taskwait: at most one iteration's spawns on either side.
      return Spawns(total: total, leading: inner.total, trailing: inner.total, waits: false)
    default:
      return Spawns(total: total, leading: total, trailing: total, waits: false)
    }
  }

  // MARK: Names

  /// Whether the loop (header or body) changes none of the names: a figure counted at its
  /// header (its trip count) or in one of its iterations means the same in every iteration.
  func unchanged(_ value: CountedNames, inLoop loop: Stmt) -> Bool {
    unchanged(value.value, inLoopAt: loop.range.lowerBound)
  }

  func unchanged(_ value: Polynomial, inLoopAt start: Int) -> Bool {
    let changed = mutations.modifiedInLoop[start] ?? []
    return value.variables.allSatisfy { !changed.contains($0) }
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

  /// At most one of the two: the larger where both are numbers, else their sum.
  private static func either(_ a: CountedNames?, _ b: CountedNames?) -> CountedNames? {
    guard let a, let b else { return nil }
    if let x = a.value.constantValue, let y = b.value.constantValue, a.declarations.isEmpty, b.declarations.isEmpty {
      return CountedNames(value: Polynomial(max(x, y)))
    }
    return a.adding(b)
  }
}
