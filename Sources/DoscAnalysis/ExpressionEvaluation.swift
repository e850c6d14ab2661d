import CSyntax
import SymbolicAlgebra

extension FunctionAnalyzer {
  /// Evaluates an expression whose effects were already counted (loop headers), and made: the
  /// values followed (`k++` in `for (i = k++; ...)`) are left as they are.
  func evaluateQuietly(_ expression: Expr) -> Value { quietly { self.evaluate(expression) } }

  /// `body`'s result, with the work, reasons and followed values it changes put back.
  func quietly<T>(_ body: () -> T) -> T {
    let saved = (summary, scalars, pointers)
    defer { (summary, scalars, pointers) = saved }
    return body()
  }

  /// The symbolic value of `expression`, counting its work and memory effects as it goes.
  @discardableResult
  func evaluate(_ expression: Expr) -> Value {
    switch expression.kind {
    case .integerLiteral(let value), .constant(let value):
      return .scalar(Polynomial(value))
    case .floatingLiteral:
      return .unknownScalar
    case .stringLiteral:
      return .pointer(.constantData)
    case .name(let name, let reference):
      return nameValue(name, reference, expression)
    case .binary(let op, let lhs, let rhs):
      return binary(op, lhs, rhs, expression)
    case .unary(let op, let operand):
      return unary(op, operand, expression)
    case .subscripted, .member:
      return load(expression)
    case .call(let callee, let calleeExpr, let arguments):
      return call(callee, calleeExpr, arguments, expression)
    case .cast(let inner):
      let value = evaluate(inner)
      if case .pointer(let pointee) = value, expression.type.isPointer,
        expression.type.elementSize != inner.type.elementSize
      {
        // A cast to another element type: offsets count in other units (`ParameterViews`).
        return .pointer(viewed(pointee, as: expression.type))
      }
      let target = expression.type
      if case .pointer(let address) = value, target.kind == .integer, !address.parameterIndices.isEmpty {
        // `(uintptr_t)p % 64`, an address hashed: another rank holds the data elsewhere.
        summary.addReason(Reason(.usesAddressAsNumber, expression.text, at: expression.location))
      }
      guard case .scalar(let x) = value, target.kind == .integer else { return value }
      if target.wrapsBelow64Bits, !(inner.type.isUnsigned && (inner.type.size ?? 8) <= 4), x?.integerValue == nil {
        // To `unsigned` from a signed or wider value (`(unsigned)(i - 1)`): modulo 2^32.
        return .unknownScalar
      }
      if target.isUnsigned, target.size == 8, let constant = x?.integerValue, constant < 0 {
        // `(size_t)-4` is 2^64 - 4, which no figure holds.
        return .unknownScalar
      }
      if target.isUnsigned, target.size == 8, !inner.type.isUnsigned, let x,
        let low = rangeOverOpenLoops(x)?.low.integerValue,
        low < 0
      {
        // `(size_t)(i - 1)` at `i = 0` of a loop from 0 is 2^64 - 1 (`/ 2` then 2^63 - 1), not -1.
        return .unknownScalar
      }
      return converted(x, to: target)
    case .conditional(let condition, let then, let otherwise):
      evaluate(condition)
      var results: [Value] = []
      let guards = loopGuards(condition)
      alternatives(
        [{ results.append(self.evaluate(then)) }, { results.append(self.evaluate(otherwise)) }],
        guards: [guards.then, guards.otherwise])
      switch (results[0], results[1]) {
      case (.scalar(let x?), .scalar(let y?)) where x != y && expression.type.kind == .integer:
        if let extreme = extremum(condition, x, y, expression) { return .scalar(extreme) }
        // A neighbour's index (`y == 0 ? c : c - nx`): one of the two.
        return eitherValue(x, y, guards: (guards.then, guards.otherwise))
      case (.pointer(.parameter(let i, let x?)), .pointer(.parameter(let j, let y?))) where i == j && x != y:
        return .pointer(
          .parameter(index: i, offset: eitherValue(x, y, guards: (guards.then, guards.otherwise)).polynomial))
      default:
        return Value.either(results[0], results[1], type: expression.type, text: expression.text)
      }
    case .initializerList(let items):
      for item in items {
        // `struct view v = {a, n}`, `double *rows[] = {a, a + ld}`: a pointer kept in memory.
        if case .pointer(let target) = evaluate(item) {
          pointerEscapes(target.parameterIndices, item.text, at: item.location, "is kept in '\(expression.text)'")
        }
      }
      return .unknownScalar
    case .unsupported(nestedTooDeeply, _):
      anythingMayHappen(at: expression.location)
      return expression.type.isPointerLike ? .pointer(.unknown(expression.text)) : .unknownScalar
    case .unsupported(let kind, let items):
      // An expression the analysis does not model may load or store through a pointer operand
      // (clang's AtomicExpr: `__atomic_fetch_add(p, 1, ...)`, `atomic_fetch_add(p, 1)`).
      for item in items { unmodeledOperand(evaluate(item), item, of: kind) }
      summary.noteUnboundedWork("unsupported expression '\(kind)' at \(expression.location.withBaseName)")
      return expression.type.isPointerLike ? .pointer(.unknown(expression.text)) : .unknownScalar
    }
  }

