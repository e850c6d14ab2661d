import Foundation

/// A figure measured between two CPUs (a steal, two MPI ranks) on a machine whose hypervisor
/// places those CPUs in more than one way: what `dosc calibrate` makes of its launches.
///
/// On the 2-CPU VM of issue 10 the same two CPUs (the steal's "cpus owner=0 thief=1" lines say
/// so) are sometimes close and sometimes far: a steal 260-270 or 940-960 ns, a remote task's
/// latency 240 or 490 ns, its bandwidth 3.7 or 1.5 B/ns. Under load a placement holds for 30-90 s,
/// quiet for seconds; it changes between two launches (the rounds of a launch agree to 1-2%).
/// A trimmed mean over launches split so is a figure of neither placement, with a noise that
/// says only how well the mix of this one calibration is known; and a calibration that saw only
/// the near placement reports a noise of 1-3% that the next one, in the far placement, misses by
/// 250%.
///
/// So the launches are split into modes where they leave a gap of `gap` (1.5x: the placements
/// above are 2-3.6x apart; a remote latency's quiet 240/320 ns, 1.33x, and a steal's 260/270 stay
/// one mode, as the trimmed mean weighs them), each mode holding at least `leastLaunches` (fewer
/// are strays, another process's doing: they go back to the nearest mode, whose trimmed mean
/// drops them). With more than one mode the calibration saw the machine move, and a user of the
/// profile will run under either placement, not under one chosen for them:
/// - the figure is the modes' trimmed means weighed by their launches: the cost averaged over
///   the placements, as the model (linear in each figure) prices an expected time;
/// - its noise spans every mode's interval, lowest to highest, over the figure: a later
///   calibration in any of the placements seen agrees with this one within the two noises;
/// - each mode is judged by the limits alone (`Calibration.isStable`): a placement is the
///   machine, a spread within one is load.
/// A calibration that saw one placement throughout cannot know of another: its figure is that
/// placement's, its noise that placement's, and the profile says one mode (no `modes` entry).
/// Refusing such a figure would refuse every calibration; choosing one placement would describe
/// half the runs.
struct PlacedFigure {
  /// The modes, lowest first; one when the launches did not split.
  var modes: [LaunchStatistics]
  var value: Double
  var noise: Double

  /// Consecutive launches (sorted) this far apart start a new mode.
  static let gap = 1.5
  /// A mode has at least this many launches (the least for an interval, LaunchStatistics).
  static let leastLaunches = 3

  init?(_ values: [Double]) {
    let groups = Self.split(values)
    let modes = groups.compactMap(LaunchStatistics.init)
    guard let first = modes.first, let last = modes.last else { return nil }
    self.modes = modes
    guard modes.count > 1 else {
      value = first.value
      noise = first.noise
      return
    }
    value = modes.reduce(0) { $0 + $1.value * Double($1.launches) } / Double(values.count)
    let low = modes.map(\.interval.lowerBound).min() ?? first.interval.lowerBound
    let high = modes.map(\.interval.upperBound).max() ?? last.interval.upperBound
    noise = value > 0 ? (high - low) / value : 0
  }

  /// The launches in modes: sorted, cut where one launch is `gap` times the one below it; then
  /// a mode with fewer than `leastLaunches` joins its nearer neighbour (by the gap between them).
  static func split(_ values: [Double]) -> [[Double]] {
    var groups: [[Double]] = []
    for value in values.sorted() {
      if let below = groups.last?.last, below <= 0 || value < below * gap {
        groups[groups.count - 1].append(value)
      } else {
        groups.append([value])
      }
    }
    while groups.count > 1,
      let small = groups.indices.filter({ groups[$0].count < leastLaunches }).min(by: {
        groups[$0].count < groups[$1].count
      })
    {
      func ratio(_ lower: Int, _ upper: Int) -> Double {
        guard lower >= 0, upper < groups.count, let top = groups[lower].last, let bottom = groups[upper].first,
          top > 0
        else { return .infinity }
        return bottom / top
      }
      let into = ratio(small - 1, small) <= ratio(small, small + 1) ? small - 1 : small + 1
      let (keep, drop) = (Swift.min(small, into), Swift.max(small, into))
      groups[keep] += groups[drop]
      groups.remove(at: drop)
    }
    return groups
  }
}
