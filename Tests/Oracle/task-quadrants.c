/* Remote attack: strassen/cilk-matmul quadrants: recursion on sub-matrices of a row-major
   matrix with a leading dimension, `A + h*ld + h`; the footprint spans (n-1)*ld + n elements. */
#include <stdio.h>
#include <stdlib.h>

/* C += A * B on n x n blocks inside ld-wide matrices. */
void block_mm(double *C, const double *A, const double *B, int n, int ld) {
  if (n <= 4) {
    for (int i = 0; i < n; i++)
      for (int k = 0; k < n; k++)
        for (int j = 0; j < n; j++) C[i * ld + j] += A[i * ld + k] * B[k * ld + j];
    return;
  }
  int h = n / 2;
#pragma dosc task
  block_mm(C, A, B, h, ld);
#pragma dosc task
  block_mm(C + h, A, B + h, h, ld);
#pragma dosc task
  block_mm(C + h * ld, A + h * ld, B, h, ld);
#pragma dosc task
  block_mm(C + h * ld + h, A + h * ld, B + h, h, ld);
#pragma dosc taskwait
#pragma dosc task
  block_mm(C, A + h, B + h * ld, h, ld);
#pragma dosc task
  block_mm(C + h, A + h, B + h * ld + h, h, ld);
#pragma dosc task
  block_mm(C + h * ld, A + h * ld + h, B + h * ld, h, ld);
#pragma dosc task
  block_mm(C + h * ld + h, A + h * ld + h, B + h * ld + h, h, ld);
#pragma dosc taskwait
}

/* A transposed quadrant copy: reads a column-strided block. */
void transpose_block(double *dst, const double *src, int n, int ld) {
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) dst[j * ld + i] = src[i * ld + j];
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 16;
  double *A = malloc(sizeof(double) * (size_t)n * n), *B = malloc(sizeof(double) * (size_t)n * n);
  double *C = calloc((size_t)n * n, sizeof(double)), *T = calloc((size_t)n * n, sizeof(double));
  for (int i = 0; i < n * n; i++) A[i] = i % 5 - 2, B[i] = i % 3;
#pragma dosc task
  block_mm(C, A, B, n, n);
#pragma dosc taskwait
  int h = n / 2;
  for (int q = 0; q < 4; q++) {
    int r = q / 2 * h, c = q % 2 * h;
#pragma dosc task
    transpose_block(T + c * n + r, C + r * n + c, h, n);
  }
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n * n; i++) s += C[i] * (i % 7) + T[i] * (i % 5);
  printf("C %.1f\n", s);
  free(A);
  free(B);
  free(C);
  free(T);
  return 0;
}