  private func nameValue(_ name: String, _ reference: Reference, _ expression: Expr) -> Value {
    // A floating value is no integer figure: `(int)x` is not `x` (x = 2.5), `i < x` runs ceil(x) times.
    if expression.type.kind == .floating { return .unknownScalar }
    if let value = inductionVariables[name] { return .scalar(value) }
    switch reference {
    case .parameter(let index):
      if expression.type.isPointerLike {
        if !mutations.isModified(name) { return .pointer(.parameter(index: index, offset: .zero)) }
        return .pointer(pointers[name] ?? walkedTarget(of: name) ?? .unknown(name))
      }
      if !mutations.isModified(name) { return .scalar(.variable(name)) }
      if let value = scalars[name] ?? invariantValue(of: name, marker: "#cur") { return .scalar(value) }
      return typeBoundedValue(expression.type) ?? .unknownScalar
    case .local:
      if expression.type.kind == .array { return .pointer(pointers[name] ?? .privateMemory) }
      if expression.type.isPointerLike { return .pointer(pointers[name] ?? walkedTarget(of: name) ?? .unknown(name)) }
      if let value = scalars[name] { return .scalar(value) }
      if let value = invariantValue(of: name, marker: "") { return .scalar(value) }
      // A `char` or `bool` the loops around change: one of its type's values.
      return typeBoundedValue(expression.type) ?? .unknownScalar
    case .global:
      if expression.type.kind == .array || expression.type.kind == .function { return .pointer(.global(name)) }
      readGlobal(name, at: expression.location)
      return expression.type.isPointerLike ? .pointer(.unknown(name)) : .unknownScalar
    case .enumerator(let value):
      return .scalar(Polynomial(value))
    case .sharedConstantRead(let value):
      // What a correct program never changes: its value, as a macro's (the read is still noted).
      readGlobal(name, at: expression.location)
      return .scalar(Polynomial(value))
    case .function, .unknown:
      return .unknownScalar
    }
  }

  /// A variable's current value as a symbol, valid while no open loop changes it.
  private func invariantValue(of name: String, marker: String) -> Polynomial? {
    if openLoops.contains(where: { $0.contains(name) }) { return nil }
    // A followed parameter's name is its value at the call (`ScalarWalks`), not its value now.
    if mutations.isSingleAssignment(name) && !walkedScalarNames.contains(name) { return .variable(name) }
    return .variable(name + (marker.isEmpty ? "#cur" : marker))
  }

