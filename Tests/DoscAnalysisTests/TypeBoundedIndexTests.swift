import DoscManifest
import Testing

/// Indices that are data but bounded by their type or an operator (`BoundedValues`): a byte or
/// `uint16_t` loaded from memory, a `bool`, a `signed char`, `x & MASK`; and integer conversions,
/// which wrap (`unsigned char c = 300` is 44): each figure is stated exactly as the type allows,
/// where it used to be null (or, for the conversions, short of the truth).
@Suite struct TypeBoundedIndexTests {
  /// The figures of parameter `name` of `task`, defined by `definition`, spawned from `main`.
  private func parameter(_ name: String, of definition: String, task: String = "task") throws -> Manifest.Parameter {
    let source = """
      #include <stdbool.h>
      #include <stddef.h>
      #include <stdint.h>
      \(definition)
      int main(void) {
      #pragma dosc task
        \(task)(0, 0, 0, 0);
        return 0; }
      """
    return try Fixtures.analyze(source: source).0.task(task).param(name)
  }

  private func expectRange(
    _ a: Manifest.Parameter, first: ManifestExpression, count: ManifestExpression, _ what: String
  ) {
    #expect(a.first == first && a.count == count, "\(what): first \(a.first), count \(a.count)")
  }

  @Test func bytesShortsAndBoolsLoadedFromMemoryIndexWithinTheirTypesRange() throws {
    let shapes: [(String, ManifestExpression, ManifestExpression)] = [
      ("for (int i = 0; i < n; i++) a[(unsigned char)s[i]]++;", .number(0), .number(256)),
      ("for (int i = 0; i < n; i++) a[u8[i]]++;", .number(0), .number(256)),
      ("for (int i = 0; i < n; i++) a[u16[i]]++;", .number(0), .number(65536)),
      ("for (int i = 0; i < n; i++) a[s8[i]]++;", .number(-128), .number(256)),
      ("for (int i = 0; i < n; i++) a[2 * i + f[i]]++;", .number(0), .formula("2*n")),
      ("for (int i = 0; i < n; i++) a[c * 256 + u8[i]]++;", .formula("256*c"), .number(256)),
      ("for (int i = 0; i < n; i++) a[c * 16 + (k[i] >> c & 15)]++;", .formula("16*c"), .number(16)),
      ("for (int i = 0; i < n; i++) a[k[i] & 1023]++;", .number(0), .number(1024)),
      // A `char` the loop changes: one of its values.
      ("unsigned char b = 0; for (int i = 0; i < n; i++) { a[b] = 1; b = u8[i] ^ b; }", .number(0), .number(256)),
    ]
    for (body, first, count) in shapes {
      let a = try parameter(
        "a",
        of: """
          void task(int *a, int n, int c, const char *s) {
            extern const unsigned char *u8; extern const uint16_t *u16; extern const signed char *s8;
            extern const bool *f; extern const int *k;
            \(body)
          }
          """)
      expectRange(a, first: first, count: count, body)
    }
  }

  @Test func aMaskOfAWrappingUnsignedSumIsNotTakenForTheSum() throws {
    // `c * 16u + d` is modulo 2^32: only a figure that surely fits is stated.
    let a = try parameter(
      "a",
      of: """
        void task(int *a, unsigned n, unsigned c, const unsigned *k) {
          for (unsigned i = 0; i < n; i++) a[c * 16 + (k[i] >> 4 & 15)]++;
        }
        """)
    #expect(a.first == .unknown)
    let b = try parameter(
      "a",
      of: """
        void task(int *a, unsigned n, unsigned c, const unsigned char *k) {
          for (unsigned i = 0; i < n; i++) a[k[i] * 16u + 15u]++;
        }
        """)
    expectRange(b, first: .number(15), count: .number(4081), "k[i] * 16u + 15u")
  }

  @Test func conversionsToNarrowerTypesWrapAsCDoes() throws {
    let shapes: [(String, ManifestExpression, ManifestExpression)] = [
      ("unsigned char c = 300; a[c] = 1;", .number(44), .number(1)),
      ("short s = 40000; a[s + 32768] = 1;", .number(7232), .number(1)),
      ("signed char c = 200; a[c + 128] = 1;", .number(72), .number(1)),
      ("bool b = 7; a[b] = 1;", .number(1), .number(1)),
      ("a[(unsigned char)-1] = 1;", .number(255), .number(1)),
      ("a[(signed char)200 + 128] = 1;", .number(72), .number(1)),
      // A loop's values past the type's: any of its values.
      ("for (int i = 0; i < n; i++) { unsigned char c = i + 250; a[c] = 1; }", .number(0), .number(256)),
      ("for (int i = 0; i < n; i++) { signed char c = i; a[c + 128] = 1; }", .number(0), .number(256)),
      ("for (int i = 0; i < n; i++) { bool b = i - 1; a[b] = 1; }", .number(0), .number(2)),
      // Values that fit stay exact.
      ("for (int i = 0; i < 100; i++) { unsigned char c = i + 100; a[c] = 1; }", .number(100), .number(100)),
    ]
    for (body, first, count) in shapes {
      let a = try parameter("a", of: "void task(float *a, int n, int m, int d) { \(body) }")
      expectRange(a, first: first, count: count, body)
    }
  }

