import DoscManifest
import Foundation
import Testing

/// Own addresses that reach the caller's memory by routes whose static types do not say so
/// (Tests/Oracle/task-copies-own-address-bytes.c: rank 0 crashed printing them under
/// `DOSC_BIND=remote`): the analyzer judges a copy by the memory it reads, not by the
/// copy's types, and keeps tasks that copy plain data by bytes remotable.
@Suite struct OwnAddressBytesTests {
  private func task(_ source: String, _ name: String) throws -> Manifest.Task {
    try Fixtures.analyze(source: source).0.task(name)
  }

  /// Each task (name, reason text, line) is not remotable, for that reason at that line.
  private func expectRefused(_ source: String, _ refused: [(String, String, Int)]) throws {
    for (name, message, line) in refused {
      let t = try task(source, name)
      #expect(!t.remotable, "\(name)")
      #expect(t.reasons.contains { $0.contains(":\(line):") && $0.contains(message) }, "\(name): \(t.reasons)")
    }
  }

  /// A local structure holding a pointer copied into the caller's memory by bytes: through
  /// an `unsigned char` view, `memcpy` from a `void *`, `memmove` from a byte buffer it was
  /// copied to, a helper copying bytes, `long`s, a union's other member, doubles it was stored
  /// in through a cast (all seven were remotable: the copies' types hold no address). Plain
  /// data copied so, a field that holds no address, bytes of what the caller gave stay
  /// remotable.
  @Test func ownAddressesCopiedByBytesAreNotRemotable() throws {
    let source = """
      #include <string.h>
      #include <stdlib.h>
      struct named { const char *name; long v; };
      union word { const char *p; long l; };
      static void copy_bytes(unsigned char *to, const unsigned char *from, size_t k) { for (size_t i = 0; i < k; i++) to[i] = from[i]; }
      void byte_loop(unsigned char *out) { struct named t; t.name = "x"; t.v = 1; const unsigned char *from = (const unsigned char *)&t; for (size_t k = 0; k < sizeof t; k++) out[k] = from[k]; }
      void memcpy_void(unsigned char *out) { struct named t; t.name = "x"; void *src = &t; memcpy(out, src, sizeof t); }
      void memmove_buffer(unsigned char *out) { struct named t; unsigned char b[16]; t.name = "x"; memcpy(b, &t, sizeof t); memmove(out, b, sizeof b); }
      void byte_helper(unsigned char *out) { struct named t; t.name = "x"; copy_bytes(out, (const unsigned char *)&t, sizeof t); }
      void long_view(long *out) { struct named t; t.name = "x"; const long *from = (const long *)&t; out[0] = from[0]; }
      void union_member(long *out) { union word w; w.p = "x"; out[0] = w.l; }
      void stored_in_doubles(double *out) { double d[2]; *(const char **)d = "x"; out[0] = d[0]; }
      void plain_bytes(unsigned char *out, const double *in) { double t[2] = {in[0], in[1]}; const unsigned char *from = (const unsigned char *)t; for (size_t k = 0; k < sizeof t; k++) out[k] = from[k]; }
      void plain_memcpy(double *out, const double *in) { double *t = malloc(2 * sizeof *t); t[0] = in[0]; t[1] = in[1]; memcpy(out, t, 2 * sizeof *t); free(t); }
      void plain_helper(unsigned char *out, const double *in) { double t[2] = {in[0], 1}; copy_bytes(out, (const unsigned char *)t, sizeof t); }
      void own_field(long *out) { struct named t; t.name = "x"; t.v = 2; struct named *p = &t; out[0] = p->v + t.v; }
      void given_bytes(unsigned char *out, const struct named *in) { copy_bytes(out, (const unsigned char *)in, sizeof *in); }
      int main(void) { unsigned char b[8][16]; long l[3]; double d[4], in[2] = {1, 2}; struct named g = {"g", 1};
      #pragma dosc task
        byte_loop(b[0]);
      #pragma dosc task
        memcpy_void(b[1]);
      #pragma dosc task
        memmove_buffer(b[2]);
      #pragma dosc task
        byte_helper(b[3]);
      #pragma dosc task
        long_view(&l[0]);
      #pragma dosc task
        union_member(&l[1]);
      #pragma dosc task
        stored_in_doubles(&d[0]);
      #pragma dosc task
        plain_bytes(b[4], in);
      #pragma dosc task
        plain_memcpy(&d[1], in);
      #pragma dosc task
        plain_helper(b[5], in);
      #pragma dosc task
        own_field(&l[2]);
      #pragma dosc task
        given_bytes(b[6], &g);
      #pragma dosc taskwait
        return 0; }
      """
    let stores = "stores an address of its own process in"
    try expectRefused(
      source,
      [
        ("byte_loop", "\(stores) 'out[k]'", 6), ("memcpy_void", "\(stores) 'out'", 7),
        ("memmove_buffer", "\(stores) 'out'", 8), ("byte_helper", "\(stores) 'to[i]'", 5),
        ("long_view", "\(stores) 'out[0]'", 10), ("union_member", "\(stores) 'out[0]'", 11),
        ("stored_in_doubles", "\(stores) 'out[0]'", 12),
      ])
    for name in ["plain_bytes", "plain_memcpy", "plain_helper", "own_field", "given_bytes"] {
      let t = try task(source, name)
      #expect(t.remotable, "\(name): \(t.reasons)")
    }
  }