  /// Where a pointer variable assigned more than once points (`p = in; ... p += m;`, `*p++`):
  /// into the one memory every value it is given derives from, at an offset the analysis does
  /// not follow; nil when its values derive from different memories or from unknown ones.
  func walkedTarget(of name: String) -> PointerTarget? {
    var visiting: Set<String> = []
    func target(ofVariable name: String) -> PointerTarget? {
      guard !mutations.addressTaken.contains(name), visiting.insert(name).inserted else { return nil }
      defer { visiting.remove(name) }
      var targets: [PointerTarget] = []
      if let index = function.parameters.firstIndex(where: { $0.name == name }) {
        targets.append(.parameter(index: index, offset: nil))
      }
      for value in mutations.assignedValues[name] ?? [] {
        guard let base = base(of: value, assigningTo: name) else { return nil }
        if let base { targets.append(base.withoutOffset) }
      }
      return targets.isEmpty ? nil : PointerTarget.either(targets)
    }
    /// `.some(nil)`: the variable itself (`p = p + 1`), which adds no new memory.
    func base(of value: Expr, assigningTo variable: String) -> PointerTarget?? {
      switch value.kind {
      case .cast(let inner): return base(of: inner, assigningTo: variable)
      case .name(let other, _) where other == variable: return .some(nil)
      case .name(let other, .parameter(let index)) where value.type.isPointerLike:
        if !mutations.isModified(other) { return .parameter(index: index, offset: nil) }
        return target(ofVariable: other).map { .some($0) }
      case .name(let other, .local) where value.type.kind == .array:
        return .some(pointers[other]?.withoutOffset ?? .privateMemory)
      case .name(let other, .local) where value.type.isPointerLike:
        return target(ofVariable: other).map { .some($0) }
      case .binary(let op, let a, let b) where op == "+" || op == "-":
        if a.type.isPointerLike { return base(of: a, assigningTo: variable) }
        if b.type.isPointerLike && op == "+" { return base(of: b, assigningTo: variable) }
        return nil
      case .unary("&", let operand):
        if case .subscripted(let array, _) = operand.kind { return base(of: array, assigningTo: variable) }
        return nil
      default:
        return nil
      }
    }
    return target(ofVariable: name)
  }

  /// The pointer parameters whose memory the variable `name` may point into, through the
  /// values it is given (`n = n->next` in a list walk: `n` first points at the parameter's
  /// node, later at nodes that derive from no parameter). A load or store through such a
  /// variable, which `walkedTarget` cannot place, may still touch these parameters' memory.
  func parametersPossiblyHeld(by name: String) -> [Int] {
    var visited: Set<String> = []
    var found: Set<Int> = []
    func visit(_ variable: String) {
      guard visited.insert(variable).inserted else { return }
      if let index = function.parameters.firstIndex(where: { $0.name == variable }),
        function.parameters[index].type.isPointerLike
      {
        found.insert(index)
      }
      for value in mutations.assignedValues[variable] ?? [] { visitBase(value) }
    }
    func visitBase(_ value: Expr) {
      switch value.kind {
      case .cast(let inner): visitBase(inner)
      case .name(let other, .parameter), .name(let other, .local): visit(other)
      case .binary(let op, let a, let b) where op == "+" || op == "-":
        if a.type.isPointerLike { visitBase(a) } else if b.type.isPointerLike { visitBase(b) }
      case .conditional(_, let then, let otherwise):
        visitBase(then)
        visitBase(otherwise)
      case .unary("&", let operand):
        if case .subscripted(let array, _) = operand.kind { visitBase(array) }
      case .call(_, _, let arguments):
        // A function may return a pointer it is given (`long *q = id(out)`).
        for argument in arguments where argument.type.isPointerLike { visitBase(argument) }
      case .binary("=", _, let value), .binary(",", _, let value):
        visitBase(value)
      default:
        break
      }
    }
    visit(name)
    return found.sorted()
  }