  @Test func loopsOfNarrowVariablesCountOnlyWhereTheyCannotWrap() throws {
    let shapes: [(String, ManifestExpression, ManifestExpression)] = [
      // 250, ..., 255, 0, ..., 3: ten elements, not 4 - 250.
      ("for (unsigned char c = 250; c != 4; c++) a[c] = 1;", .number(0), .number(256)),
      ("for (unsigned short c = 65530; c != 3; c++) a[c] = 1;", .number(0), .number(65536)),
      ("for (signed char c = 5; c < n; c++) { a[c + 128] = 1; if (c == 4) return; }", .number(0), .number(256)),
      // From the type's least value by one: a wrap comes back to the start.
      ("for (unsigned char c = 0; c < n; c++) a[c] = 1;", .number(0), .formula("n")),
      ("for (unsigned char c = 10; c < 20; c++) a[c] = 1;", .number(10), .number(10)),
      // A wrap never ends a loop with no way out but its test; one with a `break` may stop
      // after it.
      ("for (signed char c = 0; c < n; c++) a[c + 128] = 1;", .number(128), .formula("n")),
      ("for (signed char c = 0; c < n; c++) { if (a[c + 128] > 5) break; a[c + 128] = 1; }", .number(0), .number(256)),
    ]
    for (body, first, count) in shapes {
      let a = try parameter("a", of: "void task(float *a, int n, int m, int d) { \(body) }")
      expectRange(a, first: first, count: count, body)
    }
  }

  @Test func argumentsConvertToTheCalleesParameterTypes() throws {
    let helper = "static void put(float *a, unsigned char c) { a[c] = 1; }\n"
    let once = try parameter("a", of: helper + "void task(float *a, int n, int m, int d) { put(a, 300); }")
    expectRange(once, first: .number(44), count: .number(1), "put(a, 300)")
    // `i` past 255 wraps: the callee's figure in `c` is not the caller's in `i`.
    let looped = try parameter(
      "a", of: helper + "void task(float *a, int n, int m, int d) { for (int i = 0; i < n; i++) put(a, i); }")
    #expect(looped.first == .unknown)
    let fits = try parameter(
      "a", of: helper + "void task(float *a, int n, int m, int d) { for (int i = 0; i < 200; i++) put(a, i); }")
    expectRange(fits, first: .number(0), count: .number(200), "put(a, i) for i < 200")
  }

  @Test func unsignedQuotientsAndRemaindersByNegativeConstantsAreUnknown() throws {
    // `(size_t)-4` is 2^64 - 4: `i % (size_t)-4` is `i` (it was [0, 4)), `i / -4` is 0.
    for body in [
      "for (size_t i = 0; i < n; i++) a[i % (size_t)-4] = 1;",
      "for (size_t i = 0; i < n; i++) a[(i + 8) / -4 + 2] = 1;",
      "for (size_t i = 0; i < n; i++) a[i % -4] = 1;",
    ] {
      let a = try parameter("a", of: "void task(float *a, size_t n, int c, int d) { \(body) }")
      #expect(a.first == .unknown, "\(body): \(a.first)")
    }
  }

  @Test func unsignedProductsAreExactOnlyWhereTheyCannotWrap() throws {
    // Parboil histo's `memset(h, 0, w * h * sizeof(unsigned))`: `w * h` is modulo 2^32 for
    // `unsigned` sizes, so at most w*h, never dense (`UnsignedWrapBoundTests`); in `size_t`, or
    // of promoted `unsigned short`s, it is exact.
    let cases: [(String, ManifestExpression)] = [
      ("unsigned w, unsigned h", .formula("h*w")), ("size_t w, size_t h", .formula("h*w")),
      ("unsigned short w, unsigned short h", .formula("h*w")), ("int w, int h", .formula("h*w")),
    ]
    for (parameters, count) in cases {
      let a = try parameter(
        "a", of: "void task(unsigned *a, \(parameters), int n) { __builtin_memset(a, 0, w * h * sizeof(unsigned)); }")
      #expect(a.count == count, "\(parameters): \(a.count)")
      #expect(a.writeDense == !parameters.hasPrefix("unsigned w"), "\(parameters)")
    }
    let widened = try parameter(
      "a",
      of: "void task(unsigned *a, unsigned w, unsigned h, int n) { __builtin_memset(a, 0, (size_t)w * h * 4); }")
    #expect(widened.count == .formula("h*w"))
  }
}
