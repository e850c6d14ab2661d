/* remote_internal.h - state shared by remote.c (rank 0, start-up, shutdown)
 * and serve.c (the other ranks). Private to those two files. */
#ifndef DOSC_REMOTE_INTERNAL_H
#define DOSC_REMOTE_INTERNAL_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>

#include "config.h"
#include "dosc_abi.h"
#include "remote_protocol.h"
#include "remote_transport.h"

/* Units that registered remote sites, in registration order: the same on
 * every rank, so (unit index, site id) is a wire id. */
#ifndef DOSC_MAX_REMOTE_UNITS
#define DOSC_MAX_REMOTE_UNITS 64
#endif
#define DOSC_WIRE_SITE_BITS 20

typedef struct dosc_remote_unit {
  const dosc_program_info *unit;
  dosc_remote_site *const *sites;
} dosc_remote_unit;

/* A send in flight and what to free when it completes. */
typedef struct dosc_pending_send {
  struct dosc_pending_send *next;
  void *request;
  void *owned; /* freed when the send completes (NULL: the user's memory) */
} dosc_pending_send;

typedef struct dosc_remote_state {
  const dosc_transport *mpi; /* NULL: MPI not running */
  int rank, size, threads, trace;
  long long max_bytes; /* footprint bytes per task, at most */
  /* This process reads its own memory without faulting (footprint_read.h), found once at
   * start-up: check_task then asks no parameter whether it can be shipped. */
  int reads_without_faults;
  /* A serving rank of one thread whose launcher said its rank before MPI_Init: that thread,
   * the process's only one, runs the serve loop and is the only one that calls MPI, at
   * MPI_THREAD_SINGLE (remote.c, dosc_remote_init); no communication thread. */
  int serves_alone;
  int thread_level; /* the MPI thread level MPI gave this rank (DOSC_THREAD_*) */
  pthread_t comm_thread;
  atomic_int comm_ready; /* 1: MPI initialised (or failed: size stays 1) */
  atomic_int stop;       /* rank 0: the program is ending; others: STOP arrived */
  atomic_int comm_done;  /* the communication thread has finalised MPI */
  dosc_remote_unit units[DOSC_MAX_REMOTE_UNITS];
  int unit_count;
  dosc_pending_send *sends; /* communication thread only */
  char init_error[256];
} dosc_remote_state;

extern DOSC_INTERNAL dosc_remote_state dosc_remote;

/* Communication thread only. */
DOSC_INTERNAL void dosc_remote_send(int destination, int tag, const void *buffer, size_t bytes,
                                    void *owned);
/* A control message built in place: its payload (payload_bytes) goes at
 * message + sizeof(dosc_message_header); dosc_remote_send_message writes the
 * header, sends it and releases it once sent (a small one is built in a
 * buffer reused for the next, remote.c). */
DOSC_INTERNAL unsigned char *dosc_control_message(size_t payload_bytes);
DOSC_INTERNAL void dosc_remote_send_message(int destination, uint16_t type, uint64_t task,
                                            int32_t site, unsigned char *message,
                                            size_t payload_bytes);
DOSC_INTERNAL void dosc_remote_send_control(int destination, uint16_t type, uint64_t task,
                                            int32_t site, const void *payload,
                                            size_t payload_bytes);
DOSC_INTERNAL int dosc_remote_progress_sends(void); /* 1 if any completed */
/* The same, with no call while no send is in flight (the common case of a
 * poll round: an empty task's messages go with MPI_Send, dosc_remote_send). */
static inline int dosc_remote_progress_any_sends(void) {
  return dosc_remote.sends != NULL && dosc_remote_progress_sends();
}
/* The next control message that has arrived (its bytes in *bytes), or NULL
 * when none did within `polls` tests (at least one): received into a buffer
 * posted in advance, valid until the next call. */
DOSC_INTERNAL const unsigned char *dosc_next_control(int *source, size_t *bytes, int polls);

/* Tests of the control receive a poller with nothing else to do makes in a
 * row (dosc_next_control): the rest of its round then costs once per this
 * many tests, not once per test. */