  /// An address made a number and stored or returned: kept in a local and changed
  /// (`number ^ 0`), stored in an own array first, added in place, returned (all four were
  /// remotable); a distance between pointers is no address.
  @Test func ownAddressesMadeNumbersAreNotRemotable() throws {
    let source = """
      #include <stdint.h>
      #include <stdlib.h>
      void in_local(long *out) { const char *name = "x"; long number = (long)(uintptr_t)name; out[0] = number ^ 0; }
      void in_array(long *out) { int x = 1; long cells[2]; cells[0] = (long)&x; cells[1] = 0; out[0] = cells[0] + cells[1]; }
      void added(long *out) { int x = 1; out[0] = 0; out[0] += (long)(intptr_t)&x; }
      long returned(long n) { long *cell = malloc(sizeof *cell); *cell = n; return (long)(intptr_t)cell; }
      void direct(long *out) { long local = 1; out[0] = (long)&local; out[1] = (intptr_t)malloc(8); }
      long distance(const char *s) { const char *q = s; char buf[8] = "abc"; const char *p = buf; while (*p) p++; return (p - buf) + (q - s); }
      int main(void) { long l[6]; long r, d;
      #pragma dosc task
        in_local(&l[0]);
      #pragma dosc task
        in_array(&l[1]);
      #pragma dosc task
        added(&l[2]);
      #pragma dosc task
        r = returned(3);
      #pragma dosc task
        direct(&l[3]);
      #pragma dosc task
        d = distance("abc");
      #pragma dosc taskwait
        return (int)(r + d); }
      """
    let stores = "stores an address of its own process in"
    try expectRefused(
      source,
      [
        ("in_local", "\(stores) 'out[0]'", 3), ("in_array", "\(stores) 'out[0]'", 4),
        ("added", "\(stores) 'out[0]'", 5),
        ("returned", "returns '(long)(intptr_t)cell', which may be an address of its own process", 6),
        ("direct", "\(stores) 'out[0]'", 7),
      ])
    let distance = try task(source, "distance")
    #expect(!distance.reasons.contains { $0.contains("own process") }, "\(distance.reasons)")
  }

  /// A number made of an own address passed to a helper that stores it, or returns it to be
  /// stored, is the helper's copy of the caller's own address (both were remotable); a number
  /// the task was given, or made of none, is not.
  @Test func ownAddressesPassedAsNumbersToHelpersAreNotRemotable() throws {
    let source = """
      #include <stdint.h>
      static void put(long *out, long v) { *out = v; }
      static long same(long v) { long w = v; return w; }
      void passed(long *out) { int x = 1; put(out, (long)(intptr_t)&x); }
      void returned(long *out) { int x = 1; out[0] = same((long)&x); }
      void plain(long *out, long n) { put(out, n); out[1] = same(n + 1); }
      int main(void) { long l[4];
      #pragma dosc task
        passed(&l[0]);
      #pragma dosc task
        returned(&l[1]);
      #pragma dosc task
        plain(&l[2], 3);
      #pragma dosc taskwait
        return 0; }
      """
    try expectRefused(
      source,
      [
        ("passed", "stores an address of its own process in '*out'", 2),
        ("returned", "returns 'w', which may be an address of its own process", 3),
      ])
    let plain = try task(source, "plain")
    #expect(plain.remotable, "\(plain.reasons)")
  }

