import SymbolicAlgebra

/// Index ranges of a pointer parameter every element of which the code surely stores whole,
/// on every path through it: the fact behind the manifest's `write_dense`. A task whose dense
/// ranges make up its whole written footprint stores every element of that footprint, so a
/// remote run can ship the footprint back whole, with no twin kept and no compare
/// (`Runtime/src/write_back.h`), and an `out`-only footprint need not be shipped in at all.
///
/// Strictly a lower bound of what is stored (the written footprint is an upper bound), built
/// from the simplest evidence only: a store of a whole arithmetic scalar at one index
/// (`v[i] = ...`, `v[i] += ...`, `m[i][j] = ...` in a row of an array parameter) or the whole
/// elements a `memcpy` or `memset` stores, repeated by counted loops that surely run every
/// iteration to its end, where the iterations' ranges tile with no gap, directly or as the
/// rows of a block that a loop over the columns widens until they abut (`repeated(over:)`).
/// Anything that may not run (a branch, an early `return`, a `break`, a loop that may stop
/// sooner, code after a loop that may return) keeps only what every way through it stores
/// (`ParameterAccess.mayNotHappen` drops the rest).
struct DenseStores: Hashable {
  /// A whole scalar stored inside an element of the parameter: the element is `parts` scalars
  /// (1 for `double *v`, N for a row of `double (*m)[N]`), and this one is number `within`.
  struct Scalar: Hashable {
    var within: Polynomial
    var parts: Int
  }

  /// Scalars `[low, high]` each stored whole, counted in `parts`-ths of the parameter's element
  /// (scalar `k` lies in element `k / parts`); none when `low > high`. With `rows`, a block:
  /// that range and its copies moved by `stride`, `2*stride`, ... (`count` ranges in all, none
  /// when `count <= 0`), as a loop over the rows of a matrix inside one over its columns stores.
  struct Run: Hashable {
    var range: IndexRange
    var parts: Int
    var rows: Rows? = nil

    /// A block that is one range: its rows abut (the range's width is the stride, which
    /// `repeated(over:)` made sure is not negative), so with `count` rows it is
    /// `[low, low + stride * count)`, empty where `count <= 0`.
    var contiguous: Run {
      guard let rows, range.high - range.low + 1 == rows.stride else { return self }
      return Run(range: IndexRange(low: range.low, high: range.low + rows.stride * rows.count - 1), parts: parts)
    }

    func mentions(_ variable: String) -> Bool {
      range.low.mentions(variable) || range.high.mentions(variable) || rows?.stride.mentions(variable) == true
        || rows?.count.mentions(variable) == true
    }
  }

  /// The rows of a block (`Run.rows`).
  struct Rows: Hashable {
    var stride: Polynomial
    var count: Polynomial
  }

  var runs: [Run] = []
  /// Row widths and block strides the runs take to be non-negative (`repeated(over:)`): a
  /// symbolic width such as `n` in `v[i*n + j]`, j in `[0, n)`. True wherever their variables are not negative, so the
  /// claim is only made where those variables are integer parameters the figures mention,
  /// which a remote spawn checks (`covers`).
  var assumedNonNegative: [Polynomial] = []

  init() {}

  /// One store of `scalar` in the parameter's element `element`.
  init(storing scalar: Scalar, inElement element: Polynomial) {
    let index = element * scalar.parts + scalar.within
    runs = [Run(range: IndexRange(low: index, high: index), parts: scalar.parts)]
  }

  /// Every element of `range` stored whole (a `memset`'s or `memcpy`'s destination).
  init(storingEvery range: IndexRange) {
    runs = [Run(range: range, parts: 1)]
  }

  private init(runs: [Run], assumedNonNegative: [Polynomial]) {
    self.runs = runs
    self.assumedNonNegative = assumedNonNegative
  }

  /// These, and `other` too (code that runs after this code).
  mutating func add(_ other: DenseStores) {
    for run in other.runs where !runs.contains(run) { runs.append(run) }
    assume(other.assumedNonNegative)
  }

