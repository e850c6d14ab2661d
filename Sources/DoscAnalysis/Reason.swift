import DoscSupport

/// Why a task cannot run on another node, as the analysis found it: what kind of obstacle,
/// where, and the name or expression at fault. Rendered to text only for the manifest.
public struct Reason: Hashable, Sendable {
  public enum Kind: Hashable, Sendable {
    case readsGlobal
    case writesGlobal
    /// Reads a `const` global that may not hold the same bytes on every rank: why.
    case readsVaryingConstant(why: String)
    /// Reads a global with the same bytes on every rank (`SharedConstants`): no obstacle, a
    /// note for the manifest's `constant_globals`.
    case readsSharedConstant
    /// Calls a library function with effects on the process (I/O, `exit`, `rand`).
    case callsEffect
    /// Calls a function whose body dosc cannot see.
    case callsInvisible
    case callsThroughPointer
    /// Loads or stores through a pointer that derives from no parameter.
    case readsForeignMemory
    case writesForeignMemory
    /// Passes such a pointer to a function defined in the file (the callee's name).
    case passesForeignPointer(callee: String)
    /// Stores a pointer to a parameter's data in memory (the parameter's name).
    case storesParameterPointer(into: String)
    /// Stores an address that only this process has (what the task allocated, a local, a
    /// string literal, a global) into a parameter's data (the culprit: where).
    case storesOwnAddress
    /// Returns a number made of an address that only this process has (the culprit: the value).
    case returnsOwnAddress
    /// Compares or subtracts (the culprit) an address in a parameter's memory and one in another
    /// parameter's or elsewhere: on another rank each parameter's data is a buffer of its own.
    case relatesAddresses
    /// Turns an address in a parameter's memory into an integer (the culprit: the cast).
    case usesAddressAsNumber
    /// Stores to an `_Atomic` object in a parameter's memory (the culprit: the lvalue).
    case updatesAtomically
    /// A pointer parameter to `_Atomic` objects (the culprit: the parameter), whatever the task
    /// does with them.
    case pointsToAtomic
    /// Frees or reallocates memory it was given: on another rank that is the receive buffer.
    case freesParameterMemory(callee: String)
    /// A parameter's figures are unbounded; `why` says what stopped the analysis.
    case unboundedParameter(why: String)
    case variadic
    /// Returns something that is not a number (an address, a structure): the culprit, its type.
    case returnsNonNumber
    /// The task's body is not in the translation unit.
    case invisibleTask
    /// Holds syntax nested deeper than dosc follows (the culprit: the function).
    case nestedTooDeeply
    /// Bounds a loop by a field of a structure parameter passed by value (the culprit: the
    /// field, `r.hi`), which no figure names.
    case boundedByStructField
    /// Holds a statement the converter does not follow (inline `asm`; the culprit: its kind).
    case unanalyzedStatement
  }

  public var kind: Kind
  public var location: SourceLocation
  /// The variable, function or expression the reason is about.
  public var culprit: String
  /// The pointer parameter (by position) of the function found to have the reason, when it is
  /// about that parameter's memory alone (the memory freed): a caller has it only where it
  /// passes memory that is not its own (`FunctionAnalyzer.reasonPassedUp`). Nil: whoever runs
  /// the function has it.
  public var parameter: Int?
  /// The parameter (by position) a copy's value came from, for an own address copied by a
  /// helper from its pointer parameter's memory (`*dst = *src`) or its number parameter
  /// (`*out = v`): the reason holds only where that memory is not the task's caller's (a
  /// caller's own structure, `copy(out, &n)`), or that number is made of an own address
  /// (`put(out, (long)&x)`; `FunctionAnalyzer.passedUp`). Nil: it holds whatever they are.
  public var unlessCallersMemory: Int?

  public init(_ kind: Kind, _ culprit: String, at location: SourceLocation, inMemoryOf parameter: Int? = nil) {
    self.kind = kind
    self.culprit = culprit
    self.location = location
    self.parameter = parameter
  }

