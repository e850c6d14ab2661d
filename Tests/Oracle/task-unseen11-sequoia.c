/* LLNL's ASC Sequoia marquee kernels as dosc tasks (branch unseen11), read from
   llvm/llvm-test-suite, MultiSource/Benchmarks/ASC_Sequoia (each (c) 2006 The Regents of the
   University of California, LLNL; see its COPYRIGHT_and_DISCLAIMER; AMGmk is part of HYPRE, LGPL
   2.1): the shapes kept, the code written anew around them.
   - IRSmk/rmatmult3.c + irsmk.h: the 27-point matrix-vector product, a `Domain_t` of bounds and
     strides (jp, kp), a `RadiationData_t` of 27 coefficient arrays read through the struct
     (dbl = rblk->dbl, ...), and 27 shifted views of x (`xdbl = x - kp - jp - 1` ... `xufr = x + kp
     + jp + 1`) indexed by the same i = ii + jj * jp + kk * kp; a task per band of k-planes (each
     given its own Domain_t copy with kmin/kmax narrowed). Beside it the same product with the 27
     arrays packed in one block (`double *dbl = coef + 0 * size`, ...), as a user would hand them
     over to a remote rank.
   - AMGmk/csr_matvec.c, relax.c, vector.c with csr_matrix.h and seq_mv.h: `hypre_CSRMatrix` and
     `hypre_Vector` read through their macros (hypre_CSRMatrixData(A) is `((A) -> data)`), the
     matvec's row loop `temp += A_data[jj] * x_data[A_j[jj]]` a task per row block; the hybrid
     Jacobi / Gauss-Seidel relaxation per "thread" block j of n (ns, ne from `size = n/num_threads;
     rest = n - size*num_threads`), reading u_data[ii] when `ii >= ns && ii < ne` and tmp_data[ii]
     otherwise, a task per block, once through the structs and once given the arrays;
     hypre_SeqVectorAxpy over `size * num_vectors`.
   - CrystalMk/Crystal_Cholesky.c: the Cholesky solve on `double a[MS_XTAL_NSLIP_MAX][...]` with
     nSlip < MS_XTAL_NSLIP_MAX (a corner of each matrix), a task per crystal.
   Problem sizes are tiny (the oracle runs under valgrind); the program prints checksums. */
#include <stdio.h>
#include <stdlib.h>

/* ---- IRSmk ---- */
typedef struct Domain_s {
  int gblk;
  int type;
  int imin;
  int jmin;
  int kmin;
  int imax;
  int jmax;
  int kmax;
  int nnalls;
  int nnodes;
  int jp;
  int kp;
} Domain_t;

typedef struct {
  double *dbl, *dbc, *dbr, *dcl, *dcc, *dcr, *dfl, *dfc, *dfr;
  double *cbl, *cbc, *cbr, *ccl, *ccc, *ccr, *cfl, *cfc, *cfr;
  double *ubl, *ubc, *ubr, *ucl, *ucc, *ucr, *ufl, *ufc, *ufr;
} RadiationData_t;

#define RMAT_BODY                                                                                              \
  double *xdbl = x - kp - jp - 1;                                                                              \
  double *xdbc = x - kp - jp;                                                                                  \
  double *xdbr = x - kp - jp + 1;                                                                              \
  double *xdcl = x - kp - 1;                                                                                   \
  double *xdcc = x - kp;                                                                                       \
  double *xdcr = x - kp + 1;                                                                                   \
  double *xdfl = x - kp + jp - 1;                                                                              \
  double *xdfc = x - kp + jp;                                                                                  \
  double *xdfr = x - kp + jp + 1;                                                                              \
  double *xcbl = x - jp - 1;                                                                                   \
  double *xcbc = x - jp;                                                                                       \
  double *xcbr = x - jp + 1;                                                                                   \
  double *xccl = x - 1;                                                                                        \
  double *xccc = x;                                                                                            \
  double *xccr = x + 1;                                                                                        \
  double *xcfl = x + jp - 1;                                                                                   \
  double *xcfc = x + jp;                                                                                       \
  double *xcfr = x + jp + 1;                                                                                   \
  double *xubl = x + kp - jp - 1;                                                                              \
  double *xubc = x + kp - jp;                                                                                  \
  double *xubr = x + kp - jp + 1;                                                                              \
  double *xucl = x + kp - 1;                                                                                   \
  double *xucc = x + kp;                                                                                       \
  double *xucr = x + kp + 1;                                                                                   \
  double *xufl = x + kp + jp - 1;                                                                              \
  double *xufc = x + kp + jp;                                                                                  \
  double *xufr = x + kp + jp + 1;                                                                              \
  for (kk = kmin; kk < kmax; kk++) {                                                                           \
    for (jj = jmin; jj < jmax; jj++) {                                                                         \
      for (ii = imin; ii < imax; ii++) {                                                                       \
        i = ii + jj * jp + kk * kp;                                                                            \
        b[i] = dbl[i] * xdbl[i] + dbc[i] * xdbc[i] + dbr[i] * xdbr[i] + dcl[i] * xdcl[i] + dcc[i] * xdcc[i] +  \
               dcr[i] * xdcr[i] + dfl[i] * xdfl[i] + dfc[i] * xdfc[i] + dfr[i] * xdfr[i] + cbl[i] * xcbl[i] +  \
               cbc[i] * xcbc[i] + cbr[i] * xcbr[i] + ccl[i] * xccl[i] + ccc[i] * xccc[i] + ccr[i] * xccr[i] +  \
               cfl[i] * xcfl[i] + cfc[i] * xcfc[i] + cfr[i] * xcfr[i] + ubl[i] * xubl[i] + ubc[i] * xubc[i] +  \
               ubr[i] * xubr[i] + ucl[i] * xucl[i] + ucc[i] * xucc[i] + ucr[i] * xucr[i] + ufl[i] * xufl[i] +  \
               ufc[i] * xufc[i] + ufr[i] * xufr[i];                                                            \
      }                                                                                                        \
    }                                                                                                          \
  }

