/* Netlib reference BLAS level 1 (C translations) as tasks: daxpy unrolled by 4 after n % 4
   leading iterations, the strided branch with ix/iy stepped by incx/incy (negative increments
   start at (-n + 1) * inc), ddot unrolled by 5, dscal's i += incx up to n * incx, idamax with
   two induction variables, and a column of a row-major matrix passed as (a + j, incx = n).
   Every figure is null today; this guards them when they are not. */
#include <stdio.h>
void daxpy(int n, double da, const double *dx, int incx, double *dy, int incy) {
  int i, m, ix, iy;
  if (n <= 0) return;
  if (da == 0.0) return;
  if (incx == 1 && incy == 1) {
    m = n % 4;
    if (m != 0) {
      for (i = 0; i < m; i++) dy[i] += da * dx[i];
    }
    if (n < 4) return;
    for (i = m; i < n; i += 4) {
      dy[i] += da * dx[i];
      dy[i + 1] += da * dx[i + 1];
      dy[i + 2] += da * dx[i + 2];
      dy[i + 3] += da * dx[i + 3];
    }
  } else {
    ix = 0;
    iy = 0;
    if (incx < 0) ix = (-n + 1) * incx;
    if (incy < 0) iy = (-n + 1) * incy;
    for (i = 0; i < n; i++) {
      dy[iy] += da * dx[ix];
      ix += incx;
      iy += incy;
    }
  }
}
double ddot(int n, const double *dx, int incx, const double *dy, int incy) {
  double dtemp = 0.0;
  int i, ix, iy, m;
  if (n <= 0) return 0.0;
  if (incx == 1 && incy == 1) {
    m = n % 5;
    for (i = 0; i < m; i++) dtemp += dx[i] * dy[i];
    for (i = m; i < n; i += 5) dtemp += dx[i] * dy[i] + dx[i + 1] * dy[i + 1] + dx[i + 2] * dy[i + 2] + dx[i + 3] * dy[i + 3] + dx[i + 4] * dy[i + 4];
    return dtemp;
  }
  ix = incx < 0 ? (-n + 1) * incx : 0;
  iy = incy < 0 ? (-n + 1) * incy : 0;
  for (i = 0; i < n; i++, ix += incx, iy += incy) dtemp += dx[ix] * dy[iy];
  return dtemp;
}
void dscal(int n, double da, double *dx, int incx) {
  int i, nincx;
  if (n <= 0 || incx <= 0) return;
  nincx = n * incx;
  for (i = 0; i < nincx; i += incx) dx[i] = da * dx[i];
}
int idamax(int n, const double *dx, int incx) {
  int i, ix, iamax = 0;
  double dmax;
  if (n < 1 || incx <= 0) return -1;
  if (n == 1) return 0;
  dmax = dx[0] < 0 ? -dx[0] : dx[0];
  for (i = 1, ix = incx; i < n; i++, ix += incx) {
    double v = dx[ix] < 0 ? -dx[ix] : dx[ix];
    if (v > dmax) iamax = i, dmax = v;
  }
  return iamax;
}
/* y += A^T x column by column: column j of a row-major m x n matrix is a + j with incx = n. */
void gemv_t_cols(int m, int n, const double *a, const double *x, double *y, int lo, int hi) {
  for (int j = lo; j < hi; j++) y[j] += ddot(m, a + j, n, x, 1);
}
int main(void) {
  enum { M = 9, N = 7 };
  double a[M * N], x[M + 8], y[N + 8], z[M + 8], d[3];
  int im[3];
  for (int i = 0; i < M * N; i++) a[i] = (i * 7 % 11) / 11.0;
  for (int i = 0; i < M + 8; i++) x[i] = 1.0 + i * 0.25, z[i] = 0.5;
  for (int i = 0; i < N + 8; i++) y[i] = 0;
#pragma dosc task
  daxpy(M, 1.5, x, 1, z, 1);
#pragma dosc task
  daxpy(3, 0.5, x + 9, 2, y + 7, -2);
#pragma dosc taskwait
#pragma dosc task
  d[0] = ddot(M, x, 1, z, 1);
#pragma dosc task
  d[1] = ddot(4, a, N, x + 1, -2);
#pragma dosc task
  d[2] = ddot(6, a + 3, 1, z + 2, 1);
#pragma dosc taskwait
#pragma dosc task
  dscal(4, 2.0, a + 1, N);
#pragma dosc taskwait
#pragma dosc task
  im[0] = idamax(M, x, 1);
#pragma dosc task
  im[1] = idamax(5, a + 2, N);
#pragma dosc task
  im[2] = idamax(1, a, 1);
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 3) {
#pragma dosc task
    gemv_t_cols(M, N, a, x, y, lo, lo + 3 < N ? lo + 3 : N);
  }
#pragma dosc taskwait
  double s = d[0] + 2 * d[1] + 3 * d[2] + im[0] + 10 * im[1] + 100 * im[2];
  for (int i = 0; i < M * N; i++) s += a[i] * (i + 1);
  for (int i = 0; i < N + 8; i++) s += y[i] * (i + 1);
  for (int i = 0; i < M + 8; i++) s += z[i] * (i + 2);
  printf("checksum %.6f\n", s);
  return 0;
}
