import Foundation

/// Remembers the printed form of each polynomial already printed. Printing is not linear in the
/// size of a nested polynomial: an atom's order among its monomial's factors (`Atom.sortKey`)
/// is its printed form, and printing a polynomial sorts its terms and tries binomial factors,
/// so an operand of a `max` inside a `max` inside a `max` was printed again at every
/// comparison of every enclosing level (miniGMG's smooth: minutes, `Tests/Oracle/repro/
/// unseen11-slow-smooth.c`). With the memo each distinct polynomial is printed once; equal
/// polynomials print equally (values are canonical), so the memo changes no output.
final class PrintedForms: @unchecked Sendable {
  static let shared = PrintedForms()

  /// Beyond this many entries the memo starts afresh, so a long run does not keep every
  /// polynomial it ever printed.
  private let capacity = 20_000
  private let lock = NSLock()
  private var printed: [Polynomial: String?] = [:]
  /// How many polynomials were printed rather than recalled, ever: the measure of printing
  /// work, which a test bounds (deterministic, unlike a time).
  private(set) var printings = 0

  /// The memoized `print(polynomial)`.
  func form(of polynomial: Polynomial, printing print: (Polynomial) -> String?) -> String? {
    if let known = lock.withLock({ printed[polynomial] }) { return known }
    let text = print(polynomial)
    lock.withLock {
      printings += 1
      if printed.count >= capacity { printed.removeAll(keepingCapacity: true) }
      printed[polynomial] = text
    }
    return text
  }
}
