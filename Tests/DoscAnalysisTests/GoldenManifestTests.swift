import DoscDriver
import DoscManifest
import DoscSupport
import Foundation
import Testing

/// Each example's manifest is a golden file; `DOSC_RECORD=1 swift test` re-records them.
@Suite struct GoldenManifestTests {
  @Test(arguments: Fixtures.exampleNames)
  func manifestMatchesGoldenFile(_ name: String) throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example(name))
    let actual = String(decoding: try manifest.encoded(), as: UTF8.self)
    let goldenPath = Fixtures.golden.appendingPathComponent("\(name).dosc.json").path
    if ProcessInfo.processInfo.environment["DOSC_RECORD"] == "1" {
      try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
    }
    let expected = try String(contentsOfFile: goldenPath, encoding: .utf8)
    #expect(actual == expected, "manifest of \(name) differs from \(goldenPath); rerun with DOSC_RECORD=1 if intended")
  }

  /// Two runs in separate processes: each has its own hash seed, so an output that followed
  /// the order of a Set or Dictionary would differ between them (one process could not tell).
  @Test(arguments: Fixtures.exampleNames + ["projects/kernels/kernels.c"])
  func separateProcessesWriteTheSameBytes(_ name: String) throws {
    let source =
      name.hasSuffix(".c") ? Fixtures.examples.appendingPathComponent(name).path : Fixtures.example(name)
    let directory = try Fixtures.temporaryDirectory()
    var outputs: [Data] = []
    for run in 0..<3 {
      let output = directory.appendingPathComponent("\(run).json").path
      let (status, _, stderr) = try Fixtures.shell(try Fixtures.doscExecutable(), ["analyze", source, "-o", output])
      try #require(status == 0, "\(stderr)")
      outputs.append(try Data(contentsOf: URL(fileURLWithPath: output)))
    }
    #expect(outputs.allSatisfy { $0 == outputs[0] }, "\(name): the manifest differs between processes")
  }

  @Test func sourceHashFollowsTheSourceAndTheFlags() throws {
    let plain = try Fixtures.analyze(Fixtures.example("fib")).0.sourceHash
    let defined = try Fixtures.analyze(Fixtures.example("fib"), flags: ["-DSOMETHING=1"]).0.sourceHash
    #expect(plain != defined)
    #expect(plain.count == 64)
  }

  /// The checked-in JSON Schema accepts every example manifest and rejects a broken one.
  @Test func manifestsConformToTheJSONSchema() throws {
    let directory = try Fixtures.temporaryDirectory()
    var files: [String] = []
    for name in Fixtures.exampleNames {
      let path = directory.appendingPathComponent("\(name).json").path
      try Fixtures.analyze(Fixtures.example(name)).0.encoded().write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
    // A fragment with exports, and a linked program's sidecar with units.
    let project = Fixtures.examples.appendingPathComponent("projects/kernels")
    let fragments = try ["main.c", "kernels.c"].map {
      try AnalyzePipeline.analyze(
        source: project.appendingPathComponent($0).path, flags: [], diagnostics: DiagnosticEngine(),
        exportingDefinitions: true
      ).manifest
    }
    for (name, manifest) in [("fragment", fragments[1]), ("linked", Manifest.link(fragments))] {
      let path = directory.appendingPathComponent("\(name).json").path
      try manifest.encoded().write(to: URL(fileURLWithPath: path))
      files.append(path)
    }
    let broken = directory.appendingPathComponent("broken.json").path
    try #"{"schema":"dosc-manifest/1","source_hash":"xyz","tasks":[{"name":"f"}],"sites":[]}"#.write(
      toFile: broken, atomically: true, encoding: .utf8)
    let schema = Fixtures.repository.appendingPathComponent("Schemas/dosc-manifest-1.schema.json").path
    let script = """
      import json, sys, jsonschema
      schema = json.load(open(sys.argv[1]))
      jsonschema.Draft202012Validator.check_schema(schema)
      for path in sys.argv[2:]:
          errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(path))))
          print(path.rsplit('/', 1)[-1], 'valid' if not errors else 'invalid')
      """
    // Debian's python3-jsonschema (scripts/setup.sh installs it), or any python3 that has it.
    let python = [["/usr/bin/python3"], ["/usr/bin/env", "python3"]].first {
      (try? Fixtures.shell($0[0], Array($0.dropFirst()) + ["-c", "import jsonschema"]).status) == 0
    }
    let interpreter = try #require(python, "no python3 with jsonschema; scripts/setup.sh installs python3-jsonschema")
    let result = try Fixtures.shell(
      interpreter[0], Array(interpreter.dropFirst()) + ["-c", script, schema] + files + [broken])
    #expect(result.status == 0, "\(result.stderr)")
    for name in Fixtures.exampleNames + ["fragment", "linked"] { #expect(result.stdout.contains("\(name).json valid")) }
    #expect(result.stdout.contains("broken.json invalid"))
  }
}
