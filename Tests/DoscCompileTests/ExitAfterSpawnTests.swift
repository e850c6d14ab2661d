import Foundation
import Testing

/// A function that spawns tasks and then ends the process or its thread without a taskwait
/// (`exit(0)`, `pthread_exit(NULL)` in main): the plain program had run those tasks before, and
/// its atexit handlers print what they computed. The handlers ran while the tasks were still
/// queued and printed `0 0` where the plain program prints `2 8`: the spawning function now
/// waits before such a call, as before a `return`.
@Suite struct ExitAfterSpawnTests {
  static func program(ending: String) -> String {
    """
    #include <pthread.h>
    #include <stdio.h>
    #include <stdlib.h>
    static int r[4];
    static void report(void) { printf("%d %d\\n", r[0], r[3]); }
    void put(int *out, int v) {
      for (volatile int k = 0; k < 2000000; k++) {
      }
      out[0] = v * 2;
    }
    int main(void) {
      atexit(report);
      for (int i = 0; i < 4; i++) {
    #pragma dosc task
        put(r + i, i + 1);
      }
      if (r[0] >= 0) \(ending);
      return 1;
    }

    """
  }

  @Test(arguments: ["exit(0)", "pthread_exit(NULL)"])
  func tasksSpawnedBeforeAnExitRunBeforeIt(_ ending: String) throws {
    let (dosc, plain, diagnostics) = try LeavingTaskTests.bothOutputs(Self.program(ending: ending))
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(plain.stdout == "2 8\n")
    #expect(dosc == plain, "\(ending): \(dosc.stderr)")
  }

  /// The wait before `exit` in a child of `fork()` (the usual exit after a failed `execvp`): the
  /// pending tasks are the parent's, run by its workers, which the child does not have; the
  /// child waited forever and the parent's `waitpid` with it (forked while a worker runs a
  /// task: `started`). The child skips that wait.
  @Test func aForkedChildThatExitsDoesNotWaitForItsParentsTasks() throws {
    let (dosc, plain, diagnostics) = try LeavingTaskTests.bothOutputs(
      """
      #include <stdio.h>
      #include <stdlib.h>
      #include <sys/wait.h>
      #include <unistd.h>
      static long result[4];
      static volatile int started;
      void work(long *r, long n) {
        started = 1;
        long s = 0;
        for (long i = 0; i < n; i++) s += i % 7;
        r[0] = s;
      }
      int main(void) {
        for (int k = 0; k < 4; k++) {
      #pragma dosc task
          work(&result[k], 30000000 + k);
        }
        while (!started) {
        }
        pid_t child = fork();
        if (child == 0) exit(3);
        int status = 0;
        waitpid(child, &status, 0);
      #pragma dosc taskwait
        printf("child %d: %ld %ld\\n", WEXITSTATUS(status), result[0], result[3]);
        return 0;
      }

      """)
    #expect(diagnostics.isEmpty, "\(diagnostics)")
    #expect(plain.stdout.hasPrefix("child 3: "))
    #expect(dosc == plain, "\(dosc.stderr)")
  }
}
