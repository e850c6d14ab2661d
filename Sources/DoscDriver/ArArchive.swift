import DoscSupport
import Foundation

/// The members of a Unix `ar` archive (`libx.a`) as GNU and BSD `ar` write them, and of a GNU
/// thin archive (`ar rcT`), which stores only the names of its members: those are files,
/// named relative to the archive. Only what a link sees: the symbol tables are skipped.
struct ArArchive {
  struct Member {
    var name: String
    var contents: Data
  }

  static let magic = Data("!<arch>\n".utf8)
  static let thinMagic = Data("!<thin>\n".utf8)

  static func isArchive(_ data: Data) -> Bool {
    data.starts(with: magic) || data.starts(with: thinMagic)
  }

  struct Malformed: Error, CustomStringConvertible {
    var description: String
  }

  /// The members of the archive `data` read from `path`, in order.
  static func members(of data: Data, at path: String) throws -> [Member] {
    let thin = data.starts(with: thinMagic)
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var members: [Member] = []
    var longNames = Data()
    var position = data.startIndex + magic.count
    while position < data.endIndex {
      // A 60-byte header: name[16] date[12] uid[6] gid[6] mode[8] size[10] "`\n".
      guard data.endIndex - position >= 60, data[position + 58] == UInt8(ascii: "`"),
        data[position + 59] == UInt8(ascii: "\n"),
        let size = Int(field(data, position + 48, 10)), size >= 0
      else { throw Malformed(description: "malformed member header at offset \(position - data.startIndex)") }
      var name = field(data, position, 16)
      var start = position + 60
      // Special members carry their data even in a thin archive.
      let special = name == "/" || name == "//" || name == "/SYM64/" || name.hasPrefix("__.SYMDEF")
      let stored = !thin || special
      guard !stored || size <= data.endIndex - start else {
        throw Malformed(description: "member '\(name)' runs past the end of the archive")
      }
      var length = size
      if name == "//" {
        longNames = data[start..<start + size]
      } else if name.hasPrefix("#1/"), let nameLength = Int(name.dropFirst(3)), nameLength <= size {
        // BSD: the name is the first bytes of the data.
        name = String(decoding: data[start..<start + nameLength], as: UTF8.self)
          .trimmingCharacters(in: CharacterSet(charactersIn: "\0"))
        start += nameLength
        length -= nameLength
      } else if name.hasPrefix("/"), let offset = Int(name.dropFirst()) {
        // GNU: "/N" is the name at offset N of the "//" member, ended by "/\n".
        guard offset < longNames.count else { throw Malformed(description: "bad long member name '\(name)'") }
        let names = longNames[(longNames.startIndex + offset)...]
        let end = names.firstIndex(of: UInt8(ascii: "\n")) ?? names.endIndex
        name = String(decoding: names[names.startIndex..<end], as: UTF8.self)
      }
      if name.hasSuffix("/") { name.removeLast() }  // GNU ends short names with '/'
      if !special {
        if thin {
          let file = name.hasPrefix("/") ? name : directory + "/" + name
          guard let contents = try? Data(contentsOf: URL(fileURLWithPath: file), options: .alwaysMapped) else {
            throw Malformed(description: "cannot read its member '\(file)'")
          }
          members.append(Member(name: name, contents: contents))
        } else {
          members.append(Member(name: name, contents: data[start..<start + length]))
        }
      }
      if stored {
        position = start + length + (size % 2)
      }  // data is padded to an even size
      else {
        position += 60
      }
    }
    return members
  }

  /// A space-padded header field.
  private static func field(_ data: Data, _ start: Int, _ width: Int) -> String {
    String(decoding: data[start..<start + width], as: UTF8.self).trimmingCharacters(in: .whitespaces)
  }
}
