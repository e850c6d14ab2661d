@testable import ClangFrontend
import DoscManifest
import Testing

/// Operators written in macro bodies, at any depth (`ExpandedOperators`), and `va_arg`'s value.
@Suite struct MacroOperatorTests {
  private func task(_ source: String, _ name: String, flags: [String] = []) throws -> Manifest.Task {
    try Fixtures.analyze(source: source, flags: flags).0.task(name)
  }

  /// A one-task program: `definitions`, then `body` as the definition of `f(int *a, int n)`,
  /// spawned with `n` = 5 on a buffer of 1000.
  private func taskF(_ definitions: String, _ body: String) throws -> Manifest.Task {
    try task(
      """
      \(definitions)
      void f(int *a, int n) { \(body) }
      int main(void) { static int x[1000];
      #pragma dosc task
        f(x, 5);
        return 0; }
      """, "f")
  }

  /// SPEC lbm's shape: the `*` of `((z) * SX)` has neither operand spelled next to it where
  /// libclang reports locations (`(z)` ends in the body, `SX` is spelled in its own).
  @Test func anOperatorBetweenAParenthesisAndAConstantMacro() throws {
    let t = try taskF(
      "#define SX 100\n#define CW(z) ((z) * SX)", "for (int i = 0; i < n; i++) a[CW(i) + 1] = i;")
    let a = try t.param("a")
    #expect(try a.first.value(["n": 5]) == 1)
    #expect(try a.count.value(["n": 5]) == 401)
    #expect(a.writes == .formula("n"))
    #expect(t.remotable)
  }

  /// The shapes a text search misses, each with the footprint its indices give at n = 5.
  @Test func operatorsThroughEveryMacroLevel() throws {
    let cases: [(definitions: String, body: String, first: Int, count: Int)] = [
      // An argument times a constant macro: `i` is spelled at the use, `N` in N's body.
      ("#define N 4\n#define SCALE(x) (x * N)", "for (int i = 0; i < n; i++) a[SCALE(i)] = i;", 0, 17),
      (
        "#define N 4\n#define IDX(i, j) ((i) * N + (j))",
        "for (int i = 0; i < n; i++) for (int j = 0; j < N; j++) a[IDX(i, j)] = j;", 0, 20
      ),
      // A macro calling a macro, the outer `+` after the inner's last token.
      (
        "#define W 8\n#define ROW(i) ((i) * W)\n#define AT(i, j) (ROW(i) + (j))",
        "for (int i = 0; i < n; i++) a[AT(i, 2)] = i;", 2, 33
      ),
      // A constant product of two macros, then a product with it.
      (
        "#define SX 10\n#define SY 3\n#define PLANE (SX * SY)\n#define VOL(k) ((k) * PLANE)",
        "for (int i = 0; i < n; i++) a[VOL(i) + 1] = i;", 1, 121
      ),
      ("#define TWICE(v) ((v) << 1)", "for (int i = 0; i < n; i++) a[TWICE(i)] = i;", 0, 9),
      ("#define NEXT(v) ((v) - 1)", "for (int i = 1; i <= n; i++) a[NEXT(i)] = i;", 0, 5),
    ]
    for (definitions, body, first, count) in cases {
      let t = try taskF(definitions, body)
      let a = try t.param("a")
      #expect(try a.first.value(["n": 5]) == first, "\(definitions)")
      #expect(try a.count.value(["n": 5]) == count, "\(definitions)")
      #expect(t.remotable, "\(definitions): \(t.reasons)")
    }
  }

  /// A loop macro's `<` and `<=`, and a compound assignment in a macro, are what they say: the
  /// loops count and the store reads and writes each element once.
  @Test func comparisonsAndCompoundAssignmentsInMacros() throws {
    let below = try taskF("#define FOR(i, n) for (i = 0; i < (n); i++)", "int i; FOR(i, n) a[i] = i;")
    #expect(try below.param("a").count.value(["n": 5]) == 5)
    #expect(below.remotable)
    let through = try taskF(
      "#define FOR_TO(i, lo, hi) for (i = (lo); i <= (hi); i++)\n#define ADD_TO(a, v) ((a) += (v))",
      "int i; FOR_TO(i, 1, n) ADD_TO(a[i], i);")
    let a = try through.param("a")
    #expect(try a.first.value(["n": 5]) == 1)
    #expect(try a.count.value(["n": 5]) == 5)
    #expect(a.access == .readwrite)
    #expect(through.remotable)
  }

