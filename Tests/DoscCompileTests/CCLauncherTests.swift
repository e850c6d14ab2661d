import DoscDriver
import DoscManifest
import Foundation
import Testing

/// The dosc-cc launcher (Sources/DoscCCLauncher): the C program that compiles a file without
/// pragmas itself and hands every other command line to dosc. Whatever it does, the outcome is
/// the one `dosc cc` (dosc under the name dosc-cc, as before the launcher) gives: the same exit
/// status, the same messages, the same files, byte for byte.
@Suite struct CCLauncherTests {
  /// The launcher `swift build` made, beside dosc.
  static func launcher() throws -> String {
    let path = URL(fileURLWithPath: try BuildIntegrationTests.dosc()).deletingLastPathComponent().path + "/dosc-cc"
    return try #require(FileManager.default.isExecutableFile(atPath: path) ? path : nil, "run 'swift build' first")
  }

  static let files: [String: String] = [
    "lib.c": CCDropInTests.library,
    "other.c": "int other(int x) { return x * 3; }\n",
    "main.c": CCDropInTests.main,
    "omp.c": "void f(int *a) {\n#pragma omp task\n  a[0] = 1;\n}\n",
    "mentions.c": "/* built with dosc */\nint g(void) { return 2; }\n",
    "bad.c": "int h(void) { return undeclared; }\n",
    "inc.h": "#define SCALE 2\n",
    "api.c": CCRuntimeAPITests.report,
    "twice.c": CCRuntimeAPITests.main,
    "hello.c": "int other(int x);\nint main(void) { return other(0); }\n",
  ]

  /// Command lines the launcher compiles itself, and those it must leave to dosc.
  static let commandLines: [[String]] = [
    ["-O2", "-c", "lib.c", "-o", "lib.o"],
    ["-c", "lib.c", "other.c"],
    ["-g", "-Wall", "-include", "inc.h", "-MD", "-MF", "lib.d", "-MT", "lib.o", "-c", "lib.c", "-o", "lib.o"],
    ["-c", "-olib.o", "lib.c"],
    ["-c", "lib.c", "-o", "/dev/null"],
    ["-c", "bad.c", "-o", "bad.o"],
    ["-c", "missing.c", "-o", "missing.o"],
    ["-c", "lib.c", "-o", "lib.c"],
    ["-c", "lib.c", "-o", "./lib.c"],
    ["-c", "main.c", "-o", "main.o"],
    ["-c", "omp.c"],
    ["-c", "mentions.c"],
    ["-E", "lib.c"],
    ["-c", "lib.c", "-o"],
    ["-x", "c", "-c", "lib.c", "-o", "lib.o"],
    ["--no-mpi", "-c", "lib.c"],
    ["lib.c", "main.c", "-o", "prog"],
    // A file without pragmas that includes <dosc.h>: its header flags, its fragment, and a
    // link that adds the runtime without a site.
    ["-O2", "-c", "api.c", "-o", "api.o"],
    ["-c", "api.c", "twice.c"],
    ["api.c", "twice.c", "-o", "prog"],
  ]

  struct Outcome: Equatable {
    var status: Int32
    var stdout: String
    var stderr: String
    /// Every file in the directory afterwards, with its bytes (objects included).
    var files: [String: Data]
  }

  /// Link command lines the launcher runs itself (nothing among their inputs needs dosc), and
  /// those it leaves to dosc: a site, the runtime's API, a thin archive (whose members it does
  /// not read), a lone `-L`, an output that is an input, a compiler's name first.
  static let plainLinks: [[String]] = [
    ["hello.o", "other.o", "-o", "prog"],
    ["hello.o", "libother.a", "-o", "prog"],
    ["-O2", "hello.o", "-L.", "-lother", "-o", "prog"],
    ["hello.c", "other.o", "-o", "prog"],
    ["-shared", "other.o", "lib.o", "-o", "libother.so"],
    ["hello.o", "missing.o", "-o", "prog"],
  ]
  static let doscLinks: [[String]] = [
    ["main.o", "lib.o", "-o", "prog"],
    ["libtask.a", "lib.o", "-o", "prog"],
    ["twice.o", "api.o", "-o", "prog"],
    ["hello.o", "-L.", "-lapi", "-o", "prog"],
    ["hello.o", "libthin.a", "-o", "prog"],
    ["hello.o", "-L", ".", "-lother", "-o", "prog"],
    ["hello.o", "other.o", "-o", "hello.o"],
    ["cc", "hello.o", "other.o", "-o", "prog"],
  ]

