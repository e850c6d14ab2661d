import DoscManifest
import Foundation
import Testing

/// Figures found smaller than what a run touches on programs from suites not seen before
/// (branch unseen5: Tests/Oracle/task-unseen5-*.c, the footprint and remote oracles): each
/// test is the shape that was wrong, and fails on the analyzer before its fix.
@Suite struct UnseenProgramSoundnessTests {
  private func task(_ source: String, _ name: String) throws -> Manifest.Task {
    try Fixtures.analyze(source: source).0.task(name)
  }

  /// An index past an inner array's extent moves into the next element: `m[0][i]` over a
  /// whole matrix, the "struct hack" `h->d[i]` with `double d[1]`, a flexible array member
  /// `f->d[i]`. They were counted in element 0 (`count: 1`): rank 1 stored past the 32 bytes
  /// shipped (flat_rows), the footprint oracle saw loads from element 1.
  @Test func indicesPastAnInnerExtentReachFurtherElements() throws {
    let source = """
      void flat_rows(double (*m)[4], int rows) { for (int i = 0; i < 4 * rows; i++) m[0][i] += 1; }
      void in_rows(double (*m)[4], int rows) {
        for (int r = 0; r < rows; r++) for (int c = 0; c < 4; c++) m[r][c] += 1;
      }
      struct hack { int n; double d[1]; };
      void struct_hack(struct hack *h, int n) { for (int i = 0; i < n; i++) h->d[i] = i; }
      struct flex { int n; double d[]; };
      void flexible(struct flex *f, int k) { for (int i = 0; i < k; i++) f->d[i] += i; }
      int main(void) { double m[3][4]; struct hack h; struct flex f;
      #pragma dosc task
        flat_rows(m, 3);
      #pragma dosc task
        in_rows(m, 3);
      #pragma dosc task
        struct_hack(&h, 1);
      #pragma dosc task
        flexible(&f, 0);
        return 0; }
      """
    // Rows 0 .. floor((4*rows - 1) / 4): the rows touched, exact at every rows >= 1.
    let flat = try task(source, "flat_rows").param("m")
    #expect(flat.first == .number(0) && flat.count == .formula("max((4*rows-1)/4,0)+1"), "\(flat)")
    // Inside the row, as before: exact.
    #expect(try task(source, "in_rows").param("m").count == .formula("rows"))
    let hack = try task(source, "struct_hack").param("h")
    #expect(hack.count != .number(1) && hack.count != .unknown, "\(hack)")
    let flexible = try task(source, "flexible")
    #expect(try flexible.param("f").count == .unknown)
    #expect(!flexible.remotable)
  }

  /// `setjmp` returns again at each `longjmp` to it: the code after it is a loop. It was
  /// counted once (`count: 1` for a task touching 10 elements).
  @Test func codeAfterSetjmpMayRepeat() throws {
    let t = try task(
      """
      #include <setjmp.h>
      static jmp_buf env;
      void jump_loop(int *a, int n) {
        volatile int i = 0;
        setjmp(env);
        if (i < n) { a[i] *= 2; i++; longjmp(env, 1); }
      }
      int main(void) { int a[10];
      #pragma dosc task
        jump_loop(a, 10);
        return 0; }
      """, "jump_loop")
    let a = try t.param("a")
    #expect(a.count == .unknown && a.reads == .unknown, "\(a)")
  }

  /// A loop variable whose address is taken may change through the pointer (`(*ip)--`
  /// retries an element): the loop has no trip count. It was counted n times (2n reads; the
  /// run made 44 for n = 10).
  @Test func aLoopVariableChangedThroughItsAddressIsNotCounted() throws {
    let t = try task(
      """
      void retry_alias(int *a, int n) {
        int i;
        int *ip = &i;
        for (i = 0; i < n; i++) { a[i] += 1; if (a[i] < 4) (*ip)--; }
      }
      int main(void) { int a[10];
      #pragma dosc task
        retry_alias(a, 10);
        return 0; }
      """, "retry_alias")
    let a = try t.param("a")
    #expect(a.reads == .unknown && a.writes == .unknown, "\(a)")
    #expect(!t.remotable)
  }

