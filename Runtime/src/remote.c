/* remote.c - the remote binding: start-up under mpirun, rank 0's side.
 *
 * Under mpirun with two or more ranks every rank runs the same program.
 * dosc_start loads the MPI plugin that matches the launcher (mpi_launcher.c)
 * and starts one communication thread per rank, the only thread that calls
 * MPI (MPI_THREAD_SERIALIZED: workers never block in MPI, and one thread
 * needs no locks inside MPI); but a serving rank of one thread has none: its
 * only thread serves alone, at MPI_THREAD_SINGLE (dosc_remote_init). Rank 0 runs main;
 * the others serve tasks (serve.c) and never return from dosc_start.
 *
 * Rank 0: dosc_spawn_remote evaluates a task's footprints, copies its
 * argument struct into a record and appends it to a FIFO. Serving ranks pull:
 * each sends WANT for each of its threads, a RESULT frees one again, and the
 * communication thread (or a thread waiting at a taskwait) hands the oldest
 * queued task to a rank with a free thread - idle ranks ask, so uneven tasks
 * balance. A rank whose threads are all busy is sent one task more, to wait
 * there and save it the round trip of asking, only while every task it holds
 * is predicted quick (next_rank, dosc_send_ahead_work): a task never waits
 * behind a long one on a rank while another rank, or rank 0's pool, could
 * start it. With nothing queued, MPI free and such a rank, the spawner sends
 * its task itself (send_at_once). The footprints are
 * sent straight from the caller's memory; of a written footprint only what
 * the task changed comes back (write_back.h), received straight into the
 * caller's memory when it all changed, else stored run by run. Under auto, where rank 0's
 * workers add to those that run at once (dosc_rank_zero_shares), they take queued tasks too (a
 * ticket on the local pool claims the record first or finds it gone), so rank 0 works as well;
 * the thread waiting at a taskwait runs such tickets. Where the other ranks on rank 0's own host
 * already fill its cores, and under DOSC_BIND=remote, rank 0 only dispatches.
 */
#define _GNU_SOURCE
#include "remote.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "crash_report.h"
#include "fifo.h"
#include "footprint_buffer.h"
#include "footprint_read.h"
#include "mpi_launcher.h"
#include "pool.h"
#include "remote_internal.h"
#include "write_back.h"

DOSC_INTERNAL dosc_remote_state dosc_remote = {.rank = 0, .size = 1, .threads = 1};

/* ---- replicas (rank 0) ---------------------------------------------------------
 *
 * A read-only footprint that several sibling tasks read whole - matrix B of a
 * row-block multiply - goes to each rank once per epoch, not once per task.
 * A replica is keyed by (spawning frame, address, bytes); it lives until the
 * frame's taskwait (dosc_remote_epoch_end), so a caller that changes B and
 * spawns again gets a new replica, never a stale copy. It outlives a moment
 * when none of its readers is queued or running: a caller slower to spawn
 * than the ranks are to run (a loaded machine) would otherwise ship B again
 * within one epoch. Between the first spawn and the taskwait the caller may
 * not change B (SPEC: arguments stay valid and unchanged until the taskwait
 * that covers the task), and every function that spawns waits before it
 * returns, so the frame's address is not reused while its replicas live.
 * Which parameters qualify is the cost model's one rule, dosc_replicated
 * (dosc_policy.h), which `dosc explain` applies too: read only, the same
 * region for every sibling, and large enough to be worth looking up. */

typedef struct replica {
  struct replica *next;
  dosc_frame *frame;
  const char *address;
  long long bytes;
  int64_t id;
  int users;              /* tasks queued or running that read it; under queue.lock */
  unsigned char *sent_to; /* [size]: ranks holding it; under queue.lock */
} replica;

/* ---- one task on its way (rank 0) ------------------------------------------- */

typedef struct remote_task {
  struct remote_task *next; /* in the queue, then in the in-flight list */
  dosc_frame *frame;
  dosc_remote_site *site;
  int quick;          /* predicted to take at most queue.quick_work operations */
  int spawn_depth;    /* the spawner's dosc_current_depth (run_ticket) */
  atomic_int claimed; /* 0 until the ticket or the communication thread takes it */
  atomic_int refs;    /* holders: the queue, the ticket */
  uint64_t number;
  int rank;
  long long bytes_in, bytes_out;
  dosc_region *regions; /* site->param_count */
  replica **replicas;   /* site->param_count: the parameter's replica or NULL */
  int replicated;       /* how many of them are not NULL (0: no lock to take for them) */
  void *args;           /* the spawn's argument struct, pointers intact */
  size_t block_size;    /* bytes of the one allocation holding all of it (task_new) */
} remote_task;

/* The tasks a serving rank holds: sent to it, their results not yet back. */
typedef struct rank_tasks {
  int tasks;
  int slow; /* of them, those not predicted quick: none may be sent ahead to wait behind them */
} rank_tasks;

static struct {
  pthread_mutex_t lock;   /* replicas, decisions */
  dosc_fifo waiting;      /* tasks no rank has taken yet, oldest first */
  remote_task *in_flight; /* under mpi_lock */
  uint64_t next_number;   /* under mpi_lock: numbered as sent */
  /* rank 0's workers run queued tasks too: under auto, where they add to the workers that run
   * at once (dosc_rank_zero_shares), set once before main runs */
  int shared;
  /* rank 0 shares and this host's ranks' workers and the communication thread outnumber its
   * cores (dosc_remote_rank_zero_works): that thread sleeps when quiet, never yields
   * (coordinate); atomic: set after that thread starts */
  atomic_int crowded;
  int all_reached;              /* every serving rank has sent REACHED (the trace's contact) */
  unsigned char *reached;       /* [size]: under mpi_lock */
  int reached_count;            /* under mpi_lock */
  long long all_reached_ns;     /* when all_reached was set, for the trace; under mpi_lock */
  int *wants;                   /* [size]: free threads each rank has (next_rank); under mpi_lock */
  unsigned char *in_order;      /* [size]: the rank returns results in order (its WANT); under
                                   mpi_lock */
  long long short_results;      /* RESULTs that came in the short form; under mpi_lock */
  int stopped_ranks;            /* under mpi_lock */
  dosc_wire_counters *counters; /* [size]: what each rank reported at STOPPED */
  /* Sending ahead (next_rank), under mpi_lock. wants[rank] is the rank's free threads (its
   * WANTs and RESULTs) less the tasks sent to it: -1 when all are busy and one task waits. */
  rank_tasks *held;     /* [size]: what each rank holds */
  long long quick_work; /* a task predicted at most this much work is quick; -1: none is */
  long long sent_ahead; /* tasks sent to a rank whose threads were all busy */
  int *threads;         /* [size]: each serving rank's threads, as its WANTs say */
  /* rank 0's counters; atomics: spawns and tickets run on any worker */
  atomic_llong run_here, kept;
  /* under mpi_lock (read at exit, after the communication thread ended):
   * plain, as a lock-prefixed add costs every task a few ns more */
  long long sent, bytes_sent, bytes_received, bytes_saved;
  atomic_llong kept_overlap, kept_figures, kept_size;
  /* Every site's state, handed from dosc_remote_publish to the
   * communication thread (under lock), sent once to every rank. */
  dosc_wire_state *decisions;
  int decision_total;
  int decisions_sent;
  replica *replicas;       /* live replicas, under lock */
  replica *released;       /* no longer used: the communication thread tells their holders */
  atomic_int any_released; /* 1 when `released` may be non-empty: looked at without the lock */
  int64_t next_replica;
  int replicate;          /* DOSC_REPLICATE=0 turns replication off (benchmarks) */
  atomic_llong busy_ns;   /* running remote-bound tasks here (tickets) */
  int stopping, finished; /* the STOP round; under mpi_lock */
  long long started_ns;   /* when MPI started, for the busy fractions */
  atomic_llong helped_ns; /* when a thread at a taskwait last polled MPI (dosc_remote_help) */
} queue = {.lock = PTHREAD_MUTEX_INITIALIZER, .waiting = DOSC_FIFO_INIT, .quick_work = -1};

/* The record of the last task completed, kept for the next spawn: no
 * malloc at a spawn nor free at its result (an empty task's round trip pays
 * both on its way). Two places: one under mpi_lock, where a spawner that
 * sends its task at once and the poller that takes its result both hold
 * that lock anyway, so keeping and taking it costs no locked instruction
 * (an exchange and a compare-exchange were on every round trip); and one
 * for any thread without the lock, exchanged whole, so never used twice. */
static remote_task *spare_locked; /* under mpi_lock */
static _Atomic(remote_task *) spare_task;

/* A record of at least `bytes` bytes, or NULL. `locked`: the caller holds mpi_lock. */
static remote_task *task_new(size_t bytes, int locked) {
  if (locked && spare_locked != NULL && spare_locked->block_size >= bytes) {
    remote_task *task = spare_locked;
    spare_locked = NULL;
    return task;
  }
  /* acquire: pairs with the release in task_free; the record's last
   * writes come before its reuse. */
  remote_task *task = atomic_exchange_explicit(&spare_task, NULL, memory_order_acquire);
  if (task != NULL && task->block_size >= bytes) return task;
  free(task);
  if ((task = malloc(bytes)) != NULL) task->block_size = bytes;
  return task;
}

