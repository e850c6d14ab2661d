/* pool.c - workers, spawn, taskwait, parking (see pool.h and dosc_abi.h). */
#define _GNU_SOURCE
#include "pool.h"
#include "crash_report.h"

#include <errno.h>
#include <limits.h>
#include <linux/futex.h>
#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#include "deque.h"
#include "fifo.h"
#include "remote.h"
#include "dosc_abi.h"
#include "task.h"

/* A block of task records handed to one worker's free list. */
typedef struct dosc_task_batch {
  struct dosc_task_batch *next;
  dosc_task tasks[DOSC_TASK_BATCH];
} dosc_task_batch;

typedef struct dosc_worker {
  dosc_deque deque; /* cache-line aligned inside (see deque.h) */
  /* Below: touched by the owning worker only. Starts on its own line so the
   * owner's bookkeeping never shares a line with the deque's hot words. */
  _Alignas(DOSC_CACHE_LINE) int index;
  uint64_t random_state;    /* xorshift64 for victim selection */
  dosc_task *free_tasks;    /* records freed by this worker, any origin */
  dosc_task_batch *batches; /* records allocated by this worker, freed at stop */
  pthread_t thread;
} dosc_worker;

/* Shared pool state. sleepers is read by every push, written only when a
 * worker parks or wakes; wake_epoch (the futex word) is written on wake-ups.
 * Each gets its own line so a push reading sleepers does not miss on a line
 * being bumped by wake-ups. */
static struct {
  _Alignas(DOSC_CACHE_LINE) atomic_int sleepers;
  /* Threads blocked at a taskwait (wait_blocked), also counted in sleepers: read by each last
   * child's completion, written only when such a thread blocks or wakes. */
  _Alignas(DOSC_CACHE_LINE) atomic_int waiters;
  _Alignas(DOSC_CACHE_LINE) atomic_uint wake_epoch;
  _Alignas(DOSC_CACHE_LINE) atomic_int stopping;
  /* 0 while dosc_pool_start is still starting workers; the started ones wait
   * for 1 before they read `threads`. */
  _Alignas(DOSC_CACHE_LINE) atomic_int open;
  int threads;            /* workers with a thread (worker 0 = the starter); set before open */
  long long idle_spin_ns; /* DOSC_IDLE_SPIN_NS if workers are bound, else 0; set before start */
  dosc_worker *workers;   /* [threads] and more, written before workers start */
} pool = {.threads = 1};

static DOSC_TLS_MODEL _Thread_local dosc_worker *tls_worker;

DOSC_API DOSC_TLS_MODEL _Thread_local int dosc_current_depth;

/* ---- futex ---------------------------------------------------------------- */

static void futex_wait(atomic_uint *word, unsigned expected) {
  /* Returns at once if *word != expected (a wake-up already happened). */
  syscall(SYS_futex, (unsigned *)word, FUTEX_WAIT_PRIVATE, expected, NULL, NULL, 0);
}

static void futex_wake(atomic_uint *word, int count) {
  syscall(SYS_futex, (unsigned *)word, FUTEX_WAKE_PRIVATE, count, NULL, NULL, 0);
}

/* futex_wait for at most `ns` nanoseconds (< 1 s). */
static void futex_wait_for(atomic_uint *word, unsigned expected, long ns) {
  struct timespec timeout = {0, ns};
  syscall(SYS_futex, (unsigned *)word, FUTEX_WAIT_PRIVATE, expected, &timeout, NULL, 0);
}

/* ---- task records ----------------------------------------------------------- */

/* Owner of `worker` only. NULL when out of memory. */
static dosc_task *task_alloc(dosc_worker *worker) {
  dosc_task *task = worker->free_tasks;
  if (task == NULL) {
    dosc_task_batch *batch = aligned_alloc(DOSC_CACHE_LINE, sizeof(dosc_task_batch));
    if (batch == NULL) return NULL;
    batch->next = worker->batches;
    worker->batches = batch;
    for (int i = 0; i < DOSC_TASK_BATCH - 1; i++)
      batch->tasks[i].link.next_free = &batch->tasks[i + 1];
    batch->tasks[DOSC_TASK_BATCH - 1].link.next_free = NULL;
    task = &batch->tasks[0];
  }
  worker->free_tasks = task->link.next_free;
  return task;
}

