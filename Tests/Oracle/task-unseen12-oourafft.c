/* Takuya Ooura's complex FFT package (fft4g-style cdft with its bit-reversal and radix-4 child
   routines) as dosc tasks (branch unseen12), read from llvm/llvm-test-suite,
   SingleSource/Benchmarks/Misc/oourafft.c (Ooura's FFT routines, "copyright Takuya OOURA, 1996-2001;
   you may use, copy, modify and distribute this code for any purpose (include commercial use) and
   without fee"; the driver under the LLVM licence): the shapes kept, the code written anew around
   them, a batch of signals instead of one and smaller sizes:
   - makewt(nw, ip, w): the twiddle table w[0..nw) written at `w[nwh]`, `w[nw - j]`, `w[nw - j +
     1]`, then bit-reversed in place through bitrv2 with the work area ip;
   - cdft(n, isgn, a, ip, w): bitrv2 (ip[m + j] = ip[j] + l while (m << 3) < l, then swaps of
     a[j1], a[j1 + 1] with a[k1], a[k1 + 1], `j1 = 2 * j + ip[k]`, `k1 += 2 * m2`, `k1 -= m2`) or
     bitrv2conj, then cftfsub / cftbsub: cft1st's straight-line a[0..15] and its loop over
     `j += 16` reading w[k2 + 3], cftmdl's three loops (`j < l + m`, `k += m2`, `j < l + (k + m)`)
     with j1 = j + l, j2 = j1 + l, j3 = j2 + l, and the last radix-4 or radix-2 pass; a task per
     signal of a batch, each with its own ip work area (`ip + s * IPN`) and the shared w read;
   - putdata's `RND(&seed)` macro writing a[nini..nend] inclusive, errorcheck's MAX over the same
     range returned; the correlation product over k of a block (cmp[2 * k + 1], ref[2 * k + 1]).
   The program prints checksums. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define RND(p) ((*(p) = (*(p)*7141 + 54773) % 259200) * (1.0 / 259200.0))
#define MAX(x, y) ((x) > (y) ? (x) : (y))

#define N 64      /* complex points per signal */
#define NSIG 4    /* signals in the batch */
#define IPN 16    /* ip work area per signal: >= 2 + sqrt(N) */
#define NW (N >> 1)

/* the four-point butterfly's inputs, as every child routine spells them */
#define LOAD4(a, j, j1, j2, j3)    \
  x0r = a[j] + a[j1];              \
  x0i = a[j + 1] + a[j1 + 1];      \
  x1r = a[j] - a[j1];              \
  x1i = a[j + 1] - a[j1 + 1];      \
  x2r = a[j2] + a[j3];             \
  x2i = a[j2 + 1] + a[j3 + 1];     \
  x3r = a[j2] - a[j3];             \
  x3i = a[j2 + 1] - a[j3 + 1]

/* swap the complex pairs at j1 and k1, conjugating both when cj is -1 */
#define SWAPC(a, j1, k1, cj) \
  xr = a[j1];                \
  xi = cj * a[j1 + 1];       \
  yr = a[k1];                \
  yi = cj * a[k1 + 1];       \
  a[j1] = yr;                \
  a[j1 + 1] = yi;            \
  a[k1] = xr;                \
  a[k1 + 1] = xi

void bitrv2(int n, int *ip, double *a) {
  int j, j1, k, k1, l, m, m2;
  double xr, xi, yr, yi;

  ip[0] = 0;
  l = n;
  m = 1;
  while ((m << 3) < l) {
    l >>= 1;
    for (j = 0; j < m; j++) ip[m + j] = ip[j] + l;
    m <<= 1;
  }
  m2 = 2 * m;
  if ((m << 3) == l) {
    for (k = 0; k < m; k++) {
      for (j = 0; j < k; j++) {
        j1 = 2 * j + ip[k];
        k1 = 2 * k + ip[j];
        SWAPC(a, j1, k1, 1);
        j1 += m2;
        k1 += 2 * m2;
        SWAPC(a, j1, k1, 1);
        j1 += m2;
        k1 -= m2;
        SWAPC(a, j1, k1, 1);
        j1 += m2;
        k1 += 2 * m2;
        SWAPC(a, j1, k1, 1);
      }
      j1 = 2 * k + m2 + ip[k];
      k1 = j1 + m2;
      SWAPC(a, j1, k1, 1);
    }
  } else {
    for (k = 1; k < m; k++) {
      for (j = 0; j < k; j++) {
        j1 = 2 * j + ip[k];
        k1 = 2 * k + ip[j];
        SWAPC(a, j1, k1, 1);
        j1 += m2;
        k1 += m2;
        SWAPC(a, j1, k1, 1);
      }
    }
  }
}

