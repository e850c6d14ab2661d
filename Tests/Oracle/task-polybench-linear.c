/* PolyBench/C linear-algebra kernels as tasks, a task per row or column block, with the suite's
   array parameters (`double A[NI][NK]`, POLYBENCH_2D without C99 prototypes) and loop shapes:
   2mm and 3mm (chained products), atax and bicg (a row pass and a transposed column pass),
   gemver (rank-2 update, transposed and plain products), gesummv, symm and trmm (column blocks:
   their loops reach other rows), doitgen (3-D A[r][q][p] with a sum row per task). */
#include <stdio.h>

#define NI 7
#define NJ 6
#define NK 5
#define NL 6
#define NM 4
#define N 8
#define NR 3
#define NQ 4
#define NP 5

/* 2mm: tmp[i][j] = alpha * A[i][k] * B[k][j] for rows [lo, hi). */
void mm2_tmp(int ni, int nj, int nk, double alpha, double tmp[NI][NJ], double A[NI][NK], double B[NK][NJ], int lo, int hi) {
  int i, j, k;
  for (i = lo; i < hi; i++)
    for (j = 0; j < nj; j++) {
      tmp[i][j] = 0.0;
      for (k = 0; k < nk; ++k) tmp[i][j] += alpha * A[i][k] * B[k][j];
    }
}

/* 2mm: D[i][j] = beta * D[i][j] + tmp[i][k] * C[k][j] for rows [lo, hi). */
void mm2_d(int ni, int nl, int nj, double beta, double tmp[NI][NJ], double C[NJ][NL], double D[NI][NL], int lo, int hi) {
  int i, j, k;
  for (i = lo; i < hi; i++)
    for (j = 0; j < nl; j++) {
      D[i][j] *= beta;
      for (k = 0; k < nj; ++k) D[i][j] += tmp[i][k] * C[k][j];
    }
}

/* 3mm: one product E = A.B (any shapes), rows [lo, hi). */
void mm3_product(int nj, int nk, double E[NI][NJ], double A[NI][NK], double B[NK][NJ], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < nj; j++) {
      E[i][j] = 0.0;
      for (int k = 0; k < nk; ++k) E[i][j] += A[i][k] * B[k][j];
    }
}

/* 3mm: G = E.F, rows [lo, hi). */
void mm3_g(int nl, int nj, double G[NI][NL], double E[NI][NJ], double F[NJ][NL], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < nl; j++) {
      G[i][j] = 0.0;
      for (int k = 0; k < nj; ++k) G[i][j] += E[i][k] * F[k][j];
    }
}

/* atax: tmp[i] = A[i][.] . x for rows [lo, hi). */
void atax_rows(int n, double A[N][N], double x[N], double tmp[N], int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    tmp[i] = 0.0;
    for (int j = 0; j < n; j++) tmp[i] = tmp[i] + A[i][j] * x[j];
  }
}

/* atax: y[j] = sum_i A[i][j] * tmp[i] for columns [lo, hi). */
void atax_cols(int m, double A[N][N], double tmp[N], double y[N], int lo, int hi) {
  for (int j = lo; j < hi; j++) {
    y[j] = 0;
    for (int i = 0; i < m; i++) y[j] = y[j] + A[i][j] * tmp[i];
  }
}

/* bicg: s = r^T A over columns [lo, hi); q = A p over rows [lo, hi) (two tasks per block). */
void bicg_s(int n, double A[N][N], double s[N], double r[N], int lo, int hi) {
  for (int j = lo; j < hi; j++) s[j] = 0;
  for (int i = 0; i < n; i++)
    for (int j = lo; j < hi; j++) s[j] = s[j] + r[i] * A[i][j];
}

void bicg_q(int m, double A[N][N], double q[N], double p[N], int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    q[i] = 0.0;
    for (int j = 0; j < m; j++) q[i] = q[i] + A[i][j] * p[j];
  }
}

/* gemver: A += u1 v1^T + u2 v2^T, rows [lo, hi). */
void gemver_update(int n, double A[N][N], double u1[N], double v1[N], double u2[N], double v2[N], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++) A[i][j] = A[i][j] + u1[i] * v1[j] + u2[i] * v2[j];
}

