import CSyntax
import DoscManifest
import SymbolicAlgebra

/// The most work any one invocation of a measured recursion does, over the arguments of the
/// subtree's root (`Manifest.RecursionMeasure.workPerCallBound`): what the runtime multiplies
/// the calls' bound by when `work_per_invocation` is not a constant (n-queens' `16*j*n+30*n+5`
/// grows with the depth `j`).
///
/// Along the recursion the parameters passed unchanged keep their values and the measure's
/// parameter takes values between the root's and the deepest an invocation can have: base -
/// the largest step, in the measure's terms (an invocation at or above the base passes at
/// least that). A figure of degree 1 in that parameter is largest at one of the two ends, so
/// the larger of the two bounds every invocation; any other shape, or a figure over a
/// parameter that changes, has no bound here (nil).
enum RecursionWorkPerCall {
  static func bound(
    of work: Polynomial?, measure: Manifest.RecursionMeasure, function: FunctionDefinition
  ) -> Polynomial? {
    guard let work, !work.isOverflow, let largestStep = measure.decrements.max() else { return nil }
    let unchanged = RecursionMeasureAnalysis.passedUnchanged(function)
    guard work.variables.subtracting([measure.parameter]).isSubset(of: unchanged) else { return nil }
    switch work.degree(in: measure.parameter) {
    case 0: return work
    case 1: break
    default: return nil
    }
    let deepestMeasure = Polynomial(measure.base - largestStep)
    // The parameter's value where the measure is deepest: n - m for a rising one, m itself
    // for a falling one.
    let deepest = measure.bound.map { Polynomial.variable($0) - deepestMeasure } ?? deepestMeasure
    let bound = Polynomial.maximum(work, work.substituting(measure.parameter, with: deepest))
    return bound.representableCExpression == nil ? nil : bound
  }
}
