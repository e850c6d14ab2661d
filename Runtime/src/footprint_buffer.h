/* footprint_buffer.h - a serving rank's buffers for received footprints (private).
 *
 * A footprint of at least DOSC_HUGE_PAGE_BYTES lands in a mapping of its own,
 * 2 MiB-aligned and advised to the kernel as huge pages (MADV_HUGEPAGE; a
 * no-op where transparent huge pages are off). Why: a large message between
 * ranks on one host is copied by the kernel (Open MPI's single-copy
 * transfer, process_vm_readv), which pins the pages of the side it reads
 * from one by one; rank 0 reads a task's written footprint back from this
 * buffer, and from huge pages that copy runs twice as fast (8 MiB: 0.31 ms
 * against 0.64-0.76 ms from 4 KiB pages, measured on the benchmark VM).
 * Rank 0's own memory is the user's and is left as it is.
 *
 * A huge page is zeroed when first touched, so mappings are kept for reuse
 * once freed (a few, up to DOSC_FOOTPRINT_KEEP_BYTES in all), as malloc
 * keeps freed memory; a smaller footprint comes from malloc. Any thread.
 */
#ifndef DOSC_FOOTPRINT_BUFFER_H
#define DOSC_FOOTPRINT_BUFFER_H

#include <stddef.h>

#include "config.h"

#ifndef DOSC_HUGE_PAGE_BYTES
#define DOSC_HUGE_PAGE_BYTES (2u << 20)
#endif
_Static_assert((DOSC_HUGE_PAGE_BYTES & (DOSC_HUGE_PAGE_BYTES - 1)) == 0,
               "DOSC_HUGE_PAGE_BYTES must be a power of two");

/* Free mappings kept for the next large footprint, at most this many bytes
 * in all (a larger one is unmapped when freed). */
#ifndef DOSC_FOOTPRINT_KEEP_BYTES
#define DOSC_FOOTPRINT_KEEP_BYTES (256u << 20)
#endif

/* A buffer of at least `bytes` bytes (at least 1), or NULL when out of memory. */
DOSC_INTERNAL void *dosc_footprint_buffer(size_t bytes);

/* Frees a buffer of dosc_footprint_buffer, or anything malloc returned
 * (release_owned frees both kinds through this); NULL does nothing. */
DOSC_INTERNAL void dosc_footprint_buffer_free(void *buffer);

/* 1 if `buffer` is a mapping of its own (on huge pages where the kernel
 * gives them), for tests. */
DOSC_INTERNAL int dosc_footprint_buffer_mapped(const void *buffer);

#endif /* DOSC_FOOTPRINT_BUFFER_H */
