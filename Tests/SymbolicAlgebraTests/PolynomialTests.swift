import Testing

@testable import SymbolicAlgebra

private func v(_ name: String) -> Polynomial { .variable(name) }

@Suite struct PolynomialArithmeticTests {
  @Test func likeTermsCombineAndZerosVanish() {
    let p = v("n") * 2 + v("n") - v("n") * 3
    #expect(p.isZero)
    #expect((v("a") + v("b")) * (v("a") - v("b")) == v("a") * v("a") - v("b") * v("b"))
  }

  @Test func substitutionIsSimultaneous() {
    let p = v("x") * v("y") + v("x")
    let swapped = p.substituting(["x": v("y"), "y": v("x")])
    #expect(swapped == v("y") * v("x") + v("y"))
  }

  @Test func evaluationFollowsCIntegerDivision() throws {
    let p = (v("n") + 15) / Polynomial(16)
    #expect(try p.evaluate(["n": 17]) == Rational(2))
    #expect(try p.evaluate(["n": 16]) == Rational(1))
    #expect(throws: EvaluationError.unboundVariable("n")) { try p.evaluate([:]) }
  }

  @Test func exactConstantDivisionStaysPolynomial() {
    #expect((v("k") * 8) / Polynomial(8) == v("k"))
    #expect(Polynomial(5119) / Polynomial(1024) == Polynomial(4))
  }

  @Test func minimumAndMaximumDecideConstantDifferences() {
    #expect(Polynomial.minimum(v("lo") - 1, v("lo") + 1) == v("lo") - 1)
    #expect(Polynomial.maximum(v("hi") - 1, v("hi")) == v("hi"))
    let undecided = Polynomial.minimum(v("a"), v("b"))
    #expect(undecided.cExpression == "min(a,b)")
  }

  @Test func atomsCountForTheirSignOnlyWhereTheirOperandsFixIt() {
    let half = (v("hi") - v("lo")) / Polynomial(2)  // negative for hi < lo
    #expect((half + 1).signAssumingNonNegativeVariables == nil)
    #expect((-half - 1).signAssumingNonNegativeVariables == nil)
    #expect((v("n") / Polynomial(2) + 1).signAssumingNonNegativeVariables == 1)
    #expect((half * half + 1).signAssumingNonNegativeVariables == 1)
    let least = Polynomial.minimum(v("lo") - v("hi"), Polynomial(2))
    #expect((least + 5).signAssumingNonNegativeVariables == nil)
    #expect((Polynomial.minimum(v("a"), v("b")) + 1).signAssumingNonNegativeVariables == 1)
    #expect((Polynomial.maximum(v("lo") - v("hi"), v("k")) + 1).signAssumingNonNegativeVariables == 1)
    let most = Polynomial.maximum(v("lo") - v("hi"), v("k") - v("hi"))
    #expect((most + 4).signAssumingNonNegativeVariables == nil)
    // The hull of a[(hi - lo) / 2 + 1] and a[0] is decided by neither end.
    #expect(Polynomial.minimum(.zero, half + 1).cExpression == "min((hi-lo)/2+1,0)")
  }