  /// A pointer that may point into the task's own memory or into what it was given keeps the
  /// first possibility: a copy through it carries own addresses (`PointerTarget.either` keeps
  /// only the parameter, for footprints: no reason was given), as does a helper's copy from
  /// it. A copy through a pointer into either of two parameters' memories holds none.
  @Test func aPointerThatMayPointIntoOwnMemoryKeepsThatPossibility() throws {
    let source = """
      struct named { const char *name; long v; };
      static void copy(struct named *dst, const struct named *src) { *dst = *src; }
      void either(struct named *out, const struct named *in, long n) { struct named own; own.name = "x"; own.v = n; const struct named *p = n > 0 ? &own : in; *out = *p; }
      void either_helper(struct named *out, const struct named *in, long n) { struct named own; own.name = "x"; copy(out, n > 0 ? &own : in); }
      void either_given(struct named *out, const struct named *a, const struct named *b, long n) { const struct named *p = a; if (n > 0) p = b; *out = *p; }
      int main(void) { struct named r[3], s = {"s", 1}, t = {"t", 2};
      #pragma dosc task
        either(&r[0], &s, 1);
      #pragma dosc task
        either_helper(&r[1], &s, 1);
      #pragma dosc task
        either_given(&r[2], &s, &t, 1);
      #pragma dosc taskwait
        return 0; }
      """
    let stores = "stores an address of its own process in"
    try expectRefused(source, [("either", "\(stores) '*out'", 3), ("either_helper", "\(stores) '*dst'", 2)])
    let given = try task(source, "either_given")
    #expect(!given.reasons.contains { $0.contains("own process") }, "\(given.reasons)")
  }

  /// A helper that keeps its number parameter in its own memory (an array, a structure's
  /// field, bytes copied into a local) before it returns it or stores it in the caller's
  /// memory carries what its caller passes, as the parameter itself does; so do a number
  /// local's bytes copied out (`long t = (long)&x; memcpy(out, &t, 8)`). All six were
  /// remotable (final review of the session): rank 0 would read an address of another
  /// rank's stack. Plain numbers through the same helpers stay remotable.
  @Test func ownAddressesKeptInAHelpersMemoryAreNotRemotable() throws {
    let source = """
      #include <stdint.h>
      #include <string.h>
      struct W { long v; long pad; };
      static long via_local(long v) { long t[2]; t[0] = v; t[1] = 0; return t[0]; }
      static long via_struct(long v) { struct W w; w.v = v; w.pad = 0; return w.v; }
      static long via_memcpy(long v) { long t; memcpy(&t, &v, sizeof t); return t; }
      static void put_via_local(long *out, long v) { long t[1]; t[0] = v; out[0] = t[0]; }
      static void put_via_memcpy(long *out, long v) { memcpy(out, &v, sizeof v); }
      void b1(long *out, long n) { int x = (int)n; out[0] = via_local((long)(intptr_t)&x); }
      void b3(long *out, long n) { int x = (int)n; out[0] = via_struct((long)(intptr_t)&x); }
      void b4(long *out, long n) { int x = (int)n; out[0] = via_memcpy((long)(intptr_t)&x); }
      void b5(long *out, long n) { int x = (int)n; put_via_local(out, (long)(intptr_t)&x); }
      void b6(long *out, long n) { int x = (int)n; put_via_memcpy(out, (long)(intptr_t)&x); }
      void b8(long *out, long n) { int x = (int)n; long t = (long)(intptr_t)&x; memcpy(out, &t, sizeof t); }
      void p1(long *out, long n) { out[0] = via_local(n * 2); }
      void p3(long *out, long n) { out[0] = via_struct(n + 1); }
      void p4(long *out, long n) { out[0] = via_memcpy(n); }
      void p5(long *out, long n) { put_via_local(out, n - 1); }
      void p6(long *out, long n) { put_via_memcpy(out, n * 3); }
      void p8(long *out, long n) { long t = n * 5; memcpy(out, &t, sizeof t); }
      int main(void) { long o[6], q[6];
      #pragma dosc task
        b1(&o[0], 5);
      #pragma dosc task
        b3(&o[1], 5);
      #pragma dosc task
        b4(&o[2], 5);
      #pragma dosc task
        b5(&o[3], 5);
      #pragma dosc task
        b6(&o[4], 5);
      #pragma dosc task
        b8(&o[5], 5);
      #pragma dosc task
        p1(&q[0], 5);
      #pragma dosc task
        p3(&q[1], 5);
      #pragma dosc task
        p4(&q[2], 5);
      #pragma dosc task
        p5(&q[3], 5);
      #pragma dosc task
        p6(&q[4], 5);
      #pragma dosc task
        p8(&q[5], 5);
      #pragma dosc taskwait
        return (int)(o[0] + q[0]); }
      """
    let returns = "which may be an address of its own process as a number"
    let stores = "stores an address of its own process in"
    try expectRefused(
      source,
      [
        ("b1", "returns 't[0]', \(returns)", 4), ("b3", "returns 'w.v', \(returns)", 5),
        ("b4", "returns 't', \(returns)", 6), ("b5", "\(stores) 'out[0]'", 7), ("b6", "\(stores) 'out'", 8),
        ("b8", "\(stores) 'out'", 14),
      ])
    for name in ["p1", "p3", "p4", "p5", "p6", "p8"] {
      let plain = try task(source, name)
      #expect(plain.remotable, "\(name): \(plain.reasons)")
    }
  }
}
