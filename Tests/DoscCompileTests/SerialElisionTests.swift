import Foundation
import Testing

/// The correctness oracle (SPEC section 1): under every binding and thread count, a program
/// built by `dosc compile` prints exactly what its serial elision prints.
@Suite struct SerialElisionTests {
  struct Example: CustomTestStringConvertible, Sendable {
    var name: String
    var arguments: [String]
    var testDescription: String { name }
  }

  static let examples: [Example] = [
    Example(name: "vector", arguments: []),
    Example(name: "matmul", arguments: ["128"]),
    Example(name: "stencil", arguments: []),
    Example(name: "fib", arguments: ["25"]),
    Example(name: "nqueens", arguments: ["8"]),
    Example(name: "histogram", arguments: []),
    Example(name: "mergesort", arguments: ["100000"]),
    Example(name: "mandelbrot", arguments: ["160", "120"]),
    Example(name: "montecarlo", arguments: ["12", "200000"]),
    Example(name: "finegrain", arguments: []),
  ]

  static let environments: [[String: String]] = ["inline", "local", "auto"].flatMap { binding in
    ["1", "2"].map { ["DOSC_BIND": binding, "DOSC_THREADS": $0] }
  }

  @Test(arguments: examples)
  func matchesSerialElision(_ example: Example) throws {
    let directory = Harness.examples.appendingPathComponent(example.name)
    let sources = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".c") }
      .sorted().map { directory.appendingPathComponent($0).path }
    try #require(!sources.isEmpty, "no C sources in \(directory.path)")
    let scratch = try Harness.scratch(example.name)
    defer { try? FileManager.default.removeItem(atPath: scratch) }

    let plain = try Harness.plainCompile(sources, output: scratch + "/plain")
    try #require(plain.status == 0, "cc failed: \(plain.stderr)")
    let compiled = Harness.doscCompile(sources + ["-O2", "-o", scratch + "/prog"])
    try #require(compiled.status == 0, "dosc compile failed:\n\(compiled.diagnostics)")
    #expect(!compiled.diagnostics.contains("warning"), "\(compiled.diagnostics)")
    #expect(Harness.exists(scratch + "/prog.dosc.json"))

    let expected = try Harness.run([scratch + "/plain"] + example.arguments)
    #expect(expected.status == 0)
    for environment in Self.environments {
      let got = try Harness.run([scratch + "/prog"] + example.arguments, environment: environment)
      #expect(got.status == expected.status, "\(environment)")
      #expect(got.stdout == expected.stdout, "\(example.name) under \(environment)")
      #expect(!got.stderr.contains("dosc:"), "\(example.name) under \(environment): \(got.stderr)")
    }
    // And the tasks really went to the pool: every site is bound local, none left plain.
    let traced = try Harness.run(
      [scratch + "/prog"] + example.arguments,
      environment: ["DOSC_BIND": "local", "DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(traced.stdout == expected.stdout)
    let sites = traced.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site ") }
    #expect(!sites.isEmpty && sites.allSatisfy { $0.contains("): local") }, "\(traced.stderr)")
  }
}
