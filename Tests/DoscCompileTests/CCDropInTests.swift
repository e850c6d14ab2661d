@testable import DoscDriver
import DoscManifest
import Foundation
import Testing

/// `dosc cc` as a drop-in compiler (issue 8): the command line keeps its order, options with
/// separate values are known from clang's own table, one-step builds behave as cc's, a file
/// without pragmas compiles as with cc whatever its analysis would do, and noise is kept down.
@Suite struct CCDropInTests {
  /// main.c spawns `scale`, defined in lib.c, which has no pragma.
  static let main = """
    #include <stdio.h>
    void scale(double *a, int n, double f);
    int main(void) {
      static double a[1000];
      for (int i = 0; i < 1000; i++) a[i] = i;
    #pragma dosc task
      scale(a, 1000, 0.5);
    #pragma dosc taskwait
      printf("%.1f\\n", a[999]);
      return 0;
    }

    """
  static let library = "void scale(double *a, int n, double f) { for (int i = 0; i < n; i++) a[i] *= f; }\n"

  private func project(_ name: String, library: String = CCDropInTests.library) throws -> String {
    let scratch = try Harness.scratch(name)
    try Self.main.write(toFile: scratch + "/main.c", atomically: true, encoding: .utf8)
    try library.write(toFile: scratch + "/lib.c", atomically: true, encoding: .utf8)
    return scratch
  }

  private func shell(_ script: String, in directory: String) throws -> Harness.Run {
    try Harness.run(["sh", "-c", "set -e; cd \(directory); DOSC='\(try BuildIntegrationTests.dosc())'; \(script)"])
  }

  @Test func optionsWithSeparateValuesComeFromTheDriversTable() throws {
    let invocation = try CompilerInvocation.parse([
      "-z", "now", "-Xlinker", "--as-needed", "-include", "cfg.h", "-isystem", "inc", "-MF", "m.d", "-MT", "t", "-MQ",
      "q", "-x", "c", "-o", "prog", "-L", "lib", "-sectcreate", "a", "b", "c", "m.c",
    ])
    #expect(invocation.sources == ["m.c"])
    #expect(invocation.inputs.isEmpty)
    #expect(invocation.output == "prog")
    #expect(invocation.dependencyFlags == ["-MF", "m.d", "-MT", "t", "-MQ", "q"])
    #expect(invocation.compilerFlags == ["-include", "cfg.h", "-isystem", "inc", "-sectcreate", "a", "b", "c"])
  }

  /// `-z now` is a linker option with its keyword, not an input named `now`.
  @Test func linkerKeywordIsNoInput() throws {
    let scratch = try project("z-now")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let built = try shell("$DOSC cc -O2 -z now -z noexecstack main.c lib.c -o prog", in: scratch)
    try #require(built.status == 0, "\(built.stderr)")
    let dynamic = try Harness.run(["readelf", "-d", scratch + "/prog"]).stdout
    #expect(dynamic.contains("BIND_NOW") || dynamic.contains("FLAGS_1") && dynamic.contains("NOW"), "\(dynamic)")
    #expect(try Harness.run([scratch + "/prog"]).stdout == "499.5\n")
  }

  /// `-Wl,--whole-archive libh.a -Wl,--no-whole-archive` wraps the archive only where it stands.
  @Test func argumentOrderIsKept() throws {
    let scratch = try project("order")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try "int unused_by_main(void) { return 7; }\n".write(toFile: scratch + "/h.c", atomically: true, encoding: .utf8)
    let built = try shell(
      """
      $DOSC cc -fPIC -c h.c -o h.o && ar rcs libh.a h.o
      $DOSC cc -shared -o libwhole.so -Wl,--whole-archive libh.a -Wl,--no-whole-archive
      $DOSC cc -fPIC -c lib.c -o lib.o && ar rcs liblib.a lib.o
      $DOSC cc -O2 -c main.c -o main.o
      """, in: scratch)
    try #require(built.status == 0, "\(built.stderr)")
    let symbols = try Harness.run(["nm", "-D", "--defined-only", scratch + "/libwhole.so"]).stdout
    #expect(symbols.contains("unused_by_main"), "the archive was not wrapped: \(symbols)")
    // A library before the object that needs it is not searched for it, by cc or by dosc cc.
    let early = try shell("$DOSC cc -L. -llib main.o -o early", in: scratch)
    let plainEarly = try shell("cc -L. -llib main.o -o plain-early 2>&1 || true", in: scratch)
    #expect(early.status != 0)
    #expect(plainEarly.stdout.contains("undefined reference to `scale'"), "\(plainEarly.stdout)")
    let late = try shell("$DOSC cc main.o -L. -llib -o late", in: scratch)
    try #require(late.status == 0, "\(late.stderr)")
    #expect(try Harness.run([scratch + "/late"]).stdout == "499.5\n")
  }

