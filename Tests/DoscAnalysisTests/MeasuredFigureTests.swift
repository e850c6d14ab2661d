import DoscManifest
import Foundation
import Testing

/// The manifest's figures are right, not merely present: each example task runs once under
/// valgrind's lackey tool, which traces every load and store; the accesses that land in each
/// argument's array are counted and compared with the manifest's expressions evaluated at the
/// same argument values. Built at -O1 (at -O0 gcc loads the subscript of `a[b[i]] += 1` twice,
/// at -O2 it may vectorize), with byte-wise `memcpy`/`memset`, since glibc's overlap their loads.
@Suite(.serialized) struct MeasuredFigureTests {
  struct Case: Sendable, CustomStringConvertible {
    var example: String
    var task: String
    /// Arrays passed to the task: name, C element type, element count.
    var arrays: [(name: String, type: String, count: Int)]
    /// C statements run before the measured call (not measured).
    var setUp: String = ""
    var call: String
    var scalars: [String: Int]
    var description: String { example }
  }

  static let cases: [Case] = [
    Case(
      example: "vector", task: "axpy_block", arrays: [("x", "double", 64), ("y", "double", 64)],
      call: "axpy_block(0.5, x, y, 3, 41)", scalars: ["lo": 3, "hi": 41]),
    Case(
      example: "matmul", task: "mm_rows", arrays: [("A", "double", 64), ("B", "double", 64), ("C", "double", 64)],
      call: "mm_rows(A, B, C, 7, 2, 5)", scalars: ["n": 7, "lo": 2, "hi": 5]),
    Case(
      example: "stencil", task: "smooth", arrays: [("in", "double", 64), ("out", "double", 64)],
      call: "smooth(in, out, 4, 29)", scalars: ["lo": 4, "hi": 29]),
    Case(
      example: "histogram", task: "count_block", arrays: [("data", "int", 64)],
      call: "count_block(data, 5, 45)", scalars: ["lo": 5, "hi": 45]),
    Case(
      example: "nqueens", task: "nqueens", arrays: [("a", "char", 8)], setUp: "a[0] = 1; a[1] = 3;",
      call: "nqueens(5, 2, a)", scalars: ["n": 5, "j": 2]),
  ]

  struct Measured: Equatable {
    var reads = 0
    var writes = 0
    var lowest = Int.max
    var highest = Int.min
  }

  @Test(arguments: cases)
  func figuresMatchTracedAccesses(_ testCase: Case) throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example(testCase.example))
    let task = try manifest.task(testCase.task)
    let measured = try trace(testCase)
    for array in testCase.arrays {
      let parameter = try task.param(array.name)
      let counts = try #require(measured[array.name])
      #expect(try parameter.reads.value(testCase.scalars) == counts.reads, "reads of \(array.name): measured \(counts)")
      #expect(try parameter.writes.value(testCase.scalars) == counts.writes, "writes of \(array.name)")
      #expect(try parameter.first.value(testCase.scalars) == counts.lowest, "first of \(array.name)")
      #expect(
        try parameter.count.value(testCase.scalars) == counts.highest - counts.lowest + 1, "count of \(array.name)")
      let size = try #require(parameter.elementSize)
      #expect(try parameter.bytes.value(testCase.scalars) == (counts.highest - counts.lowest + 1) * size)
    }
  }

  /// Builds a harness around the example (its `main` renamed), runs the call under lackey and
  /// counts element accesses per array between the two stores to `dosc_marker`.
  private func trace(_ testCase: Case) throws -> [String: Measured] {
    let directory = try Fixtures.temporaryDirectory()
    let declarations = testCase.arrays.map { "static \($0.type) \($0.name)[\($0.count)];" }.joined(separator: "\n")
    let ranges = testCase.arrays.map {
      "fprintf(stderr, \"RANGE \($0.name) %p %zu %zu\\n\", (void *)\($0.name), sizeof \($0.name), sizeof \($0.name)[0]);"
    }.joined(separator: "\n  ")
    let harness = """
      #define main dosc_example_main
      #include "\(Fixtures.example(testCase.example))"
      #undef main
      volatile int dosc_marker;
      void *memcpy(void *d, const void *s, size_t n) {
        for (size_t i = 0; i < n; i++) ((volatile char *)d)[i] = ((const volatile char *)s)[i];
        return d;
      }
      void *memmove(void *d, const void *s, size_t n) { return memcpy(d, s, n); }
      void *memset(void *d, int c, size_t n) {
        for (size_t i = 0; i < n; i++) ((volatile char *)d)[i] = (char)c;
        return d;
      }
      \(declarations)
      int main(void) {
        \(ranges)
        fprintf(stderr, "MARKER %p\\n", (void *)&dosc_marker);
        \(testCase.setUp)
        dosc_marker = 1;
        \(testCase.call);
        dosc_marker = 2;
        return 0;
      }
      """
    let source = directory.appendingPathComponent("harness.c").path
    let binary = directory.appendingPathComponent("harness").path
    try harness.write(toFile: source, atomically: true, encoding: .utf8)
    let build = try Fixtures.shell("/usr/bin/cc", ["-O1", "-fno-builtin", "-w", source, "-o", binary, "-lm"])
    try #require(build.status == 0, "harness did not build: \(build.stderr)")
    let run = try Fixtures.shell(
      "/usr/bin/env", ["valgrind", "--tool=lackey", "--trace-mem=yes", "--log-fd=2", binary])
    try #require(run.status == 0, "valgrind failed; scripts/setup.sh installs it: \(run.stderr.suffix(500))")

    var arrays: [(name: String, base: Int, size: Int, element: Int)] = []
    var marker = 0
    var markerStores = 0
    var counts: [String: Measured] = [:]
    for line in run.stderr.split(separator: "\n") {
      let fields = line.split(separator: " ")
      if fields.first == "RANGE", fields.count == 5 {
        arrays.append(
          (String(fields[1]), Int(fields[2].dropFirst(2), radix: 16)!, Int(fields[3])!, Int(fields[4])!))
        counts[String(fields[1])] = Measured()
      } else if fields.first == "MARKER", fields.count == 2 {
        marker = Int(fields[1].dropFirst(2), radix: 16)!
      } else if fields.count == 2, ["L", "S", "M"].contains(fields[0]) {
        let parts = fields[1].split(separator: ",")
        guard parts.count == 2, let address = Int(parts[0], radix: 16), let size = Int(parts[1]) else { continue }
        if address == marker && fields[0] == "S" {
          markerStores += 1
          continue
        }
        guard markerStores == 1, let array = arrays.first(where: { (0..<$0.size).contains(address - $0.base) }) else {
          continue
        }
        let firstElement = (address - array.base) / array.element
        let elements = max(1, size / array.element)
        var entry = counts[array.name]!
        if fields[0] != "S" { entry.reads += elements }
        if fields[0] != "L" { entry.writes += elements }
        entry.lowest = min(entry.lowest, firstElement)
        entry.highest = max(entry.highest, firstElement + elements - 1)
        counts[array.name] = entry
      }
    }
    #expect(markerStores == 2, "lackey trace did not show both marker stores")
    return counts
  }
}
