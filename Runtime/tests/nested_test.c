/* nested_test - nested parallelism: each task spawns children and waits for
 * them, with an explicit `#pragma dosc taskwait` in the middle of a function
 * whose later spawns read what the earlier ones wrote, and the implicit
 * taskwait before return.
 *
 * usage: nested_test
 * tree(d) = 1 + sum over 3 children of tree(d - 1), computed in two phases. */
#include "test_util.h"

#include "dosc.h"
#include "dosc_abi.h"

static const dosc_site_info dosc_site_infos[] = {
    {0, "tree", "nested_test.c", 40, 7, DOSC_BIND_AUTO, DOSC_SITE_RECURSIVE, 3, NULL},
    {1, "scale", "nested_test.c", 50, 7, DOSC_BIND_AUTO, 0, 3, NULL},
};
dosc_site_state dosc_site_states[2];
const dosc_program_info dosc_program = {"nested-test-0001", 2, dosc_site_infos, dosc_site_states};

static atomic_long spawns;

static long tree_plain(int d) {
  if (d == 0) return 1;
  long sum = 1;
  for (int i = 0; i < 3; i++)
    sum += 2 * tree_plain(d - 1);
  return sum;
}

static long tree(int d);
static long tree__dosc_serial(int d) {
  return tree_plain(d);
}

struct tree_args0 {
  long *result;
  int d;
};
static void tree_thunk0(void *p) {
  struct tree_args0 *a = p;
  *a->result = tree(a->d);
}
/* scale(x) doubles *x in place: reads what phase one wrote */
static void scale(long *x) {
  *x *= 2;
}
struct scale_args1 {
  long *x;
};
static void scale_thunk1(void *p) {
  struct scale_args1 *a = p;
  scale(a->x);
}

static long tree(int d) {
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  if (d == 0) {
    dosc_taskwait(&dosc_fr);
    return 1;
  }
  long part[3];
  for (int i = 0; i < 3; i++) {
    int dosc_a0 = d - 1;
    const dosc_site_state *s = &dosc_site_states[0];
    if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, -1))
      part[i] = tree__dosc_serial(dosc_a0);
    else {
      atomic_fetch_add(&spawns, 1);
      struct tree_args0 a = {&part[i], dosc_a0};
      dosc_spawn(&dosc_fr, tree_thunk0, &a, sizeof a);
    }
  }
  dosc_taskwait(&dosc_fr); /* #pragma dosc taskwait */
  for (int i = 0; i < 3; i++) {
    long *dosc_a0 = &part[i];
    const dosc_site_state *s = &dosc_site_states[1];
    if (s->binding == DOSC_BIND_INLINE || !dosc_spawn_pays(s, -1))
      scale(dosc_a0);
    else {
      atomic_fetch_add(&spawns, 1);
      struct scale_args1 a = {dosc_a0};
      dosc_spawn(&dosc_fr, scale_thunk1, &a, sizeof a);
    }
  }
  dosc_taskwait(&dosc_fr); /* implicit, before return */
  return 1 + part[0] + part[1] + part[2];
}

int main(void) {
  dosc_start(&dosc_program, NULL, NULL); /* the int main(void) form */
  for (int d = 0; d <= 9; d++) {
    long got = tree(d), expected = tree_plain(d);
    CHECK(got == expected, "tree(%d) = %ld, expected %ld", d, got, expected);
  }
  printf("spawns=%ld\n", atomic_load(&spawns));
  return test_exit_status();
}
