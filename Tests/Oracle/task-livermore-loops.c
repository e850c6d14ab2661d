/* The Livermore loops (McMahon's 24 kernels, in the shapes of the C translation "lloops"),
   written for dosc as a user parallelizes them: a task per chunk of k for the independent
   kernels, a task per independent problem (a separate array set) for the recurrences.
   Kernels: 1 hydro fragment (zx[k + 10], zx[k + 11]), 2 ICCG (a second induction variable
   stepping by 2 beside the loop's own, halving spans), 3 inner product (a partial sum
   returned per chunk), 4 banded linear equations (`lw++` inside `j += 5`, k += m), 5
   tri-diagonal elimination (x[i - 1]), 6 general linear recurrence (w[(i - k) - 1] over the
   rows b[k][i]), 7 equation of state (u[k + 1] .. u[k + 6]), 9 integrate predictors (rows of
   px[i][0..12]), 10 difference predictors (a chain through px[i][4..13]), 11 first sum,
   12 first difference (y[k + 1] - y[k]), 16 Monte Carlo search (a loop of gotos), 18 2-D
   explicit hydro (za..zz rows [j +- 1][k +- 1]), 21 matrix product px[j][i] += vy[k][i] *
   cx[j][k], 22 Planckian distribution, 23 2-D implicit hydro (a row recurrence), 24 first
   minimum (an index returned). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define N 40
#define ROWS 7
#define COLS 41

void k1_hydro(double *x, const double *y, const double *zx, double q, double r, double t, int lo, int hi) {
  for (int k = lo; k < hi; k++) x[k] = q + y[k] * (r * zx[k + 10] + t * zx[k + 11]);
}

void k2_iccg(double *x, const double *v, int n) {
  int ii = n, ipntp = 0, ipnt, i, k;
  do {
    ipnt = ipntp;
    ipntp += ii;
    ii /= 2;
    i = ipntp - 1;
    for (k = ipnt + 1; k < ipntp; k = k + 2) {
      i++;
      x[i] = x[k] - v[k] * x[k - 1] - v[k + 1] * x[k + 1];
    }
  } while (ii > 0);
}

double k3_inner(const double *z, const double *x, int lo, int hi) {
  double q = 0.0;
  for (int k = lo; k < hi; k++) q += z[k] * x[k];
  return q;
}

void k4_banded(double *x, const double *y, int n, int m) {
  for (int k = 6; k < n; k = k + m) {
    int lw = k - 6;
    double temp = x[k - 1];
    for (int j = 4; j < n; j = j + 5) {
      temp -= x[lw] * y[j];
      lw++;
    }
    x[k - 1] = y[4] * temp;
  }
}

void k5_tridiag(double *x, const double *y, const double *z, int n) {
  for (int i = 1; i < n; i++) x[i] = z[i] * (y[i] - x[i - 1]);
}

void k6_recurrence(double *w, double b[][N], int n) {
  for (int i = 1; i < n; i++) {
    w[i] = 0.0100;
    for (int k = 0; k < i; k++) w[i] += b[k][i] * w[(i - k) - 1];
  }
}

void k7_state(double *x, const double *u, const double *y, const double *z, double r, double t, int lo, int hi) {
  for (int k = lo; k < hi; k++) {
    x[k] = u[k] + r * (z[k] + r * y[k]) +
           t * (u[k + 3] + r * (u[k + 2] + r * u[k + 1]) + t * (u[k + 6] + r * (u[k + 5] + r * u[k + 4])));
  }
}

void k9_predictors(double px[][13], double dm22, double dm23, double dm24, double dm25, double dm26, double dm27,
                   double dm28, double c0, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    px[i][0] = dm28 * px[i][12] + dm27 * px[i][11] + dm26 * px[i][10] + dm25 * px[i][9] + dm24 * px[i][8] +
               dm23 * px[i][7] + dm22 * px[i][6] + c0 * (px[i][4] + px[i][5]) + px[i][2];
  }
}

void k10_differences(double px[][14], double cx[][14], int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    double ar = cx[i][4], br, cr;
    br = ar - px[i][4];
    px[i][4] = ar;
    cr = br - px[i][5];
    px[i][5] = br;
    ar = cr - px[i][6];
    px[i][6] = cr;
    br = ar - px[i][7];
    px[i][7] = ar;
    cr = br - px[i][8];
    px[i][8] = br;
    ar = cr - px[i][9];
    px[i][9] = cr;
    br = ar - px[i][10];
    px[i][10] = ar;
    cr = br - px[i][11];
    px[i][11] = br;
    px[i][13] = cr - px[i][12];
    px[i][12] = cr;
  }
}

void k11_first_sum(double *x, const double *y, int n) {
  x[0] = y[0];
  for (int k = 1; k < n; k++) x[k] = x[k - 1] + y[k];
}

void k12_first_diff(double *x, const double *y, int lo, int hi) {
  for (int k = lo; k < hi; k++) x[k] = y[k + 1] - y[k];
}

/* Kernel 16's search, with its labels and jumps kept. */
int k16_search(const long *zone, const double *plan, const double *d, double r, double s, double t, int n, int *k3out) {
  int m = 0, k2 = 0, k3 = 0, i1 = 0, j2, j4, j5, lb;
  double tmp;
  int ii = n / 3, lb0 = ii + ii;
  k3 = k2 = 0;
  i1 = m = 1;
L410:
  j2 = (n + n) * (m - 1) + 1;
  for (int k = 1; k <= n; k++) {
    k2++;
    j4 = j2 + k + k;
    j5 = (int)zone[j4 - 1];
    if (j5 < n) {
      if (j5 + lb0 < n) { /* 420 */
        tmp = plan[j5 - 1] - t;
      } else {
        if (j5 + ii < n) { /* 415 */
          tmp = plan[j5 - 1] - s;
        } else {
          tmp = plan[j5 - 1] - r;
        }
      }
    } else if (j5 == n) {
      break;
    } else {
      k3++;
      tmp = (d[j5 - 1] - (d[j5 - 2] * (t - d[j5 - 3]) * (t - d[j5 - 3]) + (s - d[j5 - 4]) * (s - d[j5 - 4]) +
                          (r - d[j5 - 5]) * (r - d[j5 - 5])));
    }
    if (tmp < 0.0) {
      if (zone[j4 - 2] < 0) continue;
      if (!zone[j4 - 2]) break;
    } else if (tmp > 0.0) {
      if (zone[j4 - 2] > 0) continue;
      if (!zone[j4 - 2]) break;
    } else {
      break;
    }
    m++;
    if (m > zone[0]) m = 1;
    if (i1 - m) goto L410;
    break;
  }
  lb = k2;
  *k3out = k3;
  return lb + m;
}

