import CSyntax
import DoscSupport
import SymbolicAlgebra

/// Loads and stores: which memory an lvalue lies in, and what an access to it counts for.
extension FunctionAnalyzer {
  /// The value of an lvalue expression (`a[i]`, `*p`, `s.f`, `p->f`): a load of it, or, for an
  /// array (a row `m[i]`, a field `s.buf`), no load but the address it decays to.
  func load(_ expression: Expr) -> Value {
    if expression.type.kind == .array {
      summary.addWork(1)
      return .pointer(decayed(expression))
    }
    access(element(of: expression), write: false, expression)
    return valueStored(at: expression)
  }

  /// The element of memory an lvalue lies in, at its offset in that memory's elements: `a[i]`
  /// and `p->f` with `p = a + i` are both in element `i` of `a`.
  func element(of lvalue: Expr) -> PointerTarget { located(lvalue).element }

  /// `element(of:)`, and where in that element the lvalue lies, counted in objects of the
  /// lvalue's own type: 0 for the element itself (or a field spanning it), `c` for `m[i][c]` in
  /// a row `double[N]`, `r*M + c` for `m[i][r][c]` in a `double[N][M]`; nil where it is not
  /// counted so (a field beside others).
  func located(_ lvalue: Expr) -> (element: PointerTarget, within: Polynomial?) {
    switch lvalue.kind {
    case .subscripted(let base, let index) where base.isArrayObject:
      // `m[r][c]`, `p->buf[i]`: inside the row or the structure the array is part of, if the
      // index stays inside the array (`elementsPast` says where else it may reach).
      let position = evaluate(index).polynomial
      let (element, row) = located(base)
      if case .view(let view) = element { return placed(position, of: lvalue.type, inArrayAt: view) }
      if let moved = elementsPast(element, array: base.type, at: position) {
        // A variable-length row the index may leave (`C[i][j]`, `j <= i`): in its units.
        if base.type.size == nil, case .view(let view)? = decayedView(base, at: (element, row)) {
          return placed(position, of: lvalue.type, inArrayAt: view)
        }
        return (moved, nil)
      }
      guard let row, let position, let rowSize = base.type.size, let size = lvalue.type.size, size > 0,
        rowSize % size == 0
      else { return (element, nil) }
      return (element, row * (rowSize / size) + position)
    case .subscripted(let base, let index):
      return placed(address(base: base, index: index), as: lvalue.type)
    case .unary("*", let inner):
      return placed(pointerTarget(evaluate(inner), inner), as: lvalue.type)
    case .member(let base, _, true):
      // A field as large as the structure spans all of it: where the structure is.
      let spans = lvalue.type.size != nil && lvalue.type.size == base.type.elementSize
      let structure = pointerTarget(evaluate(base), base)
      if case .view = structure, !spans { return (structure.withoutOffset, nil) }
      return (structure, spans ? .zero : nil)
    case .member(let base, _, false):
      let (element, at) = located(base)
      let spans = lvalue.type.size != nil && lvalue.type.size == base.type.size
      if case .view = element, !spans { return (element.withoutOffset, nil) }
      return (element, spans ? at : nil)
    case .name(let name, .global):
      return (.global(name), nil)
    case .name(_, .local), .name(_, .parameter):
      // The task's own variable (a by-value parameter is a copy): its stack memory.
      return (.privateMemory, nil)
    case .cast(let inner):
      return (element(of: inner), nil)
    default:
      evaluate(lvalue)
      return (.unknown(lvalue.text), nil)
    }
  }

