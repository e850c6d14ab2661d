import CClang
import Foundation

/// The libclang dosc parses with, as `dosc --version` reports it.
public enum LibClang {
  /// libclang's own version string, e.g. `Debian clang version 14.0.6`.
  public static var version: String { consume(clang_getClangVersion()) }

  /// The shared object the dynamic linker loaded libclang from, as `/proc/self/maps` lists it
  /// (nil if it cannot say). (glibc's `dladdr` needs `_GNU_SOURCE`, which Swift's Glibc lacks.)
  public static var loadedFrom: String? {
    _ = clang_getClangVersion  // linked, so mapped by the time this runs
    // A /proc file has no size to read up to: read it as a stream.
    guard let file = FileHandle(forReadingAtPath: "/proc/self/maps") else { return nil }
    defer { try? file.close() }
    for line in String(decoding: file.readDataToEndOfFile(), as: UTF8.self).split(separator: "\n") {
      guard let slash = line.firstIndex(of: "/") else { continue }
      let path = String(line[slash...])
      if URL(fileURLWithPath: path).lastPathComponent.hasPrefix("libclang") { return path }
    }
    return nil
  }
}
