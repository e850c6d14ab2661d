import DoscManifest
import Foundation
import Testing

/// A site's `siblings` is its batch: the tasks its function's invocation spawns with it between
/// two taskwaits (`SiteBatches`), evaluated at the spawn, never below the truth, or null. The
/// input is the footprint oracle's program, which counts each batch of a run
/// (`scripts/footprint-oracle.py`); here each figure is the one its comment in the input says.
@Suite struct SiteBatchTests {
  static let input = Fixtures.repository.appendingPathComponent("Tests/Oracle/task-spawn-batches.c").path

  /// The figures of each function's sites, in order, at these values (nil: null).
  static func figures(
    of input: String = Self.input,
    at values: [String: Int] = ["n": 6, "k_end": 3, "rows": 3, "cols": 4, "stop": 2, "lo": 2, "hi": 20]
  ) throws -> [String: [Int?]] {
    let (manifest, _) = try Fixtures.analyze(input)
    var figures: [String: [Int?]] = [:]
    for site in manifest.sites {
      figures[site.function, default: []].append(
        try site.siblings.polynomial.map { _ in try site.siblings.value(values) })
    }
    return figures
  }

  @Test func aTaskwaitEndsTheBatchAndALoopAroundItMakesOnePerIteration() throws {
    let figures = try Self.figures()
    // Before: 1 + n at both (the sites after the taskwait were added to A's batch).
    #expect(figures["wait_then_loop"] == [1, 6])
    // A taskwait in each iteration, but under an `if`: rows x cols (before: cols alone).
    #expect(figures["wait_in_if"] == [12])
    #expect(figures["rows_then_wait"] == [12])
  }

  @Test func aJumpPastTheTaskwaitJoinsTheIterations() throws {
    let figures = try Self.figures()
    // `break` before the taskwait: the iteration that leaves (3) with the n after the loop
    // (before: 12, with the next iteration's 3, which does not run after a `break`).
    #expect(figures["break_before_wait"] == [9, 9])
    let (manifest, _) = try Fixtures.analyze(Self.input)
    let leaving = manifest.sites.first { $0.function == "break_before_wait" }?.siblings.polynomial
    // One `max` over the ways' counts (it was max(3,max(max(3,n+3),n+3)) as they met).
    #expect(leaving?.cExpression == "max(3,n+3)", "\(String(describing: leaving))")
    #expect(figures["continue_past_wait"] == [6])
    // A `goto` loop has no count (before: 1, for a batch of n).
    #expect(figures["goto_loop"] == [nil])
    // Cases that fall through: both sites in each iteration.
    #expect(figures["switch_cases"] == [12, 12])
    // Entered at `case 1`, past the first taskwait: every case, every iteration.
    #expect(figures["switch_past_wait"] == [12, 12])
  }

  @Test func aWhileOfUnknownCountHasABatchWhereEachSpawnIsWaitedFor() throws {
    let figures = try Self.figures()
    let batches = try #require(figures["while_unknown"])
    #expect(batches.first == 1)
    // The second `while` is read as counted up to N - 1 or not at all: never below its batch.
    #expect(batches.count == 2 && (batches[1] == nil || batches[1]! >= 39), "\(batches)")
  }

  @Test func aHelpersSpawnsAreItsOwnBatch() throws {
    let figures = try Self.figures()
    #expect(figures["helper"] == [6])
    #expect(figures["calls_helper"] == [6])
  }

  /// A figure names the value a variable has at the spawn: a loop's variable declared at the
  /// function's top, read after its loop or counted from where it stopped, is not that value.
  @Test func aNameTheLoopsChangeIsNotInAFigure() throws {
    let figures = try Self.figures()
    // Before: n - j + 1 at both, 1 after the loop for a batch of n(n+1)/2 + 1.
    #expect(figures["top_name_after_loop"] == [nil, nil])
    // Before: hi/2 - i + hi - i: below the batch once `i` has moved.
    #expect(figures["resumed_loop"] == [nil, nil])
    let (manifest, _) = try Fixtures.analyze(Self.input)
    let resumed = manifest.sites.filter { $0.function == "resumed_loop" }
    #expect(resumed.last?.loop?.tripCount == .unknown, "\(resumed.map(\.loop))")
  }

  /// Ways that exclude each other count as the larger, not the sum; a `break` or `continue`
  /// between the spawn and the taskwait after it joins the spawn to what follows.
  static let arms = Fixtures.repository.appendingPathComponent("Tests/Oracle/task-batch-arms.c").path
  static let armsValues = ["n": 6, "m": 3, "c": 1, "stop": 2, "lo": 2, "hi": 17, "i": 0]

  @Test func exclusiveWaysCountTheLarger() throws {
    let figures = try Self.figures(of: Self.arms, at: Self.armsValues)
    // After the `if`: its larger arm and the one after (before: n + m + 1, 10).
    #expect(figures["arms_if_else"] == [7, 4, 7])
    // The iteration before or what precedes the loop, not both; the loop runs an iteration,
    // which waits, or none (before: 3 at each).
    #expect(figures["neighbours"] == [2, 2, 2, 2])
    // The iteration that leaves with the n after the loop (before: n + 6, 12).
    #expect(figures["break_then_loop"] == [9, 9])
  }

  @Test func aJumpAfterTheSpawnSkipsTheTaskwaitAfterIt() throws {
    let figures = try Self.figures(of: Self.arms, at: Self.armsValues)
    // A taskwait before the spawn and one after: a `break` between joins the spawn to the two
    // after the loop (before: 1, below the batch of 3).
    #expect(figures["break_after_wait"] == [3, 3, 3])
    // A `continue` between joins it to the next iteration's first spawn (before: 1, below the
    // batch of 2): every iteration's.
    #expect(figures["continue_after_wait"] == [12, 12])
  }
}
