/* write_dense where it holds (branch loops2): stores in both arms of an if or a ?:, and stores
   through helpers that store unconditionally (an element, a row of a row-major matrix, a block
   of two rows); beside them, look-alikes that must not claim it: one arm only, arms storing
   different elements, a helper storing only sometimes, a row narrower than the rows' stride. */
#include <stdio.h>
#include <stdlib.h>

static void put(double *a, int i, double v) { a[i] = v; }
static void zero_row(double *r, int m) { for (int j = 0; j < m; j++) r[j] = 0.5 * j; }
static void two_rows(double *r, int m) {
  for (int i = 0; i < 2; i++)
    for (int j = 0; j < m; j++) r[i * m + j] = i - j;
}
static void put_positive(double *a, int i, double v) {
  if (v > 0) a[i] = v;
}

void both_arms(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (in[i] > 1.0)
      out[i] = in[i] - 1.0;
    else
      out[i] = in[i] + 1.0;
  }
}

void one_arm(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (in[i] > 1.0) out[i] = in[i];
}

void crossed_arms(double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (i % 3 == 0)
      out[i] = 1;
    else
      out[lo + hi - 1 - i] = 2;
  }
}

void via_helper(double *out, const double *in, int n) {
  for (int i = 0; i < n; i++) put(out, i, 2 * in[i]);
}

void rows_via_helper(double *m, int lo, int hi, int width) {
  for (int i = lo; i < hi; i++) zero_row(m + i * width, width);
}

void row_pairs(double *m, int pairs, int width) {
  for (int p = 0; p < pairs; p++) two_rows(&m[2 * p * width], width);
}

void narrow_rows(double *m, int rows, int width) {
  for (int i = 0; i < rows; i++) zero_row(m + i * width, width - 1);
}

void sometimes(double *out, const double *in, int n) {
  for (int i = 0; i < n; i++) put_positive(out, i, in[i] - 1.0);
}

int main(void) {
  enum { N = 48 };
  double *in = malloc(N * sizeof *in), *out = malloc(N * sizeof *out), *m = malloc(N * sizeof *m);
  for (int i = 0; i < N; i++) in[i] = (i * 7 % 5) * 0.5, out[i] = -1, m[i] = -2;
#pragma dosc task
  both_arms(out, in, 0, 24);
#pragma dosc task
  both_arms(out, in, 24, N);
#pragma dosc taskwait
#pragma dosc task
  one_arm(out, in, 4, 40);
#pragma dosc taskwait
#pragma dosc task
  crossed_arms(out, 6, 30);
#pragma dosc taskwait
#pragma dosc task
  via_helper(out, in, 20);
#pragma dosc taskwait
#pragma dosc task
  rows_via_helper(m, 0, 3, 8);
#pragma dosc task
  rows_via_helper(m, 3, 6, 8);
#pragma dosc taskwait
#pragma dosc task
  row_pairs(m, 4, 6);
#pragma dosc taskwait
  for (int i = 0; i < N; i++) m[i] = -3;
#pragma dosc task
  narrow_rows(m, 6, 8);
#pragma dosc taskwait
#pragma dosc task
  sometimes(out, in, N);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < N; i++) s += out[i] * (i + 1) + m[i] * (i + 3);
  printf("%.3f\n", s);
  free(in);
  free(out);
  free(m);
  return 0;
}