/* gemver: x += beta A^T y + z over [lo, hi); then w += alpha A x over [lo, hi). */
void gemver_x(int n, double beta, double A[N][N], double x[N], double y[N], double z[N], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++) x[i] = x[i] + beta * A[j][i] * y[j];
  for (int i = lo; i < hi; i++) x[i] = x[i] + z[i];
}

void gemver_w(int n, double alpha, double A[N][N], double w[N], double x[N], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < n; j++) w[i] = w[i] + alpha * A[i][j] * x[j];
}

/* gesummv: y = alpha A x + beta B x, rows [lo, hi), tmp beside. */
void gesummv_rows(int n, double alpha, double beta, double A[N][N], double B[N][N], double tmp[N], double x[N], double y[N],
                  int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    tmp[i] = 0.0;
    y[i] = 0.0;
    for (int j = 0; j < n; j++) {
      tmp[i] = A[i][j] * x[j] + tmp[i];
      y[i] = B[i][j] * x[j] + y[i];
    }
    y[i] = alpha * tmp[i] + beta * y[i];
  }
}

/* symm (lower triangle of A): columns [lo, hi) of C; row i writes C[k][j] of the rows above it. */
void symm_cols(int m, double alpha, double beta, double C[N][N], double A[N][N], double B[N][N], int lo, int hi) {
  for (int i = 0; i < m; i++)
    for (int j = lo; j < hi; j++) {
      double temp2 = 0;
      for (int k = 0; k < i; k++) {
        C[k][j] += alpha * B[i][j] * A[i][k];
        temp2 += B[k][j] * A[i][k];
      }
      C[i][j] = beta * C[i][j] + alpha * B[i][j] * A[i][i] + alpha * temp2;
    }
}

/* trmm: B = alpha A^T B with A unit lower triangular, columns [lo, hi) of B. */
void trmm_cols(int m, double alpha, double A[N][N], double B[N][N], int lo, int hi) {
  for (int i = 0; i < m; i++)
    for (int j = lo; j < hi; j++) {
      for (int k = i + 1; k < m; k++) B[i][j] += A[k][i] * B[k][j];
      B[i][j] = alpha * B[i][j];
    }
}

/* doitgen: A[r][q][.] = A[r][q][.] x C4 for r in [lo, hi), a sum row of the task's own. */
void doitgen_r(int nq, int np, double A[NR][NQ][NP], double C4[NP][NP], double sum[NP], int lo, int hi) {
  for (int r = lo; r < hi; r++)
    for (int q = 0; q < nq; q++) {
      for (int p = 0; p < np; p++) {
        sum[p] = 0.0;
        for (int s = 0; s < np; s++) sum[p] += A[r][q][s] * C4[s][p];
      }
      for (int p = 0; p < np; p++) A[r][q][p] = sum[p];
    }
}

static double A[NI][NK], B[NK][NJ], C[NJ][NL], D[NI][NL], tmp[NI][NJ], E3[NI][NJ], F3[NJ][NL], G3[NI][NL];
static double M[N][N], M2[N][N], M3[N][N], x[N], y[N], z[N], w[N], v1[N], v2[N], u1[N], u2[N], t[N];
static double R[NR][NQ][NP], C4[NP][NP], sums[NR][NP];

int main(void) {
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NK; j++) A[i][j] = (double)((i * j + 1) % NI) / NI;
  for (int i = 0; i < NK; i++)
    for (int j = 0; j < NJ; j++) B[i][j] = (double)(i * (j + 1) % NJ) / NJ;
  for (int i = 0; i < NJ; i++)
    for (int j = 0; j < NL; j++) C[i][j] = (double)((i * (j + 3) + 1) % NL) / NL, F3[i][j] = (double)(i + 2 * j) / NL;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++) D[i][j] = (double)(i * (j + 2) % NK) / NK;
  for (int lo = 0; lo < NI; lo += 3) {
#pragma dosc task
    mm2_tmp(NI, NJ, NK, 1.5, tmp, A, B, lo, lo + 3 < NI ? lo + 3 : NI);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < NI; lo += 2) {
#pragma dosc task
    mm2_d(NI, NL, NJ, 1.2, tmp, C, D, lo, lo + 2 < NI ? lo + 2 : NI);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < NI; lo += 4) {
#pragma dosc task
    mm3_product(NJ, NK, E3, A, B, lo, lo + 4 < NI ? lo + 4 : NI);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < NI; lo += 4) {
#pragma dosc task
    mm3_g(NL, NJ, G3, E3, F3, lo, lo + 4 < NI ? lo + 4 : NI);
  }
