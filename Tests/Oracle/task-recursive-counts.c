/* Loads and stores over the whole recursion of a divide-and-conquer task
   (RecursiveCountInduction): a count C(args) is kept when, on every class of paths the
   parameters decide, the task's own count plus C at each call's arguments is at most C. The
   tasks that get counts become remotable: row blocks split in halves, halves of a pointer, an
   8-product quadrant multiply (n^3 leaves), quadrant products with additions at each level (paid
   for under n > CUT), a geometric series (n + n/2 + ... <= 2n). Look-alikes that must stay
   null: n log n work (a pass over the range at each level), two calls over the same range, a
   call in a loop, a range passed reversed (its count would be negative). */
#include <stdio.h>
#include <stdlib.h>

#define CUT 4

/* Row blocks [lo, hi), split at lo + (hi - lo) / 2: writes (hi - lo) * ncols. */
void rows_fill(double *m, int ncols, int lo, int hi) {
  if (hi - lo <= CUT) {
    for (int i = lo; i < hi; i++)
      for (int j = 0; j < ncols; j++) m[i * ncols + j] = i * 0.5 + j;
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  rows_fill(m, ncols, lo, mid);
#pragma dosc task
  rows_fill(m, ncols, mid, hi);
#pragma dosc taskwait
}

/* Halves of a pointer, the base case in the else arm: reads and writes n. */
void halves(int *a, int n) {
  if (n > CUT) {
    int h = n / 2;
#pragma dosc task
    halves(a, h);
#pragma dosc task
    halves(a + h, n - h);
#pragma dosc taskwait
  } else {
    for (int i = 0; i < n; i++) a[i] = a[i] * 3 + i;
  }
}

/* C += A * B by quadrants (n a power of two): n^3 loads of each, n^3 stores of C. */
void quad_mm(double *C, const double *A, const double *B, int n, int ld) {
  if (n <= CUT) {
    for (int i = 0; i < n; i++)
      for (int k = 0; k < n; k++)
        for (int j = 0; j < n; j++) C[i * ld + j] += A[i * ld + k] * B[k * ld + j];
    return;
  }
  int h = n / 2;
#pragma dosc task
  quad_mm(C, A, B, h, ld);
#pragma dosc task
  quad_mm(C + h, A, B + h, h, ld);
#pragma dosc task
  quad_mm(C + h * ld, A + h * ld, B, h, ld);
#pragma dosc task
  quad_mm(C + h * ld + h, A + h * ld, B + h, h, ld);
#pragma dosc taskwait
#pragma dosc task
  quad_mm(C, A + h, B + h * ld, h, ld);
#pragma dosc task
  quad_mm(C + h, A + h, B + h * ld + h, h, ld);
#pragma dosc task
  quad_mm(C + h * ld, A + h * ld + h, B + h * ld, h, ld);
#pragma dosc task
  quad_mm(C + h * ld + h, A + h * ld + h, B + h * ld + h, h, ld);
#pragma dosc taskwait
}

/* Four quadrant products into C, then a pass that scales C's n x n block at every level: the
   pass costs 2 * n^2, paid for by the quarter the products leave unused (n^3 - 4 (n/2)^3 =
   n^3 / 2 >= 2 n^2 when n > CUT). */
void quad_scale(double *C, const double *A, int n, int ld) {
  if (n <= CUT) {
    for (int i = 0; i < n; i++)
      for (int k = 0; k < n; k++)
        for (int j = 0; j < n; j++) C[i * ld + j] += A[i * ld + k] * A[k * ld + j];
    return;
  }
  int h = n / 2;
#pragma dosc task
  quad_scale(C, A, h, ld);
#pragma dosc task
  quad_scale(C + h, A + h, h, ld);
#pragma dosc task
  quad_scale(C + h * ld, A + h * ld, h, ld);
#pragma dosc task
  quad_scale(C + h * ld + h, A + h * ld + h, h, ld);
#pragma dosc taskwait
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) C[i * ld + j] = C[i * ld + j] * 0.5 + 1.0;
}

