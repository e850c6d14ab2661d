import Foundation
import Testing

/// The batch test at the spawn (issue 10): a site's siblings formula is the whole batch of
/// tasks its function spawns before a taskwait (an outer loop without one multiplies it), the
/// generated check evaluates it, and a lone task is the plain call (the trace's time outside
/// tasks is then the whole run); where the formula names a variable the site cannot see (or
/// sees another of that name: one the loop's body declares), there is no such test and the
/// tasks spawn. The rewrite records which sites test it (`batch_test`).
@Suite struct SpawnBatchTests {
  static let input = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Inputs/dispatch/batches.c").path

  @Test func loneTaskIsAPlainCallWhereTheBatchIsKnown() throws {
    let scratch = try Harness.scratch("batches")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let compiled = Harness.doscCompile([Self.input, "-O2", "-Wall", "-Werror", "-o", scratch + "/batches"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let sidecar =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: scratch + "/batches.dosc.json"))) as? [String: Any]
    let sites = try #require(sidecar?["sites"] as? [[String: Any]])
    let tested = Dictionary(
      sites.map { ($0["function"] as? String ?? "?", $0["batch_test"] as? Bool ?? false) },
      uniquingKeysWith: { $0 && $1 })
    #expect(
      tested == [
        "one_loop": true, "rows_then_wait": true, "wait_per_row": true, "block_bound": true, "two_blocks": true,
        "hidden_bound": false,
      ], "\(tested)")

    let plain = try Harness.plainCompile([Self.input], output: scratch + "/plain")
    try #require(plain.status == 0)
    // (function, rows, cols): whether any task ran on the pool.
    let cases: [(Int, Int, Int, Bool)] = [
      (0, 1, 1, false), (0, 1, 4, true),
      (1, 4, 1, true),  // 4 rows of 1 task, spawned together: a batch of 4
      (1, 1, 1, false),  // 1 row of 1 task (siblings rows*cols; it was cols alone, untested)
      (2, 4, 1, false), (2, 1, 4, true),
      (3, 1, 1, false), (3, 1, 4, true),
      (4, 1, 1, true),  // two sites of 1 task each: a batch of 2 (each block's bound is min(64, cols))
      (5, 1, 4, true),  // 4 tasks: the global `cols` the spawn sees is 1
    ]
    for (function, rows, cols, spawns) in cases {
      let arguments = [String(function), String(rows), String(cols)]
      let expected = try Harness.run([scratch + "/plain"] + arguments)
      let run = try Harness.run(
        [scratch + "/batches"] + arguments,
        environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1", "DOSC_PROFILE": scratch + "/no-profile.json"])
      #expect(run.status == 0 && run.stdout == expected.stdout, "\(arguments): \(run.stderr)")
      #expect(Harness.tasksRanHere(run.stderr) == spawns, "\(arguments): \(run.stderr)")
    }
  }
}
