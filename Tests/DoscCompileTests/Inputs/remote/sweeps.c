/* One site whose tasks move 800 KB each: with one sweep over the data a task's
 * work would pay for a round trip, but not for its bytes, so under auto it
 * stays on rank 0; with many sweeps the same bytes are worth shipping. The
 * spawn-time bytes test (dosc_spawn_choice) makes the difference.
 *   usage: sweeps CHUNK SWEEPS */
#include <stdio.h>
#include <stdlib.h>

double sweep(const double *v, int lo, int hi, int sweeps) {
  double sum = 0.0;
  for (int s = 0; s < sweeps; s++)
    for (int i = lo; i < hi; i++)
      sum += v[i] * (s + 1);
  return sum;
}

int main(int argc, char **argv) {
  int chunk = argc > 1 ? atoi(argv[1]) : 100000;
  int sweeps = argc > 2 ? atoi(argv[2]) : 1;
  int tasks = 16;
  double *v = malloc(sizeof(double) * chunk * tasks);
  double part[16];
  for (int i = 0; i < chunk * tasks; i++)
    v[i] = (double)(i % 13) - 6.0;
  for (int t = 0; t < tasks; t++) {
#pragma dosc task
    part[t] = sweep(v, t * chunk, (t + 1) * chunk, sweeps);
  }
#pragma dosc taskwait
  double total = 0.0;
  for (int t = 0; t < tasks; t++)
    total += part[t];
  printf("total = %.1f\n", total);
  free(v);
  return 0;
}
