/* calibrate_runtime - measures the runtime's own costs for `dosc calibrate`:
 * a plain call, a spawn that its owner runs itself (pushed, popped back at
 * the taskwait), and a steal (another worker takes the task). Hand-lowered
 * like Runtime/tests: it calls the ABI directly, as generated code does.
 *
 * usage: calibrate_runtime owner|steal ROUNDS
 * Prints, per measurement, "NAME MEDIAN_NS SPREAD" where MEDIAN_NS is the
 * median over ROUNDS rounds of the per-operation time and SPREAD the
 * rounds' interquartile range over the median; `dosc calibrate` launches
 * this program many times and combines the launches (Calibration.swift).
 * `owner` (call_ns, spawn_ns) runs with DOSC_THREADS=1, so no other worker
 * can take the task; `steal` (steal_ns) with DOSC_THREADS=2 ("steal_ns
 * unavailable" when the second worker is missing).
 *
 * Each measuring thread is bound to one CPU first, and the figures are taken
 * after a warm-up: a thread the scheduler moves mid-round, or an owner that
 * lands on the thief's CPU, measured the scheduler, not the runtime. The
 * CPUs are printed ("cpus owner=A thief=B"). What binding cannot fix is the
 * hypervisor's: on a VM the two CPUs' distance (hyperthreads of one core,
 * one core complex, or not) changes from launch to launch, steal_ns with it
 * (120, 260 or 950 ns on the 2-CPU VM this was written on; while that VM was
 * busy, near 260 or near 950 for 30-90 s at a time), which is why `dosc
 * calibrate` combines many launches, split by placement when they fall in
 * modes (PlacedFigure.swift), and keeps each launch's CPUs beside its figure
 * (the same two CPUs in every mode: the hypervisor moved them). */
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "calibrate_stats.h"
#include "dosc.h"
#include "dosc_abi.h"

static const dosc_site_info sites[] = {
    {0, "calibrate", "calibrate_runtime.c", 1, 1, DOSC_BIND_LOCAL, 0, 0, NULL}};
static dosc_site_state states[1];
static const dosc_program_info program = {"calibrate-runtime", 1, sites, states};

/* Median and (q3 - q1) / median of `count` samples. */
static void summarize(const char *name, double *samples, int count) {
  double spread;
  double median = calibrate_median(samples, count, &spread);
  printf("%s %.3f %.3f\n", name, median, spread);
  fflush(stdout);
}

static volatile long sink;
__attribute__((noinline)) static void plain_task(void *arguments) {
  sink += *(const long *)arguments;
}

/* One call through a pointer, as a plain-call site runs an out-of-line task. */
static double call_round(long count) {
  void (*volatile function)(void *) = plain_task;
  double start = calibrate_now_ns();
  for (long i = 0; i < count; i++)
    function(&i);
  return (calibrate_now_ns() - start) / (double)count;
}

/* Spawn + taskwait of a task nobody steals: one worker, or others parked far away. */
static double spawn_round(long count) {
  double start = calibrate_now_ns();
  for (long i = 0; i < count; i++) {
    dosc_frame frame;
    dosc_frame_init(&frame);
    dosc_spawn(&frame, plain_task, &i, sizeof i);
    dosc_taskwait(&frame);
  }
  return (calibrate_now_ns() - start) / (double)count;
}

/* Binds the calling thread to `cpu`; 0 when it cannot (then it stays where
 * the scheduler puts it, and the figure is measured all the same). */
static int bind_to(int cpu) {
  cpu_set_t one;
  CPU_ZERO(&one);
  CPU_SET(cpu, &one);
  return pthread_setaffinity_np(pthread_self(), sizeof one, &one) == 0;
}

/* The first CPU of the process's set other than `avoid`, or -1. */
static int cpu_other_than(const cpu_set_t *allowed, int avoid) {
  for (int cpu = 0; cpu < CPU_SETSIZE; cpu++)
    if (CPU_ISSET(cpu, allowed) && cpu != avoid) return cpu;
  return -1;
}

static atomic_int started;
static void flag_task(void *arguments) {
  (void)arguments;
  atomic_store_explicit(&started, 1, memory_order_release);
}

/* Run once by the thief, on its own thread: binds it where it is. */
static atomic_int thief_cpu = -1;
static void bind_thief_task(void *arguments) {
  (void)arguments;
  int cpu = sched_getcpu();
  if (cpu >= 0 && bind_to(cpu)) atomic_store_explicit(&thief_cpu, cpu, memory_order_relaxed);
  atomic_store_explicit(&started, 1, memory_order_release);
}

