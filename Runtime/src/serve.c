/* serve.c - a serving rank (every rank but 0 under mpirun).
 *
 * Its starting thread never reaches main: dosc_start ends in dosc_serve_run,
 * which hands the tasks that arrive to this rank's own work-stealing pool
 * (DOSC_THREADS workers, the starting thread being worker 0: any free one
 * takes the next, dosc_pool_serve) and helps run them. Its communication
 * thread (dosc_serve_communicate) takes rank 0's decisions, asks for a task
 * for each of its threads, checks each task message against what the site's
 * manifest figures predict for the arguments it carries, receives the
 * footprints into fresh buffers, and ships the result and what the task
 * changed in its written footprints back when it has run (write_back.h: a
 * twin of each written footprint is kept and compared, but of a dense one,
 * which goes back whole). A message that fails a check ends the job with a
 * clear error (dosc_remote_fail),
 * never a crash. When rank 0 says STOP, it finishes what it holds, reports
 * its counters, finalises MPI, and the rank exits with status 0.
 *
 * A rank of one thread that serves alone (remote_internal.h) has no
 * communication thread: its starting thread, the only one, runs
 * dosc_serve_communicate itself, at MPI_THREAD_SINGLE, and runs each task as
 * it arrives; a task it spawns goes on this rank's pool of one worker, this
 * thread, whose taskwait runs it. Below, "the communication thread" is that
 * thread then.
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "crash_report.h"
#include "fifo.h"
#include "footprint_buffer.h"
#include "pool.h"
#include "remote.h"
#include "remote_internal.h"
#include "write_back.h"

/* Bytes after each footprint buffer a task is given; after a footprint the
 * task writes, set to DOSC_GUARD_WORD when it arrives and checked when the
 * task has run (check_guards), a word at a time. */
#ifndef DOSC_GUARD_BYTES
#define DOSC_GUARD_BYTES 64
#endif
_Static_assert(DOSC_GUARD_BYTES % 8 == 0, "DOSC_GUARD_BYTES must be a multiple of 8");
#define DOSC_GUARD_WORD 0xA5A5A5A5A5A5A5A5ull

/* Whether a task's footprints have their guards set and checked: every
 * one, the footprints it only reads too. A store past a footprint the
 * analyzer says the task only reads (an access or a figure it got wrong)
 * goes nowhere back: unguarded, it would be lost without a word, a wrong
 * answer printed by rank 0; guarded, this rank ends saying so. */
static int has_guard(void) {
  return DOSC_GUARD_BYTES > 0;
}

static void set_guard(unsigned char *guard) {
  for (int w = 0; w < DOSC_GUARD_BYTES / 8; w++) {
    uint64_t word = DOSC_GUARD_WORD;
    memcpy(guard + 8 * w, &word, sizeof word);
  }
}

/* 1 if every word of the guard is still DOSC_GUARD_WORD. */
static int guard_intact(const unsigned char *guard) {
  uint64_t changed = 0;
  /* Unrolled: a loop of 8 words cost every task ~55 instructions, its straight-line form ~20. */
#if defined(__clang__)
#pragma unroll
#elif defined(__GNUC__)
#pragma GCC unroll 8
#endif
  for (int w = 0; w < DOSC_GUARD_BYTES / 8; w++) {
    uint64_t word;
    memcpy(&word, guard + 8 * w, sizeof word);
    changed |= word ^ DOSC_GUARD_WORD;
  }
  return changed == 0;
}

/* A task received from rank 0. */
typedef struct received_task {
  struct received_task *next;
  dosc_remote_site *site;
  uint64_t number;
  void *args;                /* the argument struct, pointers rebased into buffers */
  char **buffers;            /* [param_count]: footprint copies, NULL for none */
  unsigned char *replicated; /* [param_count]: 1 = buffers[i] is a replica, not the task's */
  dosc_region *regions;      /* [param_count] */
  dosc_write_back *backs;    /* [param_count]: what goes back of each written footprint */
  void **encodings;          /* [param_count]: RUNS or MASK data to send, else NULL */
  unsigned char result[64] __attribute__((aligned(16)));
  void *big_result;  /* when the result is larger than `result` */
  size_t block_size; /* bytes of the one allocation holding the record (receive_task) */
  /* DOSC_RECORD_FOOTPRINT_BYTES in the record itself: a small task's
   * footprints, with no malloc before it runs nor free after. */
  unsigned char *small;
} received_task;

