import CSyntax
import SymbolicAlgebra

/// Pointers into a parameter's memory whose type counts in other units than its elements
/// (`ParameterView`): made by a cast (`(double *)A`, `(double (*)[M])p`) or by an array that
/// decays (`A[i]`, `*A`, `&A[0][0]` of `double (*A)[M]`), followed through pointer arithmetic in
/// their finer units, and turned back into the parameter's elements, whole ones, where they are
/// accessed: the manifest's `first`/`count` stay in the parameter's element units.
extension FunctionAnalyzer {
  /// `target` seen through a pointer of type `pointer` (a cast, `ExpressionEvaluation`): through
  /// a `void *`, in bytes (`inBytes`), else as `viewed(_:asPointerTo:)` says. A `void *` keeps
  /// the place it was given (`*(unsigned *)(void *)&g[i]`, SPEC lbm's flag word): the pointer
  /// made from it again is seen in its own units, whatever they are.
  func viewed(_ target: PointerTarget, as pointer: CType) -> PointerTarget {
    if pointer.pointsToVoid { return inBytes(target) }
    return viewed(target, asPointerTo: pointer.elementSize)
  }

  /// Where a `void *` to `target` points, in bytes, the units of GNU C's arithmetic on it
  /// (`vp + 8` is 8 bytes on): a view in bytes, or the parameter's own pointer where its
  /// elements are bytes, or `void` (whose offsets count bytes already).
  func inBytes(_ target: PointerTarget) -> PointerTarget {
    if case .parameter(let index, _) = target, function.parameters[index].type.pointsToVoid { return target }
    return viewed(target, asPointerTo: 1)
  }

  /// `target` seen through a pointer to objects of `pointeeSize` bytes: a view in units of the
  /// largest size that divides both the parameter's element (or the view's unit) and the new
  /// pointee; the parameter's own pointer where that is its element at a whole element. At an
  /// unknown offset where no unit fits (an element of unknown size or `void`).
  func viewed(_ target: PointerTarget, asPointerTo pointeeSize: Int?) -> PointerTarget {
    guard let pointeeSize, pointeeSize > 0 else { return target.withoutOffset }
    switch target {
    case .parameter(let index, let offset?):
      guard let elementSize = viewableElementSize(of: index) else { return target.withoutOffset }
      if pointeeSize == elementSize { return target }
      guard let unit = gcd(elementSize, pointeeSize) else { return target.withoutOffset }
      return normalized(
        ParameterView(
          index: index, offset: offset * (elementSize / unit), unit: unit, perElement: Polynomial(elementSize / unit),
          stride: Polynomial(pointeeSize / unit)))
    case .view(let view):
      guard let unit = gcd(view.unit, pointeeSize) else { return target.withoutOffset }
      let scale = view.unit / unit
      return normalized(
        ParameterView(
          index: view.index, offset: view.offset * scale, unit: unit, perElement: view.perElement * scale,
          stride: Polynomial(pointeeSize / unit)))
    default:
      return target.withoutOffset
    }
  }

  /// The size of parameter `index`'s element where views may count in parts of it: known, and
  /// not `void` (whose "elements" are bytes only by a GNU extension).
  private func viewableElementSize(of index: Int) -> Int? {
    let type = function.parameters[index].type
    guard let size = type.elementSize, size > 0, type.elementSpelling != nil, !type.pointsToVoid else { return nil }
    return size
  }

  /// The parameter's own pointer where the view points at whole elements (its stride is an
  /// element and its offset a multiple of one), else the view.
  func normalized(_ view: ParameterView) -> PointerTarget {
    if view.stride == view.perElement, let elements = exactQuotient(view.offset, by: view.perElement) {
      return .parameter(index: view.index, offset: elements)
    }
    return .view(view)
  }