  /// The element `array[position]` lies in, for an array inside the element `element`, when
  /// not `element` itself; nil while the index provably stays in the array (a constant
  /// extent, the index's constant bounds over the open loops inside it). C programs also index
  /// past an inner extent (`m[0][i]` over a whole matrix, the "struct hack" `h->d[i]` with
  /// `double d[1]`, a flexible array member `f->d[i]`): the element moves by
  /// floor(index / extent) for a constant extent (a row of the element, or an array at an
  /// offset inside it; a bound summed over nested arrays too), and by a value between 0 and
  /// the index for a variable-length row. An incomplete or empty array (`d[]`, `d[0]`) or an
  /// index with no symbolic form leaves the element's offset unknown.
  func elementsPast(_ element: PointerTarget, array: CType, at position: Polynomial?) -> PointerTarget? {
    guard case .parameter = element else { return nil }
    guard let extent = arrayExtent(array), let position else { return element.withoutOffset }
    // The index's least and greatest values: its bounded values (`j % 3`) at their bounds, the
    // open loops' variables at theirs (all at once: a range needs no correlation).
    let range = indexRange(of: position)?.range ?? IndexRange(low: position, high: position)
    let low = extremeOverOpenLoops(of: range.low, lowest: true) ?? range.low
    let high = extremeOverOpenLoops(of: range.high, lowest: false) ?? range.high
    if let least = low.integerValue, least >= 0, let room = (extent - .one - high).integerValue, room >= 0 {
      return nil
    }
    guard let size = extent.integerValue else {
      return element.offset(by: boundedValue(low: .minimum(.zero, low), high: .maximum(.zero, high)).polynomial)
    }
    // A constant extent E: floor(low / E) (a truncating `(low - (E - 1)) / E`) .. floor(high / E)
    // (truncation is never below the floor), 0 included for the element itself.
    let shift = boundedValue(
      low: .minimum(.zero, (low - Polynomial(size - 1)) / Polynomial(size)),
      high: .maximum(.zero, high / Polynomial(size)))
    return element.offset(by: shift.polynomial)
  }

  /// The number of elements of an array type, at least 1: a constant, or the unchanged
  /// integer parameter a variable-length row is declared with (`double m[rows][cols]`);
  /// nil for an incomplete or empty array (`d[]`, `d[0]`) or another variable length.
  func arrayExtent(_ array: CType) -> Polynomial? {
    if let size = array.size, let elementSize = array.elementSize, elementSize > 0 {
      return size / elementSize >= 1 ? Polynomial(size / elementSize) : nil
    }
    guard let open = array.spelling.lastIndex(of: "["), array.spelling.hasSuffix("]") else { return nil }
    let bound = array.spelling[
      array.spelling.index(after: open)..<array.spelling.index(before: array.spelling.endIndex)
    ]
    .trimmingCharacters(in: .whitespaces)
    guard
      let parameter = function.parameters.first(where: { $0.name == bound }), parameter.type.kind == .integer,
      !mutations.isModified(bound)
    else { return nil }
    return .variable(bound)
  }

  /// `&lvalue`, or what an array lvalue decays to. A pointer to a field or a row counts in
  /// other units than the memory's elements: its offset is unknown.
  func address(of lvalue: Expr) -> PointerTarget {
    switch lvalue.kind {
    case .subscripted(let base, let index):
      // A pointer to the lvalue: to a row `&A[i]` as to an element (a row of a row decays to
      // a view, `decayed`).
      return address(base: base, index: index)
    case .unary("*", let inner):
      return pointerTarget(evaluate(inner), inner)
    case .member:
      return element(of: lvalue).withoutOffset
    case .name(let name, .global):
      return .global(name)
    case .name(let name, .local) where lvalue.type.kind == .array:
      return pointers[name] ?? .privateMemory
    case .name(let name, .local), .name(let name, .parameter):
      // `&p` of a pointer: whatever `*&p` later holds or reaches is not followed.
      if lvalue.type.isPointerLike {
        pointerEscapes(
          parametersPossiblyHeld(by: name), lvalue.text, at: lvalue.location, "is reached through '&\(name)'")
      }
      return .privateMemory
    case .cast(let inner):
      return address(of: inner)
    default:
      evaluate(lvalue)
      return .unknown(lvalue.text)
    }
  }

  /// `base[index]` as a pointer to the element.
  func address(base: Expr, index: Expr) -> PointerTarget {
    let baseValue = evaluate(base)
    let indexValue = evaluate(index)
    // `3[a]` is legal C; normalize to pointer + integer.
    if case .scalar = baseValue, case .pointer(let target) = indexValue {
      return target.offset(by: baseValue.polynomial)
    }
    return pointerTarget(baseValue, base).offset(by: indexValue.polynomial)
  }

