import DoscManifest
import Testing

/// Loop bounds in a structure passed by value: no figure names a field (the runtime evaluates
/// figures from the spawn's scalar arguments), so they stay null, with a reason that names the
/// field (was only "the index of 'a[i]' has no symbolic form").
@Suite struct StructParameterBoundTests {
  @Test func aFieldBoundIsNamedInTheReason() throws {
    let source = """
      struct range { int lo, hi; };
      void fill(double *a, struct range r) { for (int i = r.lo; i < r.hi; i++) a[i] = 1; }
      int main(void) { double a[8]; struct range r = {1, 4};
      #pragma dosc task
        fill(a, r);
        return 0; }
      """
    let t = try Fixtures.analyze(source: source).0.task("fill")
    #expect(try t.param("a").count == .unknown)
    #expect(!t.remotable)
    #expect(
      t.reasons.contains {
        $0.hasPrefix("input.c:2:63: bounds a loop by 'r.hi', a field of a structure passed by value")
      },
      "\(t.reasons)")
  }

  /// A bound through a pointer to a structure is memory, read as before: no such reason.
  @Test func aFieldThroughAPointerIsNoStructArgument() throws {
    let source = """
      struct range { int lo, hi; };
      void fill(double *a, const struct range *r) { for (int i = r->lo; i < r->hi; i++) a[i] = 1; }
      int main(void) { double a[8]; struct range r = {1, 4};
      #pragma dosc task
        fill(a, &r);
        return 0; }
      """
    let t = try Fixtures.analyze(source: source).0.task("fill")
    #expect(!t.reasons.contains { $0.contains("a field of a structure passed by value") }, "\(t.reasons)")
  }
}
