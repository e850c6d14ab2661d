import Testing

@testable import SymbolicAlgebra

/// Printing nested `max`/`min` atoms prints each operand once (`PrintedForms`): without the
/// memo an atom's printed form, its sort key, was printed again at every comparison of every
/// enclosing level, and miniGMG's smooth took minutes to analyze.
@Suite struct NestedPrintingTests {
  @Test func nestedClampsPrintEachOperandOnce() {
    // Names of their own, so that no other test's printing is remembered already.
    func v(_ name: String) -> Polynomial { .variable("nestedPrinting_" + name) }
    let before = PrintedForms.shared.printings
    var value = v("a") - v("b")
    for level in 0..<16 {
      value = Polynomial.maximum(value + v("n\(level)"), v("m\(level)") - v("k")).clampedAtZero
    }
    let text = value.cExpression
    let printings = PrintedForms.shared.printings - before
    #expect(text.hasPrefix("max(") && text.count < 2_000)
    // Each level holds a handful of distinct polynomials; without the memo each level printed
    // the one below it several times over: millions. (Other tests running at the same time
    // may print a few hundred.)
    #expect(printings < 1_000, "\(printings) polynomials printed")
  }
}
