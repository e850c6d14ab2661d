import DoscDriver
import DoscManifest
import Foundation
import Testing

/// A file without `#pragma dosc` that includes `<dosc.h>` for the runtime's API, under `dosc cc`
/// (it once failed with "dosc.h: No such file or directory"): it compiles with the runtime's
/// header flags, its fragment says it uses the runtime, and a link with no site at all adds the
/// runtime and starts it. The program answers what the same sources built by `dosc compile`
/// answer, under any `DOSC_THREADS`, and with `DOSC_THREADS=1` what the plain build with
/// `dosc.h`'s serial fall-backs prints (SPEC section 1).
@Suite struct CCRuntimeAPITests {
  /// report.c asks the runtime; it has no pragma.
  static let report = """
    #include <dosc.h>
    #include <stdio.h>
    int twice(int x);
    void report(const char *what) {
      printf("%s: threads %d, nodes %d, rank %d, %d\\n", what, dosc_thread_count(), dosc_node_count(),
             dosc_node_rank(), twice(21));
    }

    """
  /// main.c has neither pragma nor <dosc.h>.
  static let main = """
    void report(const char *what);
    int twice(int x) { return 2 * x; }
    int main(void) {
      report("api");
      return 0;
    }

    """

  static func project(_ name: String) throws -> String {
    let scratch = try Harness.scratch(name)
    try Self.report.write(toFile: scratch + "/report.c", atomically: true, encoding: .utf8)
    try Self.main.write(toFile: scratch + "/main.c", atomically: true, encoding: .utf8)
    return scratch
  }

  static func shell(_ script: String, in directory: String) throws -> Harness.Run {
    let launcher = try CCLauncherTests.launcher()
    return try Harness.run([
      "sh", "-c",
      "set -e; cd \(directory); DOSC='\(try BuildIntegrationTests.dosc())'; LAUNCHER='\(launcher)'; \(script)",
    ])
  }

  /// What the program must print: the plain build's output (`dosc.h` on the path, no `__DOSC__`)
  /// with one thread, and the output of the `dosc compile` build with three.
  struct Expected {
    var serial: String
    var threeThreads: String
  }

