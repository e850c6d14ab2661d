/* remote_test - remote tasks over MPI, written as the rewrite emits them.
 *
 * usage: mpirun -np N remote_test [ROUNDS [big]]
 * Three remotable sites and one that is not:
 *   site 0 smooth(in, out, lo, hi): reads in[lo-1 .. hi], writes out[lo, hi)
 *          (a stencil: its halo must arrive; out is only written, every cell of
 *          it (write_dense): never shipped in, shipped back whole)
 *   site 1 x = sum(v, lo, hi): a value-returning task reading v[lo, hi)
 *   site 2 relax(u, lo, hi, color): reads u[lo-1 .. hi], updates the cells of
 *          one colour in [lo, hi) in place (red-black: neighbours' tasks write
 *          the other cells of the same array in the same round)
 *   site 3 log_sum(...): not remotable (no marshalling)
 *   site 4 shift(dst, src, lo, hi): dst[i] = src[i + 1], called with dst == src:
 *          footprints that overlap, one written: kept on rank 0
 *   with `big`, sites 0 and 2 again on 3 MiB arrays: footprints of 2 MiB and
 *          more, which a serving rank receives into huge pages (footprint_buffer.h)
 *   site 5 mark_evens(v, lo, hi): writes the even cells of v[lo, hi) only (out),
 *          while the spawning thread writes the odd ones before the taskwait:
 *          only what the task changed may come back (write_back.h)
 * usage: mpirun -np N remote_test contact
 *   site 6 hold(seen, k, ms) alone: rank 0's share during the first contact (below)
 * usage: mpirun -np N remote_test per-thread
 *   site 6 again: one quick task per thread at start-up; none counts as sent ahead (below)
 * usage: [mpirun -np N] remote_test pthread-exit
 *   main ends by pthread_exit() with ten tasks of site 3 never waited for (below)
 * usage: mpirun -np N remote_test signal
 *   rank 0 prints "pid=P" and then waits for 8 tasks of 5 s at site 7: for a signal (below)
 * usage: mpirun -np N remote_test wait
 *   site 7 alone: one long task; rank 0 takes little CPU while it waits for it (below)
 * usage: mpirun -np N remote_test uneven
 *   site 7 spin(seen, k, us) alone: one long task, then many short ones; none
 *          waits behind the long one while a thread of a rank is idle (below)
 * Every result is checked against the serial computation; prints result=ok. */
#include "test_util.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "dosc.h"
#include "dosc_abi.h"

#define N     4096
#define BLOCK 256

static void smooth(const double *in, double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    out[i] = (in[i - 1] + in[i] + in[i + 1]) / 3.0;
}
static long sum(const int *v, int lo, int hi) {
  long total = 0;
  for (int i = lo; i < hi; i++)
    total += v[i];
  return total;
}
static void relax(double *u, int lo, int hi, int color) {
  for (int i = lo; i < hi; i++)
    if ((i & 1) == color) u[i] = 0.5 * (u[i - 1] + u[i + 1]);
}
static void shift(double *dst, const double *src, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    dst[i] = src[i + 1];
}
static void mark_evens(int *v, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (i % 2 == 0) v[i] = 3 * i + 1;
}
/* Records in seen[2k] which rank ran task k and in seen[2k + 1] when it began (CLOCK_MONOTONIC
 * in ns: one clock for every rank on one host), then takes `ms` ms of wall time; the last
 * rank's first task takes HOLD_FIRST_MS more: its first result comes that much later than its
 * first task arrived. */
enum { HOLD_FIRST_MS = 400 };
static void hold(long long *seen, int k, int ms) {
  /* Per process, and atomic: a serving rank of 2 threads (per-thread) runs two at once
   * (ThreadSanitizer saw the plain int's race and ended the rank with status 66). */
  static atomic_int held;
  int rank = dosc_node_rank();
  double began = test_seconds(CLOCK_MONOTONIC);
  int first = !atomic_exchange_explicit(&held, 1, memory_order_relaxed);
  if (rank > 0 && rank == dosc_node_count() - 1 && first) ms += HOLD_FIRST_MS;
  while (test_seconds(CLOCK_MONOTONIC) < began + ms * 1e-3) {
  }
  seen[2 * k] = rank;
  seen[2 * k + 1] = (long long)(began * 1e9);
}
/* Records which thread ran task k (seen[4k]: rank x 64 + the thread's number on its rank, in
 * the order threads ran their first such task), when it began and when it ended (seen[4k + 1],
 * seen[4k + 2]: CLOCK_MONOTONIC in ns, one clock for every rank on one host), and takes `us` us
 * of wall time in between, of which it had seen[4k + 3] ns of CPU time. */
