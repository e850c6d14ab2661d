import DoscPolicy
import Foundation

/// Writes a calibration as a `dosc-profile/1` file: the model's fields (each checked by the
/// runtime's own validation first: a value it would reject is an error, never a profile), and
/// under "calibration" how they were measured and their noise, which the runtime ignores.
extension Calibration.Result {
  public func profileJSON(date: Date = Date()) throws -> String {
    var profile = MachineProfile.builtIn
    var measured: [String: Double] = [:]
    for measurement in measurements where MachineProfile.fields.contains(where: { $0.name == measurement.name }) {
      if let warning = profile.set(measurement.name, measurement.value) {
        throw Calibration.Failure(description: "measured \(warning)")
      }
      measured[measurement.name] = measurement.value
    }
    var root: [String: Any] = ["schema": MachineProfile.schema]
    for field in MachineProfile.fields { root[field.name] = profile.value(field.name) }
    var noise: [String: Double] = [:]
    var launchSpread: [String: Double] = [:]
    var launches: [String: Int] = [:]
    for measurement in measurements {
      noise[measurement.name] = measurement.noise
      launchSpread[measurement.name] = measurement.launchSpread
      launches[measurement.name] = measurement.launches
    }
    var calibration: [String: Any] = [
      "date": ISO8601DateFormatter().string(from: date),
      "host": ProcessInfo.processInfo.hostName,
      "noise": noise,
      "noise_means":
        "each figure is the 20% trimmed mean over its launches (each a fresh process, spread over the calibration): the cost averaged over the states a VM's CPUs are in, without the launches another process held up; its noise is the width of that figure's 95% confidence interval (Yuen's) over the figure: two calibrations of an unchanged machine differ by at most their two noises together",
      "launches": launches,
      "launch_spread": launchSpread,
      "launch_spread_means": "the launches' interquartile range over their median: how far a single launch strays",
      "measured": measured.keys.sorted(),
      "ns_per_op_kernels": kernels,
      "ns_per_op_means":
        "median over Runtime/calibrate/calibrate_kernels.c's kernels of (time per call with every site inline) / (the manifest's work at the call's arguments), the trimmed mean over the launches; the work counts the source's operations (loads, stores, arithmetic, loop tests) before the compiler folds or vectorizes them, so a figure well below a clock cycle is usual at -O2",
      "network": network,
      "seconds": (seconds * 10).rounded() / 10,
    ]
    let onePlus = measurements.filter { Calibration.onePlus.contains($0.name) }.map(\.name)
    if !onePlus.isEmpty {
      calibration["noise_of_one_plus"] = onePlus
      calibration["noise_of_one_plus_means"] =
        "these figures are shares, a ratio of two costs less 1 (the launches give 1 + the figure); their noise and launch spread are over 1 + the figure, so two calibrations agree when their 1 + figure differ by at most the two noises together"
    }
    if onePlus.contains("remote_later_contact_share") {
      calibration["remote_later_contact_share_means"] =
        "Runtime/calibrate/calibrate_contact.c launched on 2 ranks and at once on 3, every task shipped: a batch of 8 tasks (1 byte and 64 KiB) cold less warm on each (contact_2_ns, contact_3_ns); the ratio of their trimmed means (3 ranks over 2) less 1, at least 0: what each serving rank after the first adds to a batch's first contact, as a share of remote_first_ns"
    }
    if !notMeasured.isEmpty {
      calibration["not_measured"] = notMeasured
    }
    if let call = measurements.first(where: { $0.name == "call_ns" }) { calibration["call_ns"] = call.value }
    if !stealCPUs.isEmpty { calibration["steal_cpus"] = stealCPUs }
    let mixed = measurements.filter { $0.mixedIntervalNoise != nil }.map(\.name)
    if !mixed.isEmpty {
      calibration["placements_mixed"] = mixed
      calibration["placements_mixed_means"] =
        "the steal's launches fell in several placements of the VM's CPUs while these figures' launches (0.5-1 s each) did not split: the placements changed within them; each figure is its trimmed mean, its noise spans its kept launches (the middle 60%), and its launches' spread is not held to the limit"
    }
    let split = measurements.filter { $0.modes.count > 1 }
    if !split.isEmpty {
      calibration["modes"] = Dictionary(
        uniqueKeysWithValues: split.map { measurement in
          (
            measurement.name,
            measurement.modes.map { mode -> [String: Any] in
              var entry: [String: Any] = [
                "value": mode.value, "noise": mode.noise, "launch_spread": mode.launchSpread, "launches": mode.launches,
              ]
              if !mode.cpus.isEmpty { entry["cpus"] = mode.cpus }
              return entry
            }
          )
        })
      calibration["modes_means"] =
        "the figure's launches fell in these modes, lowest first, each at least 1.5 times the one below: the VM placed the two CPUs it is measured between in more than one way during the calibration (a steal's cpus name the same CPUs in each); the figure is the modes' trimmed means weighed by their launches, its noise spans every mode's interval, so a calibration in any of these placements agrees with this one within the two noises; without this entry the launches did not split"
    }
    root["calibration"] = calibration
    let data = try JSONSerialization.data(
      withJSONObject: root, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}

/// Writes `text` to `path`: a regular file (or a new one) is replaced atomically, so a reader
/// never sees half a profile; anything else (a device) is written through, never replaced.
func writeReplacing(_ text: String, to path: String) throws {
  var isDirectory: ObjCBool = false
  let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
  let attributes = exists ? try FileManager.default.attributesOfItem(atPath: path) : [:]
  if exists, (attributes[.type] as? FileAttributeType) != .typeRegular {
    guard let handle = FileHandle(forWritingAtPath: path) else {
      throw Calibration.Failure(description: "\(path): cannot write it")
    }
    handle.write(Data(text.utf8))
    try handle.close()
    return
  }
  let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
  try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
  try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
}

extension Calibration {
  /// Measures and writes the profile to `path`; returns what was written.
  public func calibrate(into path: String) throws -> Result {
    let result = try run()
    try writeReplacing(try result.profileJSON(), to: path)
    return result
  }
}
