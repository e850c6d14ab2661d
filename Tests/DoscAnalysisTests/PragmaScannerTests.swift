import CSyntax
import Testing

/// The scanner reads a file's `#pragma dosc` lines as the compiler reads them: after line
/// splicing, with comments as blanks, a `%:` digraph as `#`, NUL bytes ignored, and its
/// locations and ranges in the file's own offsets.
@Suite struct PragmaScannerTests {
  private func directives(_ text: String, trigraphs: Trigraphs = .ignored) -> [String] {
    PragmaScanner.scan(text, file: "f.c", trigraphs: trigraphs).pragmas.map {
      $0.tokens.map(\.spelling).joined(separator: " ")
    }
  }

  @Test func aSpliceInsideAWordJoinsIt() {
    // The compiler sees `#pragma dosc taskwait`; the old scanner saw `task` with a clause `wait`.
    #expect(directives("#pragma dosc task\\\nwait\n") == ["taskwait"])
    #expect(directives("#pra\\\r\ngma do\\\nsc task\n") == ["task"])
    #expect(directives("#\\\npragma dosc \\\ntask\n") == ["task"])
  }

  @Test func aBackslashBeforeBlanksAndANewlineStillSplices() {
    // gcc and clang splice there (with a warning), so the pragma is inside the comment.
    #expect(directives("// note \\  \n#pragma dosc task\nf();\n").isEmpty)
    #expect(directives("// note \\\t\r\n#pragma dosc task\nf();\n").isEmpty)
  }

  @Test func aCommentAfterADirectiveHidesTheLinesItSpans() {
    let text = "#define SPARE 1 /* disabled:\n#pragma dosc task\n*/\n#pragma dosc taskwait\n"
    #expect(directives(text) == ["taskwait"])
    // A comment spanning lines inside the pragma is one blank: the pragma goes on after it.
    #expect(directives("#pragma dosc /* a\n b */ taskwait\nf();\n") == ["taskwait"])
  }

  @Test func theDigraphIsAHash() {
    #expect(directives("  %:pragma dosc taskwait\n") == ["taskwait"])
    #expect(directives("x %:pragma dosc taskwait\n").isEmpty)
  }

  @Test func aNulByteIsABlank() {
    #expect(directives("#pragma dosc taskwait\u{0}\n") == ["taskwait"])
    #expect(directives("\u{0}#pragma dosc\u{0}task\n") == ["task"])
  }

  @Test func anIdentifierEndingInPragmaIsNoOperator() {
    #expect(PragmaScanner.scan("my_Pragma(\"dosc taskwait\");\n", file: "f.c").operators.isEmpty)
    #expect(PragmaScanner.scan("x; _Pragma(\"dosc taskwait\")\n", file: "f.c").operators.count == 1)
  }

  @Test func locationsAndRangesAreTheFilesOffsetsInACRLFFileWithSplices() throws {
    let text = "int a = 1 + \\\r\n  2;\r\nvoid f(void) {\r\n#pragma dosc task\\\r\nwait\r\n}\r\n"
    let scan = PragmaScanner.scan(text, file: "f.c")
    try #require(scan.pragmas.count == 1)
    let pragma = scan.pragmas[0]
    let bytes = Array(text.utf8)
    let hash = bytes.firstIndex(of: UInt8(ascii: "#"))!
    #expect(pragma.location.line == 4 && pragma.location.column == 1 && pragma.location.offset == hash)
    // The range runs to the CR before the newline that ends the spliced line.
    #expect(String(decoding: bytes[pragma.range], as: UTF8.self) == "#pragma dosc task\\\r\nwait\r")
  }

