import CSyntax
import Testing

/// The scanner reads a file's `#pragma dosc` lines as the compiler reads them: after line
/// splicing, with comments as blanks, a `%:` digraph as `#`, NUL bytes ignored, and its
/// locations and ranges in the file's own offsets.
@Suite struct PragmaScannerTests {
  private func directives(_ text: String) -> [String] {
    PragmaScanner.scan(text, file: "f.c").pragmas.map { $0.tokens.map(\.spelling).joined(separator: " ") }
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
}
