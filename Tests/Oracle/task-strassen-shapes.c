/* The shapes of BOTS strassen (Barcelona OpenMP Tasks Suite; code written for dosc, not
   copied): quadrants by pointer arithmetic with row widths, pointer bumps through an integer
   type (PTR), temporaries allocated by a task and handed to child tasks. */
#include <stdio.h>
#include <stdlib.h>
typedef double REAL;
typedef unsigned long PTR;

void matrixmul(int n, REAL *A, int an, REAL *B, int bn, REAL *C, int cn) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      REAL s = 0.0;
      for (int k = 0; k < n; ++k) s += A[i * an + k] * B[k * bn + j];
      C[i * cn + j] = s;
    }
}

void naive_ptr(REAL *C, REAL *A, REAL *B, unsigned size, unsigned wc, unsigned wa, unsigned wb) {
  PTR wbBytes = wb << 3, waBytes = wa << 3, incC = (wc - size) << 3;
  for (unsigned h = 0; h < size; h++) {
    for (unsigned w = 0; w < size; w++) {
      REAL *arow = A, *bcol = B + w, s = 0;
      for (unsigned k = 0; k < size; k++) {
        s += *arow++ * *bcol;
        bcol = (REAL *)(((PTR)bcol) + wbBytes);
      }
      *C++ = s;
    }
    A = (REAL *)(((PTR)A) + waBytes);
    C = (REAL *)(((PTR)C) + incC);
  }
}

void add_into(REAL *T, const REAL *X, const REAL *Y, int q, int wt, int wx, int wy) {
  for (int i = 0; i < q; i++)
    for (int j = 0; j < q; j++) T[i * wt + j] = X[i * wx + j] + Y[i * wy + j];
}

void divide(REAL *C, REAL *A, REAL *B, int size, int wc, int wa, int wb) {
  if (size <= 4) {
#pragma dosc task
    matrixmul(size, A, wa, B, wb, C, wc);
    return;
  }
  int q = size / 2;
  REAL *A01 = A + q, *A10 = A + wa * q, *A11 = A10 + q;
  REAL *B01 = B + q, *B10 = B + wb * q, *B11 = B10 + q;
  REAL *C01 = C + q, *C10 = C + wc * q, *C11 = C10 + q;
  REAL *T = malloc(sizeof(REAL) * 4 * q * q);
  REAL *T01 = T + q, *T10 = T + 2 * q * q, *T11 = T10 + q;
  /* C = A*B computed as sums of eight products into C and T. */
#pragma dosc task
  divide(C, A, B, q, wc, wa, wb);
#pragma dosc task
  divide(C01, A, B01, q, wc, wa, wb);
#pragma dosc task
  divide(C10, A10, B, q, wc, wa, wb);
#pragma dosc task
  divide(C11, A10, B01, q, wc, wa, wb);
#pragma dosc task
  divide(T, A01, B10, q, 2 * q, wa, wb);
#pragma dosc task
  divide(T01, A01, B11, q, 2 * q, wa, wb);
#pragma dosc task
  divide(T10, A11, B10, q, 2 * q, wa, wb);
#pragma dosc task
  divide(T11, A11, B11, q, 2 * q, wa, wb);
#pragma dosc taskwait
#pragma dosc task
  add_into(C, C, T, q, wc, wc, 2 * q);
#pragma dosc task
  add_into(C01, C01, T01, q, wc, wc, 2 * q);
#pragma dosc task
  add_into(C10, C10, T10, q, wc, wc, 2 * q);
#pragma dosc task
  add_into(C11, C11, T11, q, wc, wc, 2 * q);
#pragma dosc taskwait
  free(T);
}

int main(void) {
  int n = 16;
  REAL *A = malloc(sizeof(REAL) * n * n), *B = malloc(sizeof(REAL) * n * n);
  REAL *C = malloc(sizeof(REAL) * n * n), *D = malloc(sizeof(REAL) * n * n);
  for (int i = 0; i < n * n; i++) { A[i] = (i * 7) % 11 - 5; B[i] = (i * 5) % 13 - 6; }
  divide(C, A, B, n, n, n, n);
#pragma dosc task
  naive_ptr(D, A, B, n / 2, n, n, n);
#pragma dosc task
  naive_ptr(D + n / 2 * n, A + n / 2 * n, B, n / 2, n, n, n);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n * n; i++) s += C[i] * (i % 17);
  for (int i = 0; i < n * n / 2; i++) s += D[i % (n / 2) + (i / (n / 2)) * n] * 3;
  printf("%.1f\n", s);
  return 0;
}
