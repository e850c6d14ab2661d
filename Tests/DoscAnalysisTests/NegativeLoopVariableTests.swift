import DoscManifest
import Testing

/// Loop variables that run negative, named by their distance from their least value
/// (`CountedLoop.countedFromLeast`): each task of Tests/Oracle/task-negative-loop-distances.c
/// (null before, "may be negative") is compared with a run of the same loops here, at every
/// size of a window: its footprint must hold every element touched and its counts be no
/// smaller than the loads and stores made; where the renaming makes them exact, equal.
@Suite struct NegativeLoopVariableTests {
  private static let program = Fixtures.repository.appendingPathComponent(
    "Tests/Oracle/task-negative-loop-distances.c"
  ).path

  /// What a run touches through one pointer parameter.
  private struct Trace {
    var touched: Set<Int> = []
    var reads = 0
    var writes = 0
    mutating func read(_ index: Int) {
      touched.insert(index)
      reads += 1
    }
    mutating func write(_ index: Int) {
      touched.insert(index)
      writes += 1
    }
    mutating func update(_ index: Int) {
      read(index)
      write(index)
    }
  }

  private static let manifest = Result { try Fixtures.analyze(program).0 }

  /// Every combination of the values in `ranges`.
  private func window(_ ranges: [String: ClosedRange<Int>]) -> [[String: Int]] {
    ranges.reduce([[:]]) { points, range in
      points.flatMap { point in range.value.map { point.merging([range.key: $0]) { $1 } } }
    }
  }