  /// What the array lvalue `array` (a row `A[i]`, `*A`, a row `m[i][r]` of a plane), which lies
  /// at `place` (`located`), decays to: a pointer to its first element, as a view in units of
  /// that element; nil where it cannot be placed so (a field, an element of unknown size).
  func decayedView(_ array: Expr, at place: (element: PointerTarget, within: Polynomial?)) -> PointerTarget? {
    guard let unit = array.type.elementSize, unit > 0 else { return nil }
    switch place.element {
    case .view(var view):
      // `located` leaves a view pointing at the lvalue itself.
      guard unit % view.unit == 0 else { return nil }
      view.stride = Polynomial(unit / view.unit)
      return normalized(view)
    case .parameter(let index, let offset?):
      guard let within = place.within else { return nil }
      let perElement: Polynomial
      if let elementSize = viewableElementSize(of: index) {
        guard elementSize % unit == 0 else { return nil }
        perElement = Polynomial(elementSize / unit)
      } else if within.isZero, let row = function.parameters[index].type.elementSpelling,
        row.filter({ $0 != " " }) == array.type.spelling.filter({ $0 != " " }), let extent = arrayExtent(array.type)
      {
        // A row of a variable-length array parameter (`double C[n][n]`): n units.
        perElement = extent
      } else {
        return nil
      }
      // `within` counts objects of the array's own type inside the element.
      var start = offset * perElement
      if !within.isZero {
        guard let size = array.type.size, size % unit == 0 else { return nil }
        start = start + within * (size / unit)
      }
      return normalized(ParameterView(index: index, offset: start, unit: unit, perElement: perElement, stride: .one))
    default:
      return nil
    }
  }

  /// What an array lvalue decays to: a pointer to its first element (a view where it lies in a
  /// parameter's memory, `decayedView`).
  func decayed(_ array: Expr) -> PointerTarget {
    switch array.kind {
    case .subscripted, .unary("*", _):
      let place = located(array)
      return decayedView(array, at: place) ?? place.element.withoutOffset
    default:
      return address(of: array)
    }
  }

  /// An lvalue of `type` that `target` points to, as `located` states it (`placed(_:as:)` for
  /// a view; any other target is the lvalue's element itself).
  func placed(_ target: PointerTarget, as type: CType) -> (element: PointerTarget, within: Polynomial?) {
    if case .view(let view) = target { return placed(view, as: type) }
    return (target, .zero)
  }

  /// The lvalue `array[position]` of `type`, for an array that `view` points to.
  func placed(_ position: Polynomial?, of type: CType, inArrayAt view: ParameterView) -> (
    element: PointerTarget, within: Polynomial?
  ) {
    guard let position, let size = type.size, size > 0, size % view.unit == 0 else {
      return (.view(view).withoutOffset, nil)
    }
    return placed(view.moved(by: position * (size / view.unit)), as: type)
  }

  /// An lvalue of `type` at the place `view` points to, as `located` states it: the
  /// parameter's element itself where the lvalue is one whole element, else the view (with no
  /// place within an element); at an unknown offset where `type` is no whole number of units.
  func placed(_ view: ParameterView, as type: CType) -> (element: PointerTarget, within: Polynomial?) {
    guard let size = type.size, size > 0, size % view.unit == 0 else { return (.view(view).withoutOffset, nil) }
    var view = view
    view.stride = Polynomial(size / view.unit)
    let target = normalized(view)
    if case .parameter = target { return (target, .zero) }
    return (target, nil)
  }

  /// The parameter's elements that `units` units from `range`'s (the view's offsets) lie in,
  /// and how many elements one such access may touch: whole elements, over-approximated.
  /// `place`: where in an element each access starts, in units, where that is one constant
  /// (0: at an element's start). Bounded values (`BoundedValues`) are
  /// at the ends that make the range widest.
  func viewElements(_ view: ParameterView, units: Polynomial, from range: IndexRange, place: Int? = nil) -> (
    range: IndexRange?, count: Polynomial
  ) {
    let perElement = view.perElement
    let count: Polynomial
    if units == .one {
      count = .one
    } else if let place, let constant = perElement.integerValue, constant > 0, let length = units.integerValue {
      // The elements units `place` to `place + length - 1` of one lie in (`f[3]` of a
      // `unsigned *` into doubles: the second half of one).
      count = Polynomial((place + length - 1) / constant + 1)
    } else if place == 0, let whole = exactQuotient(units, by: perElement) {
      // Whole elements from an element's start (`memcpy(vp, src, n * sizeof(double))`).
      count = whole
    } else if let constant = perElement.integerValue, constant > 0 {
      // Units in a row: ceil(units / perElement) elements from an element's start, at most one
      // more from elsewhere.
      count = (units + perElement - .one) / perElement + (place == 0 ? .zero : .one)
    } else {
      count = units  // each unit lies in one element
    }
    guard let low = indexRange(of: range.low)?.range.low, let high = indexRange(of: range.high)?.range.high else {
      return (nil, count)
    }
    // Over the open loops first, where their variables enter with constant slopes: floor is
    // monotone, and the ends are then often exact multiples (`k` from `lo*M`: row `lo`).
    let least = extremeOverOpenLoops(of: low, lowest: true) ?? low
    let most = extremeOverOpenLoops(of: high + units - .one, lowest: false) ?? high + units - .one
    return (IndexRange(low: floorQuotient(least, by: perElement), high: upperQuotient(most, by: perElement)), count)
  }