  /// `-x c -o p m.c h.c`: the objects at the link are objects; `-fsyntax-only` links nothing;
  /// `-MMD -o p m.c h.c` writes the dependency files cc writes.
  /// `@FILE` arguments are read as gcc reads them, so a build that passes its flags in a
  /// response file (Ninja, CMake) still gets dosc: before, the object had no manifest section
  /// and every task ran as a plain call without a word.
  @Test func responseFilesAreReadAsTheCompilerReadsThem() throws {
    let scratch = try project("response-file")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try FileManager.default.moveItem(atPath: scratch + "/main.c", toPath: scratch + "/main file.c")
    let files = [
      "compile.rsp": "-O2 -c 'main file.c'\n-o \"main 1.o\" @flags.rsp\n",
      "flags.rsp": "-DUNUSED=a\\ b\n",
      "link.rsp": "\"main 1.o\" lib.o -o prog\n",
      "self.rsp": "@self.rsp\n",
    ]
    for (name, text) in files { try text.write(toFile: scratch + "/" + name, atomically: true, encoding: .utf8) }
    let built = try shell(
      "$DOSC cc @compile.rsp && $DOSC cc -O2 -c lib.c -o lib.o && $DOSC cc @link.rsp"
        + " && objdump -h 'main 1.o' | grep -c dosc.manifest && DOSC_THREADS=2 DOSC_TRACE=1 ./prog",
      in: scratch)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stdout == "1\n499.5\n")
    #expect(built.stderr.contains("dosc: site 0 scale (main file.c:"), "\(built.stderr)")
    let selfNaming = try shell("$DOSC cc @self.rsp", in: scratch)
    #expect(selfNaming.status != 0)
    #expect(selfNaming.stderr.contains("response files expand more than 2000 times"), "\(selfNaming.stderr)")
    #expect(
      ResponseFiles.words("a 'b c'\t\"d\\\" e\"\nf\\ g '' h\\") == ["a", "b c", "d\" e", "f g", "", "h"])
  }

  @Test func oneStepCompileAndLinkBehavesAsCC() throws {
    let scratch = try project("one-step")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let explicit = try shell("$DOSC cc -x c -O2 -o prog main.c lib.c && ./prog", in: scratch)
    #expect(explicit.status == 0, "\(explicit.stderr)")
    #expect(explicit.stdout == "499.5\n")
    let syntax = try shell("$DOSC cc -fsyntax-only main.c && ls", in: scratch)
    #expect(syntax.status == 0, "\(syntax.stderr)")
    #expect(!syntax.stdout.contains("a.out"))
    for compiler in ["$DOSC cc", "cc"] {
      let directory = scratch + "/" + (compiler == "cc" ? "plain" : "dosc")
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      let built = try shell("cp ../main.c ../lib.c . && \(compiler) -MMD -O2 -o prog main.c lib.c", in: directory)
      #expect(built.status == 0, "\(built.stderr)")
    }
    let dependencyFiles = { (directory: String) in
      try FileManager.default.contentsOfDirectory(atPath: scratch + "/" + directory).filter { $0.hasSuffix(".d") }
        .sorted()
    }
    #expect(try !dependencyFiles("plain").isEmpty)
    #expect(try dependencyFiles("dosc") == dependencyFiles("plain"))
    for file in try dependencyFiles("plain") {
      #expect(
        try String(contentsOfFile: scratch + "/dosc/" + file, encoding: .utf8)
          == String(contentsOfFile: scratch + "/plain/" + file, encoding: .utf8))
    }
  }

  /// Issue 8 item 2. A file without `#pragma dosc` compiles as with cc even where the analysis
  /// could not follow (a chain of 5,000 `else if`s, constants at the edge of `long long`), and a
  /// link whose task is defined there still links and runs right: the figures are best effort.
  @Test func fileWithoutPragmasCompilesWhateverTheAnalysisDoes() throws {
    var library = "unsigned long long edge(void) { return 9223372036854775807ULL + 1; }\n"
    // A GNU C nested function: gcc compiles it, libclang cannot parse it.
    library += "int outer(int x) { int inner(int y) { return y + x; } return inner(1); }\n"
    library += "int classify(int v) {\n  if (v == 0) return 0;\n"
    for value in 1..<5000 { library += "  else if (v == \(value)) return \(value % 7);\n" }
    library += "  return -1;\n}\n" + Self.library
    let scratch = try project("hard-for-the-analysis", library: library)
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let built = try shell(
      "$DOSC cc -O1 -c lib.c -o lib.o && cc -O1 -c lib.c -o plain.o && $DOSC cc -O2 -c main.c -o main.o"
        + " && objcopy --remove-section .dosc.manifest lib.o removed.o && $DOSC cc main.o lib.o -o prog && ./prog",
      in: scratch)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stderr.isEmpty, "a file without pragmas owes nobody a warning: \(built.stderr)")
    #expect(built.stdout == "499.5\n")
    #expect(
      FileManager.default.contents(atPath: scratch + "/removed.o")
        == FileManager.default.contents(atPath: scratch + "/plain.o"))
  }

  /// The exports of a file without pragmas are worked out at the link from the source the
  /// object was compiled from; a source changed since leaves the task's figures unknown.
  @Test func deferredExportsFollowTheSourceTheObjectWasCompiledFrom() throws {
    let scratch = try project("deferred")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let built = try shell("$DOSC cc -O2 -c main.c -o main.o && $DOSC cc -O2 -c lib.c -o lib.o", in: scratch)
    try #require(built.status == 0, "\(built.stderr)")
    let fragment = try #require(try ObjectSectionTests.manifests(in: scratch + "/lib.o").first)
    #expect(fragment.exports == nil && fragment.deferredExports?.source == "lib.c")
    func linkedTask() throws -> Manifest.Task? {
      let linked = try shell("$DOSC cc main.o lib.o -o prog && ./prog", in: scratch)
      try #require(linked.status == 0, "\(linked.stderr)")
      #expect(linked.stdout == "499.5\n")
      let sidecar = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/prog.dosc.json")))
      return sidecar.tasks.first { $0.name == "scale" }
    }
    let known = try #require(try linkedTask())
    #expect(!known.opaque && known.work.polynomial != nil, "\(known)")
    try (Self.library + "/* edited after compiling */\n").write(
      toFile: scratch + "/lib.c", atomically: true, encoding: .utf8)
    let stale = try #require(try linkedTask())
    #expect(stale.opaque && stale.work.polynomial == nil, "\(stale)")
  }

  /// Flags gcc takes and libclang rejects: nothing said for a file without pragmas, one
  /// located warning for a file with them; both build.
  @Test func gccOnlyFlagsAreQuietForPlainFilesAndOneWarningOtherwise() throws {
    let scratch = try project("gcc-flags")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let flags = "-O2 -fipa-pta -fconserve-stack -ftrivial-auto-var-init=zero -mindirect-branch=thunk -fanalyzer"
    let plain = try shell("$DOSC cc \(flags) -c lib.c -o lib.o", in: scratch)
    #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain.stderr)")
    let annotated = try shell("$DOSC cc \(flags) -c main.c -o main.o", in: scratch)
    #expect(annotated.status == 0, "\(annotated.stderr)")
    let lines = annotated.stderr.split(separator: "\n")
    #expect(lines.count == 1 && lines[0].hasPrefix("main.c:6:1: warning: "), "\(annotated.stderr)")
    #expect(
      lines.first?.contains("-fanalyzer") == true && lines.first?.contains("-ftrivial-auto-var-init=zero") == true)
    let linked = try shell("$DOSC cc main.o lib.o -o prog && ./prog", in: scratch)
    #expect(linked.stdout == "499.5\n", "\(linked.stderr)")
  }

  @Test func openMPTaskWithoutDoscPragmasGetsOneNote() throws {
    let scratch = try Harness.scratch("openmp")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let source = """
      void work(int *a) { a[0] = 1; }
      void run(int *a) {
        #pragma omp task
        work(a);
        #pragma omp task
        work(a + 1);
      }

      """
    try source.write(toFile: scratch + "/omp.c", atomically: true, encoding: .utf8)
    let built = try shell("$DOSC cc -c omp.c -o omp.o", in: scratch)
    #expect(built.status == 0)
    #expect(
      built.stderr == "omp.c:3:3: note: dosc ignores OpenMP pragmas; '#pragma dosc task' marks a task [dosc-cc]\n",
      "\(built.stderr)")
    try source.replacingOccurrences(
      of: "#pragma omp task\n  work(a + 1);", with: "#pragma dosc task\n  work(a + 1);"
    )
    .write(toFile: scratch + "/both.c", atomically: true, encoding: .utf8)
    let both = try shell("$DOSC cc -c both.c -o both.o", in: scratch)
    #expect(!both.stderr.contains("OpenMP"), "\(both.stderr)")
  }
}