enum { SPIN_THREADS = 64 };
static void spin(long long *seen, int k, int us) {
  static atomic_int numbered; /* per process */
  static _Thread_local int number = -1;
  double began = test_seconds(CLOCK_MONOTONIC);
  double cpu_began = test_seconds(CLOCK_THREAD_CPUTIME_ID);
  while (test_seconds(CLOCK_MONOTONIC) < began + us * 1e-6) {
  }
  if (number < 0) number = atomic_fetch_add(&numbered, 1);
  seen[4 * k] = (long long)dosc_node_rank() * SPIN_THREADS + number;
  seen[4 * k + 1] = (long long)(began * 1e9);
  seen[4 * k + 2] = (long long)(test_seconds(CLOCK_MONOTONIC) * 1e9);
  seen[4 * k + 3] = (long long)((test_seconds(CLOCK_THREAD_CPUTIME_ID) - cpu_began) * 1e9);
}
static _Atomic long logged;
static void log_sum(int k) {
  logged += k; /* a global: the analyzer would call the task not remotable */
}

/* ---- as generated ---------------------------------------------------------- */
static dosc_site_state states[8];
struct args0 {
  const double *a0;
  double *a1;
  int a2;
  int a3;
};
struct args1 {
  long *r;
  const int *a0;
  int a1;
  int a2;
};
struct args2 {
  double *a0;
  int a1;
  int a2;
  int a3;
};
struct args4 {
  double *a0;
  const double *a1;
  int a2;
  int a3;
};
struct args3 {
  int a0;
};
struct args5 {
  int *a0;
  int a1;
  int a2;
};
struct args6 {
  long long *a0;
  int a1;
  int a2;
};
struct args7 {
  long long *a0;
  int a1;
  int a2;
};
static void thunk0(void *p) {
  struct args0 *a = p;
  smooth(a->a0, a->a1, a->a2, a->a3);
}
static void thunk1(void *p) {
  struct args1 *a = p;
  *a->r = sum(a->a0, a->a1, a->a2);
}
static void thunk2(void *p) {
  struct args2 *a = p;
  relax(a->a0, a->a1, a->a2, a->a3);
}
static void thunk4(void *p) {
  struct args4 *a = p;
  shift(a->a0, a->a1, a->a2, a->a3);
}
static void thunk5(void *p) {
  struct args5 *a = p;
  mark_evens(a->a0, a->a1, a->a2);
}
static void thunk6(void *p) {
  struct args6 *a = p;
  hold(a->a0, a->a1, a->a2);
}
static void thunk7(void *p) {
  struct args7 *a = p;
  spin(a->a0, a->a1, a->a2);
}
static void thunk3(void *p) {
  struct args3 *a = p;
  log_sum(a->a0);
}

static const dosc_remote_param params0[] = {
    {offsetof(struct args0, a0), sizeof(double), DOSC_ACCESS_READ, 0,
     DOSC_GRANULE(*((struct args0 *)0)->a0), 0},
    {offsetof(struct args0, a1), sizeof(double), DOSC_ACCESS_WRITE, 0,
     DOSC_GRANULE(*((struct args0 *)0)->a1), 1}}; /* write_dense: every out[i] is stored */
static int footprint0(const void *p, dosc_region *f) {
  const struct args0 *a = p;
  f[0] = (dosc_region){a->a2 - 1, a->a3 - a->a2 + 2, 0, 0};
  f[1] = (dosc_region){a->a2, a->a3 - a->a2, a->a2, a->a3 - a->a2};
  return 0;
}
static dosc_remote_site remote0 = {thunk0,  sizeof(struct args0), -1,       0,  2,
                                   params0, footprint0,           "smooth", -1, NULL};

static const dosc_remote_param params1[] = {{offsetof(struct args1, a0), sizeof(int),
                                             DOSC_ACCESS_READ, 0,
                                             DOSC_GRANULE(*((struct args1 *)0)->a0), 0}};
static int footprint1(const void *p, dosc_region *f) {
  const struct args1 *a = p;
  f[0] = (dosc_region){a->a1, a->a2 - a->a1, 0, 0};
  return 0;
}
/* sum's ends are touched whenever its loop runs (the manifest's touched_*):
 * its footprint is sent straight from memory; the other sites leave
 * `touched` out, so their footprints are read without faults
 * (src/footprint_read.h). */