/* Owner of `worker` only: records migrate to the free list of the worker
 * that ran them; every batch is still freed by the worker that allocated it. */
static void task_free(dosc_worker *worker, dosc_task *task) {
  task->link.next_free = worker->free_tasks;
  worker->free_tasks = task;
}

/* ---- running and finding tasks ------------------------------------------- */

static long long monotonic_ns(void);

/* Time spent running top-level tasks (depth 1: spawned by main), summed over
 * workers, when dosc_pool_time_tasks(1) asked for it (DOSC_TRACE): the
 * complement, with one thread, is the program's sequential time, the ts of
 * the paper's laws that `dosc explain --plot` needs. Off, it costs one load
 * of a flag nobody writes after start-up. */
static int timing_tasks;
static _Atomic long long top_level_task_ns;

/* Runs `task` on the calling thread, which is `worker`. */
static void run_task(dosc_worker *worker, dosc_task *task) {
  DOSC_ASSERT(worker == tls_worker && task->fn != NULL && task->link.frame != NULL);
  int saved_depth = dosc_current_depth;
  dosc_current_depth = task->depth;
  if (timing_tasks && task->depth == 1) {
    long long start = monotonic_ns();
    task->fn(task->args);
    atomic_fetch_add_explicit(&top_level_task_ns, monotonic_ns() - start, memory_order_relaxed);
  } else {
    task->fn(task->args);
  }
  dosc_current_depth = saved_depth;
  dosc_frame *frame = task->link.frame;
  if (task->args != task->inline_args) free(task->args);
  task_free(worker, task);
  /* seq_cst (release would do for the result: pairs with the acquire load of pending in
   * dosc_taskwait, so the task's writes are visible to the waiting parent): also pairs with
   * wait_blocked, see dosc_pool_child_done. The same locked instruction on x86. The frame may be
   * gone right after this: nothing touches it afterwards. */
  if (atomic_fetch_sub_explicit(&frame->pending, 1, memory_order_seq_cst) == 1)
    dosc_pool_child_done();
}

/* Fills a task taken from task_alloc (its function, frame, depth and a copy of
 * its arguments) and counts it in its frame's pending; 0 when the arguments'
 * copy cannot be allocated (nothing counted then). */
static inline int task_set_up(dosc_task *task, dosc_frame *frame, void (*fn)(void *), int depth,
                              const void *args, size_t size) {
  task->fn = fn;
  task->link.frame = frame;
  task->depth = depth;
  if (size <= DOSC_TASK_INLINE_ARGS) {
    task->args = task->inline_args;
  } else if ((task->args = malloc(size)) == NULL) {
    return 0;
  }
  if (size > 0) memcpy(task->args, args, size);
  /* relaxed: whoever runs the task decrements after this increment: a spawned
   * task is published by the deque push's release fence, a received record is
   * run by the worker that took it here. */
  atomic_fetch_add_explicit(&frame->pending, 1, memory_order_relaxed);
  return 1;
}

/* A serving rank's inbox (dosc_pool_serve); `fifo` NULL everywhere else. */
static struct {
  _Atomic(dosc_fifo *) fifo; /* release-stored after the two below */
  dosc_frame *frame;
  void (*run)(void *);
} inbox;

/* The oldest received record of the inbox as a task of the calling worker,
 * or NULL. */
static dosc_task *take_received(dosc_worker *worker) {
  /* acquire: pairs with the release store in dosc_pool_serve (frame, run). */
  dosc_fifo *fifo = atomic_load_explicit(&inbox.fifo, memory_order_acquire);
  void *record;
  if (fifo == NULL || (record = dosc_fifo_pop(fifo)) == NULL) return NULL;
  dosc_task *task = task_alloc(worker);
  if (task == NULL) { /* out of memory: dosc_spawn runs it now */
    dosc_spawn(inbox.frame, inbox.run, &record, sizeof record);
    return NULL;
  }
  /* Depth 1: top-level, whichever worker takes it (at a taskwait too). A
   * record's pointer fits the task's inline arguments: no allocation to fail. */
  (void)task_set_up(task, inbox.frame, inbox.run, 1, &record, sizeof record);
  return task;
}

