/* task.h - the task record (private). */
#ifndef DOSC_TASK_H
#define DOSC_TASK_H

#include "config.h"
#include "dosc_abi.h"

/* One spawned call. Written by the spawning thread before the deque push
 * publishes it (release), read by whichever thread pops or steals it.
 * Aligned to a cache line so a stolen task drags no neighbour's data along,
 * and two records never share a line that two workers write. */
typedef struct dosc_task {
  _Alignas(DOSC_CACHE_LINE) void (*fn)(void *); /* the generated thunk */
  void *args;                                   /* inline_args or a malloc'ed block */
  union {
    dosc_frame *frame;           /* while live: the spawner's frame to decrement */
    struct dosc_task *next_free; /* while free: the owning worker's free list */
  } link;
  int depth; /* dosc_current_depth while the task runs: spawner's depth + 1 */
  _Alignas(16) unsigned char inline_args[DOSC_TASK_INLINE_ARGS];
} dosc_task;

_Static_assert(sizeof(dosc_task) % DOSC_CACHE_LINE == 0, "task records fill whole cache lines");

#endif /* DOSC_TASK_H */