static void touched1(const void *p, dosc_region *t) {
  const struct args1 *a = p;
  if (a->a2 - a->a1 > 0) t[0] = (dosc_region){a->a1, a->a2 - a->a1, 0, 0};
}
static dosc_remote_site remote1 = {thunk1,
                                   sizeof(struct args1),
                                   offsetof(struct args1, r),
                                   sizeof(long),
                                   1,
                                   params1,
                                   footprint1,
                                   "sum",
                                   -1,
                                   touched1};

static const dosc_remote_param params2[] = {{offsetof(struct args2, a0), sizeof(double),
                                             DOSC_ACCESS_READWRITE, 0,
                                             DOSC_GRANULE(*((struct args2 *)0)->a0), 0}};
static int footprint2(const void *p, dosc_region *f) {
  const struct args2 *a = p;
  f[0] = (dosc_region){a->a1 - 1, a->a2 - a->a1 + 2, a->a1, a->a2 - a->a1};
  return 0;
}
static dosc_remote_site remote2 = {thunk2,  sizeof(struct args2), -1,      0,  1,
                                   params2, footprint2,           "relax", -1, NULL};

static const dosc_remote_param params4[] = {
    {offsetof(struct args4, a0), sizeof(double), DOSC_ACCESS_WRITE, 0,
     DOSC_GRANULE(*((struct args4 *)0)->a0), 0},
    {offsetof(struct args4, a1), sizeof(double), DOSC_ACCESS_READ, 0,
     DOSC_GRANULE(*((struct args4 *)0)->a1), 0}};
static int footprint4(const void *p, dosc_region *f) {
  const struct args4 *a = p;
  f[0] = (dosc_region){a->a2, a->a3 - a->a2, a->a2, a->a3 - a->a2};
  f[1] = (dosc_region){a->a2 + 1, a->a3 - a->a2, 0, 0};
  return 0;
}
static dosc_remote_site remote4 = {thunk4,  sizeof(struct args4), -1,      0,  2,
                                   params4, footprint4,           "shift", -1, NULL};

static const dosc_remote_param params5[] = {{offsetof(struct args5, a0), sizeof(int),
                                             DOSC_ACCESS_WRITE, 0,
                                             DOSC_GRANULE(*((struct args5 *)0)->a0), 0}};
static int footprint5(const void *p, dosc_region *f) {
  const struct args5 *a = p;
  f[0] = (dosc_region){a->a1, a->a2 - a->a1, a->a1, a->a2 - a->a1};
  return 0;
}
static dosc_remote_site remote5 = {thunk5,  sizeof(struct args5), -1,           0,  1,
                                   params5, footprint5,           "mark_evens", -1, NULL};

static const dosc_remote_param params6[] = {{offsetof(struct args6, a0), sizeof(long long),
                                             DOSC_ACCESS_WRITE, 0,
                                             DOSC_GRANULE(*((struct args6 *)0)->a0), 1}};
static int footprint6(const void *p, dosc_region *f) {
  const struct args6 *a = p;
  f[0] = (dosc_region){2 * (long long)a->a1, 2, 2 * (long long)a->a1, 2};
  return 0;
}
static dosc_remote_site remote6 = {thunk6,  sizeof(struct args6), -1,     0,  1,
                                   params6, footprint6,           "hold", -1, NULL};

static const dosc_remote_param params7[] = {{offsetof(struct args7, a0), sizeof(long long),
                                             DOSC_ACCESS_WRITE, 0,
                                             DOSC_GRANULE(*((struct args7 *)0)->a0), 1}};
static int footprint7(const void *p, dosc_region *f) {
  const struct args7 *a = p;
  f[0] = (dosc_region){4 * (long long)a->a1, 4, 4 * (long long)a->a1, 4};
  return 0;
}
static dosc_remote_site remote7 = {thunk7,  sizeof(struct args7), -1,     0,  1,
                                   params7, footprint7,           "spin", -1, NULL};

