/* Remote attack on write_dense for 2-D row blocks (issue 9): a written footprint the analyzer
   calls dense goes back whole with no compare, and a dense `out` one is not shipped in, so a
   cell the task did not store would come back as whatever the serving rank's fresh buffer held.
   Every `out` block here is filled by the caller first with values a fresh buffer never holds.
   Dense (and must still be right): row blocks with a symbolic width (matmul's C[i*n + j], a
   block indexed from its first row, a pointer walked row by row, columns first, rows copied
   by memcpy), rows of a `double (*)[W]`,
   tiles of 4 cells, pairs of cells per iteration; spawns whose rows are empty (n = 0) or whose
   row range is empty (hi < lo). NOT dense (a false claim would corrupt them): a row stride
   larger than the row, a row narrower than its stride, a triangular row, columns first but the
   last, a memset of half of each int, a width that is a
   `double`, and rows stored after a loop that may return first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define W 5

/* dense, out-only: matmul's row block */
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

/* dense, out-only: a block that starts at the task's first row */
void block_rows(double *block, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++)
      block[(i - lo) * n + j] = 100.0 * i + j;
}

/* dense, out-only: a pointer walked row by row */
void walked_rows(long *out, int n, int rows) {
  for (int i = 0; i < rows; i++) {
    for (int j = 0; j < n; j++)
      out[j] = 7L * i + j;
    out += n;
  }
}

/* dense, out-only: rows of an array parameter */
void array_rows(double (*m)[W], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < W; j++)
      m[i][j] = 0.25 * i - j;
}

/* dense, out-only: tiles of 4, and two cells per iteration */
void tiles(int *out, int lo, int hi) {
  for (int b = lo; b < hi; b += 4)
    for (int i = b; i < b + 4; i++)
      out[i] = 3 * i + 1;
}
void pairs(float *out, int lo, int hi) {
  for (int i = lo; i < hi; i += 2) {
    out[i] = (float)i;
    out[i + 1] = (float)-i;
  }
}

/* dense, out-only: columns first, each column of rows [lo, hi), rows counted down */
void columns(double *out, int n, int lo, int hi) {
  for (int j = 0; j < n; j++)
    for (int i = hi - 1; i >= lo; i--)
      out[i * n + j] = 10.0 * i - j;
}

/* dense, out-only: rows copied whole by memcpy */
void copied_rows(double *out, const double *row, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    memcpy(out + i * n, row, sizeof(double) * (size_t)n);
}

/* NOT dense: a memset of half of each int (the upper halves keep the caller's bytes) */
void half_set(int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    memset(out + i, 0x11, 2);
}

/* NOT dense: columns first, the last column left out */
void columns_but_last(double *out, int n, int lo, int hi) {
  for (int j = 0; j < n - 1; j++)
    for (int i = lo; i < hi; i++)
      out[i * n + j] = -6.0 * i - j;
}

/* NOT dense: the row stride is one more than the row (a gap after each row) */
void stride_gap(double *out, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++)
      out[i * (n + 1) + j] = -1.0 * i - j;
}

/* NOT dense: rows of m cells, n apart */
void narrow_rows(double *out, int n, int m, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < m; j++)
      out[i * n + j] = -2.0 * i - j;
}

/* NOT dense: the lower triangle of rows [lo, hi) */
void triangle(double *out, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < i; j++)
      out[i * n + j] = -3.0 * i - j;
}

/* NOT dense, and not remotable: a width that is a double (no figure: with x = -1 and hi < lo a
   footprint's count (hi-lo)*x would be positive where nothing is stored) */
void double_width(double *out, int lo, int hi, double x) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < (int)x; j++)
      out[i * (int)x + j] = -4.0 * i - j;
}

/* NOT dense: may return before storing any row */
void guarded_rows(double *out, const double *limit, int n, int lo, int hi) {
  for (int k = 0; k < n; k++)
    if (limit[k] < 0) return;
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++)
      out[i * n + j] = -5.0 * i - j;
}

static double checksum(const double *v, int count) {
  double s = 0;
  for (int i = 0; i < count; i++)
    s += v[i] * (i % 13 + 1);
  return s;
}

