/* Examples/matmul/matmul.c with an OpenMP `parallel for` over the same row blocks. */
#include <stdio.h>
#include <stdlib.h>

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

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 256;
  int rows = 16;
  double *A = malloc(sizeof(double) * n * n);
  double *B = malloc(sizeof(double) * n * n);
  double *C = malloc(sizeof(double) * n * n);
  for (int i = 0; i < n * n; i++) {
    A[i] = (double)(i % 7) - 3.0;
    B[i] = (double)(i % 5) - 2.0;
  }
#pragma omp parallel for schedule(dynamic)
  for (int lo = 0; lo < n; lo += rows) {
    int hi = lo + rows < n ? lo + rows : n;
    mm_rows(A, B, C, n, lo, hi);
  }
  double trace = 0.0, total = 0.0;
  for (int i = 0; i < n; i++) trace += C[i * n + i];
  for (int i = 0; i < n * n; i++) total += C[i];
  printf("n = %d trace = %.1f total = %.1f\n", n, trace, total);
  free(A);
  free(B);
  free(C);
  return 0;
}
