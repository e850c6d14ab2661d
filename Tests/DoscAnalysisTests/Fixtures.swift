import DoscDriver
import DoscManifest
import DoscSupport
import Foundation
import Testing

/// Paths and helpers shared by the analyzer tests.
enum Fixtures {
  static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let examples = repository.appendingPathComponent("Examples")
  static let inputs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Inputs")
  static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  static let exampleNames = ["vector", "matmul", "stencil", "fib", "nqueens", "histogram"]

  static func example(_ name: String) -> String { examples.appendingPathComponent("\(name)/\(name).c").path }

  /// A fresh directory for one test's files.
  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dosc-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Writes `source` to a temporary `name` and returns its path.
  static func write(_ source: String, named name: String = "input.c") throws -> String {
    let path = try temporaryDirectory().appendingPathComponent(name).path
    try source.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  static func analyze(_ path: String, flags: [String] = []) throws -> (Manifest, DiagnosticEngine) {
    let diagnostics = DiagnosticEngine()
    let outcome = try AnalyzePipeline.analyze(source: path, flags: flags, diagnostics: diagnostics)
    return (outcome.manifest, diagnostics)
  }

  /// Analyzes `source` written to a fresh directory, removed afterwards (each run of the suite
  /// left some 500 of them in /tmp).
  static func analyze(source: String, flags: [String] = []) throws -> (Manifest, DiagnosticEngine) {
    let path = try write(source)
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path) }
    return try analyze(path, flags: flags)
  }

  /// The task `task(signature) { body }`, after `prelude` at file scope, spawned once as
  /// `task(x, 2, 0, 10)` with `x` a static array of 4096 doubles (the shapes of
  /// `NeedlessNullTests` and `NeedlessNullViewTests`).
  static func task(_ signature: String, _ body: String, prelude: String = "") throws -> Manifest.Task {
    let source = """
      #include <stddef.h>
      \(prelude)
      void task(\(signature)) {
        \(body)
      }
      int main(void) { static double x[4096];
      #pragma dosc task
        task(x, 2, 0, 10);
        return 0; }
      """
    return try analyze(source: source).0.task("task")
  }

  /// The dosc executable `swift build` made, for tests that need the command as a process.
  static func doscExecutable() throws -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory.appendingPathComponent("dosc").path, repository.path + "/.build/debug/dosc"]
    return try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "run 'swift build' first")
  }

  /// Runs `dosc analyze` as the command would and reports status, stderr and the output path.
  static func run(_ arguments: [String]) -> (status: Int32, stderr: String) {
    let diagnostics = DiagnosticEngine()
    let status = AnalyzePipeline.run(arguments: arguments, diagnostics: diagnostics)
    return (status, diagnostics.rendered)
  }

  /// Runs a program and returns its exit status, stdout and stderr (`ChildProcess`).
  @discardableResult
  static func shell(_ executable: String, _ arguments: [String], environment: [String: String]? = nil) throws -> (
    status: Int32, stdout: String, stderr: String
  ) {
    let finished = try ChildProcess.run([executable] + arguments, environment: environment)
    return (finished.status, finished.stdout, finished.stderr)
  }
}

extension Manifest {
  func task(_ name: String) throws -> Manifest.Task { try #require(tasks.first { $0.name == name }) }
}

extension Manifest.Task {
  func param(_ name: String) throws -> Manifest.Parameter { try #require(params.first { $0.name == name }) }
}

extension Manifest.Site {
  /// A parameter as this site's clauses state it.
  func param(_ name: String) throws -> Manifest.Parameter { try #require(params?.first { $0.name == name }) }
}

extension ManifestExpression {
  /// The expression's value for concrete parameter values.
  func value(_ values: [String: Int]) throws -> Int {
    let polynomial = try #require(polynomial, "expression is null")
    let value = try polynomial.evaluate(values)
    #expect(value.isInteger)
    return value.numerator
  }
}
