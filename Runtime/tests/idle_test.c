/* idle_test - an idle pool costs (almost) no CPU time: after a burst of
 * tasks, workers spin a bounded while and park. Then a second burst must
 * wake them and complete, and the pool must be idle again.
 *
 * usage: idle_test [MAX_IDLE_CPU_MS]   (default 30)
 * Prints the CPU time the whole process used during each idle second half. */
#include "test_util.h"

#include <string.h>
#include <unistd.h>

#include "dosc.h"
#include "dosc_abi.h"

static const dosc_site_info dosc_site_infos[] = {
    {0, "work", "idle_test.c", 40, 5, DOSC_BIND_LOCAL, 0, 0, NULL},
};
dosc_site_state dosc_site_states[1];
const dosc_program_info dosc_program = {"idle-test-0001", 1, dosc_site_infos, dosc_site_states};

static long out[256];

static void work(long *slot, long n) {
  long x = 0;
  for (long i = 0; i < n; i++)
    x += i ^ (x >> 3);
  *slot = x;
}
struct work_args0 {
  long *slot;
  long n;
};
static void work_thunk0(void *p) {
  struct work_args0 *a = p;
  work(a->slot, a->n);
}

static void burst(void) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  for (int i = 0; i < 256; i++) {
    const dosc_site_state *s = &dosc_site_states[0];
    if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, -1))
      work(&out[i], 20000 + i);
    else {
      struct work_args0 a = {&out[i], 20000 + i};
      dosc_spawn(&dosc_fr, work_thunk0, &a, sizeof a);
    }
  }
  dosc_taskwait(&dosc_fr);
}

static void check_burst(int round) {
  for (int i = 0; i < 256; i++) {
    long expected;
    work(&expected, 20000 + i);
    CHECK(out[i] == expected, "round %d: task %d wrong", round, i);
  }
}

/* CPU time of the process while main sleeps 0.5 s, after 0.1 s to settle. */
static double idle_cpu_ms(void) {
  usleep(100000);
  double before = test_seconds(CLOCK_PROCESS_CPUTIME_ID);
  usleep(500000);
  return (test_seconds(CLOCK_PROCESS_CPUTIME_ID) - before) * 1e3;
}

int main(int argc, char **argv) {
  dosc_start(&dosc_program, &argc, &argv);
  double limit = argc > 1 ? atof(argv[1]) : 30.0;
  for (int round = 0; round < 2; round++) {
    memset(out, 0, sizeof out);
    burst();
    check_burst(round);
    double used = idle_cpu_ms();
    CHECK(used < limit, "round %d: idle pool of %d threads used %.1f ms CPU in 500 ms", round,
          dosc_thread_count(), used);
    printf("round %d: %d threads, idle CPU %.2f ms per 500 ms\n", round, dosc_thread_count(), used);
  }
  return test_exit_status();
}
