/* bench/remote_roundtrip.c's empty task (1 double in, 1 back) with each task + taskwait clocked
 * on rank 0 (CLOCK_MONOTONIC): prints the 10th, 25th and 50th percentiles in ns of ROUNDS trips
 * after a tenth more that warm up, as bench/remote_pingpong_clock.c does for raw MPI.
 *   usage (DOSC_BIND=remote DOSC_THREADS=1, a zero-cost profile, as bench/remote.sh):
 *     dosc run -n 2 remote_roundtrip_clock ROUNDS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void bump(double *v, int n) {
  for (int i = 0; i < n; i++)
    v[i] += 1.0;
}

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int rounds = argc > 1 ? atoi(argv[1]) : 100000;
  if (rounds < 1) return 2;
  double *v = calloc(1, sizeof(double));
  long long *trips = malloc(sizeof *trips * (size_t)rounds);
  if (v == NULL || trips == NULL) return 1;
  for (int r = -rounds / 10; r < rounds; r++) {
    long long start = now_ns();
#pragma dosc task
    bump(v, 1);
#pragma dosc taskwait
    if (r >= 0) trips[r] = now_ns() - start;
  }
  qsort(trips, (size_t)rounds, sizeof *trips, by_value);
  printf("p10 %lld p25 %lld p50 %lld check %.0f\n", trips[rounds / 10], trips[rounds / 4],
         trips[rounds / 2], v[0]);
  free(trips);
  free(v);
  return 0;
}