  @Test func triangularSumHasClosedForm() throws {
    // sum over i in [0,n) of (n-i) = n*(n+1)/2
    let sum = try #require(Summation.sum(v("n") - v("i"), over: "i", from: .zero, to: v("n")))
    for n in 0..<20 { #expect(try sum.evaluate(["n": n]) == Rational(n * (n + 1) / 2)) }
  }

  /// A clamp `max(x, 0)` assumes nothing of a variable's sign (`maximum` would take `i + 1`
  /// as never negative): only what is never negative for any values stays unclamped.
  @Test func clampsAssumeNoSign() {
    #expect((v("i") + 1).clampedAtZero.cExpression == "max(0,i+1)")
    #expect((-v("k")).clampedAtZero.cExpression == "max(-k,0)")
    #expect(Polynomial(-3).clampedAtZero == .zero)
    #expect(Polynomial(3).clampedAtZero == Polynomial(3))
    let clamp = (v("n") - 1).clampedAtZero
    #expect(clamp * 2 + 1 == (clamp * 2 + 1).clampedAtZero)
    #expect((v("i") * v("i") + clamp).isNeverNegativeForAnyValues)
    #expect(!(clamp - 1).isNeverNegativeForAnyValues)
  }

  /// Substituting leaves an atom that mentions no bound name as it is: `max(m + 5, 0)` is not
  /// `m + 5` where m may be negative (before, every atom was rebuilt through `maximum`, which
  /// takes every variable as never negative, and the clamp was lost).
  @Test func substitutionKeepsAtomsItDoesNotTouch() throws {
    let clamp = (v("m") + 5).clampedAtZero
    #expect(clamp.cExpression == "max(0,m+5)")
    #expect((clamp + v("n")).substituting(["n": Polynomial(3)]) == clamp + 3)
    #expect((clamp * v("n")).substituting("n", with: v("k")) == clamp * v("k"))
    #expect(try (clamp + v("n")).substituting(["n": Polynomial(3)]).evaluate(["m": -9]) == Rational(3))
    let low = Polynomial.minimumForAnyValues(v("m") + 5, .zero)
    #expect((low + v("n")).substituting("n", with: .one) == low + 1)
    // One that mentions a bound name is rebuilt, deciding what the bound values decide.
    #expect((v("i") - 5).clampedAtZero.substituting("i", with: Polynomial(7)) == Polynomial(2))
    #expect((v("j") - v("r")).clampedAtZero.substituting("j", with: .zero) == .zero)
  }

  /// The larger of two values whatever the signs: decided only where the difference is never
  /// negative for any values.
  @Test func maximumForAnyValuesAssumesNoSign() throws {
    #expect(Polynomial.maximumForAnyValues(Polynomial(3), Polynomial(5)) == Polynomial(5))
    #expect(Polynomial.maximumForAnyValues(v("n") + 3, v("n")) == v("n") + 3)
    let undecided = Polynomial.maximumForAnyValues(v("n") + 3, Polynomial(3))
    #expect(undecided.cExpression == "max(3,n+3)")
    #expect(try undecided.evaluate(["n": -7]) == Rational(3))
    #expect(Polynomial.maximum(v("n") + 3, Polynomial(3)) == v("n") + 3)
    #expect(Polynomial.minimumForAnyValues(v("n") + 3, Polynomial(3)).cExpression == "min(3,n+3)")
    #expect(Polynomial.minimumForAnyValues(v("n") * v("n") + 3, Polynomial(3)) == Polynomial(3))
  }

  /// The sum of `max(+-i + r, 0)` over a range, split where the value changes sign, against
  /// the sum term by term, for every non-empty range of a window, either slope and several r.
  @Test func sumsOfClampsSplitWhereTheValueChangesSign() throws {
    for (slope, r) in [(1, v("r")), (-1, v("r")), (1, v("r") - 3), (-1, v("r") * 2 + 1)] {
      let body = v("i") * slope + r
      let sum = try #require(Summation.sumOfPositivePart(body, over: "i", from: v("lo"), to: v("hi") + 1))
      for rValue in -6...6 {
        for lo in -5...5 {
          for hi in (lo - 1)...6 {
            var expected = 0
            for i in stride(from: lo, through: hi, by: 1) {
              let value = try body.evaluate(["i": i, "r": rValue])
              expected += max(value.numerator, 0)
            }
            #expect(
              try sum.evaluate(["lo": lo, "hi": hi, "r": rValue]) == Rational(expected),
              "\(body) over [\(lo), \(hi)] at r = \(rValue)")
          }
        }
      }
    }
    // Only slopes of 1 and -1.
    #expect(Summation.sumOfPositivePart(v("i") * 2, over: "i", from: .zero, to: v("n")) == nil)
  }

  /// A factor one variable leaves as it is, found in the expanded form (`hi*i - lo*i + hi - lo`
  /// is `(hi - lo) * (i + 1)`), and the exact division that checks it.
  @Test func aFactorFreeOfAVariableIsFoundInTheExpandedForm() throws {
    let band = (v("hi") - v("lo")) * (v("i") + 1)
    let (content, rest) = try #require(band.factoringOut(freeOf: "i"))
    #expect(content * rest == band && !content.mentions("i") && rest.degree(in: "i") == 1 && rest.terms.count == 2)
    // A shared monomial and a polynomial: (n + 3) * (m - i) * k.
    let rows = (v("n") + 3) * (v("m") - v("i")) * v("k")
    let (rowsContent, rowsRest) = try #require(rows.factoringOut(freeOf: "i"))
    #expect(rowsContent * rowsRest == rows && rowsContent.mentions("k") && rowsContent.mentions("n"))
    #expect(rowsRest.variables == ["i", "m"] && rowsRest.terms.count == 2)
    #expect((v("i") * v("i") + v("n")).factoringOut(freeOf: "i") == nil)
    #expect((v("i") + v("n")).factoringOut(freeOf: "i") == nil)
    #expect(v("n").factoringOut(freeOf: "i") == nil)
    #expect(band.dividedExactly(by: v("hi") - v("lo")) == v("i") + 1)
    #expect((band + 1).dividedExactly(by: v("hi") - v("lo")) == nil)
    #expect((v("x").power(3) - 1).dividedExactly(by: v("x") - 1) == v("x") * v("x") + v("x") + 1)
    #expect(band.dividedExactly(by: .zero) == nil)
  }

