import DoscManifest
import Testing

/// Shapes of unseen11's needless nulls (Tests/Oracle/task-unseen11-needless-nulls.c runs them
/// under the footprint oracle): a `goto` that only skips code forward, a loop step written out
/// (`i = i - 1`), a value set in the arms of an `if`. Each was null before; each has a
/// look-alike that must stay null.
@Suite struct NeedlessNullUnseen11Tests {
  /// (first, count, reads, writes) of parameter `name` of a task `signature` with `body`.
  private func figures(_ signature: String, _ body: String, _ name: String = "a") throws -> [String] {
    let p = try Fixtures.task(signature, body).param(name)
    return [p.first, p.count, p.reads, p.writes].map(\.description)
  }

  /// TSVC s1161: forward `goto`s inside a loop body skip code, they repeat none. Null before
  /// ("the 'goto' ... may repeat code").
  @Test func forwardGotosInALoopBodyKeepTheFigures() throws {
    let source = """
      void s1161(double *a, double *b, const double *c, int lo, int hi) {
        for (int i = lo; i < hi; ++i) {
          if (c[i] < 0.) goto L20;
          a[i] = c[i] * 2.0;
          goto L10;
        L20:
          b[i] = a[i] + c[i];
        L10:;
        }
      }
      int main(void) { double a[8], b[8], c[8] = {0};
      #pragma dosc task
        s1161(a, b, c, 1, 7);
        return 0; }
      """
    let t = try Fixtures.analyze(source: source).0.task("s1161")
    func figures(_ name: String) throws -> [String] {
      let p = try t.param(name)
      return [p.first, p.count, p.reads, p.writes].map(\.description)
    }
    #expect(t.remotable, "\(t.reasons)")
    #expect(try figures("a") == ["lo", "hi-lo", "hi-lo", "hi-lo"])
    #expect(try figures("b") == ["lo", "hi-lo", "0", "hi-lo"])
    #expect(try figures("c") == ["lo", "hi-lo", "2*(hi-lo)", "0"])
    // Either store may be skipped: neither is dense.
    #expect(try t.param("a").writeDense != true && t.param("b").writeDense != true)
  }

  /// The path that jumps to a label goes on from there: its figures add what follows the label
  /// to what ran before the jump (2n stores, not the n of either part alone).
  @Test func aJumpedPathCountsWhatFollowsItsLabel() throws {
    let signature = "double *a, int k, int n, int m"
    let body = """
      if (k) {
          for (int i = 0; i < n; i++) a[i] = 1;
          goto done;
        }
        a[0] = 3;
      done:
        for (int i = 0; i < n; i++) a[i] += 1;
      """
    let (first, count, reads, writes) = try tuple(figures(signature, body))
    #expect([first, count, reads] == ["0", "max(0,n-1)+1", "n"])
    #expect(writes == "n+max(1,n)")
  }

  /// A `goto` back, out of a loop or into one may repeat code or leave the loop early: the
  /// counts null, as before.
  @Test func otherGotosStayNull() throws {
    let signature = "double *a, int k, int n, int m"
    let back = "int i = 0;\nagain:\n  a[i] = 1;\n  if (++i < n) goto again;"
    #expect(try figures(signature, back)[3] == "null")
    let out = "for (int i = 0; i < n; i++) { if (a[i] < 0) goto done; a[i] = 1; }\ndone:;"
    #expect(try figures(signature, out)[3] == "null")
    let into = "int i = 0;\n  if (k) goto inside;\n  for (i = 0; i < n; i++) {\n  inside:\n    a[i] = 1;\n  }"
    #expect(try figures(signature, into)[3] == "null")
  }

  /// CrystalMk's back substitution: `i = i - 1` is `i -= 1`. Null before.
  @Test func aStepWrittenOutCounts() throws {
    let signature = "double *a, int k, int n, int m"
    #expect(
      try figures(signature, "for (int i = n - 2; i >= 0; i = i - 1) a[i] = a[i] * 0.5 + a[i + 1];") == [
        "0", "n", "2*(n-1)", "n-1",
      ])
    #expect(try figures(signature, "for (int i = 0; i < n; i = 2 + i) a[i] = 0;")[3] == "(n+1)/2")
    // Not a step of the variable by a constant or a checked parameter: still null.
    #expect(try figures(signature, "for (int i = 1; i < n; i = i * 2 - 1) a[i] = 0;")[1] == "null")
    #expect(try figures(signature, "for (int i = 0; i < n; i = m - i) a[i] = 0;")[1] == "null")
  }

  /// pifft's `mp_idiv_2`: `shift` is 0, or 1 from a branch, and the loop `j <= n + 1 - shift`
  /// reads `in[j + shift]`: a value in [0, 1], the loop at its longest. Null before ("its
  /// figures depend on values that are not parameters").
  @Test func aValueSetInAnArmIsInTheRangeOfBoth() throws {
    let signature = "double *a, int k, int n, int m"
    let body = "int shift = 0;\n  if (k == 1) shift = 1;\n  for (int j = 2; j <= n + 1 - shift; j++) a[j + shift] = 0;"
    #expect(try figures(signature, body) == ["2", "n+1", "0", "n"])
    // Set to a value loaded from memory in one arm: still null.
    let unknown = "int shift = 0;\n  if (k == 1) shift = (int)a[m];\n  a[shift] = 0;"
    #expect(try figures(signature, unknown)[1] == "null")
  }

  /// Two loops of one macro's expansion start at one place: each used to be given what the
  /// last one changes, so `k`, stepped in the first, looked invariant there (`a`: first 0,
  /// count 1, for n stores; remotable). Found looking at IRSmk's loop nest spelled by a macro.
  @Test func loopsOfOneMacroExpansionKeepWhatEachChanges() throws {
    let source = """
      #define TWO \\
        for (i = 0; i < n; i++) { a[k] = 1.0; k++; } \\
        for (j = 0; j < 2; j++) b[j] = 0.0;
      void two(double *a, double *b, int n) { int i, j, k = 0; TWO }
      int main(void) { double a[100], b[4];
      #pragma dosc task
        two(a, b, 10);
        return 0; }
      """
    let a = try Fixtures.analyze(source: source).0.task("two").param("a")
    #expect([a.first, a.count, a.writes].map(\.description) == ["0", "n", "n"])
  }

  private func tuple(_ values: [String]) -> (String, String, String, String) {
    (values[0], values[1], values[2], values[3])
  }
}
