import Foundation

extension Manifest {
  /// The program's sidecar from the fragments of its units, in link order: sites get
  /// program-wide ids (unit k's follow those of units 0..<k), and a task spawned in one unit
  /// whose body is in another gets the figures analyzed where its body is.
  public static func link(_ fragments: [Manifest]) -> Manifest {
    var definitions: [String: Task] = [:]
    for fragment in fragments {
      for task in (fragment.exports ?? []) + fragment.tasks where !task.opaque && definitions[task.name] == nil {
        definitions[task.name] = task
      }
    }
    var tasks: [Task] = []
    var sites: [Site] = []
    var units: [Unit] = []
    for fragment in fragments {
      units.append(
        Unit(
          source: fragment.sources.first ?? "", sourceHash: fragment.sourceHash, firstSite: sites.count,
          siteCount: fragment.sites.count))
      for task in fragment.tasks where !tasks.contains(where: { $0.name == task.name }) {
        tasks.append(task.opaque ? definitions[task.name] ?? task : task)
      }
      let first = sites.count
      for var site in fragment.sites {
        site.id += first
        sites.append(site)
      }
    }
    let unitHashes = fragments.map { $0.sourceHash + "\n" }.joined()
    return Manifest(
      sourceHash: Manifest.sourceHash(sources: [("units", Data(unitHashes.utf8))], flags: []),
      sources: fragments.flatMap(\.sources), tasks: tasks, sites: sites, units: units)
  }
}
