import CSyntax

/// What a value may carry of addresses: of this process's own (an address it took, a pointer
/// or bytes read from its own memory that may hold one, an address made a number), or what
/// parameters bring: read from the memory of pointer parameters, a number parameter's value
/// (the caller's for a task; a helper's caller may pass its own memory, or a number made of
/// an address, so a copy from there holds only where it does: `Reason.unlessCallersMemory`).
struct CarriedAddresses {
  var own = false
  var parameters: Set<Int> = []

  mutating func formUnion(_ other: CarriedAddresses) {
    own = own || other.own
    parameters.formUnion(other.parameters)
  }

  var isNothing: Bool { !own && parameters.isEmpty }
  /// How much is carried, to see a fixed point reached (it only grows).
  var size: Int { (own ? 1 : 0) + parameters.count }

  static let nothing = CarriedAddresses()
  static let ownAddress = CarriedAddresses(own: true)
}

/// Which memories of a function's own may hold addresses of its process, and what a value
/// stored into its caller's memory may carry of them. Static types do not say: a structure
/// holding a pointer copied by bytes (`out[k] = from[k]` with `from = (unsigned char *)&t`),
/// by `memcpy` from a `void *`, read as `long`s, an address made a number (`(long)&local`)
/// kept in a local. The memory a pointer reads is judged by where it points into
/// (`MemoryOrigins`), not by the pointer's type.
final class OwnAddressContents {
  let origins: MemoryOrigins
  private var mutations: MutationFacts { origins.mutations }
  /// Own memories some pointer to objects that hold addresses points into (`struct node *n =
  /// malloc(...)`, `(char **)buffer`): read as other objects, their bytes may be addresses.
  private var seenHoldingAddresses: Set<MemoryOrigin> = []
  /// Own memories an address may have been stored in as bytes or a number (`buf[k] =
  /// from[k]`, `memcpy(buf, &t, n)`, `cells[0] = (long)&x`), and what it may carry: any read
  /// of them may carry it. A helper's number parameter kept there (`t[0] = v; return t[0]`)
  /// carries what its caller passes, as the parameter itself does.
  private var storedUntyped: [MemoryOrigin: CarriedAddresses] = [:]
  /// The variables followed in the question being answered, and how deep.
  private var visited: Set<String> = []
  private var following = 0

  init(_ origins: MemoryOrigins) {
    self.origins = origins
    let body = origins.function.body
    SyntaxWalk.forEachExpression(in: body) { expression in
      guard expression.type.isPointer, expression.type.elementHoldsAddresses else { return }
      seenHoldingAddresses.formUnion(origins.of(expression).filter { $0.parameterIndex == nil })
    }
    // Stores feed loads, which feed stores: until nothing new is found.
    var size = -1
    while storedSize != size {
      size = storedSize
      SyntaxWalk.forEachExpression(in: body) { noteUntypedStore($0) }
      SyntaxWalk.forEachStatement(in: body) { statement in
        guard case .declaration(let variables) = statement.kind else { return }
        // `long cells[2] = {(long)&x}`: a number is followed through the values it is given.
        for variable in variables where !variable.type.holdsAddresses {
          guard let initializer = variable.initializer, case .initializerList = initializer.kind else { continue }
          store(carried(initializer), into: [.variable(variable.name, holdsAddresses: false)])
        }
      }
    }
  }

  private var storedSize: Int { storedUntyped.values.reduce(storedUntyped.count) { $0 + $1.size } }

  /// Notes that `value` may be stored into the own memories among `memories`.
  private func store(_ value: CarriedAddresses, into memories: Set<MemoryOrigin>) {
    guard !value.isNothing else { return }
    for memory in memories where memory.parameterIndex == nil && memory != .loaded {
      storedUntyped[memory, default: .nothing].formUnion(value)
    }
  }

