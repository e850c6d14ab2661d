import DoscManifest

extension SiteExplainer {
  /// Every site explained, in order. Sites that differ only in where they are (their id,
  /// location, function and the name of their link-time work function) explain alike, so each
  /// such group is explained once: a sidecar of 60,000 sites of a few tasks parsed and
  /// evaluated every figure 60,000 times (seconds).
  public func explainAll(_ sites: [Manifest.Site]) -> [SiteExplanation] {
    var explained: [Manifest.Site: SiteExplanation] = [:]
    return sites.map { site in
      var key = site
      key.id = 0
      key.location = Manifest.Location(file: "", line: 0, column: 0)
      key.function = ""
      key.workAtLink?.symbol = ""
      var explanation: SiteExplanation
      if let earlier = explained[key] {
        explanation = earlier
      } else {
        explanation = explain(key)
        explained[key] = explanation
      }
      explanation.id = site.id
      explanation.location = "\(site.location.file):\(site.location.line):\(site.location.column)"
      explanation.function = site.function
      return explanation
    }
  }
}
