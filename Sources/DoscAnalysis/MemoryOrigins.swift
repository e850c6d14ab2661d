import CSyntax

/// Where the memory a pointer points into comes from.
enum MemoryOrigin: Hashable {
  /// The memory a pointer parameter points to (for a task, its caller's).
  case parameter(Int)
  /// A variable of the function (a local, a parameter's own copy) or a global (named
  /// `::name`), and whether its declared type holds addresses.
  case variable(String, holdsAddresses: Bool)
  /// What the allocation call at this offset in the file returned.
  case allocation(Int)
  /// A string literal, a function's code.
  case constantData
  /// A pointer loaded from memory (`n->next`, `rows[i]`): the evaluation takes what is
  /// read or written through it for memory of no parameter's (`readsForeignMemory`).
  case loaded
  /// A pointer made of a number, returned by code not followed, or whose address is taken.
  case unknown

  var parameterIndex: Int? {
    if case .parameter(let index) = self { return index }
    return nil
  }
}

/// An lvalue's place: the memories it may lie in, and how the access sees them.
struct MemoryPlace {
  var origins: Set<MemoryOrigin>
  /// The access sees the memory as an object whose type holds addresses (`p->v` of a
  /// `struct named *p`, a field of a local `struct named t`): a field of it that holds none
  /// is that field's own bytes. Not so through a pointer to other objects (`from[k]` of an
  /// `unsigned char *from = (unsigned char *)&t`).
  var seenHoldingAddresses: Bool
  /// A member of a union on the way: it shares its bytes with the other members.
  var throughUnion = false
}

/// The origins of the pointers of one function, followed through the syntax alone: every
/// value a pointer variable is ever given, both arms of a conditional, casts (`(unsigned char
/// *)&t` points into `t`) and pointer arithmetic. It over-approximates where the evaluation
/// keeps one memory for footprints: `p = c ? in : &own` may point into the task's own memory,
/// which `PointerTarget.either` drops (memory of its own needs no footprint), but a copy out
/// of it may carry own addresses (`OwnAddressContents`).
final class MemoryOrigins {
  let function: FunctionDefinition
  let mutations: MutationFacts
  private let context: AnalysisContext
  /// The functions whose returns are being followed (`returned`): a cycle returns `unknown`.
  private let callers: Set<String>
  private var given: [String: Set<MemoryOrigin>] = [:]
  /// The variables followed in the question being answered, and how deep.
  private var visited: Set<String> = []
  private var following = 0
  private var returns: [String: Set<MemoryOrigin>] = [:]

  init(_ function: FunctionDefinition, mutations: MutationFacts, context: AnalysisContext, callers: Set<String> = []) {
    self.function = function
    self.mutations = mutations
    self.context = context
    self.callers = callers.union([function.name])
  }

  /// Where the value of the pointer (or array) expression `pointer` may point into.
  func of(_ pointer: Expr) -> Set<MemoryOrigin> {
    switch pointer.kind {
    case .cast(let inner):
      if inner.type.isPointerLike || inner.type.kind == .function { return of(inner) }
      return isZero(inner) ? [] : [.unknown]
    case .name(let name, .parameter(let index)):
      guard pointer.type.isPointerLike else { return [.unknown] }
      return mutations.isModified(name) ? givenValues(name).union([.parameter(index)]) : [.parameter(index)]
    case .name(let name, .local):
      if pointer.type.kind == .array { return [.variable(name, holdsAddresses: pointer.type.holdsAddresses)] }
      return pointer.type.isPointer ? givenValues(name) : [.unknown]
    case .name(let name, .global):
      if pointer.type.kind == .array { return [.variable("::" + name, holdsAddresses: pointer.type.holdsAddresses)] }
      return pointer.type.kind == .function ? [.constantData] : [.unknown]
    case .name(_, .function):
      return [.constantData]
    case .unary("&", let lvalue):
      return place(of: lvalue).origins
    case .unary(let op, let operand) where op.contains("++") || op.contains("--"):
      return of(operand)
    case .binary("+", let a, let b), .binary("-", let a, let b):
      if a.type.isPointerLike { return of(a) }
      return b.type.isPointerLike ? of(b) : [.unknown]
    case .binary("=", _, let value), .binary(",", _, let value):
      return of(value)
    case .conditional(_, let then, let otherwise):
      return of(then).union(of(otherwise))
    case .stringLiteral:
      return [.constantData]
    case .integerLiteral, .constant:
      // A null pointer.
      return []
    case .call(let callee, _, let arguments):
      return returned(by: callee, arguments, at: pointer)
    case .subscripted, .member, .unary("*", _):
      // An array in memory (a row, a field) decays to its own address; a pointer loaded from
      // memory points anywhere.
      return pointer.type.kind == .array ? place(of: pointer).origins : [.loaded]
    default:
      return [.unknown]
    }
  }

