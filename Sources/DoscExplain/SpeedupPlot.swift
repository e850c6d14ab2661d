import Foundation

/// The program's predicted absolute speedup against nodes under the paper's revised laws
/// (section 2.2): Amdahl `Sa(l, y) = n / ((ts (n - y) + y) l)` and Gustafson
/// `Sag = (ts (1 - n) + n) / ((ts (1 - y) + y) l)`, beside the ideal `n`. `l` and `y` are the
/// model's (dosc_price_task) for the program's heaviest site at the explained values; `ts`
/// is given (`--serial-fraction`), never assumed.
public struct SpeedupPlot {
  public var l: Double
  public var y: Double
  public var serialFraction: Double
  /// Where l and y came from, said on the plot.
  public var source: String
  public var title: String

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  public init(l: Double, y: Double, serialFraction: Double, source: String, title: String) {
    self.l = l
    self.y = y
    self.serialFraction = serialFraction
    self.source = source
    self.title = title
  }

  /// `serialSource` says where ts came from; by default, `--serial-fraction`.
  public init(explanation: Explanation, serialFraction: Double, serialSource: String? = nil) throws {
    let priced = explanation.sites.filter { $0.atValues.l != nil && $0.atValues.y != nil && $0.atValues.work != nil }
    guard let heaviest = priced.max(by: { $0.atValues.work! < $1.atValues.work! }) else {
      throw Failure(
        description: "no site has a known work and bytes at the given values: give the task's parameters with --set")
    }
    let values = explanation.values.keys.sorted().map { "\($0)=\(format(explanation.values[$0]!))" }
      .joined(separator: " ")
    self.init(
      l: heaviest.atValues.l!, y: heaviest.atValues.y!, serialFraction: serialFraction,
      source:
        "l, y: site \(heaviest.id) \(heaviest.task) at \(values) (manifest work and bytes, \(explanation.profile)); "
        + (serialSource ?? "ts = \(format(serialFraction)) (--serial-fraction)"),
      title: "Predicted absolute speedup of \(URL(fileURLWithPath: explanation.program).lastPathComponent)")
  }

  public func amdahl(_ n: Double) -> Double { n / ((serialFraction * (n - y) + y) * l) }
  public func gustafson(_ n: Double) -> Double { (serialFraction * (1 - n) + n) / ((serialFraction * (1 - y) + y) * l) }

  static let maxNodes = 1024.0

  public func svg() -> String {
    let width = 760.0
    let height = 520.0
    let left = 80.0
    let right = 220.0
    let top = 60.0
    let bottom = 90.0
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let samples = (0...100).map { pow(2, Double($0) / 10) }
    let curves: [(String, String, String, (Double) -> Double)] = [
      ("ideal", "#888888", "6,4", { $0 }),
      ("Sa (Amdahl, l, y)", "#1f77b4", "", amdahl),
      ("Sag (Gustafson, l, y)", "#d62728", "", gustafson),
    ]
    let values = curves.flatMap { curve in samples.map { curve.3($0) } }.filter { $0 > 0 && $0.isFinite }
    let lowest = pow(10, floor(log10(min(values.min() ?? 1, 1))))
    let highest = pow(10, ceil(log10(max(values.max() ?? 1, 10))))
    func px(_ n: Double) -> Double { left + log2(n) / log2(Self.maxNodes) * plotWidth }
    func py(_ s: Double) -> Double {
      top + plotHeight - (log10(max(s, lowest)) - log10(lowest)) / (log10(highest) - log10(lowest)) * plotHeight
    }
    var svg = """
      <?xml version="1.0" encoding="UTF-8"?>
      <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
      viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
      <title>\(escape(title))</title>
      <rect width="100%" height="100%" fill="white"/>
      <text x="\(left)" y="28" font-size="16" font-weight="bold">\(escape(title))</text>
      <text x="\(left)" y="46" fill="#444">l = \(String(format: "%.3f", l)), y = \(String(format: "%.3f", y)), \
      ts = \(format(serialFraction))</text>

      """
    // Axes with log ticks.
    svg += "<g stroke=\"#ccc\">\n"
    var n = 1.0
    while n <= Self.maxNodes {
      svg += "<line x1=\"\(px(n))\" y1=\"\(top)\" x2=\"\(px(n))\" y2=\"\(top + plotHeight)\"/>\n"
      n *= 2
    }
    var s = lowest
    while s <= highest * 1.0001 {
      svg += "<line x1=\"\(left)\" y1=\"\(py(s))\" x2=\"\(left + plotWidth)\" y2=\"\(py(s))\"/>\n"
      s *= 10
    }
    svg += "</g>\n<g fill=\"#222\" text-anchor=\"middle\">\n"
    n = 1
    while n <= Self.maxNodes {
      svg += "<text x=\"\(px(n))\" y=\"\(top + plotHeight + 18)\">\(Int(n))</text>\n"
      n *= 4
    }
    svg += "</g>\n<g fill=\"#222\" text-anchor=\"end\">\n"
    s = lowest
    while s <= highest * 1.0001 {
      svg += "<text x=\"\(left - 8)\" y=\"\(py(s) + 4)\">\(format(s))</text>\n"
      s *= 10
    }
    svg += """
      </g>
      <rect x="\(left)" y="\(top)" width="\(plotWidth)" height="\(plotHeight)" fill="none" stroke="#222"/>
      <text x="\(left + plotWidth / 2)" y="\(top + plotHeight + 40)" text-anchor="middle">nodes n (log scale)</text>
      <text transform="translate(22,\(top + plotHeight / 2)) rotate(-90)" text-anchor="middle">\
      absolute speedup over the plain program (log scale)</text>

      """
    for (index, curve) in curves.enumerated() {
      let points = samples.map { String(format: "%.2f,%.2f", px($0), py(curve.3($0))) }.joined(separator: " ")
      let dash = curve.2.isEmpty ? "" : " stroke-dasharray=\"\(curve.2)\""
      svg +=
        "<polyline class=\"curve\" data-name=\"\(escape(curve.0))\" fill=\"none\" stroke=\"\(curve.1)\" "
        + "stroke-width=\"2\"\(dash) points=\"\(points)\"/>\n"
      let legendY = top + 20 + Double(index) * 22
      svg +=
        "<line x1=\"\(left + plotWidth + 16)\" y1=\"\(legendY)\" x2=\"\(left + plotWidth + 46)\" y2=\"\(legendY)\" "
        + "stroke=\"\(curve.1)\" stroke-width=\"2\"\(dash)/>\n"
      svg += "<text x=\"\(left + plotWidth + 52)\" y=\"\(legendY + 4)\">\(escape(curve.0))</text>\n"
    }
    svg += "<text x=\"\(left)\" y=\"\(height - 30)\" fill=\"#444\" font-size=\"10\">\(escape(source))</text>\n"
    svg += "</svg>\n"
    return svg
  }

  func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
      .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
  }
}
