/* Index polynomials as codes write them (branch unseen9): packed triangular storage row-major
   lower `ap[i * (i + 1) / 2 + j]` (j <= i) and upper `ap[i * n - i * (i - 1) / 2 + (j - i)]`
   (j >= i), the packed index started at a row `i0 > 0`; an index that rises then falls inside
   the loop (`a[i * (n - i)]`, `a[(i - c) * (i - c)]` with c mid-range, the largest index not at
   either end of the loop); squares `a[i * i]` and a cube root table `a[k * k * k]`; Cantor's
   pairing `(i + j) * (i + j + 1) / 2 + j`; an FFT shift `a[(i + n / 2) % n]`; a zig-zag
   `(i & 1) ? n - 1 - i / 2 : i / 2`; a 3-point filter at `2 * i + 1` over a half-length
   output; a Morton order of a 4 x 4 tile; and `(3 * i) / 2` and `i * 3 >> 1`. The program
   prints a checksum. */
#include <stdio.h>
#include <stdlib.h>

/* packed lower triangle, rows [i0, i1), y[i] += sum_j ap[i(i+1)/2 + j] x[j] */
void tp_lower_rows(const double *ap, const double *x, double *y, int i0, int i1) {
  for (int i = i0; i < i1; i++) {
    double s = 0;
    for (int j = 0; j <= i; j++) s += ap[i * (i + 1) / 2 + j] * x[j];
    y[i] += s;
  }
}

/* packed upper triangle row-major, n x n, rows [i0, i1), scaled in place */
void tp_upper_scale(double *ap, int n, int i0, int i1, double f) {
  for (int i = i0; i < i1; i++)
    for (int j = i; j < n; j++) ap[i * n - i * (i - 1) / 2 + (j - i)] *= f;
}

/* the rising-then-falling index: the largest index at i = n / 2 */
void hump_touch(double *a, int n) {
  for (int i = 0; i <= n; i++) a[i * (n - i)] += 1.0;
}

/* (i - c)^2 for i in [lo, hi): largest at an end, smallest (0) in the middle */
void parabola_touch(double *a, int lo, int hi, int c) {
  for (int i = lo; i < hi; i++) a[(i - c) * (i - c)] += i;
}

void squares(long *a, int n) {
  for (int i = 0; i < n; i++) a[i * i] = (long)i * i;
}

void cubes(int *a, int n) {
  for (int k = 1; k <= n; k++) a[k * k * k - 1] = k;
}

/* Cantor pairing of (i, j) with i + j < d */
void cantor_fill(int *a, int d) {
  for (int i = 0; i < d; i++)
    for (int j = 0; i + j < d; j++) a[(i + j) * (i + j + 1) / 2 + j] = i * 100 + j;
}

void fft_shift(double *out, const double *in, int n) {
  for (int i = 0; i < n; i++) out[i] = in[(i + n / 2) % n];
}

void zigzag(int *out, const int *in, int n) {
  for (int i = 0; i < n; i++) out[i] = in[(i & 1) ? n - 1 - i / 2 : i / 2];
}

/* a half-length output from a 3-point filter centred at odd inputs */
void decimate(double *out, const double *in, int nout) {
  for (int i = 0; i < nout; i++) out[i] = 0.25 * in[2 * i] + 0.5 * in[2 * i + 1] + 0.25 * in[2 * i + 2];
}

static unsigned morton2(unsigned x, unsigned y) {
  unsigned z = 0;
  for (unsigned b = 0; b < 2; b++) z |= ((x >> b) & 1u) << (2 * b) | ((y >> b) & 1u) << (2 * b + 1);
  return z;
}
void morton_tile(int *out, const int *tile) {
  for (unsigned y = 0; y < 4; y++)
    for (unsigned x = 0; x < 4; x++) out[morton2(x, y)] = tile[y * 4 + x];
}