static void fill(double *v, int count, double base) {
  for (int i = 0; i < count; i++)
    v[i] = base + i;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 12;
  int rows = 3, cells = n * (n + 1) + 8, pad = 16;
  double *A = malloc(sizeof(double) * (size_t)(n * n));
  double *B = malloc(sizeof(double) * (size_t)(n * n));
  double *C = malloc(sizeof(double) * (size_t)(n * n));
  double *D = malloc(sizeof(double) * (size_t)(n * n));
  long *L = malloc(sizeof(long) * (size_t)(n * n));
  double(*M)[W] = malloc(sizeof(double[W]) * (size_t)n);
  int *T = malloc(sizeof(int) * (size_t)(n + 4));
  float *P = malloc(sizeof(float) * (size_t)(n + 2));
  double *gap = malloc(sizeof(double) * (size_t)cells);
  double *narrow = malloc(sizeof(double) * (size_t)cells);
  double *tri = malloc(sizeof(double) * (size_t)cells);
  double *wide = malloc(sizeof(double) * (size_t)(cells + 2 * pad));
  double *guard = malloc(sizeof(double) * (size_t)cells);
  double *cols = malloc(sizeof(double) * (size_t)(n * n));
  double *cols_gap = malloc(sizeof(double) * (size_t)(n * n));
  double *copies = malloc(sizeof(double) * (size_t)(n * n));
  int *halves = malloc(sizeof(int) * (size_t)n);
  double *limit = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n * n; i++) {
    A[i] = (double)(i % 7) - 3.0;
    B[i] = (double)(i % 5) - 2.0;
    C[i] = D[i] = 1e6 + i;
    L[i] = 2000000 + i;
  }
  for (int i = 0; i < n; i++)
    for (int j = 0; j < W; j++)
      M[i][j] = 3e6 + i * W + j;
  for (int i = 0; i < n + 4; i++)
    T[i] = 4000000 + i;
  for (int i = 0; i < n + 2; i++)
    P[i] = 5e6f + (float)i;
  fill(gap, cells, 6e6);
  fill(narrow, cells, 7e6);
  fill(tri, cells, 8e6);
  fill(wide, cells + 2 * pad, 9e6);
  fill(guard, cells, 1e7);
  fill(cols, n * n, 1.1e7);
  fill(cols_gap, n * n, 1.2e7);
  fill(copies, n * n, 1.3e7);
  for (int i = 0; i < n; i++)
    halves[i] = 0x7e7e7e7e - i;
  for (int k = 0; k < n; k++)
    limit[k] = k == n / 2 ? -1.0 : 1.0;

  for (int lo = 0; lo < n; lo += rows) {
    int hi = lo + rows < n ? lo + rows : n;
#pragma dosc task
    mm_rows(A, B, C, n, lo, hi);
#pragma dosc task
    block_rows(D + lo * n, n, lo, hi);
#pragma dosc task
    walked_rows(L + lo * n, n, hi - lo);
#pragma dosc task
    array_rows(M, lo, hi);
#pragma dosc task
    stride_gap(gap, n - 1, lo, hi);
#pragma dosc task
    narrow_rows(narrow, n, n / 2, lo, hi);
#pragma dosc task
    triangle(tri, n, lo, hi);
#pragma dosc task
    columns(cols, n, lo, hi);
#pragma dosc task
    columns_but_last(cols_gap, n, lo, hi);
#pragma dosc task
    copied_rows(copies, A + lo * n, n, lo, hi);
#pragma dosc task
    half_set(halves, lo, hi);
  }
  for (int lo = 0; lo < n; lo += 8) {
#pragma dosc task
    tiles(T, lo, lo + 8 < n ? lo + 8 : n);
  }
  for (int lo = 0; lo < n; lo += 6) {
#pragma dosc task
    pairs(P, lo, lo + 6 < n ? lo + 6 : n);
  }
  /* Empty rows, an empty row range, a negative double width with an empty row range, and rows
     after a loop that returns when it meets limit[n/2] < 0 (the first n/2 of limit only: no). */
#pragma dosc task
  block_rows(D, 0, 0, n);
#pragma dosc task
  mm_rows(A, B, C, n, 5, 2);
#pragma dosc task
  double_width(wide + pad, 9, 1, -1.0);
#pragma dosc task
  double_width(wide + pad, 0, 2, 3.0);
#pragma dosc task
  guarded_rows(guard, limit, n, 0, 2);
#pragma dosc task
  guarded_rows(guard, limit, n / 2, 2, 4);
#pragma dosc taskwait

  double s = checksum(C, n * n) + checksum(D, n * n) + checksum(&M[0][0], n * W) +
             checksum(gap, cells) + checksum(narrow, cells) + checksum(tri, cells) +
             checksum(wide, cells + 2 * pad) + checksum(guard, cells) + checksum(cols, n * n) +
             checksum(cols_gap, n * n) + checksum(copies, n * n);
  long l = 0, t = 0;
  double p = 0;
  for (int i = 0; i < n * n; i++)
    l += L[i] * (i % 11 + 1);
  for (int i = 0; i < n + 4; i++)
    t += (long)T[i] * (i + 1);
  for (int i = 0; i < n + 2; i++)
    p += (double)P[i] * (i + 1);
  for (int i = 0; i < n; i++)
    t += (long)halves[i] * (i + 3);
  printf("rows %.2f %ld %ld %.1f\n", s, l, t, p);
  printf("C %.1f %.1f D %.1f %.1f L %ld %ld M %.2f gap %.1f %.1f narrow %.1f tri %.1f guard %.1f "
         "%.1f\n",
         C[0], C[n * n - 1], D[0], D[n * n - 1], L[0], L[n * n - 1], M[n - 1][W - 1], gap[n - 1],
         gap[n], narrow[n - 1], tri[0], guard[0], guard[2 * n]);
  free(A);
  free(B);
  free(C);
  free(D);
  free(L);
  free(M);
  free(T);
  free(P);
  free(gap);
  free(narrow);
  free(tri);
  free(wide);
  free(guard);
  free(cols);
  free(cols_gap);
  free(copies);
  free(halves);
  free(limit);
  return 0;
}
