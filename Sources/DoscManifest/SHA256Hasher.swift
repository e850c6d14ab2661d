import COpenSSL
import Foundation

/// SHA-256 through the system's libcrypto (EVP interface): streaming updates, one digest.
struct SHA256Hasher: ~Copyable {
  private let context: OpaquePointer

  init() {
    guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
      fatalError("libcrypto cannot start a SHA-256 digest")
    }
    self.context = context
  }

  deinit { EVP_MD_CTX_free(context) }

  mutating func update(_ data: Data) {
    data.withUnsafeBytes { bytes in
      _ = EVP_DigestUpdate(context, bytes.baseAddress, bytes.count)
    }
  }

  consuming func finalize() -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
    var length: UInt32 = 0
    EVP_DigestFinal_ex(context, &digest, &length)
    return Array(digest.prefix(Int(length)))
  }
}
