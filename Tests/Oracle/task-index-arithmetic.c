/* Remote attack: indices that are not plain affine steps: halves (`a[i / 2]`, where C truncates
   each end separately), strides that overshoot the bound (`i += 3` reading a[i + 2]), loops
   counting down with `>=`, bounds through a conditional (a min), and a triangular nest. */
#include <stdio.h>
#include <stdlib.h>

/* out[i] = in[i / 2]: for lo = 3, hi = 5, in[1] and in[2]. */
void halves(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++) out[i] = in[i / 2] + 0.5;
}

void stride_three(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i += 3) out[i] = in[i + 2] - 1.0;
}

void count_down(long *a, int lo, int hi) {
  for (int i = hi; i >= lo; i--) a[i] = a[i] * 2 + i;
}

void clipped(double *a, int lo, int hi, int n) {
  for (int i = lo; i < (hi < n ? hi : n); i++) a[i] += 10.0;
}

/* Rows [lo, hi) of a lower-triangular n x n matrix. */
void lower_rows(double *l, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j <= i; j++) l[i * n + j] = i - j + 1.0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 21;
  double *in = malloc(sizeof(double) * (size_t)(n + 3)), *out = calloc((size_t)n, sizeof(double));
  double *h = calloc((size_t)n, sizeof(double)), *l = calloc((size_t)n * n, sizeof(double));
  long *a = malloc(sizeof(long) * (size_t)n);
  for (int i = 0; i < n + 3; i++) in[i] = i * 3 % 7;
  for (int i = 0; i < n; i++) a[i] = i;
  for (int lo = 3; lo < n; lo += 2) {
#pragma dosc task
    halves(h, in, lo, lo + 2 < n ? lo + 2 : n);
  }
  for (int lo = 0; lo < n; lo += 9) {
#pragma dosc task
    stride_three(out, in, lo, lo + 9 < n ? lo + 9 : n);
  }
  for (int lo = 0; lo < n; lo += 5) {
#pragma dosc task
    count_down(a, lo, lo + 4 < n - 1 ? lo + 4 : n - 1);
  }
  for (int lo = 0; lo < n; lo += 4) {
#pragma dosc task
    lower_rows(l, lo, lo + 4 < n ? lo + 4 : n, n);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < n; lo += 6) {
#pragma dosc task
    clipped(h, lo, lo + 6, n);
  }
#pragma dosc taskwait
  double s = 0;
  long t = 0;
  for (int i = 0; i < n; i++) s += h[i] * (i + 1) + out[i] * (i + 2), t += a[i] * (i + 1);
  for (int i = 0; i < n * n; i++) s += l[i] * (i % 5);
  printf("index arithmetic %.2f %ld\n", s, t);
  free(in), free(out), free(h), free(l), free(a);
  return 0;
}