void rmatmult3(Domain_t *domain, RadiationData_t *rblk, double *x, double *b) {
  int i, ii, jj, kk;
  int imin = domain->imin, imax = domain->imax, jmin = domain->jmin, jmax = domain->jmax;
  int kmin = domain->kmin, kmax = domain->kmax, jp = domain->jp, kp = domain->kp;
  double *dbl = rblk->dbl, *dbc = rblk->dbc, *dbr = rblk->dbr, *dcl = rblk->dcl, *dcc = rblk->dcc;
  double *dcr = rblk->dcr, *dfl = rblk->dfl, *dfc = rblk->dfc, *dfr = rblk->dfr;
  double *cbl = rblk->cbl, *cbc = rblk->cbc, *cbr = rblk->cbr, *ccl = rblk->ccl, *ccc = rblk->ccc;
  double *ccr = rblk->ccr, *cfl = rblk->cfl, *cfc = rblk->cfc, *cfr = rblk->cfr;
  double *ubl = rblk->ubl, *ubc = rblk->ubc, *ubr = rblk->ubr, *ucl = rblk->ucl, *ucc = rblk->ucc;
  double *ucr = rblk->ucr, *ufl = rblk->ufl, *ufc = rblk->ufc, *ufr = rblk->ufr;
  RMAT_BODY
}

/* The same product, the 27 coefficient arrays of `size` doubles each packed in coef. */
void rmatmult3_packed(int imin, int imax, int jmin, int jmax, int kmin, int kmax, int jp, int kp, int size,
                      const double *coef, double *x, double *b) {
  int i, ii, jj, kk;
  const double *dbl = coef + 0 * size, *dbc = coef + 1 * size, *dbr = coef + 2 * size;
  const double *dcl = coef + 3 * size, *dcc = coef + 4 * size, *dcr = coef + 5 * size;
  const double *dfl = coef + 6 * size, *dfc = coef + 7 * size, *dfr = coef + 8 * size;
  const double *cbl = coef + 9 * size, *cbc = coef + 10 * size, *cbr = coef + 11 * size;
  const double *ccl = coef + 12 * size, *ccc = coef + 13 * size, *ccr = coef + 14 * size;
  const double *cfl = coef + 15 * size, *cfc = coef + 16 * size, *cfr = coef + 17 * size;
  const double *ubl = coef + 18 * size, *ubc = coef + 19 * size, *ubr = coef + 20 * size;
  const double *ucl = coef + 21 * size, *ucc = coef + 22 * size, *ucr = coef + 23 * size;
  const double *ufl = coef + 24 * size, *ufc = coef + 25 * size, *ufr = coef + 26 * size;
  RMAT_BODY
}

/* ---- AMGmk ---- */
typedef struct {
  double *data;
  int *i;
  int *j;
  int num_rows;
  int num_cols;
  int num_nonzeros;
  int *rownnz;
  int num_rownnz;
  int owns_data;
} hypre_CSRMatrix;

typedef struct {
  double *data;
  int size;
  int owns_data;
  int num_vectors;
  int multivec_storage_method;
  int vecstride, idxstride;
} hypre_Vector;

