/* blocks_test - a loop of many sibling tasks writing disjoint blocks of one
 * array (known work, compared with the load-time threshold), plus tasks whose
 * arguments are too big for the task record (the malloc'ed path).
 *
 * usage: blocks_test
 * Prints "spawned_big=S spawned_small=T threads_used=U". */
#include "test_util.h"

#include <string.h>

#include "dosc.h"
#include "dosc_abi.h"

#define N     (1 << 20)
#define BLOCK 1024
#define SMALL 4

static const dosc_site_info dosc_site_infos[] = {
    {0, "fill", "blocks_test.c", 60, 5, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     N / BLOCK, NULL},
    {1, "fill", "blocks_test.c", 70, 5, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
     N / SMALL, NULL},
    {2, "checksum", "blocks_test.c", 80, 5, DOSC_BIND_AUTO, DOSC_SITE_REMOTABLE, 64, NULL},
};
dosc_site_state dosc_site_states[3];
const dosc_program_info dosc_program = {"blocks-test-0001", 3, dosc_site_infos, dosc_site_states};

static int data[N];
static atomic_long spawned_big, spawned_small;
static atomic_int seen_count; /* threads that ran a task */

/* Counts each thread once. (A shared table of thread ids, filled after an
 * atomic slot claim, let a reader see a claimed slot not yet written: a race
 * ThreadSanitizer found.) */
static void note_thread(void) {
  static _Thread_local int noted;
  if (noted) return;
  noted = 1;
  atomic_fetch_add(&seen_count, 1);
}

/* the task: writes data[first .. first+count) */
static void fill(int *a, long first, long count) {
  for (long i = first; i < first + count; i++)
    a[i] = (int)(i * 7 + 3);
}

struct fill_args0 {
  int *a;
  long first, count;
};
static void fill_thunk0(void *p) {
  struct fill_args0 *a = p;
  note_thread();
  fill(a->a, a->first, a->count);
}

/* a task with 256 bytes of arguments: larger than the inline buffer */
struct checksum_args0 {
  long *result;
  int values[62];
};
static void checksum_thunk0(void *p) {
  struct checksum_args0 *a = p;
  long sum = 0;
  for (int i = 0; i < 62; i++)
    sum += a->values[i];
  *a->result = sum;
}

static void fill_all(long block) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  int site = block == BLOCK ? 0 : 1;
  for (long first = 0; first < N; first += block) {
    int *dosc_a0 = data;
    long dosc_a1 = first, dosc_a2 = block;
    const dosc_site_state *s = &dosc_site_states[site];
    /* work estimate from the manifest: "count * 8" */
    if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, dosc_a2 * 8))
      fill(dosc_a0, dosc_a1, dosc_a2);
    else {
      atomic_fetch_add(site == 0 ? &spawned_big : &spawned_small, 1);
      struct fill_args0 a = {dosc_a0, dosc_a1, dosc_a2};
      dosc_spawn(&dosc_fr, fill_thunk0, &a, sizeof a);
    }
  }
  dosc_taskwait(&dosc_fr);
}

int main(int argc, char **argv) {
  dosc_start(&dosc_program, &argc, &argv);

  for (int round = 0; round < 2; round++) {
    memset(data, 0, sizeof data);
    fill_all(round == 0 ? BLOCK : SMALL);
    long wrong = 0;
    for (long i = 0; i < N; i++)
      wrong += data[i] != (int)(i * 7 + 3);
    CHECK(wrong == 0, "round %d: %ld elements wrong", round, wrong);
  }

  long sums[64];
  {
    dosc_frame dosc_fr;
    dosc_frame_init(&dosc_fr);
    for (int t = 0; t < 64; t++) {
      struct checksum_args0 a;
      a.result = &sums[t];
      for (int i = 0; i < 62; i++)
        a.values[i] = t * 1000 + i;
      const dosc_site_state *s = &dosc_site_states[2];
      if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, -1))
        checksum_thunk0(&a);
      else
        dosc_spawn(&dosc_fr, checksum_thunk0, &a, sizeof a);
      memset(&a, 0xff, sizeof a); /* the runtime must have copied the arguments */
    }
    dosc_taskwait(&dosc_fr);
  }
  for (int t = 0; t < 64; t++)
    CHECK(sums[t] == 62L * t * 1000 + 61 * 62 / 2, "checksum task %d: %ld", t, sums[t]);

  printf("spawned_big=%ld spawned_small=%ld threads_used=%d threshold=%lld\n",
         atomic_load(&spawned_big), atomic_load(&spawned_small), atomic_load(&seen_count),
         dosc_site_states[0].work_threshold);
  return test_exit_status();
}
