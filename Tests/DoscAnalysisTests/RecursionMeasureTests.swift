import DoscManifest
import Foundation
import Testing

/// The measure of a recursive task (`RecursionMeasureAnalysis`): found exactly where every
/// direct recursive call passes an unchanged integer parameter decreased by a constant below
/// a base case, and otherwise absent with the reason, since the runtime bounds a spawn's
/// subtree by it and a bound must never be smaller than the truth.
@Suite struct RecursionMeasureTests {
  private func task(_ source: String, _ name: String) throws -> Manifest.Task {
    try Fixtures.analyze(source: source).0.task(name)
  }

  private func spawned(_ function: String, _ call: String) -> String {
    """
    \(function)
    int main(void) {
      long r;
    #pragma dosc task
      r = \(call);
    #pragma dosc taskwait
      return (int)r; }
    """
  }

  @Test func fibHasItsRecurrence() throws {
    let fib = try task(
      spawned(
        """
        long fib(int n) {
          if (n < 2) return n;
          long x, y;
        #pragma dosc task
          x = fib(n - 1);
        #pragma dosc task
          y = fib(n - 2);
        #pragma dosc taskwait
          return x + y;
        }
        """, "fib(20)"), "fib")
    #expect(
      fib.measure
        == Manifest.RecursionMeasure(
          parameter: "n", base: 2, decrements: [1, 2], lowerBound: Manifest.RecursionLowerBound(workPerCall: 3)))
    #expect(fib.measureUnknown == nil)
    #expect(fib.workPerInvocation == .number(10))
  }

  /// The lower bound (`RecursionLowerBoundAnalysis`) holds only where every invocation above the
  /// base surely makes every call: a call under an `if`, in a branch of `?:` or on the right of
  /// `&&`, or an early return after the base test, each leaves the measure (an upper bound) and
  /// drops the lower bound, which must never be larger than the truth.
  @Test(arguments: [
    ("if (n < 2) return n;\n  long x = f(n - 1), y = 0;\n  if (n % 3) y = f(n - 2);\n  return x + y;", false),
    ("if (n < 2) return n;\n  return n > 9 ? f(n - 1) : f(n - 2);", false),
    ("if (n < 2) return n;\n  long x = f(n - 1);\n  return x > 5 && f(n - 2) > 1;", false),
    ("if (n < 2) return n;\n  if (n == 7) return 13;\n  return f(n - 1) + f(n - 2);", false),
    ("if (n < 2) return n;\n  if (n < 9) return 13;\n  return f(n - 1) + f(n - 2);", false),
    ("if (n < 2 || n <= 1) return n;\n  long x = f(n - 1);\n  long y = f(n - 2);\n  return x + y;", true),
    ("if (n < 2) { return n; }\n  return f(n - 1) + f(n - 2);", true),
    // Calls after a return are never made: about n calls, not fib's count.
    ("if (n < 2) return n;\n  return f(n - 1);\n  f(n - 2);", false),
  ])
  func lowerBoundOnlyWhereEveryCallIsMade(_ body: String, _ bounded: Bool) throws {
    let t = try task(spawned("long f(int n) {\n  \(body)\n}", "f(20)"), "f")
    let measure = try #require(t.measure, "\(t.measureUnknown ?? [])")
    #expect(measure.decrements == [1, 2])
    #expect((measure.lowerBound != nil) == bounded, "\(body): \(String(describing: measure.lowerBound))")
    if bounded { #expect(measure.lowerBound?.workPerCall == 3) }
  }

  /// `<=`, a constant on the left, a base case among `||`, a second parameter that is not the
  /// measure, a cast of the argument: the measure is still found, with the right base.
  @Test func baseCaseForms() throws {
    let t = try task(
      spawned(
        """
        long walk(long depth, long seed) {
          if (seed == 7 || 3 >= depth) { return seed; }
          long a;
        #pragma dosc task
          a = walk((long)(depth - 1), seed * 3 + 1);
        #pragma dosc taskwait
          return a + walk(depth - 3, seed + 1);
        }
        """, "walk(30, 1)"), "walk")
    #expect(t.measure == Manifest.RecursionMeasure(parameter: "depth", base: 4, decrements: [1, 3]))
  }

  @Test func notDecreasingAtEveryCall() throws {
    let t = try task(
      spawned(
        """
        long up(int n, int limit) {
          if (n < 1) return 0;
          long a;
        #pragma dosc task
          a = up(n - 1, limit);
        #pragma dosc taskwait
          return a + (n < limit ? up(n + 1, limit - 2) : 0);
        }
        """, "up(10, 20)"), "up")
    #expect(t.measure == nil)
    let why = try #require(t.measureUnknown)
    #expect(why.contains("'n' is not passed as 'n - K' (K >= 1) to every recursive call"), "\(why)")
  }

  /// Two parameters that take turns decreasing (the true measure is their sum): neither
  /// decreases at every call, so no single-parameter measure is claimed.
  @Test func twoParametersTakingTurns() throws {
    let t = try task(
      spawned(
        """
        long paths(int a, int b) {
          if (a < 1 || b < 1) return 1;
          long x, y;
        #pragma dosc task
          x = paths(a - 1, b);
        #pragma dosc task
          y = paths(a, b - 1);
        #pragma dosc taskwait
          return x + y;
        }
        """, "paths(8, 8)"), "paths")
    #expect(t.measure == nil)
    #expect(t.measureUnknown?.count == 2, "\(t.measureUnknown ?? [])")
  }

  /// A list walk: the recursion follows a pointer, no integer parameter bounds it.
  @Test func pointerRecursion() throws {
    let t = try task(
      spawned(
        """
        struct node { struct node *next; long value; };
        long total(const struct node *p) {
          if (!p) return 0;
          long rest;
        #pragma dosc task
          rest = total(p->next);
        #pragma dosc taskwait
          return p->value + rest;
        }
        """, "total(0)"), "total")
    #expect(t.measure == nil)
    #expect(t.measureUnknown == ["'total' has no integer parameter"])
  }

  /// The recursion stops on a global counter: the parameter is not what bounds it.
  @Test func globalStateBoundsTheRecursion() throws {
    let t = try task(
      spawned(
        """
        int budget = 100;
        long spend(int n) {
          if (budget-- <= 0) return n;
          long a;
        #pragma dosc task
          a = spend(n + 1);
        #pragma dosc taskwait
          return a;
        }
        """, "spend(0)"), "spend")
    #expect(t.measure == nil)
    #expect(t.measureUnknown?.first?.contains("'n' is not passed as 'n - K'") == true, "\(t.measureUnknown ?? [])")
    #expect(t.measureUnknown?.contains { $0.contains("'n' rises, but no integer parameter") } == true)
  }

  @Test func changedParameterOrNoBaseCase() throws {
    let changed = try task(
      spawned(
        """
        long halve(int n) {
          if (n < 2) return 1;
          n = n * 2;
          long a;
        #pragma dosc task
          a = halve(n - 1);
        #pragma dosc taskwait
          return a;
        }
        """, "halve(5)"), "halve")
    #expect(changed.measure == nil)
    #expect(changed.measureUnknown == ["'n' is changed in 'halve'"])

    let unguarded = try task(
      spawned(
        """
        long down(int n) {
          long a = 0;
        #pragma dosc task
          a = down(n - 1);
        #pragma dosc taskwait
          if (n < 2) return 1;
          return a;
        }
        """, "down(5)"), "down")
    #expect(unguarded.measure == nil)
    #expect(unguarded.measureUnknown == ["no 'if (n < C) return' comes before the recursive calls"])
  }

  /// n-queens: the depth `j` rises towards `n`, passed unchanged, under `if (j == n) return 1`,
  /// and the call sits in a loop of `n` trips under a test. The measure is `n - j`; at most `n`
  /// calls per invocation; one call's work grows with `j`, so its bound over the subtree is
  /// the figure at the root's `j` or at the deepest, `j = n`.
  @Test func nqueensHasARisingMeasureAndItsLoopsFanOut() throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example("nqueens"))
    let t = try manifest.task("nqueens")
    let measure = try #require(t.measure, "\(t.measureUnknown ?? [])")
    #expect(measure.parameter == "j" && measure.bound == "n" && measure.base == 1 && measure.decrements == [1])
    #expect(measure.fanOut?.description == "n")
    #expect(measure.lowerBound == nil, "the calls are under a test (ok may prune them all): no lower bound")
    #expect(t.workPerInvocation?.description == "16*j*n+30*n+5")
    #expect(measure.workPerCallBound?.description == "max(16*j*n+30*n+5,16*n*n+30*n+5)")
  }

  /// The tests that stop a rising `j` at `n + c`, as a base `if (T) return` or as an `if (G)`
  /// around the calls: base (in `n - j`) or nil when no measure may be stated (an equality
  /// base that a step of 2 may jump over, a bound that changes, no test on `j`).
  @Test(arguments: [
    ("if (j >= n) return 1;\n  return s(n, j + 1) + s(n, j + 1);", 1 as Int?),
    ("if (j == n) return 1;\n  return s(n, j + 1);", 1),
    ("if (n == j) return 1;\n  return s(n, (int)(j + 1));", 1),
    ("if (!(j < n)) return 1;\n  return s(n, j + 1);", 1),
    ("if (!(j != n)) return 1;\n  return s(n, j + 1);", 1),
    ("if (n <= j) { return 1; }\n  return s(n, j + 1);", 1),
    ("if (j > n - 2) return 1;\n  return s(n, j + 1);", 2),
    ("if (j >= n + 3) return 1;\n  return s(n, j + 1);", -2),
    ("if (j < 0 || j >= n) return 1;\n  return s(n, j + 1);", 1),
    ("long t = 1;\n  if (j < n) t = s(n, j + 1) + 1;\n  return t;", 1),
    ("long t = 1;\n  if (j != n) t = s(n, j + 1) + 1;\n  return t;", 1),
    ("long t = 1;\n  if (j >= n) t = 0; else t = s(n, j + 1);\n  return t;", 1),
    ("if (j >= n) return 1;\n  return s(n, j + 2);", 1),
    ("if (j == n) return 1;\n  return s(n, j + 2);", nil),
    ("if (j >= n) return 1;\n  return s(n + 1, j + 1);", nil),
    ("if (j >= n) return 1;\n  return s(n, j + 1) + s(n - 1, j + 1);", nil),
    ("if (j > 100) return 1;\n  return s(n, j + 1);", nil),
    ("if (j == n) return 1;\n  return s(n, j + 1) + s(n, j);", nil),
  ])
  func risingMeasureBases(_ body: String, _ base: Int?) throws {
    let t = try task(spawned("long s(int n, int j) {\n  \(body)\n}", "s(10, 0)"), "s")
    #expect(t.measure?.base == base, "\(body): \(t.measureUnknown ?? [])")
    if base != nil {
      #expect(t.measure?.parameter == "j" && t.measure?.bound == "n")
    } else {
      #expect(t.measureUnknown?.isEmpty == false)
    }
  }

  /// A rising measure's lower bound: where every invocation below the bound makes each of its
  /// calls (straight-line calls after a base test read in `n - j`), the count bounds the calls
  /// from below too; a call under a test (n-queens' `if (ok(...))`), in a loop, in a guard
  /// around the calls, or after an early return has none: a test may prune every call.
  @Test(arguments: [
    ("if (j >= n) return 1;\n  return s(n, j + 1) + s(n, j + 1);", 3 as Int?),
    ("if (j == n) return 1;\n  long x = s(n, j + 1);\n  return x;", 2),
    ("if (n <= j) { return 1; }\n  return s(n, j + 1) + s(n, j + 2);", 3),
    ("if (j > n - 2) return 1;\n  return s(n, j + 1);", 2),
    ("if (j >= n || j == n) return 1;\n  return s(n, j + 1);", 2),
    ("if (j >= n + 3) return 1;\n  return s(n, j + 1);", 2),
    ("if (j >= n) return 1;\n  return (j % 2) ? s(n, j + 1) : 1;", nil),
    ("if (j >= n) return 1;\n  if (j % 3 == 0) return 0;\n  return s(n, j + 1);", nil),
    ("if (j >= n) return 1;\n  long t = 0;\n  if (j % 2) t = s(n, j + 1);\n  return t;", nil),
    ("long t = 1;\n  if (j < n) t = s(n, j + 1) + 1;\n  return t;", nil),
    ("if (j >= n) return 1;\n  long t = 0;\n  for (int i = 0; i < n; i++) t += s(n, j + 1);\n  return t;", nil),
    ("if (j >= n) return 1;\n  if (j < 0) return 0;\n  return s(n, j + 1);", nil),
  ])
  func risingLowerBound(_ body: String, _ workPerCall: Int?) throws {
    let t = try task(spawned("long s(int n, int j) {\n  \(body)\n}", "s(10, 0)"), "s")
    let measure = try #require(t.measure, "\(body): \(t.measureUnknown ?? [])")
    #expect(measure.bound == "n" && measure.parameter == "j", "\(body)")
    #expect(measure.lowerBound?.workPerCall == workPerCall, "\(body)")
  }

  /// Recursive calls in counted loops: the fan-out is the sum over the calls of their loops'
  /// trip counts, a constant or a parameter that every call passes unchanged; a loop with no
  /// trip count, a call in a loop's header or a count that changes along the recursion has
  /// no measure.
  @Test(arguments: [
    ("long t = 0;\n  for (int i = 0; i < 3; i++) t += g(n - 1, k);\n  return t;", "3" as String?),
    ("long t = 0;\n  for (int i = 0; i < k; i++) if (i % 2) t += g(n - 1, k);\n  return t;", "k"),
    (
      "long t = 0;\n  for (int i = 0; i < k; i++)\n    for (int m = 0; m < 2; m++) t += g(n - 2, k);\n  return t + g(n - 1, k);",
      "2*k+1"
    ),
    ("long t = 0;\n  for (int i = 0; i < k; i++) t += g(n - 1, k - 1);\n  return t;", nil),
    ("long t = 0;\n  while (t < 100) t += g(n - 1, k);\n  return t;", nil),
    ("long t = 0;\n  for (int i = 0; i < g(n - 1, k); i++) t++;\n  return t;", nil),
    ("long t = 0;\n  for (int i = 0; i < n; i++) t += g(n - 1, k);\n  return t;", nil),
  ])
  func loopFanOut(_ body: String, _ fanOut: String?) throws {
    let t = try task(spawned("long g(int n, int k) {\n  if (n < 1) return 1;\n  \(body)\n}", "g(5, 3)"), "g")
    #expect(t.measure?.fanOut?.description == fanOut, "\(body): \(t.measureUnknown ?? [])")
    if fanOut != nil {
      #expect(t.measure?.parameter == "n" && t.measure?.base == 1 && t.measure?.lowerBound == nil)
    } else {
      #expect(t.measure == nil && t.measureUnknown?.isEmpty == false)
    }
  }

  /// One call's work over the subtree: a constant needs no bound; a figure of degree 1 in the
  /// measure's parameter is bounded by its larger end; one of degree 2 has no bound stated.
  @Test func workPerCallBound() throws {
    let linear = try task(
      spawned(
        """
        long s(int n, int j) {
          if (j >= n) return 1;
          long t = 0;
          for (int i = 0; i < j; i++) t += i;
          return t + s(n, j + 1);
        }
        """, "s(10, 0)"), "s")
    let bound = try #require(linear.measure?.workPerCallBound?.polynomial, "\(linear.measureUnknown ?? [])")
    let work = try #require(linear.workPerInvocation?.polynomial)
    // Never below one call's work anywhere in the subtree of s(10, 0): j = 0 ... 10.
    for j in 0...10 {
      let most = try bound.evaluate(["n": 10, "j": 0])
      let one = try work.evaluate(["n": 10, "j": j])
      #expect(most.isInteger && one.isInteger && most.numerator >= one.numerator, "j = \(j)")
    }
    let quadratic = try task(
      spawned(
        """
        long s(int n, int j) {
          if (j >= n) return 1;
          long t = 0;
          for (int i = 0; i < j * j; i++) t += i;
          return t + s(n, j + 1);
        }
        """, "s(10, 0)"), "s")
    #expect(quadratic.measure != nil && quadratic.measure?.workPerCallBound == .unknown)
  }

  @Test func mutualRecursion() throws {
    let t = try task(
      spawned(
        """
        long odd(int n);
        long even(int n) { if (n < 1) return 1; return odd(n - 1); }
        long odd(int n) {
          if (n < 1) return 0;
          long a;
        #pragma dosc task
          a = even(n - 1);
        #pragma dosc taskwait
          return a;
        }
        """, "odd(9)"), "odd")
    #expect(t.measure == nil)
    #expect(t.measureUnknown?.first?.contains("recurses through 'even'") == true, "\(t.measureUnknown ?? [])")
  }

  /// An unsigned parameter with a decrement past its base would wrap to a huge value.
  @Test func unsignedThatMayWrap() throws {
    let t = try task(
      spawned(
        """
        unsigned long count(unsigned n) {
          if (n < 1) return 1;
          unsigned long a;
        #pragma dosc task
          a = count(n - 2);
        #pragma dosc taskwait
          return a;
        }
        """, "count(9)"), "count")
    #expect(t.measure == nil)
    #expect(t.measureUnknown == ["'n' is unsigned and may wrap below 0 at a recursive call"])
  }

  /// A call through a pointer to itself is a recursive call the bound would not count.
  @Test func addressOfItselfTaken() throws {
    let t = try task(
      spawned(
        """
        long twice(int n) {
          if (n < 1) return 1;
          long (*again)(int) = twice;
          long a;
        #pragma dosc task
          a = twice(n - 1);
        #pragma dosc taskwait
          return a + again(n - 1);
        }
        """, "twice(3)"), "twice")
    #expect(t.measure == nil)
    #expect(t.measureUnknown == ["the address of 'twice' is taken in it: it may call itself indirectly"])
  }

  @Test func nonRecursiveTaskHasNoMeasureField() throws {
    let t = try task(spawned("long sq(int n) { return (long)n * n; }", "sq(3)"), "sq")
    #expect(t.measure == nil && t.measureUnknown == nil)
  }
}