#pragma dosc taskwait

  for (int i = 0; i < N; i++) {
    x[i] = 1 + i / (double)N, y[i] = (i + 1) / (double)N / 2, z[i] = (i + 1) / (double)N / 6;
    u1[i] = i, u2[i] = (i + 1) / (double)N / 2, v1[i] = (i + 1) / (double)N / 4, v2[i] = (i + 1) / (double)N / 6;
    w[i] = 0;
    for (int j = 0; j < N; j++)
      M[i][j] = (double)(i * j % N) / N, M2[i][j] = (double)((i + j) % N) / N, M3[i][j] = (double)((i * j + 1) % N) / N;
  }
  for (int lo = 0; lo < N; lo += 3) {
    int hi = lo + 3 < N ? lo + 3 : N;
#pragma dosc task
    atax_rows(N, M, x, t, lo, hi);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 3) {
    int hi = lo + 3 < N ? lo + 3 : N;
#pragma dosc task
    atax_cols(N, M, t, y, lo, hi);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 4) {
#pragma dosc task
    bicg_s(N, M2, w, x, lo, lo + 4);
#pragma dosc task
    bicg_q(N, M2, z, y, lo, lo + 4);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 4) {
#pragma dosc task
    gemver_update(N, M, u1, v1, u2, v2, lo, lo + 4);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 4) {
#pragma dosc task
    gemver_x(N, 1.2, M, x, y, z, lo, lo + 4);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 4) {
#pragma dosc task
    gemver_w(N, 1.5, M, w, x, lo, lo + 4);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 5) {
#pragma dosc task
    gesummv_rows(N, 1.5, 1.2, M, M2, t, x, y, lo, lo + 5 < N ? lo + 5 : N);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 3) {
#pragma dosc task
    symm_cols(N, 1.5, 1.2, M3, M, M2, lo, lo + 3 < N ? lo + 3 : N);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 3) {
#pragma dosc task
    trmm_cols(N, 1.5, M, M2, lo, lo + 3 < N ? lo + 3 : N);
  }
#pragma dosc taskwait
  for (int r = 0; r < NR; r++)
    for (int q = 0; q < NQ; q++)
      for (int p = 0; p < NP; p++) R[r][q][p] = (double)((r * q + p) % NP) / NP;
  for (int i = 0; i < NP; i++)
    for (int j = 0; j < NP; j++) C4[i][j] = (double)(i * j % NP) / NP;
  for (int r = 0; r < NR; r++) {
#pragma dosc task
    doitgen_r(NQ, NP, R, C4, sums[r], r, r + 1);
  }
#pragma dosc taskwait

  double s = 0;
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NL; j++) s += D[i][j] * (i + 1) + G3[i][j] * (j + 2);
  for (int i = 0; i < NI; i++)
    for (int j = 0; j < NJ; j++) s += E3[i][j] * (i + j + 1);
  for (int i = 0; i < N; i++) {
    s += x[i] * 1 + y[i] * 2 + z[i] * 3 + w[i] * 4 + t[i] * 5;
    for (int j = 0; j < N; j++) s += M[i][j] * (i + 1) + M2[i][j] * (j + 1) + M3[i][j] * (i + j + 1);
  }
  for (int r = 0; r < NR; r++)
    for (int q = 0; q < NQ; q++)
      for (int p = 0; p < NP; p++) s += R[r][q][p] * (r + q + p + 1);
  printf("checksum %.6f\n", s);
  return 0;
}
