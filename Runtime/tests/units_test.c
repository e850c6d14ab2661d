/* units_test - separately compiled units (dosc cc -c): each unit registers
 * its own table from a constructor, with unit-local site ids and its own
 * source_hash, and main calls dosc_start(NULL, ...). Two units are written
 * here as the rewrite emits them for two files.
 *
 * usage: units_test
 * Prints "unit U site I BINDING" for every site of both units after start.
 * When unit b's site 0 is local, two of its tasks meet: each waits until the
 * other has started, so they must run on two threads at once, which only a
 * running pool gives (main never calls dosc_start here: the runtime's own
 * constructor must have started it). Prints "pool: 2 tasks on 2 threads". */
#include "test_util.h"

#include <pthread.h>

#include "dosc.h"
#include "dosc_abi.h"

/* ---- unit "a.c": one site --------------------------------------------- */
static const dosc_site_info a_infos[] = {
    {0, "fill", "a.c", 10, 5, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN, 8, NULL},
};
static dosc_site_state a_states[1];
static const dosc_program_info a_unit = {"hash-of-unit-a", 1, a_infos, a_states};
__attribute__((constructor(101))) static void a_register(void) {
  dosc_register_unit(&a_unit);
}

/* ---- unit "b.c": two sites -------------------------------------------- */
static const dosc_site_info b_infos[] = {
    {0, "fib", "b.c", 20, 9, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE | DOSC_SITE_REMOTABLE, 2, NULL},
    {1, "sum", "b.c", 30, 9, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN, 4, NULL},
};
static dosc_site_state b_states[2];
static const dosc_program_info b_unit = {"hash-of-unit-b", 2, b_infos, b_states};
__attribute__((constructor(101))) static void b_register(void) {
  dosc_register_unit(&b_unit);
}

/* A task of unit b's site 0: marks itself started, then waits (10 s at most)
 * for its partner. */
static atomic_int met_started[2];
static pthread_t met_thread[2];
static int met_partner_seen[2];
struct meet_args0 {
  int which;
};
static void meet_thunk0(void *p) {
  int which = ((struct meet_args0 *)p)->which;
  met_thread[which] = pthread_self();
  atomic_store_explicit(&met_started[which], 1, memory_order_release);
  met_partner_seen[which] = test_wait_flag(&met_started[1 - which], 10.0);
}

static void meet_on_the_pool(void) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  for (int which = 0; which < 2; which++) {
    struct meet_args0 a = {which};
    dosc_spawn(&dosc_fr, meet_thunk0, &a, sizeof a);
  }
  dosc_taskwait(&dosc_fr);
  CHECK(met_partner_seen[0] && met_partner_seen[1], "the tasks never ran at the same time");
  CHECK(!pthread_equal(met_thread[0], met_thread[1]), "both tasks ran on one thread");
  printf("pool: 2 tasks on %d threads (of %d)\n",
         pthread_equal(met_thread[0], met_thread[1]) ? 1 : 2, dosc_thread_count());
}

int main(int argc, char **argv) {
  /* Decided already by the runtime's own constructor: main may not call
   * dosc_start at all (its file compiled without dosc); here it is a no-op. */
  if (argc > 1) dosc_start(NULL, &argc, &argv);
  for (int i = 0; i < a_unit.site_count; i++)
    printf("unit a site %d %s\n", i, a_states[i].binding == DOSC_BIND_INLINE ? "inline" : "local");
  for (int i = 0; i < b_unit.site_count; i++)
    printf("unit b site %d %s\n", i, b_states[i].binding == DOSC_BIND_INLINE ? "inline" : "local");
  if (b_states[0].binding == DOSC_BIND_LOCAL) meet_on_the_pool();
  printf("result=ok\n");
  return test_exit_status();
}