  /// A load or store through a view of `units` units per access.
  func accessView(_ view: ParameterView, write: Bool, _ expression: Expr) {
    guard let size = expression.type.size, size > 0 else {
      summary.parameters[view.index, default: ParameterAccess()].record(
        write: write, count: nil, range: nil,
        unboundedBecause:
          "'\(expression.text)' at \(expression.location.withBaseName) has a type of unknown size")
      return
    }
    let units = Polynomial((size + view.unit - 1) / view.unit)
    let (range, count) = viewElements(
      view, units: units, from: IndexRange(low: view.offset, high: view.offset), place: placeInElement(view))
    summary.parameters[view.index, default: ParameterAccess()].record(
      write: write, count: count, range: range, covering: true,
      unboundedBecause:
        "the index of '\(expression.text)' at \(expression.location.withBaseName) has no symbolic form")
  }

  /// `memcpy`/`memset` of `bytes` bytes through a view: the elements those bytes lie in.
  func bulkView(_ view: ParameterView, _ argument: Expr, write: Bool, bytes: Polynomial?) {
    summary.addWork(1)
    let units = bytes.map {
      exactQuotient($0, by: Polynomial(view.unit)) ?? ($0 + view.unit - 1) / Polynomial(view.unit)
    }
    let elements = units.map {
      viewElements(
        view, units: $0, from: IndexRange(low: view.offset, high: view.offset), place: placeInElement(view))
    }
    summary.parameters[view.index, default: ParameterAccess()].record(
      write: write, count: elements?.count, range: elements?.range, covering: true, touchedIf: units,
      unboundedBecause:
        "the extent of '\(argument.text)' in the call at \(argument.location.withBaseName) has no symbolic form")
    summary.work = add(summary.work, units)
  }

  /// A callee's `access` to its parameter, given `view` (`row(A[i], m)`, `f(&A[0][0])`), in
  /// this function's parameter's elements: each callee element of `calleeElement` bytes is
  /// whole units of the view, its counts scaled by the elements one of them may touch; nothing
  /// of it is sure (`SureAccesses`) or dense. `translate` states a callee figure in this
  /// function's terms (nil where it cannot).
  func viewedAccess(
    _ access: ParameterAccess, through view: ParameterView, calleeElement: Int?, translate: (Count) -> Count,
    calledAt call: String
  ) -> ParameterAccess {
    var mapped = access
    mapped.mayNotHappen()
    guard let calleeElement, calleeElement > 0, calleeElement % view.unit == 0 else {
      mapped.becomeUnbounded(
        reading: access.isRead, writing: access.isWritten, because: "\(call) accesses it in other units")
      return mapped
    }
    let units = Polynomial(calleeElement / view.unit)
    // The callee's elements start elements too where they are whole elements, or parts of one.
    let nested = view.perElement.integerValue.map {
      calleeElement / view.unit % $0 == 0 || $0 % (calleeElement / view.unit) == 0
    }
    let perAccess = viewElements(
      view, units: units, from: IndexRange(low: view.offset, high: view.offset),
      place: placeInElement(view) == 0 && nested == true ? 0 : nil
    ).count
    mapped.reads = translate(access.reads).map { $0 * perAccess }
    mapped.writes = translate(access.writes).map { $0 * perAccess }
    (mapped.ranges, mapped.writeRanges) = access.mappingRanges { range in
      guard let low = translate(range.low), let high = translate(range.high) else { return nil }
      return viewElements(
        view, units: units, from: IndexRange(low: view.offset + low * units, high: view.offset + high * units)
      ).range
    }
    if mapped.ranges == nil || mapped.reads == nil || mapped.writes == nil {
      mapped.noteUnbounded("its accesses in \(call) cannot be bounded here")
    }
    return mapped
  }