  /// A walked pointer whose later values the analysis cannot place (`p = end` after
  /// `strtol(p, &end, 10)`) still holds the parameter it started from when it is handed to
  /// a function: the parameter was `access: none` for a task that reads it.
  @Test func aPointerLostTrackOfStillCarriesItsParameter() throws {
    let source = """
      #include <stdlib.h>
      void parse(const char *text, int *out, int n) {
        const char *p = text;
        for (int i = 0; i < n; i++) { char *end; out[i] = (int)strtol(p, &end, 10); p = end; }
      }
      static int digit(const char *s) { return s[0] - '0'; }
      void digits(const char *text, int *out, int n) {
        const char *p = text;
        for (int i = 0; i < n; i++) { char *end; out[i] = digit(p); strtol(p, &end, 10); p = end; }
      }
      int main(void) { int o[2];
      #pragma dosc task
        parse("1 2", o, 2);
      #pragma dosc task
        digits("1 2", o, 2);
        return 0; }
      """
    for name in ["parse", "digits"] {
      let text = try task(source, name).param("text")
      #expect(text.access == .read && text.reads == .unknown, "\(name): \(text)")
    }
  }

  /// A loop under `#pragma clang loop ...` or `#pragma unroll` is an attributed statement,
  /// which the converter dropped: `access: none`, remotable, for a task that updates `a`.
  @Test func loopsUnderLoopPragmasAreAnalyzed() throws {
    let source = """
      void unrolled(int *a, int n) {
      #pragma clang loop unroll(enable)
        for (int i = 0; i < n; i++) a[i] += 3;
      }
      void unroll_count(int *a, int n) {
      #pragma unroll 4
        for (int i = 0; i < n; i++) a[i] -= 1;
      }
      int main(void) { int a[8];
      #pragma dosc task
        unrolled(a, 8);
      #pragma dosc task
        unroll_count(a, 8);
        return 0; }
      """
    for name in ["unrolled", "unroll_count"] {
      let a = try task(source, name).param("a")
      #expect(a.access == .readwrite && a.count == .formula("n") && a.writes == .formula("n"), "\(name): \(a)")
    }
  }

  /// Inline `asm` may store through its operands: it was skipped (`access: none`, remotable;
  /// rank 2 crashed running it).
  @Test func inlineAsmMayTouchAnything() throws {
    let t = try task(
      """
      void asm_store(int *a, int n) {
        for (int i = 0; i < n; i++) __asm__ volatile("movl %1, %0" : "=m"(a[i]) : "r"(i * 3));
      }
      int main(void) { int a[8];
      #pragma dosc task
        asm_store(a, 8);
        return 0; }
      """, "asm_store")
    #expect(!t.remotable)
    let a = try t.param("a")
    #expect(a.access == .readwrite && a.count == .unknown, "\(a)")
    #expect(t.reasons.contains { $0.contains("holds a 'GCCAsmStmt' statement") }, "\(t.reasons)")
  }
  /// A helper's figures take its integer parameters as non-negative, as a task's, but only the
  /// task's own are checked at the spawn: `strided(a + 20, lo - 5)` with `a[i * w]` counted
  /// `[0, 3w]`, short of `a[3w]` at lo = 2; `k % d` by `lo - 5` likewise (the oracle saw 3
  /// violations in Tests/Oracle/task-helper-negative-arguments.c). Arguments that may be
  /// negative are not followed into the helper's figures; ones that are never negative are.
  @Test func argumentsThatMayBeNegativeAreNotFollowedIntoAHelper() throws {
    let source = """
      static void strided(double *a, int w) { for (int i = 0; i < 4; i++) a[i * w] += 1.0; }
      static void put(double *a, int d, int k) { a[k % d] = 1.0; }
      static double sum(const double *a, int n) { double s = 0; for (int i = 0; i < n; i++) s += a[i]; return s; }
      void stride_back(double *a, int lo) { strided(a + 20, lo - 5); }
      void remainder_by_difference(double *a, int lo) { put(a + 20, lo - 5, 7); }
      void stride_forward(double *a, int lo, int w) { strided(a + lo, w + 1); }
      void prefix_sums(double *out, const double *a, int n) {
        for (int i = 1; i <= n; i++) out[i - 1] = sum(a, i - 1) + sum(a, 2);
      }
      int main(void) { double a[64], o[8];
      #pragma dosc task
        stride_back(a, 2);
      #pragma dosc task
        remainder_by_difference(a, 2);
      #pragma dosc task
        stride_forward(a, 1, 2);
      #pragma dosc task
        prefix_sums(o, a, 8);
        return 0; }
      """
    for name in ["stride_back", "remainder_by_difference"] {
      let t = try task(source, name)
      #expect(try t.param("a").count == .unknown && !t.remotable, "\(name): \(t)")
    }
    #expect(try task(source, "stride_forward").param("a").count != .unknown)
    let prefix = try task(source, "prefix_sums")
    #expect(try prefix.param("a").count != .unknown && prefix.remotable, "\(prefix)")
  }
  /// A conversion between pointers to elements of other sizes without a cast (`double *p = A`
  /// for a `double (*A)[4]`, `double (*R)[4] = f`; C only warns) was looked through: offsets kept
  /// counting in the old units, and `p += 5; p[-3]` was taken as rows 2.. while the task touched
  /// doubles 2.. (row 0); `R[r][3]` over a flat `f` as element r (the oracle saw both).
  @Test func implicitPointerConversionsAreViews() throws {
    let source = """
      void back_from_view(double (*A)[4], int n) {
        double *p = A;
        p += 2;
        for (int i = 0; i < n + 3; i++) p[i] += 1.0;
      }
      void rows_from_flat(double *f, int rows) {
        double (*R)[4] = f;
        for (int r = 0; r < rows; r++) R[r][3] += R[r][0];
      }
      int main(void) { double A[8][4], F[32];
      #pragma dosc task
        back_from_view(A, 3);
      #pragma dosc task
        rows_from_flat(F, 3);
        return 0; }
      """
    // Doubles 2 .. n+4 lie in rows 0 .. (n+4)/4.
    let a = try task(source, "back_from_view").param("A")
    #expect(try a.first.value(["n": 3]) == 0 && a.count.value(["n": 3]) == 2, "\(a)")
    // Rows 0 .. rows-1 of 4 doubles: doubles 0 .. 4*rows-1.
    let f = try task(source, "rows_from_flat").param("f")
    #expect(try f.first.value(["rows": 3]) == 0 && f.count.value(["rows": 3]) == 12, "\(f)")
  }

