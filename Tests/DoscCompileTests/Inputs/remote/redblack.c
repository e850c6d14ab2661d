/* Red-black smoothing in place: each task updates the cells of one colour in
 * u[lo, hi) and reads its halo u[lo-1] and u[hi], which neighbouring tasks of
 * the same round do not write (they are the other colour). Run remotely, only
 * the written footprint [lo, hi) may come back: shipping the halo back would
 * overwrite a neighbour's cells with stale copies. */
#include <stdio.h>
#include <stdlib.h>

void relax(double *u, int lo, int hi, int color) {
  for (int i = lo; i < hi; i++)
    if (i % 2 == color)
      u[i] = 0.5 * (u[i - 1] + u[i + 1]) + 0.25;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 60000;
  int rounds = 6, chunk = 5000;
  double *u = malloc((n + 2) * sizeof(double));
  for (int i = 0; i < n + 2; i++)
    u[i] = (i * 7919 % 1009) / 100.0;
  for (int r = 0; r < rounds; r++) {
    for (int color = 0; color < 2; color++) {
      for (int lo = 1; lo <= n; lo += chunk) {
        int hi = lo + chunk <= n + 1 ? lo + chunk : n + 1;
#pragma dosc task
        relax(u, lo, hi, color);
      }
#pragma dosc taskwait
    }
  }
  double sum = 0;
  for (int i = 0; i < n + 2; i++)
    sum += u[i] * (i % 5 + 1);
  printf("checksum = %.9f\n", sum);
  free(u);
  return 0;
}
