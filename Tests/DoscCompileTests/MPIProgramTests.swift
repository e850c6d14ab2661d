import Foundation
import Testing

/// A program that calls MPI itself (MPI_Init, a collective, MPI_Finalize) and marks tasks too:
/// an MPI user expects their own MPI code to keep working when the program is built with dosc.
/// Before, dosc started MPI in a constructor and kept ranks 1.. serving its tasks, so the
/// program's own MPI_Init was a second one: Open MPI ended the job. Now the runtime sees an MPI
/// library linked into the program and leaves MPI and the ranks to it (every rank runs main,
/// tasks stay on their rank). Serialized: each run starts 2 MPI ranks on a small machine.
@Suite(.serialized) struct MPIProgramTests {
  static let source = """
    #include <mpi.h>
    #include <stdio.h>

    static void square(const long *in, long *out, int n) {
      for (int i = 0; i < n; i++) out[i] = in[i] * in[i];
    }

    int main(int argc, char **argv) {
      int provided = 0;
      MPI_Init_thread(&argc, &argv, MPI_THREAD_FUNNELED, &provided);
      int rank = 0, size = 0;
      MPI_Comm_rank(MPI_COMM_WORLD, &rank);
      MPI_Comm_size(MPI_COMM_WORLD, &size);
      long in[4096], out[4096];
      for (int i = 0; i < 4096; i++) in[i] = i + rank;
    #pragma dosc task
      square(in, out, 2048);
    #pragma dosc task
      square(in + 2048, out + 2048, 2048);
    #pragma dosc taskwait
      long local = 0, total = 0;
      for (int i = 0; i < 4096; i++) local += out[i];
      MPI_Reduce(&local, &total, 1, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
      if (rank == 0) printf("%d ranks, total %ld\\n", size, total);
      MPI_Finalize();
      return 0;
    }

    """

  /// `mpicc -showme:compile` or `-showme:link`: Open MPI's flags.
  static func mpiFlags(_ which: String) throws -> [String] {
    try Harness.run(["mpicc", "-showme:\(which)"]).stdout.split(whereSeparator: \.isWhitespace).map(String.init)
  }

  @Test(.enabled(if: RemoteTests.mpiInstalled), arguments: ["remote", "auto"])
  func aProgramThatCallsMPIItselfKeepsItsRanks(_ binding: String) throws {
    let scratch = try Harness.scratch("mpi-program")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let file = scratch + "/reduce.c"
    try Self.source.write(toFile: file, atomically: true, encoding: .utf8)
    let compile = try Self.mpiFlags("compile"), link = try Self.mpiFlags("link")
    let plain = try Harness.run(["mpicc", "-O2", "-Wno-unknown-pragmas", file, "-o", scratch + "/plain"])
    try #require(plain.status == 0, "\(plain.stderr)")
    let built = Harness.doscCompile([file, "-O2"] + compile + ["-o", scratch + "/prog"] + link)
    try #require(built.status == 0, "\(built.diagnostics)")
    let expected = try Harness.run(
      ["timeout", "120", "mpirun", "--oversubscribe", "-np", "2", scratch + "/plain"],
      environment: ["OMPI_ALLOW_RUN_AS_ROOT": "1", "OMPI_ALLOW_RUN_AS_ROOT_CONFIRM": "1"])
    try #require(expected.status == 0 && expected.stdout.hasPrefix("2 ranks, total "), "\(expected)")

    let got = try RemoteTests.run(
      [scratch + "/prog"], RemoteTests.Configuration(ranks: 2, tcp: false, binding: binding, threads: 2))
    #expect(got.status == 0, "\(got.stderr)")
    #expect(got.stdout == expected.stdout, "\(got.stderr)")
    for rank in 0..<2 {
      #expect(got.stderr.contains("dosc: rank \(rank): the program calls MPI itself"), "\(got.stderr)")
    }
  }
}
