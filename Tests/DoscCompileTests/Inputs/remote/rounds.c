/* Two rounds of a row-block multiply C = A * B; the caller changes B between
 * them. Run remotely, B (read by every task, written by none) goes to each
 * rank once per round, and the second round must see the new B, never the
 * replica of the first. A second argument pauses the caller that many
 * microseconds after each spawn: a caller slower than the ranks, whose
 * tasks all finish before it spawns the next, still sends B once per rank
 * per round. */
#define _POSIX_C_SOURCE 199309L
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

void mm_rows(const double *A, const double *B, double *C, int n, int lo,
             int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++) {
      double sum = 0.0;
      for (int k = 0; k < n; k++)
        sum += A[i * n + k] * B[k * n + j];
      C[i * n + j] = sum;
    }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 128, rows = 8;
  long pause_us = argc > 2 ? atol(argv[2]) : 0;
  double *A = malloc(sizeof(double) * n * n),
         *B = malloc(sizeof(double) * n * n);
  double *C = malloc(sizeof(double) * n * n);
  for (int i = 0; i < n * n; i++) {
    A[i] = (double)(i % 7) - 3.0;
    B[i] = (double)(i % 5) - 2.0;
  }
  for (int round = 0; round < 2; round++) {
    for (int lo = 0; lo < n; lo += rows) {
#pragma dosc task
      mm_rows(A, B, C, n, lo, lo + rows < n ? lo + rows : n);
      struct timespec pause = {0, pause_us * 1000};
      if (pause_us > 0) nanosleep(&pause, NULL);
    }
#pragma dosc taskwait
    double total = 0.0;
    for (int i = 0; i < n * n; i++)
      total += C[i] * (i % 3 + 1);
    printf("round %d: total = %.1f\n", round, total);
    for (int i = 0; i < n * n; i++)
      B[i] = B[i] * 2.0 + 1.0; /* the next round's B */
  }
  free(A);
  free(B);
  free(C);
  return 0;
}