  /// Where the lvalue `lvalue` lies, and how the access sees that memory.
  func place(of lvalue: Expr) -> MemoryPlace {
    switch lvalue.kind {
    case .name(let name, .global):
      return MemoryPlace(
        origins: [.variable("::" + name, holdsAddresses: lvalue.type.holdsAddresses)],
        seenHoldingAddresses: lvalue.type.holdsAddresses)
    case .name(let name, _):
      return MemoryPlace(
        origins: [.variable(name, holdsAddresses: lvalue.type.holdsAddresses)],
        seenHoldingAddresses: lvalue.type.holdsAddresses)
    case .member(let base, _, false):
      var place = place(of: base)
      place.throughUnion = place.throughUnion || base.type.isUnion
      return place
    case .member(let base, _, true):
      return through(base, union: base.type.elementIsUnion)
    case .subscripted(let base, _) where base.isArrayObject:
      return place(of: base)
    case .subscripted(let base, let index):
      return through(base.type.isPointerLike ? base : index)
    case .unary("*", let pointer):
      return through(pointer)
    case .cast(let inner):
      return place(of: inner)
    default:
      return MemoryPlace(origins: [.unknown], seenHoldingAddresses: false)
    }
  }

  private func through(_ pointer: Expr, union: Bool = false) -> MemoryPlace {
    MemoryPlace(origins: of(pointer), seenHoldingAddresses: pointer.type.elementHoldsAddresses, throughUnion: union)
  }

  /// Every value the pointer variable `name` is given (one whose address is taken may be
  /// given anything). `p += k` and `p++` keep its memory.
  private func givenValues(_ name: String) -> Set<MemoryOrigin> {
    if let known = given[name] { return known }
    // Each variable once per question: the answer is the union of all it reaches, and a
    // cycle (`p = q; q = p + 1`) adds nothing.
    guard visited.insert(name).inserted else { return [] }
    following += 1
    defer {
      following -= 1
      if following == 0 { visited.removeAll() }
    }
    var result: Set<MemoryOrigin> = mutations.addressTaken.contains(name) ? [.unknown] : []
    for value in mutations.assignedValues[name] ?? [] { result.formUnion(of(value)) }
    // A variable met on the way may lack what those already visited reach: only the first
    // one's answer is whole.
    if following == 1 { given[name] = result }
    return result
  }

  /// What a call returns: an allocation is memory of its own, `memcpy` its destination; a
  /// function defined in the file returns what its return statements give, its parameters'
  /// memories being the arguments' here; another function's result is memory the evaluation
  /// takes for no parameter's (`va_arg`'s, one whose body is not seen: a reason of its own).
  private func returned(by callee: String?, _ arguments: [Expr], at call: Expr) -> Set<MemoryOrigin> {
    guard let callee else { return [.unknown] }
    switch LibraryFunction.lookup(callee) {
    case .allocation?: return [.allocation(call.range.lowerBound)]
    case .memoryCopy(let destination, _, _)?, .memorySet(let destination, _)?:
      return destination < arguments.count ? of(arguments[destination]) : [.unknown]
    default: break
    }
    guard let definition = context.definition(named: callee) else { return [.loaded] }
    guard !callers.contains(callee) else { return [.unknown] }
    var result: Set<MemoryOrigin> = []
    for origin in returnedOrigins(of: definition) {
      if let index = origin.parameterIndex, index < arguments.count, arguments[index].type.isPointerLike {
        result.formUnion(of(arguments[index]))
      } else {
        result.insert(.unknown)
      }
    }
    return result
  }

  private func returnedOrigins(of callee: FunctionDefinition) -> Set<MemoryOrigin> {
    if let known = returns[callee.name] { return known }
    let origins = MemoryOrigins(callee, mutations: MutationFacts(callee), context: context, callers: callers)
    var result: Set<MemoryOrigin> = []
    SyntaxWalk.forEachStatement(in: callee.body) { statement in
      if case .returnStatement(let value?) = statement.kind { result.formUnion(origins.of(value)) }
    }
    returns[callee.name] = result
    return result
  }

  private func isZero(_ expression: Expr) -> Bool {
    switch expression.withoutCasts.kind {
    case .integerLiteral(0), .constant(0): true
    default: false
    }
  }
}

extension Expr {
  /// The expression inside any conversions.
  var withoutCasts: Expr {
    if case .cast(let inner) = kind { return inner.withoutCasts }
    return self
  }
}
