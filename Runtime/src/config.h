/* config.h - tunables and assertions of the runtime (private).
 *
 * Every tunable can be overridden at build time, e.g.
 *   make -C Runtime CFLAGS_EXTRA=-DDOSC_STEAL_ROUNDS_BEFORE_PARK=64
 * and is checked by a _Static_assert.
 */
#ifndef DOSC_CONFIG_H
#define DOSC_CONFIG_H

#include <stdio.h>
#include <stdlib.h>

/* Size of a cache line on the machines we target (x86-64, most AArch64).
 * Data written by one thread and read by others is padded to it so that
 * unrelated writes do not invalidate each other's lines (false sharing). */
#ifndef DOSC_CACHE_LINE
#define DOSC_CACHE_LINE 64
#endif
_Static_assert(DOSC_CACHE_LINE >= 32 && (DOSC_CACHE_LINE & (DOSC_CACHE_LINE - 1)) == 0,
               "DOSC_CACHE_LINE must be a power of two >= 32");

/* Argument bytes stored inside a task record; larger argument blocks are
 * malloc'ed. 96 makes a task record exactly two cache lines. */
#ifndef DOSC_TASK_INLINE_ARGS
#define DOSC_TASK_INLINE_ARGS 96
#endif
_Static_assert(DOSC_TASK_INLINE_ARGS >= 16 && DOSC_TASK_INLINE_ARGS % 16 == 0,
               "DOSC_TASK_INLINE_ARGS must be a multiple of 16, at least 16");

/* Task records are allocated by the batch from a per-worker free list. */
#ifndef DOSC_TASK_BATCH
#define DOSC_TASK_BATCH 64
#endif
_Static_assert(DOSC_TASK_BATCH >= 1 && DOSC_TASK_BATCH <= 4096, "DOSC_TASK_BATCH out of range");

/* Initial slots of a worker's deque; it doubles when full. */
#ifndef DOSC_DEQUE_INITIAL_CAPACITY
#define DOSC_DEQUE_INITIAL_CAPACITY 256
#endif
_Static_assert(DOSC_DEQUE_INITIAL_CAPACITY >= 2 &&
                   (DOSC_DEQUE_INITIAL_CAPACITY & (DOSC_DEQUE_INITIAL_CAPACITY - 1)) == 0,
               "DOSC_DEQUE_INITIAL_CAPACITY must be a power of two >= 2");

/* Largest deque (slots). A push beyond it runs the task at once instead. */
#ifndef DOSC_DEQUE_MAX_CAPACITY
#define DOSC_DEQUE_MAX_CAPACITY (1L << 24)
#endif
_Static_assert(DOSC_DEQUE_MAX_CAPACITY >= DOSC_DEQUE_INITIAL_CAPACITY &&
                   (DOSC_DEQUE_MAX_CAPACITY & (DOSC_DEQUE_MAX_CAPACITY - 1)) == 0,
               "DOSC_DEQUE_MAX_CAPACITY must be a power of two >= the initial capacity");

/* An idle worker keeps looking for work (rounds of steal attempts, one per
 * victim, with a pause between) for at least DOSC_STEAL_ROUNDS_BEFORE_PARK
 * rounds and DOSC_IDLE_SPIN_NS nanoseconds, then parks on the futex. A round
 * costs tens of ns, so the time bound decides: 0.2 ms is long enough to catch
 * the next spawn of a fork-join program (and the first spawn, while the
 * starting thread still reads the sidecar) without a futex wake-up, whose
 * latency is tens of us on an idle core; short enough that an idle pool
 * costs no CPU time worth measuring. Only workers bound to a CPU of their
 * own (DOSC_PIN_WORKERS) spin by time; unbound ones, which may share a CPU
 * with a busy worker, park after the rounds alone (~10 us). */
#ifndef DOSC_STEAL_ROUNDS_BEFORE_PARK
#define DOSC_STEAL_ROUNDS_BEFORE_PARK 256
#endif
_Static_assert(DOSC_STEAL_ROUNDS_BEFORE_PARK >= 1, "DOSC_STEAL_ROUNDS_BEFORE_PARK must be >= 1");
#ifndef DOSC_IDLE_SPIN_NS
#define DOSC_IDLE_SPIN_NS 200000
#endif
_Static_assert(DOSC_IDLE_SPIN_NS >= 0 && DOSC_IDLE_SPIN_NS <= 100000000,
               "DOSC_IDLE_SPIN_NS must be between 0 and 0.1 s");

/* 1: each worker thread (1 .. threads-1) is bound to one CPU of the
 * process's affinity set, never the CPU the starting thread (worker 0, main)
 * is on, when there are at least as many CPUs as workers; the starting
 * thread itself is left unbound (threads the program creates inherit its
 * mask). Without it Linux often queues a new or woken worker on the CPU of
 * the thread that created or woke it, which is busy running tasks, and the
 * worker waits there for a load-balancing tick (1.5-4 ms on a 2-core VM,
 * measured for half of all thread starts and a fifth of all wake-ups) while
 * the other core idles. 0: never bind. */
/* The stack of each worker when the starting thread's is unlimited (ulimit -s unlimited, as
 * HPC sites often set it). glibc then gives a new thread 2 MiB, where the plain program's main
 * thread grows without limit: a task recursing 100,000 deep ran in the plain build and crashed
 * on a worker. Address space, reserved: pages are used only as deep as a task recurses. With a
 * finite limit each worker gets that limit, as glibc does. */