  func pointerTarget(_ value: Value, _ expression: Expr) -> PointerTarget {
    if case .pointer(let target) = value { return target }
    return .unknown(expression.text)
  }

  /// The value loaded by an access: pointers loaded from memory point to unknown places, a
  /// byte, a `uint16_t` or a `bool` is one of its type's values (`lut[in[i]]`).
  func valueStored(at expression: Expr) -> Value {
    if expression.type.isPointerLike { return .pointer(.unknown(expression.text)) }
    return typeBoundedValue(expression.type) ?? .unknownScalar
  }

  /// A load or store of one element through `target`; `wholeScalar`: a store that covers every
  /// byte of one scalar of the element (`wholeScalar(_:in:within:)`).
  func access(_ target: PointerTarget, write: Bool, _ expression: Expr, wholeScalar: DenseStores.Scalar? = nil) {
    summary.addWork(1)
    switch target {
    case .parameter(let index, _) where isWider(expression.type.size, thanAnElementOf: index):
      // Through a pointer to a wider type (`double *d = voidp`, `(long long *)ints`): the
      // offset and the count are in the wider elements, not the parameter's.
      summary.parameters[index, default: ParameterAccess()].record(
        write: write, count: nil, range: nil,
        unboundedBecause:
          "'\(expression.text)' at \(expression.location.withBaseName) accesses more than one element of it")
    case .view(let view):
      accessView(view, write: write, expression)
    case .parameter(let index, let offset):
      let elements = offset.flatMap(indexRange(of:))
      summary.parameters[index, default: ParameterAccess()].record(
        write: write, count: .one, range: elements?.range, covering: elements?.exact == false, wholeScalar: wholeScalar,
        unboundedBecause:
          "the index of '\(expression.text)' at \(expression.location.withBaseName) has no symbolic form"
      )
    case .parameters(let indices):
      for index in indices {
        summary.parameters[index, default: ParameterAccess()].record(
          write: write, count: .one, range: nil,
          unboundedBecause:
            "'\(expression.text)' at \(expression.location.withBaseName) may point into "
            + indices.map { "'\(function.parameters[$0].name)'" }.joined(separator: " or "))
      }
    case .privateMemory, .constantData:
      break
    case .global(let name):
      if write {
        summary.addReason(Reason(.writesGlobal, name, at: expression.location))
      } else {
        readGlobal(name, at: expression.location)
      }
    case .unknown(let description):
      summary.addReason(
        Reason(write ? .writesForeignMemory : .readsForeignMemory, description, at: expression.location))
      // A variable that held a parameter before it was moved to unknown memory (a list walk)
      // may still touch the parameter's: its figures are then unbounded, not zero.
      for index in parametersPossiblyHeld(by: description) {
        summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
          reading: !write, writing: write,
          because:
            "'\(description)' at \(expression.location.withBaseName) may point into it or into memory that derives from no parameter"
        )
      }
    }
  }

  /// Whether `size` bytes are more than one element of pointer parameter `index` (whose
  /// element is `void` or known in size): figures counted in `size`-byte units would be too
  /// small in the parameter's.
  func isWider(_ size: Int?, thanAnElementOf index: Int) -> Bool {
    let parameter = function.parameters[index].type
    guard let size else { return false }
    if parameter.pointsToVoid { return true }
    guard let elementSize = parameter.elementSize, elementSize > 0 else { return false }
    return size > elementSize
  }

  /// An assignment to `target`; `compound` for `+=`, `++` and friends, which also read it;
  /// `maybe` for an operator hidden in a macro, which may not store at all (never dense).
  /// `source`: the expression whose value is stored, when it is one (`OwnAddressCopies`).
  func assign(_ target: Expr, value: Value, compound: Bool, maybe: Bool = false, source: Expr? = nil) {
    switch target.kind {
    case .name(let name, .global):
      summary.addReason(Reason(.writesGlobal, name, at: target.location))
      if case .pointer(let pointee) = value {
        pointerEscapes(pointee.parameterIndices, target.text, at: target.location, "keeps a pointer to it")
      }
    case .name(let name, _):
      if !compound { bind(name, to: value, type: target.type, at: target.location) }
      // `k *= 2`, a macro's hidden operator: a followed integer's value is not known any more.
      if compound, walkedScalarNames.contains(name) { scalars[name] = nil }
    case .cast(let inner):
      assign(inner, value: value, compound: compound, maybe: maybe, source: source)
    case .subscripted, .unary("*", _), .member:
      let (stored, within) = located(target)
      if target.type.isAtomic, !stored.parameterIndices.isEmpty {
        // Tasks running at once may update it together; on other ranks each updates a copy.
        // A compound update is a compare-and-swap loop: its loads are not counted either.
        summary.addReason(Reason(.updatesAtomically, target.text, at: target.location))
        pointerEscapes(stored.parameterIndices, target.text, at: target.location, "is updated atomically")
      }
      // A bit-field store reads the storage unit it shares with the other fields.
      if compound || target.type.isBitField { access(stored, write: false, target) }
      access(
        stored, write: true, target, wholeScalar: maybe ? nil : wholeScalar(target, in: stored, within: within))
      storedPointer(value, into: target, storedIn: stored, from: source)
    default:
      evaluate(target)
    }
  }

  /// What storing to the lvalue `target`, which lies in `stored` at `within`, sets whole in a
  /// parameter's element (`DenseStores`): an integer or floating lvalue (no padding inside it:
  /// `long double`, wider than 8 bytes, has some) that is the element, or one of the scalars of
  /// an element that is an array of them (a row `m[i][j]`: `located` counts `within` in them).
  private func wholeScalar(_ target: Expr, in stored: PointerTarget, within: Polynomial?) -> DenseStores.Scalar? {
    guard case .parameter(let index, _) = stored, let within, target.type.isArithmetic, !target.type.isBitField,
      let size = target.type.size, size > 0, size <= 8, let elementSize = function.parameters[index].type.elementSize,
      elementSize % size == 0
    else { return nil }
    return DenseStores.Scalar(within: within, parts: elementSize / size)
  }

  /// Storing a pointer to a parameter's data in memory lets it outlive the task. Storing an
  /// address of this process's own (allocated, local, a literal's, a global's) into a
  /// parameter's data sends it back to a rank where it means nothing.
  /// A function's address (`j->fn = handler`) is one too: code moves with each process (PIE).
  private func storedPointer(_ value: Value, into target: Expr, storedIn stored: PointerTarget, from source: Expr?) {
    if case .pointer(let pointee) = value {
      for index in pointee.parameterIndices {
        summary.addReason(
          Reason(.storesParameterPointer(into: target.text), function.parameters[index].name, at: target.location))
      }
      pointerEscapes(pointee.parameterIndices, target.text, at: target.location, "keeps a pointer to it")
    }
    guard !stored.parameterIndices.isEmpty else { return }
    let ownAddress: Bool
    switch value {
    case .pointer(.privateMemory), .pointer(.constantData), .pointer(.global): ownAddress = true
    default: ownAddress = target.type.isFunctionPointer && value.polynomial?.isZero != true
    }
    // Into one parameter's memory as an address (`t->left = calloc(...)`): about that memory
    // alone, so not held by a caller that gives memory of its own which it takes to hold
    // addresses, where a copy out of it (`*out = *own`) is its own reason (`reasonPassedUp`).
    // Else held by every caller: an address stored as a number (`t->key = (long)p`) is
    // followed no further.
    if ownAddress {
      let memory = stored.parameterIndices.count == 1 && target.type.holdsAddresses ? stored.parameterIndex : nil
      summary.addReason(Reason(.storesOwnAddress, target.text, at: target.location, inMemoryOf: memory))
    } else if let source, value.placesNoParameter {
      // A value read from somewhere: it may carry an address stored there (`*out = *own`).
      copiedOwnAddress(from: source, into: target)
    }
  }

  /// `memcpy`/`memset` on a pointer: `bytes / sizeof(element)` elements from the pointer on.
  func bulk(_ value: Value, _ argument: Expr, write: Bool, bytes: Polynomial?) {
    let target = pointerTarget(value, argument)
    if case .view(let view) = target { return bulkView(view, argument, write: write, bytes: bytes) }
    guard case .parameter(let index, let offset) = target else {
      access(target, write: write, argument)
      return
    }
    let elementSize = function.parameters[index].type.elementSize ?? 1
    // A byte count in a range (`w * h` of two `unsigned`, `BoundedValues`): at most its highest,
    // perhaps fewer bytes, so neither surely touched nor stored whole.
    var bytes = bytes
    var atMost = false
    if let count = bytes, mentionsBoundedValue(count) {
      bytes = indexRange(of: count)?.range.high
      atMost = true
    }
    // Every element the bytes reach, the last one perhaps in part (10 bytes of ints: 3).
    var wholeElements = false
    let elements = bytes.map { bytes -> Polynomial in
      let size = Polynomial(elementSize)
      let whole = bytes / size
      wholeElements = whole * size == bytes
      return wholeElements ? whole : (bytes + size - 1) / size
    }
    summary.addWork(1)
    let start = offset.flatMap(indexRange(of:))
    let range = start.flatMap { start in
      elements.map { IndexRange(low: start.range.low, high: start.range.high + $0 - 1) }
    }
    // A destination of whole elements of a known size is stored whole (`DenseStores`).
    let storedWhole = write && wholeElements && function.parameters[index].type.elementSize != nil && !atMost
    summary.parameters[index, default: ParameterAccess()].record(
      write: write, count: elements, range: range, covering: start?.exact == false || atMost,
      touchedIf: atMost ? nil : elements,
      storedWhole: storedWhole,
      unboundedBecause:
        "the extent of '\(argument.text)' in the call at \(argument.location.withBaseName) has no symbolic form")
    summary.work = add(summary.work, elements)
  }

  /// The pointer parameters whose memory `target` may be in: a variable the analysis lost
  /// track of (`p = text; ...; p = end` with `end` set by `strtol(p, &end, 10)`) may still
  /// hold what it was given from a parameter (`parametersPossiblyHeld`).
  func parametersPossiblyAt(_ target: PointerTarget) -> [Int] {
    if case .unknown(let description) = target { return parametersPossiblyHeld(by: description) }
    return target.parameterIndices
  }

  /// A pointer handed to code dosc cannot see: anything may happen to what it points to,
  /// writes too unless the callee takes it as a pointer to const.
  /// A pointer into parameters' memory kept where the analysis does not follow it (in memory,
  /// a global or an integer; behind a pointer to the pointer): what later goes through it is
  /// not seen, so those parameters' figures are unbounded (they were `access: none`).
  func pointerEscapes(_ indices: [Int], _ text: String, at location: SourceLocation, _ how: String) {
    for index in indices {
      summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
        reading: true, writing: !function.parameters[index].type.pointsToConst,
        because: "'\(text)' at \(location.withBaseName) \(how), where dosc does not follow it")
    }
  }

  func escape(_ value: Value, _ argument: Expr, into callee: String, calleeTakesConst: Bool) {
    guard case .pointer(let target) = value else { return }
    for index in parametersPossiblyAt(target) {
      summary.parameters[index, default: ParameterAccess()].becomeUnbounded(
        reading: true, writing: !(calleeTakesConst || function.parameters[index].type.pointsToConst),
        because: "it is passed to '\(callee)' at \(argument.location.withBaseName)")
    }
  }
}

extension CType {
  /// A pointer to a function (its pointee's spelling is a function type, `int (int)`).
  var isFunctionPointer: Bool { kind == .pointer && (elementSpelling?.contains("(") ?? false) }
}

extension Expr {
  /// Whether this is an array in memory (a local array, a row, a field), not a pointer: an
  /// array parameter is a pointer, whatever its declaration says.
  var isArrayObject: Bool {
    guard type.kind == .array else { return false }
    switch kind {
    case .name(_, .parameter): return false
    case .name, .subscripted, .member, .unary("*", _): return true
    default: return false
    }
  }
}
