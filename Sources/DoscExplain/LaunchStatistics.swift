import Foundation

/// What `dosc calibrate` makes of one figure's launches (each launch a fresh process, printing
/// its own median over rounds): a typical cost, and how well that cost is known.
///
/// On a VM a launch's figure depends on where the hypervisor has put the two CPUs while it runs:
/// on the 2-CPU VM of issue 10 a cache line bounced between two threads pinned to CPU 0 and 1
/// (no MPI, no dosc) took 55 ns for seconds and then 200 ns for seconds; a raw MPI ping-pong
/// 140 or 400 ns, switching in the middle of a launch; a dosc remote task 240 or 320 ns, about
/// 60/40; a steal 120, 260 or 950 ns. Within a launch the rounds agree to 1-2%, so the launches
/// show the spread, and a figure's launches can fall in two modes of near-equal weight.
///
/// The figure is the launches' 20% trimmed mean, not their median:
/// - The cost model prices a binding's expected time, which is linear in each figure, so what
///   it needs is the cost averaged over the states the machine is in while a program runs: a
///   mean that weighs each mode by how often the machine is in it. The median of two
///   near-equal modes jumps from one to the other with the launches that happen to fall in
///   each: two calibrations disagree by the whole gap, and its distribution-free interval spans
///   both modes at any number of launches (the remote latency failed the 30% limit four times in
///   a row on a quiet machine so). The trimmed mean moves smoothly with the modes' weights, so
///   its interval narrows as 1/sqrt(launches) whatever the shape.
/// - Trimming the lowest and highest 20% keeps what the median was chosen for: a few launches
///   that another process held up throughout (or that met a rare placement) move the figure
///   little. With one mode holding 80% of the launches, the trimmed mean is that mode's.
/// - The interval is Yuen's (Tukey and McLaughlin 1963; Yuen 1974; Wilcox, "Introduction to
///   Robust Estimation and Hypothesis Testing", section 4.4): the trimmed mean plus or minus
///   t(0.975, h - 1) x the winsorized standard deviation / ((1 - 2 x 0.2) sqrt(n)), h the
///   launches kept. CalibrateTests checks its coverage on a skewed and on a two-mode
///   distribution of launches.
struct LaunchStatistics: Equatable {
  /// The 20% trimmed mean over the launches: the figure the profile keeps.
  var value: Double
  /// Its 95% confidence interval (Yuen).
  var interval: ClosedRange<Double>
  /// The median over the launches (the report shows it beside the figure).
  var median: Double
  /// The launches' interquartile range over their median: how far one launch strays.
  var launchSpread: Double
  var launches: Int
  /// The lowest and highest launch.
  var range: ClosedRange<Double>

  static let confidence = 0.95
  /// The share of launches trimmed from each end: Wilcox's usual 20%, which keeps the trimmed
  /// mean's variance near the mean's for a normal distribution and bounded for any other.
  static let trimmed = 0.2

  /// The noise the profile reports: the interval's width over the figure. Each calibration's
  /// interval holds the machine's true trimmed mean (at `confidence`), so two calibrations of an
  /// unchanged machine differ by at most the sum of their two noises.
  var noise: Double { value > 0 ? (interval.upperBound - interval.lowerBound) / value : 0 }

  init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let count = sorted.count
    median = Calibration.median(sorted)
    launchSpread = median > 0 ? (sorted[(3 * count) / 4] - sorted[count / 4]) / median : 0
    launches = count
    range = sorted[0]...sorted[count - 1]
    let cut = Int((Self.trimmed * Double(count)).rounded(.down))
    let kept = count - 2 * cut
    value = sorted[cut..<(count - cut)].reduce(0, +) / Double(kept)
    guard kept >= 3 else {
      // One or two launches: too few for a spread; the range (Calibration.isStable asks for 3).
      interval = sorted[0]...sorted[count - 1]
      return
    }
    // The winsorized sample: the trimmed launches replaced by the nearest kept one.
    let winsorized = sorted.map { Swift.min(Swift.max($0, sorted[cut]), sorted[count - 1 - cut]) }
    let winsorizedMean = winsorized.reduce(0, +) / Double(count)
    let winsorizedVariance =
      winsorized.reduce(0) { $0 + ($1 - winsorizedMean) * ($1 - winsorizedMean) } / Double(count - 1)
    let standardError = (Double(count - 1) * winsorizedVariance / Double(kept * (kept - 1))).squareRoot()
    let half = Self.studentT975(degreesOfFreedom: kept - 1) * standardError
    interval = (value - half)...(value + half)
  }

  /// The 97.5% quantile of Student's t distribution (a two-sided 95% interval): the table up to
  /// 30 degrees of freedom, then the Cornish-Fisher expansion around the normal's 1.96 (within
  /// 0.001 of the table from 30 on).
  static func studentT975(degreesOfFreedom df: Int) -> Double {
    let table: [Double] = [
      12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
      2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
      2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ]
    if df >= 1 && df <= table.count { return table[df - 1] }
    let z = 1.959964
    let n = Double(Swift.max(df, 1))
    let z3 = z * z * z
    let z5 = z3 * z * z
    return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n)
  }
}