#ifndef DOSC_UNLIMITED_STACK_BYTES
#define DOSC_UNLIMITED_STACK_BYTES (1UL << 30)
#endif
_Static_assert(DOSC_UNLIMITED_STACK_BYTES >= (1UL << 21), "DOSC_UNLIMITED_STACK_BYTES below 2 MiB");

#ifndef DOSC_PIN_WORKERS
#define DOSC_PIN_WORKERS 1
#endif
_Static_assert(DOSC_PIN_WORKERS == 0 || DOSC_PIN_WORKERS == 1, "DOSC_PIN_WORKERS must be 0 or 1");

/* A thread in taskwait with nothing to run spins this many rounds, then
 * yields the CPU (sched_yield) between rounds for DOSC_WAIT_YIELD_NS, then
 * blocks until a child completes or work appears (pool.c, wait_blocked). */
#ifndef DOSC_WAIT_SPINS_BEFORE_YIELD
#define DOSC_WAIT_SPINS_BEFORE_YIELD 64
#endif
_Static_assert(DOSC_WAIT_SPINS_BEFORE_YIELD >= 0, "DOSC_WAIT_SPINS_BEFORE_YIELD must be >= 0");

/* How long a thread at a taskwait yields between rounds before it blocks. Its children run
 * elsewhere (other workers, other ranks): a yielding thread is always runnable, and on 3 ranks of
 * 1 thread on 2 cores rank 0's waiting thread (2,900-4,500 yields a run) made three runnable
 * threads for two cores, so the serving ranks often shared one (matmul 256 forced remote: 30.5
 * against 17.7 ms). The same as the time the communication thread leaves to a polling waiter
 * (remote.c, DOSC_HELPER_ACTIVE_NS) before it polls MPI itself. */
#ifndef DOSC_WAIT_YIELD_NS
#define DOSC_WAIT_YIELD_NS 200000
#endif
_Static_assert(DOSC_WAIT_YIELD_NS >= 0 && DOSC_WAIT_YIELD_NS <= 100000000,
               "DOSC_WAIT_YIELD_NS must be between 0 and 0.1 s");
/* A blocked waiter looks at its frame again after this even if nothing woke it (every
 * completion and push wakes it: this only bounds the cost of a wake-up a future path forgets). */
#ifndef DOSC_WAIT_BLOCK_MAX_NS
#define DOSC_WAIT_BLOCK_MAX_NS 50000000
#endif
_Static_assert(DOSC_WAIT_BLOCK_MAX_NS > 0 && DOSC_WAIT_BLOCK_MAX_NS < 1000000000,
               "DOSC_WAIT_BLOCK_MAX_NS must be between 0 and 1 s");

/* Upper bound of DOSC_THREADS. */
#ifndef DOSC_MAX_THREADS
#define DOSC_MAX_THREADS 1024
#endif
_Static_assert(DOSC_MAX_THREADS >= 1, "DOSC_MAX_THREADS must be >= 1");

/* Largest sidecar manifest and machine profile read at start-up. A bigger
 * file is refused with the usual warning instead of being read: the runtime
 * reads these before main, and a runaway file must not eat the program's
 * memory or time. */
#ifndef DOSC_SIDECAR_MAX_BYTES
#define DOSC_SIDECAR_MAX_BYTES ((size_t)64 << 20)
#endif
#ifndef DOSC_PROFILE_MAX_BYTES
#define DOSC_PROFILE_MAX_BYTES ((size_t)1 << 20)
#endif
_Static_assert(DOSC_SIDECAR_MAX_BYTES >= 4096 && DOSC_PROFILE_MAX_BYTES >= 4096,
               "DOSC_SIDECAR_MAX_BYTES and DOSC_PROFILE_MAX_BYTES must be >= 4096");

/* Internal consistency checks; compiled out with -DNDEBUG (release builds
 * keep them out of the spawn path). */
#ifdef NDEBUG
#define DOSC_ASSERT(cond) ((void)0)
#else
#define DOSC_ASSERT(cond)                                                                          \
  ((cond) ? (void)0                                                                                \
          : (fprintf(stderr, "dosc: internal error: %s:%d: assertion '%s' failed\n", __FILE__,     \
                     __LINE__, #cond),                                                             \
             abort()))
#endif

/* Built with -fsanitize=thread (a program's sanitizer build, see Runtime/
 * README.md), gcc warns that ThreadSanitizer does not model
 * atomic_thread_fence. It still executes the fence, so the runtime stays
 * correct, and no data is published through one: the two seq_cst fences
 * (pop against steal in deque.h, park against push in pool.c) only order
 * atomics among themselves, while every write another thread reads later is
 * published by a release/acquire pair ThreadSanitizer does see (a push's
 * store of bottom and a steal's load of it; a task's decrement of pending
 * and taskwait's load). Hence no false report, and nothing to warn about. */
#if defined(__SANITIZE_THREAD__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wtsan"
#endif

/* Marks functions that are internal to libdosc but shared between its files;
 * the library is built with -fvisibility=hidden, so this is documentation. */
#define DOSC_INTERNAL __attribute__((visibility("hidden")))

#if defined(__x86_64__) || defined(__i386__)
#define dosc_cpu_relax() __builtin_ia32_pause()
#elif defined(__aarch64__)
#define dosc_cpu_relax() __asm__ __volatile__("yield" ::: "memory")
#else
#define dosc_cpu_relax() ((void)0)
#endif

#endif /* DOSC_CONFIG_H */
