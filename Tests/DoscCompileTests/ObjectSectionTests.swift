import DoscCC
import DoscDriver
import DoscManifest
import Foundation
import Testing

/// Manifest fragments carried inside objects (`.dosc.manifest`): they survive `mv`, `ar` and
/// a plain `cc` link, leave nothing beside the objects, and the runtime reads them (or the
/// merged manifest of a `dosc cc` link) from its own executable when no sidecar is beside it.
@Suite(.serialized) struct ObjectSectionTests {
  static func sh(_ script: String) throws -> Harness.Run {
    try Harness.run(["sh", "-c", "set -e\n" + script])
  }

  /// The project's objects, compiled by `dosc cc -c` in `objs/` and moved out, as zlib does.
  static func compiledProject(_ name: String) throws -> String {
    // Spelled as the runtime sees its own path (/proc/self/exe): no "//", no symlinks.
    let scratch = URL(fileURLWithPath: try BuildIntegrationTests.copyOfProject(name)).resolvingSymlinksInPath().path
    let dosc = try BuildIntegrationTests.dosc()
    let built = try sh(
      """
      cd \(scratch)
      mkdir objs
      \(dosc) cc -O2 -c main.c -o objs/main.o
      \(dosc) cc -O2 -c kernels.c -o objs/kernels.o
      mv objs/main.o objs/kernels.o .
      rmdir objs
      """)
    try #require(built.status == 0, "\(built.stderr)")
    return scratch
  }

  /// The `.dosc.manifest` section of an object or program, split into its manifests.
  static func manifests(in path: String) throws -> [Manifest] {
    let dumped = path + ".section"
    defer { unlink(dumped) }
    let run = try Harness.run([
      "objcopy", "--dump-section", "\(ObjectManifestSection.name)=\(dumped)", path, "/dev/null",
    ])
    try #require(run.status == 0, "\(run.stderr)")
    let contents = try Data(contentsOf: URL(fileURLWithPath: dumped))
    #expect(contents.last == 0, "each manifest ends with a NUL")
    return try ObjectManifestSection.documents(in: contents).map(Manifest.decode)
  }