  /// The text search's last resort, the operator before a macro's argument read in the body
  /// (`operatorBeforeArgument`, used where clang's print does not parse back the same): an
  /// occurrence of the parameter as the first argument of a call in the body (`INNER(p)`,
  /// maybe a macro) tells none. main at 46fc3d8 read the `+` before the second `p` of
  /// `(p - 1 + INNER(p) * 2 - p)` as the `-` before the third: first `-2*i-1` (-19 at i = 9)
  /// on a remotable task that wrote v[17]. The print gives `2*i-1`.
  @Test func anArgumentOfAMacroCallInABodyTellsNoOperator() throws {
    let outer = "#define INNER(y) y\n#define OUTER(p) (p - 1 + INNER(p) * 2 - p)\n#define SUB(a, b) a - b\n"
    let use = "int f(int i, int n) { return OUTER(i) + SUB(n, i); }\n"
    let path = try Fixtures.write(outer + use)
    let start = outer.utf8.count
    let search = SourceCache()
    let inOuter = start + use.utf8.count - "i) + SUB(n, i); }\n".utf8.count
    #expect(search.operatorBeforeArgument(file: path, at: inOuter) == nil)
    let inSub = start + use.utf8.count - "i); }\n".utf8.count
    #expect(search.operatorBeforeArgument(file: path, at: inSub) == "-")
    let v = try task(
      outer + """
        void f(float *v, int i) { v[OUTER(i)] = 1; }
        int main(void) { float v[64];
        #pragma dosc task
          f(v, 9);
          return 0; }
        """, "f"
    ).param("v")
    #expect(try v.first.value(["i": 9]) == 17)
    #expect(v.count == .number(1))
  }

  /// `va_arg(ap, int)` is the next int, not the list `ap`: a helper storing it stores no
  /// address (the reason given was "stores an address of its own process"), and its footprint
  /// is the helper's.
  @Test func aVariadicArgumentIsAValueOfItsType() throws {
    let t = try task(
      """
      #include <stdarg.h>
      static void put_values(int *dst, int count, ...) {
        va_list ap;
        va_start(ap, count);
        for (int i = 0; i < count; i++) dst[i] = va_arg(ap, int);
        va_end(ap);
      }
      void header(int *h, int at, int a, int b) { put_values(h + at, 4, a, b, a + b, a * b); }
      int main(void) { int x[8] = {0};
      #pragma dosc task
        header(x, 2, 3, 4);
        return 0; }
      """, "header")
    #expect(!t.reasons.contains { $0.contains("stores an address") }, "\(t.reasons)")
    let h = try t.param("h")
    #expect(try h.first.value(["at": 2]) == 2)
    #expect(try h.count.value(["at": 2]) == 4)
    #expect(t.remotable, "\(t.reasons)")
  }

  /// A pointer `va_arg` gives points anywhere: stores through it are not the task's own, and
  /// a list the task is given (`va_list` parameter) is its caller's memory, which it steps.
  @Test func aVariadicPointerAndAGivenListStayForeign() throws {
    let pointer = try task(
      """
      #include <stdarg.h>
      void clear(int *out, int n, ...) {
        va_list ap;
        va_start(ap, n);
        for (int k = 0; k < n; k++) { int *v = va_arg(ap, int *); v[0] = 0; out[k] = 1; }
        va_end(ap);
      }
      static void clear_two(int *out, int *p, int *q) { clear(out, 2, p, q); }
      void run(int *out, int *p, int *q) { clear_two(out, p, q); }
      int main(void) { int o[2], p[1], q[1];
      #pragma dosc task
        run(o, p, q);
        return 0; }
      """, "run")
    #expect(!pointer.remotable)
    #expect(
      pointer.reasons.contains { $0.contains("writes memory through 'va_arg(ap, int *)'") }, "\(pointer.reasons)")
    let given = try task(
      """
      #include <stdarg.h>
      void take(int *dst, int n, va_list ap) { for (int i = 0; i < n; i++) dst[i] = va_arg(ap, int); }
      int main(void) { int d[4]; va_list *none = 0;
      #pragma dosc task
        take(d, 4, *none);
        return 0; }
      """, "take")
    #expect(try given.param("ap").count == .unknown)
    #expect(!given.remotable)
  }
}

