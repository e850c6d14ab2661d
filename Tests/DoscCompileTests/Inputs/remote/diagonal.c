/* An out-only parameter with holes: each task stores the diagonal cells of
 * its rows of C and nothing else, so its written footprint (row lo's diagonal
 * cell to row hi-1's) is not write_dense. Run remotely, that footprint goes in
 * as the twin the serving rank compares with, and only the cells the task
 * changed come back: the caller's other cells keep the values it gave them. */
#include <stdio.h>
#include <stdlib.h>

void diagonal(double *C, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    double s = 0; /* enough work per task to be worth a spawn */
    for (int k = 0; k < n; k++)
      s += 0.5 * k - i;
    C[i * n + i] = s;
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 200, rows = 20;
  double *C = malloc(sizeof(double) * n * n);
  for (int i = 0; i < n * n; i++)
    C[i] = i % 9;
  for (int lo = 0; lo < n; lo += rows) {
    int hi = lo + rows < n ? lo + rows : n;
#pragma dosc task
    diagonal(C, n, lo, hi);
  }
#pragma dosc taskwait
  double sum = 0;
  for (int i = 0; i < n * n; i++)
    sum += C[i] * (i % 7 + 1);
  printf("checksum = %.3f\n", sum);
  free(C);
  return 0;
}
