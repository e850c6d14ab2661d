/* sites_test - load-time decisions: three sites with different facts, their
 * states printed after dosc_start, and a computation through all of them
 * whose result must stay right whatever the bindings.
 *
 * usage: sites_test
 * Prints one line per site, "site I BINDING threshold=T cutoff=C", then
 * "threads=N" and "result=ok" (or fails). dosc_start is called twice: it
 * must be idempotent (one warning at most, one pool). */
#include "test_util.h"

#include "dosc.h"
#include "dosc_abi.h"
#include "dosc_policy.h"

static const dosc_site_info dosc_site_infos[] = {
    {0, "fib", "sites_test.c", 31, 9, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE | DOSC_SITE_REMOTABLE, 2,
     NULL},
    {1, "fill", "sites_test.c", 47, 9, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     16, NULL},
    {2, "log_line", "sites_test.c", 58, 9, DOSC_BIND_INLINE, 0, 0, NULL},
};
dosc_site_state dosc_site_states[3];
const dosc_program_info dosc_program = {"0123456789abcdef-sites", 3, dosc_site_infos,
                                        dosc_site_states};

static long fib_plain(long n) {
  return n < 2 ? n : fib_plain(n - 1) + fib_plain(n - 2);
}
static long fib__dosc_serial(long n) {
  return fib_plain(n);
}
static long fib(long n);
struct fib_args0 {
  long *result;
  long n;
};
static void fib_thunk0(void *p) {
  struct fib_args0 *a = p;
  *a->result = fib(a->n);
}
static long fib(long n) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
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
      struct fib_args0 a = {&x, dosc_a0};
      dosc_spawn(&dosc_fr, fib_thunk0, &a, sizeof a);
    }
  }
  y = fib(n - 2);
  dosc_taskwait(&dosc_fr);
  return x + y;
}

static double table[16][1000];
static void fill(double *row, long count, double value) {
  for (long i = 0; i < count; i++)
    row[i] = value * (double)i;
}
struct fill_args1 {
  double *row;
  long count;
  double value;
};
static void fill_thunk1(void *p) {
  struct fill_args1 *a = p;
  fill(a->row, a->count, a->value);
}

static atomic_long lines;
static void log_line(int i) {
  atomic_fetch_add(&lines, i);
}
struct log_args2 {
  int i;
};
static void log_thunk2(void *p) {
  log_line(((struct log_args2 *)p)->i);
}

int main(int argc, char **argv) {
  dosc_start(&dosc_program, &argc, &argv);
  dosc_start(&dosc_program, &argc, &argv);
  for (int i = 0; i < 3; i++)
    printf("site %d %s threshold=%lld cutoff=%d\n", i,
           dosc_binding_name(dosc_site_states[i].binding), dosc_site_states[i].work_threshold,
           dosc_site_states[i].depth_cutoff);
  printf("threads=%d nodes=%d rank=%d\n", dosc_thread_count(), dosc_node_count(), dosc_node_rank());

  CHECK(fib(24) == fib_plain(24), "fib wrong");
  {
    dosc_frame dosc_fr;
    dosc_frame_init(&dosc_fr);
    for (int r = 0; r < 16; r++) {
      const dosc_site_state *s = &dosc_site_states[1];
      if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, 1000 * 2))
        fill(table[r], 1000, r);
      else {
        struct fill_args1 a = {table[r], 1000, r};
        dosc_spawn(&dosc_fr, fill_thunk1, &a, sizeof a);
      }
      const dosc_site_state *s2 = &dosc_site_states[2];
      if (s2->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s2, -1))
        log_line(r);
      else {
        struct log_args2 a = {r};
        dosc_spawn(&dosc_fr, log_thunk2, &a, sizeof a);
      }
    }
    dosc_taskwait(&dosc_fr);
  }
  for (int r = 0; r < 16; r++)
    for (int i = 0; i < 1000; i++)
      CHECK(table[r][i] == (double)r * i, "table[%d][%d] wrong", r, i);
  CHECK(atomic_load(&lines) == 120, "log_line sum %ld", atomic_load(&lines));
  if (test_failures == 0) printf("result=ok\n");
  return test_exit_status();
}
