import DoscManifest
import DoscPolicy
import SymbolicAlgebra

/// What one task moves when it runs on another node, from its manifest figures (SPEC section
/// 4): its footprint in (a written one too, as the twin the write-back is compared against,
/// but a dense `out` one: `write_dense`), at most its written footprint back, and the read-only data shipped once
/// per node instead (DESIGN section 5). Which data is replicated is the runtime's own rule,
/// `dosc_replicated` (dosc_policy.h), applied to the figures at the given values.
struct TaskTraffic {
  /// One pointer parameter's traffic.
  struct Part {
    var name: String
    /// Bytes of its footprint: shipped in, and what a replica holds.
    var bytes: ManifestExpression
    /// Bytes written back (the written footprint), when it is written.
    var written: ManifestExpression?
    var readOnly: Bool
    /// Shipped in with the task: all but a dense `out` footprint (the runtime's dosc_shipped_in).
    var shippedIn = true
    /// The manifest's `first` is a constant: the same region for every sibling.
    var sameRegion: Bool
  }
  var parts: [Part]

  init(task: Manifest.Task) {
    parts = []
    for parameter in task.params {
      let isPointer = parameter.type.contains("*") || parameter.type.contains("[")
      guard isPointer, parameter.access != .none else { continue }
      let writes = parameter.access == .write || parameter.access == .readwrite
      var written: ManifestExpression?
      if writes {
        if let count = parameter.writeCount, let size = parameter.elementSize {
          written = ManifestExpression(count.polynomial.map { $0 * size })
        } else {
          written = parameter.bytes
        }
      }
      var sameRegion = false
      if case .number = parameter.first { sameRegion = true }
      parts.append(
        Part(
          name: parameter.name, bytes: parameter.bytes, written: written, readOnly: parameter.access == .read,
          shippedIn: !(parameter.access == .write && parameter.writeDense == true), sameRegion: sameRegion))
    }
  }

  /// In, out and replicated bytes at `values` (in: footprints not replicated); nil when
  /// any figure is unknown there. `replicatedNames`: the parameters the runtime replicates.
  func bytes(at values: [String: Double]) -> (
    bytesIn: Double, bytesOut: Double, replicated: Double, replicatedNames: [String]
  )? {
    var result = (bytesIn: 0.0, bytesOut: 0.0, replicated: 0.0, replicatedNames: [String]())
    for part in parts {
      guard let value = part.bytes.value(at: values) else { return nil }
      let bytes = Swift.max(0, value)
      if dosc_replicated(part.readOnly ? 1 : 0, part.sameRegion ? 1 : 0, bytes) != 0 {
        result.replicated += bytes
        result.replicatedNames.append(part.name)
      } else if part.shippedIn {
        result.bytesIn += bytes
      }
      if let written = part.written {
        guard let value = written.value(at: values) else { return nil }
        result.bytesOut += Swift.max(0, value)
      }
    }
    return result
  }

  /// Read-only data the same for every sibling: replicated when large enough at the values.
  var replicaCandidates: [Part] { parts.filter { $0.readOnly && $0.sameRegion } }

  /// Every name the byte figures depend on.
  var variables: Set<String> {
    parts.reduce(into: Set<String>()) { names, part in
      names.formUnion(part.bytes.variables)
      if let written = part.written { names.formUnion(written.variables) }
    }
  }
}
