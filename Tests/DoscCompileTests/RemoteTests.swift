import DoscExplain
import Foundation
import Testing

/// The remote binding over real MPI ranks (mpirun from Open MPI, installed by scripts/setup.sh):
/// every example prints its serial elision's output on 2 and 3 ranks, forced remote and auto,
/// over shared memory and TCP; the runtime's byte counters show what crossed the wire; bad
/// messages and killed ranks end the job with a message. Serialized: each run starts 2-3
/// processes on a small machine.
@Suite(.serialized) struct RemoteTests {
  /// One mpirun configuration: ranks, transport, binding, threads per rank.
  struct Configuration: CustomStringConvertible {
    var ranks: Int
    var tcp: Bool
    var binding: String
    var threads: Int
    var description: String {
      "-n \(ranks) \(tcp ? "tcp" : "shared memory") DOSC_BIND=\(binding) DOSC_THREADS=\(threads)"
    }
  }

  /// Every factor (ranks, transport, binding, threads) in both of its values, in four runs.
  static let configurations = [
    Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1),
    Configuration(ranks: 2, tcp: true, binding: "auto", threads: 1),
    Configuration(ranks: 3, tcp: true, binding: "auto", threads: 2),
    Configuration(ranks: 2, tcp: false, binding: "remote", threads: 2),
  ]

  static var mpiInstalled: Bool { FileManager.default.isExecutableFile(atPath: "/usr/bin/mpirun") }

  /// `dosc run` with the environment of one configuration; trace on.
  /// `mpi`: `dosc run --mpi` (nil: the mpirun on the PATH, Open MPI here).
  static func run(
    _ program: [String], _ configuration: Configuration, extra: [String: String] = [:], mpi: String? = nil
  ) throws -> Harness.Run {
    var command = BuildIntegrationTests.withDefaultSignalMask + [try BuildIntegrationTests.dosc(), "run"]
    command += ["-n", String(configuration.ranks)] + (mpi.map { ["--mpi", $0] } ?? [])
    if configuration.tcp { command += ["--mca", "btl", "tcp,self"] }
    var environment = [
      "DOSC_BIND": configuration.binding, "DOSC_THREADS": String(configuration.threads), "DOSC_TRACE": "1",
      "DOSC_PROFILE": "/nonexistent/profile.json",
    ]
    environment.merge(extra) { $1 }
    return try Harness.run(["timeout", "120"] + command + program, environment: environment)
  }

  /// A number of the trace's per-rank line `dosc: rank R: ...`: the one written before `name`.
  static func counter(_ stderr: String, rank: Int, _ name: String) -> Int? {
    guard
      let line = stderr.split(separator: "\n").first(where: {
        $0.hasPrefix("dosc: rank \(rank): ") && $0.contains(" \(name)")
      }), let range = line.range(of: " \(name)")
    else { return nil }
    return line[..<range.lowerBound].split(separator: " ").last.flatMap { Int($0) }
  }

  struct Built {
    var scratch: String
    var program: String
    var expected: Harness.Run
  }

  static func build(_ sources: [String], name: String, arguments: [String] = [], flags: [String] = []) throws -> Built {
    let scratch = try Harness.scratch("remote-\(name)")
    let plain = try Harness.plainCompile(sources, output: scratch + "/plain")
    try #require(plain.status == 0, "cc failed: \(plain.stderr)")
    let compiled = Harness.doscCompile(sources + ["-O2"] + flags + ["-o", scratch + "/prog", "-lm"])
    try #require(compiled.status == 0, "dosc compile failed:\n\(compiled.diagnostics)")
    let expected = try Harness.run([scratch + "/plain"] + arguments)
    try #require(expected.status == 0)
    return Built(scratch: scratch, program: scratch + "/prog", expected: expected)
  }

  static func exampleSources(_ name: String) throws -> [String] {
    let directory = Harness.examples.appendingPathComponent(name)
    return try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".c") }.sorted()
      .map { directory.appendingPathComponent($0).path }
  }

  /// Examples whose tasks forced remote leave rank 0; the others' are not remotable, except
  /// finegrain's, which are, but each below the remote threshold: they run as plain calls.
  static let shipped: Set<String> = ["fib", "mandelbrot", "matmul", "nqueens", "stencil", "vector", "montecarlo"]
  static let belowThreshold: Set<String> = ["finegrain"]

  @Test(.enabled(if: mpiInstalled), arguments: SerialElisionTests.examples)
  func exampleMatchesSerialElisionOnSeveralRanks(_ example: SerialElisionTests.Example) throws {
    let built = try Self.build(try Self.exampleSources(example.name), name: example.name, arguments: example.arguments)
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    for configuration in Self.configurations {
      let got = try Self.run([built.program] + example.arguments, configuration)
      #expect(got.status == 0, "\(example.name) \(configuration): \(got.stderr)")
      #expect(got.stdout == built.expected.stdout, "\(example.name) \(configuration)")
      #expect(!got.stderr.contains("error") && !got.stderr.contains("MPI_ABORT"), "\(got.stderr)")
      #expect(got.stderr.contains("dosc: \(configuration.ranks) ranks"), "\(got.stderr)")
      // Every serving rank reported at exit: each ended cleanly.
      for rank in 1..<configuration.ranks {
        #expect(Self.counter(got.stderr, rank: rank, "tasks run") != nil, "rank \(rank): \(got.stderr)")
      }
      if configuration.binding == "remote" {
        let sent = Self.counter(got.stderr, rank: 0, "tasks sent") ?? -1
        if Self.shipped.contains(example.name) {
          #expect(sent > 0, "\(example.name) forced remote sent nothing: \(got.stderr)")
        } else if Self.belowThreshold.contains(example.name) {
          #expect(sent == 0, "\(example.name): \(got.stderr)")
        } else {
          #expect(sent == 0, "\(example.name) is not remotable: \(got.stderr)")
          #expect(got.stderr.contains("but the task is not remotable"), "\(got.stderr)")
        }
      }
    }
  }

  @Test(.enabled(if: mpiInstalled))
  func stencilHaloArrivesAndItsDenseOutIsNotShippedIn() throws {
    let built = try Self.build(try Self.exampleSources("stencil"), name: "stencil")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let got = try Self.run([built.program], Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1))
    #expect(got.stdout == built.expected.stdout)
    let tasks = try #require(Self.counter(got.stderr, rank: 0, "tasks sent"), "\(got.stderr)")
    let sent = try #require(Self.counter(got.stderr, rank: 0, "bytes sent"))
    let received = try #require(Self.counter(got.stderr, rank: 0, "bytes received"))
    // Each task reads in[lo-1 .. hi] (2 doubles more than it writes) and stores every cell of
    // out[lo, hi) (write_dense): out is not shipped in (no twin to compare with is needed,
    // Runtime/src/write_back.h) and comes back whole, so what comes back is what went in
    // less the halo.
    let written = sent - 16 * tasks
    #expect(tasks > 0 && written > 0 && written % 8 == 0)
    #expect(received == written, "sent \(sent), received \(received), tasks \(tasks)")
    #expect(
      Self.counter(got.stderr, rank: 1, "bytes received")! + Self.counter(got.stderr, rank: 2, "bytes received")!
        == sent)
  }

  /// Mandelbrot's rows `counts[y*width + x]`, x in [0, width), are write_dense (a symbolic row
  /// width): nothing goes in for them, and every pixel comes back whole.
  /// The task is remotable, but its sites pass a struct by value, which the rewrite does not
  /// ship: each site's sidecar entry says `remotable: false` with the reason at the site, and
  /// under forced remote the trace gives that reason and nothing leaves rank 0.
  @Test(.enabled(if: mpiInstalled))
  func siteWhoseArgumentsCannotBeShippedSaysWhyAndStaysHome() throws {
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/struct-by-value.c"
    let built = try Self.build([source], name: "struct-by-value")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let sidecar =
      try JSONSerialization.jsonObject(
        with: Data(contentsOf: URL(fileURLWithPath: built.program + ".dosc.json"))) as? [String: Any]
    let tasks = try #require(sidecar?["tasks"] as? [[String: Any]])
    #expect(tasks.first?["remotable"] as? Bool == true)
    let sites = try #require(sidecar?["sites"] as? [[String: Any]])
    #expect(sites.count == 2)
    for site in sites {
      let line = try #require((site["location"] as? [String: Any])?["line"] as? Int)
      #expect(site["remotable"] as? Bool == false)
      #expect(
        (site["reasons"] as? [String]) == [
          "struct-by-value.c:\(line):5: the site's arguments cannot be shipped: parameter 1 ('struct pt') is "
            + "neither a number nor a pointer"
        ], "\(site)")
    }
    let got = try Self.run([built.program], Configuration(ranks: 2, tcp: false, binding: "remote", threads: 1))
    #expect(got.stdout == built.expected.stdout)
    #expect(Self.counter(got.stderr, rank: 0, "tasks sent") == 0, "\(got.stderr)")
    #expect(
      got.stderr.contains("but the task is not remotable")
        && got.stderr.contains("struct-by-value.c:15:5: the site's arguments cannot be shipped"), "\(got.stderr)")
  }

  @Test(.enabled(if: mpiInstalled))
  func denseOutOnlyRowsAreNotShippedInAndComeBackWhole() throws {
    let built = try Self.build(try Self.exampleSources("mandelbrot"), name: "mandelbrot", arguments: ["160", "120"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let got = try Self.run(
      [built.program, "160", "120"], Configuration(ranks: 3, tcp: true, binding: "remote", threads: 1))
    #expect(got.stdout == built.expected.stdout)
    #expect(Self.counter(got.stderr, rank: 0, "tasks sent") == 15, "\(got.stderr)")
    #expect(Self.counter(got.stderr, rank: 0, "bytes sent") == 0, "\(got.stderr)")
    #expect(Self.counter(got.stderr, rank: 0, "bytes received") == 160 * 120 * 4, "\(got.stderr)")
  }

  /// An out-only footprint with holes (not write_dense): it goes in as the twin, and only what
  /// changed comes back (at most as much, plus the runs' or bit mask's own bytes: at most an
  /// eighth more, write_back.h), so the caller's cells between the stores keep their values.
  @Test(.enabled(if: mpiInstalled))
  func outOnlyParameterWithHolesGoesInAsTheTwinAndComesBackChanged() throws {
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/diagonal.c"
    let built = try Self.build([source], name: "diagonal")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let got = try Self.run([built.program], Configuration(ranks: 3, tcp: true, binding: "remote", threads: 1))
    #expect(got.stdout == built.expected.stdout)
    #expect(Self.counter(got.stderr, rank: 0, "tasks sent") == 10, "\(got.stderr)")
    let sent = Self.counter(got.stderr, rank: 0, "bytes sent") ?? 0
    let received = Self.counter(got.stderr, rank: 0, "bytes received") ?? 0
    // Each task's twin: rows lo..hi-1 from the diagonal cell of the first to that of the last.
    #expect(sent == 10 * (19 * 201 + 1) * 8, "\(got.stderr)")
    #expect(received > 0 && received <= sent / 8, "\(got.stderr)")
  }

  @Test(.enabled(if: mpiInstalled))
  func redBlackInPlaceUnderForcedRemoteIsSerialCorrect() throws {
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/redblack.c"
    let built = try Self.build([source], name: "redblack")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    for configuration in [
      Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1),
      Configuration(ranks: 3, tcp: true, binding: "remote", threads: 2),
    ] {
      let got = try Self.run([built.program], configuration)
      #expect(got.stdout == built.expected.stdout, "\(configuration): \(got.stderr)")
      #expect(Self.counter(got.stderr, rank: 0, "tasks sent") ?? 0 > 0, "\(got.stderr)")
      // 2 halo doubles per task go in beside [lo, hi); of [lo, hi) only the cells of the task's
      // colour that changed come back (the whole of it would be the old stale-copy protocol).
      let tasks = Self.counter(got.stderr, rank: 0, "tasks sent") ?? 0
      let written = (Self.counter(got.stderr, rank: 0, "bytes sent") ?? 0) - 16 * tasks
      let received = Self.counter(got.stderr, rank: 0, "bytes received") ?? 0
      #expect(received > 0 && received < written, "\(got.stderr)")
    }
  }

  @Test(.enabled(if: mpiInstalled))
  func readOnlyDataGoesOncePerRankPerEpochAndNeverStale() throws {
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/rounds.c"
    let built = try Self.build([source], name: "rounds")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let matrix = 128 * 128 * 8  // bytes of A, of B
    let forced = Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1)
    // Without a pause the caller spawns faster than the ranks run; with 2 ms after each spawn
    // every task has finished before the next one is spawned: B's replica still lives until
    // the round's taskwait, not only while one of its readers is queued or running.
    for pause in ["0", "2000"] {
      let got = try Self.run([built.program, "128", pause], forced)
      // The second round's output shows the changed B arrived, not the first round's replica.
      #expect(got.stdout == built.expected.stdout, "\(got.stderr)")
      #expect(Self.counter(got.stderr, rank: 0, "tasks sent") == 32, "\(got.stderr)")
      // A's rows once per task (2 rounds x A), not C's (write_dense and out-only: the task
      // stores every cell of its rows), B once per rank that ran a task, per round.
      let sent = try #require(Self.counter(got.stderr, rank: 0, "bytes sent"))
      let copiesOfB = (sent - 2 * matrix) / matrix
      #expect((sent - 2 * matrix) % matrix == 0 && (2...4).contains(copiesOfB), "pause \(pause): sent \(sent)")
      #expect(Self.counter(got.stderr, rank: 0, "bytes not sent again") == (32 - copiesOfB) * matrix)
    }
    let unreplicated = try Self.run([built.program], forced, extra: ["DOSC_REPLICATE": "0"])
    #expect(unreplicated.stdout == built.expected.stdout)
    #expect(Self.counter(unreplicated.stderr, rank: 0, "bytes sent") == 2 * matrix + 32 * matrix)
  }

  /// Figures are simplified assuming the integer parameters they mention are not negative: a
  /// spawn with a negative lag or stride stays on rank 0 (it went, read past its footprint
  /// and aborted rank 1), the same site's other spawns still go.
  @Test(.enabled(if: mpiInstalled))
  func spawnsWithNegativeFigureArgumentsStayOnRankZero() throws {
    let source = Harness.repository.path + "/Tests/Oracle/task-negative-arguments.c"
    let built = try Self.build([source], name: "negative")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    // Spawns and messages that cost nothing: every spawn of a remotable site pays for leaving.
    let profile = built.scratch + "/free-network.json"
    try #"{ "schema": "dosc-profile/1", "spawn_ns": 0, "remote_latency_ns": 0, "remote_bytes_per_ns": 10000 }"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    let got = try Self.run(
      [built.program], Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1),
      extra: ["DOSC_PROFILE": profile])
    #expect(got.status == 0 && got.stdout == built.expected.stdout, "\(got.stderr)")
    #expect(Self.counter(got.stderr, rank: 0, "tasks sent") == 2, "\(got.stderr)")
    #expect(got.stderr.contains("2 with figures that did not evaluate"), "\(got.stderr)")
  }

  /// The spawn-time bytes test under auto: the same site's tasks, each 800 KB, stay on rank 0
  /// when two sweeps' work (enough for a round trip, on 2 workers or 3) does not pay for their
  /// bytes and go to the other ranks when fifty sweeps do; `dosc explain` predicts both at the
  /// same arguments.
  @Test(.enabled(if: mpiInstalled))
  func dataHeavyTasksStayUnlessTheirWorkPaysForTheirBytes() throws {
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/sweeps.c"
    let built = try Self.build([source], name: "sweeps", arguments: ["100000", "1"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    // A task kept here takes the two-way decision (issue 10, the kept threshold): with 1
    // thread the plain call (a spawn would only defer it), with 2 a local spawn.
    for (threads, sweeps, expected) in [(1, 2, "inline"), (2, 3, "local"), (1, 50, "remote")] {
      let auto = Configuration(ranks: 3, tcp: false, binding: "auto", threads: threads)
      let explanation = try Explanation.make(
        .init(
          program: built.program, threads: threads, nodes: 3,
          values: ["lo": 0, "hi": 100_000, "sweeps": Double(sweeps)],
          environment: ["DOSC_PROFILE": "/nonexistent/profile.json"]))
      let site = try #require(explanation.sites.first)
      // The 3 ranks run on this host: where the CPUs it gives the program (explain's default, as
      // the runtime counts them) are no more than a rank's threads, the other ranks add no
      // worker that runs at once, and the site is local from the start.
      if ProcessInfo.processInfo.activeProcessorCount <= threads {
        #expect(site.binding == "local", "\(site.reason)")
      } else {
        #expect(site.binding == "remote", "\(site.reason)")
        let work = try #require(site.atValues.work)
        #expect(work >= Double(try #require(site.thresholds.remoteWork)), "the work alone pays: \(work)")
        #expect((site.thresholds.keptWork == nil) == (threads == 1), "kept threshold \(site.thresholds)")
      }
      #expect(site.atValues.bindingAtSpawn == expected, "\(threads) threads, \(sweeps) sweeps")
      let got = try Self.run([built.program, "100000", String(sweeps)], auto)
      #expect(got.status == 0, "\(got.stderr)")
      let plain = try Harness.run([built.scratch + "/plain", "100000", String(sweeps)])
      #expect(got.stdout == plain.stdout)
      let sent = try #require(Self.counter(got.stderr, rank: 0, "tasks sent"), "\(got.stderr)")
      let ranHere = Harness.tasksRanHere(got.stderr)
      switch expected {
      case "inline":
        #expect(sent == 0 && ranHere == false, "\(sweeps) sweep(s), 1 thread: plain calls: \(got.stderr)")
      case "local":
        #expect(sent == 0 && ranHere == true, "\(sweeps) sweeps, 2 threads: local spawns: \(got.stderr)")
      default:
        #expect(sent > 0, "\(sweeps) sweeps: \(got.stderr)")
      }
    }
  }

  /// The one replication rule (`dosc_replicated`): what `dosc explain` says is sent once per
  /// node, and what each task ships itself, are what the runtime's counters show it did.
  @Test(.enabled(if: mpiInstalled))
  func replicationAgreesWithExplain() throws {
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/replicate.c"
    let built = try Self.build([source], name: "replicate")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let explanation = try Explanation.make(
      .init(
        program: built.program, threads: 1, nodes: 3, values: ["n": 128, "lo": 0, "hi": 8],
        environment: ["DOSC_PROFILE": "/nonexistent/profile.json"]))
    let at = try #require(explanation.sites.first?.atValues)
    #expect(at.replicated == ["B"], "explain replicates \(at.replicated)")
    let replicated = try #require(at.replicatedBytes.map { Int($0) })
    let own = try #require(at.spawnBytes.map { Int($0) })
    #expect(replicated == 128 * 128 * 8)
    let got = try Self.run([built.program], Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1))
    #expect(got.stdout == built.expected.stdout, "\(got.stderr)")
    let tasks = try #require(Self.counter(got.stderr, rank: 0, "tasks sent"))
    #expect(tasks == 16, "\(got.stderr)")
    // In: every task's own bytes but what comes back (A's rows and the weights; not C's rows,
    // which are write_dense and out-only), B once per rank that ran one. The spawn bytes are
    // those plus C's 8 rows back.
    let ownIn = own - 8 * 128 * 8
    let sent = try #require(Self.counter(got.stderr, rank: 0, "bytes sent"))
    let copies = (sent - tasks * ownIn) / replicated
    #expect((sent - tasks * ownIn) % replicated == 0 && (1...2).contains(copies), "sent \(sent), \(got.stderr)")
    #expect(Self.counter(got.stderr, rank: 0, "bytes not sent again") == (tasks - copies) * replicated)
  }

  @Test(.enabled(if: mpiInstalled))
  func programBuiltWithMPIRunsAloneAndNoMPIBuildHasNoMPI() throws {
    let built = try Self.build(try Self.exampleSources("stencil"), name: "stencil-alone")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let alone = try Harness.run([built.program], environment: ["DOSC_BIND": "remote", "DOSC_THREADS": "2"])
    #expect(alone.status == 0 && alone.stdout == built.expected.stdout && alone.stderr.isEmpty, "\(alone.stderr)")
    let symbols = try Harness.run(["nm", built.program])
    #expect(symbols.stdout.contains(" T dosc_mpi_plugin"))
    let compiled = Harness.doscCompile(
      try Self.exampleSources("stencil") + ["-O2", "--no-mpi", "-o", built.scratch + "/nompi"])
    #expect(compiled.status == 0)
    #expect(!(try Harness.run(["nm", built.scratch + "/nompi"])).stdout.contains(" T dosc_mpi_plugin"))
  }

  /// Runs stencil.c beside a hand-made rank (Inputs/remote/FORGE.c, built against the runtime's
  /// protocol header) under one mpirun: `forgeFirst` puts the forged rank at rank 0, else the
  /// program is rank 0 (forced remote, 1 thread). The job must end within seconds by the error
  /// of the rank that got the bad message, `says`, never by a crash or the timeout.
  static func expectForgedMessageEndsTheJob(
    forge name: String, mode: String, forgeFirst: Bool, says: String
  ) throws {
    let built = try Self.build(try Self.exampleSources("stencil"), name: "stencil-\(name)")
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let forge = built.scratch + "/" + name
    let compiled = try Harness.run([
      "mpicc", "-O2", "-I", Harness.repository.path + "/Runtime/src", "-I",
      Harness.repository.path + "/Runtime/include",
      Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/\(name).c", "-o", forge,
    ])
    try #require(compiled.status == 0, "\(compiled.stderr)")
    let ranks =
      forgeFirst
      ? ["-np", "1", forge, mode, ":", "-np", "1", built.program]
      : ["-x", "DOSC_BIND=remote", "-x", "DOSC_THREADS=1", "-np", "1", built.program, ":", "-np", "1", forge, mode]
    let started = Date()
    let got = try Harness.run(
      ["timeout", "30"] + BuildIntegrationTests.withDefaultSignalMask + ["mpirun", "--oversubscribe"] + ranks,
      environment: ["OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"])
    #expect(got.status != 0 && got.status != 124, "status \(got.status)")
    #expect(Date().timeIntervalSince(started) < 20)
    #expect(got.stderr.contains(says), "\(got.stderr)")
    #expect(!got.stderr.contains("Segmentation") && !got.stderr.contains("signal 11"), "\(got.stderr)")
  }

  @Test(.enabled(if: mpiInstalled), arguments: ["unknown-site", "wrong-size", "garbage"])
  func forgedMessageGetsTheErrorNotACrash(_ mode: String) throws {
    try Self.expectForgedMessageEndsTheJob(
      forge: "forge", mode: mode, forgeFirst: true, says: "dosc: rank 1: error: bad message from rank 0: ")
  }

  /// Rank 0 checks a RESULT in the short form (8 bytes, no header) as any other message: one from
  /// a rank that did not say it returns results in order, or of a size the task's short form
  /// does not have, ends the job with rank 0's error (src/remote.c, receive_short_result).
  @Test(.enabled(if: mpiInstalled), arguments: ["out-of-order", "wrong-size"])
  func forgedShortResultGetsTheErrorNotACrash(_ mode: String) throws {
    try Self.expectForgedMessageEndsTheJob(
      forge: "forge_result", mode: mode, forgeFirst: false,
      says: "dosc: rank 0: error: bad message from rank 1: a result of 8 bytes")
  }

  /// A task whose shipped footprints are smaller than what it touches (made so by hand: a
  /// compiler wrapper shrinks every generated footprint to one element) stores past a serving
  /// rank's buffer: far past it (n = 20,000,000: 40 MB past a buffer, a fault) or just past it (n = 40, into the guard
  /// after the buffer). The job must end within seconds, the rank naming itself and the task,
  /// and rank 0 must print no (wrong) result. Before, a fault ran Open MPI's crash handler,
  /// whose backtrace calls malloc on the broken heap (or with malloc's lock held by the aborting
  /// thread): the ranks never ended and mpirun waited; a store just past the buffer came back
  /// as a wrong answer, printed before glibc found the heap broken.
  @Test(
    .enabled(if: mpiInstalled),
    arguments: [
      ("20000000", "Segmentation fault (signal 11) while running"),
      ("40", "stored past the 8 bytes of its parameter 1"),
    ])
  func taskOutsideItsFootprintsEndsTheJobNamingTheRank(_ size: String, _ says: String) throws {
    let tools = try Harness.scratch("remote-overrun-cc")
    defer { try? FileManager.default.removeItem(atPath: tools) }
    let wrapper = tools + "/shrink-footprints-cc"
    let script = #"""
      #!/bin/sh
      # cc, after making every generated footprint (and written footprint) one element long
      for a in "$@"; do
        case $a in
          *.c) if grep -q 'dosc_f\[[0-9]*\]\.count = ' "$a" 2>/dev/null; then
                 sed -i 's/\(dosc_f\[[0-9]*\]\.\(write_\)\{0,1\}count\) = /\1 = 1 + 0 * /g' "$a"
               fi ;;
        esac
      done
      exec cc "$@"
      """#
    try script.write(toFile: wrapper, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: wrapper)
    // A network and a spawn that cost nothing: even the small tasks leave rank 0.
    let profile = tools + "/free-network.json"
    try #"{ "schema": "dosc-profile/1", "spawn_ns": 0, "remote_latency_ns": 0, "remote_bytes_per_ns": 10000 }"#
      .write(toFile: profile, atomically: true, encoding: .utf8)
    let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/overrun.c"
    let built = try Self.build([source], name: "overrun", arguments: [size], flags: ["--cc", wrapper])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let started = Date()
    let got = try Harness.run(
      ["timeout", "60"] + BuildIntegrationTests.withDefaultSignalMask + [
        try BuildIntegrationTests.dosc(), "run", "-n", "3", built.program, size,
      ], environment: ["DOSC_BIND": "remote", "DOSC_THREADS": "1", "DOSC_PROFILE": profile])
    let seconds = Date().timeIntervalSince(started)
    let after = String(format: "%.1f", seconds)
    print("a task outside its footprints (n = \(size)): the job ended after \(after) s, status \(got.status)")
    #expect(got.status != 0 && got.status != 124, "status \(got.status): \(got.stderr)")
    #expect(seconds < 20)
    #expect(got.stdout.isEmpty, "a result printed: \(got.stdout)")
    #expect(got.stderr.contains(says) && got.stderr.contains("task 'scale'"), "\(got.stderr)")
    #expect(got.stderr.contains("dosc: rank 1: error: ") || got.stderr.contains("dosc: rank 2: error: "))
  }

  @Test(.enabled(if: mpiInstalled))
  func killedRankEndsTheJobNamingIt() throws {
    let built = try Self.build(try Self.exampleSources("mandelbrot"), name: "mandelbrot-kill", arguments: ["16", "16"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let killed = try Self.killRank1(of: built, mpi: nil, variable: "OMPI_COMM_WORLD_RANK")
    #expect(killed.ended, "the job still ran 10 s after rank 1 was killed")
    #expect(killed.status != 0)
    #expect(killed.stderr.contains("rank 1") && killed.stderr.contains("signal 9"), "\(killed.stderr)")
  }

  /// Starts a long mandelbrot of `built` on 3 ranks with `dosc run` (`--mpi mpi`), kills rank 1
  /// (found by its launcher's `variable`) once it runs, and waits at most 10 s for the job to end.
  static func killRank1(of built: Built, mpi: String?, variable: String) throws -> (
    ended: Bool, status: Int32, stderr: String
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      BuildIntegrationTests.withDefaultSignalMask + [try BuildIntegrationTests.dosc(), "run", "-n", "3"]
      + (mpi.map { ["--mpi", $0] } ?? []) + [built.program, "3000", "3000", "20000"]
    var environment = ProcessInfo.processInfo.environment
    environment["DOSC_BIND"] = "remote"
    environment["DOSC_THREADS"] = "1"
    process.environment = environment
    let errors = built.scratch + "/err"
    _ = FileManager.default.createFile(atPath: errors, contents: nil)
    process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: errors))
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Rank 1, found by the variable its launcher gives it, once it runs.
    var victim: Int32?
    Harness.poll(upTo: Harness.startingSeconds, every: 0.1) {
      victim = Self.process(ofRank: 1, running: built.program, variable: variable)
      return victim != nil
    }
    guard let pid = victim else {
      process.terminate()
      process.waitUntilExit()
      Issue.record("rank 1 never started")
      return (false, -1, "")
    }
    // Under MPICH, `dosc run` names a dead rank from the file each rank leaves as its runtime
    // starts (RankWatcher); a rank killed before that, on a loaded machine more than 0.5 s after
    // it appears, is one dosc run cannot name, and Hydra's notice names another. So wait for it.
    if let ranks = Self.environment(of: pid)["DOSC_RUN_RANKS"] {
      Harness.poll(upTo: Harness.startingSeconds) {
        ((try? FileManager.default.contentsOfDirectory(atPath: ranks)) ?? []).contains { $0.hasPrefix("\(pid)@") }
      }
    }
    Thread.sleep(forTimeInterval: 0.5)
    kill(pid, SIGKILL)
    // The issue's 10 s, on the clock from the kill to the job's end as this process sees it.
    let killed = Date()
    let ended = Harness.poll(upTo: 10) { !process.isRunning }
    let after = String(format: "%.1f", Date().timeIntervalSince(killed))
    print("killed rank 1 (\(mpi ?? "open-mpi")): \(ended ? "the job ended \(after) s later" : "the job still ran")")
    if !ended { process.terminate() }
    process.waitUntilExit()
    let text = String(decoding: FileManager.default.contents(atPath: errors) ?? Data(), as: UTF8.self)
    return (ended, process.terminationStatus, text)
  }

  /// The environment process `pid` started with.
  static func environment(of pid: Int32) -> [String: String] {
    let environ = FileManager.default.contents(atPath: "/proc/\(pid)/environ") ?? Data()
    var variables: [String: String] = [:]
    for entry in environ.split(separator: 0) {
      let text = String(decoding: entry, as: UTF8.self)
      guard let equals = text.firstIndex(of: "=") else { continue }
      variables[String(text[..<equals])] = String(text[text.index(after: equals)...])
    }
    return variables
  }

  /// The pid of the process running `program` whose MPI rank is `rank`, by the variable its
  /// launcher gives it (`OMPI_COMM_WORLD_RANK`; MPICH's: `PMI_RANK`).
  static func process(ofRank rank: Int, running program: String, variable: String = "OMPI_COMM_WORLD_RANK") -> Int32? {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
    for entry in entries {
      guard let pid = Int32(entry),
        let command = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline"),
        String(decoding: command, as: UTF8.self).hasPrefix(program + "\0")
      else { continue }
      if Self.environment(of: pid)[variable] == String(rank) { return pid }
    }
    return nil
  }
}
