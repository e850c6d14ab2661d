/* remote_protocol.h - the messages between ranks (private).
 *
 * Two MPI tags: control messages (a header, then a small payload, in one
 * message; or a RESULT's short form, its bytes alone: DOSC_SHORT_RESULT_BYTES) and data messages
 * (one per shipped footprint, sent by the same rank right after the control message that announces
 * it; MPI keeps messages of one sender and tag in order). A task's or result's data of at most
 * DOSC_INLINE_BYTES rides inside its control message instead. Every rank runs the same binary, so
 * sites are named by wire id (dosc_remote_site.wire_id), never by address.
 *
 * rank 0                                  rank r > 0
 *   DECISIONS (every site's state) ----->   (first message, once)
 *                                  <-----   WANT (one per thread)
 *   TASK (args) + data ----------------->    checks, receives, runs
 *                                  <-----   REACHED (its first TASK only, before it runs)
 *   RELEASE (replica id) --------------->    frees a replica (remote.c)
 *                                  <-----   RESULT (result, what changed) + data, or its short form
 *   STOP -------------------------------->  finishes, then
 *                                  <-----   STOPPED (counters); MPI_Finalize
 */
#ifndef DOSC_REMOTE_PROTOCOL_H
#define DOSC_REMOTE_PROTOCOL_H

#include <stdint.h>

#include "dosc_abi.h"

#define DOSC_TAG_CONTROL   0x0d05
#define DOSC_TAG_DATA      0x0d06
#define DOSC_MESSAGE_MAGIC 0xd05cu

enum {
  DOSC_MSG_DECISIONS = 1, /* payload: dosc_wire_state[site_total]; header.task:
                             DOSC_DECISIONS_TRACE if rank 0 traces */
  DOSC_MSG_WANT = 2,      /* a serving rank has a free thread (sent once per thread);
                             header.task: its threads (DOSC_WANT_THREADS), with
                             DOSC_WANT_IN_ORDER set if it returns results in order */
  DOSC_MSG_TASK = 3,      /* payload: args (pointers zeroed), then the data if inline;
                             the serving rank evaluates the footprints itself */
  DOSC_MSG_RESULT = 4,    /* payload: the result's bytes, dosc_write_back[param_count]
                             (write_back.h), then the data if inline; or the short form
                             (below); also a free thread, as WANT */
  DOSC_MSG_STOP = 5,
  DOSC_MSG_STOPPED = 6,     /* payload: dosc_wire_counters */
  DOSC_MSG_RELEASE = 7,     /* task: the id of a replica no task uses any more */
  DOSC_MSG_TASK_MARKED = 8, /* a TASK whose args are followed by int64 replica
                               mark[param_count] (remote.c, send_task), then the data */
  DOSC_MSG_REACHED = 9      /* once per run: a serving rank has received its first task
                               and starts it; rank 0's first contact with it is over (the
                               trace's "every rank had received its first task", remote.c) */
};

/* A serving rank of one thread runs its tasks in the order they came and sends each RESULT as
 * the task ends, so its results come back in the order rank 0 sent the tasks (MPI keeps one
 * sender's messages in order): it says so in its WANT, and may send a RESULT in the short form
 * below. */
#define DOSC_WANT_IN_ORDER (1ull << 32)
#define DOSC_WANT_THREADS  0xffffffffull /* the WANT's bits that count the rank's threads */

/* The short form of a RESULT: a control message shorter than a header, whose bytes are all the
 * task sends back: its result's bytes, for a site that returns one and writes no footprint; else
 * the written footprint of the one parameter the site writes, when every element of it changed
 * (DOSC_BACK_WHOLE). It belongs to the oldest task rank 0 has sent to that rank and not yet had
 * back (it comes only from a rank that returns its results in order), so it carries no number.
 * Why: Open MPI's shared-memory fast box keeps a message of at most 8 payload bytes in 32 bytes,
 * one cache line with its own 24 bytes of headers, and a larger one in two lines, which the
 * receiver pulls from the sender's core one after the other (~0.1 us each on this VM): an empty
 * task's 8 bytes back then cost what a raw ping-pong's do (BENCHMARKS.md, branch rtt8). */
#define DOSC_SHORT_RESULT_BYTES 8

/* A serving rank told this clocks its tasks (two clock reads a task, ~0.1 us
 * on a VM) for the busy time rank 0's trace prints; not otherwise. */
#define DOSC_DECISIONS_TRACE 1u

/* Every control message starts with this; the payload follows, as many bytes as the message
 * has after it (MPI's count). 16 bytes (32 before): an empty task's TASK is 40 bytes (this, its
 * 16-byte argument struct, its 8 data bytes), one 64-byte slot of Open MPI's shared-memory fast
 * box with that box's own 24 bytes of headers, where 56 took a 96-byte slot and MPI_Send wrote a
 * third cache line. The sizes the header once carried (payload, data) are the receiver's to work
 * out and check: the payload is MPI's count less the header, and the data a message brings
 * (inline, or in data messages after it when more than DOSC_INLINE_BYTES) is what the manifest's
 * footprints give for the task's arguments, or the RESULT's write-back forms. */
typedef struct dosc_message_header {
  uint16_t magic; /* DOSC_MESSAGE_MAGIC */
  uint16_t type;  /* DOSC_MSG_* */
  int32_t site;   /* wire id (TASK, RESULT) or site total (DECISIONS) */
  uint64_t task;  /* rank 0's number for the task, echoed in RESULT */
} dosc_message_header;
_Static_assert(sizeof(dosc_message_header) == 16, "the header must stay 16 bytes");

typedef struct dosc_wire_state {
  int32_t binding;
  int32_t depth_cutoff;
  int64_t work_threshold;
  int64_t least_siblings; /* the batch test holds for tasks spawned inside remote tasks too */
} dosc_wire_state;

typedef struct dosc_wire_counters {
  uint64_t tasks_run;
  uint64_t bytes_received; /* footprint bytes shipped in */
  uint64_t bytes_sent;     /* footprint and result bytes shipped back */
  int32_t threads;
  int32_t thread_level; /* its MPI thread level, DOSC_THREAD_* */
  uint64_t busy_ns;     /* time its workers spent running received tasks */
  char host[64];        /* its host's name (gethostname, cut): the trace says where each rank ran */
} dosc_wire_counters;

/* A control message larger than this is refused (a forged or corrupt one). */
#ifndef DOSC_MAX_CONTROL_BYTES
#define DOSC_MAX_CONTROL_BYTES (1u << 20)
#endif
_Static_assert(DOSC_MAX_CONTROL_BYTES >= 4096, "DOSC_MAX_CONTROL_BYTES too small");

/* Data of at most this many bytes travels inside its control message: one
 * message each way for a small task, as a raw MPI ping-pong. */
#ifndef DOSC_INLINE_BYTES
#define DOSC_INLINE_BYTES 8192
#endif
_Static_assert(DOSC_INLINE_BYTES <= DOSC_MAX_CONTROL_BYTES / 4, "DOSC_INLINE_BYTES too large");

/* A task whose footprints add up to more than this is kept local, and a
 * serving rank refuses one (DOSC_REMOTE_MAX_BYTES overrides at run time). */
#ifndef DOSC_REMOTE_MAX_BYTES
#define DOSC_REMOTE_MAX_BYTES (1ll << 31)
#endif

#endif /* DOSC_REMOTE_PROTOCOL_H */
