/* Remote attack on write_dense (issue 9): a written footprint the analyzer calls dense goes back
   whole with no compare, and a dense `out` one is not shipped in. Tasks here that are NOT dense
   would be corrupted if they were treated as dense: `mark_thirds` stores every third cell of an
   out-only block the caller filled (were it not shipped in, the other cells would come back as
   whatever the serving rank's fresh buffer held); `relax_color` updates one colour of a block in
   place while a sibling task updates the other colour of the same block (were either shipped
   back whole, it would overwrite the other's cells with stale copies); `guarded_fill` may
   return early. The dense ones must still be right: a fill of an out-only block, an in-place
   bump, two loops over adjacent halves, a reversed fill, pairs of cells per iteration. */
#include <stdio.h>
#include <stdlib.h>

/* dense, out-only */
void fill(double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) out[i] = 0.5 * i + 1.0;
}

/* dense, in place */
void bump(double *v, int lo, int hi) {
  for (int i = lo; i < hi; i++) v[i] += 2.0;
}

/* dense: two halves, [lo, mid) and [mid, hi) */
void halves(int *out, int lo, int mid, int hi) {
  for (int i = lo; i < mid; i++) out[i] = 3 * i;
  for (int i = mid; i < hi; i++) out[i] = -i;
}

/* dense: reversed, and two cells per iteration */
void reversed(long *out, int n) {
  for (int i = 0; i < n; i++) out[n - 1 - i] = 7L * i;
}
void pairs(float *out, int n) {
  for (int i = 0; i < n; i++) {
    out[2 * i] = (float)i;
    out[2 * i + 1] = (float)-i;
  }
}

/* NOT dense: every third cell of an out-only block */
void mark_thirds(double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (i % 3 == 0) out[i] = -1.0 * i;
}

/* NOT dense: one colour of [lo, hi), in place */
void relax_color(double *u, int lo, int hi, int color) {
  for (int i = lo; i < hi; i++)
    if ((i & 1) == color) u[i] = 0.5 * (u[i] + 10.0 * color + 1.0);
}

/* NOT dense: may return before storing anything */
void guarded_fill(double *out, int lo, int hi, int limit) {
  if (hi - lo > limit) return;
  for (int i = lo; i < hi; i++) out[i] = 9.0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 96;
  int block = 16;
  double *a = malloc(sizeof(double) * (size_t)n);
  double *b = malloc(sizeof(double) * (size_t)n);
  double *c = malloc(sizeof(double) * (size_t)n);
  int *h = malloc(sizeof(int) * (size_t)n);
  long *r = malloc(sizeof(long) * (size_t)n);
  float *p = malloc(sizeof(float) * (size_t)(2 * n));
  for (int i = 0; i < n; i++) {
    a[i] = 1000 + i;
    b[i] = 2000 + i;
    c[i] = 3000 + i;
    h[i] = 4000 + i;
    r[i] = 5000 + i;
    p[2 * i] = p[2 * i + 1] = 6000.0f + (float)i;
  }
  for (int lo = 0; lo < n; lo += block) {
    int hi = lo + block < n ? lo + block : n;
#pragma dosc task
    fill(a, lo, hi);
#pragma dosc task
    mark_thirds(b, lo, hi);
#pragma dosc task
    relax_color(c, lo, hi, 0);
#pragma dosc task
    relax_color(c, lo, hi, 1);
#pragma dosc task
    halves(h, lo, lo + (hi - lo) / 3, hi);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < n; lo += block) {
    int hi = lo + block < n ? lo + block : n;
#pragma dosc task
    bump(a, lo, hi);
#pragma dosc task
    guarded_fill(b, lo, hi, (lo / block) % 2 ? 100 : 4);
  }
#pragma dosc task
  reversed(r, n);
#pragma dosc task
  pairs(p, n);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++)
    s += a[i] * (i + 1) + b[i] * (i + 2) + c[i] * (i + 3) + h[i] * (i + 4) + (double)r[i] * (i + 5) +
         (double)p[2 * i] * (i + 6) + (double)p[2 * i + 1] * (i + 7);
  printf("dense %.2f\n", s);
  printf("a %.2f %.2f b %.2f %.2f c %.2f %.2f h %d %d r %ld %ld p %.1f %.1f\n", a[0], a[n - 1], b[1],
         b[n - 1], c[2], c[n - 1], h[0], h[n - 1], r[0], r[n - 1], (double)p[1], (double)p[2 * n - 2]);
  free(a);
  free(b);
  free(c);
  free(h);
  free(r);
  free(p);
  return 0;
}