static const dosc_site_info infos[] = {
    {0, "smooth", "remote_test.c", 1, 1, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     16, NULL},
    {1, "sum", "remote_test.c", 2, 1, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     16, NULL},
    {2, "relax", "remote_test.c", 3, 1, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     16, NULL},
    {3, "log_sum", "remote_test.c", 4, 1, DOSC_BIND_AUTO, DOSC_SITE_WORK_KNOWN, 16, NULL},
    {4, "shift", "remote_test.c", 5, 1, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     1, NULL},
    {5, "mark_evens", "remote_test.c", 6, 1, DOSC_BIND_AUTO,
     DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN, 16, NULL},
    {6, "hold", "remote_test.c", 7, 1, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     24, NULL},
    {7, "spin", "remote_test.c", 8, 1, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     0, NULL},
};
static const dosc_program_info unit = {"remote-test-0001", 8, infos, states};
static dosc_remote_site *const remote_sites[] = {&remote0, &remote1, &remote2, NULL,
                                                 &remote4, &remote5, &remote6, &remote7};
__attribute__((constructor(101))) static void register_unit(void) {
  dosc_register_unit(&unit);
  dosc_register_remote_sites(&unit, remote_sites);
}

/* A site's dispatch, as generated, with the task's work at its arguments. */
#define DISPATCH_WORK(id, args, work, serial)                                                      \
  do {                                                                                             \
    const dosc_site_state *s = &states[id];                                                        \
    if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, work)) {                             \
      serial;                                                                                      \
    } else if (s->binding == DOSC_BIND_REMOTE && remote_sites[id] != NULL) {                       \
      dosc_spawn_remote(&fr, remote_sites[id], &args, work);                                       \
    } else {                                                                                       \
      dosc_spawn(&fr, thunk##id, &args, sizeof args);                                              \
    }                                                                                              \
  } while (0)
/* The same where every task's work is 1000000 operations (100 us at the built-in 0.1 ns each:
 * quick, dosc_send_ahead_work). */
#define DISPATCH(id, args, serial) DISPATCH_WORK(id, args, 1000000, serial)

static double in[N], out[N], u[N], serial_out[N], serial_u[N];
static int v[N];

/* Rank 0's share of queued remote tasks under auto (remote.c, tickets; dosc_rank_zero_shares):
 * where its workers add to those that run at once (2 ranks of 1 thread on 2 cores) they take
 * queued tasks too, from the first contact on; where the serving ranks' threads fill the cores
 * (3 ranks of 1 thread on 2 cores) rank 0 takes none, not even while the first contact lasts.
 * Two batches of HOLD_TASKS tasks: in the first the last rank's first task takes HOLD_FIRST_MS
 * more; in the second every rank has had its first task. Prints, per batch, how many tasks each
 * rank ran, and for the first how long after every serving rank had begun its first task rank 0
 * began its last one. The caller compares rank 0's counts with the trace's "run here" and with
 * the rule: before, rank 0 took tasks of 30 ms during the contact on 3 ranks too, which then ran
 * on beside the serving ranks' workers (issue 10: matmul 512 on 3 ranks 1.44x forced remote by
 * the medians, the same tasks shipped). */
enum { HOLD_TASKS = 24 };
static void first_contact(void) {
  dosc_frame fr;
  dosc_frame_init(&fr);
  static long long seen[2 * HOLD_TASKS];
  const int task_ms[2] = {30, 2};
  for (int batch = 0; batch < 2; batch++) {
    for (int k = 0; k < 2 * HOLD_TASKS; k++)
      seen[k] = -1;
    for (int k = 0; k < HOLD_TASKS; k++) {
      struct args6 a = {seen, k, task_ms[batch]};
      DISPATCH(6, a, hold(seen, k, task_ms[batch]));
    }
    dosc_taskwait(&fr);
    int per_rank[8] = {0};
    long long first_began[8], rank_zero_last = -1; /* when they began, ns (-1: none) */
    for (int r = 0; r < 8; r++)
      first_began[r] = -1;
    for (int k = 0; k < HOLD_TASKS; k++) {
      long long rank = seen[2 * k], began = seen[2 * k + 1];
      CHECK(rank >= 0 && rank < 8, "task %d of batch %d did not run (%lld)", k, batch, rank);
      if (rank < 0 || rank >= 8) continue;
      per_rank[rank]++;
      if (rank == 0 && began > rank_zero_last) rank_zero_last = began;
      if (first_began[rank] < 0 || began < first_began[rank]) first_began[rank] = began;
    }
    /* When the last serving rank began its first task; -1: one ran none. */
    long long all_began = 0;
    for (int r = 1; r < dosc_node_count() && r < 8 && all_began >= 0; r++)
      all_began = first_began[r] < 0 ? -1 : first_began[r] > all_began ? first_began[r] : all_began;
    printf("batch %d:", batch + 1);
    for (int r = 0; r < dosc_node_count() && r < 8; r++)
      printf(" rank %d ran %d", r, per_rank[r]);
    printf("\n");
    if (batch > 0) continue;
    if (rank_zero_last >= 0 && all_began > 0)
      printf("batch 1: rank 0 began its last task %lld ms after every rank had begun its first\n",
             (rank_zero_last - all_began) / 1000000);
  }
}

