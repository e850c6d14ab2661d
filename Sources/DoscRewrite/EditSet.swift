import DoscSupport

/// One source edit: replace `length` bytes at `offset` with `text` (clang's `Replacement`).
/// A zero length is an insertion.
public struct Edit: Hashable, Sendable {
  public var offset: Int
  public var length: Int
  public var text: String

  public init(offset: Int, length: Int, text: String) {
    self.offset = offset
    self.length = length
    self.text = text
  }

  public var range: Range<Int> { offset..<(offset + length) }
}

/// Edits to one file, collected from every part of the rewrite and applied once at the end.
/// Edits may not overlap: a replacement that touches another replacement, or an insertion
/// strictly inside a replacement, is a bug in the rewrite and is rejected when added.
/// Insertions at the same offset are kept in the order they were added.
public struct EditSet: Sendable {
  public struct Overlap: Error, CustomStringConvertible {
    public var existing: Edit
    public var new: Edit
    public var description: String {
      "edit at \(new.offset)+\(new.length) overlaps edit at \(existing.offset)+\(existing.length)"
    }
  }

  public private(set) var edits: [Edit] = []
  /// Indices into `edits` of the replacements, sorted by offset (they never overlap), and of
  /// the insertions, sorted by offset: a new edit is checked against its neighbours only, so a
  /// file with 100,000 spawn sites is not n^2 comparisons (it took minutes).
  private var replacementsByOffset: [Int] = []
  private var insertionsByOffset: [Int] = []

  public init() {}

  public mutating func add(_ edit: Edit) throws {
    if edit.length == 0 {
      // An insertion conflicts only with a replacement strictly around it: the last
      // replacement starting before it is the only candidate.
      let after = replacementsByOffset.partitioningIndex { self.edits[$0].offset >= edit.offset }
      if after > 0, case let existing = edits[replacementsByOffset[after - 1]],
        Self.conflict(existing, edit)
      {
        throw Overlap(existing: existing, new: edit)
      }
      let position = insertionsByOffset.partitioningIndex { self.edits[$0].offset > edit.offset }
      insertionsByOffset.insert(edits.count, at: position)
    } else {
      // Replacements never overlap, so those sorted by offset are sorted by end too: only the
      // neighbours on either side can overlap the new one.
      let position = replacementsByOffset.partitioningIndex { self.edits[$0].offset >= edit.offset }
      for neighbour in [position - 1, position] where replacementsByOffset.indices.contains(neighbour) {
        let existing = edits[replacementsByOffset[neighbour]]
        if Self.conflict(existing, edit) { throw Overlap(existing: existing, new: edit) }
      }
      let inside = insertionsByOffset.partitioningIndex { self.edits[$0].offset > edit.offset }
      if insertionsByOffset.indices.contains(inside), case let existing = edits[insertionsByOffset[inside]],
        Self.conflict(existing, edit)
      {
        throw Overlap(existing: existing, new: edit)
      }
      replacementsByOffset.insert(edits.count, at: position)
    }
    edits.append(edit)
  }

  public mutating func insert(_ text: String, at offset: Int) throws {
    try add(Edit(offset: offset, length: 0, text: text))
  }

  public mutating func replace(_ range: Range<Int>, with text: String) throws {
    try add(Edit(offset: range.lowerBound, length: range.count, text: text))
  }

  static func conflict(_ a: Edit, _ b: Edit) -> Bool {
    switch (a.length, b.length) {
    case (0, 0): false
    case (0, _): b.offset < a.offset && a.offset < b.offset + b.length
    case (_, 0): a.offset < b.offset && b.offset < a.offset + a.length
    default: a.range.overlaps(b.range)
    }
  }

  /// The edited bytes. Offsets are into `source` (UTF-8).
  public func apply(to source: [UInt8]) -> [UInt8] {
    // Stable sort: at one offset, insertions first (in the order added), then the replacement.
    let ordered = edits.enumerated().sorted { a, b in
      if a.element.offset != b.element.offset { return a.element.offset < b.element.offset }
      if (a.element.length == 0) != (b.element.length == 0) { return a.element.length == 0 }
      return a.offset < b.offset
    }.map(\.element)
    var result: [UInt8] = []
    result.reserveCapacity(source.count + ordered.reduce(0) { $0 + $1.text.utf8.count })
    var position = 0
    for edit in ordered {
      precondition(edit.offset >= position && edit.offset + edit.length <= source.count, "edit out of range")
      result += source[position..<edit.offset]
      result += Array(edit.text.utf8)
      position = edit.offset + edit.length
    }
    result += source[position...]
    return result
  }

  public func apply(to source: String) -> String {
    String(decoding: apply(to: Array(source.utf8)), as: UTF8.self)
  }
}
