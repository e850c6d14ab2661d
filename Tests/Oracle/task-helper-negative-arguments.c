/* Remote attack: a helper's figures take its integer parameters as non-negative, like a task's,
   but only the task's own are checked at the spawn. A task passing `lo - 5` on to a helper
   whose figures rely on that sign (a stride `a[i * w]`, a remainder `k % d`) gave figures
   short of what the helper touches (a[20 + 3*w] for w = -3 lay outside [20, 20 + 3w]). Such
   figures are null now; arguments that are never negative (a parameter as it is, a constant, a
   loop variable from 1 less 1, a sum of parameters) keep the helper's figures. */
#include <stdio.h>
#include <stdlib.h>

static void strided(double *a, int w) {
  for (int i = 0; i < 4; i++) a[i * w] += 1.0;
}

static void put(double *a, int d, int k) { a[k % d] = 1.0; }

static void wrap_add(double *a, int d, int n) {
  for (int i = 0; i < n; i++) a[(i + 3) % d] += 2.0;
}

static double sum(const double *a, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

/* Figures that depend on the argument's sign: null. */
void stride_back(double *a, int lo) { strided(a + 20, lo - 5); }
void remainder_by_difference(double *a, int lo) { put(a + 20, lo - 5, 7); }
void wrap_by_difference(double *a, int lo) { wrap_add(a + 40, lo - 9, 3); }

/* Arguments that are never negative: bounded. */
void stride_forward(double *a, int lo, int w) { strided(a + lo, w + 1); }
void prefix_sums(double *out, const double *a, int n) {
  for (int i = 1; i <= n; i++) out[i - 1] = sum(a, i - 1) + sum(a, 2);
}
void remainder_by_parameter(double *a, int d) { put(a, d, 7); }

int main(void) {
  double *a = calloc(128, sizeof *a), *out = calloc(16, sizeof *out);
  for (int i = 0; i < 128; i++) a[i] = i % 9;
#pragma dosc task
  stride_back(a, 2);
#pragma dosc task
  remainder_by_difference(a + 60, 2);
#pragma dosc taskwait
#pragma dosc task
  wrap_by_difference(a, 4);
#pragma dosc task
  stride_forward(a, 80, 2);
#pragma dosc task
  prefix_sums(out, a + 100, 8);
#pragma dosc taskwait
#pragma dosc task
  remainder_by_parameter(a + 64, 5);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 128; i++) s += a[i] * (i % 7 + 1);
  for (int i = 0; i < 16; i++) s += out[i] * (i + 1);
  printf("%.1f\n", s);
  free(a);
  free(out);
  return 0;
}
