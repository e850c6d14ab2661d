// swift-tools-version:6.0
import Foundation
import PackageDescription

/// Debian's libclang-dev puts libclang under /usr/lib/llvm-N; use the newest one installed
/// (`scripts/setup.sh` installs it). DOSC_LLVM_DIR overrides the search.
func llvmDirectory() -> String {
  if let dir = ProcessInfo.processInfo.environment["DOSC_LLVM_DIR"] { return dir }
  let candidates = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib")) ?? [])
    .filter { $0.hasPrefix("llvm-") }
    .filter { FileManager.default.fileExists(atPath: "/usr/lib/\($0)/include/clang-c/Index.h") }
    .sorted { (Int($0.dropFirst(5)) ?? 0) < (Int($1.dropFirst(5)) ?? 0) }
  return "/usr/lib/" + (candidates.last ?? "llvm-14")
}
let llvm = llvmDirectory()

let package = Package(
  name: "dosc",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "dosc", targets: ["dosc"])
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0")
  ],
  targets: [
    // The thin executable: everything lives in libraries that tests import directly.
    .executableTarget(name: "dosc", dependencies: ["DoscCLI"]),
    .target(
      name: "DoscCLI",
      dependencies: [
        "DoscDriver", "DoscExplain", "DoscSupport",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .target(
      name: "DoscDriver",
      dependencies: [
        "ClangFrontend", "CSyntax", "DoscAnalysis", "DoscELF", "DoscManifest", "DoscRewrite", "DoscSupport",
      ]),
    .target(
      name: "DoscRewrite", dependencies: ["DoscAnalysis", "CSyntax", "DoscManifest", "DoscPolicy", "DoscSupport"]),
    .target(
      name: "DoscAnalysis",
      dependencies: ["CSyntax", "SymbolicAlgebra", "DoscManifest", "DoscSupport"]),
    .target(
      name: "DoscManifest",
      dependencies: ["SymbolicAlgebra", "DoscSupport", "COpenSSL"]),
    .target(name: "SymbolicAlgebra"),
    // `dosc explain` and `dosc calibrate`: the runtime's cost model (DoscPolicy) over a sidecar and a profile.
    .target(
      name: "DoscExplain", dependencies: ["DoscDriver", "DoscManifest", "DoscPolicy", "DoscSupport", "SymbolicAlgebra"]),
    // Runtime/src/policy.c, compiled into the tool too (see Sources/DoscPolicy/policy.c).
    .target(name: "DoscPolicy", cSettings: [.headerSearchPath("../../Runtime/include")]),
    // Runtime/src/elf_section.c, compiled into the tool too (see Sources/DoscELF/elf_section.c).
    .target(name: "DoscELF"),
    .target(name: "CSyntax", dependencies: ["DoscSupport"]),
    .target(name: "DoscSupport"),
    // libclang is imported here and nowhere else.
    .systemLibrary(name: "CClang"),
    // The system's OpenSSL libcrypto, for SHA-256 source hashes (Debian's libssl-dev).
    .systemLibrary(name: "COpenSSL"),
    .target(
      name: "ClangFrontend",
      dependencies: ["CClang", "CSyntax", "DoscSupport"],
      swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvm)/include"])],
      linkerSettings: [.unsafeFlags(["-L\(llvm)/lib", "-Xlinker", "-rpath", "-Xlinker", "\(llvm)/lib"])]),
    .testTarget(
      name: "DoscCompileTests",
      dependencies: ["DoscDriver", "DoscExplain", "DoscPolicy", "DoscRewrite", "DoscSupport"],
      exclude: ["Inputs"]),
    .testTarget(name: "SymbolicAlgebraTests", dependencies: ["SymbolicAlgebra"]),
    .testTarget(
      name: "DoscAnalysisTests",
      dependencies: ["DoscDriver", "DoscAnalysis", "ClangFrontend", "CSyntax", "DoscManifest", "SymbolicAlgebra"],
      exclude: ["Golden", "Inputs"]),
  ]
)
