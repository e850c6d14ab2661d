/* A helper that cannot tell a negative bound from 0 (each use of it is `i < n` with `i` from 0
   rising): its figures hold for max(v, 0) at a call passing `hi - lo` or `n - 1`, which may be
   negative (the spawn checks only the task's own parameters). Spawned here with hi < lo and
   n = 0, where the helper touches nothing, and with positive ones. Helpers that do see the
   sign (a store at p[n] after the loop, `i <= n`, a loop variable that the body sets back)
   keep such a call's figures null: with n - 3 at n = 1, `tail` writes p[-2]. */
#include <stdio.h>
#include <stdlib.h>

static void fill(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
}
static void fill_twice(double *p, int n) { fill(p, n), fill(p + 1, n); }
static void chain_inner(double *p, int n) { fill_twice(p + 2, n); }

static void tail(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
  p[n] = 2.0;
}
static long inclusive(const double *p, int n) {
  long s = 0;
  for (int i = 0; i <= n; i++) s += (long)p[i];
  return s;
}

void fill_range(double *a, int lo, int hi) { fill(a + lo, hi - lo); }
void chain(double *a, int n) { chain_inner(a + 3, n - 1); }
void fill_rows(double *m, int rows, int width) {
  for (int r = 0; r < rows; r++) fill(m + r * width, width - 1);
}
void tail_short(double *a, int n) { tail(a + 10, n - 3); }
void inclusive_range(const double *a, long *out, int lo, int hi) { *out = inclusive(a + lo, hi - lo); }

int main(void) {
  double *a = calloc(64, sizeof *a), *b = calloc(64, sizeof *b), *c = calloc(64, sizeof *c);
  long s1 = 0, s2 = 0;
  for (int i = 0; i < 64; i++) b[i] = i % 5;
#pragma dosc task
  fill_range(a, 20, 12);
#pragma dosc task
  fill_range(a + 30, 2, 9);
#pragma dosc taskwait
#pragma dosc task
  chain(a, 0);
#pragma dosc task
  chain(b, 4);
#pragma dosc taskwait
#pragma dosc task
  fill_rows(c, 4, 6);
#pragma dosc task
  fill_rows(c + 40, 3, 0);
#pragma dosc taskwait
#pragma dosc task
  tail_short(a, 1);
#pragma dosc task
  inclusive_range(b, &s1, 9, 8);
#pragma dosc task
  inclusive_range(b, &s2, 3, 9);
#pragma dosc taskwait
  double s = (double)(s1 * 7 + s2);
  for (int i = 0; i < 64; i++) s += (a[i] * 3 + b[i] * 5 + c[i]) * (i % 11 + 1);
  printf("%.1f\n", s);
  free(a);
  free(b);
  free(c);
  return 0;
}
