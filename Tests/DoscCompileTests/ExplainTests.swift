import DoscExplain
import DoscPolicy
import Foundation
import Testing

/// `dosc explain` (issue 10): what it says for every example, that `--set` moves the break-even
/// exactly where the runtime's thresholds put it, that a stale sidecar, a sidecar override and
/// a program not built by dosc are reported, and the speedup plot.
@Suite struct ExplainTests {
  /// Each example's task parameters at a medium size, as its main passes them.
  static let values: [String: [String: Double]] = [
    "vector": ["lo": 0, "hi": 65536, "n": 1_000_000],
    "matmul": ["n": 256, "lo": 0, "hi": 16],
    "stencil": ["lo": 0, "hi": 8192, "n": 100_000],
    "fib": ["n": 25],
    "nqueens": ["n": 8, "j": 0],
    "histogram": ["lo": 0, "hi": 65536],
    "mergesort": ["n": 100_000],
    "mandelbrot": ["width": 160, "height": 120, "lo": 0, "hi": 8, "max_iter": 500],
    "montecarlo": ["samples": 2_000_000, "tasks": 24, "seed": 1],
    "finegrain": ["n": 1_048_576, "lo": 0, "hi": 256],
  ]

  /// A program built by dosc in a fresh directory, with a missing profile (the built-in one).
  struct Built {
    var directory: String
    var program: String
    var environment: [String: String]
  }

  static func build(_ name: String) throws -> Built {
    let directory = try Harness.scratch("explain-\(name)")
    let source = Harness.examples.appendingPathComponent("\(name)/\(name).c").path
    let compiled = Harness.doscCompile([source, "-O2", "-o", directory + "/\(name)"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    return Built(
      directory: directory, program: directory + "/\(name)",
      environment: ["DOSC_PROFILE": directory + "/no-profile.json", "HOME": directory])
  }

  /// Hosts of 64 cores, one rank each unless told: the workers are the threads, whatever the
  /// cores of the machine the tests run on.
  static func explain(
    _ built: Built, threads: Int = 2, nodes: Int = 1, cores: Int = 64, ranksPerHost: Int = 1,
    values: [String: Double] = [:], environment: [String: String] = [:]
  ) throws -> Explanation {
    try Explanation.make(
      .init(
        program: built.program, threads: threads, nodes: nodes, cores: cores, ranksPerHost: ranksPerHost,
        values: values, environment: built.environment.merging(environment) { $1 }))
  }

  @Test(arguments: SerialElisionTests.examples.map(\.name))
  func everyExampleTextAndJSON(_ name: String) throws {
    let built = try Self.build(name)
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let explanation = try Self.explain(built, threads: 2, nodes: 3, values: Self.values[name] ?? [:])
    let manifest =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: built.program + ".dosc.json"))) as? [String: Any]
    let sites = try #require(manifest?["sites"] as? [[String: Any]])
    #expect(explanation.sites.count == sites.count)
    #expect(explanation.stale == nil)
    let text = explanation.text()
    #expect(text.contains("site  task"), "the table header")
    for site in explanation.sites {
      #expect(text.contains("site \(site.id) \(site.task) (\(site.location))"), "\(text)")
      #expect(["inline", "local", "remote"].contains(site.binding))
      if !site.figures.remotable {
        #expect(site.binding != "remote")
        #expect(!site.notRemotable.isEmpty)
        // Located: FILE:LINE:COL: why.
        for reason in site.notRemotable {
          #expect(reason.range(of: #"^[^:]+\.c:\d+:\d+: "#, options: .regularExpression) != nil, "\(reason)")
          #expect(text.contains("not remotable: \(reason)"))
        }
      }
      if site.figures.work != "null" {
        #expect(site.atValues.missing.isEmpty, "\(name): \(site.atValues.missing)")
        #expect(site.atValues.inlineNs != nil && site.atValues.localNs != nil)
        #expect((site.atValues.remoteNs != nil) == site.figures.remotable, "a remote price only when remotable")
        #expect((site.atValues.l ?? 0) >= 1)
        if site.figures.remotable { #expect((site.atValues.y ?? 0) >= 1) }
      } else {
        #expect(site.atValues.inlineNs == nil, "no price without a work figure")
      }
    }
    // The JSON validates against the published schema.
    let json = built.directory + "/explain.json"
    try explanation.json().write(toFile: json, atomically: true, encoding: .utf8)
    let schema = Harness.repository.appendingPathComponent("Schemas/dosc-explain-1.schema.json").path
    let check = try Harness.run([
      "python3", "-c",
      "import json, sys, jsonschema; jsonschema.Draft202012Validator(json.load(open(sys.argv[1])))"
        + ".validate(json.load(open(sys.argv[2]))); print('valid')", schema, json,
    ])
    #expect(check.status == 0 && check.stdout.contains("valid"), "\(check.stderr)")
  }

