import DoscManifest
import DoscPolicy
import Foundation

/// `dosc explain`'s whole answer, the value both the text and the JSON (Schemas/
/// dosc-explain-1.schema.json) are printed from.
public struct Explanation: Codable, Sendable {
  public static let schema = "dosc-explain/1"
  public var schema: String
  public var program: String
  public var sidecar: String
  /// Why the runtime would not use the sidecar's bindings; nil when it is current.
  public var stale: String?
  public var profile: String
  public var profileWarnings: [String]
  public var threads: Int
  public var nodes: Int
  /// The hosts modelled: a host's logical CPUs and the ranks on one host (the runtime reads
  /// both at start-up; workers beyond the cores add no parallelism).
  public var cores: Int
  public var ranksPerHost: Int
  public var values: [String: Double]
  /// The machine's numbers the model used (profile fields, after validation).
  public var machine: [String: Double]
  public var sites: [SiteExplanation]

  enum CodingKeys: String, CodingKey {
    case schema, program, sidecar, stale, profile
    case profileWarnings = "profile_warnings"
    case threads, nodes, cores
    case ranksPerHost = "ranks_per_host"
    case values, machine, sites
  }

  public struct Request {
    public var program: String
    public var threads: Int
    public var nodes: Int
    /// nil: the CPUs this host gives the program (affinity, cgroup quota), as the runtime counts.
    public var cores: Int?
    /// nil: every rank on one host, as `dosc run -n N` starts them here.
    public var ranksPerHost: Int?
    public var values: [String: Double]
    public var environment: [String: String]
    public init(
      program: String, threads: Int, nodes: Int, cores: Int? = nil, ranksPerHost: Int? = nil,
      values: [String: Double], environment: [String: String]
    ) {
      self.program = program
      self.threads = threads
      self.nodes = nodes
      self.cores = cores
      self.ranksPerHost = ranksPerHost
      self.values = values
      self.environment = environment
    }
  }

  /// Reads the program's sidecar and the machine profile as the runtime would, and explains
  /// every site.
  public static func make(_ request: Request) throws -> Explanation {
    let files = try ProgramFiles.open(program: request.program, environment: request.environment)
    var profile = try MachineProfile.load(
      path: MachineProfile.defaultPath(environment: request.environment),
      named: !(request.environment["DOSC_PROFILE"] ?? "").isEmpty)
    profile.values.threads = Int32(request.threads)
    profile.values.nodes = Int32(request.nodes)
    // The CPUs this process may run on (its affinity, a cgroup's quota), as the runtime counts
    // them (Runtime/src/host_cores.c), not every CPU of the machine.
    let cores = request.cores ?? ProcessInfo.processInfo.activeProcessorCount
    let ranksPerHost = request.ranksPerHost ?? request.nodes
    profile.values.cores = Int32(clamping: cores)
    profile.values.ranks_per_host = Int32(clamping: ranksPerHost)
    let forced = request.environment["DOSC_BIND"].flatMap { Manifest.Site.Binding(rawValue: $0) }
    let explainer = SiteExplainer(
      manifest: files.manifest, profile: profile.values, values: request.values,
      sidecarCurrent: files.staleReason == nil, forced: forced)
    var machine: [String: Double] = [:]
    for field in MachineProfile.fields { machine[field.name] = profile.value(field.name) }
    return Explanation(
      schema: schema, program: request.program, sidecar: files.sidecarPath, stale: files.staleReason,
      profile: profile.source, profileWarnings: profile.warnings, threads: request.threads, nodes: request.nodes,
      cores: cores, ranksPerHost: ranksPerHost, values: request.values, machine: machine,
      sites: explainer.explainAll(files.manifest.sites))
  }

  public func json() throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
  }
}
