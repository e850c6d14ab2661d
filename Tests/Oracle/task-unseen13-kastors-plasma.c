/* KASTORS' PLASMA kernels (Inria, KASTORS 1.1, PLASMA 2.6 from the University of Tennessee,
   modified BSD licence) as dosc tasks (branch unseen13), read from kempj/hpxMP,
   tests/omp/benchmarks/kastors-1.1/plasma/src/pdpotrf.c (and pdgetrf_rectil/pdgeqrf beside it):
   the `#pragma omp task depend(...)` of each tile kernel become spawns with a taskwait per phase,
   the kernels (LAPACKE/CBLAS there) written anew in C, the shapes kept:
   - tiles through the suite's `#define A(m, n) BLKADDR(A, double, m, n)`, here a macro over a
     descriptor struct (`desc.mat + ((size_t)(m) + (size_t)(n) * desc.lmt) * desc.mb * desc.nb`),
     BLKLDD(A, k) as the leading dimension, tempkm = k == nt - 1 ? n - k * nb : nb (a short last
     tile);
   - the upper tile Cholesky: dpotrf on A(k, k), dtrsm on A(k, m) for m > k, dsyrk on A(m, m)
     from A(k, m), dgemm on A(n, m) from A(k, n) and A(k, m), column-major in each tile
     (a[i + j * lda]);
   - a tile matrix-vector product (pdgemv-like) y_m += A(m, n) x_n, a task per tile row, and
     dlange's max-norm of a tile returned by a task.
   The program prints the factor's checksum and the residual of L^T L against the input. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct {
  double *mat;
  int mb, nb; /* tile size */
  int lm, ln; /* matrix size */
  int lmt, lnt;
  int mt, nt;
  int m, n;
} PLASMA_desc;

#define BLKADDR(A, type, m, n)                                                                     \
  ((type *)(A).mat + ((size_t)(m) + (size_t)(n) * (A).lmt) * (A).mb * (A).nb)
#define BLKLDD(A, k) ((A).mb)
#define A(m, n)      BLKADDR(A, double, m, n)

/* Upper Cholesky of an n x n tile: U^T U = A, the lower part left alone. Returns info. */
int core_dpotrf(int n, double *a, int lda) {
  for (int j = 0; j < n; j++) {
    double s = a[j + j * lda];
    for (int k = 0; k < j; k++)
      s -= a[k + j * lda] * a[k + j * lda];
    if (s <= 0.0) return j + 1;
    s = sqrt(s);
    a[j + j * lda] = s;
    for (int i = j + 1; i < n; i++) {
      double t = a[j + i * lda];
      for (int k = 0; k < j; k++)
        t -= a[k + j * lda] * a[k + i * lda];
      a[j + i * lda] = t / s;
    }
  }
  return 0;
}

/* B := U^-T B for U the m x m upper tile a, B m x n (left, upper, transposed, non-unit). */
void core_dtrsm(int m, int n, const double *a, int lda, double *b, int ldb) {
  for (int j = 0; j < n; j++)
    for (int i = 0; i < m; i++) {
      double t = b[i + j * ldb];
      for (int k = 0; k < i; k++)
        t -= a[k + i * lda] * b[k + j * ldb];
      b[i + j * ldb] = t / a[i + i * lda];
    }
}

/* C := C - A^T A on the upper triangle, A k x n, C n x n. */
void core_dsyrk(int n, int k, const double *a, int lda, double *c, int ldc) {
  for (int j = 0; j < n; j++)
    for (int i = 0; i <= j; i++) {
      double t = 0.0;
      for (int l = 0; l < k; l++)
        t += a[l + i * lda] * a[l + j * lda];
      c[i + j * ldc] -= t;
    }
}

/* C := C - A^T B, A k x m, B k x n, C m x n. */
void core_dgemm(int m, int n, int k, const double *a, int lda, const double *b, int ldb, double *c,
                int ldc) {
  for (int j = 0; j < n; j++)
    for (int i = 0; i < m; i++) {
      double t = 0.0;
      for (int l = 0; l < k; l++)
        t += a[l + i * lda] * b[l + j * ldb];
      c[i + j * ldc] -= t;
    }
}

/* y[0..m) += A x[0..n) for one m x n tile. */
void core_dgemv(int m, int n, const double *a, int lda, const double *x, double *y) {
  for (int j = 0; j < n; j++)
    for (int i = 0; i < m; i++)
      y[i] += a[i + j * lda] * x[j];
}

/* The largest |a_ij| of an m x n tile. */
double core_dlange_max(int m, int n, const double *a, int lda) {
  double r = 0.0;
  for (int j = 0; j < n; j++)
    for (int i = 0; i < m; i++) {
      double v = fabs(a[i + j * lda]);
      if (v > r) r = v;
    }
  return r;
}

