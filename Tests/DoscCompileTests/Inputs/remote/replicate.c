/* Three read-only parameters, one for each side of the replication rule
 * (dosc_replicated): B (the whole matrix, from 0, 128 KiB) is sent once per
 * rank; A's rows start at the task's `lo` (a region that moves with the
 * task) and weights (from 0, but 1 KiB, under 4 KiB) go with every task.
 * `dosc explain` and the runtime's byte counters must agree on which. */
#include <stdio.h>
#include <stdlib.h>

void scaled_rows(const double *A, const double *B, const double *weights, double *C, int n,
                 int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++) {
      double sum = 0.0;
      for (int k = 0; k < n; k++)
        sum += A[i * n + k] * B[k * n + j];
      C[i * n + j] = sum * weights[j];
    }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 128, rows = 8;
  double *A = malloc(sizeof(double) * n * n), *B = malloc(sizeof(double) * n * n);
  double *C = malloc(sizeof(double) * n * n), *weights = malloc(sizeof(double) * n);
  for (int i = 0; i < n * n; i++) {
    A[i] = (double)(i % 7) - 3.0;
    B[i] = (double)(i % 5) - 2.0;
  }
  for (int j = 0; j < n; j++)
    weights[j] = 1.0 + (j % 3);
  for (int lo = 0; lo < n; lo += rows) {
#pragma dosc task
    scaled_rows(A, B, weights, C, n, lo, lo + rows < n ? lo + rows : n);
  }
#pragma dosc taskwait
  double total = 0.0;
  for (int i = 0; i < n * n; i++)
    total += C[i] * (i % 3 + 1);
  printf("total = %.1f\n", total);
  free(A);
  free(B);
  free(C);
  free(weights);
  return 0;
}
