extension RandomAccessCollection {
  /// The first index whose element satisfies `belongsInSecondPartition`, a predicate that is
  /// false and then true along the collection (sorted offsets compared with a bound): a binary
  /// search; `endIndex` when no element does. Swift Algorithms' `partitioningIndex(where:)`.
  public func partitioningIndex(where belongsInSecondPartition: (Element) throws -> Bool) rethrows -> Index {
    var low = startIndex
    var count = self.count
    while count > 0 {
      let half = count / 2
      let middle = index(low, offsetBy: half)
      if try belongsInSecondPartition(self[middle]) {
        count = half
      } else {
        low = index(after: middle)
        count -= half + 1
      }
    }
    return low
  }
}