  /// The trace of the program itself gives the binding explain gives, with the same reason.
  @Test func explainAgreesWithTheRuntimeTrace() throws {
    for name in ["matmul", "fib", "histogram"] {
      let built = try Self.build(name)
      defer { try? FileManager.default.removeItem(atPath: built.directory) }
      let explanation = try Self.explain(built, threads: 2)
      let arguments = name == "fib" ? ["20"] : name == "matmul" ? ["64"] : []
      let run = try Harness.run(
        [built.program] + arguments,
        environment: built.environment.merging(["DOSC_THREADS": "2", "DOSC_TRACE": "1"]) { $1 })
      for site in explanation.sites {
        #expect(
          run.stderr.contains("(\(site.location)): \(site.binding) - \(site.reason)"),
          "\(name) site \(site.id): \(site.binding) - \(site.reason)\n\(run.stderr)")
      }
    }
  }

  /// Explain's binding at a spawn is the generated dispatch's choice (`dosc_spawn_choice`, one C
  /// function): a forced remote ships a recursive task that passes the grain (explain once said
  /// "local" there, while the program shipped it), and a recursive site without a measure
  /// (nqueens) is decided at depth 0 with its batch, n tasks.
  @Test func bindingAtSpawnIsTheDispatchsChoice() throws {
    let fib = try Self.build("fib")
    defer { try? FileManager.default.removeItem(atPath: fib.directory) }
    let forced = try Self.explain(fib, threads: 1, nodes: 3, values: ["n": 30], environment: ["DOSC_BIND": "remote"])
    for site in forced.sites { #expect(site.atValues.bindingAtSpawn == "remote", "\(site.id): \(site.atValues)") }
    let small = try Self.explain(fib, threads: 1, nodes: 3, values: ["n": 12], environment: ["DOSC_BIND": "remote"])
    for site in small.sites { #expect(site.atValues.bindingAtSpawn == "inline", "forced remote keeps the grain") }

    let queens = try Self.build("nqueens")
    defer { try? FileManager.default.removeItem(atPath: queens.directory) }
    let wide = try #require(try Self.explain(queens, threads: 2, values: ["n": 8, "j": 0]).sites.first)
    #expect(wide.atValues.bindingAtSpawn == "local", "\(wide.atValues)")
    let lone = try #require(try Self.explain(queens, threads: 2, values: ["n": 1, "j": 0]).sites.first)
    #expect(lone.atValues.bindingAtSpawn == "inline", "a batch of one task is the plain call")
    let unknown = try #require(try Self.explain(queens, threads: 2, values: ["j": 0]).sites.first)
    #expect(unknown.atValues.bindingAtSpawn == nil, "the batch is not known without n")
  }

  /// fib's measure (n, base 2, decrements 1 and 2): explain states the threshold in the
  /// user's terms and the runtime holds to it. Below it no task runs at all (the trace's time
  /// outside tasks is the whole run); above it the top-level task is spawned.
  @Test func recursiveSiteSpawnsFromItsMeasureThreshold() throws {
    let built = try Self.build("fib")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let small = try Self.explain(built, threads: 2, values: ["n": 18])
    let site = try #require(small.sites.first { $0.function == "main" })
    #expect(site.thresholds.measure == "n" && site.thresholds.measureThreshold == 22, "\(site.thresholds)")
    #expect(site.thresholds.depthCutoff == 13)
    let even = try #require(site.breakEven.first)
    #expect(even.variable == "n" && even.from == 22)
    #expect(even.text.hasPrefix("spawns while n >= 22 and depth < 13"), "\(even.text)")
    #expect(site.atValues.bindingAtSpawn == "inline")
    // fib(18) makes 2 fib(19) - 1 = 8361 calls of 10 operations each
    #expect(site.atValues.subtreeWorkBound == 83610)
    #expect(small.text().contains("spawns while n >= 22 and depth < 13"))
    #expect(try small.json().contains(#""measure_threshold" : 22"#))
    #expect(try Self.explain(built, threads: 2, values: ["n": 21]).sites[0].atValues.bindingAtSpawn == "inline")
    #expect(try Self.explain(built, threads: 2, values: ["n": 22]).sites[0].atValues.bindingAtSpawn == "local")

    func timeOutsideTasks(_ n: Int) throws -> (outside: Double, total: Double) {
      let run = try Harness.run(
        [built.program, "\(n)"],
        environment: built.environment.merging(["DOSC_THREADS": "2", "DOSC_TRACE": "1"]) { $1 })
      #expect(run.status == 0, "\(run.stderr)")
      let pattern = /time outside tasks ([0-9.]+) s of ([0-9.]+) s/
      let match = try #require(run.stderr.firstMatch(of: pattern), "\(run.stderr)")
      return (Double(match.1)!, Double(match.2)!)
    }
    let unsplit = try timeOutsideTasks(18)
    #expect(unsplit.outside == unsplit.total, "fib 18 ran a task: \(unsplit)")
    let split = try timeOutsideTasks(27)
    #expect(split.outside < split.total, "fib 27 ran no task: \(split)")
  }

  @Test func setMovesTheBreakEvenWhereTheThresholdsAre() throws {
    let built = try Self.build("matmul")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    func remoteFrom(_ values: [String: Double], profile: String? = nil) throws -> (Double, SiteExplanation) {
      let explanation = try Self.explain(
        built, threads: 2, nodes: 3, values: values,
        environment: profile.map { ["DOSC_PROFILE": $0] } ?? [:])
      let site = try #require(explanation.sites.first)
      #expect(site.binding == "remote", "\(site.reason)")
      let even = try #require(site.breakEven.first { $0.variable == "n" && $0.binding == "remote" })
      return (try #require(even.from), site)
    }
    let (narrow, site) = try remoteFrom(["n": 768, "lo": 0, "hi": 16])
    // Just below the break-even the spawn-time check keeps the task here; at it, it ships it.
    var decision = dosc_decision()
    decision.remote_work_threshold = try #require(site.thresholds.remoteWork)
    decision.remote_bytes_per_op = try #require(site.thresholds.remoteBytesPerOp)
    decision.remote_first_bytes = try #require(site.thresholds.remoteFirstBytes)
    func shipped(_ n: Double) -> (Int64, Int64, Int64) {
      let rows = 16.0
      let work = rows * 2 * (5 * n * n + 3 * n + 3) + 1
      // The spawn-time test weighs the task's own bytes: A's rows in and C's rows back (C is
      // write_dense and out-only: it does not go in); B is replicated (read only, from 0, at
      // least 4 KiB), paid once per node.
      let bytes = 8 * rows * n + 8 * rows * n
      // The batch, (n + 15) / 16 blocks, shares the first contact with the other nodes.
      return (Int64(work), Int64(bytes), Int64((n + 15) / 16))
    }
    let below = shipped(narrow - 1)
    let at = shipped(narrow)
    #expect(dosc_remote_pays(&decision, below.0, below.1, below.2) == 0, "n = \(narrow - 1) stays local")
    #expect(dosc_remote_pays(&decision, at.0, at.1, at.2) != 0, "n = \(narrow) goes remote")
    // Twice the rows per task: the round trip is paid for at a smaller n.
    let (wide, _) = try remoteFrom(["n": 768, "lo": 0, "hi": 32])
    #expect(wide < narrow, "hi=32: \(wide), hi=16: \(narrow)")
    // A network ten times slower moves it up.
    let slow = built.directory + "/slow.json"
    try #"{"schema": "dosc-profile/1", "remote_latency_ns": 200000}"#.write(
      toFile: slow, atomically: true, encoding: .utf8)
    let (slower, _) = try remoteFrom(["n": 768, "lo": 0, "hi": 16], profile: slow)
    #expect(slower > narrow, "latency x10: \(slower), default: \(narrow)")
  }

  /// The profile's `remote_later_contact_share` (what each serving rank after the first adds to a
  /// batch's first contact) is a named quantity of explain, and its remote price on 3 ranks
  /// moves with it (on 2 ranks there is no later rank): matmul 64's 4 row blocks on 3 ranks of
  /// 1 thread on a 2-core host, each paying a quarter of the whole contact (rank 0 only
  /// dispatches there: nothing runs until the contact ends; it was charged half before).
  @Test func laterContactShareMovesTheRemotePrice() throws {
    let built = try Self.build("matmul")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    func remoteNs(share: Double, nodes: Int) throws -> (Double, Explanation) {
      let profile = built.directory + "/share-\(share).json"
      try #"{"schema": "dosc-profile/1", "remote_later_contact_share": \#(share)}"#.write(
        toFile: profile, atomically: true, encoding: .utf8)
      let explanation = try Self.explain(
        built, threads: 1, nodes: nodes, cores: 2, ranksPerHost: nodes, values: ["n": 64, "lo": 0, "hi": 16],
        environment: ["DOSC_PROFILE": profile])
      #expect(explanation.profileWarnings.isEmpty, "\(explanation.profileWarnings)")
      #expect(explanation.machine["remote_later_contact_share"] == share)
      return (try #require(explanation.sites.first?.atValues.remoteNs), explanation)
    }
    let (none, _) = try remoteNs(share: 0, nodes: 3)
    let (whole, explanation) = try remoteNs(share: 1, nodes: 3)
    // 300 us built in x 1 more contact, all of it held up (the serving ranks fill the 2 cores,
    // rank 0 only dispatches), over 4 tasks.
    #expect(abs(whole - none - 300_000 / 4) < 1, "share 1: \(whole), share 0: \(none)")
    #expect(explanation.text().contains("remote_later_contact_share 1"))
    #expect(explanation.sites.first?.reason.contains("1 of it each later one") == true)
    let (two, _) = try remoteNs(share: 0, nodes: 2)
    let (twoWhole, _) = try remoteNs(share: 1, nodes: 2)
    #expect(two == twoWhole, "2 ranks: \(two) and \(twoWhole)")
  }

  /// A site bound remote whose task does not go (too little work, or too much data for its
  /// work) takes the two-way decision: with 2 threads exactly one node's (a local spawn from
  /// the grain); with 1 thread the plain call, below the remote threshold and above it too
  /// when its bytes keep it here (the kept threshold: a spawn on 1 thread only defers the work).
  @Test func remoteSiteBelowItsThresholdsTakesTheOneNodeDecision() throws {
    let built = try Self.build("matmul")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    func site(threads: Int, nodes: Int, n: Double) throws -> SiteExplanation {
      try #require(
        try Self.explain(built, threads: threads, nodes: nodes, values: ["n": n, "lo": 0, "hi": 16]).sites.first)
    }
    for threads in [1, 2] {
      let wide = try site(threads: threads, nodes: 3, n: 768)
      #expect(wide.binding == "remote", "\(wide.reason)")
      let local = try #require(wide.breakEven.first { $0.variable == "n" && $0.binding == "local" }?.from)
      let remote = try #require(wide.breakEven.first { $0.variable == "n" && $0.binding == "remote" }?.from)
      // Below where a spawn pays: the plain call, as on one node.
      #expect(try site(threads: threads, nodes: 3, n: local - 1).atValues.bindingAtSpawn == "inline")
      #expect(try site(threads: threads, nodes: 1, n: local - 1).atValues.bindingAtSpawn == "inline")
      if threads == 1 {
        // Nothing but the plain call until remote pays.
        #expect(local == remote, "1 thread: a spawn pays from n >= \(local), remote from n >= \(remote)")
        #expect(wide.thresholds.keptWork == nil, "1 thread: a kept task is never spawned")
      } else {
        // From there to where remote pays: a local spawn, one node's decision.
        #expect(local < remote, "a spawn pays from n >= \(local), remote from n >= \(remote)")
        #expect(wide.thresholds.keptWork == wide.thresholds.localWork, "\(wide.thresholds)")
        for n in [local, ((local + remote) / 2).rounded(.down), remote - 1] {
          let three = try site(threads: threads, nodes: 3, n: n).atValues.bindingAtSpawn
          #expect(three == "local", "n = \(n): \(three ?? "-")")
          #expect(try site(threads: threads, nodes: 1, n: n).atValues.bindingAtSpawn == three)
        }
      }
      #expect(try site(threads: threads, nodes: 3, n: remote).atValues.bindingAtSpawn == "remote")
    }
  }

  /// A batch of one task (vector's one block at n <= 65536: its siblings, the loop's trip count,
  /// evaluated at the spawn) is the plain call: explain says so, its prices agree (a spawn only
  /// adds to the call), and the program runs no task (the trace's time outside tasks is all of
  /// it); at four blocks the same site spawns.
  @Test func loneTaskIsAPlainCallInExplainAndInTheRun() throws {
    let built = try Self.build("vector")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    for (n, expected) in [(20000, "inline"), (65536, "inline"), (65537, "local"), (200_000, "local")] {
      let explanation = try Self.explain(
        built, threads: 2, values: ["n": Double(n), "lo": 0, "hi": Double(min(n, 65536))])
      let site = try #require(explanation.sites.first)
      #expect(site.binding == "local" && site.thresholds.leastSiblings == 2, "\(site.thresholds)")
      #expect(site.atValues.bindingAtSpawn == expected, "n = \(n): \(site.atValues.bindingAtSpawn ?? "-")")
      if expected == "inline" {
        #expect(try #require(site.atValues.inlineNs) < (try #require(site.atValues.localNs)), "n = \(n)")
      }
      let run = try Harness.run(
        [built.program, String(n)],
        environment: built.environment.merging(["DOSC_THREADS": "2", "DOSC_TRACE": "1"]) { $1 })
      #expect(run.status == 0)
      #expect(Harness.tasksRanHere(run.stderr) == (expected == "local"), "n = \(n): \(run.stderr)")
      // Forced local keeps the grain, the batch test with it: a lone task is a plain call there too.
      let forced = try Harness.run(
        [built.program, String(n)],
        environment: built.environment.merging(["DOSC_THREADS": "2", "DOSC_TRACE": "1", "DOSC_BIND": "local"]) {
          $1
        })
      #expect(Harness.tasksRanHere(forced.stderr) == (expected == "local"), "forced local, n = \(n)")
    }
  }

  /// Much data, little work: finegrain's tasks move 16 bytes per 7 operations; at a size where
  /// their work alone would pay for the trip many times over, their bytes keep them here.
  @Test func muchDataLittleWorkStaysHereWhateverTheWork() throws {
    let built = try Self.build("finegrain")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let explanation = try Self.explain(
      built, threads: 2, nodes: 3, values: ["n": 1_000_000_000, "lo": 0, "hi": 100_000_000])
    let site = try #require(explanation.sites.first)
    #expect(site.binding == "remote")
    let threshold = try #require(site.thresholds.remoteWork)
    let work = try #require(site.atValues.work)
    #expect(work > Double(threshold) * 100, "work \(work), remote threshold \(threshold)")
    #expect(site.atValues.bindingAtSpawn == "local")
    let own = try #require(site.atValues.spawnBytes)
    #expect(abs(own - 16 * 100_000_000) < 1, "own bytes \(own)")
    #expect(site.breakEven.contains { $0.binding == "remote" && $0.from == nil })
  }

  /// Ranks that fill their host's cores add no parallelism beyond them (3 ranks of 1 thread on 2
  /// cores: 2 workers), and a program's first remote tasks pay the contact with the other ranks
  /// (`remote_first_ns`) over their batch: matmul 64's 4 row blocks stay here (forced remote
  /// ran them in 0.88 ms, inline in 0.39), matmul 256's 16 go. With 2 threads a rank, the hosts'
  /// 2 cores run no more workers than rank 0's pool: local.
  /// A recursive task whose whole work is known (a chain on n - 1: `9*n+1`) spawns by that
  /// work in the compiled site, and explain says so alone: no depth cut-off of a measure the
  /// program does not use (explain once printed both).
  @Test func recursiveSiteOfKnownWorkSpawnsByItsWorkAlone() throws {
    let directory = try Harness.scratch("explain-known-work")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let source = directory + "/chain.c"
    try """
    #include <stdio.h>
    long sum_chain(const int *a, int n) {
      if (n <= 0) return 0;
      long rest;
    #pragma dosc task
      rest = sum_chain(a, n - 1);
    #pragma dosc taskwait
      return rest + a[n - 1];
    }
    int main(void) {
      int a[100];
      for (int i = 0; i < 100; i++) a[i] = i;
      printf("%ld\\n", sum_chain(a, 100));
      return 0;
    }
    """.write(toFile: source, atomically: true, encoding: .utf8)
    let compiled = Harness.doscCompile([source, "-O2", "-o", directory + "/chain"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let built = Built(
      directory: directory, program: directory + "/chain",
      environment: ["DOSC_PROFILE": directory + "/no-profile.json", "HOME": directory])
    let site = try #require(try Self.explain(built, threads: 2, values: ["n": 100]).sites.first)
    #expect(site.figures.work != "null" && site.figures.recursive, "\(site.figures)")
    #expect(site.reason.contains("spawns when work >="), "\(site.reason)")
    #expect(!site.breakEven.contains { $0.text.contains("depth <") }, "\(site.breakEven)")
  }

  /// fib's calls are all made above its base (the manifest's `lower_bound`): on 3 ranks of a
  /// 2-core host its subtrees are priced remote from the work they surely have, near the root
  /// only. explain states from which n, its pick at the values follows it, and with one node,
  /// or for n-queens (no measure), it says why nothing ships.
  @Test func recursiveSiteShipsFromItsSureWork() throws {
    let fib = try Self.build("fib")
    defer { try? FileManager.default.removeItem(atPath: fib.directory) }
    func site(_ n: Double, nodes: Int = 3, threads: Int = 1) throws -> SiteExplanation {
      try #require(
        try Self.explain(fib, threads: threads, nodes: nodes, cores: 2, ranksPerHost: 3, values: ["n": n]).sites
          .first)
    }
    let large = try site(34)
    #expect(large.binding == "remote" && large.reason.contains("the subtree's sure work"), "\(large.reason)")
    let from = try #require(large.thresholds.remoteMeasure)
    #expect(large.thresholds.remoteDepthCutoff == 2)
    #expect(large.atValues.bindingAtSpawn == "remote")
    let line = try #require(large.breakEven.first { $0.binding == "remote" })
    #expect(line.from == Double(from) && line.text.hasPrefix("remote while n >= \(from) and depth < 2"), "\(line)")
    #expect(try site(Double(from - 1)).atValues.bindingAtSpawn == "inline", "below the threshold: kept, 1 thread")
    let text = try Self.explain(fib, threads: 1, nodes: 3, cores: 2, ranksPerHost: 3, values: ["n": 34]).text()
    #expect(text.contains("remote while n >= \(from) and depth < 2: from there the subtree's sure work"))
    let one = try site(34, nodes: 1, threads: 2)
    #expect(one.binding == "local" && one.thresholds.remoteMeasure == nil, "\(one.reason)")
    let nqueens = try Self.build("nqueens")
    defer { try? FileManager.default.removeItem(atPath: nqueens.directory) }
    // n-queens is priced at the spawn (its fan-out n and one call's work are figures of the
    // arguments): the root's children of 10-queens ship, those of 6-queens stay.
    func board(_ n: Double) throws -> SiteExplanation {
      try #require(
        try Self.explain(nqueens, threads: 1, nodes: 3, cores: 2, ranksPerHost: 3, values: ["n": n, "j": 1]).sites
          .first)
    }
    let ten = try board(10)
    #expect(ten.binding == "remote" && ten.reason.contains("estimate at the spawn's arguments"), "\(ten.reason)")
    #expect(ten.atValues.bindingAtSpawn == "remote", "\(ten.atValues)")
    #expect(try board(6).atValues.bindingAtSpawn == "inline")
    let queensText = try Self.explain(
      nqueens, threads: 1, nodes: 3, cores: 2, ranksPerHost: 3, values: ["n": 10, "j": 1]
    )
    .text()
    #expect(
      queensText.contains("remote while its estimate >= \(ten.thresholds.remoteMeasure ?? -1) ops"), "\(queensText)")
  }

  /// A tree over halves whose work the analyzer figures by induction (Inputs/remote/halves.c):
  /// on 3 ranks of a 2-core host its subtrees are priced remote by that work, as a batch of the
  /// tree's fan-out at the tree's gain, at the top of the tree only. explain gives the remote
  /// price and the break-even in the task's own terms, picks remote for a large subtree at the
  /// top and keeps a small one here; with one node it has no remote price. Before, such a site
  /// was local or inline.
  @Test func recursiveSiteOfKnownWorkIsPricedRemoteAtTheTopOfItsTree() throws {
    let directory = try Harness.scratch("explain-halves")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/halves.c"
    let compiled = Harness.doscCompile([source, "-O2", "-o", directory + "/halves"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let built = Built(
      directory: directory, program: directory + "/halves",
      environment: ["DOSC_PROFILE": directory + "/no-profile.json", "HOME": directory])
    let half = 524_288.0  // the root's children at n = 2^20
    func site(_ hi: Double, rounds: Double = 100, nodes: Int = 3) throws -> SiteExplanation {
      try #require(
        try Self.explain(
          built, threads: 1, nodes: nodes, cores: 2, ranksPerHost: 3, values: ["lo": 0, "hi": hi, "rounds": rounds]
        ).sites.first)
    }
    let large = try site(half)
    #expect(large.figures.recursive && large.figures.work != "null" && large.figures.remotable, "\(large.figures)")
    #expect(large.binding == "remote" && large.reason.contains("recursive task of known work"), "\(large.reason)")
    #expect(large.thresholds.remoteDepthCutoff == 2, "\(large.thresholds)")
    #expect(large.atValues.bindingAtSpawn == "remote", "\(large.atValues)")
    let remoteNs = try #require(large.atValues.remoteNs)
    #expect(remoteNs < (try #require(large.atValues.localNs)), "remote is the cheaper at 2^19 elements")
    let line = try #require(large.breakEven.first { $0.binding == "remote" && $0.variable == "hi" })
    let from = try #require(line.from)
    #expect(
      line.text.hasPrefix("remote pays from hi >= ") && line.text.hasSuffix("while depth < 2 (the top of its tree)"),
      "\(line.text)")
    #expect(try site(from).atValues.bindingAtSpawn == "remote" && site(from - 1).atValues.bindingAtSpawn == "inline")
    // Its work there pays the round trip, its 16 bytes an element and the first contact's share.
    let atFrom = try site(from)
    let work = try #require(atFrom.atValues.work)
    let bytes = try #require(atFrom.atValues.spawnBytes)
    let threshold = Double(try #require(large.thresholds.remoteWork))
    let perOp = try #require(large.thresholds.remoteBytesPerOp)
    let first = try #require(large.thresholds.remoteFirstBytes)
    #expect(from < half && bytes == 16 * from && bytes + first <= (work - threshold) * perOp, "\(atFrom.atValues)")
    let text = try Self.explain(
      built, threads: 1, nodes: 3, cores: 2, ranksPerHost: 3, values: ["lo": 0, "hi": half, "rounds": 100]
    ).text()
    #expect(text.contains(line.text) && text.contains("recursive task of known work"), "\(text)")
    // Fewer rounds, the same elements: the bytes stay, the work shrinks; remote needs more.
    let lighter = try #require(
      try site(half, rounds: 10).breakEven.first { $0.binding == "remote" && $0.variable == "hi" })
    #expect((lighter.from ?? .infinity) > from, "\(lighter)")
    let one = try site(half, nodes: 1)
    #expect(one.binding != "remote" && one.thresholds.remoteDepthCutoff == nil, "\(one.reason)")
  }

  @Test func ranksThatFillTheirHostAndTheFirstContactArePriced() throws {
    let built = try Self.build("matmul")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    func site(_ n: Double, threads: Int = 1, cores: Int = 2, ranksPerHost: Int = 3) throws -> SiteExplanation {
      try #require(
        try Self.explain(
          built, threads: threads, nodes: 3, cores: cores, ranksPerHost: ranksPerHost,
          values: ["n": n, "lo": 0, "hi": 16]
        ).sites.first)
    }
    let small = try site(64)
    #expect(small.binding == "remote" && small.atValues.bindingAtSpawn == "inline", "\(small.atValues)")
    #expect(try #require(small.atValues.remoteNs) > (try #require(small.atValues.inlineNs)))
    #expect(try site(256).atValues.bindingAtSpawn == "remote")
    // The same 3 ranks on 3 hosts: 3 workers, a cheaper remote price.
    let spread = try #require(try site(256, ranksPerHost: 1).atValues.remoteNs)
    #expect(spread < (try #require(try site(256).atValues.remoteNs)))
    let filled = try site(256, threads: 2)
    #expect(filled.binding == "local" && filled.reason.contains("2 workers at once"), "\(filled.reason)")
    let explanation = try Self.explain(built, threads: 1, nodes: 3, cores: 2, ranksPerHost: 3)
    #expect(explanation.text().contains("3 nodes; 3 ranks a host of 2 cores"))
    #expect(try explanation.json().contains(#""ranks_per_host" : 3"#))
  }

  /// A site whose task is remotable but whose arguments the rewrite could not ship (its sidecar
  /// entry: `remotable: false` and the reason, as the rewrite writes it) is kept here by the
  /// runtime even under a forced remote: explain says the same, with the reason, gives it no
  /// remote price, and passes no bytes at a spawn (the dispatch has no bytes function there).
  @Test func siteWhoseArgumentsCannotBeShippedStaysHereInExplain() throws {
    let built = try Self.build("matmul")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let sidecar = built.program + ".dosc.json"
    var manifest = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sidecar))) as? [String: Any])
    var sites = try #require(manifest["sites"] as? [[String: Any]])
    #expect(sites[0]["remotable"] == nil, "matmul's site ships its arguments")
    let reason = "matmul.c:30:5: the site's arguments cannot be shipped: parameter 1 is neither a number nor a pointer"
    sites[0]["remotable"] = false
    sites[0]["reasons"] = [reason]
    manifest["sites"] = sites
    try JSONSerialization.data(withJSONObject: manifest).write(to: URL(fileURLWithPath: sidecar))
    let values: [String: Double] = ["n": 256, "lo": 0, "hi": 16]
    let forced = try #require(
      try Self.explain(built, threads: 1, nodes: 3, values: values, environment: ["DOSC_BIND": "remote"]).sites.first)
    #expect(forced.binding == "local" && forced.atValues.bindingAtSpawn == "local", "\(forced.reason)")
    #expect(forced.atValues.remoteNs == nil && !forced.figures.remotable)
    #expect(forced.notRemotable == [reason], "\(forced.notRemotable)")
    let auto = try #require(try Self.explain(built, threads: 2, nodes: 3, values: values).sites.first)
    #expect(auto.binding == "local" && auto.atValues.bindingAtSpawn == "local", "\(auto.reason)")
  }

  @Test func staleSidecarIsReported() throws {
    let built = try Self.build("vector")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let path = built.program + ".dosc.json"
    var text = try String(contentsOfFile: path, encoding: .utf8)
    let manifest = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
    let units = try #require(manifest?["units"] as? [[String: Any]])
    let hash = try #require(units.first?["source_hash"] as? String)
    text = text.replacingOccurrences(of: hash, with: String(repeating: "0", count: hash.count))
    // Edited too: a stale sidecar's binding is ignored, by explain as by the runtime.
    text = text.replacingOccurrences(of: #""binding" : "auto""#, with: #""binding" : "inline""#)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let explanation = try Self.explain(built, threads: 2)
    #expect(explanation.stale?.contains("stale") == true)
    #expect(explanation.text().contains("stale"))
    #expect(explanation.sites.allSatisfy { $0.origin == "compiled" })
    let run = try Harness.run([built.program], environment: built.environment.merging(["DOSC_THREADS": "2"]) { $1 })
    #expect(run.stderr.contains("stale"), "the runtime says so too: \(run.stderr)")
  }

  /// With no sidecar beside it, the program's own manifest section, as the runtime reads it.
  @Test func manifestCarriedInTheProgram() throws {
    let built = try Self.build("matmul")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let beside = try Self.explain(built, threads: 2, values: ["n": 256, "lo": 0, "hi": 16])
    try FileManager.default.removeItem(atPath: built.program + ".dosc.json")
    let carried = try Self.explain(built, threads: 2, values: ["n": 256, "lo": 0, "hi": 16])
    #expect(carried.sidecar.contains(".dosc.manifest section"))
    #expect(carried.sites.map(\.binding) == beside.sites.map(\.binding))
    #expect(carried.sites.map(\.reason) == beside.sites.map(\.reason))
  }

  @Test func sidecarOverrideIsShownByExplainAndTheTrace() throws {
    let built = try Self.build("vector")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let path = built.program + ".dosc.json"
    let text = try String(contentsOfFile: path, encoding: .utf8)
      .replacingOccurrences(of: #""binding" : "auto""#, with: #""binding" : "inline""#)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    let explanation = try Self.explain(built, threads: 2)
    let site = try #require(explanation.sites.first)
    #expect(site.origin == "sidecar" && site.requested == "inline" && site.binding == "inline")
    #expect(site.reason.contains("set in the sidecar"))
    #expect(explanation.text().contains("inline - set in the sidecar"))
    let run = try Harness.run(
      [built.program], environment: built.environment.merging(["DOSC_THREADS": "2", "DOSC_TRACE": "1"]) { $1 })
    #expect(run.stderr.contains("): inline - set in the sidecar"), "\(run.stderr)")
  }

  @Test func programNotBuiltByDoscIsAnError() throws {
    let directory = try Harness.scratch("explain-plain")
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let source = Harness.examples.appendingPathComponent("vector/vector.c").path
    let plain = try Harness.plainCompile([source], output: directory + "/vector")
    try #require(plain.status == 0)
    #expect {
      try Explanation.make(
        .init(program: directory + "/vector", threads: 1, nodes: 1, values: [:], environment: [:]))
    } throws: { error in
      "\(error)".contains("not built by dosc")
    }
    // A sidecar beside a plain binary does not make it a dosc program.
    try "{}".write(toFile: directory + "/vector.dosc.json", atomically: true, encoding: .utf8)
    #expect {
      try Explanation.make(
        .init(program: directory + "/vector", threads: 1, nodes: 1, values: [:], environment: [:]))
    } throws: { error in
      "\(error)".contains("not built by dosc")
    }
    #expect(throws: (any Error).self) {
      try Explanation.make(
        .init(program: directory + "/missing", threads: 1, nodes: 1, values: [:], environment: [:]))
    }
  }

  @Test func speedupPlotIsValidSVGWithTheCurves() throws {
    let built = try Self.build("matmul")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let explanation = try Self.explain(built, threads: 2, nodes: 3, values: ["n": 768, "lo": 0, "hi": 16])
    let plot = try SpeedupPlot(explanation: explanation, serialFraction: 0.1)
    // The laws at their corners: one node with no overhead is 1; Sa is bounded by 1 / (ts l).
    #expect(abs(SpeedupPlot(l: 1, y: 1, serialFraction: 0.1, source: "", title: "").amdahl(1) - 1) < 1e-12)
    #expect(plot.amdahl(1024) < 1 / (0.1 * plot.l) + 1e-9)
    #expect(abs(plot.gustafson(1) - 1 / plot.l / (0.1 * (1 - plot.y) + plot.y)) < 1e-12)
    let path = built.directory + "/speedup.svg"
    try plot.svg().write(toFile: path, atomically: true, encoding: .utf8)
    let check = try Harness.run([
      "python3", "-c",
      """
      import sys, xml.etree.ElementTree as ET
      root = ET.parse(sys.argv[1]).getroot()
      ns = '{http://www.w3.org/2000/svg}'
      assert root.tag == ns + 'svg'
      names = [p.get('data-name') for p in root.iter(ns + 'polyline')]
      assert any(n.startswith('Sa ') for n in names) and any(n.startswith('Sag ') for n in names) and 'ideal' in names, names
      for p in root.iter(ns + 'polyline'):
          assert len(p.get('points').split()) >= 50
      texts = ' '.join(t.text or '' for t in root.iter(ns + 'text'))
      assert 'nodes' in texts and 'speedup' in texts and 'ts = 0.1' in texts and 'l = ' in texts, texts
      print('ok')
      """, path,
    ])
    #expect(check.status == 0 && check.stdout.contains("ok"), "\(check.stderr)")

    // ts measured from a run: the runtime's time outside top-level tasks, one thread.
    let measured = try SerialFraction.measure(program: built.program, arguments: ["256"])
    #expect(measured.ts > 0 && measured.ts < 0.5, "matmul's serial part is its set-up and check: \(measured)")
    let withMeasured = try SpeedupPlot(
      explanation: explanation, serialFraction: measured.ts, serialSource: measured.source)
    #expect(withMeasured.svg().contains("measured: matmul 256 on 1 thread"))
  }

  /// Issue 8 item 9 through a dosc-built program: extreme profile values are each replaced by
  /// their default with one warning naming them, and the output stays the serial elision's.
  @Test func extremeProfileThroughABuiltProgram() throws {
    let built = try Self.build("vector")
    defer { try? FileManager.default.removeItem(atPath: built.directory) }
    let plain = try Harness.plainCompile(
      [Harness.examples.appendingPathComponent("vector/vector.c").path], output: built.directory + "/plain")
    try #require(plain.status == 0)
    let expected = try Harness.run([built.directory + "/plain"])
    let profile = built.directory + "/extreme.json"
    try
      #"{"schema": "dosc-profile/1", "spawn_ns": 1e308, "ns_per_op": 1e-320, "steal_ns": -1, "tasks_per_thread": "many"}"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    let run = try Harness.run(
      [built.program], environment: ["DOSC_PROFILE": profile, "DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(run.stdout == expected.stdout)
    let warnings = run.stderr.split(separator: "\n").filter { $0.contains("warning") }
    #expect(warnings.count == 1, "\(run.stderr)")
    for field in ["spawn_ns", "ns_per_op", "steal_ns", "tasks_per_thread"] {
      #expect(warnings.first?.contains("\"\(field)\"") == true, "\(field): \(run.stderr)")
    }
    // The default threshold (10 ns / (0.1 ns x 2%)), not one inverted by 1e308.
    #expect(run.stderr.contains("work >= 5000 ops"), "\(run.stderr)")
    // explain reads the profile the same way.
    let explanation = try Self.explain(built, threads: 2, environment: ["DOSC_PROFILE": profile])
    #expect(explanation.profileWarnings.count == 4)
    #expect(explanation.machine["spawn_ns"] == 10 && explanation.machine["ns_per_op"] == 0.1)
  }
}
