import DoscManifest
import Testing

/// Globals with the same bytes on every rank (`SharedConstants`): a `const` table defined in
/// the unit with no address in it leaves a task remotable, named in `constant_globals`; any
/// other global keeps it home with a located reason.
@Suite struct ConstantGlobalTests {
  private func task(_ declarations: String, _ body: String, extra: String = "") throws -> Manifest.Task {
    let source = """
      \(declarations)
      void f(int *a, int n) { for (int i = 0; i < n; i++) \(body) }
      \(extra)
      int main(void) { int a[4] = {0};
      #pragma dosc task
        f(a, 4);
        return 0; }
      """
    return try Fixtures.analyze(source: source).0.task("f")
  }

  @Test func constTablesDefinedHereLeaveTheTaskRemotable() throws {
    let cases = [
      ("static const unsigned char sbox[4] = {3, 0, 1, 2};", "a[i] = sbox[a[i] & 3];", "sbox"),
      ("const double coef[] = {0.5, 0.25};", "a[i] *= coef[i & 1];", "coef"),
      ("struct pt { int x, y; }; const struct pt pts[2] = {{1, 2}, {3, 4}};", "a[i] = pts[i & 1].y;", "pts"),
      ("static const int m[2][2] = {{1, 2}, {3, 4}};", "a[i] = m[i & 1][1];", "m"),
      ("static const unsigned crc[2] = {1u, 2u}; static int g(int k) { return crc[k & 1]; }", "a[i] = g(i);", "crc"),
      ("", "{ static const int t[2] = {5, 6}; a[i] = t[i & 1]; }", "t"),
      ("static const int N = 3;", "a[i] = N;", "N"),
      (
        "static const short t[3] = {1, 2, 3}; static const int count = sizeof t / sizeof t[0];", "a[i] = count;",
        "count"
      ),
    ]
    for (declarations, body, name) in cases {
      let t = try task(declarations, body)
      #expect(t.remotable, "\(body): \(t.reasons)")
      #expect(t.constantGlobals?.count == 1, "\(body): \(t.constantGlobals ?? [])")
      #expect(t.constantGlobals?.first?.contains("reads const global '\(name)', not shipped") == true)
      #expect(try t.param("a").count == .formula("n"), "\(body)")
    }
  }

  /// Was: every global read, `const` or not, kept the task home ("reads global 'sbox'").
  @Test func aTableCastToWritableOrHoldingAddressesStaysHome() throws {
    let cases = [
      // A conversion anywhere in the unit that takes const away: what it points to may change.
      (
        "static const unsigned char sbox[4] = {3, 0, 1, 2};", "a[i] = sbox[a[i] & 3];",
        "void touch(void) { unsigned char *w = (unsigned char *)sbox; (void)w; }", "takes const away"
      ),
      (
        "static const int t[2] = {1, 2};", "a[i] = t[i & 1];", "void touch(int *p); void h(void) { touch(t); }",
        "takes const away"
      ),
      (
        "static const int t[2] = {1, 2};", "a[i] = t[i & 1];", "unsigned long h(void) { return (unsigned long)t; }",
        "takes const away"
      ),
      // Addresses differ per rank: a table of strings, of function pointers, a struct holding one.
      ("static const char *const names[2] = {\"ab\", \"cd\"};", "a[i] = names[i & 1][0];", "", "holds addresses"),
      (
        "static int inc(int x) { return x + 1; } static int (*const ops[1])(int) = {inc};", "a[i] = ops[0] != 0;", "",
        "holds addresses"
      ),
      (
        "struct e { int k; const char *s; }; static const struct e es[1] = {{1, \"x\"}};", "a[i] = es[0].k;", "",
        "holds addresses"
      ),
      // An integer made from an address.
      (
        "static int g; static const unsigned long base = (unsigned long)&g;", "a[i] = (int)(base & 1);", "",
        "is initialized from an address"
      ),
      // Defined elsewhere: its definition may not be const.
      ("extern const int ext[4];", "a[i] = ext[i & 3];", "", "is not defined in this translation unit"),
      ("extern const int limit;", "a[i] = limit;", "", "is not defined in this translation unit"),
      ("static const volatile int v[2] = {1, 2};", "a[i] = v[i & 1];", "", "is volatile"),
    ]
    for (declarations, body, extra, why) in cases {
      let t = try task(declarations, body, extra: extra)
      #expect(!t.remotable, "\(declarations) \(extra)")
      #expect(t.reasons.contains { $0.contains("reads const global") && $0.contains(why) }, "\(t.reasons)")
      #expect(t.constantGlobals == nil)
    }
  }

  @Test func aWritableTableStaysHome() throws {
    let t = try task("static int table[4];", "a[i] = table[i & 3];")
    #expect(!t.remotable)
    #expect(t.reasons.contains { $0.contains("reads global 'table'") }, "\(t.reasons)")
  }

  /// A const table defined after an `extern` declaration of it is defined here all the same.
  @Test func aDefinitionLaterInTheUnitCounts() throws {
    let t = try task("extern const int later[2];", "a[i] = later[i & 1];", extra: "const int later[2] = {1, 2};")
    #expect(t.remotable, "\(t.reasons)")
  }
}
