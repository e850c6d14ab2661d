/* test_util.h - tiny helpers for the hand-lowered runtime tests.
 *
 * Each test program checks its own results with CHECK and exits non-zero on
 * any failure; tests/run_tests.sh runs the programs under the environments
 * to test and checks their exit status, stdout and stderr. */
#ifndef DOSC_TEST_UTIL_H
#define DOSC_TEST_UTIL_H

#define _GNU_SOURCE
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int test_failures;

#define CHECK(cond, ...)                                                                           \
  do {                                                                                             \
    if (!(cond)) {                                                                                 \
      test_failures++;                                                                             \
      fprintf(stderr, "FAIL %s:%d: %s: ", __FILE__, __LINE__, #cond);                              \
      fprintf(stderr, __VA_ARGS__);                                                                \
      fputc('\n', stderr);                                                                         \
    }                                                                                              \
  } while (0)

/* A CHECK that is counted, for tests that report how many checks they made. */
static int test_checks __attribute__((unused));
#define EXPECT(cond, ...)                                                                          \
  do {                                                                                             \
    test_checks++;                                                                                 \
    CHECK(cond, __VA_ARGS__);                                                                      \
  } while (0)

static inline double test_seconds(clockid_t clock) {
  struct timespec now;
  clock_gettime(clock, &now);
  return (double)now.tv_sec + (double)now.tv_nsec * 1e-9;
}

/* Spins until *flag is non-zero or `timeout` seconds pass; 1 if it was set. */
static inline int test_wait_flag(atomic_int *flag, double timeout) {
  double end = test_seconds(CLOCK_MONOTONIC) + timeout;
  while (!atomic_load_explicit(flag, memory_order_acquire)) {
    if (test_seconds(CLOCK_MONOTONIC) > end) return 0;
    sched_yield(); /* let the thread we wait for run (valgrind runs one at a time) */
  }
  return 1;
}

static inline int test_exit_status(void) {
  return test_failures == 0 ? 0 : 1;
}

#endif
