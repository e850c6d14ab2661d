import Testing

@testable import SymbolicAlgebra

/// Coefficients are 64-bit like the C values they describe: arithmetic that leaves that range
/// gives `Polynomial.overflow`, which absorbs everything after it, never a trap or a wrapped
/// value.
@Suite struct OverflowTests {
  private let n = Polynomial.variable("n")

  @Test func rationalArithmeticIsChecked() {
    #expect(Rational(Int.max).adding(.one) == nil)
    #expect(Rational(Int.min).negated() == nil)
    #expect(Rational(Int.max).multiplied(by: Rational(2)) == nil)
    #expect(Rational(Int.max, 2).adding(Rational(1, 2)) == Rational(Int.max / 2 + 1))
    // Comparison cross-multiplies in 128 bits.
    #expect(Rational(Int.max - 1, Int.max) < Rational(Int.max, Int.max - 1))
    #expect(gcd(Int.min, 0) == nil)
    #expect(lcm(Int.max, Int.max - 1) == nil)
  }

  @Test func overflowAbsorbsLaterOperations() {
    let huge = Polynomial(Int.max) + 1
    #expect(huge.isOverflow)
    #expect(!huge.isZero && !huge.isConstant && huge.integerValue == nil)
    #expect((huge * n).isOverflow)
    #expect((huge - huge).isOverflow, "overflow minus itself is not zero")
    #expect(Polynomial.minimum(huge, n).isOverflow)
    #expect((n / huge).isOverflow)
    #expect(huge.representableCExpression == nil)
    #expect(throws: EvaluationError.overflow) { try huge.evaluate([:]) }
  }

  @Test func nestedLoopsOfBillionsOverflow() {
    let billions = Polynomial(2_000_000_000)
    #expect((billions * billions).integerValue == 4_000_000_000_000_000_000)
    #expect((billions * billions * billions).isOverflow)
    #expect((Polynomial(4_000_000_000) * Polynomial(4_000_000_000)).isOverflow, "1.6e19 > Int64.max")
  }

  @Test func evaluationChecksEachStep() throws {
    let cube = n * n * n
    #expect(try cube.evaluate(["n": 1000]) == Rational(1_000_000_000))
    #expect(throws: EvaluationError.overflow) { try cube.evaluate(["n": 3_000_000]) }
    #expect(throws: EvaluationError.overflow) { try (n / Polynomial(-1)).evaluate(["n": Int.min]) }
  }

  @Test func intMinDividedByMinusOneOverflows() {
    #expect((Polynomial(Int.min) / Polynomial(-1)).isOverflow)
    #expect(Polynomial(Int.min) / Polynomial(1) == Polynomial(Int.min))
  }
}