/* Footprints of a task that add up to at most this many bytes (each rounded
 * up to 16) live in its record: its written data then goes back inline,
 * never from a data message that would own the buffer. */
#ifndef DOSC_RECORD_FOOTPRINT_BYTES
#define DOSC_RECORD_FOOTPRINT_BYTES 256
#endif
_Static_assert(DOSC_RECORD_FOOTPRINT_BYTES % 16 == 0 &&
                   4 * DOSC_RECORD_FOOTPRINT_BYTES <= DOSC_INLINE_BYTES,
               "DOSC_RECORD_FOOTPRINT_BYTES must be a multiple of 16, well below the inline size");

/* Whether `buffer` is in the record's own room for small footprints. */
static int in_record(const received_task *task, const char *buffer) {
  return (const unsigned char *)buffer >= task->small &&
         (const unsigned char *)buffer < task->small + DOSC_RECORD_FOOTPRINT_BYTES;
}

/* A read-only footprint rank 0 asked this rank to keep (remote.c, replicas):
 * later tasks of the same epoch use it without its bytes being sent again.
 * Communication thread only; freed when rank 0 sends RELEASE. */
typedef struct kept_replica {
  struct kept_replica *next;
  int64_t id;
  long long bytes;
  char *buffer;
} kept_replica;

static struct {
  pthread_mutex_t lock;   /* outbox */
  kept_replica *replicas; /* communication thread only */
  dosc_fifo inbox;        /* received, for the pool's workers (dosc_pool_serve); its own lock */
  dosc_frame frame;       /* of the received tasks, on the pool */
  received_task *outbox;
  const dosc_program_info *const *units;
  int unit_count;
  atomic_int units_ready;               /* dosc_serve_run has stored units */
  atomic_int decisions_ready;           /* the communication thread applied rank 0's states */
  int clock_busy;                       /* rank 0 traces: clock each task (DOSC_DECISIONS_TRACE) */
  atomic_llong tasks_run, busy_ns;      /* any worker */
  long long bytes_received, bytes_sent; /* communication thread only */
  /* The record of the last task shipped back, kept for the next one:
   * one allocation fewer between a task's arrival and its run.
   * Communication thread only. */
  received_task *spare;
} serve = {.lock = PTHREAD_MUTEX_INITIALIZER, .inbox = DOSC_FIFO_INIT};

/* ---- the communication thread ------------------------------------------------ */

static void check_control(int source, const unsigned char *message, size_t bytes,
                          dosc_message_header *header) {
  if (source != 0) dosc_remote_fail(source, "a message from a rank other than 0");
  if (bytes < sizeof *header) dosc_remote_fail(source, "a control message of %zu bytes", bytes);
  memcpy(header, message, sizeof *header);
  if (header->magic != DOSC_MESSAGE_MAGIC)
    dosc_remote_fail(source, "a message that is not dosc's (%zu bytes)", bytes);
}

static void apply_decisions(const dosc_message_header *header, const unsigned char *payload,
                            size_t payload_bytes) {
  int total = 0;
  for (int u = 0; u < serve.unit_count; u++)
    total += serve.units[u]->site_count;
  if (header->site != total || payload_bytes != sizeof(dosc_wire_state) * (size_t)total)
    dosc_remote_fail(0, "decisions for %d sites, where this program has %d", header->site, total);
  serve.clock_busy = (header->task & DOSC_DECISIONS_TRACE) != 0;
  int k = 0;
  for (int u = 0; u < serve.unit_count; u++) {
    for (int id = 0; id < serve.units[u]->site_count; id++, k++) {
      dosc_wire_state state;
      memcpy(&state, payload + sizeof state * (size_t)k, sizeof state);
      dosc_site_state *target = &serve.units[u]->states[id];
      /* A task spawned inside a remote task runs on this rank's pool. */
      target->binding = state.binding == DOSC_BIND_REMOTE ? DOSC_BIND_LOCAL : state.binding;
      target->depth_cutoff = state.depth_cutoff;
      target->work_threshold = state.work_threshold;
      target->least_siblings = state.least_siblings;
    }
  }
}

static void execute(received_task *task);
static void run_received(void *pointer);
static unsigned char *written_part(const received_task *task, int i, size_t *bytes);