  /// A store in the function that may put an own address, as bytes or as a number, where
  /// the memory's type does not say so.
  private func noteUntypedStore(_ expression: Expr) {
    switch expression.kind {
    case .binary(let op, let target, let value) where Self.assignments.contains(op):
      guard !target.type.holdsAddresses else { return }
      let stored = carried(value)
      if case .name(let name, _) = target.kind {
        // `n = v` is followed through the values `n` is given; `n += v` is not.
        if op != "=" && op != "?=" { store(stored, into: [.variable(name, holdsAddresses: false)]) }
        return
      }
      store(stored, into: origins.place(of: target).origins)
    case .call(let callee?, _, let arguments):
      guard case .memoryCopy(let destination, let source, _)? = LibraryFunction.lookup(callee),
        arguments.count > max(destination, source)
      else { return }
      store(bytes(at: arguments[source]), into: origins.of(arguments[destination]))
    default:
      break
    }
  }

  private static let assignments: Set<String> = [
    "=", "?=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=",
  ]

  /// What the bytes `pointer` points to may carry (`memcpy`'s source, a helper's argument):
  /// own memory that may hold addresses, the parameters' memories it may be.
  func bytes(at pointer: Expr) -> CarriedAddresses {
    var result = CarriedAddresses.nothing
    for origin in origins.of(pointer) {
      if let index = origin.parameterIndex {
        result.parameters.insert(index)
        continue
      }
      if let stored = storedUntyped[origin] { result.formUnion(stored) }
      if holdsAddresses(origin) { result.own = true }
      // A number variable's own bytes (`memcpy(out, &v, 8)`, `&t` of `long t = (long)&x`):
      // what its value carries.
      if case .variable(let name, holdsAddresses: false) = origin, let declared = numberVariable(name) {
        result.formUnion(variable(named: name, type: declared.type, parameter: declared.parameter))
      }
    }
    return result
  }

  /// The type of the function's parameter or local `name` where it holds no addresses and is
  /// no array (every declaration of it, where several share the name), and its parameter
  /// index if it is one, to ask what its value carries; nil for any other.
  private func numberVariable(_ name: String) -> (type: CType, parameter: Int?)? {
    let function = origins.function
    let numberType = { (type: CType) in !type.holdsAddresses && type.kind != .array }
    if let index = function.parameters.firstIndex(where: { $0.name == name }) {
      let type = function.parameters[index].type
      return numberType(type) ? (type, index) : nil
    }
    guard let types = localTypes[name], let type = types.first, types.allSatisfy(numberType) else { return nil }
    return (type, nil)
  }

  /// The declared types of the function's locals, by name.
  private lazy var localTypes: [String: [CType]] = {
    var types: [String: [CType]] = [:]
    SyntaxWalk.forEachStatement(in: origins.function.body) { statement in
      guard case .declaration(let variables) = statement.kind else { return }
      for variable in variables { types[variable.name, default: []].append(variable.type) }
    }
    return types
  }()

  /// Whether `pointer` points only into memory of the function's own that is taken to hold
  /// addresses (`holdsAddresses`): every read of it, as what it holds or as other objects, may
  /// carry one, so an address a helper stores there (`attach(own)` storing `t->left`) is
  /// caught wherever it is copied out (`*out = *own`).
  func holdsAddresses(at pointer: Expr) -> Bool {
    let memories = origins.of(pointer)
    return !memories.isEmpty && memories.allSatisfy { $0.parameterIndex == nil && $0 != .loaded && holdsAddresses($0) }
  }

  /// What the value of `value` may carry: an address it is, or addresses read with it.
  func carried(_ value: Expr) -> CarriedAddresses {
    switch value.kind {
    case .cast(let inner):
      // `(long)&local`, `(intptr_t)malloc(8)`: the number is the address.
      return carried(inner)
    case .name(let name, .local), .name(let name, .parameter):
      return variable(name, value)
    case .name(_, .function), .stringLiteral:
      return .ownAddress
    case .name(_, .global):
      return value.type.holdsAddresses ? .ownAddress : .nothing
    case .subscripted, .member, .unary("*", _):
      if value.type.kind == .array { return address(in: origins.place(of: value).origins) }
      return loaded(value)
    case .unary("&", let lvalue):
      return address(in: origins.place(of: lvalue).origins)
    case .unary("!", _):
      return .nothing
    case .unary(_, let operand):
      return carried(operand)
    case .binary(let op, let a, let b):
      // A truth value, or the distance between two pointers (`q - buf`), is no address.
      if Self.truthValues.contains(op) || (op == "-" && a.type.isPointerLike && b.type.isPointerLike) {
        return .nothing
      }
      if op == "," || Self.assignments.contains(op) { return carried(b) }
      var result = carried(a)
      result.formUnion(carried(b))
      return result
    case .conditional(_, let then, let otherwise):
      var result = carried(then)
      result.formUnion(carried(otherwise))
      return result
    case .initializerList(let items):
      return items.reduce(into: .nothing) { $0.formUnion(carried($1)) }
    case .integerLiteral, .floatingLiteral, .constant:
      return .nothing
    default:
      // A call's result, what is not modeled: an address where its type holds one (a number
      // a function made of one is its own reason, `returnedOwnAddress`).
      return value.type.holdsAddresses ? .ownAddress : .nothing
    }
  }

