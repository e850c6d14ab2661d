/* LAPACK-style dense and structured kernels (branch unseen8), after the reference LAPACK/BLAS
   loops (dgetf2, dlaswp, dtrsm, dgemm, dpotf2, dgbmv, dtpmv, dgtsv) in C, column-major with a
   leading dimension `lda` larger than the rows (`a[i + j * lda]` through a macro), converted as a
   user would: a blocked LU whose panel, row swaps, triangular solve and trailing update are tasks
   on submatrix pointers `&A(k, k)` (pivot rows chosen by the data, swaps through `ipiv[ix]` with
   `ix += incx`, also walked backwards with incx = -1 from `k1 + (k1 - k2) * incx`), an unblocked
   Cholesky returning its `info`, a banded product reading `a[ku - j + i + j * lda]` for i in
   [max(0, j - ku), min(m, j + kl + 1)), a packed upper-triangular product whose column start
   `kk += j + 1` grows by a loop variable, a tridiagonal solve (forward from 1, back from n - 2),
   a CSC product scattering into `y[rowind[k]]`, and a symmetric rank-1 update of the lower
   triangle. Sizes include 0, 1 and odd ones. The program prints a checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define A_(i, j) a[(i) + (long)(j) * lda]
#define B_(i, j) b[(i) + (long)(j) * ldb]
#define C_(i, j) c[(i) + (long)(j) * ldc]

/* dgetf2: unblocked LU with partial pivoting of an m x n panel; ipiv is 0-based, panel-local. */
int dgetf2(int m, int n, double *a, int lda, int *ipiv) {
  int info = 0;
  int mn = m < n ? m : n;
  for (int j = 0; j < mn; j++) {
    int jp = j;
    double big = fabs(A_(j, j));
    for (int i = j + 1; i < m; i++)
      if (fabs(A_(i, j)) > big) {
        big = fabs(A_(i, j));
        jp = i;
      }
    ipiv[j] = jp;
    if (A_(jp, j) != 0.0) {
      if (jp != j)
        for (int k = 0; k < n; k++) {
          double t = A_(j, k);
          A_(j, k) = A_(jp, k);
          A_(jp, k) = t;
        }
      double r = 1.0 / A_(j, j);
      for (int i = j + 1; i < m; i++) A_(i, j) *= r;
    } else if (info == 0) {
      info = j + 1;
    }
    for (int jj = j + 1; jj < n; jj++)
      for (int i = j + 1; i < m; i++) A_(i, jj) -= A_(i, j) * A_(j, jj);
  }
  return info;
}

/* dlaswp: row interchanges k1 .. k2-1 from ipiv (global row numbers), forwards or backwards. */
void dlaswp(int n, double *a, int lda, int k1, int k2, const int *ipiv, int incx) {
  int i1, i2, inc, ix0;
  if (incx > 0) {
    ix0 = k1;
    i1 = k1;
    i2 = k2;
    inc = 1;
  } else if (incx < 0) {
    ix0 = k1 + (k1 - k2 + 1) * incx;
    i1 = k2 - 1;
    i2 = k1 - 1;
    inc = -1;
  } else {
    return;
  }
  for (int j = 0; j < n; j++) {
    int ix = ix0;
    for (int i = i1; i != i2; i += inc) {
      int ip = ipiv[ix];
      if (ip != i) {
        double t = A_(i, j);
        A_(i, j) = A_(ip, j);
        A_(ip, j) = t;
      }
      ix += incx;
    }
  }
}

/* dtrsm 'L','L','N','U': B := inv(L) * B, L unit lower m x m. */
void dtrsm_llnu(int m, int n, const double *a, int lda, double *b, int ldb) {
  for (int j = 0; j < n; j++)
    for (int k = 0; k < m; k++)
      if (B_(k, j) != 0.0)
        for (int i = k + 1; i < m; i++) B_(i, j) -= B_(k, j) * A_(i, k);
}

/* dgemm 'N','N': C := alpha * A * B + beta * C, the reference loop order (beta first). */
void dgemm_nn(int m, int n, int k, double alpha, const double *a, int lda, const double *b,
              int ldb, double beta, double *c, int ldc) {
  if (m == 0 || n == 0) return;
  for (int j = 0; j < n; j++) {
    if (beta == 0.0)
      for (int i = 0; i < m; i++) C_(i, j) = 0.0;
    else if (beta != 1.0)
      for (int i = 0; i < m; i++) C_(i, j) *= beta;
    for (int l = 0; l < k; l++) {
      double temp = alpha * B_(l, j);
      for (int i = 0; i < m; i++) C_(i, j) += temp * A_(i, l);
    }
  }
}