  /// What both this and `other` store (either runs).
  func common(with other: DenseStores) -> DenseStores {
    var result = DenseStores(runs: runs.filter(other.runs.contains), assumedNonNegative: assumedNonNegative)
    result.assume(other.assumedNonNegative)
    return result
  }

  private mutating func assume(_ widths: [Polynomial]) {
    for width in widths where !assumedNonNegative.contains(width) { assumedNonNegative.append(width) }
  }

  /// The runs with every pair that abuts (`a.high + 1 == b.low`, in the same parts and rows)
  /// joined into one. The union of `[a, b]` and `[b + 1, c]` is `[min(a, b + 1), max(b, c)]` whichever of
  /// them is empty; a symbolic `min`/`max` decided by an assumption picks one of its two
  /// arguments, so the range it gives lies inside the union: never more than is stored.
  var joined: DenseStores {
    var result = runs
    var changed = true
    while changed {
      changed = false
      search: for a in result.indices {
        for b in result.indices
        where a != b && result[a].parts == result[b].parts && result[a].rows == result[b].rows
          && result[a].range.high + 1 == result[b].range.low
        {
          let (x, y) = (result[a].range, result[b].range)
          let union = IndexRange(low: .minimum(x.low, y.low), high: .maximum(x.high, y.high))
          let (first, second) = (min(a, b), max(a, b))
          result.remove(at: second)
          result[first].range = union
          changed = true
          break search
        }
      }
    }
    return DenseStores(runs: result, assumedNonNegative: assumedNonNegative)
  }

  /// What running this code once per iteration of `loop` stores densely, when every iteration
  /// runs whole (the caller drops the result otherwise). The loop takes exactly the values
  /// `first, first + step, ..., last` (none when `first > last`: `CountedLoop`). A run that
  /// does not move with the loop's variable is dropped (the loop may run zero times). One that
  /// moves, `[a(i), b(i)]` with `a` and `b` affine in the variable with the same slope `s`
  /// (`n` in `v[i*n + j]`), moves by `d = s * step` from one iteration to the next:
  /// - where its width `w = b - a + 1` is `d` or `-d`, the iterations' runs tile, and their
  ///   union is `[a(first), b(last)]` (`[a(last), b(first)]` when it moves down), empty exactly
  ///   when no iteration runs or each run is empty (a block's rows stay as they are);
  /// - otherwise a single range becomes a block of `trip count` rows `d` apart starting at
  ///   `[a(first), b(first)]` (the loop over a matrix's rows inside one over its columns), which
  ///   the loop over the columns then widens until its rows abut (`Run.contiguous`).
  ///
  /// The tiling holds for any width `w >= 0`: with `t` iterations the union's size is `w * t`,
  /// never positive for `t <= 0`, so a loop that does not run claims nothing, and neither does
  /// a zero width; a block's stride likewise. A negative one would break it (a loop that does
  /// not run would claim elements), so each is either a positive constant, or a sum of products
  /// of variables with positive coefficients (`n`, `2*n`, `n*m + 1`), recorded in
  /// `assumedNonNegative`. One that mentions the variable of a loop around it (a triangular
  /// row) is then no longer known to be non-negative: that loop keeps nothing.
  func repeated(over loop: CountedLoop) -> DenseStores {
    let variable = loop.variable
    guard !assumedNonNegative.contains(where: { $0.mentions(variable) }) else { return DenseStores() }
    var result = DenseStores(runs: [], assumedNonNegative: assumedNonNegative)
    for run in joined.runs where run.mentions(variable) {
      let (low, high) = (run.range.low, run.range.high)
      guard !(run.rows?.stride.mentions(variable) ?? false), !(run.rows?.count.mentions(variable) ?? false),
        low.degree(in: variable) == 1, high.degree(in: variable) == 1,
        let slope = low.coefficients(of: variable)[1], high.coefficients(of: variable)[1] == slope
      else { continue }
      let width = high - low + 1
      let advance = slope * loop.step
      var widened = run
      if advance == width || advance == -width {
        guard result.assumeNonNegative(width) else { continue }
        widened.range =
          advance == width
          ? IndexRange(
            low: low.substituting(variable, with: loop.first), high: high.substituting(variable, with: loop.last))
          : IndexRange(
            low: low.substituting(variable, with: loop.last), high: high.substituting(variable, with: loop.first))
      } else if run.rows == nil {
        guard result.assumeNonNegative(advance) else { continue }
        widened.range = IndexRange(
          low: low.substituting(variable, with: loop.first), high: high.substituting(variable, with: loop.first))
        widened.rows = Rows(stride: advance, count: loop.tripCount)
      } else {
        continue
      }
      result.runs.append(widened.contiguous)
    }
    return result
  }

