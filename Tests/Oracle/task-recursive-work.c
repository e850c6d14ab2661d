/* Recursive tasks whose whole work holds by induction (RecursiveWorkInduction): a chain on
 * n - 1 with constant and with linear own work, a tree of halves with constant leaves and with
 * leaves linear in their rows, quadrant products down to n <= 4, a pass halving each time. And
 * shapes whose work stays null: fib's calls on n - 1 and n - 2 (exponential), a merge over two
 * halves (n log n), calls in a loop. The oracle checks each stated work's induction step. */
#include <stdio.h>

/* A chain: one call on n - 1, constant own work. */
long sum_chain(const int *a, int n) {
  if (n <= 0) return 0;
  long rest;
#pragma dosc task
  rest = sum_chain(a, n - 1);
#pragma dosc taskwait
  return rest + a[n - 1];
}

/* A chain whose own work is linear: a pass at every level (n^2 / 2 in all). */
void pass_chain(int *a, int n) {
  if (n <= 1) return;
  for (int i = 1; i < n; i++) a[i] += a[i - 1] & 1;
#pragma dosc task
  pass_chain(a, n - 1);
#pragma dosc taskwait
}

/* A tree over [lo, hi): two halves, constant leaves. */
long sum_tree(const int *a, int lo, int hi) {
  if (hi - lo <= 1) return hi > lo ? a[lo] : 0;
  int mid = lo + (hi - lo) / 2;
  long left, right;
#pragma dosc task
  left = sum_tree(a, lo, mid);
#pragma dosc task
  right = sum_tree(a, mid, hi);
#pragma dosc taskwait
  return left + right;
}

/* Rows split in halves down to two: leaves linear in their rows. */
void scale_rows(double *m, int lo, int hi, int ncols) {
  if (hi - lo <= 2) {
    for (int i = lo; i < hi; i++)
      for (int j = 0; j < ncols; j++) m[i * ncols + j] *= 0.5;
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  scale_rows(m, lo, mid, ncols);
#pragma dosc task
  scale_rows(m, mid, hi, ncols);
#pragma dosc taskwait
}

/* Quadrant products: 8 calls on n / 2, n^3 leaves. */
void mm_quad(const double *A, const double *B, double *C, int n, int ld) {
  if (n <= 4) {
    for (int i = 0; i < n; i++)
      for (int k = 0; k < n; k++)
        for (int j = 0; j < n; j++) C[i * ld + j] += A[i * ld + k] * B[k * ld + j];
    return;
  }
  int h = n / 2;
#pragma dosc task
  mm_quad(A, B, C, h, ld);
#pragma dosc task
  mm_quad(A, B + h, C + h, h, ld);
#pragma dosc task
  mm_quad(A + h * ld, B, C + h * ld, h, ld);
#pragma dosc task
  mm_quad(A + h * ld, B + h, C + h * ld + h, h, ld);
#pragma dosc taskwait
#pragma dosc task
  mm_quad(A + h, B + h * ld, C, h, ld);
#pragma dosc task
  mm_quad(A + h, B + h * ld + h, C + h, h, ld);
#pragma dosc task
  mm_quad(A + h * ld + h, B + h * ld, C + h * ld, h, ld);
#pragma dosc task
  mm_quad(A + h * ld + h, B + h * ld + h, C + h * ld + h, h, ld);
#pragma dosc taskwait
}

/* A pass halving each time: one call on n / 2 (2n in all). */
void halving(double *a, int n) {
  for (int i = 0; i < n; i++) a[i] += 1.0;
  if (n <= 1) return;
#pragma dosc task
  halving(a, n / 2);
#pragma dosc taskwait
}

/* Null: calls on n - 1 and n - 2. */
long fib(int n) {
  if (n < 2) return n;
  long x, y;
#pragma dosc task
  x = fib(n - 1);
#pragma dosc task
  y = fib(n - 2);
#pragma dosc taskwait
  return x + y;
}

/* Null: a merge over both halves at every level (n log n). */
void msort(long *a, long *tmp, int n) {
  if (n < 2) return;
  int half = n / 2;
#pragma dosc task
  msort(a, tmp, half);
#pragma dosc task
  msort(a + half, tmp + half, n - half);
#pragma dosc taskwait
  int i = 0, j = half, k = 0;
  while (i < half && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < half) tmp[k++] = a[i++];
  while (j < n) tmp[k++] = a[j++];
  for (k = 0; k < n; k++) a[k] = tmp[k];
}

/* Null: a call per step of a loop. */
int ways(int n, int k) {
  if (n == 0) return 1;
  int total = 0;
  for (int d = 1; d <= k && d <= n; d++) total += ways(n - d, k);
  return total;
}

int main(void) {
  static int a[64];
  static double m[13 * 5], A[16 * 16], B[16 * 16], C[16 * 16], h[40];
  static long s[60], tmp[60];
  for (int i = 0; i < 64; i++) a[i] = (i * 37) % 11;
  for (int i = 0; i < 13 * 5; i++) m[i] = i;
  for (int i = 0; i < 16 * 16; i++) A[i] = i % 7, B[i] = i % 5;
  for (int i = 0; i < 60; i++) s[i] = (i * 53) % 17;
  long chain, tree, f;
  int w;
#pragma dosc task
  chain = sum_chain(a, 50);
#pragma dosc task
  pass_chain(a + 50, 12);
#pragma dosc task
  tree = sum_tree(a, 0, 37);
#pragma dosc task
  scale_rows(m, 0, 13, 5);
#pragma dosc task
  mm_quad(A, B, C, 16, 16);
#pragma dosc task
  halving(h, 40);
#pragma dosc task
  f = fib(10);
#pragma dosc task
  msort(s, tmp, 60);
#pragma dosc task
  w = ways(6, 3);
#pragma dosc taskwait
  double total = 0;
  for (int i = 0; i < 13 * 5; i++) total += m[i];
  for (int i = 0; i < 16 * 16; i++) total += C[i];
  for (int i = 0; i < 40; i++) total += h[i];
  long sorted = 0;
  for (int i = 1; i < 60; i++) sorted += s[i - 1] <= s[i];
  printf("%ld %ld %d %ld %.1f %ld %d\n", chain, tree, a[61], f, total, sorted, w);
  return 0;
}
