import Foundation

/// The sidecar manifest (SPEC section 4): the contract between the analyzer and the runtime,
/// readable and editable by people. Keys are written sorted, so the same input gives the
/// same bytes.
public struct Manifest: Codable, Hashable, Sendable {
  public static let currentSchema = "dosc-manifest/1"

  public var schema: String
  public var sourceHash: String
  /// The analyzed files, as base names.
  public var sources: [String]
  public var tasks: [Task]
  public var sites: [Site]
  /// In a fragment (`dosc cc -c`): figures of the functions this unit defines for other
  /// units' sites, which the link uses to replace their opaque tasks.
  public var exports: [Task]?
  /// In the fragment of a file without pragmas: where its exports can be worked out if a link
  /// needs them (`exports` is then absent).
  public var deferredExports: DeferredExports?
  /// In a linked program: each unit's own source hash and where its sites start.
  public var units: [Unit]?
  /// In a fragment: true when the unit calls the runtime whether or not it has a site (a unit
  /// dosc rewrote, which registers itself; a file without pragmas that includes `<dosc.h>` for
  /// the runtime's API); the link then adds the runtime and starts it (absent: false).
  public var usesRuntime: Bool?

  /// Whether a program with this unit needs the runtime linked: a site, or the API.
  public var needsRuntime: Bool { !sites.isEmpty || usesRuntime == true }

  public init(
    schema: String = Manifest.currentSchema, sourceHash: String, sources: [String], tasks: [Task], sites: [Site],
    exports: [Task]? = nil, units: [Unit]? = nil
  ) {
    self.schema = schema
    self.sourceHash = sourceHash
    self.sources = sources
    self.tasks = tasks
    self.sites = sites
    self.exports = exports
    self.units = units
  }

  enum CodingKeys: String, CodingKey {
    case schema
    case sourceHash = "source_hash"
    case sources, tasks, sites, exports, units
    case deferredExports = "deferred_exports"
    case usesRuntime = "uses_runtime"
  }

  /// A separately compiled unit of a linked program.
  public struct Unit: Codable, Hashable, Sendable {
    public var source: String
    public var sourceHash: String
    /// Program-wide id of the unit's first site; its sites follow in order.
    public var firstSite: Int
    public var siteCount: Int

    public init(source: String, sourceHash: String, firstSite: Int, siteCount: Int) {
      self.source = source
      self.sourceHash = sourceHash
      self.firstSite = firstSite
      self.siteCount = siteCount
    }

    enum CodingKeys: String, CodingKey {
      case source
      case sourceHash = "source_hash"
      case firstSite = "first_site"
      case siteCount = "site_count"
    }
  }