static uint64_t next_random(dosc_worker *worker) {
  uint64_t x = worker->random_state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  worker->random_state = x;
  return x;
}

/* Calling thread = `worker`. One round: the own deque, then every other
 * worker once, starting at a random victim. */
static dosc_task *find_task(dosc_worker *worker) {
  /* The owner's own look first: bottom is its own and top only grows, so a
   * top read without a fence that is not below bottom still means empty.
   * Finding nothing costs no fence (a thread waiting at a taskwait for
   * remote results polls here between MPI tests). */
  dosc_task *task =
      dosc_deque_looks_nonempty(&worker->deque) ? dosc_deque_pop(&worker->deque) : NULL;
  if (task != NULL || pool.threads == 1) return task != NULL ? task : take_received(worker);
  int others = pool.threads - 1;
  int start = (int)(next_random(worker) % (uint64_t)others);
  for (int i = 0; i < others; i++) {
    int victim = (worker->index + 1 + (start + i) % others) % pool.threads;
    /* A lost race means the victim had work a moment ago: retry it once. */
    for (int attempt = 0; attempt < 2; attempt++) {
      dosc_steal_result result = dosc_deque_steal(&pool.workers[victim].deque, &task);
      if (result == DOSC_STEAL_OK) return task;
      if (result == DOSC_STEAL_EMPTY) break;
      dosc_cpu_relax();
    }
  }
  return take_received(worker);
}

/* ---- parking ------------------------------------------------------------------ */

static int any_work_visible(void) {
  for (int i = 0; i < pool.threads; i++)
    if (dosc_deque_looks_nonempty(&pool.workers[i].deque)) return 1;
  dosc_fifo *fifo = atomic_load_explicit(&inbox.fifo, memory_order_relaxed);
  return fifo != NULL && !dosc_fifo_empty(fifo);
}

static long long monotonic_ns(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now); /* vDSO: no system call */
  return (long long)now.tv_sec * 1000000000LL + now.tv_nsec;
}

/* Worker threads only, after DOSC_STEAL_ROUNDS_BEFORE_PARK empty rounds
 * spanning at least DOSC_IDLE_SPIN_NS (see worker_main). */
static void park(void) {
  unsigned epoch = atomic_load_explicit(&pool.wake_epoch, memory_order_acquire);
  atomic_fetch_add_explicit(&pool.sleepers, 1, memory_order_relaxed);
  /* seq_cst: pairs with the seq_cst fence in wake_one_if_parked (after a
   * push). Either that push's thread sees sleepers > 0 and wakes us, or we
   * see its new bottom here and do not sleep (Dekker-style). A wake-up that
   * comes after the epoch load makes futex_wait return at once. */
  atomic_thread_fence(memory_order_seq_cst);
  if (!any_work_visible() && !atomic_load_explicit(&pool.stopping, memory_order_relaxed))
    futex_wait(&pool.wake_epoch, epoch);
  atomic_fetch_sub_explicit(&pool.sleepers, 1, memory_order_relaxed);
}

/* After every push: wakes one parked worker, if any. */
static inline void wake_one_if_parked(void) {
  /* seq_cst: pairs with the fence in park (see there). */
  atomic_thread_fence(memory_order_seq_cst);
  if (atomic_load_explicit(&pool.sleepers, memory_order_relaxed) > 0) {
    atomic_fetch_add_explicit(&pool.wake_epoch, 1, memory_order_release);
    futex_wake(&pool.wake_epoch, 1);
  }
}

/* A thread at a taskwait on `frame` that has found nothing to run nor any message for
 * DOSC_WAIT_YIELD_NS: blocks until the frame's last child completes (here or on another rank:
 * dosc_pool_child_done) or a task is pushed (wake_one_if_parked). While it blocks, rank 0's
 * communication thread polls MPI for the results (remote.c, coordinate): woken without either,
 * it blocks again without polling, which would make that thread stand back again. */
