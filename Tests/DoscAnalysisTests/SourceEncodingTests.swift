import ClangFrontend
import DoscSupport
import Foundation
import Testing

/// A byte that is not UTF-8 is read as `?` in a comment, and refused, located, anywhere else;
/// the comments are where the compiler finds them (`PragmaScanner`'s), splices and trigraphs
/// included.
@Suite struct SourceEncodingTests {
  /// Parses `bytes` written to a fresh `f.c` with `flags`: the lines of its pragmas, or where
  /// and what the error is.
  private func outcome(_ bytes: [UInt8], flags: [String] = []) throws -> String {
    let directory = try Fixtures.temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("f.c").path
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    do {
      return "pragmas at \(try ClangParser.parse(path: path, arguments: flags).pragmas.map(\.location.line))"
    } catch let failure as DiagnosedFailure {
      let error = failure.diagnostics.first
      return "\(error?.location.map { "\($0.line):\($0.column)" } ?? "-") \(error?.message.prefix(26) ?? "")"
    }
  }

  @Test func aCommentOpenedAcrossASpliceHoldsLatin1() throws {
    // `/\⏎*` opens a comment to the compiler: the old scanner saw a `/` and refused the é.
    let file = Array("/\\\n* caf".utf8) + [0xE9] + Array(" */\nvoid f(void) {\n#pragma dosc taskwait\n}\n".utf8)
    #expect(try outcome(file) == "pragmas at [4]")
  }

  @Test func aCommentGoesOnAfterATrigraphSpliceWhereTheCompilerReplacesTrigraphs() throws {
    // `??/` before the newline is a splice under -std=c11: the second line is in the comment.
    let file =
      Array("int one; // caf".utf8) + [0xE9] + Array(" ??/\n   na".utf8) + [0xEF] + Array("ve\nint two;\n".utf8)
    #expect(try outcome(file, flags: ["-std=c11"]) == "pragmas at []")
    // In the GNU modes it is not: the byte is in code, refused where it is.
    #expect(try outcome(file, flags: ["-std=gnu11"]) == "2:6 the byte 0xEF is not UTF-8")
  }

  @Test func aByteInAStringLiteralIsRefusedWhereItIs() throws {
    let file = Array("/* caf".utf8) + [0xE9] + Array(" */\nconst char *s = \"caf".utf8) + [0xE9] + Array("\";\n".utf8)
    #expect(try outcome(file) == "2:21 the byte 0xE9 is not UTF-8")
  }
}
