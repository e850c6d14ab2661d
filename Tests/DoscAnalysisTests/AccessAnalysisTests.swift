import DoscManifest
import Foundation
import Testing

/// Focused checks of what the access analysis infers, one feature per test, with values
/// derived by hand.
@Suite struct AccessAnalysisTests {
  private func task(_ source: String, _ name: String, flags: [String] = []) throws -> Manifest.Task {
    try Fixtures.analyze(source: source, flags: flags).0.task(name)
  }

  @Test func pointerDerivedFromAParameterCountsForIt() throws {
    let t = try task(
      """
      void row(double *A, int n, int k) {
        double *p = A + k * n;
        for (int j = 0; j < n; j++) p[j] = 0.0;
      }
      int main(void) { double a[16];
      #pragma dosc task
        row(a, 4, 2);
        return 0; }
      """, "row")
    let A = try t.param("A")
    #expect(A.access == .write)
    #expect(A.writes == .formula("n"))
    #expect(A.first == .formula("k*n"))
    #expect(A.count == .formula("n"))
    #expect(t.remotable)
  }

  @Test func memcpyAndMemsetCountForTheirParameters() throws {
    let t = try task(
      """
      #include <string.h>
      void copy(double *dst, const double *src, int n) {
        memcpy(dst + 1, src, n * sizeof(double));
        memset(dst, 0, sizeof(double));
      }
      int main(void) { double a[9], b[8];
      #pragma dosc task
        copy(a, b, 8);
        return 0; }
      """, "copy")
    let dst = try t.param("dst")
    #expect(dst.writes == .formula("n+1"))
    #expect(dst.first == .number(0))
    #expect(dst.count == .formula("n+1"))
    let src = try t.param("src")
    #expect(src.access == .read)
    #expect(src.reads == .formula("n"))
    #expect(src.bytes == .formula("8*n"))
  }

  @Test func pointerArithmeticInArgumentsShiftsTheCalleeFootprint() throws {
    let t = try task(
      """
      static void scale(double *v, int m) { for (int i = 0; i < m; i++) v[i] *= 2.0; }
      void halves(double *x, int n) {
        scale(x, n / 2);
        scale(x + n / 2, n - n / 2);
      }
      int main(void) { double a[10];
      #pragma dosc task
        halves(a, 10);
        return 0; }
      """, "halves")
    let x = try t.param("x")
    #expect(x.access == .readwrite)
    for n in [2, 7, 10] {
      #expect(try x.reads.value(["n": n]) == n)
      #expect(try x.first.value(["n": n]) == 0)
      #expect(try x.count.value(["n": n]) == n)
    }
    #expect(t.recursive == false)
  }

  @Test func triangularLoopNestHasAnExactCount() throws {
    let t = try task(
      """
      void lower(double *L, int n) {
        for (int i = 0; i < n; i++)
          for (int j = 0; j <= i; j++)
            L[i * n + j] += 1.0;
      }
      int main(void) { double a[16];
      #pragma dosc task
        lower(a, 4);
        return 0; }
      """, "lower")
    let L = try t.param("L")
    for n in [1, 4, 9] {
      #expect(try L.writes.value(["n": n]) == n * (n + 1) / 2)
      #expect(try L.count.value(["n": n]) == n * n)
    }
  }

  @Test func steppedAndDownCountingLoops() throws {
    let t = try task(
      """
      void evens(int *a, int n) { for (int i = 0; i < n; i += 2) a[i] = 0; }
      void down(int *b, int hi, int lo) { for (int i = hi; i >= lo; i--) b[i] = 1; }
      int main(void) { int a[10], b[10];
      #pragma dosc task
        evens(a, 9);
      #pragma dosc task
        down(b, 8, 3);
        return 0; }
      """, "evens")
    let a = try t.param("a")
    #expect(try a.writes.value(["n": 9]) == 5)
    #expect(try a.count.value(["n": 9]) == 9)
    let down = try Fixtures.analyze(
      source: """
        void down(int *b, int hi, int lo) { for (int i = hi; i >= lo; i--) b[i] = 1; }
        int main(void) { int b[10];
        #pragma dosc task
          down(b, 8, 3);
          return 0; }
        """
    ).0.task("down").param("b")
    #expect(try down.writes.value(["hi": 8, "lo": 3]) == 6)
    #expect(try down.first.value(["hi": 8, "lo": 3]) == 3)
    #expect(try down.count.value(["hi": 8, "lo": 3]) == 6)
  }