#define hypre_CSRMatrixData(matrix) ((matrix)->data)
#define hypre_CSRMatrixI(matrix) ((matrix)->i)
#define hypre_CSRMatrixJ(matrix) ((matrix)->j)
#define hypre_CSRMatrixNumRows(matrix) ((matrix)->num_rows)
#define hypre_VectorData(vector) ((vector)->data)
#define hypre_VectorSize(vector) ((vector)->size)
#define hypre_VectorNumVectors(vector) ((vector)->num_vectors)

/* csr_matvec.c's `y = beta/alpha * y; y += A*x; y *= alpha` for one vector over rows [lo, hi). */
int hypre_CSRMatrixMatvec_rows(double alpha, hypre_CSRMatrix *A, hypre_Vector *x, double beta, hypre_Vector *y,
                               int lo, int hi) {
  double *A_data = hypre_CSRMatrixData(A);
  int *A_i = hypre_CSRMatrixI(A);
  int *A_j = hypre_CSRMatrixJ(A);
  double *x_data = hypre_VectorData(x);
  double *y_data = hypre_VectorData(y);
  double temp = beta / alpha;
  int i, jj;
  if (temp != 1.0)
    for (i = lo; i < hi; i++) y_data[i] *= temp;
  for (i = lo; i < hi; i++) {
    temp = y_data[i];
    for (jj = A_i[i]; jj < A_i[i + 1]; jj++) temp += A_data[jj] * x_data[A_j[jj]];
    y_data[i] = temp;
  }
  if (alpha != 1.0)
    for (i = lo; i < hi; i++) y_data[i] *= alpha;
  return 0;
}

/* relax.c's block j of num_threads, through the structs. */
int hypre_relax_block(hypre_CSRMatrix *A, hypre_Vector *f, hypre_Vector *u, double *tmp_data, int j,
                      int num_threads) {
  double *A_diag_data = hypre_CSRMatrixData(A);
  int *A_diag_i = hypre_CSRMatrixI(A);
  int *A_diag_j = hypre_CSRMatrixJ(A);
  int n = hypre_CSRMatrixNumRows(A);
  double *u_data = hypre_VectorData(u);
  double *f_data = hypre_VectorData(f);
  double res;
  int i, ii, jj, ns, ne, size, rest;
  size = n / num_threads;
  rest = n - size * num_threads;
  if (j < rest) {
    ns = j * size + j;
    ne = (j + 1) * size + j + 1;
  } else {
    ns = j * size + rest;
    ne = (j + 1) * size + rest;
  }
  for (i = ns; i < ne; i++) {
    if (A_diag_data[A_diag_i[i]] != 0.0) {
      res = f_data[i];
      for (jj = A_diag_i[i] + 1; jj < A_diag_i[i + 1]; jj++) {
        ii = A_diag_j[jj];
        if (ii >= ns && ii < ne)
          res -= A_diag_data[jj] * u_data[ii];
        else
          res -= A_diag_data[jj] * tmp_data[ii];
      }
      u_data[i] = res / A_diag_data[A_diag_i[i]];
    }
  }
  return 0;
}

/* The same block given the arrays. */
int relax_block_arrays(const double *A_diag_data, const int *A_diag_i, const int *A_diag_j, const double *f_data,
                       double *u_data, const double *tmp_data, int n, int j, int num_threads) {
  double res;
  int i, ii, jj, ns, ne, size, rest;
  size = n / num_threads;
  rest = n - size * num_threads;
  if (j < rest) {
    ns = j * size + j;
    ne = (j + 1) * size + j + 1;
  } else {
    ns = j * size + rest;
    ne = (j + 1) * size + rest;
  }
  for (i = ns; i < ne; i++) {
    if (A_diag_data[A_diag_i[i]] != 0.0) {
      res = f_data[i];
      for (jj = A_diag_i[i] + 1; jj < A_diag_i[i + 1]; jj++) {
        ii = A_diag_j[jj];
        if (ii >= ns && ii < ne)
          res -= A_diag_data[jj] * u_data[ii];
        else
          res -= A_diag_data[jj] * tmp_data[ii];
      }
      u_data[i] = res / A_diag_data[A_diag_i[i]];
    }
  }
  return 0;
}

/* vector.c's hypre_SeqVectorAxpy. */
int hypre_SeqVectorAxpy(double alpha, hypre_Vector *x, hypre_Vector *y) {
  double *x_data = hypre_VectorData(x);
  double *y_data = hypre_VectorData(y);
  int size = hypre_VectorSize(x);
  int i;
  size *= hypre_VectorNumVectors(x);
  for (i = 0; i < size; i++) y_data[i] += alpha * x_data[i];
  return 0;
}