  /// A `switch` whose last statement returns still ends where a `break` or an unmatched value
  /// leaves it (G.721's encoder: `switch (in_coding) { case LINEAR: sl >>= 2; break; default:
  /// return (-1); }`, then the whole coder). The code after it was taken for dead: the state
  /// the coder reads and writes was `access: none` and the task remotable, for the caller too.
  @Test func codeAfterASwitchWhoseLastCaseReturnsRuns() throws {
    let source = """
      int after_break(int sl, int mode, int *st) {
        switch (mode) { case 3: sl >>= 2; break; default: return -1; }
        st[0] += sl;
        return st[0];
      }
      int no_default(int sl, int mode, int *st) {
        switch (mode) { case 3: sl >>= 2; break; case 4: return -2; }
        st[1] += sl;
        return st[1];
      }
      void block(int *st, const short *pcm, unsigned char *code, int n) {
        for (int k = 0; k < n; k++) code[k] = (unsigned char)after_break(pcm[k], 3, st);
      }
      void in_loop(const int *a, int n, int *out) {
        for (int i = 0; i < n; i++) {
          switch (a[i]) { case 0: break; default: return; }
          out[i] = 1;
        }
      }
      int main(void) { int st[2] = {5, 6}, r, a2[4] = {0}, o2[4]; short pcm[8] = {0}; unsigned char code[8];
      #pragma dosc task
        r = after_break(40, 3, st);
      #pragma dosc task
        r = no_default(40, 5, st);
      #pragma dosc taskwait
      #pragma dosc task
        block(st, pcm, code, 8);
      #pragma dosc task
        in_loop(a2, 4, o2);
        return r; }
      """
    for (name, first) in [("after_break", 0), ("no_default", 1), ("block", 0)] {
      let st = try task(source, name).param("st")
      #expect(st.access == .readwrite && st.first == .number(first) && st.count == .number(1), "\(name): \(st)")
    }
    // A `switch` on the data in a loop, `default: return;`: out[0, n) written, not surely.
    let out = try task(source, "in_loop").param("out")
    #expect(out.access == .write && out.count == .formula("n") && out.writeDense != true, "\(out)")
  }
}