void three_halves(int *a, int n) {
  for (int i = 0; i < n; i++) a[(3 * i) / 2] += 1;
  for (int i = 0; i < n; i++) a[i * 3 >> 1] += 2;
}

int main(void) {
  double checksum = 0;

  int n = 9;
  double *ap = malloc(sizeof(double) * n * (n + 1) / 2), *x = malloc(sizeof(double) * n);
  double *y = calloc(n, sizeof(double));
  for (int k = 0; k < n * (n + 1) / 2; k++) ap[k] = (k % 5) - 2;
  for (int i = 0; i < n; i++) x[i] = i + 1;
#pragma dosc task
  tp_lower_rows(ap, x, y, 0, 4);
#pragma dosc task
  tp_lower_rows(ap, x, y, 4, 7);
#pragma dosc task
  tp_lower_rows(ap, x, y, 7, n);
#pragma dosc taskwait
  for (int i = 0; i < n; i++) checksum += y[i] * (i + 1);
#pragma dosc task
  tp_upper_scale(ap, n, 0, 3, 2.0);
#pragma dosc task
  tp_upper_scale(ap, n, 3, 6, -1.0);
#pragma dosc task
  tp_upper_scale(ap, n, 6, n, 0.5);
#pragma dosc taskwait
  for (int k = 0; k < n * (n + 1) / 2; k++) checksum += ap[k] * (k % 4 + 1);

  double *h = calloc(32, sizeof(double)), *h2 = calloc(40, sizeof(double));
#pragma dosc task
  hump_touch(h, 10);
#pragma dosc task
  parabola_touch(h2, 0, 7, 3);
#pragma dosc taskwait
#pragma dosc task
  parabola_touch(h2, 2, 9, 5);
#pragma dosc taskwait
  for (int i = 0; i < 32; i++) checksum += h[i] * (i + 1);
  for (int i = 0; i < 40; i++) checksum += h2[i] * (i + 3);

  long *sq = calloc(50, sizeof(long));
  int *cu = calloc(64, sizeof(int));
#pragma dosc task
  squares(sq, 7);
#pragma dosc task
  cubes(cu, 4);
#pragma dosc taskwait
  for (int i = 0; i < 50; i++) checksum += sq[i] * (i % 3 + 1);
  for (int i = 0; i < 64; i++) checksum += cu[i] * (i % 5 + 1);

  int *cp = calloc(28, sizeof(int));
#pragma dosc task
  cantor_fill(cp, 7);
#pragma dosc taskwait
  for (int i = 0; i < 28; i++) checksum += cp[i] % 1000 * (i + 1);

  double fin[11], fout[11];
  int zin[10], zout[10];
  for (int i = 0; i < 11; i++) fin[i] = i * i;
  for (int i = 0; i < 10; i++) zin[i] = 3 * i + 1;
#pragma dosc task
  fft_shift(fout, fin, 11);
#pragma dosc task
  zigzag(zout, zin, 10);
#pragma dosc taskwait
  for (int i = 0; i < 11; i++) checksum += fout[i] * (i + 1);
  for (int i = 0; i < 10; i++) checksum += zout[i] * (i + 2);

  double din[15], dout[7];
  for (int i = 0; i < 15; i++) din[i] = (i * 7) % 4;
#pragma dosc task
  decimate(dout, din, 7);
#pragma dosc taskwait
  for (int i = 0; i < 7; i++) checksum += dout[i] * (i + 1);

  int tile[16], mort[16];
  for (int i = 0; i < 16; i++) tile[i] = i * i;
#pragma dosc task
  morton_tile(mort, tile);
#pragma dosc taskwait
  for (int i = 0; i < 16; i++) checksum += mort[i] * (i + 1);

  int th[20] = {0};
#pragma dosc task
  three_halves(th, 13);
#pragma dosc taskwait
  for (int i = 0; i < 20; i++) checksum += th[i] * (i + 1);

  printf("checksum %.6f\n", checksum);
  return 0;
}