/* ---- CrystalMk ---- */
#define MS_XTAL_NSLIP_MAX 12

void Crystal_Cholesky(int nSlip, double a[MS_XTAL_NSLIP_MAX][MS_XTAL_NSLIP_MAX], double r[MS_XTAL_NSLIP_MAX],
                      double g[MS_XTAL_NSLIP_MAX]) {
  int i, j, k;
  double fdot;
  for (i = 0; i < nSlip; i++) g[i] = r[i];
  for (i = 1; i < nSlip; i++) a[i][0] = a[i][0] / a[0][0];
  for (i = 1; i < nSlip; i++) {
    fdot = 0.0;
    for (k = 0; k < i; k++) fdot += a[i][k] * a[k][i];
    a[i][i] = a[i][i] - fdot;
    for (j = i + 1; j < nSlip; j++) {
      fdot = 0.0;
      for (k = 0; k < i; k++) fdot += a[i][k] * a[k][j];
      a[i][j] = a[i][j] - fdot;
      fdot = 0.0;
      for (k = 0; k < i; k++) fdot += a[j][k] * a[k][i];
      a[j][i] = (a[j][i] - fdot) / a[i][i];
    }
  }
  for (i = 1; i < nSlip; i++) {
    for (k = 0; k < i; k++) g[i] = g[i] - a[i][k] * g[k];
  }
  g[nSlip - 1] = g[nSlip - 1] / a[nSlip - 1][nSlip - 1];
  for (i = nSlip - 2; i >= 0; i = i - 1) {
    for (k = i + 1; k < nSlip; k++) g[i] = g[i] - a[i][k] * g[k];
    g[i] = g[i] / a[i][i];
  }
}