  /// Checks `parameter` of `task` against `run` at every point of the window: never smaller
  /// than the truth, and equal to it where `exact` (else a null figure, which bounds nothing,
  /// passes). A negative count is read as none.
  private func check(
    _ task: String, _ parameter: String, over ranges: [String: ClosedRange<Int>], exact: Bool = true,
    _ run: ([String: Int]) -> Trace
  ) throws {
    let t = try Self.manifest.get().task(task)
    let p = try t.param(parameter)
    let known = { (figure: ManifestExpression) in exact || figure != .unknown }
    for values in window(ranges) {
      let truth = run(values)
      let at = "\(task).\(parameter) \(p) at \(values)"
      if known(p.reads) && known(p.writes) {
        let (reads, writes) = (max(try p.reads.value(values), 0), max(try p.writes.value(values), 0))
        #expect(reads >= truth.reads && writes >= truth.writes, "\(at)")
        if exact { #expect(reads == truth.reads && writes == truth.writes, "\(at)") }
      }
      guard let low = truth.touched.min(), let high = truth.touched.max(), known(p.first) && known(p.count) else {
        continue
      }
      let (first, count) = (try p.first.value(values), try p.count.value(values))
      #expect(first <= low && first + count > high, "\(at)")
      if exact { #expect(first == low && count == high - low + 1, "\(at)") }
    }
  }

  @Test func aConvolutionOverMinusRToR() throws {
    try check("conv", "in", over: ["n": 0...6, "r": 0...4]) { v in
      var trace = Trace()
      for i in stride(from: 0, to: v["n"]!, by: 1) {
        for k in stride(from: -v["r"]!, through: v["r"]!, by: 1) { trace.read(i + k + v["r"]!) }
      }
      return trace
    }
    let conv = try Self.manifest.get().task("conv")
    #expect(conv.remotable, "\(conv)")
  }

  @Test func loopsCountingDownIntoTheNegatives() throws {
    try check("down_to", "a", over: ["n": 0...9]) { v in
      var trace = Trace()
      for i in stride(from: v["n"]! - 1, through: -3, by: -1) { trace.update(i + 3) }
      return trace
    }
    try check("down_by_two", "a", over: ["n": 0...9]) { v in
      var trace = Trace()
      for i in stride(from: v["n"]!, through: -4, by: -2) { trace.update(i + 4) }
      return trace
    }
    try check("up_by_three", "a", over: ["n": 0...9]) { v in
      var trace = Trace()
      for i in stride(from: -5, to: v["n"]!, by: 3) { trace.update(i + 5) }
      return trace
    }
  }

  @Test func nestsWhoseVariablesBothRunNegative() throws {
    try check("block", "a", over: ["m": 0...5]) { v in
      var trace = Trace()
      let m = v["m"]!
      for i in -2...2 { for j in stride(from: -3, through: 3 + m, by: 1) { trace.update((i + 2) * (7 + m) + j + 3) } }
      return trace
    }
    try check("product", "a", over: ["m": 0...5], exact: false) { v in
      var trace = Trace()
      let m = v["m"]!
      for i in -3...3 { for j in stride(from: -m, through: m, by: 1) { trace.update(i * j + 3 * m) } }
      return trace
    }
  }

  @Test func theExitValueAfterTheLoop() throws {
    try check("exit_value", "b", over: ["n": 0...6], exact: false) { v in
      var trace = Trace()
      var i = v["n"]!
      while i > -4 { i -= 1 }
      trace.write(i + 4)
      return trace
    }
  }

  @Test func armsOnTheVariablesSignAndGuards() throws {
    try check("sign_arms", "a", over: ["n": 0...7], exact: false) { v in
      var trace = Trace()
      for i in stride(from: -v["n"]!, to: v["n"]!, by: 1) { trace.update(i < 0 ? -i : i + 10) }
      return trace
    }
    try check("box_row", "in", over: ["n": 0...7, "r": 0...3], exact: false) { v in
      var trace = Trace()
      let (n, r) = (v["n"]!, v["r"]!)
      for j in stride(from: 0, to: n, by: 1) {
        for k in stride(from: -r, through: r, by: 1) where j + k >= 0 && j + k < n { trace.read(j + k) }
      }
      return trace
    }
  }

  /// The guard keeps box_row's footprint exact, `[0, n)`: the guarded end `max(0, r - j)` of
  /// `j - r + k#from` is `max(j - r, 0)` (`CountedLoop.valueAtEnd`), which rises with `j`. Its
  /// reads count the whole kernel (a guard bounds ranges, not counts).
  @Test func aGuardedStencilHasAnExactFootprint() throws {
    let input = try Self.manifest.get().task("box_row").param("in")
    #expect(input.first == .number(0) && input.count == .formula("n"), "\(input)")
  }

  @Test func countsThatAreNegativeForSomeValues() throws {
    try check("negative_argument", "a", over: ["n": 0...8], exact: false) { v in
      var trace = Trace()
      for i in stride(from: -5, through: v["n"]!, by: 1) {
        for _ in stride(from: -i, to: 3, by: 1) { trace.update(2) }
        trace.write(5)
      }
      return trace
    }
    try check("triangle_from_negative", "a", over: ["n": 0...9]) { v in
      var trace = Trace()
      for i in stride(from: -4, to: v["n"]!, by: 1) { for j in stride(from: 0, to: i, by: 1) { trace.update(j) } }
      return trace
    }
  }

  @Test func quotientsAndRemaindersOfNegativeValues() throws {
    try check("quotients", "a", over: ["n": 0...9], exact: false) { v in
      var trace = Trace()
      for i in stride(from: -6, to: v["n"]!, by: 1) { trace.update(i / 2 + 3) }
      return trace
    }
    try check("remainders", "a", over: ["n": 0...9], exact: false) { v in
      var trace = Trace()
      for i in stride(from: -7, to: v["n"]!, by: 1) { trace.update(i % 4 + 3) }
      return trace
    }
  }

  @Test func symbolicLeastValues() throws {
    try check("from_lo_less_two", "a", over: ["lo": 0...6, "hi": 0...6]) { v in
      var trace = Trace()
      for i in stride(from: v["lo"]! - 2, to: v["hi"]!, by: 1) { trace.update(i + 2) }
      return trace
    }
    try check("symmetric", "a", over: ["k": 0...6]) { v in
      var trace = Trace()
      for i in stride(from: -v["k"]!, through: v["k"]!, by: 1) { trace.read(i + v["k"]!) }
      return trace
    }
  }

  @Test func whileAndDoWhileFormsAndASecondVariable() throws {
    try check("while_form", "a", over: ["n": 0...6]) { v in
      var trace = Trace()
      for k in stride(from: -3, to: v["n"]!, by: 1) { trace.update(k + 3) }
      return trace
    }
    try check("do_form", "a", over: ["n": 0...6]) { v in
      var trace = Trace()
      var k = -2
      repeat {
        trace.update(k + 2)
        k += 1
      } while k < v["n"]!
      return trace
    }
    try check("second_variable", "a", over: ["n": 0...6]) { v in
      var trace = Trace()
      let n = v["n"]!
      var p = 0
      for i in stride(from: -n, to: n, by: 1) {
        trace.update(p)
        trace.update(2 * n - 1 - (i + n))
        p += 2
      }
      return trace
    }
  }

  /// A spawn site's trip count is C in the spawning function: an outer variable counted from
  /// its least value is named there as itself (`CountedLoop.inCNames`: `i#from + 1` is `i + 3`
  /// for i from -2). It was null (the outer loop not counted).
  @Test func aSiteTripCountNamesAnOuterVariableCountedFromItsLeastValue() throws {
    let source = """
      void f(double *a, int j) { a[j] += 1; }
      void spawner(double *a, int n) {
        for (int i = -2; i < n; i++)
          for (int j = 0; j < i + 3; j++) {
      #pragma dosc task
            f(a, j);
          }
      #pragma dosc taskwait
      }
      int main(void) { double a[40] = {0}; spawner(a, 5); return 0; }
      """
    let site = try #require(Fixtures.analyze(source: source).0.sites.first)
    #expect(site.loop?.tripCount == .formula("i+3"), "\(site)")
    // The batch is every row's (the taskwait after both loops): the sum of i + 3 over i, which
    // no figure over the changing `i` says (siblings was `i+3`, below the batch).
    #expect(site.siblings == .unknown, "\(site)")
  }

  /// Three deep, the middle loop's least value is the outer variable (`-3 + i#from`): its
  /// symbol is written in C names before the outer one's, else `i#from` comes back (the trip
  /// count was `i-i#from+j+6`, which dosc compile read as -1 siblings). No manifest expression
  /// names a symbol of the analysis's own.
  @Test func aThreeDeepSiteTripCountIsInCNames() throws {
    let source = """
      void f(double *a, int k) { a[k] += 1; }
      void spawner(double *a, int n) {
        for (int i = -3; i < n; i++)
          for (int j = i; j < n; j++)
            for (int k = 0; k < j + 3; k++) {
      #pragma dosc task
              f(a, k);
            }
      #pragma dosc taskwait
      }
      int main(void) { double a[40] = {0}; spawner(a, 5); return 0; }
      """
    let site = try #require(Fixtures.analyze(source: source).0.sites.first)
    #expect(site.loop?.tripCount == .formula("j+3"), "\(site)")
    #expect(site.siblings == .unknown, "\(site)")
  }

  /// Loops the renaming does not take stay uncounted, with their located reason: a parameter
  /// counted down from its value at the call below 0 (`while (n-- > -3)`), already renamed
  /// (`CountedLoop.renamedFrom`); an unsigned variable from `n - 1`, which is near 2^32 in C at
  /// n = 0, where no distance from a least value names it.
  @Test func loopsTheRenamingDoesNotTakeAreNotCounted() throws {
    let source = """
      void below(double *a, int n) {
        while (n-- > -3) a[n + 3] += 1;
      }
      void wraps(double *a, int n, int m) {
        for (unsigned i = n - 1; i < m; i++) a[0] += 1;
      }
      int main(void) { double a[40] = {0};
      #pragma dosc task
        below(a, 5);
      #pragma dosc task
        wraps(a, 0, 3);
        return 0; }
      """
    let manifest = try Fixtures.analyze(source: source).0
    for (name, variable) in [("below", "n"), ("wraps", "i")] {
      let t = try manifest.task(name)
      #expect(!t.remotable, "\(t)")
      #expect(try t.param("a").writes == .unknown, "\(t)")
      let reason = "the variable '\(variable)' of the loop at"
      #expect(t.workUnbounded?.contains { $0.contains(reason) && $0.contains("may be negative") } == true, "\(t)")
    }
  }
}