static void *field_address(void *args, size_t offset) {
  return (char *)args + offset;
}

static received_task *receive_task(const dosc_message_header *header, const unsigned char *payload,
                                   size_t payload_bytes) {
  dosc_remote_site *site = dosc_remote_site_by_wire(header->site);
  if (site == NULL)
    dosc_remote_fail(0, "a task for site %d, which this program does not have", header->site);
  /* Replica marks only in a DOSC_MSG_TASK_MARKED (remote_protocol.h). */
  const unsigned char *marks =
      header->type == DOSC_MSG_TASK_MARKED ? payload + site->args_size : NULL;
  size_t marks_size = marks != NULL ? sizeof(int64_t) * (size_t)site->param_count : 0;
  size_t fixed = site->args_size + marks_size;
  if (payload_bytes < fixed)
    dosc_remote_fail(0, "a task for '%s' of %zu bytes where its arguments take %zu", site->task,
                     payload_bytes, fixed);
  /* One allocation per task: the record, its argument struct (16-aligned),
   * its per-parameter arrays and room for small footprints. */
  size_t params = (size_t)(site->param_count > 0 ? site->param_count : 1);
  size_t args_at = (sizeof(received_task) + 15) & ~(size_t)15;
  size_t arrays_at = args_at + ((site->args_size + 15) & ~(size_t)15);
  size_t per_param =
      sizeof(char *) + sizeof(dosc_region) + sizeof(dosc_write_back) + sizeof(void *) + 1;
  size_t small_at = (arrays_at + params * per_param + 15) & ~(size_t)15;
  size_t block_size = small_at + DOSC_RECORD_FOOTPRINT_BYTES;
  unsigned char *block = NULL;
  if (serve.spare != NULL && serve.spare->block_size >= block_size) {
    block = (unsigned char *)serve.spare;
    block_size = serve.spare->block_size;
    serve.spare = NULL;
  } else if ((block = aligned_alloc(16, block_size)) == NULL) {
    dosc_remote_fail(0, "a task this rank has no memory for");
  }
  /* Zeroed: the per-parameter arrays (send_result frees and sums all of
   * them); the record's other fields are all set below. */
  memset(block + arrays_at, 0, params * per_param);
  received_task *task = (received_task *)block;
  task->next = NULL;
  task->big_result = NULL;
  task->args = block + args_at;
  task->regions = (dosc_region *)(block + arrays_at);
  task->backs = (dosc_write_back *)(task->regions + params);
  task->buffers = (char **)(task->backs + params);
  task->encodings = (void **)(task->buffers + params);
  task->replicated = (unsigned char *)(task->encodings + params);
  task->block_size = block_size;
  task->small = block + small_at;
  task->site = site;
  task->number = header->task;
  memcpy(task->args, payload, site->args_size);
  /* The footprints are the ones the manifest gives for these arguments
   * (evaluated here, not taken from the message), and the data that follows
   * must be exactly those not replicated (written ones too: their twins,
   * write_back.h). */
  if (site->footprint(task->args, task->regions) != 0)
    dosc_remote_fail(0, "arguments of '%s' whose footprint does not evaluate", site->task);
  long long read_bytes = 0, total_bytes = 0, own_bytes = 0;
  for (int i = 0; i < site->param_count; i++) {
    const dosc_region *due = &task->regions[i];
    const dosc_remote_param *param = &site->params[i];
    if (param->access == DOSC_ACCESS_NONE) continue;
    long long bytes = dosc_region_bytes(due->count, param->element_size);
    if (bytes < 0 || bytes > dosc_remote.max_bytes - total_bytes)
      dosc_remote_fail(
          0, "'%s' parameter %d: a footprint of %lld elements, above the limit of %lld bytes",
          site->task, i + 1, due->count, dosc_remote.max_bytes);
    /* Rank 0 keeps such a task (check_task); one that comes anyway would
     * have the task's writes land outside its buffer. */
    if ((param->access & DOSC_ACCESS_WRITE) &&
        (due->write_count < 0 || due->write_first < due->first ||
         due->write_first + due->write_count > due->first + due->count))
      dosc_remote_fail(0, "'%s' parameter %d: a written footprint outside its footprint",
                       site->task, i + 1);
    total_bytes += bytes;
    int64_t mark = 0;
    if (marks != NULL) memcpy(&mark, marks + sizeof mark * (size_t)i, sizeof mark);
    if (mark != 0 && param->access != DOSC_ACCESS_READ)
      dosc_remote_fail(0, "a replica for '%s' parameter %d, which the task writes", site->task,
                       i + 1);
    if (mark < 0) {
      kept_replica *r = serve.replicas;
      while (r != NULL && r->id != -mark)
        r = r->next;
      if (r == NULL || r->bytes != bytes)
        dosc_remote_fail(0, "a task for '%s' using replica %lld, which this rank does not hold",
                         site->task, (long long)-mark);
      task->buffers[i] = r->buffer;
      task->replicated[i] = 1;
    } else {
      if (dosc_shipped_in(param)) read_bytes += bytes;
      task->replicated[i] = mark > 0 ? 2 : 0; /* 2: to keep once received */
      if (mark == 0) own_bytes += (bytes + DOSC_GUARD_BYTES + 15) & ~15ll;
    }
  }
  /* The data its reads take, inline after the arguments when it is small, as rank 0 sends it
   * (remote.c, send_task), none at all included (a footprint of no elements has no data message
   * to wait for); else in data messages after this one, each checked as it comes. */
  int inline_data = read_bytes <= DOSC_INLINE_BYTES;
  size_t inline_bytes = inline_data ? (size_t)read_bytes : 0;
  if (payload_bytes != fixed + inline_bytes)
    dosc_remote_fail(0, "a task for '%s' of %zu bytes where its arguments and data take %zu",
                     site->task, payload_bytes, fixed + inline_bytes);
  dosc_data_stream in = {0, inline_data ? (unsigned char *)payload + fixed : NULL, inline_bytes};
  size_t small_used = 0;
  for (int i = 0; i < site->param_count; i++) {
    const dosc_remote_param *param = &site->params[i];
    const dosc_region *region = &task->regions[i];
    char *rebased = NULL;
    if (task->replicated[i] == 1) {
      rebased = task->buffers[i] - region->first * (long long)param->element_size;
    } else if (param->access != DOSC_ACCESS_NONE) {
      size_t bytes = (size_t)region->count * param->element_size;
      /* Each buffer has a guard after it (check_guards). */
      size_t guarded = bytes + DOSC_GUARD_BYTES;
      char *buffer;
      if (task->replicated[i] == 0 && own_bytes <= DOSC_RECORD_FOOTPRINT_BYTES) {
        buffer = (char *)task->small + small_used;
        small_used += (guarded + 15) & ~(size_t)15;
      } else {
        buffer = dosc_footprint_buffer(guarded); /* large: on huge pages */
      }
      if (buffer == NULL)
        dosc_remote_fail(0, "a footprint of %zu bytes this rank has no memory for", bytes);
      if (has_guard()) set_guard((unsigned char *)buffer + bytes);
      task->buffers[i] = buffer;
      /* A dense `out` footprint is not sent: the task stores all of it. */
      size_t arriving = dosc_shipped_in(param) ? dosc_receive_data(&in, buffer, bytes) : bytes;
      if (arriving != bytes)
        dosc_remote_fail(0, "%zu bytes for '%s' parameter %d where %zu were due", arriving,
                         site->task, i + 1, bytes);
      if (dosc_shipped_in(param)) serve.bytes_received += (long long)bytes;
      if (task->replicated[i] == 2) {
        kept_replica *r = malloc(sizeof *r);
        if (r == NULL) dosc_remote_fail(0, "a replica this rank has no memory for");
        int64_t mark;
        memcpy(&mark, marks + sizeof mark * (size_t)i, sizeof mark);
        *r = (kept_replica){serve.replicas, mark, (long long)bytes, buffer};
        serve.replicas = r;
        task->replicated[i] = 1;
      }
      /* p[first] is the first element shipped: a stencil's in[lo - 1] works. */
      rebased = buffer - region->first * (long long)param->element_size;
    }
    memcpy(field_address(task->args, param->offset), &rebased, sizeof rebased);
  }
  if (site->result_offset >= 0) {
    void *result = task->result;
    if (site->result_size > sizeof task->result) {
      result = task->big_result = malloc(site->result_size);
      if (result == NULL) dosc_remote_fail(0, "a result this rank has no memory for");
    }
    memcpy(field_address(task->args, (size_t)site->result_offset), &result, sizeof result);
  }
  return task;
}

