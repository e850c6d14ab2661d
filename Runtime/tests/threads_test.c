/* threads_test - the pool under a memory limit: the program keeps memory to
 * allocate after start-up, however many threads were asked for.
 *
 * usage: threads_test MIB
 * After dosc_start, allocates and fills MIB MiB, then sums it in 64 tasks
 * (site 0, compiled-in local). Prints "threads=N" (workers started) and
 * "result=ok" when the allocation succeeded and the sum is right; run by
 * run_tests.sh under `ulimit -v` with a DOSC_THREADS too big to fit. */
#include "test_util.h"

#include <string.h>

#include "dosc.h"
#include "dosc_abi.h"

static const dosc_site_info dosc_site_infos[] = {
    {0, "sum_slice", "threads_test.c", 40, 5, DOSC_BIND_LOCAL, DOSC_SITE_WORK_KNOWN, 64, NULL},
};
dosc_site_state dosc_site_states[1];
const dosc_program_info dosc_program = {"threads-test-0001", 1, dosc_site_infos, dosc_site_states};

enum { SLICES = 64 };
static long long slice_sum[SLICES];

struct sum_args0 {
  const unsigned char *bytes;
  size_t size;
  int slice;
};
static void sum_thunk0(void *p) {
  struct sum_args0 *a = p;
  long long sum = 0;
  for (size_t i = 0; i < a->size; i++)
    sum += a->bytes[i];
  slice_sum[a->slice] = sum;
}

int main(int argc, char **argv) {
  dosc_start(&dosc_program, &argc, &argv);
  size_t size = (size_t)(argc > 1 ? atol(argv[1]) : 64) << 20;
  printf("threads=%d\n", dosc_thread_count());
  unsigned char *bytes = malloc(size);
  CHECK(bytes != NULL, "the program could not allocate %zu MiB after start-up", size >> 20);
  if (bytes == NULL) return test_exit_status();
  memset(bytes, 1, size);
  dosc_frame dosc_fr;
  dosc_frame_init(&dosc_fr);
  size_t slice = size / SLICES;
  for (int i = 0; i < SLICES; i++) {
    struct sum_args0 a = {bytes + (size_t)i * slice, slice, i};
    if (dosc_site_states[0].binding == DOSC_BIND_INLINE)
      sum_thunk0(&a);
    else
      dosc_spawn(&dosc_fr, sum_thunk0, &a, sizeof a);
  }
  dosc_taskwait(&dosc_fr);
  long long total = 0;
  for (int i = 0; i < SLICES; i++)
    total += slice_sum[i];
  CHECK(total == (long long)(slice * SLICES), "sum %lld, expected %zu", total, slice * SLICES);
  free(bytes);
  if (test_exit_status() == 0) printf("result=ok\n");
  return test_exit_status();
}