  public struct Location: Codable, Hashable, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) {
      self.file = file
      self.line = line
      self.column = column
    }
  }

  public struct Parameter: Codable, Hashable, Sendable {
    public enum Access: String, Codable, Sendable { case none, read, write, readwrite }
    public var name: String
    public var type: String
    public var access: Access
    public var reads: ManifestExpression
    public var writes: ManifestExpression
    public var first: ManifestExpression
    public var count: ManifestExpression
    public var bytes: ManifestExpression
    /// Of a written pointer parameter: the part of the footprint the task may store to
    /// (lowest element index, elements spanned), which is all a remote run ships back. Absent
    /// for parameters that are not written; null when the analysis cannot bound it.
    public var writeFirst: ManifestExpression?
    public var writeCount: ManifestExpression?
    /// Of a written pointer parameter: true when the task stores every element of its written
    /// footprint on every path, so a remote run ships it back whole, with no compare, and an
    /// `out`-only one is not shipped in. False when that is not proven; absent when not written.
    public var writeDense: Bool?
    /// Of a pointer parameter: the part of the footprint whose first and last elements the
    /// task surely touches whenever `touchedWhen` is positive (every loop around those accesses
    /// runs), which therefore lies inside the task's array; the footprint itself where it is
    /// exact. Absent when no access surely happens (all in branches, say): the footprint is an
    /// upper bound, and may reach past the array wherever it reaches past this part.
    public var touchedFirst: ManifestExpression?
    public var touchedCount: ManifestExpression?
    public var touchedWhen: ManifestExpression?
    /// Bytes per element: what `count` counts.
    public var elementSize: Int?
    /// Why a figure is null, when one is.
    public var unbounded: [String]?

    public init(
      name: String, type: String, access: Access, reads: ManifestExpression, writes: ManifestExpression,
      first: ManifestExpression,
      count: ManifestExpression, bytes: ManifestExpression, writeFirst: ManifestExpression? = nil,
      writeCount: ManifestExpression? = nil, writeDense: Bool? = nil, touchedFirst: ManifestExpression? = nil,
      touchedCount: ManifestExpression? = nil, touchedWhen: ManifestExpression? = nil, elementSize: Int?,
      unbounded: [String]? = nil
    ) {
      self.name = name
      self.type = type
      self.access = access
      self.reads = reads
      self.writes = writes
      self.first = first
      self.count = count
      self.bytes = bytes
      self.writeFirst = writeFirst
      self.writeCount = writeCount
      self.writeDense = writeDense
      self.touchedFirst = touchedFirst
      self.touchedCount = touchedCount
      self.touchedWhen = touchedWhen
      self.elementSize = elementSize
      self.unbounded = unbounded
    }

    enum CodingKeys: String, CodingKey {
      case name, type, access, reads, writes, first, count, bytes
      case writeFirst = "write_first"
      case writeCount = "write_count"
      case writeDense = "write_dense"
      case touchedFirst = "touched_first"
      case touchedCount = "touched_count"
      case touchedWhen = "touched_when"
      case elementSize = "element_size"
      case unbounded
    }

    /// Decoded by hand only to keep `"write_first": null` (unbounded) apart from an absent
    /// key (not written), which the synthesized decoder would both read as nil.
    public init(from decoder: Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      func written(_ key: CodingKeys) throws -> ManifestExpression? {
        container.contains(key) ? try container.decode(ManifestExpression.self, forKey: key) : nil
      }
      self.init(
        name: try container.decode(String.self, forKey: .name), type: try container.decode(String.self, forKey: .type),
        access: try container.decode(Access.self, forKey: .access),
        reads: try container.decode(ManifestExpression.self, forKey: .reads),
        writes: try container.decode(ManifestExpression.self, forKey: .writes),
        first: try container.decode(ManifestExpression.self, forKey: .first),
        count: try container.decode(ManifestExpression.self, forKey: .count),
        bytes: try container.decode(ManifestExpression.self, forKey: .bytes), writeFirst: try written(.writeFirst),
        writeCount: try written(.writeCount),
        writeDense: try container.decodeIfPresent(Bool.self, forKey: .writeDense),
        touchedFirst: try container.decodeIfPresent(ManifestExpression.self, forKey: .touchedFirst),
        touchedCount: try container.decodeIfPresent(ManifestExpression.self, forKey: .touchedCount),
        touchedWhen: try container.decodeIfPresent(ManifestExpression.self, forKey: .touchedWhen),
        elementSize: try container.decodeIfPresent(Int.self, forKey: .elementSize),
        unbounded: try container.decodeIfPresent([String].self, forKey: .unbounded))
    }
  }

  public struct Task: Codable, Hashable, Sendable {
    public var name: String
    public var location: Location
    public var returns: String
    public var params: [Parameter]
    public var work: ManifestExpression
    /// For recursive tasks: the work of one invocation without its recursive calls.
    public var workPerInvocation: ManifestExpression?
    /// Why `work` is null, when it is.
    public var workUnbounded: [String]?
    /// For recursive tasks: the parameter that bounds the recursion (`RecursionMeasure`), or
    /// nil with `measureUnknown` saying why.
    public var measure: RecursionMeasure?
    public var measureUnknown: [String]?
    public var recursive: Bool
    public var remotable: Bool
    public var reasons: [String]
    /// The body is not in the analyzed file: nothing is known but the signature.
    public var opaque: Bool
    /// The globals the task reads that hold the same bytes on every rank (`const`, defined
    /// in the unit, no address in them), located, with why they are not shipped; nil: none.
    public var constantGlobals: [String]?

    public init(
      name: String, location: Location, returns: String, params: [Parameter], work: ManifestExpression,
      workPerInvocation: ManifestExpression?, recursive: Bool, remotable: Bool, reasons: [String], opaque: Bool,
      workUnbounded: [String]? = nil, measure: RecursionMeasure? = nil, measureUnknown: [String]? = nil,
      constantGlobals: [String]? = nil
    ) {
      self.constantGlobals = constantGlobals
      self.workUnbounded = workUnbounded
      self.measure = measure
      self.measureUnknown = measureUnknown
      self.name = name
      self.location = location
      self.returns = returns
      self.params = params
      self.work = work
      self.workPerInvocation = workPerInvocation
      self.recursive = recursive
      self.remotable = remotable
      self.reasons = reasons
      self.opaque = opaque
    }

    enum CodingKeys: String, CodingKey {
      case name, location, returns, params, work
      case workPerInvocation = "work_per_invocation"
      case workUnbounded = "work_unbounded"
      case measure
      case measureUnknown = "measure_unknown"
      case recursive, remotable, reasons, opaque
      case constantGlobals = "constant_globals"
    }
  }

  /// What bounds a recursive task's recursion (SPEC section 4): an invocation whose integer
  /// parameter `parameter` is below `base` makes no recursive call; any other makes at most
  /// one recursive call per entry of `decrements` (none in a loop), each passing the
  /// parameter's value minus at least that decrement. So the calls of a task started with
  /// the parameter at m number at most N(m) = 1 + sum over d in decrements of N(m - d)
  /// (N = 1 below base): the subtree bound the runtime prices a spawn by.
  ///
  /// A rising measure (`bound` set, a search's depth `j` rising towards `n`): the measure is
  /// `bound - parameter`, the bound parameter passed unchanged to every call, and `base` and
  /// `decrements` are in the measure's terms (`j + 1` decreases `n - j` by 1). Where recursive
  /// calls sit in counted loops (`fanOut` set, one call per free column of n-queens), an
  /// invocation makes at most `fanOut` calls, each decreasing the measure by at least
  /// `decrements[0]` (the one entry): N(m) = 1 + fanOut x N(m - decrements[0]).
  public struct RecursionMeasure: Codable, Hashable, Sendable {
    public var parameter: String
    public var base: Int
    public var decrements: [Int]
    /// Present when the bound is also a lower bound (`RecursionLowerBound`).
    public var lowerBound: RecursionLowerBound?
    /// A rising measure: the parameter the measure's parameter rises towards.
    public var bound: String?
    /// Recursive calls per invocation, at most, over parameters every call passes unchanged:
    /// present when a call is in a loop (the loops' trip counts).
    public var fanOut: ManifestExpression?
    /// The most work of any one invocation of a subtree started at the task's arguments
    /// (`work_per_invocation` at the extremes of the measure's range), when it is not a
    /// constant; unknown (null) when no such bound is found.
    public var workPerCallBound: ManifestExpression?
    public init(
      parameter: String, base: Int, decrements: [Int], lowerBound: RecursionLowerBound? = nil, bound: String? = nil,
      fanOut: ManifestExpression? = nil, workPerCallBound: ManifestExpression? = nil
    ) {
      self.parameter = parameter
      self.base = base
      self.decrements = decrements
      self.lowerBound = lowerBound
      self.bound = bound
      self.fanOut = fanOut
      self.workPerCallBound = workPerCallBound
    }
    enum CodingKeys: String, CodingKey {
      case parameter, base, decrements, bound
      case lowerBound = "lower_bound"
      case fanOut = "fan_out"
      case workPerCallBound = "work_per_call_bound"
    }
  }

  /// A recursion whose every invocation at or above the measure's base makes each of its
  /// recursive calls, each passing exactly the parameter minus its decrement, and runs at least
  /// `workPerCall` operations: its calls' count N(m) is then also the least a task started at
  /// `m` makes, and `workPerCall x N(m)` a sound lower bound of its work (SPEC-additions).
  public struct RecursionLowerBound: Codable, Hashable, Sendable {
    public var workPerCall: Int
    public init(workPerCall: Int) { self.workPerCall = workPerCall }
    enum CodingKeys: String, CodingKey {
      case workPerCall = "work_per_call"
    }
  }

  public struct Site: Codable, Hashable, Sendable {
    public enum Binding: String, Codable, Sendable { case auto, inline, local, remote }
    public struct Loop: Codable, Hashable, Sendable {
      public var location: Location
      /// Iterations of the innermost loop around the site, in the spawning function's names as
      /// the site sees them (the generated code evaluates it there): null where the loop's body
      /// declares one of them again before the site.
      public var tripCount: ManifestExpression
      public init(location: Location, tripCount: ManifestExpression) {
        self.location = location
        self.tripCount = tripCount
      }
      enum CodingKeys: String, CodingKey {
        case location
        case tripCount = "trip_count"
      }
    }
    public var id: Int
    public var task: String
    public var location: Location
    public var function: String
    public var binding: Binding
    /// The variable a value-returning task's result goes to (`x` in `x = f(n)`).
    public var result: String?
    public var loop: Loop?
    /// Tasks one invocation of the spawning function spawns from all its sites, in names as
    /// this site sees them: null here where one of them means another variable here than at
    /// the loop it was counted at (another block's `n`).
    public var siblings: ManifestExpression
    /// In a fragment: the site's task has its body in another unit, so its work at spawn time
    /// comes from a function the link defines from the task's figures.
    public var workAtLink: WorkAtLink?
    /// In a built program's sidecar: the generated code tests the batch at each spawn (the
    /// `siblings` formula, evaluated there, is the whole batch); a batch of fewer tasks than
    /// the policy's least is the plain call. Absent where it does not.
    public var batchTest: Bool?
    /// The site's `in/out/inout` clauses, as written. Clauses belong to the site (as in
    /// OpenMP): with them, `params`, `remotable` and `reasons` are the task's as this site's
    /// clauses state them, and they, not the task's, hold for this site.
    public var clauses: [String]?
    public var params: [Parameter]?
    public var remotable: Bool?
    public var reasons: [String]?

    /// A weak `long long SYMBOL(long long, ...)` the site calls with the integer arguments at
    /// these positions of the call.
    public struct WorkAtLink: Codable, Hashable, Sendable {
      public var symbol: String
      public var arguments: [Int]
      public init(symbol: String, arguments: [Int]) {
        self.symbol = symbol
        self.arguments = arguments
      }
    }

    enum CodingKeys: String, CodingKey {
      case id, task, location, function, binding, result, loop, siblings
      case workAtLink = "work_at_link"
      case batchTest = "batch_test"
      case clauses, params, remotable, reasons
    }

    public init(
      id: Int, task: String, location: Location, function: String, binding: Binding, result: String?, loop: Loop?,
      siblings: ManifestExpression
    ) {
      self.id = id
      self.task = task
      self.location = location
      self.function = function
      self.binding = binding
      self.result = result
      self.loop = loop
      self.siblings = siblings
    }
  }
}