#ifndef DOSC_QUICK_POLLS
#define DOSC_QUICK_POLLS 8
#endif
DOSC_INTERNAL void dosc_cancel_control(void); /* before MPI_Finalize */
DOSC_INTERNAL void dosc_remote_flush_sends(void);
DOSC_INTERNAL void dosc_remote_free_send_records(void); /* after the last send */
/* After a rank's last message: cancels the control receive, frees the send records, finalises
 * MPI and sets comm_done. On the thread that called MPI. */
DOSC_INTERNAL void dosc_remote_end_mpi(void);

/* The site a wire id names, or NULL. Inline, as the other small helpers
 * here: each is on every task's way (a call costs more than its body). */
static inline dosc_remote_site *dosc_remote_site_by_wire(int32_t wire) {
  if (wire < 0) return NULL;
  int unit = wire >> DOSC_WIRE_SITE_BITS;
  int id = wire & ((1 << DOSC_WIRE_SITE_BITS) - 1);
  if (unit >= dosc_remote.unit_count) return NULL;
  const dosc_remote_unit *entry = &dosc_remote.units[unit];
  if (id >= entry->unit->site_count) return NULL;
  return entry->sites[id];
}

/* A bad message: prints `dosc: rank R: error: ...` and aborts the job. */
DOSC_INTERNAL _Noreturn void dosc_remote_fail(int source, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

/* A polling loop's quiet time: since it last sent or received. */
typedef struct dosc_idle {
  long long since_ns; /* when it last sent or received; 0: just now */
  long long now_ns;   /* the clock when last read */
  unsigned unread;    /* quiet polls left before the clock is read again */
} dosc_idle;

/* The loop sent or received something. */
static inline void dosc_remote_active(dosc_idle *idle) {
  idle->since_ns = 0;
}

/* 1 while the loop is within DOSC_REMOTE_SPIN_NS (remote.c) of its last
 * activity: it should poll again at once. */
DOSC_INTERNAL int dosc_remote_spinning(dosc_idle *idle);

/* Waits between polls of an idle loop: spins for DOSC_REMOTE_SPIN_NS after the last
 * activity, then yields the CPU between polls for DOSC_REMOTE_YIELD_NS, then
 * sleeps longer and longer (at most ~1 ms), so a rank idle for long leaves
 * the CPU to busy ones. */
DOSC_INTERNAL void dosc_remote_idle(dosc_idle *idle);

/* CLOCK_MONOTONIC in ns. */
DOSC_INTERNAL long long dosc_remote_now_ns(void);

/* This host's name, for the trace's per-rank counters (ranks on several
 * hosts); "?" when gethostname fails. Always terminated. */
DOSC_INTERNAL void dosc_remote_host_name(char *host, size_t size);

/* Whether rank 0 ships a parameter's footprint in with its task: every one
 * it accesses but a dense `out` one, which the task stores whole before any
 * use (write_dense), so the serving rank only allocates it. */
static inline int dosc_shipped_in(const dosc_remote_param *param) {
  return param->access != DOSC_ACCESS_NONE &&
         !(param->access == DOSC_ACCESS_WRITE && param->write_dense);
}

/* Footprint bytes of region r of `site`: count * element_size, or -1 on
 * overflow or a negative count. */
static inline long long dosc_region_bytes(long long count, size_t element_size) {
  if (count < 0) return -1;
  long long bytes;
  if (__builtin_mul_overflow(count, (long long)element_size, &bytes)) return -1;
  return bytes;
}

/* Which bytes a short RESULT of `site` carries (remote_protocol.h, DOSC_SHORT_RESULT_BYTES):
 * DOSC_SHORT_IS_RESULT, the result's, for a site that returns one and writes nothing; the index
 * of its one written parameter, for a site without a result that writes one; else
 * DOSC_SHORT_NONE (the site's results always go in the long form). Both ends ask this. */
enum { DOSC_SHORT_NONE = -2, DOSC_SHORT_IS_RESULT = -1 };
static inline int dosc_short_result_part(const dosc_remote_site *site) {
  int written = DOSC_SHORT_NONE;
  for (int i = 0; i < site->param_count; i++) {
    if (!(site->params[i].access & DOSC_ACCESS_WRITE)) continue;
    if (written != DOSC_SHORT_NONE) return DOSC_SHORT_NONE; /* two written parameters */
    written = i;
  }
  if (site->result_offset >= 0)
    return written == DOSC_SHORT_NONE && site->result_size <= DOSC_SHORT_RESULT_BYTES
               ? DOSC_SHORT_IS_RESULT
               : DOSC_SHORT_NONE;
  return written;
}

/* transport_sanitizer.c: `mpi`, or under ThreadSanitizer a table whose calls
 * do not check the reads MPI makes of the program's memory. */
DOSC_INTERNAL const dosc_transport *dosc_transport_for_sanitizer(const dosc_transport *mpi);
/* Whether this is a ThreadSanitizer build (transport_sanitizer.c). */
#if defined(__SANITIZE_THREAD__)
#define DOSC_TSAN 1
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer)
#define DOSC_TSAN 1
#endif
#endif

