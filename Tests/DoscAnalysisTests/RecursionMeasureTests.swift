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

  /// n-queens spawns in a loop: one invocation makes any number of recursive calls.
  @Test func recursiveCallInALoop() throws {
    let (manifest, _) = try Fixtures.analyze(Fixtures.example("nqueens"))
    let t = try manifest.task("nqueens")
    #expect(t.measure == nil)
    #expect(t.measureUnknown?.first?.contains("is in a loop") == true, "\(t.measureUnknown ?? [])")
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