static void wait_blocked(dosc_frame *frame) {
  atomic_fetch_add_explicit(&pool.sleepers, 1, memory_order_relaxed);
  /* seq_cst: pairs with the seq_cst decrement and load in run_task / task_complete and
   * dosc_pool_child_done: either the last child's thread sees waiters > 0 and wakes us, or we
   * see pending == 0 here and do not block (Dekker-style). And with the fence of
   * wake_one_if_parked, as park does. A wake-up after the epoch load makes the wait return. */
  atomic_fetch_add_explicit(&pool.waiters, 1, memory_order_seq_cst);
  for (;;) {
    unsigned epoch = atomic_load_explicit(&pool.wake_epoch, memory_order_acquire);
    atomic_thread_fence(memory_order_seq_cst);
    if (atomic_load_explicit(&frame->pending, memory_order_seq_cst) == 0 || any_work_visible() ||
        atomic_load_explicit(&pool.stopping, memory_order_relaxed))
      break;
    futex_wait_for(&pool.wake_epoch, epoch, DOSC_WAIT_BLOCK_MAX_NS);
  }
  atomic_fetch_sub_explicit(&pool.waiters, 1, memory_order_relaxed);
  atomic_fetch_sub_explicit(&pool.sleepers, 1, memory_order_relaxed);
}

int dosc_pool_waiting(void) {
  return atomic_load_explicit(&pool.waiters, memory_order_relaxed) > 0;
}

void dosc_pool_child_done(void) {
  /* seq_cst: after the caller's seq_cst decrement of a frame's pending (see wait_blocked). */
  if (atomic_load_explicit(&pool.waiters, memory_order_seq_cst) > 0) {
    atomic_fetch_add_explicit(&pool.wake_epoch, 1, memory_order_release);
    futex_wake(&pool.wake_epoch, INT_MAX); /* each waiter looks at its own frame */
  }
}

static void *worker_main(void *arg) {
  dosc_worker *worker = arg;
  tls_worker = worker;
  dosc_crash_report_thread(); /* a rank under mpirun: its crash line (crash_report.h) */
  /* acquire: pairs with the release store in dosc_pool_start, after which
   * pool.threads and every started worker's deque are fixed. Until then the
   * starter is still creating threads (a few microseconds each). */
  while (!atomic_load_explicit(&pool.open, memory_order_acquire))
    sched_yield();
  dosc_current_depth = 0;
  int idle_rounds = 0;
  long long idle_since = 0; /* when the current idle stretch began */
  /* acquire: pairs with the release store in dosc_pool_stop. */
  while (!atomic_load_explicit(&pool.stopping, memory_order_acquire)) {
    dosc_task *task = find_task(worker);
    if (task != NULL) {
      run_task(worker, task);
      idle_rounds = 0;
      continue;
    }
    dosc_cpu_relax();
    if (++idle_rounds == 1) {
      idle_since = monotonic_ns();
    } else if (idle_rounds >= DOSC_STEAL_ROUNDS_BEFORE_PARK && idle_rounds % 64 == 0 &&
               monotonic_ns() - idle_since >= pool.idle_spin_ns) {
      park();
      idle_rounds = 0;
    }
  }
  return NULL;
}

/* ---- ABI entry points ------------------------------------------------------- */

/* Runs fn on the calling thread as if it were a spawned child. */
static void run_now(void (*fn)(void *), const void *args) {
  int saved_depth = dosc_current_depth;
  dosc_current_depth = saved_depth + 1;
  fn((void *)args); /* the generated argument struct is a non-const local */
  dosc_current_depth = saved_depth;
}

void dosc_spawn(dosc_frame *frame, void (*fn)(void *), const void *args, size_t size) {
  DOSC_ASSERT(frame != NULL && fn != NULL && (args != NULL || size == 0));
  dosc_worker *worker = tls_worker;
  if (worker == NULL) { /* not a worker thread, or the pool is not running */
    run_now(fn, args);
    return;
  }
  dosc_task *task = task_alloc(worker);
  if (task == NULL) {
    run_now(fn, args);
    return;
  }
  DOSC_ASSERT(atomic_load_explicit(&frame->pending, memory_order_relaxed) >= 0);
  if (!task_set_up(task, frame, fn, dosc_current_depth + 1, args, size)) {
    task_free(worker, task);
    run_now(fn, args);
    return;
  }
  if (!dosc_deque_push(&worker->deque, task)) {
    run_task(worker, task); /* deque at its maximum: run it now */
    return;
  }
  wake_one_if_parked();
}