void k18_hydro2d(double za[][COLS], double zb[][COLS], double zp[][COLS], double zq[][COLS], double zr[][COLS],
                 double zm[][COLS], double zu[][COLS], double zv[][COLS], double zz[][COLS], double t, double s,
                 int kn, int jn) {
  int j, k;
  for (k = 1; k < kn; k++)
    for (j = 1; j < jn; j++) {
      za[k][j] = (zp[k + 1][j - 1] + zq[k + 1][j - 1] - zp[k][j - 1] - zq[k][j - 1]) * (zr[k][j] + zr[k][j - 1]) /
                 (zm[k][j - 1] + zm[k + 1][j - 1]);
      zb[k][j] = (zp[k][j - 1] + zq[k][j - 1] - zp[k][j] - zq[k][j]) * (zr[k][j] + zr[k - 1][j]) /
                 (zm[k][j] + zm[k][j - 1]);
    }
  for (k = 1; k < kn; k++)
    for (j = 1; j < jn; j++) {
      zu[k][j] += s * (za[k][j] * (zz[k][j] - zz[k][j + 1]) - za[k][j - 1] * (zz[k][j] - zz[k][j - 1]) -
                       zb[k][j] * (zz[k][j] - zz[k - 1][j]) + zb[k + 1][j] * (zz[k][j] - zz[k + 1][j]));
      zv[k][j] += s * (za[k][j] * (zr[k][j] - zr[k][j + 1]) - za[k][j - 1] * (zr[k][j] - zr[k][j - 1]) -
                       zb[k][j] * (zr[k][j] - zr[k - 1][j]) + zb[k + 1][j] * (zr[k][j] - zr[k + 1][j]));
    }
  for (k = 1; k < kn; k++)
    for (j = 1; j < jn; j++) {
      zr[k][j] = zr[k][j] + t * zu[k][j];
      zz[k][j] = zz[k][j] + t * zv[k][j];
    }
}

