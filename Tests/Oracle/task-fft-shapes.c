/* The shapes of BOTS fft (Barcelona OpenMP Tasks Suite; code written for dosc, not copied):
   a table of roots written at k and n-k by recursive halves, a scatter whose destination
   pointer walks with stride m, a combine step whose index into the table wraps modulo its
   length, and a radix-2 butterfly over [lo, hi) reading and writing i and i+m. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct { double re, im; } cplx;

void fill_roots(int n, int lo, int hi, cplx *w) {
  if (hi - lo < 8) {
    for (int k = lo; k <= hi; k++) {
      double angle = 2.0 * 3.14159265358979 * k / n;
      w[k].re = w[n - k].re = cos(angle);
      w[k].im = -sin(angle);
      w[n - k].im = sin(angle);
    }
    return;
  }
  int mid = (lo + hi) / 2;
#pragma dosc task
  fill_roots(n, lo, mid, w);
#pragma dosc task
  fill_roots(n, mid + 1, hi, w);
#pragma dosc taskwait
}

void scatter(int lo, int hi, const cplx *src, cplx *dst, int r, int m) {
  const cplx *s = src + lo * r;
  for (int i = lo; i < hi; i++) {
    cplx *d = dst + i;
    for (int j = 0; j < r; j++) {
      *d = *s++;
      d += m;
    }
  }
}

void combine(const cplx *in, cplx *out, const cplx *w, int r, int m, int nw, int base, int step) {
  for (int k = 0; k < r; k++) {
    double re = 0, im = 0;
    int t = 0;
    for (int j = 0; j < r; j++) {
      re += in[j * m].re * w[t].re - in[j * m].im * w[t].im;
      im += in[j * m].re * w[t].im + in[j * m].im * w[t].re;
      t += base + step * k;
      if (t >= nw) t -= nw;
    }
    out[k * m].re = re;
    out[k * m].im = im;
  }
}

void butterfly(int lo, int hi, const cplx *in, cplx *out, const cplx *w, int step, int m) {
  if (hi - lo > 4) {
    int mid = (lo + hi) / 2;
#pragma dosc task
    butterfly(lo, mid, in, out, w, step, m);
#pragma dosc task
    butterfly(mid, hi, in, out, w, step, m);
#pragma dosc taskwait
    return;
  }
  for (int i = lo; i < hi; i++) {
    cplx a = in[i], b = in[i + m], t = w[i * step];
    double re = t.re * b.re - t.im * b.im, im = t.im * b.re + t.re * b.im;
    out[i].re = a.re + re;
    out[i].im = a.im + im;
    out[i + m].re = a.re - re;
    out[i + m].im = a.im - im;
  }
}

int main(void) {
  int n = 48, r = 3, m = n / r;
  cplx *w = malloc(sizeof(cplx) * (n + 1)), *in = malloc(sizeof(cplx) * n);
  cplx *mid = malloc(sizeof(cplx) * n), *out = malloc(sizeof(cplx) * n), *bf = malloc(sizeof(cplx) * n);
  for (int i = 0; i < n; i++) in[i] = (cplx){i % 7, (i * 3) % 5};
  fill_roots(n, 0, n / 2, w);
#pragma dosc task
  scatter(0, m / 2, in, mid, r, m);
#pragma dosc task
  scatter(m / 2, m, in, mid, r, m);
#pragma dosc taskwait
  for (int i = 0; i < m; i++) {
#pragma dosc task
    combine(mid + i, out + i, w, r, m, n, i, m);
  }
#pragma dosc taskwait
  butterfly(0, n / 2, in, bf, w, 1, n / 2);
  double s = 0;
  for (int i = 0; i < n; i++) s += out[i].re * (i + 1) + out[i].im + bf[i].re * 0.5 - bf[i].im;
  for (int i = 0; i <= n; i++) s += w[i].re * i;
  printf("%.6f\n", s);
  return 0;
}
