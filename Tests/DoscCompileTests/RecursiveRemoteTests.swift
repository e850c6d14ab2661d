import DoscExplain
import Foundation
import Testing

/// Recursive tasks priced remote (issue 10, policy.c "Recursive tasks remote") over real MPI
/// ranks: fib, whose calls are all made above its base (the manifest's `lower_bound`), ships the
/// top of its tree once its sure work pays for the round trip and the first contact; n-queens,
/// whose recursive call sits in a loop under a test (no measure), stays on rank 0 and the trace
/// says why. Both print what the plain C build prints. Built-in profile, as a fresh machine.
@Suite(.serialized) struct RecursiveRemoteTests {
  static let auto = RemoteTests.Configuration(ranks: 3, tcp: false, binding: "auto", threads: 1)

  @Test(.enabled(if: RemoteTests.mpiInstalled))
  func fibShipsTheTopOfItsTreeFromItsSureWork() throws {
    let built = try RemoteTests.build(try RemoteTests.exampleSources("fib"), name: "fib-recursive", arguments: ["35"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    // A shipped task is one a serving rank takes before rank 0's own thread runs it (its ticket,
    // remote.c): on a loaded machine whose communication thread gets no CPU while rank 0 runs
    // the top of the tree, none is sent. The run is tried again (at most 3 times, said in the
    // log) before 0 sent counts as a failure; what is sent is always the top levels only.
    var got = try RemoteTests.run([built.program, "35"], Self.auto)
    for attempt in 2...3 where (RemoteTests.counter(got.stderr, rank: 0, "tasks sent") ?? 0) == 0 {
      print("fib 35 on 3 ranks sent no task (a loaded machine?): run \(attempt) of 3")
      got = try RemoteTests.run([built.program, "35"], Self.auto)
    }
    #expect(got.status == 0, "\(got.stderr)")
    #expect(got.stdout == built.expected.stdout)
    let site = try #require(
      got.stderr.split(separator: "\n").first { $0.hasPrefix("dosc: site 0 fib ") }, "\(got.stderr)")
    #expect(site.contains(": remote - ") && site.contains("the subtree's sure work (its lower bound)"), "\(site)")
    // main's lone fib(35) is spawned, not shipped, so that its tree's top can be.
    #expect(got.stderr.contains("dosc: site 2 fib (fib.c:20:12): local - 1 thread; a lone task"), "\(got.stderr)")
    let sent = try #require(RemoteTests.counter(got.stderr, rank: 0, "tasks sent"), "\(got.stderr)")
    #expect(sent >= 1 && sent <= 6, "the top levels only: \(sent) tasks sent")
    // explain, from the same code, says from which n and agrees on the spawn's binding.
    let explanation = try Explanation.make(
      .init(
        program: built.program, threads: 1, nodes: 3, values: ["n": 35],
        environment: ["DOSC_PROFILE": "/nonexistent/profile.json"]))
    let explained = try #require(explanation.sites.first)
    let from = try #require(explained.thresholds.remoteMeasure)
    #expect(from <= 34 && explained.atValues.bindingAtSpawn == "remote", "\(explained.thresholds)")
  }

  @Test(.enabled(if: RemoteTests.mpiInstalled))
  func nqueensWithoutAMeasureStaysAndSaysWhy() throws {
    let built = try RemoteTests.build(
      try RemoteTests.exampleSources("nqueens"), name: "nqueens-recursive", arguments: ["8"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let got = try RemoteTests.run([built.program, "8"], Self.auto)
    #expect(got.status == 0, "\(got.stderr)")
    #expect(got.stdout == built.expected.stdout)
    #expect(
      got.stderr.contains(
        "dosc: site 0 nqueens (nqueens.c:25:19): inline - 1 thread and the task cannot go remote "
          + "(recursive without a measure: no size tells a tiny tree"), "\(got.stderr)")
    #expect(RemoteTests.counter(got.stderr, rank: 0, "tasks sent") == 0, "\(got.stderr)")
  }
}
