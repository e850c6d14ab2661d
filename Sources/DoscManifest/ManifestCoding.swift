import DoscCC
import DoscSupport
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
  /// (dosc_source_hash, in C: the dosc-cc launcher hashes the units it compiles with it too.)
  public static func sourceHash(sources: [(name: String, contents: Data)], flags: [String]) -> String {
    let contents = sources.map { [UInt8]($0.contents) }
    return withCStrings(sources.map(\.name)) { names in
      withCStrings(flags) { flagPointers in
        contents.withUnsafeBufferPointers { buffers in
          let pointers = buffers.map { $0.baseAddress }
          var hex = [CChar](repeating: 0, count: 65)
          let lengths = contents.map(\.count)
          guard dosc_source_hash(sources.count, names, pointers, lengths, flags.count, flagPointers, &hex) == 0 else {
            fatalError("libcrypto cannot compute a SHA-256 digest")
          }
          return String(decoding: hex.prefix(64).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
      }
    }
  }
}

extension Array where Element == [UInt8] {
  /// Each array's bytes, all valid for the duration of `body`.
  fileprivate func withUnsafeBufferPointers<Result>(_ body: ([UnsafeBufferPointer<UInt8>]) -> Result) -> Result {
    var buffers: [UnsafeBufferPointer<UInt8>] = []
    var allocations: [UnsafeMutableBufferPointer<UInt8>] = []
    for bytes in self {
      let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: Swift.max(bytes.count, 1))
      _ = copy.initialize(from: bytes)
      allocations.append(copy)
      buffers.append(UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count))
    }
    defer { allocations.forEach { $0.deallocate() } }
    return body(buffers)
  }
}
