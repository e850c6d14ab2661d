/* Second induction variables (the loops helper, 2026-11-28): an integer stepped by a
   loop-invariant amount once per iteration beside the loop's own variable (BLAS's
   `for (i = 1, ix = incx; i < n; i++, ix += incx)`, `b[k++] = a[i]`, `k += 2` last in the body,
   a reversed copy `j--` in the increment); and adversarial ones that must stay null or true: a
   step under a condition (compaction), a step skipped by `continue`, a reset in the body, a step
   in an inner loop, a `break`, a start chosen by a branch, a zero-trip loop. */
#include <stdio.h>
int idamax(int n, const double *dx, int incx) {
  int i, ix, iamax = 0;
  double dmax;
  if (n < 1 || incx <= 0) return -1;
  dmax = dx[0] < 0 ? -dx[0] : dx[0];
  for (i = 1, ix = incx; i < n; i++, ix += incx) {
    double v = dx[ix] < 0 ? -dx[ix] : dx[ix];
    if (v > dmax) iamax = i, dmax = v;
  }
  return iamax;
}
void pack(double *b, const double *a, int lo, int hi) {
  int k = 0;
  for (int i = lo; i < hi; i++) b[k++] = a[i];
}
void every_other(double *out, const double *in, int n, int lo) {
  int k = lo;
  for (int i = 0; i < n; i++) {
    out[k] = in[i] * 2;
    k += 2;
  }
}
void reversed(double *b, const double *a, int n) {
  int i, j;
  for (i = 0, j = n - 1; i < n; i++, j--) b[j] = a[i];
}
void strided_down(double *y, int n, int inc) {
  int iy = (n - 1) * inc;
  for (int i = 0; i < n; i++) {
    y[iy] += 1;
    iy -= inc;
  }
}
/* Two-ended loops: the bound is the other variable, which closes in. */
void reverse_in_place(double *a, int lo, int hi) {
  int i, j;
  for (i = lo, j = hi - 1; i < j; i++, j--) {
    double t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
void meet_inclusive(double *a, int n) {
  for (int i = 0, j = n; i <= j; i++, j -= 2) a[i] += a[j];
}
void meet_down(double *a, int lo, int hi) {
  int j = lo;
  for (int i = hi; i > j; i--, j++) a[i] -= a[j];
}
/* Must not be counted as affine. */
void meet_branch(double *a, int n) {
  int i, j;
  for (i = 0, j = n; i < j; i++) {
    a[i] += 1;
    if (a[i] > 2) j--;
  }
}
void compact(double *b, const double *a, int n) {
  int k = 0;
  for (int i = 0; i < n; i++)
    if (a[i] > 1) b[k++] = a[i];
}
void skipped(double *b, int n) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    if (i % 3 == 0) continue;
    b[k] += 1;
    k++;
  }
}
void reset(double *b, int n) {
  int k = 0;
  for (int i = 0; i < n; i++) {
    b[k] += 1;
    k++;
    if (k == 3) k = 0;
  }
}
void nested(double *b, int n, int m) {
  int k = 0;
  for (int i = 0; i < n; i++)
    for (int j = 0; j < m; j++) b[k++] = i + j;
}
void broken(double *b, int n, double stop) {
  int k = n;
  for (int i = 0; i < n; i++) {
    if (b[k] == stop) break;
    b[k] += 1;
    k++;
  }
}
void branch_start(double *b, int n, int flag) {
  int k = 0;
  if (flag) k = 5;
  for (int i = 0; i < n; i++, k++) b[k] += 1;
}
int main(void) {
  double a[40], b[40], c[40];
  for (int i = 0; i < 40; i++) a[i] = (i * 7 % 11) / 3.0, b[i] = 0, c[i] = i % 4;
  int im[3];
#pragma dosc task
  im[0] = idamax(9, a, 1);
#pragma dosc task
  im[1] = idamax(5, a + 2, 7);
#pragma dosc task
  im[2] = idamax(1, a, 3);
#pragma dosc taskwait
#pragma dosc task
  pack(b, a, 3, 12);
#pragma dosc task
  pack(b + 20, a, 8, 8);
#pragma dosc taskwait
#pragma dosc task
  every_other(b, a, 7, 3);
#pragma dosc taskwait
#pragma dosc task
  reversed(b + 5, a, 10);
#pragma dosc task
  strided_down(c, 6, 3);
#pragma dosc taskwait
#pragma dosc task
  compact(b, a, 20);
#pragma dosc task
  skipped(c + 20, 12);
#pragma dosc taskwait
#pragma dosc task
  reset(b, 10);
#pragma dosc task
  nested(c, 3, 4);
#pragma dosc taskwait
#pragma dosc task
  broken(c, 10, 2.0);
#pragma dosc task
  branch_start(b + 10, 6, 1);
#pragma dosc taskwait
#pragma dosc task
  reverse_in_place(a, 2, 13);
#pragma dosc task
  reverse_in_place(b + 30, 6, 3); /* zero trips */
#pragma dosc taskwait
#pragma dosc task
  reverse_in_place(c, 4, 9);
#pragma dosc task
  meet_inclusive(b, 11);
#pragma dosc taskwait
#pragma dosc task
  meet_down(a, 3, 20);
#pragma dosc task
  meet_down(b, 5, 6);
#pragma dosc taskwait
#pragma dosc task
  meet_branch(c + 20, 15);
#pragma dosc taskwait
  double s = im[0] + 10 * im[1] + 100 * im[2];
  for (int i = 0; i < 40; i++) s += b[i] * (i + 1) + c[i] * (i + 3);
  printf("checksum %.4f\n", s);
  return 0;
}
