import Foundation

/// The explanation for a terminal: a header, an aligned table of the sites, then per site the
/// figures, the cost of each binding at the given values and the break-even sizes.
extension Explanation {
  public func text() -> String {
    var lines: [String] = []
    lines.append("program  \(program)")
    lines.append("sidecar  \(sidecar)" + (stale.map { "  (\($0))" } ?? ""))
    lines.append(
      "machine  \(profile); \(threads) thread\(threads == 1 ? "" : "s"), \(nodes) node\(nodes == 1 ? "" : "s")"
        + "; \(ranksPerHost) rank\(ranksPerHost == 1 ? "" : "s") a host of \(cores) core\(cores == 1 ? "" : "s")")
    for warning in profileWarnings { lines.append("         warning: \(warning)") }
    let machineText = [
      "spawn_ns", "steal_ns", "ns_per_op", "remote_latency_ns", "remote_bytes_per_ns", "remote_first_ns",
      "remote_later_contact_share",
    ]
    .map { "\($0) \(format(machine[$0] ?? .nan))" }.joined(separator: ", ")
    lines.append("         \(machineText)")
    if !values.isEmpty {
      lines.append("values   " + values.keys.sorted().map { "\($0)=\(format(values[$0]!))" }.joined(separator: " "))
    }
    lines.append("")
    let header = ["site", "task", "location", "binding", "from", "at values", "inline", "local", "remote"]
    var rows = [header]
    for site in sites {
      rows.append([
        "\(site.id)", site.task, site.location, site.binding, site.origin, site.atValues.bindingAtSpawn ?? "-",
        duration(site.atValues.inlineNs), duration(site.atValues.localNs), duration(site.atValues.remoteNs),
      ])
    }
    lines += aligned(rows)
    for site in sites {
      lines.append("")
      lines.append("site \(site.id) \(site.task) (\(site.location)), spawned in \(site.function)():")
      lines.append("  \(site.binding) - \(site.reason)")
      lines.append("  work \(site.figures.work); siblings \(site.figures.siblings)")
      if let least = site.thresholds.leastSiblings {
        lines.append("  a batch of fewer than \(least) tasks (siblings at the spawn) is the plain call")
      }
      if !site.figures.bytesIn.isEmpty || !site.figures.bytesOut.isEmpty || !site.figures.replicated.isEmpty {
        let into = site.figures.bytesIn.isEmpty ? "nothing" : site.figures.bytesIn.joined(separator: " + ")
        let back = site.figures.bytesOut.isEmpty ? "nothing" : site.figures.bytesOut.joined(separator: " + ")
        let replicated =
          site.figures.replicated.isEmpty
          ? "" : ", replicated once per node: \(site.figures.replicated.joined(separator: ", "))"
        lines.append("  bytes in \(into), back \(back)\(replicated)")
      }
      let at = site.atValues
      if let work = at.work {
        var text = "  at these values: work \(format(work)) ops"
        if let bytes = at.spawnBytes { text += ", \(format(bytes)) bytes shipped" }
        if let bytes = at.replicatedBytes, !at.replicated.isEmpty {
          text += " (+ \(at.replicated.joined(separator: ", ")): \(format(bytes)) bytes once per node)"
        }
        if let l = at.l { text += "; l = \(String(format: "%.3f", l))" }
        if let y = at.y { text += ", y = \(String(format: "%.3f", y))" }
        lines.append(text)
      } else if !at.missing.isEmpty {
        lines.append("  set \(at.missing.map { "--set \($0)=..." }.joined(separator: " ")) for its costs")
      } else if let bound = at.subtreeWorkBound {
        let estimate = at.subtreeWorkEstimate.map { ", estimated at \(format($0)) ops" } ?? ""
        lines.append("  at these values: its calls' work at most \(format(bound)) ops\(estimate) (recursive)")
      } else if site.figures.work == "null" {
        lines.append("  work unknown (recursive or unbounded): no cost at given values")
      }
      for even in site.breakEven { lines.append("  \(even.text)") }
      for reason in site.notRemotable { lines.append("  not remotable: \(reason)") }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  func aligned(_ rows: [[String]]) -> [String] {
    guard let columns = rows.first?.count else { return [] }
    // Each cell counted once, padded by appending: Foundation's padding(toLength:) and
    // trimming were most of the time of a 60,000-site explain.
    let counts = rows.map { $0.map(\.count) }
    let widths = (0..<columns).map { column in counts.map { $0[column] }.max() ?? 0 }
    return zip(rows, counts).map { row, count in
      var line = ""
      for index in 0..<columns {
        if index > 0 { line += "  " }
        line += row[index]
        if index < columns - 1 { line += String(repeating: " ", count: widths[index] - count[index]) }
      }
      while line.last == " " { line.removeLast() }
      return line
    }
  }

  func duration(_ ns: Double?) -> String {
    guard let ns else { return "-" }
    if ns < 1e3 { return String(format: "%.0f ns", ns) }
    if ns < 1e6 { return String(format: "%.1f us", ns / 1e3) }
    if ns < 1e9 { return String(format: "%.1f ms", ns / 1e6) }
    return String(format: "%.2f s", ns / 1e9)
  }
}
