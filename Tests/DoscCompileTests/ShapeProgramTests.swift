import Foundation
import Testing

/// The programs of issue 7's shapes (Tests/DoscAnalysisTests/Inputs/shapes), built by
/// `dosc compile`: each prints what its serial elision prints under every binding, and what
/// the manifest says reaches the generated code and the runtime.
@Suite struct ShapeProgramTests {
  static let shapes = Harness.repository.appendingPathComponent("Tests/DoscAnalysisTests/Inputs/shapes")

  static let programs: [[String]] = [
    ["walk.c"], ["recursion.c"], ["early_return.c"], ["unseen_callee.c", "unseen_callee_lib.c"], ["locals.c"],
    ["stray_increment.c"], ["site_clauses.c"], ["messages.c"],
  ]

  private func build(_ files: [String], in scratch: String) throws -> (plain: Harness.Run, program: String) {
    let sources = files.map { Self.shapes.appendingPathComponent($0).path }
    let plain = try Harness.plainCompile(sources, output: scratch + "/plain")
    try #require(plain.status == 0, "cc failed: \(plain.stderr)")
    let compiled = Harness.doscCompile(sources + ["-O2", "-o", scratch + "/prog", "--keep-generated"])
    try #require(compiled.status == 0, "dosc compile failed:\n\(compiled.diagnostics)")
    return (try Harness.run([scratch + "/plain"]), scratch + "/prog")
  }

  @Test(arguments: programs)
  func matchesSerialElision(_ files: [String]) throws {
    let scratch = try Harness.scratch("shape")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let (expected, program) = try build(files, in: scratch)
    for environment in SerialElisionTests.environments {
      let run = try Harness.run([program], environment: environment)
      #expect(run == expected, "\(files[0]) under \(environment)")
    }
  }

  /// Recursion found over the call graph reaches the runtime: the sites are flagged
  /// recursive, pass no work, and are cut off by depth; a site of a task that is not
  /// recursive is never called so.
  @Test func recursiveSitesAreCutOffByDepth() throws {
    let scratch = try Harness.scratch("shape-recursion")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let (_, program) = try build(["recursion.c"], in: scratch)
    let generated = try String(contentsOfFile: scratch + "/prog.dosc-gen/recursion.c", encoding: .utf8)
    let table = generated.split(separator: "\n").filter { $0.hasPrefix("  { ") && $0.contains("\"recursion.c\"") }
    #expect(table.count == 6)
    for entry in table { #expect(entry.contains("DOSC_SITE_RECURSIVE"), "\(entry)") }
    #expect(!generated.contains("dosc_site_choice(dosc_s, dosc__"))
    let trace = try Harness.run([program, "12"], environment: ["DOSC_TRACE": "1", "DOSC_THREADS": "2"])
    let sites = trace.stderr.split(separator: "\n").filter { $0.contains(": site ") }
    #expect(sites.count == 6)
    for line in sites { #expect(line.contains("recursive: spawns while depth <"), "\(line)") }

    try FileManager.default.createDirectory(atPath: scratch + "/clauses", withIntermediateDirectories: false)
    let (_, clauses) = try build(["site_clauses.c"], in: scratch + "/clauses")
    let plainTrace = try Harness.run([clauses], environment: ["DOSC_TRACE": "1", "DOSC_THREADS": "2"])
    let touch = plainTrace.stderr.split(separator: "\n").filter { $0.contains(" touch ") }
    #expect(touch.count == 2)
    for line in touch { #expect(!line.contains("recursive") && line.contains("does not recurse"), "\(line)") }
  }

  /// A site's clauses decide its own remotability: `touch` cannot be bounded by the analysis,
  /// but both its sites state their sections.
  @Test func siteClausesReachTheSiteTable() throws {
    let scratch = try Harness.scratch("shape-clauses")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    _ = try build(["site_clauses.c"], in: scratch)
    let generated = try String(contentsOfFile: scratch + "/prog.dosc-gen/site_clauses.c", encoding: .utf8)
    let touch = generated.split(separator: "\n").filter { $0.hasPrefix("  { ") && $0.contains("\"touch\"") }
    #expect(touch.count == 2)
    for entry in touch { #expect(entry.contains("DOSC_SITE_REMOTABLE"), "\(entry)") }
  }
}
