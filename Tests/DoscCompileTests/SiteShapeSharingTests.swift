import Foundation
import Testing

/// Sites of one shape share their generated code (Sources/DoscRewrite/SiteShapes.swift): one
/// argument struct and out-of-line dispatch per argument and result types, one thunk and remote
/// marshalling per task of those types. Inputs/remote/shapes.c has nine sites of four tasks: the
/// same task with other result types (long, double, none), two tasks of the same parameter types,
/// a task of other types, a struct by value, and sites in a function before main's. A copy
/// serving a site it should not (another task's thunk, another result's width) prints a
/// different sum; a copy not shared shows in the counts.
@Suite(.serialized) struct SiteShapeSharingTests {
  static let source = Harness.repository.path + "/Tests/DoscCompileTests/Inputs/remote/shapes.c"

  static func build() throws -> RemoteTests.Built {
    try RemoteTests.build([source], name: "shapes", flags: ["--keep-generated"])
  }

  /// How many lines of the generated unit start with `prefix`.
  static func definitions(_ generated: String, _ prefix: String) -> Int {
    generated.split(separator: "\n").filter { $0.hasPrefix(prefix) }.count
  }

  @Test func sitesOfOneShapeShareOneCopyAndEachStillGetsItsOwnTask() throws {
    let built = try Self.build()
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    let generated = try String(contentsOfFile: built.scratch + "/prog.dosc-gen/shapes.c", encoding: .utf8)
    // Shapes: (long; double*, int, double) for scale's and shift's long results; scale's double
    // result; scale's discarded result; scalef's floats; sum_range's struct: five structs.
    #expect(Self.definitions(generated, "struct dosc_args_") == 5, "\(generated)")
    // Thunks: scale (long), shift (long), scale (double), scale (none), scalef, sum_range.
    #expect(Self.definitions(generated, "static void dosc_thunk_") == 6 * 2, "declared and defined")
    #expect(Self.definitions(generated, "__attribute__((noinline)) static int dosc_site_") == 5)
    for threads in ["1", "2"] {
      for binding in ["inline", "local", "auto"] {
        let got = try Harness.run([built.program], environment: ["DOSC_BIND": binding, "DOSC_THREADS": threads])
        #expect(got.status == 0 && got.stdout == built.expected.stdout, "\(binding) \(threads): \(got.stdout)")
      }
    }
  }

  @Test(.enabled(if: RemoteTests.mpiInstalled))
  func sharedCopiesShipEachSitesOwnArgumentsAndResults() throws {
    let built = try Self.build()
    defer { try? FileManager.default.removeItem(atPath: built.scratch) }
    for configuration in [
      RemoteTests.Configuration(ranks: 3, tcp: false, binding: "remote", threads: 1),
      RemoteTests.Configuration(ranks: 2, tcp: true, binding: "remote", threads: 1),
    ] {
      let got = try RemoteTests.run([built.program], configuration)
      #expect(got.status == 0 && got.stdout == built.expected.stdout, "\(configuration): \(got.stderr)")
      // The seven sites of scale, shift and scalef are remotable and above the threshold.
      #expect((RemoteTests.counter(got.stderr, rank: 0, "tasks sent") ?? 0) >= 7, "\(got.stderr)")
    }
  }
}