/* memcpy of a shipped footprint from the program's memory into a message
 * (unchecked under ThreadSanitizer, as MPI's own copies: see the file). Else memcpy itself,
 * inline: a small task's piece is copied on rank 0's way to its send at every spawn. */
#ifdef DOSC_TSAN
DOSC_INTERNAL void dosc_copy_shipped(void *to, const void *from, size_t bytes);
#else
static inline void dosc_copy_shipped(void *to, const void *from, size_t bytes) {
  memcpy(to, from, bytes);
}
#endif

/* A message's data (footprints, written data): inline after the control
 * message's payload when it is at most DOSC_INLINE_BYTES in all, else one
 * data message per piece right after the control message. */
typedef struct dosc_data_stream {
  int rank;                   /* the other side */
  unsigned char *inline_data; /* the next inline byte, NULL: data messages */
  size_t inline_left;         /* receiving: inline bytes not yet taken */
} dosc_data_stream;

/* dosc_send_data's general case (remote.c): a data message, or inline bytes whose buffer it
 * frees. */
DOSC_INTERNAL void dosc_send_data_owned(dosc_data_stream *out, const void *buffer, size_t bytes,
                                        void *owned);

/* Sends `bytes` from `buffer` (freeing `owned` once sent). Inline: a small task's piece,
 * copied into its message, is on each rank's way per trip. */
static inline void dosc_send_data(dosc_data_stream *out, const void *buffer, size_t bytes,
                                  void *owned) {
  if (out->inline_data == NULL || owned != NULL) {
    dosc_send_data_owned(out, buffer, bytes, owned);
    return;
  }
  dosc_copy_shipped(out->inline_data, buffer, bytes);
  out->inline_data += bytes;
}
/* dosc_receive_data's piece from a data message (remote.c). */
DOSC_INTERNAL size_t dosc_receive_data_message(dosc_data_stream *in, void *buffer, size_t bytes);

/* Receives the next piece into `buffer` if it has `bytes` bytes; returns the
 * bytes of the piece that came (nothing stored if that is not `bytes`).
 * Inline: a small task's pieces are inline, one on each rank's way per trip. */
static inline size_t dosc_receive_data(dosc_data_stream *in, void *buffer, size_t bytes) {
  if (in->inline_data == NULL) return dosc_receive_data_message(in, buffer, bytes);
  if (in->inline_left < bytes) return in->inline_left;
  memcpy(buffer, in->inline_data, bytes);
  in->inline_data += bytes;
  in->inline_left -= bytes;
  return bytes;
}

/* serve.c: the loop of a serving rank's communication thread, and of its
 * starting thread (worker 0) that feeds received tasks to its pool. */
DOSC_INTERNAL void dosc_serve_communicate(void);
DOSC_INTERNAL _Noreturn void dosc_serve_run(const dosc_program_info *const *units, int count);

#endif /* DOSC_REMOTE_INTERNAL_H */