/* A pass over [0, n), then the first half again: n + n/2 + n/4 + ... <= 2n. */
void geometric(long *a, int n) {
  for (int i = 0; i < n; i++) a[i] += i;
  if (n <= 1) return;
#pragma dosc task
  geometric(a, n / 2);
#pragma dosc taskwait
}

/* A pass at every level over both halves: n log n, no polynomial bound: null. */
void n_log_n(long *a, int n) {
  for (int i = 0; i < n; i++) a[i] += 1;
  if (n <= 1) return;
  int h = n / 2;
#pragma dosc task
  n_log_n(a, h);
#pragma dosc task
  n_log_n(a + h, n - h);
#pragma dosc taskwait
}

/* Two calls over the same range: n * 2^depth: null. */
void twice(long *a, int n, int depth) {
  if (depth <= 0) {
    for (int i = 0; i < n; i++) a[i] += 2;
    return;
  }
#pragma dosc task
  twice(a, n, depth - 1);
#pragma dosc taskwait
#pragma dosc task
  twice(a, n, depth - 1);
#pragma dosc taskwait
}

/* A call in a loop, made twice per invocation: null. */
void looped(long *a, int n) {
  if (n <= CUT) {
    for (int i = 0; i < n; i++) a[i] += 3;
    return;
  }
  for (int k = 0; k < 2; k++) {
#pragma dosc task
    looped(a, n / 2);
#pragma dosc taskwait
  }
}

/* A range passed reversed (hi, mid): its own count hi - lo would be negative there: null. */
void reversed(int *a, int lo, int hi) {
  if (hi - lo <= CUT) {
    for (int i = lo; i < hi; i++) a[i] += 5;
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  reversed(a, lo, mid);
#pragma dosc task
  reversed(a, hi, mid);
#pragma dosc task
  reversed(a, mid, hi);
#pragma dosc taskwait
}

static double checksum_d(const double *a, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += a[i] * (i % 7 + 1);
  return s;
}

static long checksum_l(const long *a, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += a[i] * (i % 5 + 1);
  return s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 16;
  int ncols = 3;
  double *m = calloc((size_t)(2 * n * ncols), sizeof(double));
#pragma dosc task
  rows_fill(m, ncols, 0, 2 * n);
#pragma dosc task
  rows_fill(m, ncols, 2 * n, 2 * n - 3);
#pragma dosc taskwait
  printf("rows %.1f\n", checksum_d(m, 2 * n * ncols));

  int *a = calloc((size_t)(2 * n), sizeof(int));
  for (int i = 0; i < 2 * n; i++) a[i] = i % 9;
#pragma dosc task
  halves(a, 2 * n - 3);
#pragma dosc taskwait
#pragma dosc task
  reversed(a, 1, 2 * n - 1);
#pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < 2 * n; i++) s += (long)a[i] * (i % 4 + 1);
  printf("halves %ld\n", s);

  double *A = malloc(sizeof(double) * (size_t)(n * n));
  double *B = malloc(sizeof(double) * (size_t)(n * n));
  double *C = calloc((size_t)(n * n), sizeof(double));
  double *D = calloc((size_t)(n * n), sizeof(double));
  for (int i = 0; i < n * n; i++) A[i] = i % 5 - 2, B[i] = i % 3;
#pragma dosc task
  quad_mm(C, A, B, n, n);
#pragma dosc task
  quad_scale(D, A, n, n);
#pragma dosc taskwait
  printf("quad %.1f %.1f\n", checksum_d(C, n * n), checksum_d(D, n * n));

  long *l = calloc((size_t)(4 * n), sizeof(long));
#pragma dosc task
  geometric(l, n);
#pragma dosc task
  n_log_n(l + n, n);
#pragma dosc task
  twice(l + 2 * n, n, 2);
#pragma dosc task
  looped(l + 3 * n, n);
#pragma dosc taskwait
  printf("longs %ld\n", checksum_l(l, 4 * n));
  free(m);
  free(a);
  free(A);
  free(B);
  free(C);
  free(D);
  free(l);
  return 0;
}
