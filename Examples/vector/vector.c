/* Blocked vector update y = a*x + y: one task per block of the vectors. */
#include <stdio.h>
#include <stdlib.h>

void axpy_block(double a, const double *x, double *y, long lo, long hi) {
  for (long i = lo; i < hi; i++)
    y[i] += a * x[i];
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  long block = 65536;
  double *x = malloc(n * sizeof *x), *y = malloc(n * sizeof *y);
  for (long i = 0; i < n; i++) {
    x[i] = (double)(i % 17);
    y[i] = (double)(i % 5);
  }
  for (int rep = 0; rep < 4; rep++) {
    for (long lo = 0; lo < n; lo += block) {
      long hi = lo + block < n ? lo + block : n;
#pragma dosc task
      axpy_block(0.5, x, y, lo, hi);
    }
#pragma dosc taskwait
  }
  double sum = 0;
  for (long i = 0; i < n; i++) sum += y[i];
  printf("sum = %.1f\n", sum);
  free(x);
  free(y);
  return 0;
}
