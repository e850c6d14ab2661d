/* Sites of one shape (argument and result types) share their generated code; sites of other
   shapes, or of other tasks, must not be served by it. Each site checks its own result. */
#include <stdio.h>
#include <stdlib.h>

#define N 12000

typedef struct { int lo, hi; } range;

long scale(double *a, int n, double f) {
  long touched = 0;
  for (int i = 0; i < n; i++) { a[i] *= f; touched++; }
  return touched;
}

/* The same parameter types as scale: the same argument struct, its own thunk. */
long shift(double *a, int n, double f) {
  long touched = 0;
  for (int i = 0; i < n; i++) { a[i] += f; touched += 2; }
  return touched;
}

float scalef(float *a, long n, float f) {
  for (long i = 0; i < n; i++) a[i] *= f;
  return a[n - 1];
}

int sum_range(const int *v, range r) {
  int s = 0;
  for (int i = r.lo; i < r.hi; i++) s += v[i] % 7;
  return s;
}

/* Sites in a function before main's: main's sites of the same shape reuse this copy. */
static double early(double *a) {
  long t1, t2;
  short quarter = N / 4;
#pragma dosc task
  t1 = scale(a, quarter, 2.0f);
#pragma dosc task
  t2 = shift(a + N / 4, N / 4, 1);
#pragma dosc taskwait
  return (double)(t1 + t2);
}

int main(void) {
  double *a = malloc(N * sizeof *a), *c = malloc(N * sizeof *c);
  float *b = malloc(N * sizeof *b);
  int *v = malloc(N * sizeof *v);
  for (int i = 0; i < N; i++) {
    a[i] = i % 10;
    c[i] = i % 3;
    b[i] = (float)(i % 4) + 0.5f;
    v[i] = i;
  }
  double e = early(a);
  long l1, l2;
  double d1;
  float f1;
  int s1, s2;
  unsigned long third = N / 3;
#pragma dosc task
  l1 = scale(a, N / 3, 0.5);
#pragma dosc task
  d1 = scale(a + N / 3, (int)third, 3);
#pragma dosc task
  scale(a + 2 * (N / 3), N / 3, -1.0);
#pragma dosc task
  l2 = shift(c, N, 100.0);
#pragma dosc task
  f1 = scalef(b, N, 2.0);
#pragma dosc task
  s1 = sum_range(v, (range){2, 7000});
  range r = {0, N};
#pragma dosc task
  s2 = sum_range(v, r);
#pragma dosc taskwait
  double sa = 0, sb = 0, sc = 0;
  for (int i = 0; i < N; i++) {
    sa += a[i] * (i % 5 + 1);
    sb += b[i] * (i % 3 + 1);
    sc += c[i] * (i % 7 + 1);
  }
  printf("%g %ld %g %ld %g %d %d\n%.1f %.1f %.1f\n", e, l1, d1, l2, (double)f1, s1, s2, sa, sb, sc);
  free(a);
  free(b);
  free(c);
  free(v);
  return 0;
}