/* Whether this rank's results reach rank 0 in the order its tasks came: with one thread the
 * thread that receives them (serving alone or not) runs every task as it arrives and sends its
 * RESULT at once; with more, a later task may end first and
 * its RESULT overtake an earlier one's. What the WANT promises and what allows a short RESULT. */
static int results_in_order(void) {
  return dosc_remote.threads == 1;
}

/* The bytes of the task's RESULT in the short form (remote_protocol.h, DOSC_SHORT_RESULT_BYTES)
 * and their count, or NULL where it has none: only where results come in order, which is what
 * lets rank 0 match a RESULT that carries no task number. */
static const void *short_result(const received_task *task, size_t *bytes) {
  if (!results_in_order()) return NULL;
  const dosc_remote_site *site = task->site;
  int part = dosc_short_result_part(site);
  const void *data = NULL;
  *bytes = 0;
  if (part == DOSC_SHORT_IS_RESULT) {
    *bytes = site->result_size;
    data = task->big_result != NULL ? task->big_result : (const void *)task->result;
  } else if (part >= 0 && task->backs[part].form == DOSC_BACK_WHOLE) {
    data = written_part(task, part, bytes);
  }
  return data != NULL && *bytes > 0 && *bytes <= DOSC_SHORT_RESULT_BYTES ? data : NULL;
}