/* Uneven tasks (remote.c, next_rank; pool.c, dosc_pool_serve): one long task, then, once it
 * has begun, UNEVEN_SHORT short ones; the work each passes is what its time takes at the
 * built-in 0.1 ns an operation (the caller runs without a profile). Under forced remote the
 * long one goes to one thread of a serving rank and the short ones to the others, those of 3
 * ranks of 1 thread sent ahead behind each other (they are quick), none behind the long one.
 * A task that began on the long task's rank after the long one ended, while another thread of
 * a serving rank had been idle for more than UNEVEN_IDLE_MS, waited there behind it: that
 * fails. It did when a rank asked for threads + 1 tasks (3 ranks of 1 thread: the second waited
 * behind the first), and when a serving rank's worker 0 alone fed its pool (2 ranks of 2: a
 * task that came while worker 0 ran the long one waited for it while worker 1 idled). Prints,
 * per rank, the tasks it ran, and how many ran on the long task's rank after it. */
enum { UNEVEN_SHORT = 20, UNEVEN_SHORT_US = 200, UNEVEN_LONG_MS = 600, UNEVEN_IDLE_MS = 100 };
static void uneven(void) {
  dosc_frame fr;
  dosc_frame_init(&fr);
  static long long seen[4 * (UNEVEN_SHORT + 1)];
  for (int k = 0; k < 4 * (UNEVEN_SHORT + 1); k++)
    seen[k] = -1;
  long long start = (long long)(test_seconds(CLOCK_MONOTONIC) * 1e9);
  for (int k = 0; k <= UNEVEN_SHORT; k++) {
    int us = k == 0 ? UNEVEN_LONG_MS * 1000 : UNEVEN_SHORT_US;
    long long work = us * 10000LL; /* 0.1 ns an operation */
    struct args7 a = {seen, k, us};
    DISPATCH_WORK(7, a, work, spin(seen, k, us));
    if (k == 0) { /* the long one arrives alone: its rank's first free worker takes it */
      struct timespec pause = {0, 50000000};
      nanosleep(&pause, NULL);
    }
  }
  dosc_taskwait(&fr);
  int per_rank[8] = {0};
  for (int k = 0; k <= UNEVEN_SHORT; k++) {
    long long rank = seen[4 * k] / SPIN_THREADS;
    CHECK(seen[4 * k] >= 0 && rank < 8, "task %d did not run (%lld)", k, seen[4 * k]);
    if (seen[4 * k] < 0 || rank >= 8) return;
    per_rank[rank]++;
  }
  long long long_thread = seen[0], long_end = seen[2];
  int long_rank = (int)(long_thread / SPIN_THREADS), after = 0;
  for (int k = 1; k <= UNEVEN_SHORT; k++) {
    long long began = seen[4 * k + 1];
    if (seen[4 * k] / SPIN_THREADS != long_rank || began < long_end) continue;
    after++;
    /* Every thread of every serving rank but the long one's: idle since when, at `began`? */
    for (int r = 1; r < dosc_node_count() && r < 8; r++) {
      for (int t = 0; t < dosc_thread_count(); t++) {
        long long thread = (long long)r * SPIN_THREADS + t, idle_since = start;
        int busy = thread == long_thread;
        for (int j = 0; j <= UNEVEN_SHORT && !busy; j++) {
          if (seen[4 * j] != thread || seen[4 * j + 1] >= began) continue;
          busy = seen[4 * j + 2] > began;
          if (seen[4 * j + 2] > idle_since) idle_since = seen[4 * j + 2];
        }
        long long idle_ms = (began - idle_since) / 1000000;
        CHECK(busy || idle_ms <= UNEVEN_IDLE_MS,
              "task %d began on rank %d after its long task, when thread %d of rank %d had been "
              "idle for %lld ms: it waited behind the long one",
              k, long_rank, t, r, idle_ms);
      }
    }
  }
  printf("uneven:");
  for (int r = 0; r < dosc_node_count() && r < 8; r++)
    printf(" rank %d ran %d", r, per_rank[r]);
  printf("; the long task on rank %d, %d after it there\n", long_rank, after);
}

