/* Indices that are values in a range, not one polynomial of the loop variable: remainders and
   quotients by constants (`i % 4`, `i / 2`, `i / -3`), shifts that round down (`(i - 5) >> 1`
   is -3 at i = 0), a remainder of an unsigned wrap (`(unsigned)i % 8u`), a neighbour's index
   chosen by a condition (hotspot's `r == 0 ? c : c - cols`), a guarded divisor that is zero, a
   min spelled as a conditional, and loops next to INT_MIN and INT_MAX. The pointers passed
   point into the middle of their arrays, so negative indices are the task's own. Every figure
   must cover what the task touches, for arguments of either sign. */
#include <limits.h>
#include <stdio.h>

void rem(float *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i % 4] += 1;
}

void halves(float *a, const float *b, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i / 2] += b[i >> 1] + b[(i - 5) >> 1] + b[i / -3];
}

void far_quotient(float *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i / 1000000000 + 2] += 1, a[i % 7] += 2;
}

void unsigned_rem(float *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[(unsigned)i % 8u] += 3;
}

void neighbours(float *out, const float *in, int rows, int cols, int lo, int hi) {
  for (int r = lo; r < hi; r++)
    for (int c = r * cols; c < (r + 1) * cols; c++) {
      int n = r == 0 ? c : c - cols;
      int s = r == rows - 1 ? c : c + cols;
      out[c] = in[n] + in[s] + in[c];
    }
}

void guarded_divisor(float *a, int lo, int hi, int k) {
  for (int i = lo; i < hi; i++) a[k > 0 ? i / k : i] += 1;
}

void clipped(float *a, int lo, int hi, int n) {
  for (int i = lo; i < (hi < n ? hi : n); i++) a[i] *= 2;
}

void pairs(float *a, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < 6; j++) a[i * 2 + j % 2] += j;
}

int main(void) {
  static float a[64], b[64], grid[48], next[48];
  for (int i = 0; i < 64; i++) a[i] = i % 5, b[i] = i % 3;
  for (int i = 0; i < 48; i++) grid[i] = i % 7;
#pragma dosc task
  rem(a + 8, -7, 6);
#pragma dosc task
  rem(a + 16, 5, 7);
#pragma dosc taskwait
#pragma dosc task
  rem(a + 24, INT_MIN, INT_MIN + 6);
#pragma dosc taskwait
#pragma dosc task
  halves(a + 32, b + 32, -9, 5);
#pragma dosc taskwait
#pragma dosc task
  halves(a + 32, b + 32, 0, 11);
#pragma dosc taskwait
#pragma dosc task
  far_quotient(a + 32, INT_MIN, INT_MIN + 3);
#pragma dosc taskwait
#pragma dosc task
  far_quotient(a + 32, INT_MAX - 3, INT_MAX);
#pragma dosc taskwait
#pragma dosc task
  unsigned_rem(a + 40, -5, 3);
#pragma dosc taskwait
  for (int lo = 0; lo < 6; lo += 2) {
#pragma dosc task
    neighbours(next, grid, 6, 8, lo, lo + 2);
  }
#pragma dosc taskwait
#pragma dosc task
  guarded_divisor(a + 32, -4, 9, 0);
#pragma dosc taskwait
#pragma dosc task
  guarded_divisor(a + 32, -4, 9, 3);
#pragma dosc taskwait
#pragma dosc task
  clipped(a + 20, -3, 9, 5);
#pragma dosc taskwait
#pragma dosc task
  clipped(a + 20, 2, 4, 10);
#pragma dosc taskwait
#pragma dosc task
  pairs(a + 30, -3, 4);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 64; i++) s += a[i] * (i + 1);
  for (int i = 0; i < 48; i++) s += next[i] * (i + 2);
  printf("bounded indices %.1f\n", s);
  return 0;
}
