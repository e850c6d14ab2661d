import CSyntax

/// Addresses of the task's own process that reach the caller's memory by way of the task's own
/// memory: `n->name = "x"; *out = *n;`, `names[0] = "x"; out->name = names[0];`. A store of the
/// address itself is caught where it is made (`storedPointer`); a copy of a pointer-holding
/// value (a pointer, a structure or array with one inside) out of memory that is not the
/// caller's carries whatever was stored there, so it counts as storing an address of its own.
extension FunctionAnalyzer {
  /// Storing `source` (of a type that holds addresses) into a parameter's memory at `target`:
  /// a reason where the value may come from memory that is not the caller's.
  func copiedOwnAddress(from source: Expr, into target: Expr) {
    guard target.type.holdsAddresses else { return }
    if mayHoldOwnAddress(source) {
      summary.addReason(Reason(.storesOwnAddress, target.text, at: target.location))
    } else {
      copiedFromParameters(parametersRead(by: source), into: target)
    }
  }

  /// A copy out of parameters' memory: the caller's for a task, but a helper's caller may give
  /// its own (`copy(out, &n)`): a reason for each, held only where it is not the caller's.
  private func copiedFromParameters(_ indices: [Int], into target: Expr) {
    for index in indices {
      var reason = Reason(.storesOwnAddress, target.text, at: target.location)
      reason.unlessCallersMemory = index
      summary.addReason(reason)
    }
  }

  /// The parameters whose memory `expression` (judged not to hold an own address) was read
  /// from: where its load lies.
  private func parametersRead(by expression: Expr, visiting: Set<String> = []) -> [Int] {
    switch expression.kind {
    case .cast(let inner): return parametersRead(by: inner, visiting: visiting)
    case .subscripted, .member, .unary("*", _): return placeQuietly(expression).parameterIndices
    case .conditional(_, let then, let otherwise):
      return parametersRead(by: then, visiting: visiting) + parametersRead(by: otherwise, visiting: visiting)
    case .binary("=", _, let value), .binary(",", _, let value): return parametersRead(by: value, visiting: visiting)
    case .name(let name, .local) where expression.type.isPointer && !visiting.contains(name):
      // A pointer variable: what each value it is given was read from.
      return (mutations.assignedValues[name] ?? []).flatMap {
        parametersRead(by: $0, visiting: visiting.union([name]))
      }
    default: return []
    }
  }

  /// `memcpy(destination, source, n)` into a parameter's memory of values that hold addresses
  /// (either side's element type says so) from memory that is not the caller's.
  func copiedOwnAddresses(from source: Expr, into destination: Expr) {
    let from = source.withoutCasts
    guard destination.withoutCasts.type.elementHoldsAddresses || from.type.elementHoldsAddresses else { return }
    guard from.type.kind == .array ? mayHoldOwnAddress(from) : pointeeMayHoldOwnAddress(from) else {
      if case .pointer(let target) = evaluateQuietly(from) {
        copiedFromParameters(target.parameterIndices, into: destination)
      }
      return
    }
    summary.addReason(Reason(.storesOwnAddress, destination.text, at: destination.location))
  }

  /// Whether the value of `expression` may hold an address of this process, as far as where it
  /// was read from tells: a load from the caller's memory (a parameter's) does not, one from the
  /// task's own memory (a local, what it allocated, a global) or from where the analysis does
  /// not follow may. Pointers the evaluation places are judged by `storedPointer`.
  private func mayHoldOwnAddress(_ expression: Expr, visiting: Set<String> = []) -> Bool {
    switch expression.kind {
    case .cast(let inner):
      return mayHoldOwnAddress(inner, visiting: visiting)
    case .subscripted, .member, .unary("*", _):
      return !isCallersMemory(placeQuietly(expression))
    case .name(let name, .local), .name(let name, .parameter):
      // A structure or array variable is the task's own memory; a pointer variable holds
      // what it was given, followed through its assignments.
      guard expression.type.isPointer else { return true }
      if case .name(_, .parameter) = expression.kind, !mutations.isModified(name) { return false }
      if visiting.contains(name) { return false }
      if mutations.addressTaken.contains(name) { return true }
      return (mutations.assignedValues[name] ?? []).contains {
        mayHoldOwnAddress($0, visiting: visiting.union([name]))
      }
    case .conditional(_, let then, let otherwise):
      return mayHoldOwnAddress(then, visiting: visiting) || mayHoldOwnAddress(otherwise, visiting: visiting)
    case .binary("+", let a, let b), .binary("-", let a, let b):
      let pointer = a.type.isPointerLike ? a : b
      return pointer.type.isPointerLike ? mayHoldOwnAddress(pointer, visiting: visiting) : false
    case .binary("=", _, let value), .binary(",", _, let value):
      return mayHoldOwnAddress(value, visiting: visiting)
    case .integerLiteral, .constant:
      return false
    case .unary("&", let operand):
      return !isCallersMemory(quietly { self.address(of: operand) })
    default:
      // A call's result, a global, what the analysis does not model: perhaps.
      return true
    }
  }

  /// Whether what the pointer `expression` points to may hold an address of this process.
  private func pointeeMayHoldOwnAddress(_ expression: Expr) -> Bool {
    if case .pointer(let target) = evaluateQuietly(expression), isCallersMemory(target) { return false }
    return true
  }

  private func isCallersMemory(_ target: PointerTarget) -> Bool { !target.parameterIndices.isEmpty }

  private func placeQuietly(_ lvalue: Expr) -> PointerTarget { quietly { self.element(of: lvalue) } }
}

extension Value {
  /// Not a pointer into a parameter's memory (one stored is a reason of its own).
  var placesNoParameter: Bool {
    if case .pointer(let target) = self { return target.parameterIndices.isEmpty }
    return true
  }
}

extension Expr {
  /// The expression inside any conversions.
  var withoutCasts: Expr {
    if case .cast(let inner) = kind { return inner.withoutCasts }
    return self
  }
}
