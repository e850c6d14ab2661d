import DoscAnalysis
import DoscDriver
import DoscManifest
import DoscSupport
import Foundation
import Testing

/// Tasks across files: analyzed where their bodies are, merged when the program is linked.
@Suite struct ManifestLinkTests {
  private let project = Fixtures.examples.appendingPathComponent("projects/kernels")

  private func fragment(_ file: String, exporting: Bool) throws -> Manifest {
    let path = project.appendingPathComponent(file).path
    let diagnostics = DiagnosticEngine()
    return try AnalyzePipeline.analyze(
      source: path, flags: [], diagnostics: diagnostics, exportingDefinitions: exporting
    ).manifest
  }

  @Test func taskInAnotherFileIsOpaqueUntilTheLink() throws {
    let main = try fragment("main.c", exporting: true)
    #expect(try main.task("mm_rows").opaque)
    #expect(try !main.task("mm_rows").remotable)
    let kernels = try fragment("kernels.c", exporting: true)
    #expect(kernels.sites.isEmpty)
    #expect(kernels.exports?.map(\.name) == ["mm_rows", "checksum"])

    let linked = Manifest.link([main, kernels])
    let task = try linked.task("mm_rows")
    #expect(!task.opaque)
    #expect(task.remotable)
    #expect(linked.sites.map(\.id) == [0, 1])
    #expect(linked.units?.map(\.source) == ["main.c", "kernels.c"])
    #expect(linked.units?.map(\.siteCount) == [2, 0])
    #expect(linked.exports == nil)
  }

  /// The same function analyzed in one file (Examples/matmul) and across files gets the same figures.
  @Test func figuresAcrossFilesEqualFiguresInOneFile() throws {
    let linked = Manifest.link([try fragment("main.c", exporting: true), try fragment("kernels.c", exporting: true)])
    let acrossFiles = try linked.task("mm_rows")
    let (single, _) = try Fixtures.analyze(Fixtures.example("matmul"))
    let inOneFile = try single.task("mm_rows")
    #expect(acrossFiles.params == inOneFile.params)
    #expect(acrossFiles.work == inOneFile.work)
    #expect(acrossFiles.remotable == inOneFile.remotable)
  }

  @Test func siteIdsFollowLinkOrder() throws {
    let main = try fragment("main.c", exporting: true)
    let linked = Manifest.link([main, main])
    #expect(linked.sites.map(\.id) == [0, 1, 2, 3])
    #expect(linked.units?.map(\.firstSite) == [0, 2])
    #expect(linked.sourceHash != main.sourceHash)
  }
}
