import CSyntax
import DoscAnalysis
import DoscManifest
import DoscSupport

/// One analyzed translation unit of a program, ready to rewrite.
public struct RewriteUnit {
  public var unit: TranslationUnit
  public var analysis: AnalysisResult
  public init(unit: TranslationUnit, analysis: AnalysisResult) {
    self.unit = unit
    self.analysis = analysis
  }
}

/// The compile-time facts of one site, as its unit's table and the sidecar record them.
public struct SiteEntry: Hashable, Sendable {
  public var id: Int
  public var task: String
  public var location: Manifest.Location
  public var defaultBinding: DefaultBinding
  public var flags: [String]
  public var siblings: Int
  /// For a task whose body another unit has: the weak work function the link defines.
  public var workAtLink: Manifest.Site.WorkAtLink?
  /// The `dosc_remote_site` the rewrite generated for the site, when its task can run on
  /// another rank (RemoteMarshalling).
  public var remoteSite: String?
  /// The `dosc_recurrence` of a recursive site with a measure (`RecursionRecurrence`).
  public var recurrence: String?
  /// The dispatch tests the batch at the spawn (the `siblings` of `dosc_site_choice`).
  public var batchTest = false
  /// Why the rewrite could not generate the marshalling of a site whose task is remotable
  /// (`file:line:col: ...`, at the site): the site then never leaves its rank, and its sidecar
  /// entry says so (`remotable: false` and this reason).
  public var remoteRefusal: String?
}

/// A site's binding as compiled in, before the sidecar or the environment say otherwise.
public enum DefaultBinding: Hashable, Sendable {
  /// Decided at load time.
  case auto
  /// The rewrite left a plain call: nothing at load time changes it.
  case inline

  /// The `dosc_binding` constant of `dosc_abi.h`.
  var cName: String {
    switch self {
    case .auto: "DOSC_BIND_AUTO"
    case .inline: "DOSC_BIND_INLINE"
    }
  }
}

/// What the rewrite produces: one C file per unit, each with its own site table.
public struct ProgramRewrite {
  /// Generated C, in the order of the units.
  public var files: [String]
  /// Per unit, its sites with unit-local ids.
  public var sites: [[SiteEntry]]
}

/// Rewrites a program's units source to source: every site becomes a dispatch on its binding,
/// spawning functions get a frame and waits, tasks get serial clones, and each unit a table of
/// its sites that it registers with the runtime. Given every unit of a program (`dosc
/// compile`), serial clones are planned across units; given one (`dosc cc -c`), a task defined
/// elsewhere runs its own code when bound inline. The units' analyses (their tasks and
/// exported definitions) give the figures of tasks whose body is in another unit.
public enum ProgramRewriter {
  public static func rewrite(
    _ units: [RewriteUnit], unitHashes: [String], diagnostics: DiagnosticEngine
  ) throws -> ProgramRewrite {
    // Definitions first, as `Manifest.link` takes them.
    let tasks = units.flatMap { $0.analysis.exports + $0.analysis.tasks }
    let clones = ClonePlan(units)
    var files: [String] = []
    var sites: [[SiteEntry]] = []
    for (index, unit) in units.enumerated() {
      var rewriter = UnitRewriter(
        unit: unit, unitIndex: index, unitHash: unitHashes[index], programTasks: tasks, clones: clones,
        diagnostics: diagnostics)
      files.append(try rewriter.rewrite())
      sites.append(rewriter.siteEntries.sorted { $0.id < $1.id })
    }
    return ProgramRewrite(files: files, sites: sites)
  }
}

/// A C string literal for `text`.
func cString(_ text: String) -> String {
  var result = "\""
  for scalar in text.unicodeScalars {
    switch scalar {
    case "\\": result += "\\\\"
    case "\"": result += "\\\""
    case "\n": result += "\\n"
    default: result.unicodeScalars.append(scalar)
    }
  }
  return result + "\""
}

/// Which functions get a serial clone `f__dosc_serial`: those with sites that a site spawns,
/// and, transitively, those with sites that such a clone calls. A static function is known
/// only in its own unit.
struct ClonePlan {
  struct Key: Hashable {
    var name: String
    /// The unit, for static functions; nil for external ones.
    var unit: Int?
  }
  private(set) var cloned: Set<Key> = []

  init(_ units: [RewriteUnit]) {
    var candidates: [Key: (unit: Int, function: FunctionDefinition)] = [:]
    for (index, unit) in units.enumerated() {
      // Judged once per function, not per site: each judgement copied the whole file, which
      // made a function of many sites quadratic.
      let bytes = Array(unit.unit.source.utf8)
      var written: [String: Bool] = [:]
      for site in unit.analysis.spawnSites where site.function.name != "main" {
        let function = site.function
        let isWritten = written[function.name] ?? Self.nameIsWritten(function, in: bytes)
        written[function.name] = isWritten
        guard isWritten else { continue }
        candidates[Key(name: function.name, unit: function.isStatic ? index : nil)] = (index, function)
      }
    }
    func resolve(_ name: String, from unit: Int) -> Key? {
      let local = Key(name: name, unit: unit)
      if candidates[local] != nil { return local }
      let external = Key(name: name, unit: nil)
      return candidates[external] != nil ? external : nil
    }
    var work: [Key] = []
    for (index, unit) in units.enumerated() {
      for site in unit.analysis.spawnSites {
        if let key = resolve(site.callee, from: index) { work.append(key) }
      }
    }
    while let key = work.popLast() {
      guard !cloned.contains(key), let candidate = candidates[key] else { continue }
      cloned.insert(key)
      SyntaxWalk.forEachExpression(in: candidate.function.body) { expression in
        if case .call(let callee?, _, _) = expression.kind, let next = resolve(callee, from: candidate.unit) {
          work.append(next)
        }
      }
    }
  }

  /// Whether `name`, called from `unit`, has a serial clone.
  func hasClone(_ name: String, from unit: Int) -> Bool {
    cloned.contains(Key(name: name, unit: unit)) || cloned.contains(Key(name: name, unit: nil))
  }

  func isStaticClone(_ name: String, from unit: Int) -> Bool { cloned.contains(Key(name: name, unit: unit)) }

  static func serialName(_ name: String) -> String { name + "__dosc_serial" }

  /// False for a function whose name comes from a macro: its clone cannot be renamed.
  static func nameIsWritten(_ function: FunctionDefinition, in bytes: [UInt8]) -> Bool {
    let start = function.location.offset
    let end = start + function.name.utf8.count
    guard start >= 0, end <= bytes.count else { return false }
    return String(decoding: bytes[start..<end], as: UTF8.self) == function.name
  }
}
