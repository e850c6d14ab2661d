import DoscDriver
import DoscManifest
import DoscRewrite
import DoscSupport
import Foundation
import Testing

/// `dosc cc` in existing builds: an unmodified Makefile (also with -j2), CMake with dosc as
/// the compiler or as a launcher, pkg-config for link-only builds, dependency files; and a
/// file without pragmas compiles to the very object plain cc makes.
@Suite(.serialized) struct BuildIntegrationTests {
  static let project = Harness.examples.appendingPathComponent("projects/kernels").path

  /// The dosc executable `swift build` made, beside this test bundle.
  static func dosc() throws -> String {
    let directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    let candidates = [directory.appendingPathComponent("dosc").path, Harness.repository.path + "/.build/debug/dosc"]
    return try #require(
      candidates.first { FileManager.default.isExecutableFile(atPath: $0) }, "run 'swift build' first")
  }

  /// The test runner's threads block signals, and children inherit the mask; cmake waits for
  /// its compiler through SIGCHLD and would hang. This prefix unblocks them before exec.
  static let withDefaultSignalMask = [
    "python3", "-c",
    "import os, signal, sys; signal.pthread_sigmask(signal.SIG_SETMASK, []); os.execvp(sys.argv[1], sys.argv[1:])",
  ]

  /// A copy of the example project in a scratch directory.
  static func copyOfProject(_ name: String) throws -> String {
    let scratch = try Harness.scratch(name)
    for file in ["main.c", "kernels.c", "kernels.h", "Makefile", "CMakeLists.txt"] {
      try FileManager.default.copyItem(atPath: project + "/" + file, toPath: scratch + "/" + file)
    }
    return scratch
  }

  /// What the project prints when built by plain make and cc.
  static func plainOutput() throws -> String {
    let scratch = try copyOfProject("plain-make")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let built = try Harness.run(["make", "-s", "-C", scratch, "CC=cc"])
    try #require(built.status == 0, "\(built.stderr)")
    return try Harness.run([scratch + "/kernels", "96"]).stdout
  }

  private func checkProgram(
    _ program: String, expected: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  )
    throws
  {
    for threads in ["1", "2"] {
      let run = try Harness.run([program, "96"], environment: ["DOSC_THREADS": threads, "DOSC_TRACE": "1"])
      #expect(run.status == 0, sourceLocation: sourceLocation)
      #expect(run.stdout == expected, "\(run.stderr)", sourceLocation: sourceLocation)
      #expect(!run.stderr.contains("warning"), "\(run.stderr)", sourceLocation: sourceLocation)
      let sites = run.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site") }
      #expect(sites.count == 2, "\(run.stderr)", sourceLocation: sourceLocation)
      if threads == "2" {
        #expect(sites.allSatisfy { $0.contains(": local") }, "\(run.stderr)", sourceLocation: sourceLocation)
      }
    }
  }

  @Test(arguments: [["-s"], ["-s", "-j2"]])
  func unmodifiedMakefileWithDoscCC(_ makeFlags: [String]) throws {
    let expected = try Self.plainOutput()
    let dosc = try Self.dosc()
    for round in 0..<(makeFlags.contains("-j2") ? 3 : 1) {
      let scratch = try Self.copyOfProject("make-\(round)")
      defer { try? FileManager.default.removeItem(atPath: scratch) }
      let built = try Harness.run(["make"] + makeFlags + ["-C", scratch, "CC=\(dosc) cc"])
      try #require(built.status == 0, "\(built.stdout)\(built.stderr)")
      for file in ["kernels", "kernels.dosc.json"] {
        #expect(Harness.exists(scratch + "/" + file), "\(file) missing")
      }
      // The fragments are inside the objects: nothing else beside them.
      for file in ["main.o.dosc.json", "kernels.o.dosc.json"] {
        #expect(!Harness.exists(scratch + "/" + file), "\(file) written")
      }
      try checkProgram(scratch + "/kernels", expected: expected)

      // The task defined in kernels.c has, in the program's sidecar, the figures the same
      // function has when it is defined in the file that spawns it (Examples/matmul).
      let sidecar = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/kernels.dosc.json")))
      let linked = try #require(sidecar.tasks.first { $0.name == "mm_rows" })
      let single = try AnalyzePipeline.analyze(
        source: Harness.examples.appendingPathComponent("matmul/matmul.c").path, flags: [],
        diagnostics: DiagnosticEngine()
      ).manifest.tasks.first { $0.name == "mm_rows" }
      #expect(linked.params == single?.params)
      #expect(linked.work == single?.work)
      #expect(linked.remotable)
      #expect(sidecar.units?.map(\.source) == ["main.c", "kernels.c"])
      if round == 0 { try checkLinkTimeWork(sidecar, program: scratch + "/kernels") }
    }
  }

  /// The sites in main.c were compiled before kernels.c's figures were known; the link gave
  /// them work functions, so they are bound with the full figures: the trace shows work
  /// thresholds, and each function computes the task's work formula.
  private func checkLinkTimeWork(_ sidecar: Manifest, program: String) throws {
    let trace = try Harness.run([program, "96"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    let sites = trace.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site") }
    #expect(sites.count == 2 && sites.allSatisfy { $0.contains("spawns when work >=") }, "\(trace.stderr)")
    let symbols = try Harness.run(["nm", program]).stdout
    let source = try #require(LinkTimeWork.source(for: sidecar))
    let site = try #require(sidecar.sites.first { $0.task == "mm_rows" })
    let request = try #require(site.workAtLink)
    #expect(request.arguments == [3, 4, 5])
    #expect(symbols.contains(" T \(request.symbol)"))
    let scratch = try Harness.scratch("link-work")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try
      (source + "#include <stdio.h>\nint main(void) { printf(\"%lld\\n\", \(request.symbol)(96, 8, 16)); return 0; }\n")
      .write(toFile: scratch + "/work.c", atomically: true, encoding: .utf8)
    let built = try Harness.run(["cc", scratch + "/work.c", "-o", scratch + "/work"])
    try #require(built.status == 0, "\(built.stderr)")
    let value = try Harness.run([scratch + "/work"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    let task = try #require(sidecar.tasks.first { $0.name == "mm_rows" })
    let expected = try #require(task.work.polynomial).evaluate(["n": 96, "lo": 8, "hi": 16])
    #expect(value == "\(expected.numerator)")
  }

  /// The build-plugin style: a pattern rule runs `dosc analyze` per source.
  @Test func patternRuleWritesOneManifestPerSource() throws {
    let scratch = try Self.copyOfProject("pattern-rule")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let made = try Harness.run(["make", "-s", "-C", scratch, "manifests", "DOSC=\(try Self.dosc())"])
    try #require(made.status == 0, "\(made.stderr)")
    let main = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/manifests/main.dosc.json")))
    #expect(main.sites.map(\.task) == ["mm_rows", "checksum"])
    #expect(Harness.exists(scratch + "/manifests/kernels.dosc.json"))
  }

  @Test func fileWithoutPragmasCompilesToThePlainObject() throws {
    let scratch = try Self.copyOfProject("identical")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let flags = ["-O2", "-g", "-Wall", "-c", "kernels.c"]
    let viaDosc = try Harness.run([
      "sh", "-c", "cd \(scratch) && \(try Self.dosc()) cc \(flags.joined(separator: " ")) -o dosc.o",
    ])
    try #require(viaDosc.status == 0, "\(viaDosc.stderr)")
    let plain = try Harness.run(["sh", "-c", "cd \(scratch) && cc \(flags.joined(separator: " ")) -o plain.o"])
    try #require(plain.status == 0)
    // dosc adds one section, the fragment; without it the object is plain cc's, byte for byte.
    let removed = try Harness.run([
      "objcopy", "--remove-section", ObjectManifestSection.name, scratch + "/dosc.o", scratch + "/removed.o",
    ])
    try #require(removed.status == 0, "\(removed.stderr)")
    let a = try Data(contentsOf: URL(fileURLWithPath: scratch + "/removed.o"))
    let b = try Data(contentsOf: URL(fileURLWithPath: scratch + "/plain.o"))
    #expect(a == b, "objects differ")
    #expect(try Data(contentsOf: URL(fileURLWithPath: scratch + "/dosc.o")) != b, "no section added")
    try ObjectSectionTests.expectNotAllocated(scratch + "/dosc.o")
    // Its fragment says where the figures of its functions can be worked out, should another
    // file's site need them at the link; nothing was analyzed yet.
    let fragments = try ObjectSectionTests.manifests(in: scratch + "/dosc.o")
    #expect(fragments.count == 1 && fragments[0].sites.isEmpty)
    #expect(fragments.first?.exports == nil)
    #expect(fragments.first?.deferredExports?.source == "kernels.c")
    #expect(FileIdentity(fragments.first?.deferredExports?.directory ?? "") == FileIdentity(scratch))
    #expect(!Harness.exists(scratch + "/dosc.o.dosc.json"))
  }

  /// Configures and builds the CMake project in `scratch` (into `scratch/build`) with `compiler`
  /// as CMake's C compiler, or, when nil, with `dosc cc` as its compiler and linker launcher.
  static func cmakeBuild(_ scratch: String, compiler: String?) throws {
    var configure = ["cmake", "-S", scratch, "-B", scratch + "/build"]
    if let compiler {
      configure.append("-DCMAKE_C_COMPILER=\(compiler)")
    } else {
      let dosc = try dosc()
      configure += ["-DCMAKE_C_COMPILER_LAUNCHER=\(dosc);cc", "-DCMAKE_C_LINKER_LAUNCHER=\(dosc);cc"]
    }
    let configured = try Harness.run(withDefaultSignalMask + configure)
    try #require(configured.status == 0, "\(configured.stdout)\(configured.stderr)")
    let built = try Harness.run(withDefaultSignalMask + ["cmake", "--build", scratch + "/build"])
    try #require(built.status == 0, "\(built.stdout)\(built.stderr)")
  }

  @Test(arguments: ["compiler", "launcher"])
  func cmakeProject(_ style: String) throws {
    let expected = try Self.plainOutput()
    let dosc = try Self.dosc()
    let scratch = try Self.copyOfProject("cmake-\(style)")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    var compiler: String?
    if style == "compiler" {
      // CMAKE_C_COMPILER wants one executable: dosc is `dosc cc` under the name dosc-cc.
      try FileManager.default.createSymbolicLink(atPath: scratch + "/dosc-cc", withDestinationPath: dosc)
      compiler = scratch + "/dosc-cc"
    }
    try Self.cmakeBuild(scratch, compiler: compiler)
    #expect(Harness.exists(scratch + "/build/kernels.dosc.json"))
    try checkProgram(scratch + "/build/kernels", expected: expected)
  }

  /// A project whose only use of dosc is `<dosc.h>`'s API in a file without pragmas
  /// (CCRuntimeAPITests), built by its own Makefile (`CC="dosc cc"`, `CC=dosc-cc`) and by CMake
  /// with dosc as the compiler or the launcher: every build links and starts the runtime.
  @Test(arguments: ["make dosc cc", "make dosc-cc", "cmake compiler", "cmake launcher"])
  func projectUsingOnlyTheRuntimeAPI(_ style: String) throws {
    let scratch = try CCRuntimeAPITests.project("api-\(style.replacingOccurrences(of: " ", with: "-"))")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let expected = try CCRuntimeAPITests.expected(in: scratch)
    try """
    CFLAGS ?= -O2
    api: main.o report.o
    \t$(CC) $(CFLAGS) main.o report.o -o $@
    %.o: %.c
    \t$(CC) $(CFLAGS) -c $< -o $@

    """.write(toFile: scratch + "/Makefile", atomically: true, encoding: .utf8)
    try """
    cmake_minimum_required(VERSION 3.13)
    project(api C)
    add_executable(api main.c report.c)

    """.write(toFile: scratch + "/CMakeLists.txt", atomically: true, encoding: .utf8)
    let dosc = try Self.dosc()
    let program: String
    switch style {
    case "make dosc cc", "make dosc-cc":
      let compiler = style == "make dosc cc" ? "\(dosc) cc" : try CCLauncherTests.launcher()
      let built = try Harness.run(["make", "-s", "-C", scratch, "CC=\(compiler)"])
      try #require(built.status == 0, "\(built.stdout)\(built.stderr)")
      program = scratch + "/api"
    default:
      try Self.cmakeBuild(scratch, compiler: style == "cmake compiler" ? try CCLauncherTests.launcher() : nil)
      program = scratch + "/build/api"
    }
    #expect(Harness.exists(program + ".dosc.json"))
    try CCRuntimeAPITests.check(program, expected)
  }

  /// libtool (Debian's libtool-bin) with dosc-cc: a shared library whose file spawns a task,
  /// compiled to `.lo` (its PIC object in `.libs/`), linked into `libkern.la` (libtool links
  /// the `.so` itself with its own compiler), and a program linked against it. The fragment goes
  /// with the object into `.libs/`, into the shared library, and from it into the program's
  /// sidecar, whose site the program binds; it prints what the plain build prints.
  @Test func libtoolSharedLibraryCarriesItsManifest() throws {
    let scratch = try Harness.scratch("libtool")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let kernel = """
      #include "kern.h"
      static void fill(double *a, int lo, int hi) { for (int i = lo; i < hi; i++) a[i] = i * 0.5; }
      double kern_sum(double *a, int n) {
        for (int lo = 0; lo < n; lo += 100) {
      #pragma dosc task
          fill(a, lo, lo + 100 < n ? lo + 100 : n);
        }
      #pragma dosc taskwait
        double s = 0;
        for (int i = 0; i < n; i++) s += a[i];
        return s;
      }

      """
    let files = [
      "kern.c": kernel, "kern.h": "double kern_sum(double *a, int n);\n",
      "main.c": """
      #include <stdio.h>
      #include "kern.h"
      int main(void) { static double a[1000]; printf("%.1f\\n", kern_sum(a, 1000)); return 0; }

      """,
    ]
    for (name, text) in files { try text.write(toFile: scratch + "/" + name, atomically: true, encoding: .utf8) }
    let launcher = try CCLauncherTests.launcher()
    let built = try Harness.run([
      "sh", "-c",
      """
      set -e; cd \(scratch); CC=\(launcher)
      libtool --tag=CC --mode=compile $CC -O2 -c kern.c -o kern.lo
      libtool --tag=CC --mode=link $CC -O2 -o libkern.la kern.lo -rpath /usr/local/lib
      libtool --tag=CC --mode=compile $CC -O2 -c main.c -o main.lo
      libtool --tag=CC --mode=link $CC -O2 -o prog main.lo libkern.la
      cc -O2 -Wno-unknown-pragmas main.c kern.c -o plain
      """,
    ])
    try #require(built.status == 0, "\(built.stdout)\(built.stderr)")
    for carrier in [".libs/kern.o", ".libs/libkern.so.0.0.0"] {
      let sites = try ObjectSectionTests.manifests(in: scratch + "/" + carrier).flatMap(\.sites)
      #expect(sites.map(\.task) == ["fill"], "\(carrier)")
    }
    let sidecar = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/.libs/prog.dosc.json")))
    #expect(sidecar.sites.map(\.task) == ["fill"])
    let expected = try Harness.run([scratch + "/plain"]).stdout
    #expect(expected == "249750.0\n")
    for binding in ["local", "inline", "auto"] {
      let run = try Harness.run([scratch + "/prog"], environment: ["DOSC_BIND": binding, "DOSC_TRACE": "1"])
      #expect(run.status == 0 && run.stdout == expected, "\(binding): \(run.stdout)\(run.stderr)")
      #expect(run.stderr.contains("site 0 fill (kern.c:6:"), "\(binding): \(run.stderr)")
    }
  }

  /// A build that only links: objects from `dosc cc -c`, the runtime from pkg-config.
  @Test func pkgConfigLinksTheRuntime() throws {
    let expected = try Self.plainOutput()
    let scratch = try Self.copyOfProject("pkg-config")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let prefix = scratch + "/prefix"
    // Built in the scratch directory: the checkout's own build, which tests running beside this
    // one link against, is left alone (its flags differ, so make would rebuild it under them).
    let installed = try Harness.run([
      "make", "-s", "-C", Harness.repository.path + "/Runtime", "install", "PREFIX=\(prefix)",
      "BUILD=\(scratch)/runtime-build",
    ])
    try #require(installed.status == 0, "\(installed.stderr)")
    let dosc = try Self.dosc()
    let script = """
      set -e
      cd \(scratch)
      \(dosc) cc -O2 -c main.c -o main.o
      \(dosc) cc -O2 -c kernels.c -o kernels.o
      export PKG_CONFIG_PATH=\(prefix)/lib/pkgconfig
      cc main.o kernels.o $(pkg-config --libs dosc) -o linked
      pkg-config --cflags dosc
      """
    let built = try Harness.run(["sh", "-c", script])
    try #require(built.status == 0, "\(built.stderr)")
    // dosc.pc names the prefix relative to itself, so an installed prefix can move.
    #expect(built.stdout.contains("/prefix/lib/pkgconfig/../../include/dosc -D__DOSC__=1"), "\(built.stdout)")
    // A plain link writes no sidecar, but the program holds the objects' fragments: no warning.
    let run = try Harness.run([scratch + "/linked", "96"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(run.status == 0)
    #expect(run.stdout == expected)
    #expect(!run.stderr.contains("warning") && run.stderr.contains("(.dosc.manifest section) (read)"), "\(run.stderr)")
  }

  @Test func dependencyFilesNameTheUsersSources() throws {
    let scratch = try Self.copyOfProject("deps")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let built = try Harness.run(["sh", "-c", "cd \(scratch) && \(try Self.dosc()) cc -O2 -MMD -MP -c main.c -o main.o"])
    try #require(built.status == 0, "\(built.stderr)")
    let dependencies = try String(contentsOfFile: scratch + "/main.d", encoding: .utf8)
    #expect(dependencies.hasPrefix("main.o: main.c kernels.h"), "\(dependencies)")
    #expect(dependencies.contains("kernels.h:"), "-MP adds a target per header")
    #expect(!dependencies.contains("dosc"), "no generated file in the dependencies")
  }

  /// SPEC section 3: 0 on success, 1 for an error in the input, 2 for a usage error.
  @Test func exitStatusesOfTheExecutable() throws {
    let dosc = try Self.dosc()
    #expect(try Harness.run([dosc, "no-such-command"]).status == 2)
    #expect(try Harness.run([dosc, "analyze"]).status == 2)
    #expect(try Harness.run([dosc, "compile", "-O2"]).status == 2)
    #expect(try Harness.run([dosc, "analyze", "/nonexistent.c"]).status == 1)
    #expect(try Harness.run([dosc, "--help"]).status == 0)
  }

  @Test func errorInTheSourceLeavesNoObject() throws {
    let scratch = try Harness.scratch("cc-error")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try """
    void f(int *a) { a[0] = 1 }
    int main(void) { int x[1];
    #pragma dosc task
      f(x);
      return 0; }
    """.write(toFile: scratch + "/bad.c", atomically: true, encoding: .utf8)
    // An object from an earlier, good build must not survive a failed one (make would take it).
    try "stale".write(toFile: scratch + "/bad.o", atomically: true, encoding: .utf8)
    let built = try Harness.run(["sh", "-c", "cd \(scratch) && \(try Self.dosc()) cc -c bad.c -o bad.o"])
    #expect(built.status == 1)
    #expect(built.stderr.contains("bad.c:1:26: error: expected ';'"), "\(built.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: scratch) == ["bad.c"])
  }
}
