import CSyntax

/// Addresses of the task's own process that reach the caller's memory: an address stored
/// there is caught where it is made (`storedPointer`); a value copied there that carries one
/// read from the task's own memory (`*out = *n` after `n->name = "x"`, bytes of a local
/// structure through an `unsigned char *`, `memcpy` from a `void *`, an address made a number
/// and kept in a local) is judged by `OwnAddressContents`, by where the copy reads, not by its
/// static type. A helper's copy out of its parameter's memory holds only where its caller
/// passes memory of its own that may hold addresses (`Reason.unlessCallersMemory`).
extension FunctionAnalyzer {
  /// Storing `source` into a parameter's memory at `target`.
  func copiedOwnAddress(from source: Expr, into target: Expr) {
    report(ownAddresses.carried(source), .storesOwnAddress, at: target)
  }

  /// `memcpy(destination, source, n)` into a parameter's memory: the bytes `source` points to.
  func copiedOwnAddresses(from source: Expr, into destination: Expr) {
    report(ownAddresses.bytes(at: source), .storesOwnAddress, at: destination)
  }

  /// `return value` of a function that returns a number: one made of an own address means
  /// nothing to a caller on another rank (`(long)(intptr_t)malloc(8)`), nor to a caller of a
  /// helper that stores it in what it was given.
  func returnedOwnAddress(_ value: Expr) {
    guard function.returnType.isArithmetic else { return }
    report(ownAddresses.carried(value), .returnsOwnAddress, at: value)
  }

  private func report(_ carried: CarriedAddresses, _ kind: Reason.Kind, at target: Expr) {
    if carried.own {
      summary.addReason(Reason(kind, target.text, at: target.location))
      return
    }
    for index in carried.parameters.sorted() {
      var reason = Reason(kind, target.text, at: target.location)
      reason.unlessCallersMemory = index
      summary.addReason(reason)
    }
  }

  /// A callee's reason that holds unless what it copied came from its caller (the memory a
  /// pointer parameter points to, a number parameter's value), passed with `argument` for
  /// that parameter: dropped where the argument points only into memory of this function's
  /// own that holds no address (is a number made of none), held anywhere where it may point
  /// into own memory that may (may be an own address), else one reason for each parameter it
  /// may come from (held where that one is not this function's caller's).
  func passedUp(unlessCallersMemory reason: Reason, argument: Expr?, byValue: Bool) -> [Reason] {
    guard let argument else { return [reason.heldAnywhere] }
    let carried = byValue ? ownAddresses.carried(argument) : ownAddresses.bytes(at: argument)
    if carried.own { return [reason.heldAnywhere] }
    return carried.parameters.sorted().map { index in
      var passed = reason.heldAnywhere
      passed.unlessCallersMemory = index
      return passed
    }
  }
}

extension Value {
  /// Not a pointer into a parameter's memory (one stored is a reason of its own).
  var placesNoParameter: Bool {
    if case .pointer(let target) = self { return target.parameterIndices.isEmpty }
    return true
  }
}
