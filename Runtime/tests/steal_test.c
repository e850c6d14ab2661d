/* steal_test - spawns from stolen tasks, and the spawn depth they carry.
 *
 * main spawns A then B and waits. B (popped by main, LIFO, when no third thread
 * steals it first) waits until A has started on another thread: A must have
 * been stolen. A spawns C1 then C2
 * and waits; C2 (popped by A's thread) waits until C1 runs on another thread:
 * C1, the child of a stolen task, must be stolen back by main while main is
 * in taskwait (thieves take the oldest task, so C1 goes before C2 can).
 * Each task records its thread and dosc_current_depth.
 * Needs DOSC_THREADS >= 2. Every wait gives up after 10 s (then fails). */
#include "test_util.h"

#include <pthread.h>

#include "dosc.h"
#include "dosc_abi.h"

static const dosc_site_info dosc_site_infos[] = {
    {0, "job", "steal_test.c", 70, 5, DOSC_BIND_LOCAL, 0, 2, NULL},
};
dosc_site_state dosc_site_states[1];
const dosc_program_info dosc_program = {"steal-test-0001", 1, dosc_site_infos, dosc_site_states};

enum { A, B, C1, C2, JOBS };
static const char *const names[JOBS] = {"A", "B", "C1", "C2"};
static pthread_t ran_on[JOBS];
static int depth_of[JOBS];
static atomic_int started[JOBS];
static int result[JOBS];

static void job(int which);
struct job_args0 {
  int which;
};
static void job_thunk0(void *p) {
  job(((struct job_args0 *)p)->which);
}

static void spawn_job(dosc_frame *dosc_fr, int which) {
  const dosc_site_state *s = &dosc_site_states[0];
  if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, -1))
    job(which);
  else {
    struct job_args0 a = {which};
    dosc_spawn(dosc_fr, job_thunk0, &a, sizeof a);
  }
}

static void job(int which) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  ran_on[which] = pthread_self();
  depth_of[which] = dosc_current_depth;
  atomic_store_explicit(&started[which], 1, memory_order_release);
  switch (which) {
  case A:
    spawn_job(&dosc_fr, C1);
    spawn_job(&dosc_fr, C2);
    break;
  case B:
    CHECK(test_wait_flag(&started[A], 10.0), "A never started on another thread");
    break;
  case C2:
    CHECK(test_wait_flag(&started[C1], 10.0), "C1 never started on another thread");
    break;
  default:
    break;
  }
  dosc_taskwait(&dosc_fr);
  result[which] = which + 100;
}

int main(int argc, char **argv) {
  dosc_start(&dosc_program, &argc, &argv);
  CHECK(dosc_thread_count() >= 2, "needs 2 threads, has %d", dosc_thread_count());
  pthread_t main_thread = pthread_self();
  {
    dosc_frame dosc_fr;
    dosc_frame_init(&dosc_fr);
    spawn_job(&dosc_fr, A);
    spawn_job(&dosc_fr, B);
    dosc_taskwait(&dosc_fr);
  }
  for (int i = 0; i < JOBS; i++)
    CHECK(result[i] == i + 100, "%s did not complete before the taskwait returned", names[i]);
  CHECK(!pthread_equal(ran_on[A], main_thread), "A ran on main: it was not stolen");
  /* With two threads nobody else is free to take B, so main pops it; with more, an idle third
   * thread may steal B before main's taskwait pops it, which is what work stealing is for. */
  if (dosc_thread_count() == 2)
    CHECK(pthread_equal(ran_on[B], main_thread), "B did not run on main");
  CHECK(!pthread_equal(ran_on[C1], ran_on[A]), "C1 was not stolen from A's thread");
  CHECK(depth_of[A] == 1 && depth_of[B] == 1, "depths A %d B %d, expected 1", depth_of[A],
        depth_of[B]);
  CHECK(depth_of[C1] == 2 && depth_of[C2] == 2, "depths C1 %d C2 %d, expected 2", depth_of[C1],
        depth_of[C2]);
  CHECK(dosc_current_depth == 0, "main's depth is %d after the tasks", dosc_current_depth);
  printf("A depth %d, C1 depth %d (stolen twice)\n", depth_of[A], depth_of[C1]);
  return test_exit_status();
}