/* The RESULT in its long form: the result's bytes, every written parameter's write-back form,
 * then what changed (inline, or data messages after it). */
static void send_long_result(received_task *task, long long shipped) {
  dosc_remote_site *site = task->site;
  uint32_t result_bytes = site->result_offset >= 0 ? (uint32_t)site->result_size : 0;
  size_t backs_bytes = sizeof(dosc_write_back) * (size_t)site->param_count;
  int inline_data = shipped <= DOSC_INLINE_BYTES;
  size_t size = result_bytes + backs_bytes + (inline_data ? (size_t)shipped : 0);
  /* Built in the message itself, which the send then owns. */
  unsigned char *message = dosc_control_message(size);
  unsigned char *payload = message + sizeof(dosc_message_header);
  const void *result = task->big_result != NULL ? task->big_result : (const void *)task->result;
  if (result_bytes > 0) memcpy(payload, result, result_bytes);
  memcpy(payload + result_bytes, task->backs, backs_bytes);
  /* Inline data goes into the payload before it is sent; data messages after it. */
  dosc_data_stream out = {0, inline_data ? payload + result_bytes + backs_bytes : NULL, 0};
  if (!inline_data)
    dosc_remote_send_message(0, DOSC_MSG_RESULT, task->number, site->wire_id, message, size);
  for (int i = 0; i < site->param_count; i++) {
    const dosc_write_back *back = &task->backs[i];
    /* A data message owns what it sends; inline data is copied into the
     * message and freed below, once the message is on its way. */
    if (back->form == DOSC_BACK_WHOLE) {
      /* Every element changed: straight from the footprint. */
      size_t bytes;
      const unsigned char *written = written_part(task, i, &bytes);
      dosc_send_data(&out, written, back->bytes, inline_data ? NULL : task->buffers[i]);
      if (!inline_data) task->buffers[i] = NULL; /* goes with the send */
    } else if (back->form != DOSC_BACK_NONE) {
      dosc_send_data(&out, task->encodings[i], back->bytes,
                     inline_data ? NULL : task->encodings[i]);
      if (!inline_data) task->encodings[i] = NULL;
    }
  }
  if (inline_data)
    dosc_remote_send_message(0, DOSC_MSG_RESULT, task->number, site->wire_id, message, size);
}

static void send_result(received_task *task) {
  dosc_remote_site *site = task->site;
  long long shipped = 0;
  for (int i = 0; i < site->param_count; i++)
    shipped += (long long)task->backs[i].bytes;
  size_t short_bytes;
  const void *short_data = short_result(task, &short_bytes);
  if (short_data != NULL)
    dosc_remote_send(0, DOSC_TAG_CONTROL, short_data, short_bytes, NULL);
  else
    send_long_result(task, shipped);
  /* Each free only where there is something to free: a small task has nothing but its record,
   * and a call to free(NULL) costs it ~10 instructions. */
  for (int i = 0; i < site->param_count; i++) {
    if (task->buffers[i] != NULL && !task->replicated[i] && !in_record(task, task->buffers[i]))
      dosc_footprint_buffer_free(task->buffers[i]);
    if (task->encodings[i] != NULL) free(task->encodings[i]);
  }
  serve.bytes_sent += shipped;
  if (task->big_result != NULL) free(task->big_result);
  /* The record and its arrays (receive_task): kept for the next task if
   * larger than the one kept. */
  if (serve.spare == NULL || serve.spare->block_size < task->block_size) {
    if (serve.spare != NULL) free(serve.spare);
    serve.spare = task;
  } else {
    free(task);
  }
}