  /// Where in an element `view` points, in units, where that is one constant (0: at its start,
  /// the offset a multiple of an element); nil elsewhere.
  private func placeInElement(_ view: ParameterView) -> Int? {
    let rest = split(view.offset, by: view.perElement).rest
    if rest.isZero { return 0 }
    guard let units = rest.integerValue, let perElement = view.perElement.integerValue, perElement > 0 else {
      return nil
    }
    return (units % perElement + perElement) % perElement
  }

  /// floor(value / divisor) for a divisor that is positive wherever it is used (a constant, or
  /// the extent of a variable-length row, a parameter), or a value no greater: the part of
  /// `value` that `divisor` divides exactly, plus the rest divided, truncating where the rest's
  /// least value in the open loops is a constant of at least 0 (`j` from 0), and
  /// `(rest - divisor + 1) / divisor` else (truncation rounds a negative quotient up). Not on
  /// the sign figures assume of parameters: a callee's figure instantiated with `lo - 5` holds
  /// no such assumption.
  private func floorQuotient(_ value: Polynomial, by divisor: Polynomial) -> Polynomial {
    let (whole, rest) = split(value, by: divisor)
    if rest.isZero { return whole }
    if let exact = constantFloor(rest, by: divisor) { return whole + exact }
    let nonNegative = (provableLowerBound(of: rest) ?? -1) >= 0
    return whole + (nonNegative ? rest / divisor : (rest - divisor + .one) / divisor)
  }

  /// A value no less than floor(value / divisor): truncation rounds only a negative quotient,
  /// and that up.
  private func upperQuotient(_ value: Polynomial, by divisor: Polynomial) -> Polynomial {
    let (whole, rest) = split(value, by: divisor)
    if rest.isZero { return whole }
    return whole + (constantFloor(rest, by: divisor) ?? rest / divisor)
  }

  /// floor(value / divisor) of two constants (`r[-1]` is in the element before the row's).
  private func constantFloor(_ value: Polynomial, by divisor: Polynomial) -> Polynomial? {
    guard let x = value.integerValue, let d = divisor.integerValue, d > 0 else { return nil }
    return Polynomial(x >= 0 ? x / d : -((-x + d - 1) / d))
  }

  /// `value` as `divisor * whole + rest`, `whole` the terms `divisor` (a single term) divides.
  private func split(_ value: Polynomial, by divisor: Polynomial) -> (whole: Polynomial, rest: Polynomial) {
    var whole = Polynomial.zero
    var rest = Polynomial.zero
    for (monomial, coefficient) in value.terms {
      let term = Polynomial(terms: [monomial: coefficient])
      if let quotient = exactQuotient(term, by: divisor) { whole += quotient } else { rest += term }
    }
    return (whole, rest)
  }

  /// `value / divisor` where a divisor of one term divides every term of `value` exactly.
  func exactQuotient(_ value: Polynomial, by divisor: Polynomial) -> Polynomial? {
    guard !value.isOverflow, !divisor.isOverflow, divisor.terms.count == 1, let (unit, factor) = divisor.terms.first,
      factor.isInteger, factor.numerator != 0
    else { return nil }
    var terms: [Monomial: Rational] = [:]
    for (monomial, coefficient) in value.terms {
      guard let rest = monomial.dividing(by: unit), coefficient.isInteger,
        coefficient.numerator % factor.numerator == 0
      else { return nil }
      terms[rest] = Rational(coefficient.numerator / factor.numerator)
    }
    return Polynomial(terms: terms)
  }
}

extension CType {
  /// A pointer (or array) whose element is `void`, however qualified (`const void *`).
  var pointsToVoid: Bool { elementSpelling.map { $0 == "void" || $0.hasSuffix(" void") } ?? false }
}
