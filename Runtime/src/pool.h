/* pool.h - the local work-stealing pool (private).
 *
 * Worker 0 is the thread that called dosc_start (normally main); workers
 * 1 .. threads-1 are pthreads that steal, run tasks, and park on a futex
 * when they found nothing for a while.
 */
#ifndef DOSC_POOL_H
#define DOSC_POOL_H

#include "config.h"

/* Starts `threads` workers, the calling thread being worker 0. Called once,
 * by dosc_start. Returns the number of workers actually running (fewer if
 * thread creation failed; at least 1). */
DOSC_INTERNAL int dosc_pool_start(int threads);

/* Stops and joins the workers and frees everything. Called by the atexit
 * handler; does nothing if the pool never started. If called from a thread
 * other than worker 0 it only stops the workers (the process is exiting). */
DOSC_INTERNAL void dosc_pool_stop(void);

/* Whether to time top-level tasks (off by default); set before the first
 * spawn, by dosc_start. */
DOSC_INTERNAL void dosc_pool_time_tasks(int on);

/* Nanoseconds spent running top-level tasks so far, summed over workers. */
DOSC_INTERNAL long long dosc_pool_task_ns(void);

/* Workers running (1 before start). Any thread. */
DOSC_INTERNAL int dosc_pool_threads(void);

/* Worker 0 of a serving rank (serve.c), between received tasks: runs one
 * task of the pool if it finds one (1), else returns 0 at once. */
DOSC_INTERNAL int dosc_pool_help_once(void);

/* A serving rank of two threads or more (serve.c): its communication thread
 * pushes the tasks it receives onto `inbox` (a dosc_fifo of records) and calls
 * dosc_pool_wake; any worker that finds nothing on the deques takes the
 * oldest record and runs run(&record) as a top-level task of `frame`. So a
 * received task never waits behind a task that one worker runs while another
 * is idle. Called once, by worker 0, before any record is pushed. */
struct dosc_fifo;
struct dosc_frame;
DOSC_INTERNAL void dosc_pool_serve(struct dosc_fifo *inbox, struct dosc_frame *frame,
                                   void (*run)(void *));

/* After a seq_cst decrement of a frame's pending to 0 (a task's last child completed, here or
 * on another rank), from any thread: wakes the threads blocked at a taskwait, if any. */
DOSC_INTERNAL void dosc_pool_child_done(void);

/* Whether a thread is blocked at a taskwait (its children run elsewhere), from any thread: rank
 * 0's communication thread, then the only one polling MPI for their results, sleeps between polls
 * rather than yield (remote.c, coordinate). */
DOSC_INTERNAL int dosc_pool_waiting(void);

/* After a push onto the inbox, from any thread: wakes a parked worker. */
DOSC_INTERNAL void dosc_pool_wake(void);

#endif /* DOSC_POOL_H */