static void task_free(remote_task *task, int locked) {
  if (locked && spare_locked == NULL) {
    spare_locked = task;
    return;
  }
  remote_task *none = NULL;
  /* release: pairs with the acquire in task_new. */
  if (!atomic_compare_exchange_strong_explicit(&spare_task, &none, task, memory_order_release,
                                               memory_order_relaxed))
    free(task);
}

static void task_release(remote_task *task, int locked) {
  /* One holder left, this one: nobody else changes refs, so no locked
   * instruction (a task sent at once has one holder from the start).
   * acquire / acq_rel: the last holder frees; it must see the other
   * holder's writes. */
  if (atomic_load_explicit(&task->refs, memory_order_acquire) == 1 ||
      atomic_fetch_sub_explicit(&task->refs, 1, memory_order_acq_rel) == 1)
    task_free(task, locked);
}

/* Drops the task's uses of its replicas; the frame's taskwait frees them
 * (dosc_remote_epoch_end). Any thread. */
static void release_replicas(remote_task *task) {
  if (task->replicated == 0) return;
  pthread_mutex_lock(&queue.lock);
  for (int i = 0; i < task->site->param_count; i++)
    if (task->replicas[i] != NULL) task->replicas[i]->users--;
  pthread_mutex_unlock(&queue.lock);
}

/* Live replicas made on this thread, for dosc_taskwait's fast path: while
 * none lives, a taskwait with no child outstanding has no epoch to end. A
 * frame's spawns and its taskwait run on one thread (a task never moves). */
DOSC_API DOSC_TLS_MODEL _Thread_local int dosc_replicas_here;

void dosc_remote_epoch_end(dosc_frame *frame) {
  pthread_mutex_lock(&queue.lock);
  replica **link = &queue.replicas;
  while (*link != NULL) {
    replica *r = *link;
    /* users > 0 cannot happen after the frame's taskwait (every task
     * releases its replicas before it counts as complete); kept if it did. */
    if (r->frame != frame || r->users > 0) {
      link = &r->next;
      continue;
    }
    *link = r->next;
    r->next = queue.released;
    queue.released = r;
    dosc_replicas_here--;
    atomic_store_explicit(&queue.any_released, 1, memory_order_relaxed);
  }
  pthread_mutex_unlock(&queue.lock);
}

static void task_complete(remote_task *task, int locked) {
  release_replicas(task);
  dosc_frame *frame = task->frame;
  task_release(task, locked);
  /* release: pairs with the acquire load in dosc_taskwait; the task's
   * results (written into the caller's memory) are visible after it. seq_cst
   * for a waiter blocked at the taskwait (pool.h, dosc_pool_child_done). */
  if (atomic_fetch_sub_explicit(&frame->pending, 1, memory_order_seq_cst) == 1)
    dosc_pool_child_done();
}

/* ---- helpers shared with serve.c ------------------------------------------------ */