/* As many quick tasks as a serving rank has threads, spawned at once at start-up, before its
 * requests (one WANT per thread) have all reached rank 0: none waits behind another, so the
 * trace counts none sent ahead (remote.c, rank_takes). Counted by a rank's wants before, the
 * second was: its thread's WANT had not been read yet. */
static void one_per_thread(void) {
  dosc_frame fr;
  dosc_frame_init(&fr);
  static long long seen[2 * 64];
  int tasks = dosc_thread_count() < 64 ? dosc_thread_count() : 64;
  for (int k = 0; k < tasks; k++) {
    struct args6 a = {seen, k, 1};
    DISPATCH(6, a, hold(seen, k, 1));
  }
  dosc_taskwait(&fr);
  for (int k = 0; k < tasks; k++)
    CHECK(seen[2 * k] >= 0, "task %d did not run", k);
}

static void print_logged(void) {
  printf("logged=%ld\n", (long)logged);
}

/* Rank 0 waits at a taskwait for one long task that runs on another rank (site 7 alone, forced
 * remote): it has nothing to run meanwhile, so its waiting thread must leave the CPUs to the
 * ranks that work (pool.c, wait_blocked; rank 0's communication thread polls MPI meanwhile). Over
 * the wait it may be runnable (on a CPU, or waiting for one: /proc/thread-self/schedstat) for at
 * most half of the wall time, whatever the load, and take under a quarter of the task's CPU
 * time. Before, it called sched_yield in a loop: runnable all the time (on a loaded machine, each
 * yield handing the CPU over: 17-174 involuntary switches, none voluntary), and on a CPU of its
 * own as much CPU time as the task (74 of 21 ms seen). */
enum { WAIT_TASK_MS = 400 };
/* The calling thread's time on a CPU and waiting for one, in ns (0 0 where unknown). */
static void runnable_ns(long long *on_cpu, long long *queued) {
  *on_cpu = *queued = 0;
  FILE *stat = fopen("/proc/thread-self/schedstat", "r");
  if (stat == NULL) return;
  if (fscanf(stat, "%lld %lld", on_cpu, queued) != 2) *on_cpu = *queued = 0;
  fclose(stat);
}
static void wait_elsewhere(void) {
  dosc_frame fr;
  dosc_frame_init(&fr);
  static long long seen[4 * 8] = {-1, -1, -1, -1};
  /* First a short task for each serving rank: what a rank says at its first contact (its
   * requests, on a loaded machine some 100 ms late) is not part of the wait measured. */
  for (int k = 1; k < dosc_node_count() && k < 8; k++) {
    struct args7 warm = {seen, k, 1000};
    DISPATCH_WORK(7, warm, 10000000LL, spin(seen, k, 1000));
  }
  dosc_taskwait(&fr);
  long long cpu_before, queued_before, cpu_after, queued_after;
  struct rusage before, after;
  getrusage(RUSAGE_THREAD, &before);
  runnable_ns(&cpu_before, &queued_before);
  double began = test_seconds(CLOCK_MONOTONIC);
  struct args7 a = {seen, 0, WAIT_TASK_MS * 1000};
  DISPATCH_WORK(7, a, WAIT_TASK_MS * 10000000LL, spin(seen, 0, WAIT_TASK_MS * 1000));
  dosc_taskwait(&fr);
  double wall = test_seconds(CLOCK_MONOTONIC) - began;
  runnable_ns(&cpu_after, &queued_after);
  getrusage(RUSAGE_THREAD, &after);
  long long cpu = cpu_after - cpu_before, runnable = cpu + queued_after - queued_before;
  long long rank = seen[0] / SPIN_THREADS;
  CHECK(seen[0] >= 0 && rank > 0, "the task ran on rank %lld, not on another rank", rank);
  CHECK(cpu * 4 < seen[3],
        "rank 0's waiting thread took %lld us of CPU while it waited for a task that took %lld us",
        cpu / 1000, seen[3] / 1000);
  CHECK(runnable < wall * 1e9 / 2,
        "rank 0's waiting thread was runnable for %lld of the %.0f ms it waited",
        runnable / 1000000, wall * 1e3);
  printf("wait: rank 0's waiting thread was runnable %lld ms (%lld us on a CPU; %ld voluntary, %ld "
         "involuntary switches) of %.0f ms waiting for a task that took %lld ms of CPU on rank "
         "%lld\n",
         runnable / 1000000, cpu / 1000, after.ru_nvcsw - before.ru_nvcsw,
         after.ru_nivcsw - before.ru_nivcsw, wall * 1e3, seen[3] / 1000000, rank);
}

