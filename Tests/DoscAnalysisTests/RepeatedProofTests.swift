import DoscSupport
import SymbolicAlgebra
import Testing

@testable import DoscAnalysis

/// Proofs the analysis once made again for the same value (analysis time, not figures): a
/// count's sum over a loop tested its factoring twice (`CountClamps`), and the inductions of a
/// recursive function's figures worked out each class's own figure and calls once per
/// candidate (`InductionTarget`).
@Suite struct RepeatedProofTests {
  /// `(a - b) * (i - m)` over `i` in `[0, n)`: neither it nor its rest `i - m` has one sign,
  /// nor has its scale `a - b`. Each sign asked once: the count and its rest were asked twice.
  @Test func aCountsSumOverALoopAsksEachSignOnce() {
    let (n, m, i) = (Polynomial.variable("n"), Polynomial.variable("m"), Polynomial.variable("i"))
    let loop = CountedLoop(
      variable: "i", first: .zero, last: n - .one, step: .one, ascending: true, tripCount: n,
      location: SourceLocation(file: "input.c", line: 1, column: 1))
    let once = (Polynomial.variable("a") - Polynomial.variable("b")) * (i - m)
    let prover = InequalityProver(nonNegative: ["n", "m", "a", "b"], facts: [])
    var asked: [String: Int] = [:]
    _ = loop.sum(ofCount: once) { value in
      asked[value.description, default: 0] += 1
      return prover.provesNonNegative(value)
    }
    #expect(asked[once.description] == 1, "\(asked)")
    #expect(asked.count >= 4 && asked.values.allSatisfy { $0 == 1 }, "\(asked)")
  }

  /// A target works each class's own figure and each call's part out when made, once: the
  /// candidates tried (`holds`) read them.
  @Test func anInductionTargetWorksOutEachClassOnce() {
    let site = RecursiveCallSite(
      values: [], integerArguments: ["n": .variable("n") - .one], facts: [], isInLoop: false,
      location: SourceLocation(file: "input.c", line: 2, column: 3))
    let classes = [
      PathClass(facts: [], summary: AccessSummary(), sites: [site, site]),
      PathClass(facts: [], summary: AccessSummary(), sites: []),
    ]
    var owns = 0
    var calls = 0
    let target = InductionTarget(
      classes: classes,
      own: { _ in
        owns += 1
        return .one
      },
      countsCall: { _, _ in
        calls += 1
        return true
      })
    #expect(owns == 2 && calls == 2)
    #expect(target.steps.map { $0.calls.count } == [2, 0])
    #expect(target.steps.allSatisfy { $0.own == .one })
  }
}