  /// Each atom replaced, raised to its exponent, times the term's coefficient.
  @Test func mappingAtomsRebuildsEachTerm() {
    let p = v("a") * v("a") * 3 + v("b") - 2
    #expect(p.mappingAtoms { _ in v("x") + 1 } == (v("x") + 1) * (v("x") + 1) * 3 + v("x") - 1)
    #expect(p.mappingAtoms { Polynomial(atom: $0) } == p)
  }

  /// An atom counts as never negative where its operands do, by the same test
  /// (`max(2, lo - hi)` is, though its sign as a polynomial is not decided): a quotient of it
  /// by 2 was taken for one that may be negative.
  @Test func anAtomOfOperandsNeverNegativeIsNeverNegative() {
    let most = Polynomial.maximum(Polynomial(2), v("lo") - v("hi"))
    #expect(most.signAssumingNonNegativeVariables == nil)
    #expect(most.isNeverNegativeForNonNegativeVariables)
    let half = most / Polynomial(2)
    #expect(half.isNeverNegativeForNonNegativeVariables)
    #expect((half + 1).signAssumingNonNegativeVariables == 1)
    #expect(Polynomial.minimum(most, v("n")).isNeverNegativeForNonNegativeVariables)
    #expect(!Polynomial.minimum(most, v("n") - 1).isNeverNegativeForNonNegativeVariables)
    #expect(!((v("lo") - v("hi")) / Polynomial(2)).isNeverNegativeForNonNegativeVariables)
  }

  @Test func sumOfCubes() throws {
    let sum = try #require(Summation.sum(v("i") * v("i") * v("i"), over: "i", from: v("a"), to: v("b")))
    for (a, b) in [(0, 5), (3, 9), (2, 2)] {
      let expected = (a..<b).reduce(0) { $0 + $1 * $1 * $1 }
      #expect(try sum.evaluate(["a": a, "b": b]) == Rational(expected))
    }
  }
}

@Suite struct PolynomialPrintingTests {
  @Test(arguments: [
    ((v("hi") - v("lo")) * v("n") * v("n"), "(hi-lo)*n*n"),
    (v("hi") - v("lo") + 2, "hi-lo+2"),
    (v("lo") - 1, "lo-1"),
    (v("hi") - v("lo"), "hi-lo"),
    ((v("hi") - v("lo")) * 8, "8*(hi-lo)"),
    (v("n") * v("n") * 8, "8*n*n"),
    ((v("n") * v("n") - v("n")) * Rational(1, 2), "n*(n-1)/2"),
    ((v("n") + 15) / Polynomial(16), "(n+15)/16"),
    (Polynomial(-3), "-3"),
    (Polynomial.zero, "0"),
  ])
  func printsReadableC(_ polynomial: Polynomial, _ expected: String) {
    #expect(polynomial.cExpression == expected)
  }

  @Test func nearlyFactorableWorkStillShowsItsShape() {
    let work = (v("hi") - v("lo")) * (v("n") * v("n") * 10 + v("n") * 6 + 6) + 1
    #expect(work.cExpression.hasPrefix("(hi-lo)*"))
  }

  /// Whatever the printer does, reading its output back gives the same polynomial.
  @Test func printedFormParsesBackToTheSameValue() throws {
    let samples: [Polynomial] = [
      (v("hi") - v("lo")) * v("n") * v("n"),
      (v("hi") - v("lo")) * (v("n") * v("n") * 10 + v("n") * 6 + 6) + 1,
      (v("n") * v("n") - v("n")) * Rational(1, 2),
      v("a") * v("b") - v("c") * 3 + 7,
      (v("n") + 15) / Polynomial(16) * v("k"),
      Polynomial.minimum(v("a"), v("b")) + Polynomial.maximum(v("c"), v("d")),
    ]
    for sample in samples {
      let parsed = try ExpressionParser.parse(sample.cExpression)
      for values in [
        ["hi": 9, "lo": 2, "n": 5, "a": 3, "b": 4, "c": 1, "d": 6, "k": 3],
        ["hi": 40, "lo": 7, "n": 31, "a": 11, "b": 2, "c": 8, "d": 0, "k": 17],
      ] {
        #expect(try parsed.evaluate(values) == sample.evaluate(values), "\(sample.cExpression)")
      }
    }
  }
}

@Suite struct ExpressionParserTests {
  @Test func parsesTheManifestGrammar() throws {
    let p = try ExpressionParser.parse("(hi - lo) * n * n + min(a, b) - max(2, c) / 2")
    #expect(try p.evaluate(["hi": 5, "lo": 1, "n": 3, "a": 7, "b": 4, "c": 10]) == Rational(4 * 9 + 4 - 5))
  }

  @Test func rejectsWhatIsNotAnExpression() {
    #expect(throws: ExpressionParser.SyntaxError.self) { try ExpressionParser.parse("n +") }
    #expect(throws: ExpressionParser.SyntaxError.self) { try ExpressionParser.parse("n ? 1 : 2") }
  }
}