  /// These runs stated otherwise (a callee's, in its caller's values: `transform` gives a value
  /// in the caller's terms, nil where there is none), each moved by `offset` elements. A run
  /// that cannot be stated is dropped (fewer runs only claim less); none at all where a width
  /// or stride taken to be non-negative cannot be, or is not surely so, since the claim rests
  /// on it.
  func mapping(offset: Polynomial, _ transform: (Polynomial) -> Polynomial?) -> DenseStores {
    var assumed: [Polynomial] = []
    for width in assumedNonNegative {
      // `m` bound to `n - 5` or to -3 is no longer a value the spawn's check keeps >= 0.
      guard let mapped = transform(width), mapped.isNonNegativeWhereVariablesAre else { return DenseStores() }
      if !mapped.variables.isEmpty { assumed.append(mapped) }
    }
    var result = DenseStores(runs: [], assumedNonNegative: [])
    result.assume(assumed)
    for run in runs {
      let moved = offset * run.parts
      guard let low = transform(run.range.low), let high = transform(run.range.high) else { continue }
      var mapped = Run(range: IndexRange(low: low + moved, high: high + moved), parts: run.parts)
      if let rows = run.rows {
        guard let stride = transform(rows.stride), let count = transform(rows.count) else { continue }
        mapped.rows = Rows(stride: stride, count: count)
      }
      result.runs.append(mapped)
    }
    return result
  }

  /// Whether `value` is never negative: a positive constant, or a width or stride taken to be
  /// non-negative (`assumedNonNegative`) where that can be checked.
  private mutating func assumeNonNegative(_ value: Polynomial) -> Bool {
    if let constant = value.integerValue { return constant >= 1 }
    guard value.isNonNegativeWhereVariablesAre else { return false }
    assume([value])
    return true
  }

  /// Whether every element of `range` (a written footprint) is stored: one joined run is it,
  /// counted in scalars, and every width taken to be non-negative is in the integer
  /// parameters `nonNegative` that `range` mentions (a remote spawn checks that the ones its
  /// figures mention are not negative: SPEC-additions, section 4).
  func covers(_ range: IndexRange, nonNegative parameters: Set<String>) -> Bool {
    let mentioned = range.low.variables.union(range.high.variables).intersection(parameters)
    guard assumedNonNegative.allSatisfy({ $0.variables.isSubset(of: mentioned) }) else { return false }
    return joined.runs.contains { run in
      run.rows == nil
        && run.range == IndexRange(low: range.low * run.parts, high: range.high * run.parts + (run.parts - 1))
    }
  }
}

extension Polynomial {
  /// Whether the value is never negative when no variable is: a sum of products of variables
  /// with non-negative integer coefficients. Stricter than `signAssumingNonNegativeVariables`,
  /// which also takes a `min`, `max` or quotient whose operands make it never negative.
  fileprivate var isNonNegativeWhereVariablesAre: Bool {
    !isOverflow
      && terms.allSatisfy { monomial, coefficient in
        coefficient.isInteger && coefficient >= .zero
          && monomial.factors.allSatisfy { if case .variable = $0.atom { true } else { false } }
      }
  }
}