/* dpotf2 'L': Cholesky of the lower triangle; returns 0 or the failing column + 1. */
int dpotf2_lower(int n, double *a, int lda) {
  for (int j = 0; j < n; j++) {
    double ajj = A_(j, j);
    for (int k = 0; k < j; k++) ajj -= A_(j, k) * A_(j, k);
    if (ajj <= 0.0) {
      A_(j, j) = ajj;
      return j + 1;
    }
    ajj = sqrt(ajj);
    A_(j, j) = ajj;
    for (int i = j + 1; i < n; i++) {
      double s = A_(i, j);
      for (int k = 0; k < j; k++) s -= A_(i, k) * A_(j, k);
      A_(i, j) = s / ajj;
    }
  }
  return 0;
}

/* dgbmv 'N': y += alpha * A * x, A in band storage (kl sub-, ku super-diagonals, lda >= kl+ku+1). */
void dgbmv_n(int m, int n, int kl, int ku, double alpha, const double *a, int lda, const double *x,
             double *y) {
  for (int j = 0; j < n; j++) {
    double temp = alpha * x[j];
    int k = ku - j;
    int lo = j - ku > 0 ? j - ku : 0;
    int hi = m < j + kl + 1 ? m : j + kl + 1;
    for (int i = lo; i < hi; i++) y[i] += temp * a[k + i + (long)j * lda];
  }
}

/* dtpmv 'U','N','N': x := A * x, A upper triangular packed by columns. */
void dtpmv_upper(int n, const double *ap, double *x) {
  int kk = 0;
  for (int j = 0; j < n; j++) {
    double t = x[j];
    for (int i = 0; i < j; i++) x[i] += t * ap[kk + i];
    x[j] *= ap[kk + j];
    kk += j + 1;
  }
}

/* dgtsv without pivoting (the Thomas algorithm): dl, d, du the diagonals, b overwritten. */
void thomas(int n, const double *dl, double *d, const double *du, double *b) {
  for (int i = 1; i < n; i++) {
    double w = dl[i - 1] / d[i - 1];
    d[i] -= w * du[i - 1];
    b[i] -= w * b[i - 1];
  }
  if (n > 0) b[n - 1] /= d[n - 1];
  for (int i = n - 2; i >= 0; i--) b[i] = (b[i] - du[i] * b[i + 1]) / d[i];
}

/* CSC y += A * x over columns [c0, c1). */
void csc_gemv(int c0, int c1, const int *colptr, const int *rowind, const double *val,
              const double *x, double *y) {
  for (int j = c0; j < c1; j++)
    for (int p = colptr[j]; p < colptr[j + 1]; p++) y[rowind[p]] += val[p] * x[j];
}

/* dsyr 'L': A := alpha * x * x' + A, lower triangle, x at a stride incx > 0. */
void dsyr_lower(int n, double alpha, const double *x, int incx, double *a, int lda) {
  for (int j = 0, jx = 0; j < n; j++, jx += incx) {
    if (x[jx] == 0.0) continue;
    double temp = alpha * x[jx];
    for (int i = j, ix = jx; i < n; i++, ix += incx) A_(i, j) += x[ix] * temp;
  }
}

static double sum_matrix(const double *a, int m, int n, int lda) {
  double s = 0;
  for (int j = 0; j < n; j++)
    for (int i = 0; i < m; i++) s += A_(i, j) * (1 + (i + 2 * j) % 5);
  return s;
}