  private func binary(_ op: String, _ lhs: Expr, _ rhs: Expr, _ expression: Expr) -> Value {
    switch op {
    case "=":
      let value = evaluate(rhs)
      summary.addWork(1)
      assign(lhs, value: value, compound: false, source: rhs)
      return value
    case "?=":
      // An operator hidden in a macro that may assign (`MacroStores`): taken for a compound
      // assignment, which reads and writes its target; a pointer it may store still counts.
      let value = evaluate(rhs)
      summary.addWork(1)
      assign(lhs, value: value, compound: true, maybe: true, source: rhs)
      return .unknownScalar
    case "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=":
      if op == "+=" || op == "-=", let name = lhs.assignedName, isWalkedPointer(name, type: lhs.type) {
        let amount = evaluate(rhs).polynomial
        summary.addWork(1)
        step(name, by: op == "+=" ? amount : amount.map { -$0 })
        return .unknownScalar
      }
      if let value = stepWalkedScalar(op, lhs, by: rhs) { return value }
      evaluate(rhs)
      summary.addWork(1)
      assign(lhs, value: .unknownScalar, compound: true, source: rhs)
      return .unknownScalar
    case ",":
      evaluate(lhs)
      return evaluate(rhs)
    case "&&", "||":
      evaluate(lhs)
      // The right operand runs only where the left one holds (`&&`) or fails (`||`).
      let guards = loopGuards(lhs)
      alternatives([{ self.evaluate(rhs) }, {}], guards: [op == "&&" ? guards.then : guards.otherwise])
      summary.addWork(1)
      return .unknownScalar
    default:
      break
    }
    let a = evaluate(lhs)
    let b = evaluate(rhs)
    summary.addWork(1)
    switch (op, a, b) {
    case ("+", .pointer(let target), .scalar(let amount)), ("+", .scalar(let amount), .pointer(let target)):
      return .pointer(arithmeticBase(target, expression).offset(by: amount))
    case ("-", .pointer(let target), .scalar(let amount)):
      return .pointer(arithmeticBase(target, expression).offset(by: amount.map { -$0 }))
    case (_, .pointer(let x), .pointer(let y)) where Self.addressRelations.contains(op):
      noteAddressRelation(x, y, expression)
      return .unknownScalar
    case ("%", .scalar(let x), .scalar(let y)):
      guard let divisor = y?.integerValue else {
        return remainder(x, byVariable: y, unsigned: expression.type.isUnsigned)
      }
      return remainder(x, by: divisor, unsigned: expression.type.isUnsigned)
    case ("&", .scalar(let x), .scalar(let y)):
      return masked(x, y)
    case (_, .scalar(let x), .scalar(let y)):
      guard let x, let y else { return .unknownScalar }
      if expression.type.isUnsigned, op == "/" || op == ">>", [x, y].contains(where: { ($0.integerValue ?? 0) < 0 }) {
        // An unsigned quotient of a negative constant (`i / -4` of a `size_t` divides by 2^64 - 4).
        return .unknownScalar
      }
      if op == ">>", expression.type.kind == .integer, !expression.type.isUnsigned, let shift = y.integerValue,
        (0..<32).contains(shift)
      {
        return shiftedRight(x, by: shift)
      }
      if expression.type.wrapsBelow64Bits {
        // `unsigned` arithmetic is modulo 2^32: exact only where the value surely fits (a
        // constant, `c * 16u` of a byte `c`).
        guard let value = exactArithmetic(op, x, y), let range = rangeOverOpenLoops(value),
          let low = range.low.integerValue, let high = range.high.integerValue, low >= 0, high < 1 << 32
        else {
          // `w * h` of two `unsigned` parameters: (w*h) mod 2^32 is in [0, w*h], so a loop
          // `i < w * h` runs at most w*h times (figures over [0, w*h) cover it).
          if op == "*", isUnsignedParameterProduct(x), isUnsignedParameterProduct(y),
            let product = exactArithmetic(op, x, y)
          {
            return boundedValue(low: .zero, high: product)
          }
          return .unknownScalar
        }
        return .scalar(value)
      }
      return .scalar(exactArithmetic(op, x, y))
    default:
      return .unknownScalar
    }
  }

  /// Where pointer arithmetic of `expression`'s type starts from `target`: on a `void *` (GNU
  /// C) it counts bytes, whatever units `target` is in (`inBytes`).
  private func arithmeticBase(_ target: PointerTarget, _ expression: Expr) -> PointerTarget {
    expression.type.pointsToVoid ? inBytes(target) : target
  }

  /// Whether `value` is a product of `unsigned` parameters no statement changes, with a
  /// positive coefficient (`w`, `2*w*h`): its C value is the polynomial's, never negative.
  /// A signed parameter (`w * n` of an `int n`) is converted to `unsigned` first: -1 is
  /// 2^32 - 1, not the symbol's value.
  private func isUnsignedParameterProduct(_ value: Polynomial) -> Bool {
    guard value.signAssumingNonNegativeVariables == 1, value.terms.count == 1 else { return false }
    return value.variables.allSatisfy { name in
      guard let parameter = function.parameters.first(where: { $0.name == name }) else { return false }
      return parameter.type.kind == .integer && parameter.type.isUnsigned && !mutations.isModified(name)
    }
  }