  /// The links' inputs, made once: objects with a plain fragment (the launcher's), one without
  /// (cc's), one with sites, one that uses the runtime's API, archives of them (a thin one too).
  static let linkInputs = Result { () throws -> [String: Data] in
    let scratch = try Harness.scratch("launcher-inputs")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    for (name, text) in files { try text.write(toFile: scratch + "/" + name, atomically: true, encoding: .utf8) }
    let made = try Harness.run([
      "sh", "-c",
      """
      set -e; cd "$0"; "$1" -fPIC -c hello.c lib.c api.c twice.c main.c; cc -fPIC -c other.c
      ar rcs libother.a other.o; ar rcsT libthin.a other.o; ar rcs libtask.a main.o; ar rcs libapi.a api.o twice.o
      """,
      scratch, try launcher(),
    ])
    guard made.status == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: ["stderr": made.stderr]) }
    var inputs: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: scratch) where files[name] == nil {
      inputs[name] = try Data(contentsOf: URL(fileURLWithPath: scratch + "/" + name))
    }
    return inputs
  }

  /// Runs `command` in `directory` holding `files` (and `prepared`, binary files) and nothing
  /// else (both runs of a comparison use the same directory: a fragment records where it was
  /// compiled).
  static func outcome(
    _ command: [String], in directory: String, environment: [String: String] = [:], prepared: [String: Data] = [:]
  ) throws -> Outcome {
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      try FileManager.default.removeItem(atPath: directory + "/" + name)
    }
    for (name, text) in files { try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8) }
    for (name, bytes) in prepared { try bytes.write(to: URL(fileURLWithPath: directory + "/" + name)) }
    let run = try Harness.run(["sh", "-c", "cd \"$0\" && exec \"$@\"", directory] + command, environment: environment)
    var found: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
      found[name] = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
    }
    return Outcome(status: run.status, stdout: run.stdout, stderr: run.stderr, files: found)
  }

  /// dosc under the name dosc-cc: what dosc-cc was before the launcher, and what it runs.
  static func doscNamedDoscCC() throws -> String {
    let directory = try Harness.scratch("dosc-cc-link")
    try FileManager.default.createSymbolicLink(
      atPath: directory + "/dosc-cc", withDestinationPath: try BuildIntegrationTests.dosc())
    return directory + "/dosc-cc"
  }

  @Test(arguments: commandLines + plainLinks + doscLinks) func sameOutcomeAsDoscCC(_ arguments: [String]) throws {
    let link = try Self.doscNamedDoscCC()
    defer { try? FileManager.default.removeItem(atPath: URL(fileURLWithPath: link).deletingLastPathComponent().path) }
    let scratch = try Harness.scratch("launcher")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let prepared = try Self.linkInputs.get()
    let launched = try Self.outcome([try Self.launcher()] + arguments, in: scratch, prepared: prepared)
    let doscCC = try Self.outcome([link] + arguments, in: scratch, prepared: prepared)
    #expect(launched.status == doscCC.status)
    #expect(launched.stdout == doscCC.stdout)
    #expect(launched.stderr == doscCC.stderr)
    #expect(launched.files.keys.sorted() == doscCC.files.keys.sorted())
    // An annotated unit is compiled from a generated file in a directory of its own, whose
    // name the object records: those objects are compared by their manifests.
    for (name, bytes) in launched.files where bytes != doscCC.files[name] {
      let ours = try ObjectManifestSection.manifests(inELF: bytes)
      let theirs = try ObjectManifestSection.manifests(inELF: doscCC.files[name] ?? Data())
      #expect(!ours.isEmpty && ours == theirs, "\(name) differs")
      #expect(ours.allSatisfy { !$0.sites.isEmpty }, "\(name), a plain unit's object, differs")
    }
  }

  /// A plain compile needs no dosc at all (it never starts it); anything else runs the dosc
  /// beside the launcher, so a launcher alone says it cannot.
  @Test func plainCompileRunsWithoutDosc() throws {
    let alone = try Harness.scratch("launcher-alone")
    defer { try? FileManager.default.removeItem(atPath: alone) }
    try FileManager.default.copyItem(atPath: try Self.launcher(), toPath: alone + "/dosc-cc")
    let scratch = try Harness.scratch("launcher")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let plain = try Self.outcome([alone + "/dosc-cc", "-O2", "-c", "lib.c", "-o", "lib.o"], in: scratch)
    #expect(plain.status == 0 && plain.stderr.isEmpty, "\(plain.stderr)")
    let fragments = try ObjectManifestSection.manifests(inELF: plain.files["lib.o"] ?? Data())
    #expect(fragments.count == 1 && fragments[0].deferredExports?.source == "lib.c")
    #expect(fragments.first?.deferredExports?.arguments == ["-O2", "-c", "lib.c", "-o", "lib.o"])
    let annotated = try Self.outcome([alone + "/dosc-cc", "-c", "main.c", "-o", "main.o"], in: scratch)
    #expect(annotated.status == 127 && annotated.stderr.hasPrefix("dosc-cc: cannot run '"), "\(annotated.stderr)")
    #expect(annotated.stderr.contains("/dosc': No such file or directory"), "\(annotated.stderr)")
    #expect(annotated.files["main.o"] == nil)
  }

  /// The links of `plainLinks` are the launcher's own (a launcher alone, without dosc beside
  /// it, runs them as cc would); those of `doscLinks` it hands to dosc.
  @Test func plainLinksRunWithoutDosc() throws {
    let alone = try Harness.scratch("launcher-alone")
    defer { try? FileManager.default.removeItem(atPath: alone) }
    try FileManager.default.copyItem(atPath: try Self.launcher(), toPath: alone + "/dosc-cc")
    let scratch = try Harness.scratch("launcher")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let prepared = try Self.linkInputs.get()
    for arguments in Self.plainLinks {
      let launched = try Self.outcome([alone + "/dosc-cc"] + arguments, in: scratch, prepared: prepared)
      let plain = try Self.outcome(["cc"] + arguments, in: scratch, prepared: prepared)
      #expect(launched == plain, "\(arguments): \(launched.stderr)")
    }
    for arguments in Self.doscLinks {
      let launched = try Self.outcome([alone + "/dosc-cc"] + arguments, in: scratch, prepared: prepared)
      #expect(launched.status == 127 && launched.stderr.hasPrefix("dosc-cc: cannot run '"), "\(arguments)")
    }
  }

  /// `$DOSC_CC` names the compiler, split at spaces, as dosc splits it.
  @Test func compilerFromTheEnvironment() throws {
    let environment = ["DOSC_CC": "env  LC_ALL=C cc"]
    let scratch = try Harness.scratch("launcher")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let launched = try Self.outcome([try Self.launcher(), "-c", "lib.c"], in: scratch, environment: environment)
    let doscCC = try Self.outcome(
      [try BuildIntegrationTests.dosc(), "cc", "-c", "lib.c"], in: scratch, environment: environment)
    #expect(launched.status == 0 && launched == doscCC)
    let missing = try Self.outcome(
      [try Self.launcher(), "-c", "lib.c"], in: scratch, environment: ["DOSC_CC": "no-such-cc"])
    #expect(missing.status != 0 && missing.stderr.contains("no-such-cc"), "\(missing.stderr)")
  }
}
