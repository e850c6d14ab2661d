/* measure_test - fib with both recursive calls spawned, hand-lowered like the
 * rewrite's output for a recursive task with a measure (dosc_recurrence,
 * dosc_spawn_choice in dosc_policy.h): n decreases by 1 and 2 per call,
 * no call below 2, 10 operations per invocation.
 *
 * usage: measure_test N
 * Checks the result against the serial fib; that every spawn had its task's
 * n at or above the site's load-time threshold and its depth below the
 * cut-off; that no spawn happened when N is below the threshold (a small
 * problem is not split) and, when N - cutoff reaches it, that tasks ran down
 * to the cut-off (a large problem is split as deep as without a measure).
 * Prints "binding=B cutoff=C threshold=M spawns=S max_depth=D". */
#include "test_util.h"

#include "dosc.h"
#include "dosc_abi.h"

static long fib_plain(long n) {
  return n < 2 ? n : fib_plain(n - 1) + fib_plain(n - 2);
}

/* ---- what the rewrite generates ------------------------------------------ */
static const dosc_recurrence dosc_recurrence_0 = {2, 2LL, {1LL, 2LL}, 10.0, 3.0, 0};
static const dosc_site_info dosc_site_infos[] = {
    {0, "fib", "measure_test.c", 30, 5, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE | DOSC_SITE_REMOTABLE,
     2, &dosc_recurrence_0},
    {1, "fib", "measure_test.c", 32, 5, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE | DOSC_SITE_REMOTABLE,
     2, &dosc_recurrence_0},
};
dosc_site_state dosc_site_states[2];
const dosc_program_info dosc_program = {"measure-test-0001", 2, dosc_site_infos, dosc_site_states};

/* instrumentation of the test, not part of generated code */
static atomic_long spawns;
static atomic_int max_depth, bad_spawn;

static long fib__dosc_serial(long n) {
  if (n < 2) return n;
  return fib__dosc_serial(n - 1) + fib__dosc_serial(n - 2);
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

/* One site: the spawn-time check on the measure, and the test's counters. */
static void site(int id, dosc_frame *frame, long *result, long dosc_a0) {
  const dosc_site_state *s = &dosc_site_states[id];
  if (dosc_site_choice(s, -1, (long long)(dosc_a0), -1, 0, 0) == DOSC_BIND_INLINE) {
    *result = fib__dosc_serial(dosc_a0);
    return;
  }
  atomic_fetch_add_explicit(&spawns, 1, memory_order_relaxed);
  if (dosc_a0 < s->measure_threshold || dosc_current_depth >= s->depth_cutoff)
    atomic_store(&bad_spawn, 1);
  struct fib_args0 a = {result, dosc_a0};
  dosc_spawn(frame, fib_thunk0, &a, sizeof a);
}

static long fib(long n) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  if (n < 2) return n;
  long x, y;
  site(0, &dosc_fr, &x, n - 1);
  site(1, &dosc_fr, &y, n - 2);
  dosc_taskwait(&dosc_fr);
  return x + y;
}

int main(int argc, char **argv) {
  dosc_start(&dosc_program, &argc, &argv);
  long n = argc > 1 ? atol(argv[1]) : 20;
  long got = fib(n);
  CHECK(got == fib_plain(n), "fib(%ld) = %ld, expected %ld", n, got, fib_plain(n));

  const dosc_site_state *s = &dosc_site_states[0];
  long spawned = atomic_load(&spawns);
  CHECK(!atomic_load(&bad_spawn), "a spawn below the measure threshold or at the cut-off");
  if (s->binding != DOSC_BIND_INLINE && n - 1 < s->measure_threshold)
    CHECK(spawned == 0, "n = %ld below the threshold %lld: %ld spawns", n, s->measure_threshold,
          spawned);
  if (s->binding != DOSC_BIND_INLINE && n - s->depth_cutoff >= s->measure_threshold)
    CHECK(atomic_load(&max_depth) == s->depth_cutoff, "deepest task at depth %d, cut-off %d",
          atomic_load(&max_depth), s->depth_cutoff);
  printf("binding=%d cutoff=%d threshold=%lld spawns=%ld max_depth=%d\n", s->binding,
         s->depth_cutoff, s->measure_threshold, spawned, atomic_load(&max_depth));
  return test_exit_status();
}