  /// A pointer operand of an expression the analysis does not model: what it points to may be
  /// read and written (a parameter's figures are unbounded), and a global's or unknown memory
  /// keeps the task home.
  func unmodeledOperand(_ value: Value, _ item: Expr, of kind: String) {
    guard case .pointer(let target) = value else { return }
    pointerEscapes(target.parameterIndices, item.text, at: item.location, "is an operand of '\(kind)'")
    switch target {
    case .global(let name): summary.addReason(Reason(.writesGlobal, name, at: item.location))
    case .unknown: summary.addReason(Reason(.writesForeignMemory, item.text, at: item.location))
    default: break
    }
  }

  /// Operators whose result depends on where two pointers are, not only on what they point to.
  private static let addressRelations: Set<String> = ["-", "<", "<=", ">", ">=", "==", "!="]

  /// Another rank receives each pointer parameter's footprint in a buffer of its own: a
  /// difference or comparison of two addresses holds there only within one parameter's memory
  /// (`p + i < p + n`), not between two parameters (`p < q`, `p - base` with both given, even
  /// into one array) nor between a parameter and any other address.
  private func noteAddressRelation(_ x: PointerTarget, _ y: PointerTarget, _ expression: Expr) {
    if let i = x.parameterIndex, i == y.parameterIndex { return }
    guard !x.parameterIndices.isEmpty || !y.parameterIndices.isEmpty else { return }
    summary.addReason(Reason(.relatesAddresses, expression.text, at: expression.location))
  }

  /// `x op y` in exact integers; nil for what has no polynomial.
  private func exactArithmetic(_ op: String, _ x: Polynomial, _ y: Polynomial) -> Polynomial? {
    switch op {
    case "+": return x + y
    case "-": return x - y
    case "*": return x * y
    case "/": return y.isZero ? nil : x / y
    case "<<":
      guard let shift = y.integerValue, (0..<32).contains(shift) else { return nil }
      return x * (1 << shift)
    case ">>":
      guard let shift = y.integerValue, (0..<32).contains(shift) else { return nil }
      return x / Polynomial(1 << shift)
    default: return nil
    }
  }

  private func unary(_ op: String, _ operand: Expr, _ expression: Expr) -> Value {
    switch op {
    case "*":
      return load(expression)
    case "&":
      return .pointer(address(of: operand))
    case "++", "--", "post++", "post--":
      summary.addWork(1)
      if let value = stepWalkedScalar(op, operand) { return value }
      if let name = operand.assignedName, isWalkedPointer(name, type: operand.type) {
        let before = pointers[name]
        step(name, by: op.hasSuffix("++") ? .one : -.one)
        let value = op.hasPrefix("post") ? before : pointers[name]
        return .pointer(value ?? walkedTarget(of: name) ?? .unknown(name))
      }
      // `*p++` loads through the pointer's value: where it points before (or after) the step.
      let value = operand.type.isPointerLike ? evaluateQuietly(operand) : .unknownScalar
      assign(operand, value: .unknownScalar, compound: true)
      if case .pointer(let target) = value { return .pointer(target.withoutOffset) }
      return .unknownScalar
    case "?++":
      // A step (or a sign) spelled in a macro (`BodyConverter.hiddenUnaryOperator`): the
      // operand may change, by an amount not known.
      summary.addWork(1)
      let value = operand.type.isPointerLike ? evaluateQuietly(operand) : .unknownScalar
      if let name = operand.assignedName, isWalkedPointer(name, type: operand.type) {
        step(name, by: nil)
      } else {
        assign(operand, value: .unknownScalar, compound: true, maybe: true)
      }
      if case .pointer(let target) = value { return .pointer(target.withoutOffset) }
      return .unknownScalar
    case "-":
      summary.addWork(1)
      return .scalar(evaluate(operand).polynomial.map { -$0 })
    case "+":
      return evaluate(operand)
    default:
      evaluate(operand)
      summary.addWork(1)
      return .unknownScalar
    }
  }
}

extension Expr {
  /// Every variable name the expression mentions.
  var names: Set<String> {
    var result: Set<String> = []
    if case .name(let name, _) = kind { result.insert(name) }
    for child in children { result.formUnion(child.names) }
    return result
  }
}