int main(int argc, char **argv) {
  dosc_start(NULL, &argc, &argv);
  int rounds = argc > 1 ? atoi(argv[1]) : 2;
  dosc_frame fr;
  dosc_frame_init(&fr);
  if (argc > 1 && strcmp(argv[1], "contact") == 0) {
    first_contact();
    printf("result=%s\n", test_failures == 0 ? "ok" : "FAILED");
    return test_failures == 0 ? 0 : 1;
  }
  if (argc > 1 && strcmp(argv[1], "per-thread") == 0) {
    one_per_thread();
    printf("result=%s\n", test_failures == 0 ? "ok" : "FAILED");
    return test_failures == 0 ? 0 : 1;
  }
  if (argc > 1 && strcmp(argv[1], "fork") == 0) {
    /* A child of rank 0 that calls exit(): rank 0's exit handler is not the child's (it has
     * no communication thread to stop; under DOSC_TRACE it printed rank 0's counters again). */
    one_per_thread();
    fflush(stdout);
    pid_t child = fork();
    if (child == 0) exit(3);
    int status = 0;
    waitpid(child, &status, 0);
    CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 3, "the child's status was %d", status);
    printf("result=%s\n", test_failures == 0 ? "ok" : "FAILED");
    return test_failures == 0 ? 0 : 1;
  }
  if (argc > 1 && strcmp(argv[1], "pthread-exit") == 0) {
    /* The plain program lives on after main's pthread_exit() until its last thread ends, then
     * exits with status 0 and runs its atexit handlers. Its ten log_sum calls ran before it
     * got there: the tasks spawned and never waited for run before the process ends (at exit,
     * print_logged sees all ten). The pool's workers, and rank 0's MPI thread, kept it alive. */
    one_per_thread();
    atexit(print_logged);
    for (int k = 1; k <= 10; k++) {
      struct args3 a = {k};
      DISPATCH(3, a, log_sum(k));
    }
    printf("result=%s\n", test_failures == 0 ? "ok" : "FAILED");
    pthread_exit(NULL);
  }
  if (argc > 1 && strcmp(argv[1], "signal") == 0) {
    /* run_tests.sh sends rank 0 a signal while its tasks run elsewhere: the job must end. */
    printf("pid=%d\n", (int)getpid());
    fflush(stdout);
    static long long seen[4 * 8];
    for (int k = 0; k < 8; k++) {
      struct args7 a = {seen, k, 5000000};
      DISPATCH_WORK(7, a, 50000000000LL, spin(seen, k, 5000000));
    }
    dosc_taskwait(&fr);
    printf("result=ok\n");
    return 0;
  }
  if (argc > 1 && strcmp(argv[1], "wait") == 0) {
    wait_elsewhere();
    printf("result=%s\n", test_failures == 0 ? "ok" : "FAILED");
    return test_failures == 0 ? 0 : 1;
  }
  if (argc > 1 && strcmp(argv[1], "uneven") == 0) {
    uneven();
    printf("result=%s\n", test_failures == 0 ? "ok" : "FAILED");
    return test_failures == 0 ? 0 : 1;
  }
  for (int i = 0; i < N; i++) {
    in[i] = (double)(i % 97) * 0.5;
    u[i] = serial_u[i] = (double)(i % 13);
    v[i] = i % 1000;
    out[i] = serial_out[i] = -1.0; /* out-only: untouched cells must stay -1 */
  }
  /* stencil */
  for (int lo = 1; lo < N - 1; lo += BLOCK) {
    int hi = lo + BLOCK < N - 1 ? lo + BLOCK : N - 1;
    struct args0 a = {in, out, lo, hi};
    DISPATCH(0, a, smooth(in, out, lo, hi));
  }
  dosc_taskwait(&fr);
  smooth(in, serial_out, 1, N - 1);
  CHECK(memcmp(out, serial_out, sizeof out) == 0, "stencil output differs from the serial one");

  /* value-returning */
  long partial[N / BLOCK];
  for (int b = 0; b < N / BLOCK; b++) {
    struct args1 a = {&partial[b], v, b * BLOCK, (b + 1) * BLOCK};
    DISPATCH(1, a, partial[b] = sum(v, b * BLOCK, (b + 1) * BLOCK));
  }
  dosc_taskwait(&fr);
  long total = 0;
  for (int b = 0; b < N / BLOCK; b++)
    total += partial[b];
  CHECK(total == sum(v, 0, N), "sum %ld, serial %ld", total, sum(v, 0, N));

  /* red-black, in place */
  for (int round = 0; round < rounds; round++) {
    for (int color = 0; color < 2; color++) {
      for (int lo = 1; lo < N - 1; lo += BLOCK) {
        int hi = lo + BLOCK < N - 1 ? lo + BLOCK : N - 1;
        struct args2 a = {u, lo, hi, color};
        DISPATCH(2, a, relax(u, lo, hi, color));
      }
      dosc_taskwait(&fr);
      relax(serial_u, 1, N - 1, color);
    }
  }
  CHECK(memcmp(u, serial_u, sizeof u) == 0, "red-black differs from the serial one");

  /* Footprints of 2 MiB and more (not a multiple of it): a serving rank
   * receives them into mappings on huge pages (footprint_buffer.h), ships a
   * dense written one back whole from there, compares the other with its
   * twin, and reuses the mappings for the next round's tasks. */
  enum { BIG = (3 << 20) / sizeof(double) + 5 };
  static double big_in[BIG], big_out[BIG], big_u[BIG], serial_big_out[BIG], serial_big_u[BIG];
  for (int i = 0; i < BIG; i++) {
    big_in[i] = (double)(i % 101);
    big_u[i] = serial_big_u[i] = (double)(i % 29);
  }
  int big_rounds = argc > 2 && strcmp(argv[2], "big") == 0 ? 3 : 0;
  for (int round = 0; round < big_rounds; round++) {
    big_in[round + 7] += 1.0; /* each round's input differs */
    struct args0 a = {big_in, big_out, 1, BIG - 1};
    DISPATCH(0, a, smooth(big_in, big_out, 1, BIG - 1));
    struct args2 b = {big_u, 1, BIG - 1, round & 1};
    DISPATCH(2, b, relax(big_u, 1, BIG - 1, round & 1));
    dosc_taskwait(&fr);
    smooth(big_in, serial_big_out, 1, BIG - 1);
    relax(serial_big_u, 1, BIG - 1, round & 1);
    CHECK(memcmp(big_out + 1, serial_big_out + 1, sizeof(double) * (BIG - 2)) == 0,
          "round %d: a 3 MiB stencil differs from the serial one", round);
    CHECK(memcmp(big_u, serial_big_u, sizeof big_u) == 0,
          "round %d: a 3 MiB in-place update differs from the serial one", round);
  }

  /* not remotable: stays on rank 0 (it writes a global of rank 0) */
  for (int k = 1; k <= 10; k++) {
    struct args3 a = {k};
    DISPATCH(3, a, log_sum(k));
  }
  dosc_taskwait(&fr);
  CHECK(logged == 55, "log_sum total %ld", (long)logged);

  /* overlapping footprints, one written: kept here, still right */
  static double w[N], serial_w[N];
  for (int i = 0; i < N; i++)
    w[i] = serial_w[i] = (double)(i % 17);
  {
    struct args4 a = {w, w, 0, N - 1};
    DISPATCH(4, a, shift(w, w, 0, N - 1));
  }
  dosc_taskwait(&fr);
  shift(serial_w, serial_w, 0, N - 1);
  CHECK(memcmp(w, serial_w, sizeof w) == 0, "overlapping shift differs from the serial one");

  /* the task writes the even cells, this thread the odd ones, before the
   * taskwait: legal C, and each side's values must survive the other's */
  static int marks[N];
  for (int lo = 0; lo < N; lo += BLOCK) {
    struct args5 a = {marks, lo, lo + BLOCK};
    DISPATCH(5, a, mark_evens(marks, lo, lo + BLOCK));
  }
  for (int i = 1; i < N; i += 2)
    marks[i] = -i;
  dosc_taskwait(&fr);
  int wrong = 0;
  for (int i = 0; i < N; i++)
    wrong += marks[i] != (i % 2 == 0 ? 3 * i + 1 : -i);
  CHECK(wrong == 0, "%d cells of mark_evens wrong (stale copies written back?)", wrong);

  printf("nodes=%d rank=%d\n", dosc_node_count(), dosc_node_rank());
  printf("result=%s\n", test_failures == 0 ? "ok" : "FAILED");
  return test_failures == 0 ? 0 : 1;
}