void dosc_taskwait_slow(dosc_frame *frame) {
  dosc_worker *worker = tls_worker;
  int spins = 0;
  long long quiet_since = 0; /* when it began to yield; 0: it has not */
  /* acquire: pairs with the release decrement in run_task. */
  while (atomic_load_explicit(&frame->pending, memory_order_acquire) != 0) {
    /* Help instead of blocking: our own newest children first (LIFO pop),
     * then anyone's oldest tasks. A task run here may belong to an outer
     * frame; it never waits on us, so this cannot deadlock. */
    dosc_task *task = worker != NULL ? find_task(worker) : NULL;
    if (task != NULL) {
      run_task(worker, task);
      spins = 0;
      quiet_since = 0;
    } else if (dosc_remote_help()) {
      spins = 0; /* sent our remote tasks or received their results */
      quiet_since = 0;
    } else if (spins < DOSC_WAIT_SPINS_BEFORE_YIELD) {
      spins++;
      dosc_cpu_relax();
    } else if (worker == NULL || quiet_since == 0 ||
               monotonic_ns() - quiet_since < DOSC_WAIT_YIELD_NS) {
      /* (Not a worker: no pool whose pushes would wake it; it keeps yielding.) */
      if (quiet_since == 0) quiet_since = monotonic_ns();
      sched_yield(); /* children run elsewhere; give their thread the CPU if shared */
    } else {
      wait_blocked(frame); /* still quiet: stop taking a CPU until a child completes */
    }
  }
  /* The frame's replicas, if it has any, end their epoch here. */
  if (dosc_replicas_here != 0) dosc_remote_epoch_end(frame);
}

void dosc_pool_serve(dosc_fifo *fifo, dosc_frame *frame, void (*run)(void *)) {
  inbox.frame = frame;
  inbox.run = run;
  atomic_store_explicit(&inbox.fifo, fifo, memory_order_release);
}

void dosc_pool_wake(void) {
  wake_one_if_parked();
}

int dosc_pool_help_once(void) {
  dosc_worker *worker = tls_worker;
  dosc_task *task = worker != NULL ? find_task(worker) : NULL;
  if (task == NULL) return 0;
  run_task(worker, task);
  return 1;
}

/* ---- start / stop --------------------------------------------------------------- */

/* Binds the initialised *attr for worker thread `index` (1 ..) to the `index`-th CPU of `allowed`
 * that is not `avoid` (see DOSC_PIN_WORKERS). Returns 0 if the thread should start unbound. */
static int pin_attr(pthread_attr_t *attr, const cpu_set_t *allowed, int avoid, int index) {
  int seen = 0;
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
    if (!CPU_ISSET(cpu, allowed) || cpu == avoid || ++seen < index) continue;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(cpu, &one);
    return pthread_attr_setaffinity_np(attr, sizeof one, &one) == 0;
  }
  return 0;
}

/* Whether the kernel charges every private writable mapping against a commit limit
 * (vm.overcommit_memory = 2, "never overcommit", which MAP_NORESERVE does not escape). */
static int strict_overcommit(void) {
  FILE *mode = fopen("/proc/sys/vm/overcommit_memory", "r");
  if (!mode) return 0;
  int strict = fgetc(mode) == '2';
  fclose(mode);
  return strict;
}

/* The stack a worker is given: DOSC_UNLIMITED_STACK_BYTES where the starting thread's stack is
 * unlimited, else 0 (glibc's default: RLIMIT_STACK, what the starting thread may grow to). Under
 * ulimit -v, the default too: large stacks would leave room for few workers (workers_that_fit);
 * and under strict overcommit, where each worker's 1 GiB would be charged whole against the
 * commit limit and the program's own allocations fail where the plain program's succeed. */
