/* Loops whose variable is multiplied or divided by a constant (CountedLoopScaling): a doubling
   stride `s *= 2`, a shift `len <<= 1`, a halving `while (m > 1) m /= 2`, a tree reduction by
   halves, butterflies `a[j] += a[j + s]` for j < s, a prefix scan in place by doubling
   distances. Their trip counts are bounded from above and the footprints widened over every
   value the variable may take. Beside them the look-alikes that stay null: a doubling from 0
   (it never grows), halving toward -1, an unsigned doubling to a bound it may wrap past. */
#include <stdio.h>

void mark_powers(double *a, int n) {
  for (int s = 1; s < n; s *= 2) a[s] += s;
}

void shift_lengths(double *a, int n) {
  for (int len = 2; len <= n; len <<= 1) a[len - 1] *= 0.5;
}

void halve_down(double *a, int n) {
  int m = n;
  while (m > 1) {
    a[m - 1] += 1;
    m /= 2;
  }
}

void tree_reduce(double *a, int n) {
  for (int half = n / 2; half > 0; half /= 2)
    for (int i = 0; i < half; i++) a[i] += a[i + half];
}

void butterflies(double *a, int n) {
  for (int s = 1; s < n; s *= 2)
    for (int j = 0; j < s && j + s < n; j++) a[j] -= 0.25 * a[j + s];
}

void scan_doubling(long *v, long *tmp, int n) {
  for (int d = 1; d < n; d <<= 1) {
    for (int i = 0; i < n; i++) tmp[i] = i >= d ? v[i] + v[i - d] : v[i];
    for (int i = 0; i < n; i++) v[i] = tmp[i];
  }
}

/* Stay null. */
void from_zero(double *a, int n) {
  for (int s = 0; s < n; s *= 2) {
    a[s] += 1;
    if (s == 0) break;
  }
}

void toward_minus_one(double *a, int n) {
  int m = n;
  while (m > -1) {
    a[m] += 2;
    if (m == 0) break;
    m /= 2;
  }
}

void unsigned_doubling(double *a, unsigned n) {
  for (unsigned s = 1; s < n; s *= 2) a[s % 8] += 1;
}

int main(void) {
  double a[64], b[64], c[40];
  long v[24], tmp[24];
  for (int i = 0; i < 64; i++) a[i] = i % 9, b[i] = (i * 7) % 5;
  for (int i = 0; i < 40; i++) c[i] = i;
  for (int i = 0; i < 24; i++) v[i] = i % 4;
#pragma dosc task
  mark_powers(a, 50);
#pragma dosc task
  shift_lengths(b, 33);
#pragma dosc taskwait
#pragma dosc task
  halve_down(a, 45);
#pragma dosc task
  tree_reduce(b, 64);
#pragma dosc taskwait
#pragma dosc task
  butterflies(c, 37);
#pragma dosc task
  scan_doubling(v, tmp, 24);
#pragma dosc taskwait
#pragma dosc task
  from_zero(a, 9);
#pragma dosc task
  toward_minus_one(c, 30);
#pragma dosc taskwait
#pragma dosc task
  unsigned_doubling(b, 100);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 64; i++) s += a[i] * (i + 1) + b[i] * 0.5;
  for (int i = 0; i < 40; i++) s += c[i] * (i % 3);
  for (int i = 0; i < 24; i++) s += v[i] * (i + 2);
  printf("checksum %.4f\n", s);
  return 0;
}
