import DoscDriver
import DoscSupport
import Foundation
import Testing

/// Where `dosc compile` and `dosc cc` find the runtime: an installed prefix beside the
/// executable, the checkout's `Runtime/`, or `DOSC_RUNTIME_DIR` naming either; and what
/// `dosc --version` says about it. (scripts/test-install.sh checks a real install end to end.)
@Suite struct RuntimeLocationTests {
  /// A prefix laid out as `make install` lays it out, with a stand-in executable.
  static func installedPrefix(withLibrary: Bool = true) throws -> String {
    // Resolved as the executable's path is (the scratch directory's has a '//').
    let prefix = URL(fileURLWithPath: try Harness.scratch("prefix")).resolvingSymlinksInPath().path
    for directory in ["bin", "include/dosc", "lib"] {
      try FileManager.default.createDirectory(atPath: prefix + "/" + directory, withIntermediateDirectories: true)
    }
    _ = FileManager.default.createFile(atPath: prefix + "/bin/dosc", contents: Data())
    _ = FileManager.default.createFile(atPath: prefix + "/include/dosc/dosc_abi.h", contents: Data())
    if withLibrary { _ = FileManager.default.createFile(atPath: prefix + "/lib/libdosc.a", contents: Data()) }
    return prefix
  }

  static func contents(of directory: String) -> [String] {
    (FileManager.default.subpaths(atPath: directory) ?? []).sorted()
  }

  @Test func installedPrefixBesideTheExecutable() throws {
    let prefix = try Self.installedPrefix()
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let runtime = try RuntimeLocation.locate(nil, executable: prefix + "/bin/dosc")
    #expect(runtime.layout == .installed)
    #expect(runtime.includeDirectory == prefix + "/include/dosc")
    #expect(runtime.library == prefix + "/lib/libdosc.a")
    #expect(try runtime.linkArguments(flags: [], compiler: "cc", mpi: false).first == prefix + "/lib/libdosc.a")
  }

  /// `~/bin/dosc-cc -> PREFIX/bin/dosc`: the prefix is the link's target's, not the link's.
  @Test func symbolicLinkToTheExecutable() throws {
    let prefix = try Self.installedPrefix()
    let elsewhere = try Harness.scratch("elsewhere")
    defer {
      try? FileManager.default.removeItem(atPath: prefix)
      try? FileManager.default.removeItem(atPath: elsewhere)
    }
    try FileManager.default.createSymbolicLink(
      atPath: elsewhere + "/dosc-cc", withDestinationPath: prefix + "/bin/dosc")
    let runtime = try RuntimeLocation.find(nil, executable: elsewhere + "/dosc-cc")
    #expect(runtime.includeDirectory == prefix + "/include/dosc")
  }

  /// An installed runtime is never built on demand: a missing library is an error, and the
  /// prefix is left as it was.
  @Test func installedPrefixWithoutItsLibrary() throws {
    let prefix = try Self.installedPrefix(withLibrary: false)
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let before = Self.contents(of: prefix)
    #expect {
      try RuntimeLocation.locate(nil, executable: prefix + "/bin/dosc")
    } throws: { error in
      "\(error)".contains("'\(prefix)/lib/libdosc.a' is missing; reinstall dosc")
    }
    #expect(Self.contents(of: prefix) == before)
  }

  @Test func checkoutAboveADevelopmentBuild() throws {
    let runtime = try RuntimeLocation.find(nil, executable: Harness.repository.path + "/.build/debug/dosc")
    #expect(runtime.layout == .checkout)
    #expect(runtime.sourceDirectory == Harness.repository.path + "/Runtime")
    #expect(runtime.includeDirectory == Harness.repository.path + "/Runtime/include")
    #expect(runtime.library == Harness.repository.path + "/Runtime/build/libdosc.a")
  }

  /// DOSC_RUNTIME_DIR wins over the executable's neighbourhood, and may name either layout.
  @Test func explicitDirectoryOfEitherLayout() throws {
    let prefix = try Self.installedPrefix()
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let installed = try RuntimeLocation.find(prefix, executable: Harness.repository.path + "/.build/debug/dosc")
    #expect(installed.layout == .installed && installed.includeDirectory == prefix + "/include/dosc")
    let checkout = try RuntimeLocation.find(Harness.repository.path + "/Runtime", executable: prefix + "/bin/dosc")
    #expect(checkout.layout == .checkout && checkout.sourceDirectory == Harness.repository.path + "/Runtime")
    #expect(throws: DiagnosedFailure.self) {
      try RuntimeLocation.find(prefix + "/bin", executable: prefix + "/bin/dosc")
    }
  }

  /// A copy of dosc with nothing around it (the issue's `cp dosc ~/bin`) says what to do.
  @Test func nothingBesideALoneCopy() throws {
    let lone = try Harness.scratch("lone")
    defer { try? FileManager.default.removeItem(atPath: lone) }
    #expect {
      try RuntimeLocation.locate(nil, executable: lone + "/bin/dosc")
    } throws: { error in
      "\(error)".contains("cannot find the dosc runtime") && "\(error)".contains("DOSC_RUNTIME_DIR")
    }
  }

  /// A lone copy given its runtime by `DOSC_RUNTIME_DIR` builds a program that includes
  /// `<dosc.h>`: the analysis sees that runtime's header too (it looked only beside dosc, and
  /// `dosc calibrate` from such a copy failed: 'dosc.h' file not found).
  @Test func loneCopyWithARuntimeDirectoryAnalyzesItsHeader() throws {
    let lone = try Harness.scratch("lone-with-runtime")
    defer { try? FileManager.default.removeItem(atPath: lone) }
    try FileManager.default.copyItem(atPath: try BuildIntegrationTests.dosc(), toPath: lone + "/dosc")
    let source = lone + "/where.c"
    try Data(
      """
      #include <dosc.h>
      #include <stdio.h>
      int where(const int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i]; return s + dosc_node_rank(); }
      int main(void) { int v[64] = {1}, r;
      #pragma dosc task
        r = where(v, 64);
      #pragma dosc taskwait
        printf("%d\\n", r); return 0; }
      """.utf8
    ).write(to: URL(fileURLWithPath: source))
    let runtime = Harness.repository.appendingPathComponent("Runtime").path
    let built = try Harness.run(
      [lone + "/dosc", "compile", source, "-o", lone + "/where"], environment: ["DOSC_RUNTIME_DIR": runtime])
    #expect(built.status == 0, "\(built.stderr)")
    #expect(try Harness.run([lone + "/where"]).stdout == "1\n")
  }

  @Test func versionReportNamesTheToolsAndTheRuntime() throws {
    let prefix = try Self.installedPrefix()
    defer { try? FileManager.default.removeItem(atPath: prefix) }
    let report = VersionReport.text(environment: ["PATH": "/usr/bin:/bin", "DOSC_RUNTIME_DIR": prefix])
    let lines = report.split(separator: "\n").map(String.init)
    #expect(lines.first == "dosc \(VersionReport.version)")
    #expect(lines.contains { $0.hasPrefix("libclang:") && $0.contains("clang version") })
    #expect(lines.contains { $0.hasPrefix("C compiler: cc (/") })
    #expect(lines.contains("runtime:    \(prefix)/lib/libdosc.a, headers in \(prefix)/include/dosc (installed)"))
    let bare = VersionReport.text(environment: ["PATH": prefix + "/bin", "DOSC_CC": "no-such-cc"])
    #expect(bare.contains("C compiler: no-such-cc (not found)"))
    #expect(bare.contains("MPI:        none (no mpicc on the PATH)"))
  }
}
