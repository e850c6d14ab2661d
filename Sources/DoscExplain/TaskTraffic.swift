import DoscManifest
import SymbolicAlgebra

/// What one task moves when it runs on another node, from its manifest figures (SPEC section
/// 4): its read footprint in, its written footprint back, and the data every sibling reads and
/// none writes (shipped once per node, DESIGN section 5).
struct TaskTraffic {
  /// Bytes read by this task alone (read or readwrite parameters not replicated, and scalars).
  var bytesInParts: [ManifestExpression]
  /// Bytes written back: the footprints of the written pointer parameters.
  var bytesOut: [ManifestExpression]
  /// Read-only data whose footprint starts at a constant: the same region for every sibling.
  var replicatedParts: [ManifestExpression]
  var replicatedNames: [String]

  init(task: Manifest.Task) {
    bytesOut = []
    bytesInParts = []
    replicatedParts = []
    replicatedNames = []
    for parameter in task.params {
      let reads = parameter.access == .read || parameter.access == .readwrite
      let writes = parameter.access == .write || parameter.access == .readwrite
      let isPointer = parameter.type.contains("*") || parameter.type.contains("[")
      if isPointer, parameter.access == .read, case .number = parameter.first {
        replicatedParts.append(parameter.bytes)
        replicatedNames.append(parameter.name)
        continue
      }
      if reads || !isPointer { bytesInParts.append(parameter.bytes) }
      if writes && isPointer { bytesOut.append(parameter.bytes) }
    }
  }

  /// In, out and replicated bytes at `values`; nil when any figure is unknown there.
  func bytes(at values: [String: Double]) -> (bytesIn: Double, bytesOut: Double, replicated: Double)? {
    func total(_ parts: [ManifestExpression]) -> Double? {
      var sum = 0.0
      for part in parts {
        guard let value = part.value(at: values) else { return nil }
        sum += Swift.max(0, value)
      }
      return sum
    }
    guard let bytesIn = total(bytesInParts), let bytesOut = total(bytesOut), let replicated = total(replicatedParts)
    else { return nil }
    return (bytesIn, bytesOut, replicated)
  }

  /// Every name the byte figures depend on.
  var variables: Set<String> {
    (bytesInParts + bytesOut + replicatedParts).reduce(into: Set<String>()) { $0.formUnion($1.variables) }
  }
}
