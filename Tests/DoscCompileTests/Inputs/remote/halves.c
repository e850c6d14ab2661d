/* A divide-and-conquer over halves whose work the analyzer figures by
 * induction (RecursiveWorkInduction: a tree whose calls split hi - lo, a
 * constant own work per node, leaves of `rounds` steps per element; the
 * element loop outside, so that a leaf's work beyond its elements' is a
 * constant, which the per-node term covers): each leaf smooths its elements
 * in place and returns their sum.
 * The footprint of v is [lo, hi) (RecursiveFootprintInduction), read and
 * written. Under auto on several ranks the top of a large tree ships (its
 * subtrees' work pays for their bytes and the round trip); a small tree, or
 * anything below the top, stays where it is.
 *   usage: halves N ROUNDS */
#include <stdio.h>
#include <stdlib.h>

double smooth(double *v, int lo, int hi, int rounds) {
  if (hi - lo <= 4096) {
    double sum = 0.0;
    for (int i = lo; i < hi; i++)
      for (int r = 0; r < rounds; r++) {
        v[i] = v[i] * 0.5 + 0.25 * (r & 3);
        sum += v[i];
      }
    return sum;
  }
  int mid = lo + (hi - lo) / 2;
  double left, right;
#pragma dosc task
  left = smooth(v, lo, mid, rounds);
#pragma dosc task
  right = smooth(v, mid, hi, rounds);
#pragma dosc taskwait
  return left + right;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 1 << 16;
  int rounds = argc > 2 ? atoi(argv[2]) : 40;
  if (n < 1) n = 1;
  double *v = malloc(sizeof(double) * (size_t)n);
  if (v == NULL) return 1;
  for (int i = 0; i < n; i++)
    v[i] = (double)(i % 17) - 8.0;
  double total;
#pragma dosc task
  total = smooth(v, 0, n, rounds);
#pragma dosc taskwait
  double check = 0.0;
  for (int i = 0; i < n; i++)
    check += v[i] * (double)(i % 7);
  printf("halves n=%d rounds=%d: total %.6f, check %.6f\n", n, rounds, total, check);
  free(v);
  return 0;
}
