/* crash_report.h - a rank that crashes says so and dies (private).
 *
 * Under mpirun, a task that touches memory outside the footprints it was
 * shipped (a figure smaller than the truth) writes past a serving rank's
 * receive buffer: the rank faults, or glibc's malloc finds its heap broken
 * and aborts. Open MPI's own handler of SIGSEGV, SIGBUS, SIGILL, SIGFPE and
 * SIGABRT then prints a backtrace, which loads libgcc_s and calls malloc: on
 * a broken heap, or with malloc's lock held by the thread that aborted, it
 * never returns, the rank never ends, and mpirun waits for ever.
 * dosc_crash_report_install replaces that handler on every rank (after
 * MPI's initialisation, which installs it): one line on stderr, written with
 * async-signal-safe calls only,
 *   dosc: rank R: error: Segmentation fault (signal 11) while running task
 *   'NAME' from rank 0: its footprints may be smaller than what it touches;
 *   ending the job
 * (a serving rank that crashes between tasks, e.g. malloc finding the heap
 * broken, says a task it ran may have touched memory outside its footprints),
 * then the signal again with its default action, so the rank dies of it and
 * the launcher ends the job, naming the rank, as for a killed rank.
 */
#ifndef DOSC_CRASH_REPORT_H
#define DOSC_CRASH_REPORT_H

#include "config.h"

/* Installs the handler for this process, whose rank is `rank`. */
DOSC_INTERNAL void dosc_crash_report_install(int rank);

/* Gives the calling thread a stack of the handler's own (sigaltstack), so
 * a task that overwrote its thread's stack still gets the line; nothing
 * before dosc_crash_report_install. For every thread that runs tasks. */
DOSC_INTERNAL void dosc_crash_report_thread(void);

/* The task the calling thread runs from now on (a name of the site table,
 * static storage), NULL when it runs none: named if the thread crashes. */
DOSC_INTERNAL void dosc_crash_report_running(const char *task);

/* Writes `line` to stderr and ends this rank with SIGABRT (its default
 * action, whatever handler is installed), so the launcher ends the job. */
DOSC_INTERNAL _Noreturn void dosc_crash_report_fatal(const char *line);

#endif /* DOSC_CRASH_REPORT_H */