  /// The same reason, held wherever the function runs.
  var heldAnywhere: Reason {
    var reason = self
    reason.parameter = nil
    reason.unlessCallersMemory = nil
    return reason
  }

  var message: String {
    switch kind {
    case .readsGlobal: "reads global '\(culprit)'"
    case .writesGlobal: "writes global '\(culprit)'"
    case .readsVaryingConstant(let why): "reads const global '\(culprit)', which \(why)"
    case .readsSharedConstant:
      "reads const global '\(culprit)', not shipped: defined here with a constant initializer, holding no"
        + " address, never cast to writable, it has the same bytes on every rank"
    case .callsEffect: "calls '\(culprit)'"
    case .callsInvisible: "calls '\(culprit)', whose body is not visible"
    case .callsThroughPointer: "calls through the function pointer '\(culprit)'"
    case .readsForeignMemory:
      "reads memory through '\(culprit)', a pointer not computed from a parameter (one loaded from memory points"
        + " outside every footprint the task is given)"
    case .writesForeignMemory:
      "writes memory through '\(culprit)', a pointer not computed from a parameter (one loaded from memory points"
        + " outside every footprint the task is given)"
    case .passesForeignPointer(let callee):
      "passes '\(culprit)', which does not derive from a parameter, to '\(callee)'"
    case .storesParameterPointer(let target): "stores a pointer to '\(culprit)' in '\(target)'"
    case .storesOwnAddress: "stores an address of its own process in '\(culprit)', which it was given"
    case .returnsOwnAddress: "returns '\(culprit)', which may be an address of its own process as a number"
    case .relatesAddresses:
      "relates two addresses in '\(culprit)': another rank holds each parameter's data in a buffer of its own"
    case .usesAddressAsNumber:
      "uses an address as a number in '\(culprit)': another rank holds the parameter's data elsewhere"
    case .updatesAtomically:
      "updates the atomic '\(culprit)': tasks on other ranks would each update a copy of it"
    case .pointsToAtomic:
      "'\(culprit)' points to _Atomic objects: on another rank the task would have copies, which no other"
        + " thread's update reaches and whose updates reach no other thread"
    case .freesParameterMemory(let callee): "passes '\(culprit)', which it was given, to '\(callee)'"
    case .unboundedParameter(let why): "cannot bound the accesses to '\(culprit)': \(why)"
    case .variadic: "'\(culprit)' takes a variable number of arguments"
    case .returnsNonNumber: "returns '\(culprit)': only a number comes back from another rank"
    case .invisibleTask: "the body of '\(culprit)' is not visible in this translation unit"
    case .nestedTooDeeply: "'\(culprit)' holds syntax nested too deeply to analyze"
    case .boundedByStructField:
      "bounds a loop by '\(culprit)', a field of a structure passed by value: figures name only the task's"
        + " scalar parameters (the runtime evaluates them from the spawn's scalar arguments, and does not"
        + " ship a structure argument)"
    case .unanalyzedStatement: "holds a '\(culprit)' statement, which dosc does not analyze"
    }
  }

  /// One line per kind and culprit, located at its first place, with how many places share it
  /// (`f.c:40:9: reads global 'bs' (7 places, first at f.c:40:9)`), in the order found.
  static func render(_ reasons: [Reason]) -> [String] {
    struct Key: Hashable {
      var kind: Kind
      var culprit: String
    }
    var order: [Key] = []
    var places: [Key: Set<SourceLocation>] = [:]
    var firsts: [Key: Reason] = [:]
    for reason in reasons {
      let key = Key(kind: reason.kind, culprit: reason.culprit)
      if places[key] == nil { order.append(key) }
      places[key, default: []].insert(reason.location)
      if let first = firsts[key], first.location <= reason.location { continue }
      firsts[key] = reason
    }
    return order.map { key in
      let first = firsts[key]!
      let location = first.location.withBaseName
      let count = places[key]!.count
      return "\(location): \(first.message)" + (count == 1 ? "" : " (\(count) places, first at \(location))")
    }
  }
}
