/* A task whose shipped footprints are made smaller than what it touches (by a compiler
   wrapper that edits the generated footprint functions, as a wrong figure would): under
   forced remote each serving rank writes far past its receive buffer. The job must end with
   a message naming the rank, not hang (RemoteTests.taskOutsideItsFootprintsEndsTheJob). */
#include <stdio.h>
#include <stdlib.h>

void scale(double *v, int lo, int hi) {
  for (int i = lo; i < hi; i++) v[i] = v[i] * 2 + i;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  double *v = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n; i++) v[i] = i;
  for (int b = 0; b < 4; b++) {
#pragma dosc task
    scale(v, b * (n / 4), (b + 1) * (n / 4));
  }
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) s += v[i];
  printf("%.1f\n", s);
  free(v);
  return 0;
}
