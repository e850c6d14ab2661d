#include "kernels.h"

void mm_rows(const double *A, const double *B, double *C, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    double *c = C + i * n;
    for (int j = 0; j < n; j++) {
      double sum = 0.0;
      for (int k = 0; k < n; k++)
        sum += A[i * n + k] * B[k * n + j];
      c[j] = sum;
    }
  }
}

double checksum(const double *v, long n) {
  double total = 0.0;
  for (long i = 0; i < n; i++) total += v[i] * (double)(i % 7 + 1);
  return total;
}
