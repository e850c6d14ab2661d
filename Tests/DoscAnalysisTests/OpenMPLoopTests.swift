import DoscManifest
import Testing

/// Loops under OpenMP directives, analyzed with `-fopenmp` (`OpenMPLoops`): a directive that
/// runs the same iterations in any order leaves the loop's figures as they are; one whose
/// effect the analyzer cannot bound keeps them null with the directive's location.
@Suite struct OpenMPLoopTests {
  private func task(_ function: String, _ name: String, call: String) throws -> Manifest.Task {
    let source = """
      \(function)
      int main(void) { double a[64] = {0}, b[64], s[1] = {0};
      #pragma dosc task
        \(call);
        return 0; }
      """
    return try Fixtures.analyze(source: source, flags: ["-fopenmp"]).0.task(name)
  }

  /// Was: every figure null, "holds a 'OMPSimdDirective' statement".
  @Test func neutralLoopDirectivesKeepTheLoopsFigures() throws {
    let directives = [
      "simd", "for", "parallel for", "parallel for simd", "for simd schedule(dynamic, 4) nowait",
      "parallel for collapse(2) schedule(static)", "parallel for reduction(+: acc) num_threads(2)",
      "simd safelen(8) aligned(a: 32) linear(k)", "parallel for lastprivate(k) default(shared) shared(a)",
    ]
    for directive in directives {
      let t = try task(
        """
        void f(double *a, int n) {
          double acc = 0; int k = 0;
        #pragma omp \(directive)
          for (int i = 0; i < n; i++)
            for (int j = 0; j < 2; j++) { a[2 * i + j] = acc; acc += 1; k = i; }
          a[0] += acc + k;
        }
        """, "f", call: "f(a, 8)")
      let a = try t.param("a")
      #expect(a.first == .number(0) && a.count == .formula("max(0,2*n-1)+1"), "\(directive): \(a.first) \(a.count)")
      #expect(t.remotable, "\(directive): \(t.reasons)")
    }
  }

  @Test func directivesWithUnboundedEffectsStayNull() throws {
    let cases = [
      ("parallel", "#pragma omp parallel\n  for (int i = 0; i < n; i++) a[i] = 1;"),
      ("task inside", "#pragma omp parallel for\n  for (int i = 0; i < n; i++) {\n#pragma omp task\n a[i] = 1; }"),
      (
        "critical inside",
        "#pragma omp parallel for\n  for (int i = 0; i < n; i++) {\n#pragma omp critical\n a[i] = 1; }"
      ),
      (
        "firstprivate",
        "int k = 0;\n#pragma omp parallel for firstprivate(k)\n  for (int i = 0; i < n; i++) a[i] = k++;"
      ),
      (
        "private", "int k = 0;\n#pragma omp parallel for private(k)\n  for (int i = 0; i < n; i++) { k = i; a[i] = k; }"
      ),
      (
        "array reduction", "#pragma omp parallel for reduction(+: a[0:2])\n  for (int i = 0; i < n; i++) a[i % 2] += 1;"
      ),
      ("target", "#pragma omp target map(tofrom: a[0:n])\n  for (int i = 0; i < n; i++) a[i] = 1;"),
    ]
    for (what, body) in cases {
      let t = try task("void f(double *a, int n) {\n\(body)\n}", "f", call: "f(a, 8)")
      #expect(try t.param("a").count == .unknown, "\(what)")
      #expect(!t.remotable, "\(what)")
      #expect(t.reasons.contains { $0.contains("holds a 'OMP") && $0.contains("input.c:") }, "\(what): \(t.reasons)")
    }
  }

  /// Without `-fopenmp` the directives are comments, as before.
  @Test func withoutTheFlagTheDirectivesAreIgnored() throws {
    let source = """
      void f(double *a, int n) {
      #pragma omp parallel
        for (int i = 0; i < n; i++) a[i] = 1;
      }
      int main(void) { double a[8];
      #pragma dosc task
        f(a, 8);
        return 0; }
      """
    let t = try Fixtures.analyze(source: source).0.task("f")
    #expect(try t.param("a").count == .formula("n"))
  }
}
