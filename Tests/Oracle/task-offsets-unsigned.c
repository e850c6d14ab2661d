/* Remote attack: negative offsets from a parameter (a pointer into the middle of an array read
   backwards), unsigned and size_t loop bounds, loops counting down, and `i - 1` on unsigned
   indices (never below zero here): footprints must keep their signs and their wrap-arounds. */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

/* p points at the middle; reads p[-k..k]. */
double symmetric_sum(const double *p, int k) {
  double s = 0;
  for (int i = -k; i <= k; i++) s += p[i] * (i + k + 1);
  return s;
}

void diff_unsigned(double *out, const double *in, unsigned lo, unsigned hi) {
  for (unsigned i = lo; i < hi; i++) out[i] = in[i] - in[i - 1];
}

void countdown(long *a, size_t n) {
  for (size_t i = n; i-- > 0;) a[i] = (long)(i * i) - 5;
}

void scaled(long *a, size_t lo, size_t len) {
  for (size_t i = 0; i < len; i++) a[lo + i] *= 3;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 40;
  double *a = malloc(sizeof(double) * (size_t)n), *d = calloc((size_t)n, sizeof(double));
  long *l = malloc(sizeof(long) * (size_t)n);
  for (int i = 0; i < n; i++) a[i] = (i * 13) % 9;
  double sums[3];
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    sums[k] = symmetric_sum(a + n / 2 + k, 3 + k);
  }
  for (unsigned lo = 1; lo < (unsigned)n; lo += 9) {
    unsigned hi = lo + 9 < (unsigned)n ? lo + 9 : (unsigned)n;
#pragma dosc task
    diff_unsigned(d, a, lo, hi);
  }
#pragma dosc task
  countdown(l, (size_t)n);
#pragma dosc taskwait
  for (size_t lo = 0; lo < (size_t)n; lo += 11) {
    size_t len = lo + 11 < (size_t)n ? 11 : (size_t)n - lo;
#pragma dosc task
    scaled(l, lo, len);
  }
#pragma dosc taskwait
  double ds = 0;
  long ls = 0;
  for (int i = 0; i < n; i++) ds += d[i] * (i + 1), ls += l[i];
  printf("sums %.1f %.1f %.1f diffs %.1f longs %ld\n", sums[0], sums[1], sums[2], ds, ls);
  free(a), free(d), free(l);
  return 0;
}