void k21_matmul(double px[][25], double vy[][25], double cx[][25], int n, int j0, int j1) {
  for (int k = 0; k < 25; k++)
    for (int i = 0; i < 25; i++)
      for (int j = j0; j < j1 && j < n; j++) px[j][i] += vy[k][i] * cx[j][k];
}

void k22_planck(double *w, double *y, const double *u, const double *v, const double *x, int lo, int hi) {
  const double expmax = 20.0;
  for (int k = lo; k < hi; k++) {
    y[k] = u[k] / v[k];
    w[k] = x[k] / (exp(y[k] < expmax ? y[k] : expmax) - 1.0);
  }
}

void k23_implicit(double za[][COLS], double zb[][COLS], double zr[][COLS], double zu[][COLS], double zv[][COLS],
                  double zz[][COLS], int n) {
  for (int j = 1; j < 6; j++)
    for (int k = 1; k < n; k++) {
      double qa = za[j + 1][k] * zr[j][k] + za[j - 1][k] * zb[j][k] + za[j][k + 1] * zu[j][k] +
                  za[j][k - 1] * zv[j][k] + zz[j][k];
      za[j][k] += 0.175 * (qa - za[j][k]);
    }
}

int k24_first_min(const double *x, int lo, int hi) {
  int m = lo;
  for (int k = lo + 1; k < hi; k++)
    if (x[k] < x[m]) m = k;
  return m;
}

static double *vector(int n, int seed) {
  double *v = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n; i++) v[i] = 0.5 + ((seed * 37 + i * 11) % 97) / 100.0;
  return v;
}
static void *rows_of(int rows, int cols, int seed) { return vector(rows * cols, seed); }

