/* A program in two files: the tasks are spawned here, their bodies are in kernels.c. */
#include <stdio.h>
#include <stdlib.h>
#include "kernels.h"

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 200;
  double *A = malloc(sizeof(double) * n * n), *B = malloc(sizeof(double) * n * n);
  double *C = malloc(sizeof(double) * n * n);
  for (int i = 0; i < n * n; i++) {
    A[i] = (double)(i % 11) - 5.0;
    B[i] = (double)(i % 13) - 6.0;
  }
  for (int lo = 0; lo < n; lo += 8) {
#pragma dosc task
    mm_rows(A, B, C, n, lo, lo + 8 < n ? lo + 8 : n);
  }
#pragma dosc taskwait
  double sum;
#pragma dosc task
  sum = checksum(C, (long)n * n);
#pragma dosc taskwait
  printf("n = %d checksum = %.1f\n", n, sum);
  free(A);
  free(B);
  free(C);
  return 0;
}