  @Test func aFileThatIsNotUTF8KeepsItsOffsets() {
    // A Latin-1 byte before the pragma: decoding it as UTF-8 would have moved the pragma.
    let file: [UInt8] = Array("/* caf".utf8) + [0xE9] + Array(" */\n#if 0\n#pragma dosc taskwait\n#endif\n".utf8)
    let skipped = file.firstIndex(of: UInt8(ascii: "#"))!..<file.count
    #expect(PragmaScanner.scan(bytes: file, file: "h.h", skippedRanges: [skipped]).pragmas.isEmpty)
    let located = PragmaScanner.scan(bytes: file, file: "h.h").pragmas.map(\.location.offset)
    #expect(located == [Array(file).firstIndex(of: UInt8(ascii: "p"))! - 1])
  }

  @Test func trigraphsAreReadWhereTheCompilerReplacesThem() {
    // `clang -std=c11 -E`: `??=` is `#`, `??/` before a newline splices, `??(` is `[`.
    #expect(directives("  ??=pragma dosc taskwait\n", trigraphs: .replaced) == ["taskwait"])
    #expect(directives("#pragma dosc task??/\nwait\n", trigraphs: .replaced) == ["taskwait"])
    #expect(directives("// note ??/\n#pragma dosc task\nf();\n", trigraphs: .replaced).isEmpty)
    #expect(
      directives("#pragma dosc task depend(in: a??(0??))\n", trigraphs: .replaced) == ["task depend ( in : a [ 0 ] )"])
    // An escaped quote spelled `??/"` does not end the literal: the `/*` after it opens a comment.
    let quoted = "x = \"??/\"\" /* \";\n#pragma dosc taskwait\n */\n"
    #expect(directives(quoted, trigraphs: .replaced).isEmpty)
    #expect(directives(quoted) == ["taskwait"])
    let locations = PragmaScanner.scan("x;\n ??=pragma dosc taskwait\n", file: "f.c", trigraphs: .replaced).pragmas
    #expect(locations.map(\.location.line) == [2] && locations.map(\.location.column) == [2])
    #expect(locations.map(\.range) == [4..<27])
    // In the GNU modes (the default) they are three characters, as clang and gcc leave them.
    #expect(directives("  ??=pragma dosc taskwait\n").isEmpty)
    #expect(directives("// note ??/\n#pragma dosc task\nf();\n") == ["task"])
    #expect(directives("#pragma dosc task??/\nwait\n") == ["task ? ? /"])
  }

  @Test func theFlagsDecideWhetherTrigraphsAreReplaced() {
    // As `clang -E` and `gcc -E` do (the ISO C modes replace them; C23 only in gcc and the
    // libclang dosc analyzes with, and dosc follows those).
    let replaced: [[String]] = [
      ["-std=c89"], ["-std=c99"], ["-std=c11"], ["-std=c17"], ["-std=iso9899:1990"], ["-std=iso9899:199409"],
      ["-ansi"], ["--std=c11"], ["--std", "c11"], ["-trigraphs"], ["-std=gnu11", "-ftrigraphs"],
      ["-std=gnu11", "-std=c11"], ["-std=c2x"],
    ]
    let ignored: [[String]] = [
      [], ["-O2"], ["-std=gnu11"], ["-std=gnu89"], ["-std=c11", "-fno-trigraphs"], ["-std=c11", "-std=gnu17"],
      ["-trigraphs", "-fno-trigraphs"],
    ]
    for flags in replaced { #expect(Trigraphs(compilerFlags: flags) == .replaced, "\(flags)") }
    for flags in ignored { #expect(Trigraphs(compilerFlags: flags) == .ignored, "\(flags)") }
  }

  @Test func commentsAreReportedInTheFilesOffsets() {
    let text = "a = \"/* no */\"; // one \\\n still\n#define X 1 /* two\n */ b\n'//'; /\\\n* three */\n"
    let comments = PragmaScanner.scan(text, file: "f.c").comments
    let bytes = Array(text.utf8)
    #expect(
      comments.map { String(decoding: bytes[$0], as: UTF8.self) } == [
        "// one \\\n still", "/* two\n */", "/\\\n* three */",
      ])
  }
}