long long dosc_remote_now_ns(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

void dosc_remote_host_name(char *host, size_t size) {
  if (gethostname(host, size) != 0) snprintf(host, size, "?");
  host[size - 1] = '\0';
}

/* How long an idle loop keeps polling (yielding the CPU between polls)
 * before it sleeps: the next task or result usually comes within it, and a
 * sleeping poller adds its sleep to every round trip. */
#ifndef DOSC_REMOTE_YIELD_NS
#define DOSC_REMOTE_YIELD_NS 10000000
#endif

/* How long a poller spins without giving up its CPU after it last sent or
 * received: an empty task's round trip is ~1 us, so the answer is usually
 * there well within it. Not longer: when the two ends share a core (more
 * spinning threads than cores, as on a loaded machine), the other end runs
 * only once this one yields, and every microsecond spun here is added to
 * each message (a 100 us window made the round trip ~130 us on one core). */
#ifndef DOSC_REMOTE_SPIN_NS
#define DOSC_REMOTE_SPIN_NS 2000
#endif

int dosc_remote_spinning(dosc_idle *idle) {
  /* The clock is read at every 8th quiet poll only: a read costs ~50 ns on a
   * VM, as much as the poll itself, and would delay noticing each message. */
  if (idle->since_ns != 0 && idle->unread > 0) {
    idle->unread--;
    return 1;
  }
  idle->now_ns = dosc_remote_now_ns();
  if (idle->since_ns == 0) idle->since_ns = idle->now_ns;
  if (idle->now_ns - idle->since_ns >= DOSC_REMOTE_SPIN_NS) return 0;
  idle->unread = 7;
  return 1;
}

/* dosc_remote_idle, yielding for `yield_ns` of quiet before it sleeps. */
static void idle_yielding_for(dosc_idle *idle, long long yield_ns) {
  /* Spinning, it polls again at once, as MPI's own blocking loops do: a
   * pause costs ~60 ns on AMD Zen, added to a message that comes meanwhile. */
  if (dosc_remote_spinning(idle)) return;
  long long quiet_ns = idle->now_ns - idle->since_ns;
  if (quiet_ns < yield_ns) {
    sched_yield(); /* another thread that wants this CPU gets it */
  } else {
    long long sleep_ns = quiet_ns / 8 < 1000000 ? quiet_ns / 8 : 1000000;
    struct timespec pause = {0, sleep_ns};
    nanosleep(&pause, NULL);
  }
}

void dosc_remote_idle(dosc_idle *idle) {
  idle_yielding_for(idle, DOSC_REMOTE_YIELD_NS);
}

void dosc_remote_fail(int source, const char *format, ...) {
  char text[512];
  va_list args;
  va_start(args, format);
  vsnprintf(text, sizeof text, format, args);
  va_end(args);
  fprintf(stderr, "dosc: rank %d: error: bad message from rank %d: %s; ending the job\n",
          dosc_remote.rank, source, text);
  fflush(stderr);
  dosc_remote.mpi->abort(70);
  abort(); /* MPI_Abort does not return; this keeps _Noreturn honest */
}

/* Small control messages are built here while it is free (the last one
 * sent from it has completed, as a small message does at once): no malloc
 * before each MPI_Isend and no free after. Communication thread only (on
 * rank 0 under mpi_lock). */
#ifndef DOSC_SCRATCH_MESSAGE_BYTES
#define DOSC_SCRATCH_MESSAGE_BYTES 2048
#endif
static struct {
  _Alignas(16) unsigned char bytes[DOSC_SCRATCH_MESSAGE_BYTES];
  int busy; /* built or in flight */
} scratch;

/* What a completed send owned: the scratch message is free again, anything
 * else is freed (a serving rank's footprint buffer among them). */
static void release_owned(void *owned) {
  if (owned == scratch.bytes)
    scratch.busy = 0;
  else
    dosc_footprint_buffer_free(owned);
}

/* Records of sends in flight that have completed, kept for the next sends:
 * no malloc per message. Communication thread only (on rank 0 under
 * mpi_lock); freed by dosc_remote_free_send_records. */
static dosc_pending_send *spare_sends;

/* Messages of at most this many bytes (an empty task's TASK and RESULT, a
 * WANT) are sent with MPI_Send: as costly as MPI_Isend (callgrind, Open MPI
 * 4.1, 56 bytes: 554 and 562 instructions) but complete when it returns, so
 * no test (83 more) and no record of a send in flight. Small enough to be
 * below every MPI's eager limit (Open MPI's shared memory 4 KiB, TCP 64 KiB;
 * MPICH's 64 KiB and more): such a send returns once its bytes are copied
 * out, whatever the receiver does, so two ranks sending to each other at
 * once never wait on each other. */
#ifndef DOSC_BLOCKING_SEND_BYTES
#define DOSC_BLOCKING_SEND_BYTES 256
#endif
_Static_assert(DOSC_BLOCKING_SEND_BYTES <= 1024,
               "DOSC_BLOCKING_SEND_BYTES must stay far below eager limits");

void dosc_remote_send(int destination, int tag, const void *buffer, size_t bytes, void *owned) {
  if (bytes <= DOSC_BLOCKING_SEND_BYTES) {
    if (dosc_remote.mpi->send(buffer, bytes, destination, tag) != 0) {
      fprintf(stderr, "dosc: rank %d: error: cannot send %zu bytes to rank %d; ending the job\n",
              dosc_remote.rank, bytes, destination);
      dosc_remote.mpi->abort(71);
    }
    release_owned(owned);
    return;
  }
  void *request;
  if (dosc_remote.mpi->isend(buffer, bytes, destination, tag, &request) != 0) {
    fprintf(stderr, "dosc: rank %d: error: cannot send %zu bytes to rank %d; ending the job\n",
            dosc_remote.rank, bytes, destination);
    dosc_remote.mpi->abort(71);
  }
  /* Not tested here: the test that completes it is made at the next poll,
   * while the answer is on its way, not between this send and the sender's
   * next step. */
  dosc_pending_send *send = spare_sends;
  if (send != NULL) {
    spare_sends = send->next;
  } else if ((send = malloc(sizeof *send)) == NULL) {
    fprintf(stderr, "dosc: rank %d: error: out of memory; ending the job\n", dosc_remote.rank);
    dosc_remote.mpi->abort(71);
    abort(); /* MPI_Abort does not return; saying so keeps the compiler off a NULL record */
  }
  send->request = request;
  send->owned = owned;
  send->next = dosc_remote.sends;
  dosc_remote.sends = send;
}

void dosc_remote_free_send_records(void) {
  while (spare_sends != NULL) {
    dosc_pending_send *next = spare_sends->next;
    free(spare_sends);
    spare_sends = next;
  }
}

unsigned char *dosc_control_message(size_t payload_bytes) {
  /* The last message built here may be sent but not yet tested (several
   * messages in one round): a test frees it. */
  if (scratch.busy) dosc_remote_progress_any_sends();
  if (!scratch.busy && payload_bytes <= sizeof scratch.bytes - sizeof(dosc_message_header)) {
    scratch.busy = 1;
    return scratch.bytes;
  }
  unsigned char *message = malloc(sizeof(dosc_message_header) + payload_bytes);
  if (message == NULL) {
    fprintf(stderr, "dosc: rank %d: error: out of memory; ending the job\n", dosc_remote.rank);
    dosc_remote.mpi->abort(71);
    abort(); /* MPI_Abort does not return; saying so keeps the compiler off a NULL message */
  }
  return message;
}

void dosc_remote_send_message(int destination, uint16_t type, uint64_t task, int32_t site,
                              unsigned char *message, size_t payload_bytes) {
  dosc_message_header header = {DOSC_MESSAGE_MAGIC, type, site, task};
  memcpy(message, &header, sizeof header);
  dosc_remote_send(destination, DOSC_TAG_CONTROL, message, sizeof header + payload_bytes, message);
}

void dosc_remote_send_control(int destination, uint16_t type, uint64_t task, int32_t site,
                              const void *payload, size_t payload_bytes) {
  unsigned char *message = dosc_control_message(payload_bytes);
  if (payload_bytes > 0) memcpy(message + sizeof(dosc_message_header), payload, payload_bytes);
  dosc_remote_send_message(destination, type, task, site, message, payload_bytes);
}

void dosc_send_data_owned(dosc_data_stream *out, const void *buffer, size_t bytes, void *owned) {
  if (out->inline_data == NULL) {
    dosc_remote_send(out->rank, DOSC_TAG_DATA, buffer, bytes, owned);
    return;
  }
  dosc_copy_shipped(out->inline_data, buffer, bytes);
  out->inline_data += bytes;
  release_owned(owned);
}

size_t dosc_receive_data_message(dosc_data_stream *in, void *buffer, size_t bytes) {
  size_t arriving = 0;
  dosc_remote.mpi->probe(in->rank, DOSC_TAG_DATA, &arriving);
  if (arriving != bytes) return arriving;
  if (dosc_remote.mpi->recv(buffer, bytes, in->rank, DOSC_TAG_DATA) != 0)
    dosc_remote_fail(in->rank, "a failed receive");
  return bytes;
}

/* The receive of control messages, persistent (communication thread; on
 * rank 0 under mpi_lock). */
static struct {
  unsigned char *buffer; /* DOSC_MAX_CONTROL_BYTES */
  void *request;         /* NULL: not created yet */
  int started;           /* 0: to be started at the next call */
} control;

const unsigned char *dosc_next_control(int *source, size_t *bytes, int polls) {
  if (control.request == NULL) {
    if (control.buffer == NULL && (control.buffer = malloc(DOSC_MAX_CONTROL_BYTES)) == NULL)
      dosc_remote_fail(dosc_remote.rank, "no memory for control messages");
    if (dosc_remote.mpi->listen(control.buffer, DOSC_MAX_CONTROL_BYTES, DOSC_TAG_CONTROL,
                                &control.request) != 0)
      dosc_remote_fail(dosc_remote.rank, "a receive that could not be posted");
  }
  if (!control.started) {
    if (dosc_remote.mpi->post(control.request) != 0)
      dosc_remote_fail(dosc_remote.rank, "a receive that could not be posted");
    control.started = 1;
  }
  /* Several tests in a row, as a blocking receive polls: what else a poller
   * does between two tests (locks, the clock, its other queues) doubles the
   * time a message waits to be noticed. */
  while (!dosc_remote.mpi->arrived(control.request, source, bytes))
    if (--polls <= 0) return NULL;
  control.started = 0; /* started again at the next call: the buffer is the caller's until then */
  return control.buffer;
}

void dosc_cancel_control(void) {
  if (control.request != NULL) dosc_remote.mpi->cancel(control.request, control.started);
  control.request = NULL;
  control.started = 0;
  free(control.buffer);
  control.buffer = NULL;
}

int dosc_remote_progress_sends(void) {
  int completed = 0;
  dosc_pending_send **link = &dosc_remote.sends;
  while (*link != NULL) {
    dosc_pending_send *send = *link;
    if (dosc_remote.mpi->test(send->request)) {
      *link = send->next;
      release_owned(send->owned);
      send->next = spare_sends;
      spare_sends = send;
      completed = 1;
    } else {
      link = &send->next;
    }
  }
  return completed;
}

void dosc_remote_flush_sends(void) {
  dosc_idle idle = {0};
  while (dosc_remote.sends != NULL)
    if (!dosc_remote_progress_sends()) dosc_remote_idle(&idle);
}

/* ---- registration ----------------------------------------------------------------- */

void dosc_register_remote_sites(const dosc_program_info *unit, dosc_remote_site *const *sites) {
  if (unit == NULL || sites == NULL) return;
  if (dosc_remote.unit_count >= DOSC_MAX_REMOTE_UNITS ||
      unit->site_count >= (1 << DOSC_WIRE_SITE_BITS))
    return; /* its sites stay local */
  int index = dosc_remote.unit_count++;
  dosc_remote.units[index] = (dosc_remote_unit){unit, sites};
  for (int id = 0; id < unit->site_count; id++)
    if (sites[id] != NULL) sites[id]->wire_id = (index << DOSC_WIRE_SITE_BITS) | id;
}

int dosc_remote_site_available(const dosc_program_info *unit, int id) {
  for (int i = 0; i < dosc_remote.unit_count; i++)
    if (dosc_remote.units[i].unit == unit) return dosc_remote.units[i].sites[id] != NULL;
  return 0;
}

int dosc_remote_rank(void) {
  return dosc_remote.rank;
}
int dosc_remote_size(void) {
  return dosc_remote.size;
}
int dosc_remote_serving(void) {
  return dosc_remote.mpi != NULL && dosc_remote.rank != 0;
}

/* ---- spawning (rank 0, any worker) --------------------------------------------- */

static void *field_pointer(const void *args, size_t offset) {
  void *pointer;
  memcpy(&pointer, (const char *)args + offset, sizeof pointer);
  return pointer;
}

/* Why the task cannot go, or NULL. Sets the bytes it would move. */
static const char *check_task(dosc_remote_site *site, void *args, dosc_region *regions,
                              long long *bytes_in, long long *bytes_out, atomic_llong **counter) {
  *bytes_in = *bytes_out = 0;
  *counter = &queue.kept_figures;
  if (site->footprint(args, regions) != 0) return "a footprint did not evaluate";
  for (int i = 0; i < site->param_count; i++) {
    const dosc_remote_param *param = &site->params[i];
    const dosc_region *region = &regions[i];
    if (param->access == DOSC_ACCESS_NONE) continue;
    long long bytes = dosc_region_bytes(region->count, param->element_size);
    if (bytes < 0) return "a negative footprint";
    if (bytes > 0 && field_pointer(args, param->offset) == NULL) return "a null pointer";
    /* Only where this process cannot read without faulting (found once, at start-up): a call
     * per parameter that returns at once was on every spawn's way. */
    const char *unsafe = !dosc_remote.reads_without_faults && bytes > 0 && dosc_shipped_in(param)
                             ? dosc_footprint_unshippable(site, args, i)
                             : NULL;
    if (unsafe != NULL) return unsafe;
    /* Written footprints go in too (the serving rank compares against them),
     * but a dense `out` one, which the task stores whole. */
    /* Two footprints of 2^62 bytes (huge arguments; a task that returns before it touches
     * them) summed past LLONG_MAX to a negative total, under every limit: shipped, and rank 0
     * ran out of memory where the plain program returned. */
    if (dosc_shipped_in(param) && __builtin_add_overflow(*bytes_in, bytes, bytes_in)) {
      *counter = &queue.kept_size;
      return "footprints above the limit";
    }
    if (param->access & DOSC_ACCESS_WRITE) {
      long long written = dosc_region_bytes(region->write_count, param->element_size);
      if (written < 0 || region->write_first < region->first ||
          region->write_first + region->write_count > region->first + region->count)
        return "a written footprint outside the footprint";
      if (dosc_write_back_bound(written) > INT_MAX) return "footprints above the limit";
      *bytes_out += written; /* each below 2^31 (dosc_write_back_bound): no overflow */
    }
  }
  *counter = &queue.kept_size;
  if (*bytes_in > dosc_remote.max_bytes || *bytes_out > dosc_remote.max_bytes ||
      *bytes_in + *bytes_out > INT_MAX * 4LL)
    return "footprints above the limit";
  /* Two parameters whose footprints overlap, one of them written: shipping
   * them apart would lose one copy's writes. Kept local (never corrupted). */
  if (site->param_count < 2) return NULL;
  *counter = &queue.kept_overlap;
  for (int i = 0; i < site->param_count; i++) {
    const dosc_remote_param *a = &site->params[i];
    if (a->access == DOSC_ACCESS_NONE || regions[i].count == 0) continue;
    const char *a_lo = (const char *)field_pointer(args, a->offset) +
                       regions[i].first * (long long)a->element_size;
    const char *a_hi = a_lo + regions[i].count * (long long)a->element_size;
    for (int j = i + 1; j < site->param_count; j++) {
      const dosc_remote_param *b = &site->params[j];
      if (b->access == DOSC_ACCESS_NONE || regions[j].count == 0) continue;
      if (!((a->access | b->access) & DOSC_ACCESS_WRITE)) continue;
      const char *b_lo = (const char *)field_pointer(args, b->offset) +
                         regions[j].first * (long long)b->element_size;
      const char *b_hi = b_lo + regions[j].count * (long long)b->element_size;
      if (a_lo < b_hi && b_lo < a_hi) return "footprints that overlap";
    }
  }
  return NULL;
}

/* Whether parameter i of `task` is shipped as a replica (see above). */
static inline int wants_replica(const remote_task *task, int i) {
  const dosc_remote_param *param = &task->site->params[i];
  /* The parameters no region makes a replica (written, or a region per sibling) are told
   * apart before the size: a spawn pays no conversion for them. */
  if (param->access != DOSC_ACCESS_READ || !param->same_region || !queue.replicate) return 0;
  long long bytes = task->regions[i].count * (long long)param->element_size;
  return dosc_replicated(1, 1, (double)bytes);
}

/* Gives each read-only parameter of `task` its replica (see above). task->replicas is read only
 * where task->replicated > 0 (release_replicas, send_task): left unset when none is wanted, and
 * NULL for each parameter without one where some has one. */
static void find_replicas(dosc_frame *frame, remote_task *task) {
  dosc_remote_site *site = task->site;
  task->replicated = 0;
  for (int i = 0; i < site->param_count; i++)
    task->replicated += wants_replica(task, i);
  if (task->replicated == 0) return; /* the common case: no lock */
  task->replicated = 0;
  pthread_mutex_lock(&queue.lock);
  for (int i = 0; i < site->param_count; i++) {
    if (!wants_replica(task, i)) {
      task->replicas[i] = NULL; /* send_task reads it: a task record is reused */
      continue;
    }
    const dosc_remote_param *param = &site->params[i];
    long long bytes = task->regions[i].count * (long long)param->element_size;
    const char *address = (const char *)field_pointer(task->args, param->offset) +
                          task->regions[i].first * (long long)param->element_size;
    replica *r = queue.replicas;
    while (r != NULL && !(r->frame == frame && r->address == address && r->bytes == bytes))
      r = r->next;
    if (r == NULL && (r = calloc(1, sizeof *r)) != NULL &&
        (r->sent_to = calloc((size_t)dosc_remote.size, 1)) != NULL) {
      *r = (replica){queue.replicas, frame, address, bytes, ++queue.next_replica, 0, r->sent_to};
      queue.replicas = r;
      dosc_replicas_here++; /* the taskwait that ends r's epoch runs on this thread */
    } else if (r != NULL && r->sent_to == NULL) {
      free(r);
      r = NULL; /* out of memory: shipped with the task */
    }
    if (r != NULL) {
      r->users++;
      task->replicated++;
    }
    task->replicas[i] = r;
  }
  pthread_mutex_unlock(&queue.lock);
}

/* The ticket on rank 0's pool: runs the task here unless a rank took it. */
static void run_ticket(void *pointer) {
  remote_task *task = *(remote_task **)pointer;
  int expected = 0;
  if (atomic_compare_exchange_strong_explicit(&task->claimed, &expected, 1, memory_order_acq_rel,
                                              memory_order_relaxed)) {
    /* Clocked for the trace only: two clock reads cost a small task ~0.1 us. */
    long long started = dosc_remote.trace ? dosc_remote_now_ns() : 0;
    /* Spawned outside every task (depth 0: by a tree's root that main calls, as n-queens' is,
     * or by main itself), it runs at depth 2, where the children of a root main spawns as a
     * task run (fib's): the remote depth cut-off counts the levels of a tree from its root
     * either way (policy.c, "Which node ships"). At depth 1 its own spawns passed the cut-off
     * of 2 meant for the root's: 10-queens on 2 ranks shipped 67-74 grandchildren. */
    int depth = dosc_current_depth;
    if (task->spawn_depth == 0) dosc_current_depth = 2;
    task->site->thunk(task->args);
    dosc_current_depth = depth;
    if (dosc_remote.trace)
      atomic_fetch_add_explicit(&queue.busy_ns, dosc_remote_now_ns() - started,
                                memory_order_relaxed);
    atomic_fetch_add_explicit(&queue.run_here, 1, memory_order_relaxed);
    task_complete(task, 0);
  } else {
    task_release(task, 0);
  }
}

static int mpi_trylock(void);
static void mpi_unlock(void);
static int send_at_once(remote_task *task);

void dosc_spawn_remote(dosc_frame *frame, dosc_remote_site *site, void *args, long long work) {
  if (dosc_remote.mpi == NULL || dosc_remote.rank != 0 || dosc_remote.size < 2 ||
      atomic_load_explicit(&dosc_remote.stop, memory_order_relaxed)) {
    dosc_spawn(frame, site->thunk, args, site->args_size);
    return;
  }
  /* Taken first when free: the task is then sent at once (send_at_once)
   * and its record comes from the spare kept under the lock. */
  int locked = mpi_trylock();
  size_t regions_size = (sizeof(dosc_region) + sizeof(replica *)) *
                        (size_t)(site->param_count > 0 ? site->param_count : 1);
  remote_task *task = task_new(sizeof *task + regions_size + site->args_size + 16, locked);
  if (task == NULL) {
    if (locked) mpi_unlock();
    dosc_spawn(frame, site->thunk, args, site->args_size);
    return;
  }
  task->regions = (dosc_region *)(task + 1);
  task->replicas = (replica **)(task->regions + (site->param_count > 0 ? site->param_count : 1));
  task->args = (void *)(((uintptr_t)((char *)task->regions + regions_size) + 15) & ~(uintptr_t)15);
  memcpy(task->args, args, site->args_size);
  atomic_llong *counter;
  const char *why_not =
      check_task(site, task->args, task->regions, &task->bytes_in, &task->bytes_out, &counter);
  if (why_not != NULL) {
    task_free(task, locked);
    if (locked) mpi_unlock();
    atomic_fetch_add_explicit(counter, 1, memory_order_relaxed);
    atomic_fetch_add_explicit(&queue.kept, 1, memory_order_relaxed);
    dosc_spawn(frame, site->thunk, args, site->args_size);
    return;
  }
  task->next = NULL;
  task->frame = frame;
  task->site = site;
  task->quick = work >= 0 && work <= queue.quick_work;
  task->spawn_depth = dosc_current_depth;
  find_replicas(frame, task);
  /* relaxed: the waiting FIFO's mutex (or mpi_lock) publishes the task to
   * the thread that sends it; the decrement when it completes comes after. */
  atomic_fetch_add_explicit(&frame->pending, 1, memory_order_relaxed);
  atomic_init(&task->claimed, 1);
  atomic_init(&task->refs, 1);
  if (locked) {
    int sent = send_at_once(task);
    mpi_unlock();
    if (sent) return;
  }
  int ticket = queue.shared;
  atomic_store_explicit(&task->claimed, 0, memory_order_relaxed);
  atomic_store_explicit(&task->refs, ticket ? 2 : 1, memory_order_relaxed);
  dosc_fifo_push(&queue.waiting, task);
  if (ticket) dosc_spawn(frame, run_ticket, &task, sizeof task);
}

/* ---- rank 0's communication thread ----------------------------------------------- */

/* The rank the next task goes to, or 0 for none now: the one with the most free threads;
 * with none free, one whose threads all run tasks predicted quick and where none waits yet.
 * There the task is sent ahead: it waits at most what a quick task takes, and its rank does
 * not wait a round trip for it when a thread frees. Behind a task not predicted quick a task
 * is never sent: it stays here, for the first rank with a free thread or for rank 0's own
 * workers (tickets), rather than wait behind that task while one of them is idle (a serving
 * rank of 1 thread with threads + 1 slots held a second task behind a 430 ms first one while
 * the other rank idled). Under mpi_lock. */
static int next_rank(void) {
  int best = 0;
  for (int rank = 1; rank < dosc_remote.size; rank++)
    if (queue.wants[rank] > 0 && (best == 0 || queue.wants[rank] > queue.wants[best])) best = rank;
  for (int rank = 1; rank < dosc_remote.size && best == 0; rank++)
    if (queue.wants[rank] == 0 && queue.held[rank].tasks > 0 && queue.held[rank].slow == 0)
      best = rank;
  return best;
}

/* `rank` was sent `task` (send_task); under mpi_lock. */
static void rank_takes(int rank, const remote_task *task) {
  /* By its threads, not by wants[rank] <= 0: at start-up a rank's later WANTs may still be on
   * their way, and a task that its free thread takes was counted as sent ahead. */
  if (queue.held[rank].tasks >= queue.threads[rank]) queue.sent_ahead++;
  queue.wants[rank]--;
  queue.held[rank].tasks++;
  queue.held[rank].slow += !task->quick;
}

/* `rank` returned `task`'s result; under mpi_lock. */
static void rank_returns(int rank, const remote_task *task) {
  queue.wants[rank]++;
  queue.held[rank].tasks--;
  queue.held[rank].slow -= !task->quick;
}

/* The oldest queued task nobody has claimed, now claimed; NULL if none. */
static remote_task *claim_oldest(void) {
  for (;;) {
    remote_task *task = dosc_fifo_pop(&queue.waiting);
    if (task == NULL) return NULL;
    int expected = 0;
    if (atomic_compare_exchange_strong_explicit(&task->claimed, &expected, 1, memory_order_acq_rel,
                                                memory_order_relaxed))
      return task;
    task_release(task, 1); /* a ticket ran it here; under mpi_lock */
  }
}

static void send_task(int rank, remote_task *task) {
  dosc_remote_site *site = task->site;
  /* Per parameter: 0 ships its footprint with the task; id > 0 ships it and
   * asks the rank to keep it as replica id; -id uses the replica it holds.
   * Sent (as a TASK_MARKED) only when the task has replicas. */
  int64_t marks[site->param_count > 0 ? site->param_count : 1];
  size_t marks_size = task->replicated > 0 ? sizeof(int64_t) * (size_t)site->param_count : 0;
  size_t payload = site->args_size + marks_size;
  long long data_bytes = task->bytes_in;
  if (task->replicated > 0) { /* else marks are neither read nor sent */
    pthread_mutex_lock(&queue.lock);
    for (int i = 0; i < site->param_count; i++) {
      replica *r = task->replicas[i];
      marks[i] = r == NULL ? 0 : r->sent_to[rank] ? -r->id : r->id;
      if (r != NULL) r->sent_to[rank] = 1;
      if (marks[i] < 0) data_bytes -= r->bytes;
    }
    pthread_mutex_unlock(&queue.lock);
  }
  int inline_data = data_bytes <= DOSC_INLINE_BYTES;
  size_t size = payload + (inline_data ? (size_t)data_bytes : 0);
  /* Numbered as sent, under mpi_lock: no atomic counter at each spawn. */
  task->number = ++queue.next_number;
  /* Built in the message itself, which the send then owns. */
  unsigned char *message = dosc_control_message(size);
  unsigned char *buffer = message + sizeof(dosc_message_header);
  /* Addresses never cross the wire: every pointer field, and the result
   * pointer, is zeroed in the copy that is sent. */
  memcpy(buffer, task->args, site->args_size);
  for (int i = 0; i < site->param_count; i++)
    memset(buffer + site->params[i].offset, 0, sizeof(void *));
  if (site->result_offset >= 0) memset(buffer + site->result_offset, 0, sizeof(void *));
  if (marks_size > 0) memcpy(buffer + site->args_size, marks, marks_size);
  /* Inline data goes into the buffer before it is sent; data messages after it. */
  dosc_data_stream out = {rank, inline_data ? buffer + payload : NULL, 0};
  uint16_t type = marks_size > 0 ? DOSC_MSG_TASK_MARKED : DOSC_MSG_TASK;
  if (!inline_data)
    dosc_remote_send_message(rank, type, task->number, site->wire_id, message, size);
  for (int i = 0; i < site->param_count; i++) {
    const dosc_remote_param *param = &site->params[i];
    if (!dosc_shipped_in(param) || (marks_size > 0 && marks[i] < 0)) continue;
    const char *base = field_pointer(task->args, param->offset);
    const dosc_region *region = &task->regions[i];
    dosc_send_footprint(&out, site, task->args, i,
                        base + region->first * (long long)param->element_size,
                        (size_t)region->count * param->element_size);
  }
  if (inline_data) dosc_remote_send_message(rank, type, task->number, site->wire_id, message, size);
  task->rank = rank;
  task->next = queue.in_flight;
  queue.in_flight = task;
  rank_takes(rank, task);
  queue.sent++;
  queue.bytes_sent += data_bytes;
  queue.bytes_saved += task->bytes_in - data_bytes;
}

static void receive_result(int source, const dosc_message_header *header,
                           const unsigned char *payload, size_t payload_bytes) {
  remote_task **link = &queue.in_flight;
  while (*link != NULL && ((*link)->number != header->task || (*link)->rank != source))
    link = &(*link)->next;
  remote_task *task = *link;
  if (task == NULL)
    dosc_remote_fail(source, "a result for task %llu, which it was not sent",
                     (unsigned long long)header->task);
  *link = task->next;
  dosc_remote_site *site = task->site;
  size_t result_bytes = site->result_offset >= 0 ? site->result_size : 0;
  size_t backs_bytes = sizeof(dosc_write_back) * (size_t)site->param_count;
  if (payload_bytes < result_bytes + backs_bytes)
    dosc_remote_fail(source, "a result of %zu bytes where its forms alone take %zu", payload_bytes,
                     result_bytes + backs_bytes);
  /* Each form read where it lies in the message (unaligned after a result of odd size): no
   * copy of them all first. */
  const unsigned char *forms = payload + result_bytes;
  uint64_t due = 0;
  for (int i = 0; i < site->param_count; i++) {
    dosc_write_back form;
    memcpy(&form, forms + sizeof form * (size_t)i, sizeof form);
    const dosc_write_back *back = &form;
    long long written = task->regions[i].write_count * (long long)site->params[i].element_size;
    int writes = (site->params[i].access & DOSC_ACCESS_WRITE) != 0;
    if (back->form > DOSC_BACK_MASK || (back->form != DOSC_BACK_NONE && !writes) ||
        (back->form == DOSC_BACK_NONE && back->bytes != 0) ||
        (back->form == DOSC_BACK_WHOLE && back->bytes != (uint64_t)written) ||
        back->bytes > (uint64_t)dosc_write_back_bound(written))
      dosc_remote_fail(source,
                       "'%s' parameter %d: written data of form %u and %llu bytes, where "
                       "its written footprint has %lld",
                       site->task, i + 1, back->form, (unsigned long long)back->bytes, written);
    due += back->bytes;
  }
  /* The forms' data: inline after them when it is small, as the serving rank sends it
   * (serve.c, send_result), else in data messages after this one. */
  int inline_data = due <= DOSC_INLINE_BYTES;
  if (payload_bytes != result_bytes + backs_bytes + (inline_data ? due : 0))
    dosc_remote_fail(source, "a result of %zu bytes where %llu were due", payload_bytes,
                     (unsigned long long)(result_bytes + backs_bytes + (inline_data ? due : 0)));
  if (result_bytes > 0)
    memcpy(field_pointer(task->args, (size_t)site->result_offset), payload, result_bytes);
  dosc_data_stream in = {source,
                         inline_data ? (unsigned char *)payload + result_bytes + backs_bytes : NULL,
                         inline_data ? (size_t)due : 0};
  for (int i = 0; i < site->param_count; i++) {
    const dosc_remote_param *param = &site->params[i];
    dosc_write_back form;
    memcpy(&form, forms + sizeof form * (size_t)i, sizeof form);
    const dosc_write_back *back = &form;
    if (back->form == DOSC_BACK_NONE) continue;
    const dosc_region *region = &task->regions[i];
    unsigned char *target = (unsigned char *)field_pointer(task->args, param->offset) +
                            region->write_first * (long long)param->element_size;
    /* Every element changed: straight into the caller's memory. */
    unsigned char *data = back->form == DOSC_BACK_WHOLE ? target : malloc(back->bytes);
    if (data == NULL) dosc_remote_fail(source, "written data rank 0 has no memory for");
    size_t arriving = dosc_receive_data(&in, data, back->bytes);
    if (arriving != back->bytes)
      dosc_remote_fail(source, "%zu bytes of '%s' parameter %d where %llu were due", arriving,
                       site->task, i + 1, (unsigned long long)back->bytes);
    if (back->form == DOSC_BACK_WHOLE) continue;
    const char *wrong = dosc_write_back_apply(
        target, (size_t)region->write_count * param->element_size, param->granule, data, back);
    if (wrong != NULL) dosc_remote_fail(source, "'%s' parameter %d: %s", site->task, i + 1, wrong);
    free(data);
  }
  queue.bytes_received += (long long)due;
  rank_returns(source, task); /* a thread of it is free again: a RESULT is also a WANT */
  task_complete(task, 1);     /* under mpi_lock */
}

/* A RESULT in the short form (remote_protocol.h, DOSC_SHORT_RESULT_BYTES): `bytes` bytes, all
 * the oldest task sent to `source` sends back. Under mpi_lock. */
static void receive_short_result(int source, const unsigned char *data, size_t bytes) {
  if (!queue.in_order[source])
    dosc_remote_fail(source, "a result of %zu bytes from a rank that may return them out of order",
                     bytes);
  /* Tasks enter the list at its head: the oldest of `source`'s is its last. */
  remote_task **link = NULL;
  for (remote_task **at = &queue.in_flight; *at != NULL; at = &(*at)->next)
    if ((*at)->rank == source) link = at;
  if (link == NULL)
    dosc_remote_fail(source, "a result of %zu bytes, where it holds no task", bytes);
  remote_task *task = *link;
  dosc_remote_site *site = task->site;
  int part = dosc_short_result_part(site);
  unsigned char *target = NULL;
  long long due = -1;
  if (part == DOSC_SHORT_IS_RESULT) {
    target = field_pointer(task->args, (size_t)site->result_offset);
    due = (long long)site->result_size;
  } else if (part >= 0) {
    const dosc_remote_param *param = &site->params[part];
    const dosc_region *region = &task->regions[part];
    target = (unsigned char *)field_pointer(task->args, param->offset) +
             region->write_first * (long long)param->element_size;
    due = region->write_count * (long long)param->element_size;
  }
  if (due <= 0 || due > DOSC_SHORT_RESULT_BYTES || (size_t)due != bytes)
    dosc_remote_fail(source, "a result of %zu bytes for '%s', whose short form has %lld", bytes,
                     site->task, due);
  *link = task->next;
  memcpy(target, data, bytes);
  if (part >= 0) queue.bytes_received += due;
  queue.short_results++;
  rank_returns(source, task); /* a thread of it is free again: a RESULT is also a WANT */
  task_complete(task, 1);     /* under mpi_lock */
}

/* A serving rank's REACHED: it has received its first task (serve.c). Under mpi_lock. */
static void rank_reached(int source, size_t payload_bytes) {
  if (payload_bytes != 0 || queue.reached[source])
    dosc_remote_fail(source, "a notice of its first task that is not the first or not empty");
  queue.reached[source] = 1;
  if (++queue.reached_count == dosc_remote.size - 1) {
    queue.all_reached_ns = dosc_remote_now_ns();
    queue.all_reached = 1; /* read by the trace at exit, after the communication thread ended */
  }
}

/* Returns the message's type. */
static uint32_t handle_control(int source, const unsigned char *message, size_t bytes) {
  if (bytes < sizeof(dosc_message_header)) {
    receive_short_result(source, message, bytes);
    return DOSC_MSG_RESULT;
  }
  dosc_message_header header;
  memcpy(&header, message, sizeof header);
  if (header.magic != DOSC_MESSAGE_MAGIC) dosc_remote_fail(source, "a message that is not dosc's");
  size_t payload_bytes = bytes - sizeof header;
  switch (header.type) {
  case DOSC_MSG_WANT: { /* task: the rank's threads, and whether its results come in order */
    uint64_t threads = header.task & DOSC_WANT_THREADS;
    int in_order = (header.task & DOSC_WANT_IN_ORDER) != 0;
    /* In order only from a rank of 1 thread (serve.c), and neither figure changes between a
     * rank's WANTs: a short RESULT is matched to the oldest task on that promise alone. */
    if (threads < 1 || threads > DOSC_MAX_THREADS ||
        (header.task & ~(DOSC_WANT_THREADS | DOSC_WANT_IN_ORDER)) != 0 ||
        (in_order && threads != 1) ||
        (queue.threads[source] != 0 &&
         ((uint64_t)queue.threads[source] != threads || queue.in_order[source] != in_order)))
      dosc_remote_fail(source, "a request from a rank of %llu threads%s",
                       (unsigned long long)threads, in_order ? ", results in order" : "");
    queue.threads[source] = (int)threads;
    queue.wants[source]++;
    queue.in_order[source] = (unsigned char)in_order;
    break;
  }
  case DOSC_MSG_RESULT:
    receive_result(source, &header, message + sizeof header, payload_bytes);
    break;
  case DOSC_MSG_REACHED:
    rank_reached(source, payload_bytes);
    break;
  case DOSC_MSG_STOPPED:
    if (payload_bytes != sizeof(dosc_wire_counters))
      dosc_remote_fail(source, "counters of %zu bytes", payload_bytes);
    memcpy(&queue.counters[source], message + sizeof header, sizeof(dosc_wire_counters));
    queue.stopped_ranks++;
    break;
  default:
    dosc_remote_fail(source, "a message of type %u, which rank 0 never receives", header.type);
  }
  return header.type;
}

/* Every MPI call on rank 0 happens under this lock (MPI_THREAD_SERIALIZED):
 * the communication thread takes it for each round, and a thread waiting at
 * a taskwait takes it when it is free (dosc_remote_help), so a waiting
 * spawner sends its tasks and receives their results itself, with no
 * hand-off to the communication thread in between. */
static atomic_int mpi_lock;

/* A flag, not a pthread mutex: a thread waiting at a taskwait takes and
 * drops it at every poll round and a spawner once per task, and a mutex's
 * trylock + unlock costs ~14 ns where this costs one exchange (the look
 * first: no locked instruction while another thread holds it). 1 if taken. */
static int mpi_trylock(void) {
  /* acquire: pairs with the release in mpi_unlock; the last holder's MPI
   * calls and writes come before this holder's. */
  return !atomic_load_explicit(&mpi_lock, memory_order_relaxed) &&
         !atomic_exchange_explicit(&mpi_lock, 1, memory_order_acquire);
}

static void mpi_unlock(void) {
  atomic_store_explicit(&mpi_lock, 0, memory_order_release);
}

/* The longest the communication thread sleeps between looks while a thread
 * waiting at a taskwait keeps polling: its sleeps double from
 * DOSC_HELPER_ACTIVE_NS / 2 up to this. Each wake-up costs the polling
 * thread's core two context switches when they share it (at 100 us, a third
 * of an empty task's mean round trip went to such stalls); a thread that
 * stops polling (back from its taskwait, tasks still out) is relieved
 * within this. */
#ifndef DOSC_HELPER_SLEEP_MAX_NS
#define DOSC_HELPER_SLEEP_MAX_NS 1000000
#endif
_Static_assert(DOSC_HELPER_SLEEP_MAX_NS < 1000000000, "DOSC_HELPER_SLEEP_MAX_NS must be < 1 s");

/* How long the communication thread yields while another thread holds
 * mpi_lock before it sleeps between looks instead (DOSC_LOCK_SLEEP_NS,
 * doubling up to DOSC_LOCK_SLEEP_MAX_NS). A spawner holds the lock for one
 * task's send and a waiting thread for one round, well within it; a waiting
 * thread that receives a large footprint holds it for milliseconds (MPI's
 * blocking receive), and yielding all that time made this thread a third
 * busy thread on two cores: as much CPU as the receiver itself in the 8 MiB
 * TCP benchmark (its system time: sched_yield), taken from the ranks that
 * move the bytes. */
#ifndef DOSC_LOCK_YIELD_NS
#define DOSC_LOCK_YIELD_NS 20000
#endif
#ifndef DOSC_LOCK_SLEEP_NS
#define DOSC_LOCK_SLEEP_NS 20000
#endif
/* The longest of those sleeps: nothing wakes the thread when the lock is
 * freed, so this is how late it may come back to the results and requests
 * of the other ranks (a waiting thread that leaves its taskwait after a long
 * receive does not poll for them). 0.1 ms was tried: the TCP round trip of
 * an empty task went from 1.08x raw MPI to 1.18-1.20x (two quiet runs). */
#ifndef DOSC_LOCK_SLEEP_MAX_NS
#define DOSC_LOCK_SLEEP_MAX_NS 1000000
#endif

/* The communication thread only: waits until mpi_lock is free and takes it. */
static void mpi_lock_wait(void) {
  long long since = 0, sleep_ns = DOSC_LOCK_SLEEP_NS;
  while (!mpi_trylock()) {
    long long now = dosc_remote_now_ns();
    if (since == 0) since = now;
    if (now - since < DOSC_LOCK_YIELD_NS) {
      sched_yield();
      continue;
    }
    struct timespec pause = {0, sleep_ns};
    nanosleep(&pause, NULL);
    if (sleep_ns * 2 <= DOSC_LOCK_SLEEP_MAX_NS) sleep_ns *= 2;
  }
}

/* One round of rank 0's communication; caller holds mpi_lock. Tests for a
 * control message up to `polls` times while no send is in flight and no
 * task queued (else once). Returns 1 if anything happened, 0 if not, -1
 * once every rank has stopped. */
static int coordinate_once(int polls) {
  if (queue.finished) return -1;
  int active = dosc_remote_progress_any_sends();
  if (dosc_remote.sends != NULL || !dosc_fifo_empty(&queue.waiting)) polls = 1;
  int source;
  size_t bytes;
  const unsigned char *message;
  /* One message a round: the receive for the next is posted at the next
   * round, so a thread waiting at a taskwait whose result this was leaves
   * at once, not after posting it (~0.1 us of an empty task's round trip). */
  if ((message = dosc_next_control(&source, &bytes, polls)) != NULL) {
    /* A result with nothing queued for the slot it frees and nothing else
     * to do: the round ends here, so that a thread waiting for it at a
     * taskwait returns at once (the next round looks at the rest). */
    if (handle_control(source, message, bytes) == DOSC_MSG_RESULT && queue.decisions_sent &&
        dosc_fifo_empty(&queue.waiting) &&
        !atomic_load_explicit(&queue.any_released, memory_order_relaxed))
      return 1;
    active = 1;
  }
  if (!queue.decisions_sent) {
    pthread_mutex_lock(&queue.lock);
    dosc_wire_state *states = queue.decisions;
    int total = queue.decision_total;
    pthread_mutex_unlock(&queue.lock);
    if (states != NULL) {
      for (int rank = 1; rank < dosc_remote.size; rank++)
        dosc_remote_send_control(rank, DOSC_MSG_DECISIONS,
                                 dosc_remote.trace ? DOSC_DECISIONS_TRACE : 0, total, states,
                                 sizeof *states * (size_t)total);
      free(states);
      queue.decisions_sent = 1;
      active = 1;
    }
  }
  replica *released = NULL;
  /* relaxed: a flag set under the lock and seen a round late only delays
   * the RELEASE messages; the list itself is read under the lock. */
  if (atomic_load_explicit(&queue.any_released, memory_order_relaxed)) {
    pthread_mutex_lock(&queue.lock);
    released = queue.released;
    queue.released = NULL;
    atomic_store_explicit(&queue.any_released, 0, memory_order_relaxed);
    pthread_mutex_unlock(&queue.lock);
  }
  while (released != NULL) {
    replica *next = released->next;
    for (int rank = 1; rank < dosc_remote.size; rank++)
      if (released->sent_to[rank])
        dosc_remote_send_control(rank, DOSC_MSG_RELEASE, (uint64_t)released->id, -1, NULL, 0);
    free(released->sent_to);
    free(released);
    released = next;
    active = 1;
  }
  if (!queue.stopping && queue.decisions_sent) {
    int to;
    while (!dosc_fifo_empty(&queue.waiting) && (to = next_rank()) > 0) {
      remote_task *task = claim_oldest();
      if (task == NULL) break;
      send_task(to, task);
      active = 1;
    }
    /* acquire: pairs with the release store at exit; the program's last
     * tasks completed before it. */
    if (atomic_load_explicit(&dosc_remote.stop, memory_order_acquire)) {
      queue.stopping = 1;
      for (int rank = 1; rank < dosc_remote.size; rank++)
        dosc_remote_send_control(rank, DOSC_MSG_STOP, 0, -1, NULL, 0);
    }
  } else if (queue.stopping && queue.stopped_ranks == dosc_remote.size - 1) {
    dosc_remote_flush_sends();
    queue.finished = 1;
    return -1;
  }
  return active;
}

/* A thread's quiet time as it waits at a taskwait (dosc_remote_help). */
static _Thread_local dosc_idle waiting_idle;

/* A spawner that finds MPI free (it holds mpi_lock), no task queued before
 * its own and a rank to send it to (next_rank) sends its task itself, at once: no
 * queue, no hand-off to the thread that polls next, and the task is on its
 * way before the spawner reaches its taskwait. 1 if sent (claimed, as one
 * holder). */
static int send_at_once(remote_task *task) {
  int sent = 0;
  if (queue.decisions_sent && !queue.stopping && !queue.finished &&
      dosc_fifo_empty(&queue.waiting)) {
    int rank = next_rank();
    if (rank > 0) {
      send_task(rank, task);
      sent = 1;
    }
  }
  if (sent) dosc_remote_active(&waiting_idle); /* at its taskwait, it polls for the answer */
  return sent;
}

/* While a thread waiting at a taskwait polls MPI itself, the communication
 * thread has nothing to add but a third spinning thread - on a machine with
 * as many cores as spinning threads, the one that delays the others (the
 * empty task's round trip was 5x MPI's). So it sleeps until that thread has
 * not polled for this long. */
#ifndef DOSC_HELPER_ACTIVE_NS
#define DOSC_HELPER_ACTIVE_NS 200000
#endif

/* 1 while a thread waiting at a taskwait has polled MPI recently. */
static int helper_polling(void) {
  return dosc_remote_now_ns() - atomic_load_explicit(&queue.helped_ns, memory_order_relaxed) <
         DOSC_HELPER_ACTIVE_NS;
}

static void coordinate(void) {
  dosc_idle idle = {0};
  for (;;) {
    mpi_lock_wait();
    int status = coordinate_once(1);
    mpi_unlock();
    if (status < 0) return;
    if (status > 0) {
      dosc_remote_active(&idle);
      continue;
    }
    if (!helper_polling()) {
      /* Crowded, a yielding thread is one more runnable thread than cores: each yield hands a
       * core back, but it is runnable again at once, and a third of two cores went to it while
       * rank 0's worker ran its share (mandelbrot 80x60 on 2 ranks: auto 1.21x inline). */
      int crowded = atomic_load_explicit(&queue.crowded, memory_order_relaxed);
      /* A thread blocked at a taskwait (pool.c, wait_blocked) yielded for 0.2 ms first: polling
       * for its results, this thread yielding would take its place as a runnable one. */
      idle_yielding_for(&idle, crowded || dosc_pool_waiting() ? 0 : DOSC_REMOTE_YIELD_NS);
      continue;
    }
    /* Woken, it looks again before it takes mpi_lock: taking it from a
     * thread that polls with it cost that thread a futex wake-up and, on a
     * shared core, two context switches. At exit it stops sleeping at once
     * (relaxed: the STOP round reads the flag again with acquire). */
    long sleep_ns = DOSC_HELPER_ACTIVE_NS / 2;
    do {
      struct timespec pause = {0, sleep_ns};
      nanosleep(&pause, NULL);
      sleep_ns = sleep_ns * 2 < DOSC_HELPER_SLEEP_MAX_NS ? sleep_ns * 2 : DOSC_HELPER_SLEEP_MAX_NS;
    } while (helper_polling() && !atomic_load_explicit(&dosc_remote.stop, memory_order_relaxed));
    dosc_remote_active(&idle);
  }
}

int dosc_remote_help(void) {
  /* acquire: pairs with the release store once MPI runs (rank, wants). */
  if (dosc_remote.mpi == NULL || dosc_remote.rank != 0 ||
      atomic_load_explicit(&dosc_remote.comm_ready, memory_order_acquire) != 1)
    return 0;
  int status = 0;
  if (mpi_trylock()) {
    status = coordinate_once(DOSC_QUICK_POLLS); /* it waits for a result */
    mpi_unlock();
  }
  if (status > 0) {
    dosc_remote_active(&waiting_idle);
    return 1;
  }
  /* Soon after it sent tasks or took results, the waiting thread keeps
   * polling, as a blocking MPI receive would, rather than yielding its CPU
   * between polls (a yield costs a round trip microseconds). */
  int spinning = dosc_remote_spinning(&waiting_idle);
  /* The clock as last read (every few polls): the communication thread
   * backs off while this is recent. */
  atomic_store_explicit(&queue.helped_ns, waiting_idle.now_ns, memory_order_relaxed);
  return spinning;
}

/* ---- start and stop ------------------------------------------------------------------ */

static void print_counters(void) {
  long long wall_ms = (dosc_remote_now_ns() - queue.started_ns) / 1000000;
  char host[sizeof queue.counters[0].host];
  dosc_remote_host_name(host, sizeof host);
  fprintf(stderr,
          "dosc: rank 0: host %s, %lld tasks sent, %lld run here, %lld kept here, %lld bytes sent, "
          "%lld bytes received, busy %lld of %lld ms\n",
          host, queue.sent, (long long)atomic_load(&queue.run_here),
          (long long)atomic_load(&queue.kept), queue.bytes_sent, queue.bytes_received,
          (long long)atomic_load(&queue.busy_ns) / 1000000, wall_ms);
  fprintf(stderr,
          "dosc: rank 0: %lld of them sent ahead to a rank whose threads were all busy, to wait "
          "there behind tasks predicted at most %lld operations\n",
          queue.sent_ahead, queue.quick_work);
  if (queue.all_reached)
    fprintf(stderr, "dosc: rank 0: every rank had received its first task %lld ms after start\n",
            (queue.all_reached_ns - queue.started_ns) / 1000000);
  if (queue.bytes_saved > 0)
    fprintf(stderr, "dosc: rank 0: replicated read-only footprints: %lld bytes not sent again\n",
            queue.bytes_saved);
  if (queue.short_results > 0)
    fprintf(stderr,
            "dosc: rank 0: %lld results came in the short form (at most %d bytes, from a rank of "
            "1 thread)\n",
            queue.short_results, DOSC_SHORT_RESULT_BYTES);
  if (atomic_load(&queue.kept) > 0)
    fprintf(stderr,
            "dosc: rank 0: kept here: %lld with overlapping written footprints, %lld with figures "
            "that did not evaluate, %lld above %lld bytes\n",
            (long long)atomic_load(&queue.kept_overlap),
            (long long)atomic_load(&queue.kept_figures), (long long)atomic_load(&queue.kept_size),
            dosc_remote.max_bytes);
  /* What each rank's MPI_Init_thread gave: a serving rank of one thread serves alone at
   * MPI_THREAD_SINGLE (dosc_remote_init). */
  fprintf(stderr, "dosc: MPI thread levels: rank 0 %s",
          dosc_thread_level_name(dosc_remote.thread_level));
  for (int rank = 1; rank < dosc_remote.size; rank++)
    fprintf(stderr, ", rank %d %s", rank,
            dosc_thread_level_name(queue.counters[rank].thread_level));
  fputc('\n', stderr);
  for (int rank = 1; rank < dosc_remote.size; rank++) {
    const dosc_wire_counters *c = &queue.counters[rank];
    fprintf(
        stderr,
        "dosc: rank %d: host %.*s, %d thread%s, %llu tasks run, %llu bytes received, %llu bytes "
        "sent, busy %llu of %lld ms\n",
        rank, (int)sizeof c->host, c->host, c->threads, c->threads == 1 ? "" : "s",
        (unsigned long long)c->tasks_run, (unsigned long long)c->bytes_received,
        (unsigned long long)c->bytes_sent, (unsigned long long)c->busy_ns / 1000000, wall_ms);
  }
}

/* Rank 0, once, as the program ends (start.c's end_runtime, which a child of fork() does not
 * run): tells every rank to stop, waits for their counters and MPI_Finalize. */
void dosc_remote_stop(void) {
  if (dosc_remote.mpi == NULL || dosc_remote.rank != 0) return;
  atomic_store_explicit(&dosc_remote.stop, 1, memory_order_release);
  pthread_join(dosc_remote.comm_thread, NULL);
  if (dosc_remote.trace) print_counters();
}

/* MPI_Init_thread at `level` on the calling thread, then what every rank sets up once its rank
 * is known; comm_ready says how it went (1, or -1 with init_error). 0 on success. */
static int start_mpi(int level) {
  int rank = 0, size = 1;
  if (dosc_remote.mpi->init(level, &dosc_remote.thread_level, &rank, &size, dosc_remote.init_error,
                            sizeof dosc_remote.init_error) != 0) {
    atomic_store_explicit(&dosc_remote.comm_ready, -1, memory_order_release);
    return -1;
  }
  dosc_remote.rank = rank;
  dosc_remote.size = size;
  /* After MPI's initialisation, which installs its own handlers (crash_report.h). */
  dosc_crash_report_install(rank);
  queue.started_ns = dosc_remote_now_ns();
  if (rank == 0) {
    queue.wants = calloc((size_t)size, sizeof *queue.wants);
    queue.held = calloc((size_t)size, sizeof *queue.held);
    queue.threads = calloc((size_t)size, sizeof *queue.threads);
    queue.reached = calloc((size_t)size, 1);
    queue.in_order = calloc((size_t)size, 1);
    queue.counters = calloc((size_t)size, sizeof *queue.counters);
    if (queue.wants == NULL || queue.held == NULL || queue.threads == NULL ||
        queue.counters == NULL || queue.reached == NULL || queue.in_order == NULL) {
      fprintf(stderr, "dosc: rank 0: error: out of memory; ending the job\n");
      dosc_remote.mpi->abort(71);
    }
  }
  /* release: pairs with the acquire load in dosc_remote_init (rank, size). */
  atomic_store_explicit(&dosc_remote.comm_ready, 1, memory_order_release);
  return 0;
}

void dosc_remote_end_mpi(void) {
  dosc_cancel_control();
  dosc_remote_free_send_records();
  dosc_remote.mpi->finalize();
  atomic_store_explicit(&dosc_remote.comm_done, 1, memory_order_release);
}

static void *communicate(void *unused) {
  (void)unused;
  /* Rank 0 calls MPI from this thread and from threads waiting at a taskwait (under mpi_lock);
   * a serving rank that does not serve alone from this thread only, not the main one (which
   * MPI_THREAD_FUNNELED would require). */
  if (start_mpi(DOSC_THREAD_SERIALIZED) != 0) return NULL;
  if (dosc_remote.rank == 0)
    coordinate();
  else
    dosc_serve_communicate();
  dosc_remote_end_mpi();
  return NULL;
}

/* A serving rank of one thread serves alone (remote_internal.h, serves_alone): no communication
 * thread, MPI at MPI_THREAD_SINGLE, which Open MPI 4.1 runs without its locks (a raw ping-pong
 * of 8 bytes at SINGLE took 508-540 ns, at SERIALIZED 711-761 ns, BENCHMARKS.md). Whether this
 * rank is 0 must be known before MPI_Init: from the launcher's variables (mpi_launcher.c).
 * Where they name no rank above 0, the rank may be 0, which needs a communication thread, so it
 * starts one as before. */
static int serves_alone(int threads) {
  return threads == 1 && dosc_launcher_from_env().rank > 0;
}

int dosc_remote_init(int threads, int trace) {
  dosc_remote.threads = threads;
  dosc_remote.trace = trace;
  /* The plugin of the MPI whose launcher started this process (mpi_launcher.c). */
  const dosc_transport *mpi = dosc_mpi_transport_load(trace);
  if (mpi == NULL) return 1;
  dosc_remote.mpi = dosc_transport_for_sanitizer(mpi);
  const char *limit = getenv("DOSC_REMOTE_MAX_BYTES");
  dosc_remote.reads_without_faults = dosc_reads_without_faults();
  dosc_remote.max_bytes = limit != NULL && atoll(limit) > 0 ? atoll(limit) : DOSC_REMOTE_MAX_BYTES;
  const char *replicate = getenv("DOSC_REPLICATE");
  queue.replicate = replicate == NULL || strcmp(replicate, "0") != 0;
  if (serves_alone(threads)) {
    dosc_remote.serves_alone = 1;
    if (start_mpi(DOSC_THREAD_SINGLE) != 0) {
      fprintf(stderr, "dosc: warning: %s: a single node\n", dosc_remote.init_error);
      dosc_remote.mpi = NULL;
      return 1;
    }
    /* Rank 0 at MPI_THREAD_SINGLE could not share MPI with its threads: a launcher whose
     * variables named another rank than MPI's ends the job here, before main. */
    if (dosc_remote.rank == 0) {
      fprintf(stderr,
              "dosc: rank 0: error: the launcher's variables said rank %d, MPI says 0; ending "
              "the job\n",
              dosc_launcher_from_env().rank);
      dosc_remote.mpi->abort(71);
    }
    return dosc_remote.size;
  }
  if (pthread_create(&dosc_remote.comm_thread, NULL, communicate, NULL) != 0) {
    fprintf(stderr, "dosc: warning: cannot start the MPI thread: a single node\n");
    dosc_remote.mpi = NULL;
    return 1;
  }
  dosc_idle idle = {0};
  int ready;
  while ((ready = atomic_load_explicit(&dosc_remote.comm_ready, memory_order_acquire)) == 0)
    dosc_remote_idle(&idle);
  if (ready < 0) {
    pthread_join(dosc_remote.comm_thread, NULL);
    fprintf(stderr, "dosc: warning: %s: a single node\n", dosc_remote.init_error);
    dosc_remote.mpi = NULL;
    return 1;
  }
  return dosc_remote.size;
}

void dosc_remote_rank_zero_works(int shares, int host_workers, int cores) {
  if (dosc_remote.mpi == NULL || dosc_remote.rank != 0) return;
  const char *bind = getenv("DOSC_BIND");
  int forced_remote = bind != NULL && strcmp(bind, "remote") == 0;
  queue.shared = shares && !forced_remote;
  atomic_store_explicit(&queue.crowded, queue.shared && host_workers + 1 > cores,
                        memory_order_relaxed);
  if (dosc_remote.trace)
    fprintf(stderr, "dosc: %d ranks (%s), %d thread%s per rank; rank 0 runs main%s\n",
            dosc_remote.size, dosc_remote.mpi->library_version(), dosc_remote.threads,
            dosc_remote.threads == 1 ? "" : "s",
            forced_remote ? ", remote tasks go to ranks 1.."
            : shares      ? " and takes queued remote tasks too"
                          : " and dispatches remote tasks to ranks 1.. (their workers fill the "
                            "cores)");
}

void dosc_remote_send_ahead_below(long long work) {
  queue.quick_work = work;
}

void dosc_remote_publish(const dosc_program_info *const *units, int count) {
  if (dosc_remote.mpi == NULL) return;
  if (dosc_remote.rank != 0) dosc_serve_run(units, count);
  /* Rank 0 decided every site; the others take these states (their remote
   * bindings become local: a task never makes a second hop). */
  int total = 0;
  for (int u = 0; u < count; u++)
    total += units[u]->site_count;
  dosc_wire_state *states = calloc((size_t)(total > 0 ? total : 1), sizeof *states);
  if (states == NULL) {
    fprintf(stderr, "dosc: rank 0: error: out of memory; ending the job\n");
    dosc_remote.mpi->abort(71);
  }
  int k = 0;
  for (int u = 0; u < count; u++)
    for (int id = 0; id < units[u]->site_count; id++, k++)
      states[k] = (dosc_wire_state){units[u]->states[id].binding, units[u]->states[id].depth_cutoff,
                                    units[u]->states[id].work_threshold,
                                    units[u]->states[id].least_siblings};
  /* Handed to the communication thread, the only thread that calls MPI. */
  pthread_mutex_lock(&queue.lock);
  queue.decision_total = total;
  queue.decisions = states;
  pthread_mutex_unlock(&queue.lock);
}
