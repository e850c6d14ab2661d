/* Loop variables that run negative (found by the lead's review, 2026-11-29). The figures' algebra
   takes every symbol to be >= 0; a loop variable that may be negative was taken for one in a
   slope's sign, a `max` and a clamp, and each task below got a figure smaller than the truth:
   g1's footprint [20, 21) where it touches a[12..20] (remote: rank 1 crashed), e1's [5, 10)
   where it loads a[4] (remote: a wrong sum), ifconst's reads 0 / writes 9 where it makes 15 and
   15, negarg's writes 10 where it makes 12. Such a loop is now not counted: the figures it
   touches are null, with the loop's location. */
#include <stdio.h>

/* The inner index's slope is the outer variable, -2..0. */
void g1(double *a, int n) {
  for (int j = -2; j <= 0; j++)
    for (int i = 0; i < n; i++) a[i * j + 20] += 1;
}

/* A down-counting loop's exit value min(start, 0), its start j + 2 with j from -3. */
void e1(double *a, int n) {
  for (int j = -3; j < n; j++) {
    int i;
    for (i = j + 2; i >= 1; i--) a[i + 5] += 1;
    a[i + 5] += 2;
  }
}

/* An if/else whose else arm counts -i (an empty loop for i >= 0), merged as if i >= 0. */
void ifconst(double *a, int n, int c) {
  for (int i = -5; i < n; i++) {
    if (c) a[1] = 1;
    else for (int j = i; j < 0; j++) a[2] += 1;
  }
}

/* A callee's clamped count max(3 - n, 0) + 1 given -i: the clamp dropped as if i >= 0. */
static void cnt(double *a, int n) {
  for (int i = n; i < 3; i++) a[2] += 1;
  a[5] = 1;
}
void negarg(double *a, int n) {
  for (int i = -5; i <= n; i++) cnt(a, -i);
}

/* The common shape that stays exact: a loop variable that starts at a parameter >= 0. */
void from_lo(double *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i] += 1;
}

int main(void) {
  static double a[40], b[40], c[8], d[8], e[40];
#pragma dosc task
  g1(a, 5);
#pragma dosc task
  e1(b, 3);
#pragma dosc task
  ifconst(c, 4, 0);
#pragma dosc task
  negarg(d, 0);
#pragma dosc task
  from_lo(e, 3, 30);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 40; i++) s += a[i] * (i + 1) + b[i] * (i + 2) + e[i] * (i + 3);
  for (int i = 0; i < 8; i++) s += c[i] * (i + 4) + d[i] * (i + 5);
  printf("%.1f\n", s);
  return 0;
}