extension MacroOperatorTests {
  /// A print the second parse reads otherwise than the first: a macro that names itself stays
  /// in clang's print and expands there again; a body's `#undef` is gone from the print. Either
  /// tree may agree with the source's node by node and hold another operator (review: a `*`
  /// read as `-`, a `-` as `+`); such a function's operators are not read from the print, and
  /// the footprint covers every element the loop stores (or is null).
  @Test func aPrintThatParsesBackOtherwiseTellsNoOperator() throws {
    let cases: [(source: String, touched: [Int])] = [
      (
        """
        enum { B = 2 };
        #define B 3 - B
        #define IDX(i) (i * B)
        void f(int *p, int n) { for (int i = 0; i < n; i++) p[IDX(i) + 10] = i; }
        """, (0..<5).map { 3 * $0 + 8 }
      ),
      (
        """
        enum { K = 5 };
        #define K 2 *
        static int helper(int x) {
        #undef K
          return x + 1;
        }
        #define IDX(n, i) (n + K - i)
        void f(int *p, int n) { for (int i = 0; i < n; i++) p[IDX(n, i)] = i + helper(0); }
        """, (0..<5).map { 5 + 5 - $0 }
      ),
    ]
    for (source, touched) in cases {
      let t = try task(
        source + """

          int main(void) { static int x[1000];
          #pragma dosc task
            f(x, 5);
            return 0; }
          """, "f")
      let p = try t.param("p")
      guard p.first.polynomial != nil, p.count.polynomial != nil else { continue }  // null: sound
      let first = try p.first.value(["n": 5])
      let count = try p.count.value(["n": 5])
      for element in touched {
        #expect(element >= first && element < first + count, "\(element) outside [\(first), +\(count))")
      }
    }
  }
}

extension MacroOperatorTests {
  /// A pointer passed in a variadic function's `...` and written through `va_arg` there: no
  /// parameter of the callee's summary speaks of it, so the task's parameter is unbounded (its
  /// figures null), never `access: none` (review: the oracle saw stores to a parameter said
  /// to be untouched).
  @Test func aPointerPassedThroughTheEllipsisIsUnbounded() throws {
    let t = try task(
      """
      #include <stdarg.h>
      static void fill(int n, ...) {
        va_list ap;
        va_start(ap, n);
        int *q = va_arg(ap, int *);
        for (int i = 0; i < n; i++) q[i] = i;
        va_end(ap);
      }
      void task1(int *a, int n) { fill(n, a); }
      int main(void) { static int x[16];
      #pragma dosc task
        task1(x, 10);
        return 0; }
      """, "task1")
    let a = try t.param("a")
    #expect(a.access == .readwrite, "\(a.access)")
    #expect(a.count == .unknown)
    #expect(!t.remotable)
  }
}

extension MacroOperatorTests {
  /// The same through a variadic function's call of itself: `a` travels only in `...`, so no
  /// parameter passes it through the recursion (final review: `access: none` for a written `a`).
  @Test func aPointerPassedThroughARecursiveEllipsisIsUnbounded() throws {
    let t = try task(
      """
      #include <stdarg.h>
      static void mark(int *a, int n, int has, ...) {
        if (has) { va_list ap; va_start(ap, has); int *b = va_arg(ap, int *); b[0] = n; va_end(ap); }
        if (n > 0) mark(a, n - 1, 1, a + n);
      }
      void task(int *a, int n) { mark(a, n, 0); }
      int main(void) { static int x[16];
      #pragma dosc task
        task(x, 8);
        return 0; }
      """, "task")
    let a = try t.param("a")
    #expect(a.access == .readwrite, "\(a.access)")
    #expect(a.count == .unknown)
    #expect(!t.remotable)
  }
}
