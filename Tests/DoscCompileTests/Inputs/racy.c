/* A deliberate data race, for the ThreadSanitizer stage (SanitizerTests):
 * two sibling tasks meet (each waits, at most 10 s, until the other has
 * started, so they run on two threads at once) and then both add to one
 * global without any synchronisation. A ThreadSanitizer build must report it. */
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <time.h>

static atomic_int started;
static long total;

static void add(long count) {
  atomic_fetch_add(&started, 1);
  time_t give_up = time(NULL) + 10;
  while (atomic_load(&started) < 2 && time(NULL) < give_up)
    sched_yield();
  total += count; /* the race */
}

int main(void) {
#pragma dosc task
  add(1);
#pragma dosc task
  add(2);
#pragma dosc taskwait
  printf("total %ld\n", total);
  return 0;
}
