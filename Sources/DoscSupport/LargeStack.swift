import Foundation

/// Runs work on a thread with a large stack.
///
/// The body converter and the analysis recurse over C syntax trees, and C allows trees of any
/// depth: an expression of a hundred thousand terms (`v+1+1+...`) is a left-leaning tree that
/// deep, an `else if` chain nests one `if` per branch. clang accepts them, so dosc must too.
/// Rather than rewriting every walk (conversion, analysis, hashing and releasing the trees)
/// without recursion, the whole command runs where the stack is large enough for anything
/// clang itself parses. The memory is reserved, not used: pages are touched only as deep as
/// the recursion goes.
public enum LargeStack {
  /// 4 GiB of address space: about four million levels of the deepest walk.
  public static let defaultSize = 4 << 30

  /// Runs `body` on a thread with a `size`-byte stack and waits for it; where no such thread
  /// can be made (an address-space limit, say), runs it on the calling thread.
  public static func run(size: Int = defaultSize, _ body: @escaping () -> Void) {
    final class Box {
      let body: () -> Void
      init(_ body: @escaping () -> Void) { self.body = body }
    }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    defer { pthread_attr_destroy(&attributes) }
    var thread = pthread_t()
    let box = Unmanaged.passRetained(Box(body))
    for attempt in [size, size / 4, size / 16] where pthread_attr_setstacksize(&attributes, attempt) == 0 {
      let created = pthread_create(
        &thread, &attributes,
        { context in
          let box = Unmanaged<Box>.fromOpaque(context!).takeRetainedValue()
          box.body()
          return nil
        }, box.toOpaque())
      if created == 0 {
        pthread_join(thread, nil)
        return
      }
    }
    box.takeRetainedValue().body()
  }
}
