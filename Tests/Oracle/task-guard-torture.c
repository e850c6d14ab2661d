/* Remote attack on the analyzer's boundary guards: guards that must bound their arm (negated,
   mirrored, nested loops, `||`), and guards that must not (a variable the loop changes, an
   unsigned bound that wraps, a guard on another loop's variable than the index's, an `==`).
   Each task's output would differ, or a rank would fault, if a guard were trusted wrongly. */
#include <stdio.h>
#include <stdlib.h>

/* !(i < 2) is i >= 2; 1 < i mirrored. */
void negated(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (!(i < 2)) out[i - 2] += in[i];
    if (1 < i) out[i - 1] += 0.5;
  }
}

/* The guard bounds j, the index is in i and j. */
void nested(double *a, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++)
      if (j >= 1 && j + 1 < n) a[i * n + j] = a[i * n + j - 1] + a[i * n + j + 1];
}

/* The right operand of || runs when the left fails: i >= 1. */
int either(const int *in, int lo, int hi) {
  int c = 0;
  for (int i = lo; i < hi; i++)
    if (i < 1 || in[i - 1] < in[i]) c++;
  return c;
}

/* k changes in the loop: `i > k` says nothing the loop's bounds can use. */
void moving(double *out, int lo, int hi) {
  int k = lo + 3;
  for (int i = lo; i < hi; i++) {
    if (i > k) out[i - 4] += 1.0;
    k = k + (i % 2);
  }
}

/* An unsigned bound: with m = 0, m - 1 wraps and the guard holds for every i. */
void unsigned_bound(double *out, int lo, int hi, unsigned m) {
  for (int i = lo; i < hi; i++)
    if ((unsigned)i <= m - 1) out[i] += 2.0;
}

/* The guard is on i, the index on j: nothing to bound. */
void other_variable(double *a, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++)
      if (i > 0) a[j] += i;
}

/* == bounds nothing here: i == lo in the then arm, anything else in the other. */
void equal(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++) out[i] = i == lo ? in[i] : in[i - 1] + in[i];
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 24;
  double *in = malloc(sizeof(double) * (size_t)n), *out = calloc((size_t)n, sizeof(double));
  double *grid = malloc(sizeof(double) * (size_t)n * n), *b = calloc((size_t)n, sizeof(double));
  double *c = calloc((size_t)n, sizeof(double)), *d = calloc((size_t)n, sizeof(double));
  double *e = calloc((size_t)n, sizeof(double));
  int *v = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) in[i] = i % 5, v[i] = (i * 7) % 10;
  for (int i = 0; i < n * n; i++) grid[i] = i % 7;
  int counts[4];
  for (int k = 0; k < 4; k++) {
    int lo = k * n / 4, hi = (k + 1) * n / 4;
#pragma dosc task
    nested(grid, lo, hi, n);
#pragma dosc task
    counts[k] = either(v, lo, hi);
#pragma dosc task
    equal(e, in, lo, hi);
  }
#pragma dosc taskwait
#pragma dosc task
  negated(out, in, 0, n);
#pragma dosc task
  moving(b, 4, n);
#pragma dosc task
  unsigned_bound(c, 0, n, 0);
#pragma dosc task
  other_variable(d, 0, 3, n);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) s += out[i] * (i + 1) + b[i] * (i + 2) + c[i] * (i + 3) + d[i] + e[i] * (i + 5);
  for (int i = 0; i < n * n; i++) s += grid[i] * (i % 3);
  printf("torture %.1f counts %d %d %d %d\n", s, counts[0], counts[1], counts[2], counts[3]);
  free(in), free(out), free(grid), free(b), free(c), free(d), free(e), free(v);
  return 0;
}