  @Test func workHasTheRightAsymptoticForm() throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example("matmul"))
    let work = try #require(try manifest.task("mm_rows").work.polynomial)
    // Cubic in the block: doubling the rows doubles the work, doubling n about quadruples it.
    let base = try work.evaluate(["n": 512, "lo": 0, "hi": 16])
    let doubleRows = try work.evaluate(["n": 512, "lo": 0, "hi": 32])
    let doubleN = try work.evaluate(["n": 1024, "lo": 0, "hi": 16])
    #expect(abs(Double(doubleRows.numerator) / Double(base.numerator) - 2.0) < 0.01)
    #expect(abs(Double(doubleN.numerator) / Double(base.numerator) - 4.0) < 0.02)
  }

  @Test func recursionIsDetectedAndWorkPerInvocationGiven() throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example("fib"))
    let fib = try manifest.task("fib")
    #expect(fib.recursive)
    #expect(fib.work == .unknown)
    #expect(fib.workPerInvocation != nil && fib.workPerInvocation != .unknown)
    #expect(fib.remotable)
  }

  @Test func globalsIOAndUnknownCallsMakeATaskLocalOnly() throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example("histogram"))
    let task = try manifest.task("count_block")
    #expect(!task.remotable)
    #expect(task.reasons.contains("histogram.c:9:5: writes global 'slots'"))
    #expect(task.reasons.contains("histogram.c:10:3: calls 'fprintf'"))

    let t = try self.task(
      """
      extern void mystery(double *);
      double *saved;
      void leaky(double *a) { mystery(a); saved = a; }
      int main(void) { double x[2];
      #pragma dosc task
        leaky(x);
        return 0; }
      """, "leaky")
    #expect(!t.remotable)
    #expect(t.reasons.contains { $0.hasSuffix("calls 'mystery', whose body is not visible") })
    #expect(t.reasons.contains { $0.contains("writes global 'saved'") })
    #expect(t.reasons.contains { $0.contains("cannot bound the accesses to 'a'") })
    #expect(try t.param("a").reads == .unknown)
  }

  @Test func storingAPointerInMemoryIsAReason() throws {
    let t = try task(
      """
      void link(double **slots, double *a) { slots[0] = a; }
      int main(void) { double x[2]; double *s[1];
      #pragma dosc task
        link(s, x);
        return 0; }
      """, "link")
    #expect(t.reasons.contains { $0.contains("stores a pointer to 'a' in 'slots[0]'") })
  }

  @Test func pureMathIsAllowed() throws {
    let t = try task(
      """
      #include <math.h>
      void norms(const double *v, double *out, int n) {
        for (int i = 0; i < n; i++) out[i] = sqrt(fabs(v[i]));
      }
      int main(void) { double a[4], b[4];
      #pragma dosc task
        norms(a, b, 4);
        return 0; }
      """, "norms")
    #expect(t.remotable, "\(t.reasons)")
    #expect(try t.param("v").reads.value(["n": 4]) == 4)
  }

  /// dosc.h's queries touch no memory: a task that asks where it runs stays remotable (the
  /// calibrate probe checks so that its trips were remote). They are not the C library's, so
  /// a task calling another function without a body still is not.
  @Test func doscQueriesAreAllowed() throws {
    let t = try task(
      """
      int dosc_node_rank(void); int dosc_node_count(void); int dosc_thread_count(void);
      int where(int x) { return dosc_node_rank() * dosc_node_count() + dosc_thread_count() + x; }
      int main(void) { int r;
      #pragma dosc task
        r = where(1);
        return r; }
      """, "where")
    #expect(t.remotable, "\(t.reasons)")
    let other = try task(
      """
      int other(void);
      int elsewhere(int x) { return other() + x; }
      int main(void) { int s;
      #pragma dosc task
        s = elsewhere(1);
        return s; }
      """, "elsewhere")
    #expect(!other.remotable && other.reasons.contains { $0.contains("'other'") }, "\(other.reasons)")
  }

  @Test func unboundedAccessIsNullWithAReason() throws {
    let t = try task(
      """
      void walk(int *a, int n) { int k = 0; while (a[k] != n) k++; }
      int main(void) { int x[3] = {0, 1, 2};
      #pragma dosc task
        walk(x, 2);
        return 0; }
      """, "walk")
    let a = try t.param("a")
    #expect(a.reads == .unknown)
    #expect(a.count == .unknown)
    #expect(!(a.unbounded ?? []).isEmpty)
    #expect(!t.remotable)
  }

  @Test func taskWithoutAVisibleBodyIsOpaque() throws {
    let t = try task(
      """
      void elsewhere(double *a, int n);
      int main(void) { double x[2];
      #pragma dosc task
        elsewhere(x, 2);
        return 0; }
      """, "elsewhere")
    #expect(t.opaque)
    #expect(!t.remotable)
    #expect(t.reasons == ["input.c:1:6: the body of 'elsewhere' is not visible in this translation unit"])
    #expect(try t.param("a").access == .readwrite)
  }

  @Test func macroConstantsAndUserFlagsAreHonoured() throws {
    let t = try task(
      """
      #define COLUMNS 3
      void fill(double *m) { for (int i = 0; i < N; i++) for (int j = 0; j < COLUMNS; j++) m[i * COLUMNS + j] = 1.0; }
      int main(void) { double x[N * COLUMNS];
      #pragma dosc task
        fill(x);
        return 0; }
      """, "fill", flags: ["-DN=6"])
    let m = try t.param("m")
    #expect(m.writes == .number(18))
    #expect(m.count == .number(18))
    #expect(t.remotable)
  }

  /// `-I` and `-std=` reach the parser as they reach the compiler: a header in another
  /// directory supplies the task's helper, and C11's `_Static_assert` parses.
  @Test func includePathsAndStandardAreHonoured() throws {
    let directory = try Fixtures.temporaryDirectory()
    try FileManager.default.createDirectory(
      atPath: directory.path + "/include", withIntermediateDirectories: true)
    try "static inline void twice(double *v, int n) { for (int i = 0; i < n; i++) v[i] *= 2.0; }\n"
      .write(toFile: directory.path + "/include/kernel.h", atomically: true, encoding: .utf8)
    let source = directory.path + "/main.c"
    try """
    #include "kernel.h"
    _Static_assert(sizeof(double) == 8, "doubles");
    void scale(double *v, int n) { twice(v, n); }
    int main(void) { double x[4] = {1, 2, 3, 4};
    #pragma dosc task
      scale(x, 4);
      return 0; }
    """.write(toFile: source, atomically: true, encoding: .utf8)
    let (manifest, _) = try Fixtures.analyze(source, flags: ["-I", directory.path + "/include", "-std=c11"])
    let v = try manifest.task("scale").param("v")
    #expect(v.reads == .formula("n"))
    #expect(v.writes == .formula("n"))
    let (status, stderr) = Fixtures.run([source, "-std=c11", "-o", directory.path + "/out.json"])
    #expect(status == 1)
    #expect(stderr.contains("main.c:1:10: error: 'kernel.h' file not found"), "\(stderr)")
  }

  /// libclang 14 cannot show an operator written inside a function-like macro's body, with
  /// `N` from the command line neither next to it: clang's print of the function does
  /// (`ExpandedOperators`; before branch macroop the count was null, the task not remotable).
  @Test func operatorsInsideFunctionLikeMacrosAreClangs() throws {
    let t = try task(
      """
      #define IDX(i, j) ((i) * N + (j))
      void fill(double *m) { for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) m[IDX(i, j)] = 1.0; }
      int main(void) { double x[N * N];
      #pragma dosc task
        fill(x);
        return 0; }
      """, "fill", flags: ["-DN=6"])
    let m = try t.param("m")
    #expect(m.writes == .number(36))
    #expect(m.count == .number(36))
    #expect(m.unbounded == nil)
    #expect(t.remotable)
  }

  @Test func valueReturningSitesAndLoopsAreRecorded() throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example("fib"))
    #expect(manifest.sites.map(\.result) == ["x", "y", "result"])
    #expect(manifest.sites.map(\.function) == ["fib", "fib", "main"])
    #expect(manifest.sites[0].siblings == .number(2))
    let (vector, _) = try Fixtures.analyze(Fixtures.example("vector"))
    let loop = try #require(vector.sites[0].loop)
    #expect(try loop.tripCount.value(["n": 200_000]) == (200_000 + 65535) / 65536)
  }

  /// A site's trip count names what its loop's header sees, and the generated code evaluates
  /// it at the spawn (the batch test, `siblings`): where the loop's body declares one of those
  /// names again before the site (a declaration that assigns nothing: `extern`, a `static`
  /// without initializer), the spawn sees another variable, so the count is null. An outer
  /// loop's variable counted from its least value is written `j + 2`, and hidden likewise.
  /// `siblings` adds the counts of the batch's sites (`SiteBatchTests`): null where a count
  /// names a variable a loop around it changes (the triangle's `j`), at every site where two
  /// counts name two variables alike (two blocks' `m`), and wherever a count is unknown.
  @Test func aTripCountWhoseNameTheLoopsBodyHidesIsNull() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        long n = 1;
        void work(double *a, long i) { a[i] = 1; }
        void seen(double *a, long n) {
          for (long i = 0; i < n; i++) {
        #pragma dosc task
            work(a, i);
          }
        }
        void hidden(double *a, long n) {
          for (long i = 0; i < n; i++) {
            extern long n;
        #pragma dosc task
            work(a, i + n);
          }
        }
        void hidden_in_a_block(double *a, long n) {
          for (long j = -2; j < n; j++)
            for (long i = 0; i < j + 2; i++) {
              if (i > 0) {
                static long j;
        #pragma dosc task
                work(a, i + j);
              }
            }
        }
        void declared_after(double *a, long n) {
          for (long i = 0; i < n; i++) {
        #pragma dosc task
            work(a, i);
            extern long n;
            a[0] += (double)n;
          }
        }
        void later_loop(double *a, long n) {
          for (long k = 0; k < n; k++) {
        #pragma dosc task
            work(a, k);
          }
          for (long j = 0; j < n; j++)
            for (long i = j; i < n; i++) {
        #pragma dosc task
              work(a, i);
            }
        }
        void unknown_between(double *a, long n) {
          for (long k = 0; k < 3; k++) {
        #pragma dosc task
            work(a, k);
          }
          for (long i = 0; a[i] > 0; i++) {
        #pragma dosc task
            work(a, i);
          }
        #pragma dosc task
          work(a, n);
        }
        void two_blocks(double *a, long n) {
          {
            long m = (long)a[0];
            for (long i = 0; i < m; i++) {
        #pragma dosc task
              work(a, i);
            }
          }
          {
            long m = (long)a[1];
            for (long i = 0; i < m; i++) {
        #pragma dosc task
              work(a, i);
            }
          }
        }
        """)
    let sites = Dictionary(manifest.sites.map { ($0.function, [$0]) }, uniquingKeysWith: +)
    #expect(sites["seen"]?[0].loop?.tripCount == .formula("n"))
    #expect(sites["declared_after"]?[0].loop?.tripCount == .formula("n"))
    for function in ["hidden", "hidden_in_a_block"] {
      #expect(sites[function]?[0].loop != nil && sites[function]?[0].loop?.tripCount == .unknown, "\(function)")
      #expect(sites[function]?[0].siblings == .unknown, "\(function)")
    }
    let later = try #require(sites["later_loop"])
    // One batch: n + the triangle's n(n+1)/2, which no figure over the j loop's `n - j` says
    // (it said n + (n - j) at the triangle's spawns, below the batch).
    #expect(later.map(\.siblings) == [.unknown, .unknown], "\(later.map(\.siblings))")
    // The sum started again after a count unknown: 1, from the last site alone.
    #expect(sites["unknown_between"]?.map(\.siblings) == [.unknown, .unknown, .unknown])
    let blocks = try #require(sites["two_blocks"])
    #expect(blocks.map(\.loop?.tripCount) == [.formula("m"), .formula("m")])
    #expect(blocks.map(\.siblings) == [.unknown, .unknown])
  }
}

/// `in/out/inout` clauses: checked against the inference and then used.
@Suite struct ClauseTests {
  @Test func agreeingClausesGiveNoWarning() throws {
    let (manifest, diagnostics) = try Fixtures.analyze(
      source: """
        void smooth(const double *in, double *out, int lo, int hi) {
          for (int i = lo; i < hi; i++) out[i] = in[i - 1] + in[i + 1];
        }
        int main(void) { double a[10], b[10];
        #pragma dosc task in(in[lo-1:hi-lo+2]) out(out[lo:hi-lo])
          smooth(a, b, 1, 9);
          return 0; }
        """)
    #expect(diagnostics.diagnostics.isEmpty, "\(diagnostics.rendered)")
    #expect(try manifest.task("smooth").param("in").first == .formula("lo-1"))
  }

  @Test func mismatchWarnsWithBothVersionsAndTheClauseWins() throws {
    let (manifest, diagnostics) = try Fixtures.analyze(
      source: """
        void f(double *a, int n) { for (int i = 0; i < n; i++) a[i] = a[i] + 1; }
        int main(void) { double x[10];
        #pragma dosc task in(a[0:n+1])
          f(x, 10);
          return 0; }
        """)
    let text = diagnostics.rendered
    #expect(
      text.contains(
        "input.c:3:22: warning: clause 'in(a[0:n+1])' of site 0 says access 'read' but the analysis infers 'readwrite'"
      ))
    #expect(text.contains("section [0:n+1] but the analysis infers [0:n]"))
    #expect(text.contains("[dosc-clause-mismatch]"))
    // The site's figures are the clause's; the task keeps what the analysis inferred.
    let a = try manifest.sites[0].param("a")
    #expect(a.access == .read)
    #expect(a.count == .formula("n+1"))
    #expect(a.writes == .number(0))
    #expect(a.writeFirst == nil)
    #expect(try manifest.task("f").param("a").access == .readwrite)
  }

  @Test func clauseBoundsWhatTheAnalysisCannot() throws {
    let (manifest, _) = try Fixtures.analyze(
      source: """
        void walk(int *a, int n) { int k = 0; while (a[k] != n) k++; }
        int main(void) { int x[3] = {0, 1, 2};
        #pragma dosc task in(a[0:n+1])
          walk(x, 2);
          return 0; }
        """)
    let site = manifest.sites[0]
    #expect(site.remotable == true, "\(site.reasons ?? [])")
    #expect(try site.param("a").bytes.value(["n": 2]) == 12)
    #expect(try manifest.task("walk").remotable == false)
  }
}