/* Binds the thief (worker 1) to the CPU it runs on and the owner (this
 * thread) to another; prints both. The runtime already binds its workers
 * (DOSC_PIN_WORKERS) but leaves the starting thread free to move, onto the
 * thief's CPU too. Returns 0 when the task was not stolen. */
static int bind_owner_and_thief(const cpu_set_t *allowed) {
  dosc_frame frame;
  dosc_frame_init(&frame);
  atomic_store_explicit(&started, 0, memory_order_relaxed);
  long unused = 0;
  dosc_spawn(&frame, bind_thief_task, &unused, sizeof unused);
  double deadline = calibrate_now_ns() + 1e9;
  while (!atomic_load_explicit(&started, memory_order_acquire) && calibrate_now_ns() < deadline) {
  }
  dosc_taskwait(&frame);
  int thief = atomic_load_explicit(&thief_cpu, memory_order_relaxed);
  int owner = thief >= 0 ? cpu_other_than(allowed, thief) : -1;
  if (owner >= 0 && !bind_to(owner)) owner = -1;
  printf("cpus owner=%d thief=%d\n", owner, thief);
  return atomic_load_explicit(&started, memory_order_acquire);
}

/* Time from a spawn until another worker runs it: the owner does not wait at
 * the taskwait but spins on a flag the task sets, so the task must be stolen.
 * The median of `count` steals, each timed alone. */
static double steal_round(long count) {
  static double times[4096];
  if (count > 4096) count = 4096;
  for (long i = 0; i < count; i++) {
    dosc_frame frame;
    dosc_frame_init(&frame);
    atomic_store_explicit(&started, 0, memory_order_relaxed);
    double start = calibrate_now_ns();
    dosc_spawn(&frame, flag_task, &i, sizeof i);
    while (!atomic_load_explicit(&started, memory_order_acquire)) {
    }
    times[i] = calibrate_now_ns() - start;
    dosc_taskwait(&frame);
  }
  qsort(times, (size_t)count, sizeof *times, calibrate_compare);
  return times[count / 2];
}

/* Runs `measure` for `ms` milliseconds, its figures thrown away: the
 * caches, the deque's first growth, and a CPU that a hypervisor or the
 * governor clocks down while idle are all warm when the rounds start. */
static void warm_up(double (*measure)(long), long count, double ms) {
  double until = calibrate_now_ns() + ms * 1e6;
  while (calibrate_now_ns() < until)
    measure(count);
}

/* A round: the median of 64 chunks of `count` / 64 operations each, so a
 * chunk during which another process had the CPU (a shared machine) spoils
 * that chunk, not the round. */
static double chunked_round(double (*measure)(long), long count) {
  double chunks[64];
  for (int c = 0; c < 64; c++)
    chunks[c] = measure(count / 64);
  qsort(chunks, 64, sizeof *chunks, calibrate_compare);
  return chunks[32];
}

int main(int argc, char **argv) {
  int steal = argc > 1 && argv[1][0] == 's';
  int rounds = argc > 2 ? atoi(argv[2]) : 9;
  if (rounds < 3 || rounds > 1000) rounds = 9;
  cpu_set_t allowed;
  if (sched_getaffinity(0, sizeof allowed, &allowed) != 0) CPU_ZERO(&allowed);
  dosc_start(&program, &argc, &argv);
  double *samples = malloc(sizeof *samples * (size_t)rounds);
  if (samples == NULL) return 1;
  if (!steal) {
    int cpu = sched_getcpu();
    printf("cpus owner=%d\n", cpu >= 0 && bind_to(cpu) ? cpu : -1);
    warm_up(call_round, 200000, 10);
    for (int r = 0; r < rounds; r++)
      samples[r] = chunked_round(call_round, 2000000);
    summarize("call_ns", samples, rounds);
    warm_up(spawn_round, 20000, 10);
    for (int r = 0; r < rounds; r++)
      samples[r] = chunked_round(spawn_round, 200000);
    summarize("spawn_ns", samples, rounds);
  } else if (dosc_thread_count() >= 2 && bind_owner_and_thief(&allowed)) {
    warm_up(steal_round, 200, 10);
    for (int r = 0; r < rounds; r++)
      samples[r] = steal_round(2000);
    summarize("steal_ns", samples, rounds);
  } else {
    printf("steal_ns unavailable\n");
  }
  free(samples);
  return 0;
}
