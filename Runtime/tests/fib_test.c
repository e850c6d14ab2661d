/* fib_test - fib with both recursive calls spawned as value-returning tasks,
 * hand-lowered exactly like the rewrite's output (see dosc_abi.h).
 *
 * usage: fib_test N
 * Checks the result against the serial fib, that the depth cut-off bounds
 * the spawns and that tasks ran at the expected depths; prints
 * "binding=B cutoff=C spawns=S parallel_calls=P max_depth=D threads=T". */
#include "test_util.h"

#include "dosc.h"
#include "dosc_abi.h"

/* ---- the user's program (serial elision) -------------------------------- */
static long fib_plain(long n) {
  return n < 2 ? n : fib_plain(n - 1) + fib_plain(n - 2);
}

/* ---- what the rewrite generates ------------------------------------------ */
static const dosc_site_info dosc_site_infos[] = {
    {0, "fib", "fib_test.c", 30, 5, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE | DOSC_SITE_REMOTABLE, 2,
     NULL},
    {1, "fib", "fib_test.c", 32, 5, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE | DOSC_SITE_REMOTABLE, 2,
     NULL},
};
dosc_site_state dosc_site_states[2];
const dosc_program_info dosc_program = {"fib-test-0001", 2, dosc_site_infos, dosc_site_states};

/* instrumentation of the test, not part of generated code */
static atomic_long spawns, parallel_calls;
static atomic_int max_depth, bad_depth;

static long fib__dosc_serial(long n) {
  if (n < 2) return n;
  long x, y;
  x = fib__dosc_serial(n - 1);
  y = fib__dosc_serial(n - 2);
  return x + y;
}

static long fib(long n);
struct fib_args0 {
  long *result;
  long n;
};
static void fib_thunk0(void *p) {
  struct fib_args0 *a = p;
  int depth = dosc_current_depth, seen = atomic_load(&max_depth);
  while (depth > seen && !atomic_compare_exchange_weak(&max_depth, &seen, depth)) {
  }
  *a->result = fib(a->n);
}

static long fib(long n) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  atomic_fetch_add_explicit(&parallel_calls, 1, memory_order_relaxed);
  if (n < 2) {
    dosc_taskwait(&dosc_fr);
    return n;
  }
  long x, y;
  {
    long dosc_a0 = n - 1;
    const dosc_site_state *s = &dosc_site_states[0];
    if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, -1))
      x = fib__dosc_serial(dosc_a0);
    else {
      atomic_fetch_add_explicit(&spawns, 1, memory_order_relaxed);
      if (dosc_current_depth >= s->depth_cutoff) atomic_store(&bad_depth, 1);
      struct fib_args0 a = {&x, dosc_a0};
      dosc_spawn(&dosc_fr, fib_thunk0, &a, sizeof a);
    }
  }
  {
    long dosc_a0 = n - 2;
    const dosc_site_state *s = &dosc_site_states[1];
    if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, -1))
      y = fib__dosc_serial(dosc_a0);
    else {
      atomic_fetch_add_explicit(&spawns, 1, memory_order_relaxed);
      struct fib_args0 a = {&y, dosc_a0};
      dosc_spawn(&dosc_fr, fib_thunk0, &a, sizeof a);
    }
  }
  dosc_taskwait(&dosc_fr);
  return x + y;
}

int main(int argc, char **argv) {
  dosc_start(&dosc_program, &argc, &argv);
  long n = argc > 1 ? atol(argv[1]) : 20;
  long expected = fib_plain(n);
  long got = fib(n);
  CHECK(got == expected, "fib(%ld) = %ld, expected %ld", n, got, expected);

  const dosc_site_state *s = &dosc_site_states[0];
  long spawned = atomic_load(&spawns);
  CHECK(!atomic_load(&bad_depth), "a spawn happened at or below the depth cut-off");
  if (s->binding == DOSC_BIND_INLINE) {
    CHECK(spawned == 0, "inline binding spawned %ld tasks", spawned);
    CHECK(atomic_load(&parallel_calls) == 1, "inline binding entered the parallel fib %ld times",
          atomic_load(&parallel_calls));
  } else if (n > 2 * s->depth_cutoff + 2 && s->depth_cutoff < 30) {
    /* a full binary tree down to the cut-off: 2 + 4 + ... + 2^cutoff spawns */
    long full = (2L << s->depth_cutoff) - 2;
    CHECK(spawned == full, "%ld spawns, expected %ld for cut-off %d", spawned, full,
          s->depth_cutoff);
    CHECK(atomic_load(&max_depth) == s->depth_cutoff, "deepest task at depth %d, cut-off %d",
          atomic_load(&max_depth), s->depth_cutoff);
  }
  printf("binding=%d cutoff=%d spawns=%ld parallel_calls=%ld max_depth=%d threads=%d\n", s->binding,
         s->depth_cutoff, spawned, atomic_load(&parallel_calls), atomic_load(&max_depth),
         dosc_thread_count());
  return test_exit_status();
}
