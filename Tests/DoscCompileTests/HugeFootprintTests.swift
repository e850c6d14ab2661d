import Foundation
import Testing

/// Footprints stated by huge arguments: a task whose figures say it reads `a[0, n)` and `b[0, n)`
/// but returns before it touches them when `n` is large, called with n = 2^59. Each footprint
/// is 2^62 bytes; summed, they passed LLONG_MAX to a negative total that every limit let through,
/// and rank 0, shipping them, ended the job with "out of memory" where the plain program prints
/// its answer. Such a task stays on rank 0, counted as above the limit.
@Suite(.serialized) struct HugeFootprintTests {
  static let source = """
    #include <stdio.h>
    #include <stdlib.h>
    double f(const double *a, const double *b, long n) {
      if (n > 8) return -1;
      double s = 0;
      for (long i = 0; i < n; i++) s += a[i] + b[i];
      return s;
    }
    int main(int argc, char **argv) {
      long n = atol(argv[1]);
      static double a[8] = {1, 2, 3, 4, 5, 6, 7, 8}, b[8] = {1, 1, 1, 1, 1, 1, 1, 1};
      double out[4] = {0};
      for (int k = 0; k < 4; k++) {
    #pragma dosc task
        out[k] = f(a, b, n);
      }
    #pragma dosc taskwait
      printf("%g %g\\n", out[0], out[3]);
      return 0;
    }

    """

  @Test(.enabled(if: RemoteTests.mpiInstalled))
  func footprintsSummingPastLongLongStayHome() throws {
    let scratch = try Harness.scratch("huge-footprint")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try Self.source.write(toFile: scratch + "/t.c", atomically: true, encoding: .utf8)
    let built = try RemoteTests.build([scratch + "/t.c"], name: "huge-footprint", arguments: ["4"])
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let configuration = RemoteTests.Configuration(ranks: 2, tcp: false, binding: "remote", threads: 1)
    var huge: Harness.Run?
    for n in ["4", String(1 << 59)] {
      let expected = try Harness.run([built.scratch + "/plain", n])
      let got = try RemoteTests.run([built.program, n], configuration)
      #expect(got.status == 0 && got.stdout == expected.stdout, "n = \(n): \(got.stdout) \(got.stderr)")
      #expect(!got.stderr.contains("error") && !got.stderr.contains("MPI_ABORT"), "\(got.stderr)")
      huge = got
    }
    let got = try #require(huge)
    #expect(RemoteTests.counter(got.stderr, rank: 0, "tasks sent") == 0, "\(got.stderr)")
    #expect(
      got.stderr.contains(
        "kept here: 0 with overlapping written footprints, 0 with figures that did not"
          + " evaluate, 4 above"), "\(got.stderr)")
  }
}
