import Foundation
import Testing

@testable import DoscDriver

/// `dosc run`'s launcher command line (`RunPipeline.plan`) and its answers to a bad command line.
@Suite struct RunCommandTests {
  static let environment = [
    "DOSC_THREADS": "1", "DOSC_BIND": "remote", "DOSC_PROFILE": "/a b/p=1.json", "DOSC_TRACE": "",
    "MPIR_CVAR_CH3_NOLOCAL": "1", "PATH": "/usr/bin",
  ]

  static func plan(_ flavor: RunPipeline.Flavor) throws -> [String] {
    let options = try RunPipeline.Options.parse(["-n", "3", "prog", "x"])
    return try RunPipeline.plan(
      options, mpirun: "/usr/bin/mpiexec", flavor: flavor, environment: environment, isRoot: false
    ).command
  }

  @Test func hydraGetsEveryDoscVariableByNameAndValue() throws {
    // Hydra's -genvlist never delivered the variable that came last in mpiexec's environment to
    // a rank on another host (its lookup loop stops one short), and passed nothing it did not
    // name: DOSC_THREADS went missing on hosts 1 and 2 in ~2% of multihost runs.
    let command = try Self.plan(.mpich)
    #expect(!command.contains("-genvlist"), "\(command)")
    for (name, value) in Self.environment where name.hasPrefix("DOSC_") {
      let at = command.firstIndex(of: name)
      #expect(at.map { command[$0 - 1] == "-genv" && command[$0 + 1] == value } == true, "\(name): \(command)")
    }
    // The rest is Hydra's default propagation (the whole environment), not named here.
    #expect(!command.contains("MPIR_CVAR_CH3_NOLOCAL") && !command.contains("PATH"), "\(command)")
    #expect(Array(command.suffix(2)) == ["prog", "x"], "\(command)")
  }

  @Test func openMPIGetsEveryDoscVariableByName() throws {
    let command = try Self.plan(.openMPI)
    for name in Self.environment.keys where name.hasPrefix("DOSC_") {
      let at = command.firstIndex(of: name)
      #expect(at.map { command[$0 - 1] == "-x" } == true, "\(name): \(command)")
    }
  }

  @Test func aProgramThatCannotStartIsOneErrorNotTheLaunchersExitCode() throws {
    // Open MPI's mpirun said "2 total processes failed to start" and exited 132 (131 for a
    // directory), which dosc run passed on as if a signal had ended PROG.
    let scratch = try Harness.scratch("run-missing")
    for (program, why) in [
      ("\(scratch)/no-such-program", "no such file"), (scratch, "a directory, not a program"),
      ("no-such-program-anywhere", "no such program on the PATH"),
    ] {
      let got = try Harness.run([try BuildIntegrationTests.dosc(), "run", "-n", "2", program])
      #expect(got.status == 1, "\(program): \(got)")
      #expect(
        got.stderr == "dosc: error: '\(program)': \(why)"
          + (why.hasSuffix("PATH") ? " or in the working directory" : "") + " [dosc-run]\n", "\(got.stderr)")
    }
  }

  @Test func aBadRankCountIsAUsageErrorThatFailsTheCommand() throws {
    for (arguments, message) in [
      (["-n", "0", "prog"], "'0' is not a number of ranks (1 or more)"),
      (["-n", "-1", "prog"], "'-1' is not a number of ranks (1 or more)"),
      (["-n", "abc", "prog"], "'abc' is not a number of ranks (1 or more)"),
      (["-n", "prog"], "'prog' is not a number of ranks (1 or more)"),
      (["-n"], "missing argument to '-n'"),
      (["prog"], "missing -n N; usage: dosc run -n N PROG [ARGS...]"),
    ] {
      #expect(throws: CompilerInvocation.UsageError.self, "\(arguments)") { try RunPipeline.Options.parse(arguments) }
      let got = try Harness.run([try BuildIntegrationTests.dosc(), "run"] + arguments)
      #expect(got.status != 0 && got.stdout.isEmpty, "\(arguments): \(got)")
      #expect(got.stderr.contains(message), "\(arguments): \(got.stderr)")
    }
  }
}