static size_t worker_stack_bytes(void) {
  struct rlimit stack, address_space;
  if (getrlimit(RLIMIT_STACK, &stack) != 0 || stack.rlim_cur != RLIM_INFINITY) return 0;
  if (getrlimit(RLIMIT_AS, &address_space) != 0 || address_space.rlim_cur != RLIM_INFINITY)
    return 0;
  if (strict_overcommit()) return 0;
  return DOSC_UNLIMITED_STACK_BYTES;
}

/* Starts `worker`'s thread bound (`pin`: to its CPU of `allowed`, not `avoid`) and with `stack`
 * bytes of stack (0: the default) where it can; else, a CPU we may not use after all (cpusets
 * change) or no memory for the stack, as a plain thread. 0 or pthread_create's error. */
static int start_worker(dosc_worker *worker, int pin, const cpu_set_t *allowed, int avoid,
                        size_t stack) {
  if (!pin && stack == 0) return pthread_create(&worker->thread, NULL, worker_main, worker);
  /* The large stack and the binding first; where the stack cannot be had, the binding alone. */
  for (int with_stack = stack > 0; with_stack >= 0; with_stack--) {
    pthread_attr_t attr;
    if (pthread_attr_init(&attr) != 0) break;
    int shaped = pin && pin_attr(&attr, allowed, avoid, worker->index);
    if (with_stack && pthread_attr_setstacksize(&attr, stack) == 0) shaped = 1;
    int failed = shaped ? pthread_create(&worker->thread, &attr, worker_main, worker) : -1;
    pthread_attr_destroy(&attr);
    if (failed == 0) return 0;
  }
  return pthread_create(&worker->thread, NULL, worker_main, worker);
}

static int worker_init(dosc_worker *worker, int index) {
  memset(worker, 0, sizeof *worker);
  worker->index = index;
  worker->random_state = 0x9E3779B97F4A7C15ull * (uint64_t)(index + 1);
  return dosc_deque_init(&worker->deque);
}

/* How many workers (the starter included) fit in half of the address space
 * left under a limit (ulimit -v, RLIMIT_AS): each needs a stack of the
 * default size (RLIMIT_STACK, usually 8 MiB). Starting threads until
 * pthread_create fails would leave the program nothing to allocate; the
 * other half stays the program's. `asked` when there is no limit. */
static int workers_that_fit(int asked) {
  struct rlimit limit;
  if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return asked;
  size_t stack = 0;
  pthread_attr_t attr;
  if (pthread_getattr_default_np(&attr) == 0) {
    pthread_attr_getstacksize(&attr, &stack);
    pthread_attr_destroy(&attr);
  }
  unsigned long long pages = 0;
  FILE *statm = fopen("/proc/self/statm", "r");
  if (statm != NULL) {
    if (fscanf(statm, "%llu", &pages) != 1) pages = 0;
    fclose(statm);
  }
  long page = sysconf(_SC_PAGESIZE);
  if (stack == 0 || pages == 0 || page <= 0) return asked; /* unknown: pthread_create decides */
  unsigned long long used = pages * (unsigned long long)page;
  unsigned long long left = limit.rlim_cur > used ? limit.rlim_cur - used : 0;
  unsigned long long fit = 1 + left / 2 / (stack + (unsigned long long)page); /* + guard page */
  return fit < (unsigned long long)asked ? (int)fit : asked;
}

