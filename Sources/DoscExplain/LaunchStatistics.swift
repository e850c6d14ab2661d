import Foundation

/// What `dosc calibrate` makes of one figure's launches (each launch a fresh process, printing
/// its own median over rounds): the median over the launches, and how well that median is
/// known. On a VM a launch's figure depends on where the hypervisor put the two CPUs that
/// launch (steal_ns: 120, 260 or 950 ns on the 2-CPU VM of issue 10), and the CPU's clock and
/// the address layout move a spawn by 10% from launch to launch; within a launch the rounds
/// agree to 1%. So only launches show the spread, and the figure is their median: a minority
/// of launches in another mode does not move it, as the least or the mean of a few launches did.
struct LaunchStatistics: Equatable {
  /// The median over the launches.
  var median: Double
  /// The distribution-free confidence interval of that median (at least `confidence`): two order
  /// statistics of the launches, so it assumes nothing about their distribution (it may have
  /// several modes).
  var interval: ClosedRange<Double>
  /// The launches' interquartile range over their median: how far one launch strays.
  var launchSpread: Double
  var launches: Int

  static let confidence = 0.95

  /// The noise the profile reports: the interval's width over the median. Each calibration's
  /// interval holds the true median (at `confidence`), so two calibrations of an unchanged
  /// machine differ by at most the sum of their two noises.
  var noise: Double { median > 0 ? (interval.upperBound - interval.lowerBound) / median : 0 }

  init?(_ values: [Double]) {
    guard !values.isEmpty else { return nil }
    let sorted = values.sorted()
    let count = sorted.count
    median = Calibration.median(sorted)
    let k = Self.orderForInterval(count: count)
    interval = sorted[k - 1]...sorted[count - k]
    launchSpread = median > 0 ? (sorted[(3 * count) / 4] - sorted[count / 4]) / median : 0
    launches = count
  }

  /// The largest k such that [x(k), x(n+1-k)] (1-based order statistics) holds the median with
  /// probability >= `confidence`: 1 - 2 P(Binomial(n, 1/2) <= k - 1). 1 (the whole range) when
  /// n is too small for the confidence.
  static func orderForInterval(count: Int) -> Int {
    var k = 1
    var term = pow(0.5, Double(count))  // P(Binomial(count, 1/2) == k - 1)
    var cumulative = term  // P(Binomial(count, 1/2) <= k - 1)
    while k + 1 <= (count + 1) / 2 {
      term *= Double(count - k + 1) / Double(k)  // now P(... == k)
      if 1 - 2 * (cumulative + term) < confidence { break }
      cumulative += term
      k += 1
    }
    return k
  }
}
