import Foundation
import Testing

/// The remote binding under MPICH (Debian's `mpich`, beside Open MPI; scripts/setup.sh installs
/// both): `dosc run --mpi mpich` starts Hydra's `mpiexec.mpich`, and the program's runtime loads
/// the MPICH plugin (`Runtime/src/mpi_launcher.c`). In RemoteTests' serialized suite, so no two
/// jobs share the machine's cores.
extension RemoteTests {
  static var mpichInstalled: Bool {
    FileManager.default.isExecutableFile(atPath: "/usr/bin/mpiexec.mpich")
      && FileManager.default.fileExists(atPath: Harness.repository.path + "/Runtime/build/libdosc_mpi_mpich.so")
  }

  /// Both bindings and both rank counts, in two runs (transports are Open MPI's question).
  static let mpichConfigurations = [
    Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1),
    Configuration(ranks: 2, tcp: false, binding: "auto", threads: 2),
  ]

  @Test(.enabled(if: mpichInstalled), arguments: SerialElisionTests.examples)
  func exampleMatchesSerialElisionUnderMPICH(_ example: SerialElisionTests.Example) throws {
    let built = try Self.build(
      try Self.exampleSources(example.name), name: "mpich-\(example.name)", arguments: example.arguments)
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    for configuration in Self.mpichConfigurations {
      let got = try Self.run([built.program] + example.arguments, configuration, mpi: "mpich")
      #expect(got.status == 0, "\(example.name) \(configuration): \(got.stderr)")
      #expect(got.stdout == built.expected.stdout, "\(example.name) \(configuration)")
      #expect(!got.stderr.contains("error") && !got.stderr.contains("warning: started by"), "\(got.stderr)")
      // MPICH's library, not Open MPI's, carried the job.
      #expect(got.stderr.contains("dosc: \(configuration.ranks) ranks (MPICH"), "\(got.stderr)")
      // Every serving rank reported at exit (it ended cleanly), with the DOSC_THREADS it was given.
      for rank in 1..<configuration.ranks {
        let threads = ", \(configuration.threads) thread\(configuration.threads == 1 ? "" : "s"), "
        let counters = got.stderr.split(separator: "\n").first { $0.hasPrefix("dosc: rank \(rank): host ") }
        #expect(counters?.contains(threads) == true, "rank \(rank): \(got.stderr)")
        #expect(Self.counter(got.stderr, rank: rank, "tasks run") != nil, "rank \(rank): \(got.stderr)")
      }
      if configuration.binding == "remote" && Self.shipped.contains(example.name) {
        #expect(Self.counter(got.stderr, rank: 0, "tasks sent") ?? 0 > 0, "\(example.name): \(got.stderr)")
      }
    }
    // The same program with no launcher at all: one node, the plain output, nothing said.
    let alone = try Harness.run([built.program] + example.arguments, environment: ["DOSC_THREADS": "2"])
    #expect(alone.status == 0 && alone.stdout == built.expected.stdout, "\(alone.stderr)")
  }

  @Test(.enabled(if: mpichInstalled))
  func killedRankUnderMPICHEndsTheJob() throws {
    let built = try Self.build(
      try Self.exampleSources("mandelbrot"), name: "mpich-mandelbrot-kill", arguments: ["16", "16"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let killed = try Self.killRank1(of: built, mpi: "mpich", variable: "PMI_RANK")
    #expect(killed.ended, "the job still ran 10 s after rank 1 was killed")
    #expect(killed.status != 0)
    // Rank 1, not the rank MPICH's notice names (the lowest it found ended by a signal); on a
    // loaded machine the launcher's clean-up may end the others before the watcher looks, and
    // the line names them together, rank 1 among them, saying it could not tell them apart.
    // dosc run's line (`dosc: rank R (pid ...`), wherever the ranks' own lines (`dosc: rank R:`)
    // fall beside it: their order is the scheduler's.
    let line = killed.stderr.split(separator: "\n").first { $0.hasPrefix("dosc: rank ") && $0.contains(" (pid ") } ?? ""
    #expect(line.contains("rank 1 (pid ") && line.contains(": Killed (signal 9)"), "\(killed.stderr)")
    #expect(line.contains("ended first: ") || line.contains("ended first, too close together"), "\(killed.stderr)")
  }

  @Test(.enabled(if: mpichInstalled))
  func programOutputLikeMPICHsNoticeStaysOnStdout() throws {
    // dosc run takes MPICH's notice of a dead rank out of stdout; a program's own rules of '='
    // and blank lines are its output, and stay.
    let rule = String(repeating: "=", count: 83)
    let text =
      "\n\(rule)\n=   a table of my own\n\(rule)\nYOUR APPLICATION TERMINATED WITH THE EXIT STRING: no\n\nend\n"
    let got = try Harness.run(
      [
        "timeout", "60", try BuildIntegrationTests.dosc(), "run", "-n", "1", "--mpi", "mpich", "/usr/bin/printf", "%s",
        text,
      ])
    #expect(got.status == 0 && got.stdout == text, "\(got.stdout)")
    #expect(!got.stderr.contains("dosc:"), "\(got.stderr)")
  }
}
