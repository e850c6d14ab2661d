/* write_back.h - only what a remote task changed goes back into rank 0's memory (private).
 *
 * A task's written footprint [write_first, write_first + write_count) is a
 * bound, not a promise that every element in it is stored to: red-black
 * smoothing writes one colour of its block, a conditional update skips
 * cells. Shipping the whole footprint back would store stale copies of the
 * cells the task never wrote, over values the caller or a sibling task
 * stores there in the meantime (legal C: they are other objects). So, as
 * twin/diff DSMs do (TreadMarks, Munin), the serving rank keeps a copy (the
 * twin) of what it received for a written footprint before the task runs,
 * compares afterwards, and ships back only what differs; rank 0 stores only
 * that. A written footprint is therefore shipped in (an `out` parameter
 * too: without the original bytes a changed byte cannot be told from an
 * unwritten one). Except where the analyzer proves the write dense (the
 * manifest's write_dense, dosc_remote_param.write_dense: every element of
 * the written footprint is stored on every path): then no twin is kept, the
 * footprint goes back WHOLE with no compare, and an `out` one is not shipped
 * in at all (remote_internal.h, dosc_shipped_in).
 *
 * The unit of comparison is the granule (dosc_remote_param.granule): the
 * element's size for an arithmetic element type (one C object: if any of its
 * bytes changed the task stored to it, and no one else may touch it before
 * the taskwait), else 1 byte (a struct's fields are separate objects).
 *
 * Forms, chosen by the serving rank per written parameter:
 *   NONE   nothing changed; no data message
 *   WHOLE  everything changed: the footprint itself, sent from and received
 *          into it with no copy (dense writes keep MPI's bandwidth)
 *   RUNS   runs of changed granules: `runs` x {uint32 offset, uint32 length}
 *          (bytes into the footprint), then their bytes
 *   MASK   one bit per granule (bit k of byte k/8: granule k changed), then
 *          the changed granules' bytes; when it is smaller than RUNS
 */
#ifndef DOSC_WRITE_BACK_H
#define DOSC_WRITE_BACK_H

#include <stddef.h>
#include <stdint.h>

#include "config.h"

enum { DOSC_BACK_NONE = 0, DOSC_BACK_WHOLE = 1, DOSC_BACK_RUNS = 2, DOSC_BACK_MASK = 3 };

/* Per written parameter, in the RESULT message after the result's bytes. */
typedef struct dosc_write_back {
  uint32_t form;  /* DOSC_BACK_* */
  uint32_t runs;  /* RUNS: how many */
  uint64_t bytes; /* the data message's bytes (0 for NONE) */
} dosc_write_back;

/* The largest data message a footprint of `bytes` can need (MASK's bound). */
static inline long long dosc_write_back_bound(long long bytes) {
  return bytes + bytes / 8 + 1;
}

/* Serving rank: compares the task's footprint `now` with its `twin` (`bytes`
 * bytes, a multiple of `granule`) and fills *back. Returns the encoding to
 * send for RUNS and MASK (malloc'd, back->bytes long), NULL for NONE and
 * WHOLE (send `now` itself), and NULL with *no_memory set if it cannot. */
DOSC_INTERNAL void *dosc_write_back_encode(const unsigned char *now, const unsigned char *twin,
                                           size_t bytes, size_t granule, dosc_write_back *back,
                                           int *no_memory);

/* Rank 0: checks a RUNS or MASK encoding of back->bytes bytes against a
 * footprint of `bytes` bytes and stores its changed bytes into `target`.
 * Returns NULL, or what is wrong with it (then nothing is stored). */
DOSC_INTERNAL const char *dosc_write_back_apply(unsigned char *target, size_t bytes, size_t granule,
                                                const unsigned char *data,
                                                const dosc_write_back *back);

#endif /* DOSC_WRITE_BACK_H */
