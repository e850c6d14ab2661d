/* remote.h - running tasks on other MPI ranks (private; see remote.c).
 *
 * start.c calls these, in this order, from dosc_start:
 *   nodes = dosc_remote_init(threads);       before the pool and decisions
 *   ... if (dosc_remote_serving()) skip the sidecar, profile and decisions
 *   dosc_remote_rank_zero_works(shares, ...) rank 0, once the profile is known
 *   dosc_remote_send_ahead_below(work)       rank 0, likewise
 *   dosc_remote_site_available(unit, id)     per site, when deciding
 *   dosc_remote_publish(units, count)        after every registered unit is
 *                                            decided: rank 0 sends the states;
 *                                            another rank receives them and
 *                                            serves tasks until rank 0 ends
 *                                            the job, then exits (never returns)
 *   dosc_remote_stop()                       rank 0, as the program ends
 */
#ifndef DOSC_REMOTE_H
#define DOSC_REMOTE_H

#include "config.h"
#include "dosc_abi.h"

/* Number of ranks (1 without mpirun, or with a program linked --no-mpi).
 * Under mpirun with 2 or more ranks: loads the MPI plugin, starts the
 * communication thread, which initialises MPI. `trace`: DOSC_TRACE. */
DOSC_INTERNAL int dosc_remote_init(int threads, int trace);

/* Non-zero on ranks other than 0 of a job with MPI running. */
DOSC_INTERNAL int dosc_remote_serving(void);

/* Rank 0: whether its workers take queued remote tasks too (the model's
 * dosc_rank_zero_shares; never under DOSC_BIND=remote, which sends every task
 * away), and this host's workers (its ranks x threads) and cores: where they
 * share and the workers with the communication thread outnumber the cores, that
 * thread sleeps when quiet rather than yields. Prints the trace's line on the ranks. */
DOSC_INTERNAL void dosc_remote_rank_zero_works(int shares, int host_workers, int cores);

/* Rank 0: a task whose work at its arguments is at most `work` operations is
 * quick: a rank whose threads run only such tasks may be sent one more, to wait
 * there (dosc_send_ahead_work, dosc_policy.h). Before this, no task is. */
DOSC_INTERNAL void dosc_remote_send_ahead_below(long long work);

/* Non-zero if site `id` of `unit` has marshalling (dosc_register_remote_sites). */
DOSC_INTERNAL int dosc_remote_site_available(const dosc_program_info *unit, int id);

/* See above. `units` are the registered units in registration order. */
DOSC_INTERNAL void dosc_remote_publish(const dosc_program_info *const *units, int count);

/* Called by a thread waiting at a taskwait with nothing to run: on rank 0,
 * does a round of the MPI communication if no other thread is doing one
 * (sends queued tasks, receives results). 1 if anything happened, or if it
 * last did within DOSC_REMOTE_SPIN_NS (remote.c: an answer is due soon, keep
 * polling rather than yield). Returns 0 at once without MPI. */
DOSC_INTERNAL int dosc_remote_help(void);

/* Ends the epoch of `frame`'s replicas: at its taskwait, after every task
 * it spawned has completed; on the thread that spawned them. */
DOSC_INTERNAL void dosc_remote_epoch_end(dosc_frame *frame);

/* Rank 0, once, as the program ends (main returned, a thread called exit(), or main's thread
 * pthread_exit()): stops every rank and ends MPI. Does nothing elsewhere or without MPI. */
DOSC_INTERNAL void dosc_remote_stop(void);

DOSC_INTERNAL int dosc_remote_rank(void);
DOSC_INTERNAL int dosc_remote_size(void);

#endif /* DOSC_REMOTE_H */
