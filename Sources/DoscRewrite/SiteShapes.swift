/// The code a unit's sites share, by shape: a site's argument struct and out-of-line dispatch
/// depend only on its argument and result types, its thunk and marshalling only on its task and
/// those types, so sites of one shape share one copy, named after the first of them. A copy is
/// shared only by sites in or after the function before which it is declared.
struct SiteShapes {
  private var written: [String: (suffix: String, functionStart: Int)] = [:]

  /// The suffix the site's code is named with, and whether the site writes it (the first of
  /// its shape that the earlier copy cannot serve). `text` is the code with the name's suffix
  /// left out; `functionStart`, where the site's function begins, is where a new copy goes.
  mutating func share(_ text: String, from functionStart: Int, suffix: String) -> (suffix: String, isNew: Bool) {
    if let earlier = written[text], earlier.functionStart <= functionStart { return (earlier.suffix, false) }
    written[text] = (suffix, functionStart)
    return (suffix, true)
  }
}
