/* Indices whose sign rests on a quotient, min or max of differences: (hi - lo) / 2 is negative
   for hi < lo though hi and lo are not, min(lo - hi, 2) and max(lo - hi, k - hi) likewise.
   Polynomial.signAssumingNonNegativeVariables took every such atom as non-negative, so the hull
   of a[(hi - lo) / 2 + 1] and a[0] was [0, (hi-lo)/2+1]: at lo = 10, hi = 2 the task loaded
   a[-3] outside it (5 violations). Each task is spawned with hi < lo and with hi > lo. */
#include <stdio.h>
#include <stdlib.h>

void mid(double *a, int lo, int hi) {
  a[(hi - lo) / 2 + 1] += 1.0;
  a[0] += 1.0;
}
void mid_high(double *a, int lo, int hi) {
  a[0] += 1.0;
  a[(hi - lo) / 2 - 1] += 1.0;
}
void mid_shift(double *a, int lo, int hi) {
  int m = (hi - lo) / 2;
  for (int i = 0; i < 4; i++) a[i + m + 2] += 1.0;
  a[1] += 1.0;
}
void least(double *a, int lo, int hi) {
  int d = lo - hi;
  int m = d < 2 ? d : 2;
  a[m + 5] += 1.0;
  a[0] += 1.0;
}
void most(double *a, int lo, int hi, int k) {
  int d = lo - hi, e = k - hi;
  int m = d > e ? d : e;
  a[m + 4] += 1.0;
  a[0] += 1.0;
}
void divided(double *a, int lo, int hi, int w) {
  a[(hi - lo) / w + 2] += 1.0;
  a[0] += 1.0;
}

int main(void) {
  double *b = calloc(256, sizeof *b);
#pragma dosc task
  mid(b + 40, 10, 2);
#pragma dosc task
  mid(b + 80, 2, 10);
#pragma dosc taskwait
#pragma dosc task
  mid_high(b + 40, 10, 2);
#pragma dosc task
  mid_high(b + 80, 2, 10);
#pragma dosc taskwait
#pragma dosc task
  mid_shift(b + 40, 20, 2);
#pragma dosc task
  mid_shift(b + 80, 2, 10);
#pragma dosc taskwait
#pragma dosc task
  least(b + 120, 0, 10);
#pragma dosc task
  least(b + 160, 7, 1);
#pragma dosc taskwait
#pragma dosc task
  most(b + 120, 0, 10, 3);
#pragma dosc task
  most(b + 160, 7, 1, 0);
#pragma dosc taskwait
#pragma dosc task
  divided(b + 200, 20, 2, 3);
#pragma dosc task
  divided(b + 220, 2, 20, 3);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 256; i++) s += b[i] * (i % 7 + 1);
  printf("%.1f\n", s);
  free(b);
  return 0;
}