static void bitrv2conj(int n, int *ip, double *a) {
  int j, j1, k, k1, l, m, m2;
  double xr, xi, yr, yi;

  ip[0] = 0;
  l = n;
  m = 1;
  while ((m << 3) < l) {
    l >>= 1;
    for (j = 0; j < m; j++) ip[m + j] = ip[j] + l;
    m <<= 1;
  }
  m2 = 2 * m;
  if ((m << 3) == l) {
    for (k = 0; k < m; k++) {
      for (j = 0; j < k; j++) {
        j1 = 2 * j + ip[k];
        k1 = 2 * k + ip[j];
        SWAPC(a, j1, k1, -1);
        j1 += m2;
        k1 += 2 * m2;
        SWAPC(a, j1, k1, -1);
        j1 += m2;
        k1 -= m2;
        SWAPC(a, j1, k1, -1);
        j1 += m2;
        k1 += 2 * m2;
        SWAPC(a, j1, k1, -1);
      }
      k1 = 2 * k + ip[k];
      a[k1 + 1] = -a[k1 + 1];
      j1 = k1 + m2;
      k1 = j1 + m2;
      SWAPC(a, j1, k1, -1);
      k1 += m2;
      a[k1 + 1] = -a[k1 + 1];
    }
  } else {
    a[1] = -a[1];
    a[m2 + 1] = -a[m2 + 1];
    for (k = 1; k < m; k++) {
      for (j = 0; j < k; j++) {
        j1 = 2 * j + ip[k];
        k1 = 2 * k + ip[j];
        SWAPC(a, j1, k1, -1);
        j1 += m2;
        k1 += m2;
        SWAPC(a, j1, k1, -1);
      }
      k1 = 2 * k + ip[k];
      a[k1 + 1] = -a[k1 + 1];
      a[k1 + m2 + 1] = -a[k1 + m2 + 1];
    }
  }
}

void makewt(int nw, int *ip, double *w) {
  int j, nwh;
  double delta, x, y;

  if (nw > 2) {
    nwh = nw >> 1;
    delta = atan(1.0) / nwh;
    w[0] = 1;
    w[1] = 0;
    w[nwh] = cos(delta * nwh);
    w[nwh + 1] = w[nwh];
    if (nwh > 2) {
      for (j = 2; j < nwh; j += 2) {
        x = cos(delta * j);
        y = sin(delta * j);
        w[j] = x;
        w[j + 1] = y;
        w[nw - j] = y;
        w[nw - j + 1] = x;
      }
      bitrv2(nw, ip, w);
    }
  }
}