int main(void) {
  double check = 0;
  double *x = vector(N + 12, 1), *y = vector(N + 12, 2), *z = vector(N + 12, 3), *u = vector(N + 12, 4);
  double *v = vector(2 * N, 5), *w = vector(N, 6), *zx = vector(N + 12, 7);
  for (int lo = 0; lo < N; lo += 10) {
#pragma dosc task
    k1_hydro(x, y, zx, 0.5, 0.25, 0.125, lo, lo + 10);
  }
#pragma dosc taskwait
  for (int i = 0; i < N; i++) check += x[i] * (i + 1);

  double *x2 = vector(2 * N, 8);
#pragma dosc task
  k2_iccg(x2, v, N);
  double partial[4];
  for (int c = 0; c < 4; c++) {
#pragma dosc task
    partial[c] = k3_inner(z, y, c * 10, c * 10 + 10);
  }
  double *x4 = vector(N, 9), *x5 = vector(N, 10), *x11 = vector(N, 11), *x12 = vector(N, 12);
#pragma dosc task
  k4_banded(x4, y, N, 7);
#pragma dosc task
  k5_tridiag(x5, y, z, N);
  double(*b)[N] = rows_of(N, N, 13);
#pragma dosc task
  k6_recurrence(w, b, N);
#pragma dosc task
  k11_first_sum(x11, y, N);
  for (int lo = 0; lo < N; lo += 20) {
#pragma dosc task
    k12_first_diff(x12, y, lo, lo + 20);
  }
#pragma dosc taskwait
  for (int i = 0; i < 2 * N; i++) check += x2[i];
  for (int c = 0; c < 4; c++) check += partial[c];
  for (int i = 0; i < N; i++) check += x4[i] + x5[i] * 2 + w[i] * 3 + x11[i] + x12[i] * 5;

  double *x7 = vector(N, 14);
  for (int lo = 0; lo < N; lo += 8) {
#pragma dosc task
    k7_state(x7, u, y, z, 0.1, 0.2, lo, lo + 8);
  }
  double(*px9)[13] = rows_of(N, 13, 15);
  double(*px10)[14] = rows_of(N, 14, 16), (*cx10)[14] = rows_of(N, 14, 17);
  for (int lo = 0; lo < N; lo += 20) {
#pragma dosc task
    k9_predictors(px9, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, lo, lo + 20);
#pragma dosc task
    k10_differences(px10, cx10, lo, lo + 20);
  }
#pragma dosc taskwait
  for (int i = 0; i < N; i++) check += x7[i] + px9[i][0] + px10[i][13] - px10[i][4];

  long *zone = malloc(sizeof(long) * 130);
  double *plan = vector(N, 18), *d = vector(N, 19);
  for (int i = 0; i < 130; i++) zone[i] = 1 + (i * 7) % 17;
  zone[0] = 5;
  int k3;
  int found;
#pragma dosc task
  found = k16_search(zone, plan, d, 0.4, 0.3, 0.2, N / 4, &k3);

  double(*za)[COLS] = rows_of(ROWS + 1, COLS, 20), (*zb)[COLS] = rows_of(ROWS + 1, COLS, 21);
  double(*zp)[COLS] = rows_of(ROWS + 1, COLS, 22), (*zq)[COLS] = rows_of(ROWS + 1, COLS, 23);
  double(*zr)[COLS] = rows_of(ROWS + 1, COLS, 24), (*zm)[COLS] = rows_of(ROWS + 1, COLS, 25);
  double(*zu)[COLS] = rows_of(ROWS + 1, COLS, 26), (*zv)[COLS] = rows_of(ROWS + 1, COLS, 27);
  double(*zz)[COLS] = rows_of(ROWS + 1, COLS, 28);
#pragma dosc task
  k18_hydro2d(za, zb, zp, zq, zr, zm, zu, zv, zz, 0.003, 0.0041, ROWS - 1, COLS - 2);
#pragma dosc taskwait
  double(*za2)[COLS] = rows_of(ROWS, COLS, 29);
#pragma dosc task
  k23_implicit(za2, zb, zr, zu, zv, zz, COLS - 1);
  double(*px21)[25] = rows_of(25, 25, 30), (*vy)[25] = rows_of(25, 25, 31), (*cx21)[25] = rows_of(25, 25, 32);
  for (int j = 0; j < 25; j += 5) {
#pragma dosc task
    k21_matmul(px21, vy, cx21, 25, j, j + 5);
  }
  double *w22 = vector(N, 33), *y22 = vector(N, 34);
  for (int lo = 0; lo < N; lo += 10) {
#pragma dosc task
    k22_planck(w22, y22, u, v, x, lo, lo + 10);
  }
  int mins[2];
  for (int h = 0; h < 2; h++) {
#pragma dosc task
    mins[h] = k24_first_min(y, h * 20, h * 20 + 20);
  }
#pragma dosc taskwait
  for (int k = 0; k < ROWS + 1; k++)
    for (int j = 0; j < COLS; j++) check += za[k][j] + zb[k][j] + zu[k][j] * 2 + zv[k][j] + zr[k][j] + zz[k][j];
  for (int k = 0; k < ROWS; k++)
    for (int j = 0; j < COLS; j++) check += za2[k][j];
  for (int j = 0; j < 25; j++)
    for (int i = 0; i < 25; i++) check += px21[j][i] * 0.01;
  for (int i = 0; i < N; i++) check += w22[i] + y22[i];
  printf("livermore: %.6f found %d k3 %d mins %d %d\n", check, found, k3, mins[0], mins[1]);
  return 0;
}