int pdpotrf_upper(PLASMA_desc A) {
  int info = 0;
  for (int k = 0; k < A.nt; k++) {
    int tempkm = k == A.nt - 1 ? A.n - k * A.nb : A.nb;
    int ldak = BLKLDD(A, k);
    double *dA = A(k, k);
#pragma dosc task
    info = core_dpotrf(tempkm, dA, ldak);
#pragma dosc taskwait
    if (info != 0) return info + k * A.nb;
    for (int m = k + 1; m < A.nt; m++) {
      int tempmm = m == A.nt - 1 ? A.n - m * A.nb : A.nb;
#pragma dosc task
      core_dtrsm(A.mb, tempmm, A(k, k), ldak, A(k, m), ldak);
    }
#pragma dosc taskwait
    for (int m = k + 1; m < A.nt; m++) {
      int tempmm = m == A.nt - 1 ? A.n - m * A.nb : A.nb;
      int ldam = BLKLDD(A, m);
#pragma dosc task
      core_dsyrk(tempmm, A.mb, A(k, m), ldak, A(m, m), ldam);
      for (int n = k + 1; n < m; n++) {
        int ldan = BLKLDD(A, n);
#pragma dosc task
        core_dgemm(A.mb, tempmm, A.mb, A(k, n), ldak, A(k, m), ldak, A(n, m), ldan);
      }
    }
#pragma dosc taskwait
  }
  return 0;
}

/* y = A x over tiles: for each tile column a batch of tasks, one per tile row (each its own y_m).
 */
void pdgemv(PLASMA_desc A, const double *x, double *y) {
  for (int n = 0; n < A.nt; n++) {
    int tempnn = n == A.nt - 1 ? A.n - n * A.nb : A.nb;
    for (int m = 0; m < A.mt; m++) {
      int tempmm = m == A.mt - 1 ? A.m - m * A.mb : A.mb;
#pragma dosc task
      core_dgemv(tempmm, tempnn, A(m, n), BLKLDD(A, m), x + n * A.nb, y + m * A.mb);
    }
#pragma dosc taskwait
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 22, nb = 5;
  PLASMA_desc A;
  A.mb = A.nb = nb;
  A.m = A.n = A.lm = A.ln = n;
  A.mt = A.nt = A.lmt = A.lnt = (n + nb - 1) / nb;
  A.mat = calloc((size_t)A.lmt * A.lnt * nb * nb, sizeof(double));
  PLASMA_desc S = A;
  S.mat = calloc((size_t)A.lmt * A.lnt * nb * nb, sizeof(double));
  /* A symmetric positive definite matrix, element (i, j) in tile (i / nb, j / nb). */
  for (int i = 0; i < n; i++)
    for (int j = 0; j < n; j++) {
      double v = i == j ? n + 1.0 : 1.0 / (1.0 + abs(i - j));
      A(i / nb, j / nb)[i % nb + (j % nb) * nb] = v;
      BLKADDR(S, double, i / nb, j / nb)[i % nb + (j % nb) * nb] = v;
    }
  double *x = calloc((size_t)A.nt * nb, sizeof(double)),
         *y = calloc((size_t)A.mt * nb, sizeof(double));
  for (int i = 0; i < n; i++)
    x[i] = 1.0 + 0.25 * (i % 7);
  pdgemv(S, x, y);
  double ysum = 0.0;
  for (int i = 0; i < n; i++)
    ysum += y[i];
  double norms[64];
  int tiles = 0;
  for (int m = 0; m < A.mt && tiles < 64; m++) {
#pragma dosc task
    norms[tiles] = core_dlange_max(A.mb, A.nb, A(m, m), nb);
    tiles++;
  }
#pragma dosc taskwait
  int info = pdpotrf_upper(A);
  double sum = 0.0, res = 0.0;
  for (int j = 0; j < n; j++)
    for (int i = 0; i <= j; i++)
      sum += A(i / nb, j / nb)[i % nb + (j % nb) * nb];
  for (int i = 0; i < n; i++)
    for (int j = i; j < n; j++) {
      double t = 0.0;
      for (int k = 0; k <= i; k++)
        t += A(k / nb, i / nb)[k % nb + (i % nb) * nb] * A(k / nb, j / nb)[k % nb + (j % nb) * nb];
      res = fmax(res, fabs(t - BLKADDR(S, double, i / nb, j / nb)[i % nb + (j % nb) * nb]));
    }
  double nsum = 0.0;
  for (int t = 0; t < tiles; t++)
    nsum += norms[t];
  printf("info %d checksum %.6f residual %s y %.6f norms %.6f\n", info, sum,
         res < 1e-9 ? "ok" : "BAD", ysum, nsum);
  free(A.mat);
  free(S.mat);
  free(x);
  free(y);
  return 0;
}
