import Foundation
import Testing

/// Programs whose tasks, or whose processes, leave in ways a pool of threads does not expect:
/// a task that jumps out by `longjmp`, a child of `fork()` that calls `exit`, a task recursing
/// deeper than glibc's stack for new threads under `ulimit -s unlimited`. Each prints what its
/// serial elision prints, under DOSC_THREADS=4 (the sites forced local where they spawn).
@Suite struct LeavingTaskTests {
  /// `source` built by `dosc compile -O1` and by `cc -O1` in a scratch directory; both run with
  /// `arguments` under `shell` (`"$@"` the program and its arguments).
  static func bothOutputs(
    _ source: String, arguments: [String] = [], shell: String = "exec \"$@\""
  ) throws -> (dosc: Harness.Run, plain: Harness.Run, diagnostics: String) {
    let scratch = try Harness.scratch("leaving")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try source.write(toFile: scratch + "/t.c", atomically: true, encoding: .utf8)
    let compiled = Harness.doscCompile([scratch + "/t.c", "-O1", "-o", scratch + "/t"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let plain = try Harness.plainCompile([scratch + "/t.c"], flags: ["-O1"], output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")
    let environment = ["DOSC_THREADS": "4", "DOSC_BIND": "local"]
    let run = { (program: String) in
      try Harness.run(["timeout", "60", "sh", "-c", shell, "sh", program] + arguments, environment: environment)
    }
    return (try run(scratch + "/t"), try run(scratch + "/plain"), compiled.diagnostics)
  }

  /// A task that leaves by `longjmp` (here through a helper) jumped from a worker to the
  /// starting thread's `setjmp`, and the taskwait waited forever (every thread count, even 1).
  /// Its site stays a plain call, with a warning that names the jump.
  @Test func aTaskThatMayLongjmpRunsAsAPlainCall() throws {
    let (dosc, plain, diagnostics) = try Self.bothOutputs(
      """
      #include <setjmp.h>
      #include <stdio.h>
      static jmp_buf env;
      static void fail(int n) { longjmp(env, n); }
      void check(int *a, int n) { if (n == 5) fail(n); a[0] = n; }
      int main(void) {
        static int a[8];
        if (setjmp(env) == 0) {
          for (int i = 0; i < 8; i++) {
      #pragma dosc task
            check(a + i, i);
          }
      #pragma dosc taskwait
          printf("no jump\\n");
        } else printf("jumped at %d %d\\n", a[4], a[6]);
        return 0;
      }

      """)
    #expect(
      diagnostics.contains(
        "t.c:10:1: warning: 'check' may leave by 'longjmp' (t.c:4:27) without returning, which a task on a worker "
          + "thread cannot: the task runs as a plain call [dosc-rewrite]"), "\(diagnostics)")
    #expect(plain.stdout == "jumped at 4 0\n")
    #expect(dosc == plain, "\(dosc.stderr)")
  }

  /// A child of `fork()` (in a task, and in `main` with the pool running) that calls `exit` ran
  /// the runtime's exit handler, which joined the pool's threads: they are the parent's, and
  /// the child crashed (SIGSEGV in pthread_tryjoin_np), so its status was lost.
  @Test func aForkedChildExitsWithItsStatus() throws {
    let (dosc, plain, _) = try Self.bothOutputs(
      """
      #include <stdio.h>
      #include <stdlib.h>
      #include <sys/wait.h>
      #include <unistd.h>
      static int child_status(int n) {
        fflush(stdout); /* else the child's exit prints what the parent buffered */
        pid_t child = fork();
        if (child == 0) exit(n);
        int status;
        waitpid(child, &status, 0);
        return WIFEXITED(status) ? WEXITSTATUS(status) : 100 + WTERMSIG(status);
      }
      void run(int *a, int n) { a[0] = child_status(n); }
      int main(void) {
        int a[8];
        for (int i = 0; i < 8; i++) {
      #pragma dosc task
          run(a + i, i);
        }
      #pragma dosc taskwait
        for (int i = 0; i < 8; i++) printf("%d ", a[i]);
        printf("main's child: %d\\n", child_status(9));
        return 0;
      }

      """)
    #expect(plain.stdout == "0 1 2 3 4 5 6 7 main's child: 9\n")
    #expect(dosc == plain, "\(dosc.stderr)")
  }

  /// Under `ulimit -s unlimited` glibc gives a new thread 2 MiB of stack, where the plain
  /// program's main thread grows without limit: a task recursing 100,000 deep crashed on a
  /// worker (SIGSEGV). Workers now get DOSC_UNLIMITED_STACK_BYTES there.
  @Test func aDeepTaskRecursionUnderAnUnlimitedStack() throws {
    let limit = try Harness.run(["sh", "-c", "ulimit -H -s"]).stdout
    try #require(limit == "unlimited\n", "the hard stack limit is \(limit): cannot lift the soft one")
    let (dosc, plain, _) = try Self.bothOutputs(
      """
      #include <stdio.h>
      #include <stdlib.h>
      long depth(long n) { volatile char pad[64]; pad[0] = (char)n; return n == 0 ? pad[0] : 1 + depth(n - 1); }
      void deep(long *out, long n) { out[0] = depth(n); }
      int main(int argc, char **argv) {
        long n = atol(argv[1]), r[2];
      #pragma dosc task
        deep(r, n);
      #pragma dosc task
        deep(r + 1, n / 2);
      #pragma dosc taskwait
        printf("%ld %ld\\n", r[0], r[1]);
        return 0;
      }

      """, arguments: ["200000"], shell: "ulimit -s unlimited && exec \"$@\"")
    #expect(plain.stdout == "200000 100000\n")
    #expect(dosc == plain, "\(dosc.stderr)")
  }
}