  private static let truthValues: Set<String> = ["==", "!=", "<", "<=", ">", ">=", "&&", "||"]

  /// A variable's value: a pointer is what it is given (a parameter's unchanged value is the
  /// caller's); a structure that holds addresses is the task's own memory; a number or plain
  /// data what it is given, what may have been stored in it otherwise, and for a parameter
  /// what the caller passes (`put(out, (long)&x)` of a helper storing it).
  private func variable(_ name: String, _ value: Expr) -> CarriedAddresses {
    if value.type.kind == .array { return address(in: origins.of(value)) }
    var parameter: Int?
    if case .name(_, .parameter(let index)) = value.kind { parameter = index }
    return variable(named: name, type: value.type, parameter: parameter)
  }

  /// `variable(_:_:)` for a variable that is no array, by its name, type and parameter index
  /// (nil for a local).
  private func variable(named name: String, type: CType, parameter: Int?) -> CarriedAddresses {
    var result = CarriedAddresses.nothing
    if type.isPointer {
      if parameter != nil, !mutations.isModified(name) { return .nothing }
      if mutations.addressTaken.contains(name) { return .ownAddress }
    } else if type.holdsAddresses {
      return .ownAddress
    } else {
      if let stored = storedUntyped[.variable(name, holdsAddresses: false)] {
        if stored.own { return .ownAddress }
        result.formUnion(stored)
      }
      if let parameter { result.parameters.insert(parameter) }
    }
    // Each variable once per question: the answer is the union of all it reaches.
    guard visited.insert(name).inserted else { return result }
    following += 1
    defer {
      following -= 1
      if following == 0 { visited.removeAll() }
    }
    return (mutations.assignedValues[name] ?? []).reduce(into: result) { $0.formUnion(carried($1)) }
  }

  /// A load of `lvalue`: a value that holds addresses carries those of whatever memory it
  /// lies in; one that holds none may still read an address's bytes where the access does
  /// not see the memory as what it holds (a view, a union's other member).
  private func loaded(_ lvalue: Expr) -> CarriedAddresses {
    let place = origins.place(of: lvalue)
    let typed = lvalue.type.holdsAddresses
    let hidden = !place.seenHoldingAddresses || place.throughUnion
    var result = CarriedAddresses.nothing
    for origin in place.origins {
      if let index = origin.parameterIndex {
        if typed || hidden { result.parameters.insert(index) }
      } else if typed {
        result.own = result.own || origin != .constantData
      } else {
        if let stored = storedUntyped[origin] { result.formUnion(stored) }
        if origin == .unknown || (hidden && holdsAddresses(origin)) { result.own = true }
      }
    }
    return result
  }

  /// An address into `memories`: the task's own unless all of them are parameters'.
  private func address(in memories: Set<MemoryOrigin>) -> CarriedAddresses {
    memories.contains { $0.parameterIndex == nil } ? .ownAddress : .nothing
  }

  /// Whether own memory may hold addresses as objects: declared so, or pointed into by a
  /// pointer to such objects; unknown memory may hold anything. Plain data read or copied
  /// through a loaded pointer is a reason of its own (`readsForeignMemory`,
  /// `passesForeignPointer`), not this one.
  private func holdsAddresses(_ origin: MemoryOrigin) -> Bool {
    switch origin {
    case .variable(_, let declared): declared || seenHoldingAddresses.contains(origin)
    case .allocation: seenHoldingAddresses.contains(origin)
    case .unknown: true
    case .parameter, .constantData, .loaded: false
    }
  }
}