  /// The section is not allocated: `readelf -S` shows no A among its flags.
  static func expectNotAllocated(_ path: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
    let sections = try Harness.run(["readelf", "-SW", path]).stdout
    let line = try #require(
      sections.split(separator: "\n").first { $0.contains(ObjectManifestSection.name) },
      "no section in \(path)", sourceLocation: sourceLocation)
    // "[Nr] Name Type Address Off Size ES Flg Lk Inf Al": with no flags, Flg is absent.
    let fields = line.split(separator: "]", maxSplits: 1)[1].split(separator: " ")
    #expect(fields[1] == "PROGBITS", "\(line)", sourceLocation: sourceLocation)
    #expect(fields.count == 9 || !fields[6].contains("A"), "allocated: \(line)", sourceLocation: sourceLocation)
  }

  /// The site lines of a run's trace, and the run itself.
  static func traced(_ program: String, environment: [String: String] = [:]) throws -> (Harness.Run, [Substring]) {
    let run = try Harness.run(
      [program, "96"], environment: ["DOSC_THREADS": "2", "DOSC_TRACE": "1"].merging(environment) { $1 })
    return (run, run.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site") })
  }

  @Test func fragmentsTravelWithObjectsThroughMvAndArchives() throws {
    let expected = try BuildIntegrationTests.plainOutput()
    let dosc = try BuildIntegrationTests.dosc()
    let scratch = try Self.compiledProject("objsec-mv")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    // Nothing beside the objects: rmdir worked, and no fragment file was written anywhere.
    let files = try FileManager.default.contentsOfDirectory(atPath: scratch)
    #expect(!files.contains { $0.hasSuffix(".dosc.json") }, "\(files)")
    try Self.expectNotAllocated(scratch + "/main.o")
    #expect(try Self.manifests(in: scratch + "/main.o").map(\.sites.count) == [2])
    // kernels.c has no pragma: its figures are worked out at the link that needs them.
    #expect(try Self.manifests(in: scratch + "/kernels.o").map { $0.deferredExports?.source } == ["kernels.c"])

    // An archive member the program does not need (its spawner is never called) is not linked,
    // and its unit stays out of the sidecar.
    try """
    #include "kernels.h"
    void unused_spawner(double *v, long n) {
    #pragma dosc task
      checksum(v, n);
    }
    """.write(toFile: scratch + "/extra.c", atomically: true, encoding: .utf8)
    let built = try Self.sh(
      """
      cd \(scratch)
      \(dosc) cc -O2 -c extra.c -o extra.o
      \(dosc) cc -O2 main.o kernels.o -o direct
      \(dosc) cc -r main.o kernels.o -o partial.o
      \(dosc) cc -O2 partial.o -o relinked
      mkdir lib thin
      ar rcs lib/libk.a kernels.o extra.o
      cp kernels.o extra.o thin/
      ar rcT thin/libk.a thin/kernels.o thin/extra.o
      rm kernels.o extra.o
      \(dosc) cc -O2 main.o lib/libk.a -o archive
      \(dosc) cc -O2 main.o -Llib -lk -o searched
      \(dosc) cc -O2 main.o thin/libk.a -o thin-archive
      """)
    try #require(built.status == 0, "\(built.stderr)")
    let direct = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/direct.dosc.json")))
    #expect(direct.units?.map(\.source) == ["main.c", "kernels.c"])
    #expect(direct.tasks.first { $0.name == "mm_rows" }?.opaque == false, "the link merged kernels.c's figures")
    // A partial link (-r) is an object: both fragments in its section, no runtime, no sidecar.
    #expect(try Self.manifests(in: scratch + "/partial.o").map(\.sources) == [["main.c"], ["kernels.c"]])
    #expect(!Harness.exists(scratch + "/partial.o.dosc.json"))
    for program in ["direct", "relinked", "archive", "searched", "thin-archive"] {
      let path = scratch + "/" + program
      let sidecar = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: path + ".dosc.json")))
      #expect(sidecar == direct, "\(program): the sidecar differs from the one linked from the objects")
      // The program carries the same manifest, in a section that is not loaded.
      #expect(try Self.manifests(in: path) == [direct], "\(program)")
      try Self.expectNotAllocated(path)
      let (run, sites) = try Self.traced(path)
      #expect(run.stdout == expected && !run.stderr.contains("warning"), "\(program): \(run.stderr)")
      #expect(sites.count == 2 && sites.allSatisfy { $0.contains("spawns when work >=") }, "\(run.stderr)")
    }
  }

  /// A program moved without its sidecar reads the merged manifest from its own executable,
  /// and binds its sites exactly as with the sidecar.
  @Test func programWithoutItsSidecarReadsItsOwnSection() throws {
    let scratch = try Self.compiledProject("objsec-moved")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let linked = try Self.sh("cd \(scratch) && \(try BuildIntegrationTests.dosc()) cc main.o kernels.o -o prog")
    try #require(linked.status == 0, "\(linked.stderr)")
    let (withSidecar, sidecarSites) = try Self.traced(scratch + "/prog")
    #expect(withSidecar.stderr.contains("; sidecar \(scratch)/prog.dosc.json (read)"), "\(withSidecar.stderr)")
    try FileManager.default.createDirectory(atPath: scratch + "/bin", withIntermediateDirectories: false)
    try FileManager.default.moveItem(atPath: scratch + "/prog", toPath: scratch + "/bin/prog")
    let (moved, movedSites) = try Self.traced(scratch + "/bin/prog")
    #expect(moved.stdout == withSidecar.stdout)
    #expect(!moved.stderr.contains("warning"), "\(moved.stderr)")
    #expect(
      moved.stderr.contains("; manifest in \(scratch)/bin/prog (.dosc.manifest section) (read)"), "\(moved.stderr)")
    #expect(movedSites == sidecarSites && movedSites.count == 2, "\(moved.stderr)")
    // DOSC_MANIFEST names the file to read: missing, it is a warning, not a reason to look elsewhere.
    let (named, _) = try Self.traced(scratch + "/bin/prog", environment: ["DOSC_MANIFEST": scratch + "/none.json"])
    #expect(named.stderr.contains("none.json: no sidecar manifest"), "\(named.stderr)")
  }

  /// `dosc compile` puts the manifest into the program too.
  @Test func doscCompileProgramCarriesItsManifest() throws {
    let scratch = URL(fileURLWithPath: try Harness.scratch("objsec-compile")).resolvingSymlinksInPath().path
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let fib = Harness.examples.appendingPathComponent("fib/fib.c").path
    let compiled = Harness.doscCompile([fib, "-O2", "-o", scratch + "/fib"])
    try #require(compiled.status == 0, "\(compiled.diagnostics)")
    let sidecar = try Manifest.decode(Data(contentsOf: URL(fileURLWithPath: scratch + "/fib.dosc.json")))
    #expect(try Self.manifests(in: scratch + "/fib") == [sidecar])
    try Self.expectNotAllocated(scratch + "/fib")
    let environment = ["DOSC_THREADS": "2", "DOSC_TRACE": "1"]
    let withSidecar = try Harness.run([scratch + "/fib", "20"], environment: environment)
    try FileManager.default.removeItem(atPath: scratch + "/fib.dosc.json")
    let without = try Harness.run([scratch + "/fib", "20"], environment: environment)
    #expect(without.stdout == "fib(20) = 6765\n" && !without.stderr.contains("warning"), "\(without.stderr)")
    #expect(without.stderr.contains("manifest in \(scratch)/fib (.dosc.manifest section) (read)"), "\(without.stderr)")
    let sites = { (run: Harness.Run) in run.stderr.split(separator: "\n").filter { $0.hasPrefix("dosc: site") } }
    #expect(sites(without) == sites(withSidecar) && sites(without).count == 3, "\(without.stderr)")
  }

  /// A plain `cc` link concatenates the objects' fragments; the runtime matches each unit to
  /// its own by source hash. Editing a site's binding inside main.o's fragment shows that what
  /// the program binds comes from there.
  @Test func plainCCLinkUsesTheConcatenatedFragments() throws {
    let expected = try BuildIntegrationTests.plainOutput()
    let scratch = try Self.compiledProject("objsec-plain")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let runtime = Harness.repository.path + "/Runtime/build/libdosc.a"
    let linked = try Self.sh("cd \(scratch) && cc main.o kernels.o \(runtime) -ljansson -pthread -o linked")
    try #require(linked.status == 0, "\(linked.stderr)")
    #expect(try Self.manifests(in: scratch + "/linked").map(\.sources) == [["main.c"], ["kernels.c"]])
    let (run, sites) = try Self.traced(scratch + "/linked")
    #expect(run.status == 0 && run.stdout == expected)
    #expect(!run.stderr.contains("warning"), "\(run.stderr)")
    #expect(run.stderr.contains("manifest in \(scratch)/linked (.dosc.manifest section) (read)"), "\(run.stderr)")
    // No link defined the work functions: the work is unknown, the sites are bound local.
    #expect(sites.count == 2 && sites.allSatisfy { $0.contains(": local - 2 threads; work unknown") }, "\(run.stderr)")

    var fragment = try #require(try Self.manifests(in: scratch + "/main.o").first)
    fragment.sites[0].binding = .inline
    try ObjectManifestSection.contents([fragment]).write(to: URL(fileURLWithPath: scratch + "/edited"))
    let edited = try Self.sh(
      """
      cd \(scratch)
      objcopy --update-section .dosc.manifest=edited main.o
      cc main.o kernels.o \(runtime) -ljansson -pthread -o edited-linked
      """)
    try #require(edited.status == 0, "\(edited.stderr)")
    let (editedRun, editedSites) = try Self.traced(scratch + "/edited-linked")
    #expect(editedRun.stdout == expected && !editedRun.stderr.contains("warning"), "\(editedRun.stderr)")
    #expect(editedSites.first?.contains("mm_rows (main.c:16:5): inline") == true, "\(editedRun.stderr)")
    #expect(editedSites.last?.contains(": local") == true, "\(editedRun.stderr)")
  }

  /// A corrupt section, or section headers that point past the end of the file: one warning,
  /// compiled-in decisions, the right output.
  @Test(arguments: ["not json", "stale", "headers"])
  func damagedSectionGivesOneWarning(_ damage: String) throws {
    let expected = try BuildIntegrationTests.plainOutput()
    let scratch = try Self.compiledProject("objsec-\(damage.replacingOccurrences(of: " ", with: "-"))")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let runtime = Harness.repository.path + "/Runtime/build/libdosc.a"
    let linked = try Self.sh("cd \(scratch) && cc main.o kernels.o \(runtime) -ljansson -pthread -o prog")
    try #require(linked.status == 0, "\(linked.stderr)")
    let program = scratch + "/prog"
    let why: String
    switch damage {
    case "not json":
      try Data("{\"schema\": \"dosc-manifest/1\", \"sites\": [\u{0}".utf8).write(
        to: URL(fileURLWithPath: scratch + "/bad"))
      why = "is not a JSON object"
    case "stale":
      var fragment = try #require(try Self.manifests(in: scratch + "/main.o").first)
      fragment.sourceHash = String(repeating: "0", count: 64)
      try ObjectManifestSection.contents([fragment]).write(to: URL(fileURLWithPath: scratch + "/bad"))
      why = "stale: none of the 1 manifests in it is for source_hash"
    default:
      // e_shoff (ELF64 offset 40) far past the end: the loader never reads section headers,
      // so the program runs, and the runtime must not trust them.
      var image = try Data(contentsOf: URL(fileURLWithPath: program))
      image.replaceSubrange(40..<48, with: [0xF0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x00])
      try image.write(to: URL(fileURLWithPath: program))
      why = "its section headers are unreadable"
    }
    if damage != "headers" {
      let updated = try Harness.run(["objcopy", "--update-section", ".dosc.manifest=\(scratch)/bad", program])
      try #require(updated.status == 0, "\(updated.stderr)")
    }
    let run = try Harness.run([program, "96"], environment: ["DOSC_THREADS": "2"])
    #expect(run.status == 0 && run.stdout == expected)
    let lines = run.stderr.split(separator: "\n")
    #expect(
      lines.count == 1 && lines[0].hasPrefix("dosc: warning: \(program) (.dosc.manifest section): "), "\(run.stderr)")
    #expect(run.stderr.contains(why) && run.stderr.hasSuffix(": using compiled-in defaults\n"), "\(run.stderr)")
  }

  /// The ELF reader the tool shares with the runtime (Runtime/src/elf_section.c): more than
  /// 65280 sections (ELF's extended numbering, as -ffunction-sections gives a large file), and
  /// damaged bytes anywhere in an object: a manifest, an error or nothing, never a crash.
  @Test func elfReaderTakesExtendedNumberingAndSurvivesDamage() throws {
    let scratch = try Self.compiledProject("objsec-elf")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let fragment = try #require(try Self.manifests(in: scratch + "/kernels.o").first)
    try ObjectManifestSection.contents([fragment]).write(to: URL(fileURLWithPath: scratch + "/fragment"))
    let sections = (0..<66_000).map { ".section .t\($0),\"a\"\n.byte 1\n" }.joined()
    try sections.write(toFile: scratch + "/many.s", atomically: true, encoding: .utf8)
    let built = try Self.sh(
      """
      cd \(scratch)
      cc -c many.s -o many.o
      cp many.o added.o
      objcopy --add-section .dosc.manifest=fragment --set-section-flags .dosc.manifest=noload,readonly many.o
      readelf -h many.o
      """)
    try #require(built.status == 0, "\(built.stderr)")
    #expect(built.stdout.contains("Number of section headers:         0 (66"), "\(built.stdout)")
    let many = try Data(contentsOf: URL(fileURLWithPath: scratch + "/many.o"))
    #expect(try ObjectManifestSection.manifests(inELF: many) == [fragment])
    // dosc's own writer (dosc_elf_add_section, what dosc-cc adds plain fragments with) extends
    // such a table too; readelf and objcopy read the result as they read objcopy's.
    let contents = try ObjectManifestSection.contents([fragment])
    var why: UnsafePointer<CChar>?
    let added = contents.withUnsafeBytes {
      dosc_elf_add_section(scratch + "/added.o", ObjectManifestSection.name, $0.baseAddress, $0.count, &why)
    }
    #expect(added == 0, "\(why.map { String(cString: $0) } ?? "")")
    #expect(
      try ObjectManifestSection.manifests(inELF: Data(contentsOf: URL(fileURLWithPath: scratch + "/added.o")))
        == [fragment])
    let read = try Self.sh(
      "cd \(scratch) && readelf -h added.o && objcopy --remove-section .dosc.manifest added.o removed.o && readelf -h removed.o"
    )
    #expect(read.status == 0, "\(read.stderr)")
    #expect(read.stdout.contains("Number of section headers:         0 (66"), "\(read.stdout)")
    #expect(read.stderr.isEmpty, "\(read.stderr)")

    let object = try Data(contentsOf: URL(fileURLWithPath: scratch + "/main.o"))
    #expect(try ObjectManifestSection.manifests(inELF: object).count == 1)
    var generator = SystemRandomNumberGenerator()
    for round in 0..<3000 {
      var damaged = round % 3 == 0 ? object.prefix(Int.random(in: 0..<object.count, using: &generator)) : object
      for _ in 0..<(1 + round % 4) where !damaged.isEmpty {
        let at = damaged.startIndex + Int.random(in: 0..<min(damaged.count, round % 2 == 0 ? 64 : damaged.count))
        damaged[at] = UInt8.random(in: 0...255, using: &generator)
      }
      _ = try? ObjectManifestSection.manifests(inELF: Data(damaged))
    }
  }

  /// `-o /dev/null` compiles into the device and leaves no file beside it.
  @Test func compilingToDevNullWritesNothingElse() throws {
    let scratch = try BuildIntegrationTests.copyOfProject("objsec-devnull")
    defer { try? FileManager.default.removeItem(atPath: scratch) }
    let dosc = try BuildIntegrationTests.dosc()
    let built = try Self.sh(
      "cd \(scratch) && \(dosc) cc -O2 -c main.c -o /dev/null && \(dosc) cc -c kernels.c -o /dev/null")
    #expect(built.status == 0, "\(built.stderr)")
    #expect(!Harness.exists("/dev/null.dosc.json"))
    let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
    #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
  }
}
