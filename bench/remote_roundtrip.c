/* A remote task's round trip: `rounds` times, one task that adds 1 to each of
 * v[0 .. n) (n doubles in, the same n doubles back), then the taskwait.
 * Prints microseconds per round trip and MB/s moved (both ways). Under
 * `dosc run -n 2` with DOSC_BIND=remote the task runs on rank 1; compare
 * with pingpong_mpi.c moving the same bytes.
 *   usage: remote_roundtrip N ROUNDS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void bump(double *v, int n) {
  for (int i = 0; i < n; i++) v[i] += 1.0;
}

static double seconds(void) {
  struct timespec now;
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec + now.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1;
  int rounds = argc > 2 ? atoi(argv[2]) : 1000;
  double *v = calloc(n, sizeof(double));
  double start = 0;
  for (int r = -rounds / 10; r < rounds; r++) { /* the first tenth warms up */
    if (r == 0) start = seconds();
#pragma dosc task
    bump(v, n);
#pragma dosc taskwait
  }
  double elapsed = seconds() - start;
  printf("bytes %zu round_trip_us %.2f mb_per_s %.1f check %.0f\n", n * sizeof(double),
         elapsed / rounds * 1e6, 2.0 * n * sizeof(double) * rounds / elapsed / 1e6, v[n - 1]);
  free(v);
  return 0;
}
