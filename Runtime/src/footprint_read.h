/* footprint_read.h - reading a footprint that may reach past its array, without faulting (private).
 *
 * A task's footprint [first, first + count) is the analyzer's hull of what it
 * may touch, an upper bound: a guard on a scalar (`if (hi < n) s += a[hi]`),
 * a `?:` choosing an element, a loop that may stop sooner or run zero times
 * all give a hull whose ends the task need not touch, and at the first or
 * last block of an array that hull lies partly outside it. The plain program
 * never reads there; rank 0 shipping the hull would, and faults where the
 * array ends at a page the process cannot read (the end of a mapping, a guard
 * page, a PROT_NONE part of a malloc arena).
 *
 * The analyzer says, per pointer parameter, which elements the task surely
 * touches at both ends (the manifest's touched_*, compiled into
 * dosc_remote_site.touched): they lie in the task's object, so every page
 * they cover is readable. The footprint is read as it is on those pages, and
 * straight from the caller's memory when it lies within them (always when it
 * is exact, and when an upper bound reaches only one element past the loop's
 * range, as a guard does, unless that element starts a page). What lies on
 * other pages is read by the kernel (process_vm_readv of this process, else
 * /proc/self/mem), which reports what it cannot read instead of faulting;
 * those bytes travel as zeros. The task cannot legally read them (they are
 * outside its object), and since it does not change them, they never come
 * back (write_back.h ships only what the task changed), so no store ever
 * lands outside what the task wrote.
 */
#ifndef DOSC_FOOTPRINT_READ_H
#define DOSC_FOOTPRINT_READ_H

#include <stddef.h>

#include "config.h"
#include "dosc_abi.h"
#include "remote_internal.h"

/* Copies `bytes` bytes at `from` into `to` without ever faulting: each byte
 * that cannot be read is 0 in `to`. Returns how many bytes could not be read,
 * or -1 when this process has no fault-free way to read its own memory. */
DOSC_INTERNAL long long dosc_read_without_faults(void *to, const void *from, size_t bytes);

/* The same by one way of reading (tests): DOSC_READ_VM (process_vm_readv)
 * or DOSC_READ_PROC_MEM (/proc/self/mem). */
enum { DOSC_READ_VM = 1, DOSC_READ_PROC_MEM = 2 };
DOSC_INTERNAL long long dosc_read_without_faults_by(int how, void *to, const void *from,
                                                    size_t bytes);

/* 1 if this process has a way to read its own memory without faulting (found at the first
 * call, then remembered), else 0. */
DOSC_INTERNAL int dosc_reads_without_faults(void);

/* At spawn time (remote.c, check_task): why parameter `param`'s footprint
 * cannot be shipped, or NULL. Only when this process cannot read without
 * faulting and the footprint may reach past the pages of what the task
 * surely touches: then the task runs on rank 0. */
DOSC_INTERNAL const char *dosc_footprint_unshippable(const dosc_remote_site *site, const void *args,
                                                     int param);

/* Sends parameter `param`'s footprint, `bytes` bytes at `from`, on `out`
 * (remote.c, send_task): straight from the caller's memory when it lies on
 * the pages of what the task surely touches, else a copy read without faults
 * past them. */
DOSC_INTERNAL void dosc_send_footprint(dosc_data_stream *out, const dosc_remote_site *site,
                                       const void *args, int param, const void *from, size_t bytes);

#endif /* DOSC_FOOTPRINT_READ_H */