void dosc_serve_communicate(void) {
  dosc_idle idle = {0};
  /* acquire: pairs with the release store in dosc_serve_run. */
  while (!atomic_load_explicit(&serve.units_ready, memory_order_acquire))
    dosc_remote_idle(&idle);
  int decided = 0, stopping = 0, in_flight = 0;
  int reached = 0; /* REACHED sent: once per run, at the first task */
  dosc_remote_active(&idle);
  for (;;) {
    int active = dosc_remote_progress_any_sends();
    int source;
    size_t bytes;
    const unsigned char *message;
    /* With one worker (this thread) and nothing in flight, it only waits
     * for the next message. */
    int polls = dosc_remote.threads == 1 && dosc_remote.sends == NULL && in_flight == 0
                    ? DOSC_QUICK_POLLS
                    : 1;
    while ((message = dosc_next_control(&source, &bytes, polls)) != NULL) {
      active = 1;
      dosc_message_header header;
      check_control(source, message, bytes, &header);
      const unsigned char *payload = message + sizeof header;
      size_t payload_bytes = bytes - sizeof header;
      if (!decided) {
        if (header.type != DOSC_MSG_DECISIONS)
          dosc_remote_fail(0, "a message of type %u before the decisions", header.type);
        apply_decisions(&header, payload, payload_bytes);
        decided = 1;
        /* release: the states written above are read by the pool's workers
         * after the acquire in dosc_serve_run. */
        atomic_store_explicit(&serve.decisions_ready, 1, memory_order_release);
        /* One per thread, each naming the threads; rank 0 sends one task more only behind
         * quick ones (remote.c, next_rank) and counts it by them. The pool's threads, not
         * those asked for: under ulimit -v it may start fewer (pool.c). */
        int threads = dosc_pool_threads();
        for (int slot = 0; slot < threads; slot++)
          dosc_remote_send_control(
              0, DOSC_MSG_WANT, (uint64_t)threads | (results_in_order() ? DOSC_WANT_IN_ORDER : 0),
              -1, NULL, 0);
      } else if ((header.type == DOSC_MSG_TASK || header.type == DOSC_MSG_TASK_MARKED) &&
                 !stopping) {
        received_task *task = receive_task(&header, payload, payload_bytes);
        if (!reached) {
          /* Before the first task runs, not after (its RESULT): the trace's first contact
           * (remote.c, rank_reached) ends when every rank has its first task, however long
           * that task runs. One message a run. */
          dosc_remote_send_control(0, DOSC_MSG_REACHED, 0, -1, NULL, 0);
          reached = 1;
        }
        in_flight++;
        if (dosc_remote.threads == 1) {
          /* One worker: this thread runs the task itself and ships the
           * result at once, two thread hand-offs fewer per task. */
          execute(task);
          send_result(task);
          in_flight--;
        } else {
          dosc_fifo_push(&serve.inbox, task);
          dosc_pool_wake(); /* the first worker free takes it */
        }
      } else if (header.type == DOSC_MSG_RELEASE) {
        kept_replica **link = &serve.replicas;
        while (*link != NULL && (*link)->id != (int64_t)header.task)
          link = &(*link)->next;
        if (*link == NULL)
          dosc_remote_fail(0, "a release of replica %llu, which this rank does not hold",
                           (unsigned long long)header.task);
        kept_replica *r = *link;
        *link = r->next;
        dosc_footprint_buffer_free(r->buffer);
        free(r);
      } else if (header.type == DOSC_MSG_STOP) {
        stopping = 1;
      } else {
        dosc_remote_fail(0, "a message of type %u, which a serving rank never receives",
                         header.type);
      }
    }
    received_task *done = NULL;
    if (dosc_remote.threads > 1) { /* with one, nothing goes through the outbox */
      pthread_mutex_lock(&serve.lock);
      done = serve.outbox;
      serve.outbox = NULL;
      pthread_mutex_unlock(&serve.lock);
    }
    while (done != NULL) {
      received_task *next = done->next;
      send_result(done);
      in_flight--; /* rank 0 counts the RESULT as a WANT for the thread it frees */
      done = next;
      active = 1;
    }
    if (stopping && in_flight == 0) {
      dosc_wire_counters counters = {(uint64_t)atomic_load(&serve.tasks_run),
                                     (uint64_t)serve.bytes_received,
                                     (uint64_t)serve.bytes_sent,
                                     dosc_pool_threads(),
                                     dosc_remote.thread_level,
                                     (uint64_t)atomic_load(&serve.busy_ns),
                                     ""};
      dosc_remote_host_name(counters.host, sizeof counters.host);
      dosc_remote_send_control(0, DOSC_MSG_STOPPED, 0, -1, &counters, sizeof counters);
      dosc_remote_flush_sends();
      return;
    }
    if (active)
      dosc_remote_active(&idle);
    else
      dosc_remote_idle(&idle);
  }
}