static void cft1st(int n, double *a, double *w) {
  int j, k1, k2;
  double wk1r, wk1i, wk2r, wk2i, wk3r, wk3i;
  double x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i;

  LOAD4(a, 0, 2, 4, 6);
  a[0] = x0r + x2r;
  a[1] = x0i + x2i;
  a[4] = x0r - x2r;
  a[5] = x0i - x2i;
  a[2] = x1r - x3i;
  a[3] = x1i + x3r;
  a[6] = x1r + x3i;
  a[7] = x1i - x3r;
  wk1r = w[2];
  LOAD4(a, 8, 10, 12, 14);
  a[8] = x0r + x2r;
  a[9] = x0i + x2i;
  a[12] = x2i - x0i;
  a[13] = x0r - x2r;
  x0r = x1r - x3i;
  x0i = x1i + x3r;
  a[10] = wk1r * (x0r - x0i);
  a[11] = wk1r * (x0r + x0i);
  x0r = x3i + x1r;
  x0i = x3r - x1i;
  a[14] = wk1r * (x0i - x0r);
  a[15] = wk1r * (x0i + x0r);
  k1 = 0;
  for (j = 16; j < n; j += 16) {
    k1 += 2;
    k2 = 2 * k1;
    wk2r = w[k1];
    wk2i = w[k1 + 1];
    wk1r = w[k2];
    wk1i = w[k2 + 1];
    wk3r = wk1r - 2 * wk2i * wk1i;
    wk3i = 2 * wk2i * wk1r - wk1i;
    LOAD4(a, j, j + 2, j + 4, j + 6);
    a[j] = x0r + x2r;
    a[j + 1] = x0i + x2i;
    x0r -= x2r;
    x0i -= x2i;
    a[j + 4] = wk2r * x0r - wk2i * x0i;
    a[j + 5] = wk2r * x0i + wk2i * x0r;
    x0r = x1r - x3i;
    x0i = x1i + x3r;
    a[j + 2] = wk1r * x0r - wk1i * x0i;
    a[j + 3] = wk1r * x0i + wk1i * x0r;
    x0r = x1r + x3i;
    x0i = x1i - x3r;
    a[j + 6] = wk3r * x0r - wk3i * x0i;
    a[j + 7] = wk3r * x0i + wk3i * x0r;
    wk1r = w[k2 + 2];
    wk1i = w[k2 + 3];
    wk3r = wk1r - 2 * wk2r * wk1i;
    wk3i = 2 * wk2r * wk1r - wk1i;
    LOAD4(a, j + 8, j + 10, j + 12, j + 14);
    a[j + 8] = x0r + x2r;
    a[j + 9] = x0i + x2i;
    x0r -= x2r;
    x0i -= x2i;
    a[j + 12] = -wk2i * x0r - wk2r * x0i;
    a[j + 13] = -wk2i * x0i + wk2r * x0r;
    x0r = x1r - x3i;
    x0i = x1i + x3r;
    a[j + 10] = wk1r * x0r - wk1i * x0i;
    a[j + 11] = wk1r * x0i + wk1i * x0r;
    x0r = x1r + x3i;
    x0i = x1i - x3r;
    a[j + 14] = wk3r * x0r - wk3i * x0i;
    a[j + 15] = wk3r * x0i + wk3i * x0r;
  }
}

static void cftmdl(int n, int l, double *a, double *w) {
  int j, j1, j2, j3, k, k1, k2, m, m2;
  double wk1r, wk1i, wk2r, wk2i, wk3r, wk3i;
  double x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i;

  m = l << 2;
  for (j = 0; j < l; j += 2) {
    j1 = j + l;
    j2 = j1 + l;
    j3 = j2 + l;
    LOAD4(a, j, j1, j2, j3);
    a[j] = x0r + x2r;
    a[j + 1] = x0i + x2i;
    a[j2] = x0r - x2r;
    a[j2 + 1] = x0i - x2i;
    a[j1] = x1r - x3i;
    a[j1 + 1] = x1i + x3r;
    a[j3] = x1r + x3i;
    a[j3 + 1] = x1i - x3r;
  }
  wk1r = w[2];
  for (j = m; j < l + m; j += 2) {
    j1 = j + l;
    j2 = j1 + l;
    j3 = j2 + l;
    LOAD4(a, j, j1, j2, j3);
    a[j] = x0r + x2r;
    a[j + 1] = x0i + x2i;
    a[j2] = x2i - x0i;
    a[j2 + 1] = x0r - x2r;
    x0r = x1r - x3i;
    x0i = x1i + x3r;
    a[j1] = wk1r * (x0r - x0i);
    a[j1 + 1] = wk1r * (x0r + x0i);
    x0r = x3i + x1r;
    x0i = x3r - x1i;
    a[j3] = wk1r * (x0i - x0r);
    a[j3 + 1] = wk1r * (x0i + x0r);
  }
  k1 = 0;
  m2 = 2 * m;
  for (k = m2; k < n; k += m2) {
    k1 += 2;
    k2 = 2 * k1;
    wk2r = w[k1];
    wk2i = w[k1 + 1];
    wk1r = w[k2];
    wk1i = w[k2 + 1];
    wk3r = wk1r - 2 * wk2i * wk1i;
    wk3i = 2 * wk2i * wk1r - wk1i;
    for (j = k; j < l + k; j += 2) {
      j1 = j + l;
      j2 = j1 + l;
      j3 = j2 + l;
      LOAD4(a, j, j1, j2, j3);
      a[j] = x0r + x2r;
      a[j + 1] = x0i + x2i;
      x0r -= x2r;
      x0i -= x2i;
      a[j2] = wk2r * x0r - wk2i * x0i;
      a[j2 + 1] = wk2r * x0i + wk2i * x0r;
      x0r = x1r - x3i;
      x0i = x1i + x3r;
      a[j1] = wk1r * x0r - wk1i * x0i;
      a[j1 + 1] = wk1r * x0i + wk1i * x0r;
      x0r = x1r + x3i;
      x0i = x1i - x3r;
      a[j3] = wk3r * x0r - wk3i * x0i;
      a[j3 + 1] = wk3r * x0i + wk3i * x0r;
    }
    wk1r = w[k2 + 2];
    wk1i = w[k2 + 3];
    wk3r = wk1r - 2 * wk2r * wk1i;
    wk3i = 2 * wk2r * wk1r - wk1i;
    for (j = k + m; j < l + (k + m); j += 2) {
      j1 = j + l;
      j2 = j1 + l;
      j3 = j2 + l;
      LOAD4(a, j, j1, j2, j3);
      a[j] = x0r + x2r;
      a[j + 1] = x0i + x2i;
      x0r -= x2r;
      x0i -= x2i;
      a[j2] = -wk2i * x0r - wk2r * x0i;
      a[j2 + 1] = -wk2i * x0i + wk2r * x0r;
      x0r = x1r - x3i;
      x0i = x1i + x3r;
      a[j1] = wk1r * x0r - wk1i * x0i;
      a[j1 + 1] = wk1r * x0i + wk1i * x0r;
      x0r = x1r + x3i;
      x0i = x1i - x3r;
      a[j3] = wk3r * x0r - wk3i * x0i;
      a[j3 + 1] = wk3r * x0i + wk3i * x0r;
    }
  }
}