  static func expected(in scratch: String) throws -> Expected {
    let include = Harness.repository.appendingPathComponent("Runtime/include").path
    let plain = try Harness.run([
      "cc", "-O2", "-I", include, scratch + "/main.c", scratch + "/report.c", "-o", scratch + "/plain",
    ])
    try #require(plain.status == 0, "\(plain.stderr)")
    let serial = try Harness.run([scratch + "/plain"]).stdout
    #expect(serial == "api: threads 1, nodes 1, rank 0, 42\n")
    let compiled = Harness.doscCompile([scratch + "/main.c", scratch + "/report.c", "-O2", "-o", scratch + "/compiled"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let three = try Harness.run([scratch + "/compiled"], environment: ["DOSC_THREADS": "3"]).stdout
    #expect(three == "api: threads 3, nodes 1, rank 0, 42\n")
    return Expected(serial: serial, threeThreads: three)
  }

  static func check(
    _ program: String, _ expected: Expected, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    for (threads, output) in [("1", expected.serial), ("3", expected.threeThreads)] {
      let run = try Harness.run([program], environment: ["DOSC_THREADS": threads])
      #expect(run.status == 0 && run.stderr.isEmpty, "\(run.stderr)", sourceLocation: sourceLocation)
      #expect(run.stdout == output, "DOSC_THREADS=\(threads)", sourceLocation: sourceLocation)
    }
  }

  /// Every way a build gets from sources to the program: one step, `-c` then a link (through
  /// `dosc cc` and through the dosc-cc launcher), and the unit in a static library (`ar`) the
  /// link finds with `-l`. None has a site.
  @Test(arguments: ["one step", "separate", "launcher", "archive"])
  func programWithoutSitesStartsTheRuntimeItsFileUses(_ path: String) throws {
    let scratch = try Self.project("api-\(path.replacingOccurrences(of: " ", with: "-"))")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let expected = try Self.expected(in: scratch)
    let script =
      switch path {
      case "one step": "$DOSC cc -O2 main.c report.c -o prog"
      case "separate": "$DOSC cc -O2 -c report.c -o report.o; $DOSC cc -O2 -c main.c; $DOSC cc main.o report.o -o prog"
      case "launcher":
        "$LAUNCHER -O2 -c report.c -o report.o; $LAUNCHER -O2 -c main.c; $LAUNCHER main.o report.o -o prog"
      default: "$DOSC cc -O2 -c report.c main.c; ar rcs libreport.a report.o; $DOSC cc main.o -L. -lreport -o prog"
      }
    let built = try Self.shell(script, in: scratch)
    try #require(built.status == 0, "\(built.stderr)")
    #expect(built.stderr.isEmpty, "\(built.stderr)")
    try Self.check(scratch + "/prog", expected)
    let sidecar = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/prog.dosc.json")))
    #expect(sidecar.sites.isEmpty && sidecar.units?.map(\.source).sorted() == ["main.c", "report.c"])
    guard path != "one step" else { return }
    // The unit that includes <dosc.h> says so in its fragment; the other does not.
    #expect(try ObjectSectionTests.manifests(in: scratch + "/report.o").map(\.usesRuntime) == [true])
    #expect(try ObjectSectionTests.manifests(in: scratch + "/main.o").map(\.usesRuntime) == [nil])
  }

  /// The header flags are what a file with `<dosc.h>` gets, and nothing else: without the
  /// fragment's section, the object is cc's with `-D__DOSC__=1 -I RUNTIME/include`, byte for byte;
  /// however the include is spelled.
  @Test(arguments: ["#include <dosc.h>", "#include\"dosc.h\"", "  #  include <dosc.h> /* the API */"])
  func fileIncludingTheHeaderCompilesAsWithTheHeaderFlags(_ line: String) throws {
    let scratch = try Self.project("api-flags")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try Self.report.replacingOccurrences(of: "#include <dosc.h>", with: line).write(
      toFile: scratch + "/report.c", atomically: true, encoding: .utf8)
    let include = Harness.repository.appendingPathComponent("Runtime/include").path
    let built = try Self.shell(
      """
      $DOSC cc -O2 -g -c report.c -o dosc.o
      cc -O2 -g -c report.c -o plain.o -D__DOSC__=1 -I '\(include)'
      objcopy --remove-section \(ObjectManifestSection.name) dosc.o removed.o
      cmp removed.o plain.o
      """, in: scratch)
    #expect(built.status == 0, "\(built.stdout)\(built.stderr)")
  }

  /// A file that gets `<dosc.h>` through another header and calls the API through a macro
  /// never mentions dosc: the launcher compiles it itself, with the user's own header flags.
  /// Its object is seen calling the runtime, whichever function of dosc.h's API it calls (the
  /// list is read from dosc.h here), and its fragment says so; one that calls none does not.
  @Test func objectCallingTheAPIThroughAnotherHeaderUsesTheRuntime() throws {
    let scratch = try Harness.scratch("api-indirect")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let include = Harness.repository.appendingPathComponent("Runtime/include").path
    let header = try String(contentsOfFile: include + "/dosc.h", encoding: .utf8)
    let api = try Regex(#"DOSC_USER_API int (\w+)\(void\);"#)
    let functions = header.matches(of: api).map { String($0.output[1].substring ?? "") }
    #expect(functions == ["dosc_thread_count", "dosc_node_count", "dosc_node_rank"])
    try "int main(void) { return CALL(); }\n".write(toFile: scratch + "/user.c", atomically: true, encoding: .utf8)
    for call in functions.map({ $0 + "()" }) + ["0"] {
      try "#include <dosc.h>\n#define CALL() \(call)\n".write(
        toFile: scratch + "/calls.h", atomically: true, encoding: .utf8)
      let built = try Self.shell(
        "$LAUNCHER -D__DOSC__=1 -I '\(include)' -include calls.h -c user.c -o user.o", in: scratch)
      try #require(built.status == 0, "\(built.stderr)")
      let expected: Bool? = call == "0" ? nil : true
      #expect(try ObjectSectionTests.manifests(in: scratch + "/user.o").map(\.usesRuntime) == [expected], "\(call)")
    }
    // Linked without a site, such a program starts the runtime as the others do.
    try "#include <dosc.h>\n#include <stdio.h>\n#define COUNT() dosc_thread_count()\n".write(
      toFile: scratch + "/count.h", atomically: true, encoding: .utf8)
    try "#include <stdio.h>\n#include \"count.h\"\nint main(void) { printf(\"%d\\n\", COUNT()); return 0; }\n".write(
      toFile: scratch + "/main.c", atomically: true, encoding: .utf8)
    let linked = try Self.shell(
      """
      $LAUNCHER -D__DOSC__=1 -I '\(include)' -c main.c -o main.o; $LAUNCHER main.o -o prog
      $LAUNCHER -D__DOSC__=1 -I '\(include)' main.c -o one-step
      """, in: scratch)
    try #require(linked.status == 0, "\(linked.stderr)")
    for program in ["prog", "one-step"] {
      #expect(try Harness.run([scratch + "/" + program], environment: ["DOSC_THREADS": "3"]).stdout == "3\n")
    }
  }

  /// The sites are in a library (an archive of an annotated unit); main's file only asks the
  /// runtime: it answers as in the program built by `dosc compile`, and the site is bound.
  @Test func sitesInAnotherLibrary() throws {
    let scratch = try Self.project("api-library")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try """
    void fill(int *a, int n) { for (int i = 0; i < n; i++) a[i] = i; }
    int twice(int x) {
      int a[64];
    #pragma dosc task
      fill(a, 64);
    #pragma dosc taskwait
      return x + a[63] - 63 + x;
    }

    """.write(toFile: scratch + "/sites.c", atomically: true, encoding: .utf8)
    let mainWithoutTwice = Self.main.replacingOccurrences(of: "int twice(int x) { return 2 * x; }\n", with: "")
    try mainWithoutTwice.write(toFile: scratch + "/main.c", atomically: true, encoding: .utf8)
    let include = Harness.repository.appendingPathComponent("Runtime/include").path
    let plain = try Harness.plainCompile(
      [scratch + "/main.c", scratch + "/report.c", scratch + "/sites.c"], flags: ["-O2", "-I", include],
      output: scratch + "/plain")
    try #require(plain.status == 0, "\(plain.stderr)")
    let serial = try Harness.run([scratch + "/plain"]).stdout
    #expect(serial == "api: threads 1, nodes 1, rank 0, 42\n")
    let built = try Self.shell(
      "$LAUNCHER -O2 -c sites.c report.c main.c; ar rcs libsites.a sites.o report.o; $LAUNCHER main.o -L. -lsites -o prog",
      in: scratch)
    try #require(built.status == 0, "\(built.stderr)")
    try Self.check(
      scratch + "/prog",
      Expected(serial: serial, threeThreads: serial.replacingOccurrences(of: "threads 1", with: "threads 3")))
    let traced = try Harness.run([scratch + "/prog"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"])
    #expect(traced.stderr.contains("dosc: site 0 fill (sites.c:"), "\(traced.stderr)")
  }

  /// A unit dosc rewrites calls the runtime even without a site (it registers itself, main
  /// calls dosc_start): one whose only pragma is a taskwait links too, in one step or in two
  /// (it failed with "undefined reference to `dosc_start'"), and prints what cc's build prints.
  @Test func annotatedUnitWithoutASiteLinks() throws {
    let scratch = try Harness.scratch("api-taskwait")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    try """
    #include <stdio.h>
    int main(void) {
    #pragma dosc taskwait
      printf("waited\\n");
      return 0;
    }

    """.write(toFile: scratch + "/wait.c", atomically: true, encoding: .utf8)
    let built = try Self.shell(
      "$DOSC cc -O2 wait.c -o one; $DOSC cc -O2 -c wait.c; $DOSC cc wait.o -o two", in: scratch)
    try #require(built.status == 0, "\(built.stderr)")
    #expect(try ObjectSectionTests.manifests(in: scratch + "/wait.o").map(\.usesRuntime) == [true])
    for program in ["one", "two"] {
      let run = try Harness.run([scratch + "/" + program])
      #expect(run.status == 0 && run.stdout == "waited\n", "\(program): \(run.stderr)")
    }
  }

  /// Under `dosc run -n 2` the program is a dosc program with two ranks: rank 0 runs main once
  /// and says so, as the `dosc compile` build does.
  @Test(.enabled(if: RemoteTests.mpiInstalled)) func ranksAnswerAsInTheCompiledProgram() throws {
    let scratch = try Self.project("api-ranks")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let built = try Self.shell("$DOSC cc -O2 main.c report.c -o prog", in: scratch)
    try #require(built.status == 0, "\(built.stderr)")
    let compiled = Harness.doscCompile([scratch + "/main.c", scratch + "/report.c", "-O2", "-o", scratch + "/compiled"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    var outputs: [String] = []
    for program in ["prog", "compiled"] {
      let run = try Harness.run(
        ["timeout", "120"] + BuildIntegrationTests.withDefaultSignalMask + [
          try BuildIntegrationTests.dosc(), "run", "-n", "2", scratch + "/" + program,
        ], environment: ["DOSC_THREADS": "1"])
      #expect(run.status == 0, "\(run.stderr)")
      outputs.append(run.stdout)
    }
    #expect(outputs[0] == "api: threads 1, nodes 2, rank 0, 42\n")
    #expect(outputs[0] == outputs[1])
  }
}