int main(void) {
  /* IRSmk: 4 zones along each axis, 2 ghost layers: kmin = 2, kmax = 6, jp = imax + 2, kp = jp * (jmax
     + 2), as its input file describes; bands of k-planes {2,3}, {4}, {5}. */
  int kmin = 2, kmax = 6, jmin = 2, jmax = 6, imin = 2, imax = 6;
  int jp = 2 + imax, kp = jp * (jmax + 2);
  int i_ub = (imax - 1) + (jmax - 1) * jp + (kmax - 1) * kp + 1;
  int x_size = i_ub + 2 * (kp + jp + 1) + 10;
  double *x = malloc(x_size * sizeof(double)), *b = calloc(i_ub, sizeof(double));
  double *b2 = calloc(i_ub, sizeof(double)), *coef = malloc(27 * (size_t)i_ub * sizeof(double));
  double *cf[27];
  for (int c = 0; c < 27; c++) {
    cf[c] = coef + (size_t)c * i_ub;
    for (int i = 0; i < i_ub; i++) cf[c][i] = (double)((c * 7 + i) % 13) / 13.0 - 0.4;
  }
  RadiationData_t rblk = {cf[0],  cf[1],  cf[2],  cf[3],  cf[4],  cf[5],  cf[6],  cf[7],  cf[8],
                          cf[9],  cf[10], cf[11], cf[12], cf[13], cf[14], cf[15], cf[16], cf[17],
                          cf[18], cf[19], cf[20], cf[21], cf[22], cf[23], cf[24], cf[25], cf[26]};
  for (int i = 0; i < x_size; i++) x[i] = (double)(i % 17) * 0.25;
  int kb[4] = {kmin, 4, 5, kmax};
  Domain_t doms[3];
  for (int t = 0; t < 3; t++) {
    Domain_t d = {0, 0, imin, jmin, kb[t], imax, jmax, kb[t + 1], 0, 0, jp, kp};
    doms[t] = d;
  }
  for (int t = 0; t < 3; t++) {
#pragma dosc task
    rmatmult3(&doms[t], &rblk, x, b);
  }
#pragma dosc taskwait
  for (int t = 0; t < 3; t++) {
#pragma dosc task
    rmatmult3_packed(imin, imax, jmin, jmax, kb[t], kb[t + 1], jp, kp, i_ub, coef, x, b2);
  }
#pragma dosc taskwait
  double irs = 0.0;
  for (int i = 0; i < i_ub; i++) irs += b[i] * (i % 5) + b2[i] * 0.5;
  printf("irsmk %.9f\n", irs);

  /* AMGmk: a 1-D Laplacian with a long-range coupling, 30 rows. */
  int n = 30, nnz = 0;
  int *Ai = malloc((n + 1) * sizeof(int)), *Aj = malloc(4 * n * sizeof(int));
  double *Ad = malloc(4 * n * sizeof(double));
  for (int r = 0; r < n; r++) {
    Ai[r] = nnz;
    Aj[nnz] = r, Ad[nnz++] = 4.0; /* diagonal first, as hypre stores it */
    if (r > 0) Aj[nnz] = r - 1, Ad[nnz++] = -1.0;
    if (r < n - 1) Aj[nnz] = r + 1, Ad[nnz++] = -1.0;
    if (r + 7 < n) Aj[nnz] = r + 7, Ad[nnz++] = -0.5;
  }
  Ai[n] = nnz;
  hypre_CSRMatrix A = {Ad, Ai, Aj, n, n, nnz, NULL, n, 1};
  double *xd = malloc(n * sizeof(double)), *yd = malloc(n * sizeof(double));
  double *fd = malloc(n * sizeof(double)), *ud = calloc(n, sizeof(double)), *u2 = calloc(n, sizeof(double));
  double *tmp = malloc(n * sizeof(double));
  for (int r = 0; r < n; r++) xd[r] = 1.0 + (r % 4), yd[r] = 0.5 * r, fd[r] = 1.0 + (r % 3);
  hypre_Vector xv = {xd, n, 1, 1, 0, n, 1}, yv = {yd, n, 1, 1, 0, n, 1};
  hypre_Vector fv = {fd, n, 1, 1, 0, n, 1}, uv = {ud, n, 1, 1, 0, n, 1};
  for (int lo = 0; lo < n; lo += 8) {
#pragma dosc task
    hypre_CSRMatrixMatvec_rows(2.0, &A, &xv, 0.5, &yv, lo, lo + 8 < n ? lo + 8 : n);
  }
#pragma dosc taskwait
  int nthreads = 4;
  for (int sweep = 0; sweep < 2; sweep++) {
    for (int r = 0; r < n; r++) tmp[r] = ud[r];
    for (int j = 0; j < nthreads; j++) {
#pragma dosc task
      hypre_relax_block(&A, &fv, &uv, tmp, j, nthreads);
    }
#pragma dosc taskwait
    for (int r = 0; r < n; r++) tmp[r] = u2[r];
    for (int j = 0; j < nthreads; j++) {
#pragma dosc task
      relax_block_arrays(Ad, Ai, Aj, fd, u2, tmp, n, j, nthreads);
    }
#pragma dosc taskwait
  }
#pragma dosc task
  hypre_SeqVectorAxpy(-0.25, &uv, &yv);
#pragma dosc taskwait
  double amg = 0.0;
  for (int r = 0; r < n; r++) amg += yd[r] * (r + 1) + ud[r] * 3.0 + u2[r] * 5.0;
  printf("amgmk %.9f\n", amg);

  /* CrystalMk: 3 crystals of nSlip 10 in 12 x 12 storage. */
  int nSlip = 10;
  double (*mats)[MS_XTAL_NSLIP_MAX][MS_XTAL_NSLIP_MAX] = malloc(3 * sizeof *mats);
  double (*rs)[MS_XTAL_NSLIP_MAX] = malloc(3 * sizeof *rs), (*gs)[MS_XTAL_NSLIP_MAX] = malloc(3 * sizeof *gs);
  for (int c = 0; c < 3; c++)
    for (int i = 0; i < MS_XTAL_NSLIP_MAX; i++) {
      rs[c][i] = 1.0 + i + c;
      gs[c][i] = -1.0;
      for (int j = 0; j < MS_XTAL_NSLIP_MAX; j++) mats[c][i][j] = (i == j) ? 20.0 + c : 1.0 / (1 + i + j);
    }
  for (int c = 0; c < 3; c++) {
#pragma dosc task
    Crystal_Cholesky(nSlip, mats[c], rs[c], gs[c]);
  }
#pragma dosc taskwait
  double crys = 0.0;
  for (int c = 0; c < 3; c++)
    for (int i = 0; i < MS_XTAL_NSLIP_MAX; i++) {
      crys += gs[c][i] * (i + 1);
      for (int j = 0; j < MS_XTAL_NSLIP_MAX; j++) crys += mats[c][i][j] * 1e-3;
    }
  printf("crystal %.9f\n", crys);

  free(x), free(b), free(b2), free(coef), free(Ai), free(Aj), free(Ad), free(xd), free(yd), free(fd);
  free(ud), free(u2), free(tmp), free(mats), free(rs), free(gs);
  return 0;
}