/* the last pass of cftfsub (isgn 1) and cftbsub (isgn -1): radix 4 when (l << 2) == n */
static void cftlast(int n, int l, int isgn, double *a) {
  int j, j1, j2, j3;
  double x0r, x0i, x1r, x1i, x2r, x2i, x3r, x3i;

  if ((l << 2) == n) {
    for (j = 0; j < l; j += 2) {
      j1 = j + l;
      j2 = j1 + l;
      j3 = j2 + l;
      LOAD4(a, j, j1, j2, j3);
      if (isgn < 0) {
        x0i = -a[j + 1] - a[j1 + 1];
        x1i = -a[j + 1] + a[j1 + 1];
        x3r = -x3r;
        x2i = -x2i;
      }
      a[j] = x0r + x2r;
      a[j + 1] = x0i + x2i;
      a[j2] = x0r - x2r;
      a[j2 + 1] = x0i - x2i;
      a[j1] = x1r - x3i;
      a[j1 + 1] = x1i + x3r;
      a[j3] = x1r + x3i;
      a[j3 + 1] = x1i - x3r;
    }
  } else {
    for (j = 0; j < l; j += 2) {
      j1 = j + l;
      x0r = a[j] - a[j1];
      x0i = isgn * a[j + 1] - isgn * a[j1 + 1];
      a[j] += a[j1];
      a[j + 1] = isgn * a[j + 1] + isgn * a[j1 + 1];
      a[j1] = x0r;
      a[j1 + 1] = x0i;
    }
  }
}

static void cftsub(int n, int isgn, double *a, double *w) {
  int l = 2;
  if (n > 8) {
    cft1st(n, a, w);
    l = 8;
    while ((l << 2) < n) {
      cftmdl(n, l, a, w);
      l <<= 2;
    }
  }
  cftlast(n, l, isgn, a);
}

void cdft(int n, int isgn, double *a, int *ip, double *w) {
  if (n > 4) {
    if (isgn >= 0) {
      bitrv2(n, ip, a);
      cftsub(n, 1, a, w);
    } else {
      bitrv2conj(n, ip, a);
      cftsub(n, -1, a, w);
    }
  } else if (n == 4) {
    cftsub(n, 1, a, w);
  }
}

