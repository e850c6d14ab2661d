@testable import DoscExplain
import Foundation
import Testing

/// The published schema of the machine profile (Schemas/dosc-profile-1.schema.json): a profile
/// `dosc calibrate` writes and the built-in defaults validate against it, and a profile whose
/// field was renamed does not (the schema names every field, nothing else is allowed).
/// CalibrateTests validates the real calibrations against it too (`checkAlone`).
struct ProfileSchemaTests {
  static let schema = Harness.repository.appendingPathComponent("Schemas/dosc-profile-1.schema.json").path

  /// The schema's complaints about `profile` (a JSON text), one line each; empty when it is valid.
  static func errors(_ profile: String) throws -> [String] {
    let scratch = try Harness.scratch("profile-schema")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let path = scratch + "/profile.json"
    try profile.write(toFile: path, atomically: true, encoding: .utf8)
    let check = try Harness.run([
      "python3", "-c",
      """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      for error in jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))):
          print(error.json_path, error.message)
      print("checked")
      """, schema, path,
    ])
    #expect(check.status == 0 && check.stdout.contains("checked"), "\(check.stderr)")
    return check.stdout.split(separator: "\n").map(String.init).filter { $0 != "checked" }
  }

  /// The built-in defaults as a profile: every field of the runtime's own list
  /// (`dosc_profile_fields`, policy.c) at its default.
  static func builtInProfile() throws -> [String: Any] {
    var root: [String: Any] = ["schema": MachineProfile.schema]
    for field in MachineProfile.fields { root[field.name] = MachineProfile.builtIn.value(field.name) }
    return root
  }

  static func text(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
  }

  @Test func builtInDefaultsValidate() throws {
    let defaults = try Self.builtInProfile()
    #expect(try Self.errors(Self.text(defaults)).isEmpty)
    // A hand-written profile may give a subset (the runtime defaults the rest).
    #expect(try Self.errors(#"{"schema": "dosc-profile/1", "spawn_ns": 0, "remote_bytes_per_ns": 10000}"#).isEmpty)
  }

  /// A profile as `dosc calibrate` writes it, from a calibration with every kind of entry: a
  /// figure split in placements, a mixed one, the share measured; and one whose share was not
  /// measured steadily (`calibration.not_measured`).
  @Test func calibrateOutputValidates() throws {
    func measurement(_ name: String, _ value: Double) -> Calibration.Measurement {
      Calibration.Measurement(name: name, value: value, median: value, noise: 0.1, launchSpread: 0.2, launches: 18)
    }
    var steal = measurement("steal_ns", 300)
    steal.modes = [
      Calibration.Mode(
        value: 260, noise: 0.05, launchSpread: 0.1, launches: 12, range: 250...280, cpus: ["owner=0 thief=1"]),
      Calibration.Mode(
        value: 950, noise: 0.05, launchSpread: 0.1, launches: 6, range: 900...990, cpus: ["owner=0 thief=1"]),
    ]
    var bandwidth = measurement("remote_bytes_per_ns", 2.2)
    bandwidth.mixedIntervalNoise = 0.2
    var measurements = [
      measurement("call_ns", 3), measurement("spawn_ns", 66), steal, measurement("ns_per_op", 0.08),
      measurement("remote_latency_ns", 720), bandwidth, measurement("remote_first_ns", 2.3e5),
      measurement("contact_2_ns", 3e5), measurement("contact_3_ns", 3.6e5),
    ]
    #expect(Calibration.addContactShare(to: &measurements).isEmpty)
    let measured = Calibration.Result(
      measurements: measurements, kernels: ["dot": 0.07, "stencil": 0.09], network: "2 MPI ranks started by mpirun",
      stealCPUs: ["owner=0 thief=1"], seconds: 41.3)
    let profile = try measured.profileJSON()
    #expect(try Self.errors(profile).isEmpty, "\(profile)")
    #expect(profile.contains("\"modes\"") && profile.contains("\"placements_mixed\""))

    var unsteady = measured
    unsteady.measurements.removeAll { $0.name == "remote_later_contact_share" }
    unsteady.notMeasured = ["remote_later_contact_share": "contact_3_ns 5.9e+05 with a spread of 81%"]
    #expect(try Self.errors(unsteady.profileJSON()).isEmpty)

    // Renamed: a model field, a calibration entry, or a field missing from a calibrated profile.
    var root = try #require(try JSONSerialization.jsonObject(with: Data(profile.utf8)) as? [String: Any])
    for (from, to) in [("remote_first_ns", "remote_first_cost_ns"), ("ns_per_op", "ns_per_operation")] {
      var renamed = root
      renamed[to] = renamed.removeValue(forKey: from)
      #expect(try !Self.errors(Self.text(renamed)).isEmpty, "\(from) renamed \(to) validated")
    }
    var calibration = try #require(root["calibration"] as? [String: Any])
    calibration["not_measured_why"] = calibration.removeValue(forKey: "network")
    root["calibration"] = calibration
    #expect(try !Self.errors(Self.text(root)).isEmpty, "a renamed calibration entry validated")
  }

  /// The schema lists exactly the runtime's fields (policy.c's `dosc_profile_fields`), with
  /// its ranges: a field renamed or added on either side fails here.
  @Test func schemaNamesTheRuntimesFields() throws {
    let schema = try #require(
      try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.schema))) as? [String: Any])
    let properties = try #require(schema["properties"] as? [String: [String: Any]])
    let runtime = MachineProfile.fields
    #expect(Set(properties.keys) == Set(runtime.map(\.name) + ["schema", "calibration"]))
    for field in runtime {
      let property = try #require(properties[field.name])
      #expect(
        property["minimum"] as? Double == field.least && property["maximum"] as? Double == field.most, "\(field.name)")
      #expect(property["type"] as? String == (field.integer ? "integer" : "number"), "\(field.name)")
    }
    let required = try #require((schema["dependentRequired"] as? [String: [String]])?["calibration"])
    #expect(Set(required) == Set(runtime.map(\.name)))
  }
}
