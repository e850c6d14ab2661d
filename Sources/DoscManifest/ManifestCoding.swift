import COpenSSL
import Foundation

extension Manifest {
  /// The manifest as written to disk: pretty, sorted keys, trailing newline.
  public func encoded() throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(self)
    data.append(UInt8(ascii: "\n"))
    return data
  }

  public static func decode(_ data: Data) throws -> Manifest {
    try JSONDecoder().decode(Manifest.self, from: data)
  }

  /// SHA-256 over the analyzed sources and the flags that shaped them: a sidecar whose hash
  /// differs from the one compiled into a binary was not made for it.
  public static func sourceHash(sources: [(name: String, contents: Data)], flags: [String]) -> String {
    var hasher = SHA256Hasher()
    for source in sources {
      hasher.update(Data(source.name.utf8))
      hasher.update(Data([0]))
      hasher.update(source.contents)
      hasher.update(Data([0]))
    }
    for flag in flags {
      hasher.update(Data(flag.utf8))
      hasher.update(Data([0]))
    }
    return hasher.finalize().map { String(format: "%02x", $0) }.joined()
  }
}
