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
    .executable(name: "dosc", targets: ["dosc"]),
    // `dosc cc` for the plain compiles of a build, in C: starts in a millisecond, runs dosc otherwise.
    .executable(name: "dosc-cc", targets: ["DoscCCLauncher"]),
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
        "ClangFrontend", "CSyntax", "DoscAnalysis", "DoscCC", "DoscELF", "DoscManifest", "DoscRewrite", "DoscSupport",
      ]),
    .target(
      name: "DoscRewrite", dependencies: ["DoscAnalysis", "CSyntax", "DoscManifest", "DoscPolicy", "DoscSupport"]),
    .target(
      name: "DoscAnalysis",
      dependencies: ["CSyntax", "SymbolicAlgebra", "DoscManifest", "DoscSupport"]),
    .target(
      name: "DoscManifest",
      dependencies: ["SymbolicAlgebra", "DoscSupport", "DoscCC"]),
    .target(name: "SymbolicAlgebra"),
    // `dosc explain` and `dosc calibrate`: the runtime's cost model (DoscPolicy) over a sidecar and a profile.
    .target(
      name: "DoscExplain", dependencies: ["DoscDriver", "DoscManifest", "DoscPolicy", "DoscSupport", "SymbolicAlgebra"]),
    // Runtime/src/policy.c, compiled into the tool too (see Sources/DoscPolicy/policy.c).
    .target(name: "DoscPolicy", cSettings: [.headerSearchPath("../../Runtime/include")]),
    // Runtime/src/elf_section.c, compiled into the tool too (see Sources/DoscELF/elf_section.c).
    .target(name: "DoscELF"),
    // What dosc cc does for a file without pragmas (option table, source hash, plain fragment),
    // shared by the dosc-cc launcher and the tool.
    .target(name: "DoscCC", dependencies: ["DoscELF"]),
    .executableTarget(name: "DoscCCLauncher", dependencies: ["DoscCC"]),
    .target(name: "CSyntax", dependencies: ["DoscSupport"]),
    .target(name: "DoscSupport", dependencies: ["DoscInterrupt"]),
    // The temporaries a signal must not leave behind: a handler in C (Swift cannot write one safely).
    .target(name: "DoscInterrupt"),
    // libclang is imported here and nowhere else.
    .systemLibrary(name: "CClang"),
    .target(
      name: "ClangFrontend",
      dependencies: ["CClang", "CSyntax", "DoscSupport"],
      swiftSettings: [.unsafeFlags(["-Xcc", "-I\(llvm)/include"])],
      linkerSettings: [.unsafeFlags(["-L\(llvm)/lib", "-Xlinker", "-rpath", "-Xlinker", "\(llvm)/lib"])]),
    .testTarget(
      name: "DoscCompileTests",
      dependencies: ["DoscCC", "DoscDriver", "DoscExplain", "DoscPolicy", "DoscRewrite", "DoscSupport"],
      exclude: ["Inputs"]),
    .testTarget(name: "SymbolicAlgebraTests", dependencies: ["SymbolicAlgebra"]),
    .testTarget(
      name: "DoscAnalysisTests",
      dependencies: ["DoscDriver", "DoscAnalysis", "ClangFrontend", "CSyntax", "DoscManifest", "SymbolicAlgebra"],
      exclude: ["Golden", "Inputs"]),
  ]
)