/* ---- the starting thread and the pool ---------------------------------------------- */

/* The written footprint of parameter i inside the task's buffer, and its bytes. */
static unsigned char *written_part(const received_task *task, int i, size_t *bytes) {
  const dosc_remote_param *param = &task->site->params[i];
  const dosc_region *region = &task->regions[i];
  *bytes = (size_t)region->write_count * param->element_size;
  return (unsigned char *)task->buffers[i] +
         (region->write_first - region->first) * (long long)param->element_size;
}

/* A task that stored past the end of a footprint buffer (a figure smaller
 * than what it touches) changed the guard after it: this rank says so and
 * ends, instead of shipping a wrong answer or crashing later on a broken
 * heap. (A store further on, or below the buffer, is not seen here; it may
 * fault, which crash_report.h turns into the same kind of end.) */
static void check_guards(const received_task *task) {
  const dosc_remote_site *site = task->site;
  for (int i = 0; i < site->param_count; i++) {
    if (task->buffers[i] == NULL || !has_guard()) continue; /* a replica is not */
    size_t bytes = (size_t)task->regions[i].count * site->params[i].element_size;
    if (!guard_intact((const unsigned char *)task->buffers[i] + bytes)) {
      char line[512];
      snprintf(line, sizeof line,
               "dosc: rank %d: error: task '%s' stored past the %zu bytes of its parameter %d "
               "shipped from rank 0: its footprints are smaller than what it touches; ending "
               "the job\n",
               dosc_remote.rank, site->task, bytes, i + 1);
      dosc_crash_report_fatal(line);
    }
  }
}

/* A worker cannot call MPI (remote_transport.h): this rank ends, and mpirun
 * ends the job with it. */
static _Noreturn void worker_out_of_memory(size_t bytes) {
  fprintf(stderr, "dosc: rank %d: error: out of memory (%zu bytes); ending the job\n",
          dosc_remote.rank, bytes);
  fflush(stderr);
  abort();
}

/* Twins of at most this many bytes in all are taken on the stack: a small
 * task pays no allocation for them. */
#ifndef DOSC_STACK_TWIN_BYTES
#define DOSC_STACK_TWIN_BYTES 1024
#endif

/* Runs a received task and encodes what it changed (a pool worker, or the
 * communication thread when this rank has one worker). */