int dosc_pool_start(int threads) {
  DOSC_ASSERT(pool.workers == NULL);
  if (threads < 1) threads = 1;
  int asked = threads;
  char why[96] = "";
  threads = workers_that_fit(asked);
  if (threads < asked)
    snprintf(why, sizeof why, "stacks for more would take over half of what ulimit -v leaves");
  /* Only the workers' records up front (a few hundred bytes each); each
   * deque is allocated when its thread is about to start. */
  dosc_worker *workers = aligned_alloc(DOSC_CACHE_LINE, sizeof(dosc_worker) * (size_t)threads);
  if (workers == NULL || worker_init(&workers[0], 0) != 0) {
    free(workers);
    fprintf(stderr, "dosc: warning: out of memory: running on 1 thread\n");
    return 1;
  }
  atomic_init(&pool.sleepers, 0);
  atomic_init(&pool.wake_epoch, 0);
  atomic_init(&pool.stopping, 0);
  atomic_init(&pool.open, 0);
  pool.workers = workers;
  pool.threads = 1;
  tls_worker = &workers[0];
  dosc_current_depth = 0;
  /* Bind workers 1.. to CPUs other than ours if there are enough of them
   * (DOSC_PIN_WORKERS). CPU_COUNT counts only CPUs this process may use;
   * sched_getaffinity fails on machines with more than CPU_SETSIZE CPUs,
   * and then nothing is bound. */
  cpu_set_t allowed;
  int pin = DOSC_PIN_WORKERS && threads > 1 &&
            sched_getaffinity(0, sizeof allowed, &allowed) == 0 && CPU_COUNT(&allowed) >= threads;
  int self = pin ? sched_getcpu() : -1;
  /* An unbound spinning worker may share a CPU with a busy one (more workers
   * than CPUs, or the scheduler's placement): it then only takes time from
   * it. Unbound workers park after DOSC_STEAL_ROUNDS_BEFORE_PARK rounds. */
  pool.idle_spin_ns = pin ? DOSC_IDLE_SPIN_NS : 0;
  if (pin && (self < 0 || self >= CPU_SETSIZE || !CPU_ISSET(self, &allowed)))
    self = -1; /* unknown: bind workers to the first CPUs */
  size_t stack = worker_stack_bytes();
  for (int i = 1; i < threads; i++) {
    if (worker_init(&workers[i], i) != 0) {
      snprintf(why, sizeof why, "out of memory");
      break;
    }
    int failed = start_worker(&workers[i], pin, &allowed, self, stack);
    if (failed) {
      /* Memory, RLIMIT_NPROC or a cgroup's pids limit: run with the workers
       * started so far. */
      dosc_deque_destroy(&workers[i].deque);
      snprintf(why, sizeof why, "%s", strerror(failed));
      break;
    }
    pool.threads = i + 1;
  }
  /* release: pairs with the acquire load in worker_main. */
  atomic_store_explicit(&pool.open, 1, memory_order_release);
  if (pool.threads < asked)
    fprintf(stderr, "dosc: warning: could only start %d of %d threads (%s)\n", pool.threads, asked,
            why);
  return pool.threads;
}

/* pthread_join, but polls first: a worker that sees `stopping` exits within
 * tens of us, and blocking in the kernel at once would add the wake-up of
 * this (by then idle) CPU to the exit of every program: ~25 us on a VM. */
static void join_worker(pthread_t thread) {
  long long deadline = monotonic_ns() + 1000000;
  while (pthread_tryjoin_np(thread, NULL) == EBUSY) {
    if (monotonic_ns() > deadline) {
      pthread_join(thread, NULL);
      return;
    }
    dosc_cpu_relax();
  }
}

void dosc_pool_stop(void) {
  if (pool.workers == NULL) return;
  /* release: pairs with the acquire load in worker_main. */
  atomic_store_explicit(&pool.stopping, 1, memory_order_release);
  atomic_fetch_add_explicit(&pool.wake_epoch, 1, memory_order_release);
  futex_wake(&pool.wake_epoch, INT_MAX);
  if (tls_worker != &pool.workers[0])
    return; /* exit() from a task on another thread: the process is ending */
  for (int i = 1; i < pool.threads; i++)
    join_worker(pool.workers[i].thread);
  for (int i = 0; i < pool.threads; i++) {
    dosc_worker *worker = &pool.workers[i];
    dosc_deque_destroy(&worker->deque);
    for (dosc_task_batch *batch = worker->batches; batch != NULL;) {
      dosc_task_batch *next = batch->next;
      free(batch);
      batch = next;
    }
  }
  free(pool.workers);
  pool.workers = NULL;
  pool.threads = 1;
  tls_worker = NULL;
}

void dosc_pool_time_tasks(int on) {
  timing_tasks = on;
}

long long dosc_pool_task_ns(void) {
  return atomic_load_explicit(&top_level_task_ns, memory_order_relaxed);
}

int dosc_pool_threads(void) {
  return pool.threads;
}
