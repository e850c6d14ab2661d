/* Recursive tasks whose whole work holds by induction (RecursiveWorkInduction): a chain on
 * n - 1 with constant and with linear own work, a tree of halves whose leaves are linear in their
 * rows, a pass halving each time. Null: a tree of halves down to single elements (the prover's
 * bound of (hi - lo) / 2 is 1/2, not 1, at hi - lo = 2), calls in a loop; fib's n - 1 and n - 2,
 * n log n sorts and quadrant products are Examples/fib, Examples/mergesort and task-quadrants.c.
 * The oracle checks each stated work's induction step. */
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

/* A pass halving each time: one call on n / 2 (2n in all). */
void halving(double *a, int n) {
  for (int i = 0; i < n; i++) a[i] += 1.0;
  if (n <= 1) return;
#pragma dosc task
  halving(a, n / 2);
#pragma dosc taskwait
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
  static double m[13 * 5], h[40];
  for (int i = 0; i < 64; i++) a[i] = (i * 37) % 11;
  for (int i = 0; i < 13 * 5; i++) m[i] = i;
  long chain, tree;
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
  halving(h, 40);
#pragma dosc task
  w = ways(6, 3);
#pragma dosc taskwait
  double total = 0;
  for (int i = 0; i < 13 * 5; i++) total += m[i];
  for (int i = 0; i < 40; i++) total += h[i];
  printf("%ld %ld %d %.1f %d\n", chain, tree, a[61], total, w);
  return 0;
}
