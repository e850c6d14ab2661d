/* Loop shapes of branch loops2, each exact where the run is: fasta's search loop bounded by a
   parameter and its variable used after it, a conjunct read before the counting test (its last
   read is one past the loop), a step that is a parameter (a cyclic distribution, a block step,
   counting down), ranges clamped before the loop (if (lo < 2) lo = 2, hi = hi > n ? n : hi,
   n /= 2), unsigned count-downs by 2 whose tests stop them before 0 (i > 1, i >= 2), and
   pointers walked over a parameter bounded by it (p < a + hi, p != end, p >= a + lo), and a
   parameter counted down by its loop (while (n--) *d++ = *s++, while (n-- > 0) a[n]). */
#include <stdio.h>
#include <stdlib.h>

/* fasta: symbol k of line `line` picked by cumulative probability. */
void pick(const double *cum, const char *sym, int nsym, const double *rnd, char *out, int lo, int hi) {
  for (int k = lo; k < hi; k++) {
    int s = 0;
    while (s < nsym - 1 && cum[s] < rnd[k]) s++;
    out[k] = sym[s];
  }
}

/* The test last: cum[s] is read once more at s = n - 1. */
void first_above(const double *cum, int n, double r, int *where) {
  int s = 0;
  while (cum[s] < r && s < n - 1) s++;
  *where = s;
}

void cyclic(double *y, const double *x, int tid, int nthreads, int n) {
  for (int i = tid; i < n; i += nthreads) y[i] = 2 * x[i] + 1;
}

void block_heads(double *a, int n, int block) {
  for (int i = 0; i < n; i += block) a[i] = -a[i];
}

void every_down(double *a, int hi, int lo, int step) {
  for (int i = hi; i >= lo; i -= step) a[i] += 3;
}

void clamp_low(double *a, int lo, int n) {
  if (lo < 2) lo = 2;
  for (int i = lo; i < n; i++) a[i] = a[i - 1] + a[i - 2];
}

void clamp_high(double *a, const double *b, int hi, int n) {
  hi = hi > n ? n : hi;
  for (int i = 0; i < hi; i++) a[i] = b[i] * b[i];
}

void halved(double *a, int n) {
  n /= 2;
  for (int i = 0; i < n; i++) a[i] *= 0.5;
}

void down_by_two(double *a, unsigned n) {
  for (unsigned i = n; i > 1; i -= 2) a[i] += 1;
}

void down_by_two_to_two(double *a, unsigned n) {
  for (unsigned i = n; i >= 2; i -= 2) a[i] -= 1;
}

void scale_span(double *a, int lo, int hi, double f) {
  for (double *p = a + lo; p < a + hi; p++) *p *= f;
}

void prefix_span(double *a, int lo, int hi) {
  double *end = a + hi;
  for (double *p = a + lo + 1; p != end; ++p) *p += p[-1];
}

void reverse_span(const double *a, double *out, int lo, int hi) {
  double *o = out;
  for (const double *p = a + hi - 1; p >= a + lo; p--) *o++ = *p;
}

void copy_n(double *d, const double *s, int n) {
  while (n--) *d++ = *s++;
}

void triangle_down(double *a, int n) {
  while (n-- > 0)
    for (int j = 0; j < n; j++) a[j] += 0.25;
}

int main(void) {
  enum { N = 64, W = 48 };
  double cum[4] = {0.3, 0.5, 0.8, 1.0}, rnd[W], a[N], b[N];
  char out[W + 1];
  int where = -1;
  for (int i = 0; i < W; i++) rnd[i] = (double)((i * 37) % 101) / 100.0;
  for (int i = 0; i < N; i++) a[i] = i % 7, b[i] = i * 0.25;
#pragma dosc task
  pick(cum, "acgt", 4, rnd, out, 0, W / 2);
#pragma dosc task
  pick(cum, "acgt", 4, rnd, out, W / 2, W);
#pragma dosc taskwait
  out[W] = 0;
#pragma dosc task
  first_above(cum, 4, 2.0, &where);
#pragma dosc taskwait
  printf("%s %d\n", out, where);
#pragma dosc task
  first_above(cum, 4, 0.6, &where);
#pragma dosc taskwait
  printf("%d\n", where);
  for (int t = 0; t < 3; t++) {
#pragma dosc task
    cyclic(a, b, t, 3, 40);
  }
#pragma dosc taskwait
#pragma dosc task
  block_heads(a, 50, 7);
#pragma dosc taskwait
#pragma dosc task
  every_down(a, 60, 5, 4);
#pragma dosc taskwait
#pragma dosc task
  clamp_low(a, 0, 30);
#pragma dosc taskwait
#pragma dosc task
  clamp_low(a, 9, 30);
#pragma dosc taskwait
#pragma dosc task
  clamp_high(a, b, 50, 20);
#pragma dosc taskwait
#pragma dosc task
  clamp_high(a, b, 10, 20);
#pragma dosc taskwait
#pragma dosc task
  halved(a, 41);
#pragma dosc taskwait
#pragma dosc task
  down_by_two(a, 33);
#pragma dosc taskwait
#pragma dosc task
  down_by_two_to_two(a, 32);
#pragma dosc taskwait
#pragma dosc task
  scale_span(a, 5, 37, 0.5);
#pragma dosc taskwait
#pragma dosc task
  prefix_span(a, 10, 30);
#pragma dosc taskwait
#pragma dosc task
  reverse_span(a, b, 3, 19);
#pragma dosc taskwait
#pragma dosc task
  copy_n(b + 2, a + 7, 40);
#pragma dosc taskwait
#pragma dosc task
  triangle_down(a, 12);
#pragma dosc taskwait
  for (int i = 0; i < N; i++) a[i] += b[i];
  double sum = 0;
  for (int i = 0; i < N; i++) sum += a[i] * (i + 1);
  printf("%.4f\n", sum);
  return 0;
}