void putdata(int nini, int nend, double *a) {
  int j, seed = 0;
  for (j = nini; j <= nend; j++) a[j] = RND(&seed);
}

double errorcheck(int nini, int nend, double scale, double *a) {
  int j, seed = 0;
  double err = 0, e;
  for (j = nini; j <= nend; j++) {
    e = RND(&seed) - a[j] * scale;
    err = MAX(err, fabs(e));
  }
  return err;
}

void correlate(double *cmp, const double *ref, int k0, int k1) {
  int k;
  for (k = k0; k < k1; ++k) {
    double re1 = cmp[2 * k];
    double re2 = ref[2 * k];
    double im1 = cmp[2 * k + 1];
    double im2 = ref[2 * k + 1];
    cmp[2 * k] = re1 * re2 - im1 * im2;
    cmp[2 * k + 1] = re1 * im2 + im1 * re2;
  }
}

int main(void) {
  int *ip = malloc(sizeof(int) * IPN * (NSIG + 1));
  double *w = malloc(sizeof(double) * NW);
  double *ref = malloc(sizeof(double) * 2 * N);
  double *sig = malloc(sizeof(double) * 2 * N * NSIG);
  double err[NSIG];
  int s, b;

#pragma dosc task
  makewt(NW, ip + NSIG * IPN, w);
#pragma dosc taskwait

  /* the sanity check, per signal: forward, backward, compare */
  memset(sig, 0, sizeof(double) * 2 * N * NSIG);
  for (s = 0; s < NSIG; s++) {
#pragma dosc task
    putdata(0, 2 * N - 1 - 2 * s, sig + s * 2 * N);
  }
#pragma dosc taskwait
  for (s = 0; s < NSIG; s++) {
#pragma dosc task
    cdft(2 * N, 1, sig + s * 2 * N, ip + s * IPN, w);
  }
#pragma dosc taskwait
  for (s = 0; s < NSIG; s++) {
#pragma dosc task
    cdft(2 * N, -1, sig + s * 2 * N, ip + s * IPN, w);
  }
#pragma dosc taskwait
  for (s = 0; s < NSIG; s++) {
#pragma dosc task
    err[s] = errorcheck(0, 2 * N - 1 - 2 * s, 1.0 / N, sig + s * 2 * N);
  }
#pragma dosc taskwait

  /* the correlation: reference spectrum conjugated, products in blocks, back transforms */
  memset(ref, 0, 2 * N * sizeof(double));
  putdata(0, N - 1, ref);
#pragma dosc task
  cdft(2 * N, 1, ref, ip + NSIG * IPN, w);
#pragma dosc taskwait
  for (int j = 0; j < N; ++j) ref[2 * j + 1] = -ref[2 * j + 1];
  for (s = 0; s < NSIG; s++) {
    memset(sig + s * 2 * N, 0, 2 * N * sizeof(double));
    putdata(s, N - 1, sig + s * 2 * N);
  }
  for (s = 0; s < NSIG; s++) {
#pragma dosc task
    cdft(2 * N, 1, sig + s * 2 * N, ip + s * IPN, w);
  }
#pragma dosc taskwait
  for (s = 0; s < NSIG; s++)
    for (b = 0; b < N; b += 24) {
#pragma dosc task
      correlate(sig + s * 2 * N, ref, b, b + 24 < N ? b + 24 : N);
    }
#pragma dosc taskwait
  for (s = 0; s < NSIG; s++) {
#pragma dosc task
    cdft(2 * N, -1, sig + s * 2 * N, ip + s * IPN, w);
  }
#pragma dosc taskwait

  double sum = 0.0, emax = 0.0;
  for (s = 0; s < NSIG; s++) emax = MAX(emax, err[s]);
  for (int j = 0; j < 2 * N * NSIG; j++) sum += fabs(sig[j]) > 1e-9 ? sig[j] * ((j % 7) + 1) : 0.0;
  printf("err %s sum %.6e\n", emax < 1e-10 ? "ok" : "BAD", sum / N);
  for (s = 0; s < NSIG; s++) printf("%d: %.6e %.6e\n", s, sig[s * 2 * N + 2 * s] / N, sig[s * 2 * N + 2 * s + 1] / N);
  free(ip);
  free(w);
  free(ref);
  free(sig);
  return 0;
}