static void execute(received_task *task) {
  dosc_remote_site *site = task->site;
  /* Twins of the written footprints, taken here on the worker, not on the
   * communication thread: what the task did not change does not go back. */
  unsigned char *twins[site->param_count > 0 ? site->param_count : 1];
  unsigned char
      allocated[site->param_count > 0 ? site->param_count : 1]; /* 1: twins[i] is malloc'd */
  _Alignas(16) unsigned char stack_twins[DOSC_STACK_TWIN_BYTES];
  size_t stack_used = 0;
  for (int i = 0; i < site->param_count; i++) {
    twins[i] = NULL;
    allocated[i] = 0;
    if (!(site->params[i].access & DOSC_ACCESS_WRITE)) continue; /* no buffer to look at */
    if (site->params[i].write_dense) continue; /* all of it changes: no twin (below) */
    size_t bytes;
    const unsigned char *written = written_part(task, i, &bytes);
    if (bytes == 0) continue;
    if (bytes <= sizeof stack_twins - stack_used) {
      twins[i] = stack_twins + stack_used;
      stack_used += bytes;
    } else if ((twins[i] = malloc(bytes)) == NULL) {
      worker_out_of_memory(bytes);
    } else {
      allocated[i] = 1;
    }
    memcpy(twins[i], written, bytes);
  }
  long long started = serve.clock_busy ? dosc_remote_now_ns() : 0;
  dosc_crash_report_running(site->task);
  site->thunk(task->args);
  dosc_crash_report_running(NULL);
  check_guards(task);
  if (serve.clock_busy)
    atomic_fetch_add_explicit(&serve.busy_ns, dosc_remote_now_ns() - started, memory_order_relaxed);
  for (int i = 0; i < site->param_count; i++) {
    if ((site->params[i].access & DOSC_ACCESS_WRITE) && site->params[i].write_dense) {
      /* The task stored every element (write_dense): all of it goes back, with no compare. */
      size_t bytes;
      written_part(task, i, &bytes);
      task->backs[i] = (dosc_write_back){bytes > 0 ? DOSC_BACK_WHOLE : DOSC_BACK_NONE, 0, bytes};
      continue;
    }
    if (twins[i] == NULL) continue;
    size_t bytes;
    const unsigned char *written = written_part(task, i, &bytes);
    int no_memory;
    task->encodings[i] = dosc_write_back_encode(written, twins[i], bytes, site->params[i].granule,
                                                &task->backs[i], &no_memory);
    if (no_memory) worker_out_of_memory(bytes);
    if (allocated[i]) free(twins[i]);
  }
  if (dosc_remote.threads == 1) /* only this thread counts: no locked instruction */
    atomic_store_explicit(&serve.tasks_run,
                          atomic_load_explicit(&serve.tasks_run, memory_order_relaxed) + 1,
                          memory_order_relaxed);
  else
    atomic_fetch_add_explicit(&serve.tasks_run, 1, memory_order_relaxed);
}

/* A task on this rank's pool: runs it and hands it to the communication
 * thread, which ships the result. */
static void run_received(void *pointer) {
  received_task *task = *(received_task **)pointer;
  execute(task);
  pthread_mutex_lock(&serve.lock);
  task->next = serve.outbox;
  serve.outbox = task;
  pthread_mutex_unlock(&serve.lock);
}

void dosc_serve_run(const dosc_program_info *const *units, int count) {
  serve.units = units;
  serve.unit_count = count;
  if (dosc_remote.serves_alone) {
    atomic_store_explicit(&serve.units_ready, 1, memory_order_relaxed);
    /* Each task runs at the depth of a received task on the pool (pool.c, take_received): what
     * it spawns meets the sites' depth cut-offs as on a rank of more threads. */
    dosc_current_depth = 1;
    dosc_serve_communicate();
    dosc_remote_end_mpi();
    fflush(NULL);
    exit(0);
  }
  /* Received tasks go to whichever worker is free first, never to this one alone: fed by
   * this thread, a task that came while it ran a long one waited for that to end while the
   * other workers idled. */
  dosc_frame_init(&serve.frame);
  if (dosc_remote.threads > 1) dosc_pool_serve(&serve.inbox, &serve.frame, run_received);
  atomic_store_explicit(&serve.units_ready, 1, memory_order_release);
  dosc_idle idle = {0};
  while (!atomic_load_explicit(&serve.decisions_ready, memory_order_acquire) &&
         !atomic_load_explicit(&dosc_remote.comm_done, memory_order_acquire))
    dosc_remote_idle(&idle);
  if (dosc_remote.threads == 1) {
    /* The communication thread runs every task (dosc_serve_communicate). */
    pthread_join(dosc_remote.comm_thread, NULL);
    fflush(NULL);
    exit(0);
  }
  dosc_remote_active(&idle);
  for (;;) {
    if (dosc_pool_help_once()) { /* a received task (the inbox) or a task of one */
      dosc_remote_active(&idle);
    } else if (atomic_load_explicit(&dosc_remote.comm_done, memory_order_acquire)) {
      break;
    } else {
      dosc_remote_idle(&idle);
    }
  }
  dosc_taskwait(&serve.frame);
  pthread_join(dosc_remote.comm_thread, NULL);
  fflush(NULL);
  exit(0);
}