int main(void) {
  double checksum = 0;

  /* Blocked LU of an n x n matrix, lda = n + 3, blocks of nb (the last one short). */
  int n = 11, lda = n + 3, nb = 4;
  double *a = malloc(sizeof(double) * (size_t)(lda * n));
  int *ipiv = malloc(sizeof(int) * (size_t)n);
  int *info = calloc((size_t)(n / nb + 2), sizeof(int));
  for (int j = 0; j < n; j++)
    for (int i = 0; i < lda; i++) A_(i, j) = i < n ? ((i * 7 + j * 13) % 17) - 8.0 + (i == j) * 3 : -99;
  for (int k = 0, b = 0; k < n; k += nb, b++) {
    int kb = nb < n - k ? nb : n - k;
#pragma dosc task
    info[b] = dgetf2(n - k, kb, &A_(k, k), lda, ipiv + k);
#pragma dosc taskwait
    for (int i = k; i < k + kb; i++) ipiv[i] += k;
#pragma dosc task
    dlaswp(k, a, lda, k, k + kb, ipiv, 1);
#pragma dosc task
    dlaswp(n - k - kb, &A_(0, k + kb), lda, k, k + kb, ipiv, 1);
#pragma dosc taskwait
#pragma dosc task
    dtrsm_llnu(kb, n - k - kb, &A_(k, k), lda, &A_(k, k + kb), lda);
#pragma dosc taskwait
    for (int j = k + kb; j < n; j += 3) {
      int jb = 3 < n - j ? 3 : n - j;
#pragma dosc task
      dgemm_nn(n - k - kb, jb, kb, -1.0, &A_(k + kb, k), lda, &A_(k, j), lda, 1.0, &A_(k + kb, j),
               lda);
    }
#pragma dosc taskwait
  }
  checksum += sum_matrix(a, lda, n, lda);
  for (int i = 0; i < n; i++) checksum += ipiv[i] * (i + 1);
  for (int b = 0; b < n / nb + 2; b++) checksum += info[b] * 100;

  /* The swaps undone backwards (incx = -1), on two column ranges, and an empty one. */
#pragma dosc task
  dlaswp(5, a, lda, 0, n, ipiv, -1);
#pragma dosc task
  dlaswp(n - 5, &A_(0, 5), lda, 0, n, ipiv, -1);
#pragma dosc task
  dlaswp(0, a, lda, 0, n, ipiv, -1);
#pragma dosc taskwait
  checksum += sum_matrix(a, n, n, lda);

  /* dgemm with beta 0, 0.5, 1 and the empty cases, into a C with ldc > m. */
  int m = 5, kk = 3, ldc = 7;
  double *ga = malloc(sizeof(double) * 40), *gb = malloc(sizeof(double) * 40);
  double *gc = malloc(sizeof(double) * (size_t)(ldc * 4));
  for (int i = 0; i < 40; i++) ga[i] = (i % 9) - 4, gb[i] = (i % 5) * 0.5;
  for (int i = 0; i < ldc * 4; i++) gc[i] = i % 3;
#pragma dosc task
  dgemm_nn(m, 2, kk, 1.0, ga, m, gb, kk, 0.0, gc, ldc);
#pragma dosc task
  dgemm_nn(m, 1, kk, 2.0, ga, m, gb + 2 * kk, kk, 0.5, gc + 2 * ldc, ldc);
#pragma dosc task
  dgemm_nn(1, 1, 0, 1.0, ga, 1, gb, 1, 1.0, gc + 3 * ldc, ldc);
#pragma dosc task
  dgemm_nn(0, 4, kk, 1.0, ga, 1, gb, kk, 0.0, gc, ldc);
#pragma dosc taskwait
  checksum += sum_matrix(gc, ldc, 4, ldc);

  /* Cholesky of an SPD matrix and of one that fails at column 3, and of 0 x 0. */
  int pn = 6, plda = 8;
  double *p = malloc(sizeof(double) * (size_t)(plda * pn)), *q = malloc(sizeof(double) * (size_t)(plda * pn));
  for (int j = 0; j < pn; j++)
    for (int i = 0; i < plda; i++) {
      p[i + j * plda] = i < pn ? (i == j ? pn + 2.0 : 1.0 / (1 + i + j)) : 0;
      q[i + j * plda] = i < pn ? (i == j ? (i == 3 ? -1.0 : 4.0) : 0.25) : 0;
    }
  int pinfo[3];
#pragma dosc task
  pinfo[0] = dpotf2_lower(pn, p, plda);
#pragma dosc task
  pinfo[1] = dpotf2_lower(pn, q, plda);
#pragma dosc task
  pinfo[2] = dpotf2_lower(0, q, plda);
#pragma dosc taskwait
  checksum += sum_matrix(p, pn, pn, plda) + sum_matrix(q, pn, pn, plda) + pinfo[0] + 10 * pinfo[1] + 100 * pinfo[2];

  /* Banded: 7 x 9 with kl = 2, ku = 1 (lda 4), and a 1 x 1, and m = 0. */
  int bm = 7, bn = 9, kl = 2, ku = 1, blda = kl + ku + 1;
  double *band = malloc(sizeof(double) * (size_t)(blda * bn)), *bx = malloc(sizeof(double) * 9);
  double *by = calloc(9, sizeof(double));
  for (int i = 0; i < blda * bn; i++) band[i] = (i % 7) - 3;
  for (int i = 0; i < 9; i++) bx[i] = i + 1;
#pragma dosc task
  dgbmv_n(bm, bn, kl, ku, 0.5, band, blda, bx, by);
#pragma dosc taskwait
#pragma dosc task
  dgbmv_n(1, 1, 0, 0, 1.0, band, 1, bx, by + 8);
#pragma dosc task
  dgbmv_n(0, bn, kl, ku, 1.0, band, blda, bx, by);
#pragma dosc taskwait
  for (int i = 0; i < 9; i++) checksum += by[i] * (i + 1);

  /* Packed upper triangular, n = 6, 1, 0. */
  double *ap = malloc(sizeof(double) * 21), *px = malloc(sizeof(double) * 8);
  for (int i = 0; i < 21; i++) ap[i] = (i % 4) + 1;
  for (int i = 0; i < 8; i++) px[i] = 8 - i;
#pragma dosc task
  dtpmv_upper(6, ap, px);
#pragma dosc taskwait
#pragma dosc task
  dtpmv_upper(1, ap + 20, px + 6);
#pragma dosc task
  dtpmv_upper(0, ap, px + 7);
#pragma dosc taskwait
  for (int i = 0; i < 8; i++) checksum += px[i] * (i + 2);

  /* Tridiagonal: n = 9, 1, 0 on separate pieces of one set of arrays. */
  double *dl = malloc(sizeof(double) * 12), *dd = malloc(sizeof(double) * 12);
  double *du = malloc(sizeof(double) * 12), *rhs = malloc(sizeof(double) * 12);
  for (int i = 0; i < 12; i++) dl[i] = -1, du[i] = -1 + 0.1 * (i % 3), dd[i] = 4 + i % 2, rhs[i] = i;
#pragma dosc task
  thomas(9, dl, dd, du, rhs);
#pragma dosc task
  thomas(1, dl + 9, dd + 9, du + 9, rhs + 9);
#pragma dosc task
  thomas(0, dl + 10, dd + 10, du + 10, rhs + 10);
#pragma dosc taskwait
  for (int i = 0; i < 12; i++) checksum += rhs[i] * (i + 1) + dd[i];

  /* CSC product over column ranges (rows by the data), one task per half and an empty one. */
  int cn = 8, nnz = 0;
  int *colptr = malloc(sizeof(int) * (size_t)(cn + 1)), *rowind = malloc(sizeof(int) * 32);
  double *val = malloc(sizeof(double) * 32), *cx = malloc(sizeof(double) * (size_t)cn);
  double *cy = calloc(10, sizeof(double));
  for (int j = 0; j < cn; j++) {
    colptr[j] = nnz;
    for (int i = (j * 3) % 4; i < 10; i += 3 + j % 2) rowind[nnz] = i, val[nnz++] = 1 + (i + j) % 3;
    cx[j] = j - 3;
  }
  colptr[cn] = nnz;
#pragma dosc task
  csc_gemv(0, cn / 2, colptr, rowind, val, cx, cy);
#pragma dosc taskwait
#pragma dosc task
  csc_gemv(cn / 2, cn, colptr, rowind, val, cx, cy);
#pragma dosc task
  csc_gemv(3, 3, colptr, rowind, val, cx, cy);
#pragma dosc taskwait
  for (int i = 0; i < 10; i++) checksum += cy[i] * (i + 3);

  /* dsyr on a 5 x 5 lower triangle with x at stride 2 (zeros skipped), and n = 1. */
  double *sa = calloc(36, sizeof(double)), *sx = malloc(sizeof(double) * 11);
  for (int i = 0; i < 11; i++) sx[i] = i % 3 == 0 ? 0.0 : i * 0.5;
#pragma dosc task
  dsyr_lower(5, 2.0, sx, 2, sa, 6);
#pragma dosc taskwait
#pragma dosc task
  dsyr_lower(1, 1.0, sx + 1, 3, sa + 35, 1);
#pragma dosc taskwait
  checksum += sum_matrix(sa, 6, 6, 6);

  printf("lapack-banded: checksum %.6f\n", checksum);
  free(a), free(ipiv), free(info), free(ga), free(gb), free(gc), free(p), free(q);
  free(band), free(bx), free(by), free(ap), free(px), free(dl), free(dd), free(du), free(rhs);
  free(colptr), free(rowind), free(val), free(cx), free(cy), free(sa), free(sx);
  return 0;
}
