/* PolyBench/C solvers and data-mining kernels as tasks: cholesky (right-looking: a task per row
   block under the pivot), durbin (a reversed index y[k-i-1] in a dot product that returns its
   sum and in a block update), gramschmidt (a task per column block: it writes A's columns,
   holes between), covariance and correlation (a task per row block of the symmetric result,
   writing its transpose too), nussinov (anti-diagonals, the suite's match/max_score macros),
   ludcmp (a task per row in order, then a solve counting down). */
#include <math.h>
#include <stdio.h>

#define N 9
#define M 7
#define _PB_N n
#define _PB_M m
#define SCALAR_VAL(x) x
#define SQRT_FUN(x) sqrt(x)
#define match(b1, b2) (((b1) + (b2)) == 3 ? 1 : 0)
#define max_score(s1, s2) ((s1 >= s2) ? s1 : s2)

/* cholesky: column k below the pivot, rows [lo, hi), divided by the pivot. */
void cholesky_column(double A[N][N], int k, int lo, int hi) {
  for (int i = lo; i < hi; i++) A[i][k] /= A[k][k];
}

/* cholesky: column k is done; rows [lo, hi) below it update from it. */
void cholesky_rows(int n, double A[N][N], int k, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    for (int j = k + 1; j <= i; j++) A[i][j] -= A[i][k] * A[j][k];
  }
}

/* durbin: sum of r[k-i-1] * y[i] for i < k. */
double durbin_sum(double r[N], double y[N], int k) {
  double sum = SCALAR_VAL(0.0);
  for (int i = 0; i < k; i++) sum += r[k - i - 1] * y[i];
  return sum;
}

/* durbin: z[i] = y[i] + alpha * y[k-i-1] for i in [lo, hi). */
void durbin_update(double y[N], double z[N], double alpha, int k, int lo, int hi) {
  for (int i = lo; i < hi; i++) z[i] = y[i] + alpha * y[k - i - 1];
}

/* gramschmidt: project column k out of columns [lo, hi). */
void gramschmidt_cols(int m, double A[M][N], double R[N][N], double Q[M][N], int k, int lo, int hi) {
  int i, j;
  for (j = lo; j < hi; j++) {
    R[k][j] = SCALAR_VAL(0.0);
    for (i = 0; i < _PB_M; i++) R[k][j] += Q[i][k] * A[i][j];
    for (i = 0; i < _PB_M; i++) A[i][j] = A[i][j] - Q[i][k] * R[k][j];
  }
}

/* covariance: means of columns [lo, hi). */
void column_means(int m, int n, double float_n, double data[N][M], double mean[M], int lo, int hi) {
  for (int j = lo; j < hi; j++) {
    mean[j] = SCALAR_VAL(0.0);
    for (int i = 0; i < _PB_N; i++) mean[j] += data[i][j];
    mean[j] /= float_n;
  }
}

/* correlation: standard deviations of columns [lo, hi), 1 where tiny. */
void column_stddevs(int m, int n, double float_n, double data[N][M], double mean[M], double stddev[M], int lo, int hi) {
  double eps = SCALAR_VAL(0.1);
  for (int j = lo; j < hi; j++) {
    stddev[j] = SCALAR_VAL(0.0);
    for (int i = 0; i < _PB_N; i++) stddev[j] += (data[i][j] - mean[j]) * (data[i][j] - mean[j]);
    stddev[j] /= float_n;
    stddev[j] = SQRT_FUN(stddev[j]);
    stddev[j] = stddev[j] <= eps ? SCALAR_VAL(1.0) : stddev[j];
  }
}

/* Centre (and, with a stddev row, scale) the data rows [lo, hi). */
void centre_rows(int m, double float_n, double data[N][M], double mean[M], double *stddev, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < _PB_M; j++) {
      data[i][j] -= mean[j];
      if (stddev) data[i][j] /= SQRT_FUN(float_n) * stddev[j];
    }
}

/* covariance: rows [lo, hi) of the upper triangle, mirrored into the columns. */
void covariance_rows(int m, int n, double float_n, double data[N][M], double cov[M][M], int lo, int hi) {
  int i, j, k;
  for (i = lo; i < hi; i++)
    for (j = i; j < _PB_M; j++) {
      cov[i][j] = SCALAR_VAL(0.0);
      for (k = 0; k < _PB_N; k++) cov[i][j] += data[k][i] * data[k][j];
      cov[i][j] /= (float_n - SCALAR_VAL(1.0));
      cov[j][i] = cov[i][j];
    }
}

/* correlation: rows [lo, hi) of the strict upper triangle, 1 on the diagonal. */
void correlation_rows(int m, int n, double data[N][M], double corr[M][M], int lo, int hi) {
  int i, j, k;
  for (i = lo; i < hi; i++) {
    corr[i][i] = SCALAR_VAL(1.0);
    for (j = i + 1; j < _PB_M; j++) {
      corr[i][j] = SCALAR_VAL(0.0);
      for (k = 0; k < _PB_N; k++) corr[i][j] += (data[k][i] * data[k][j]);
      corr[j][i] = corr[i][j];
    }
  }
}

/* nussinov: cells (i, i + d) for i in [lo, hi) of anti-diagonal d. */
void nussinov_diagonal(int n, char seq[N], int table[N][N], int d, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    int j = i + d, k;
    if (j - 1 >= 0) table[i][j] = max_score(table[i][j], table[i][j - 1]);
    if (i + 1 < _PB_N) table[i][j] = max_score(table[i][j], table[i + 1][j]);
    if (j - 1 >= 0 && i + 1 < _PB_N) {
      if (i < j - 1)
        table[i][j] = max_score(table[i][j], table[i + 1][j - 1] + match(seq[i], seq[j]));
      else
        table[i][j] = max_score(table[i][j], table[i + 1][j - 1]);
    }
    for (k = i + 1; k < j; k++) table[i][j] = max_score(table[i][j], table[i][k] + table[k + 1][j]);
  }
}

/* ludcmp: row i of L and U from the rows above it. */
void ludcmp_row(int n, double A[N][N], int i) {
  int j, k;
  double w;
  for (j = 0; j < i; j++) {
    w = A[i][j];
    for (k = 0; k < j; k++) w -= A[i][k] * A[k][j];
    A[i][j] = w / A[j][j];
  }
  for (j = i; j < _PB_N; j++) {
    w = A[i][j];
    for (k = 0; k < i; k++) w -= A[i][k] * A[k][j];
    A[i][j] = w;
  }
}

/* ludcmp: forward then backward substitution. */
void ludcmp_solve(int n, double A[N][N], double b[N], double x[N], double y[N]) {
  int i, j;
  double w;
  for (i = 0; i < _PB_N; i++) {
    w = b[i];
    for (j = 0; j < i; j++) w -= A[i][j] * y[j];
    y[i] = w;
  }
  for (i = _PB_N - 1; i >= 0; i--) {
    w = y[i];
    for (j = i + 1; j < _PB_N; j++) w -= A[i][j] * x[j];
    x[i] = w / A[i][i];
  }
}

static double A[N][N], L[N][N], r[N], y[N], z[N], GA[M][N], GR[N][N], GQ[M][N];
static double data[N][M], data2[N][M], mean[M], stddev[M], cov[M][M], corr[M][M], b[N], x[N], yy[N];
static char seq[N];
static int table[N][N];

int main(void) {
  /* cholesky of a positive definite matrix */
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) A[i][j] = (i == j ? N + 1.0 : 0.0) + (double)((i + j) % N) / N;
  for (int k = 0; k < N; k++) {
    A[k][k] = SQRT_FUN(A[k][k]);
    for (int lo = k + 1; lo < N; lo += 4) {
#pragma dosc task
      cholesky_column(A, k, lo, lo + 4 < N ? lo + 4 : N);
    }
#pragma dosc taskwait
    for (int lo = k + 1; lo < N; lo += 3) {
#pragma dosc task
      cholesky_rows(N, A, k, lo, lo + 3 < N ? lo + 3 : N);
    }
#pragma dosc taskwait
  }
  /* durbin */
  for (int i = 0; i < N; i++) r[i] = (double)(N + 1 - i) / (4.0 * N);
  y[0] = -r[0];
  double beta = SCALAR_VAL(1.0), alpha = -r[0], sum = 0;
  for (int k = 1; k < N; k++) {
    beta = (1 - alpha * alpha) * beta;
#pragma dosc task
    sum = durbin_sum(r, y, k);
#pragma dosc taskwait
    alpha = -(r[k] + sum) / beta;
    for (int lo = 0; lo < k; lo += 3) {
#pragma dosc task
      durbin_update(y, z, alpha, k, lo, lo + 3 < k ? lo + 3 : k);
    }
#pragma dosc taskwait
    for (int i = 0; i < k; i++) y[i] = z[i];
    y[k] = alpha;
  }
  /* gramschmidt */
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) GA[i][j] = (((double)((i * j) % M) / M) * 100) + 10 + (i == j);
  for (int k = 0; k < N && k < M; k++) {
    double nrm = SCALAR_VAL(0.0);
    for (int i = 0; i < M; i++) nrm += GA[i][k] * GA[i][k];
    GR[k][k] = SQRT_FUN(nrm);
    for (int i = 0; i < M; i++) GQ[i][k] = GA[i][k] / GR[k][k];
    for (int lo = k + 1; lo < N; lo += 3) {
#pragma dosc task
      gramschmidt_cols(M, GA, GR, GQ, k, lo, lo + 3 < N ? lo + 3 : N);
    }
#pragma dosc taskwait
  }
  /* covariance and correlation */
  double float_n = (double)N;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < M; j++) data2[i][j] = data[i][j] = (double)(i * j) / M + i;
  for (int lo = 0; lo < M; lo += 4) {
#pragma dosc task
    column_means(M, N, float_n, data, mean, lo, lo + 4 < M ? lo + 4 : M);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 4) {
#pragma dosc task
    centre_rows(M, float_n, data, mean, 0, lo, lo + 4 < N ? lo + 4 : N);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < M; lo += 3) {
#pragma dosc task
    covariance_rows(M, N, float_n, data, cov, lo, lo + 3 < M ? lo + 3 : M);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < M; lo += 4) {
#pragma dosc task
    column_means(M, N, float_n, data2, mean, lo, lo + 4 < M ? lo + 4 : M);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < M; lo += 4) {
#pragma dosc task
    column_stddevs(M, N, float_n, data2, mean, stddev, lo, lo + 4 < M ? lo + 4 : M);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < N; lo += 4) {
#pragma dosc task
    centre_rows(M, float_n, data2, mean, stddev, lo, lo + 4 < N ? lo + 4 : N);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < M - 1; lo += 3) {
#pragma dosc task
    correlation_rows(M, N, data2, corr, lo, lo + 3 < M - 1 ? lo + 3 : M - 1);
  }
#pragma dosc taskwait
  corr[M - 1][M - 1] = SCALAR_VAL(1.0);
  /* nussinov */
  for (int i = 0; i < N; i++) seq[i] = (char)((i + 1) % 4);
  for (int d = 1; d < N; d++) {
    for (int lo = 0; lo < N - d; lo += 3) {
#pragma dosc task
      nussinov_diagonal(N, seq, table, d, lo, lo + 3 < N - d ? lo + 3 : N - d);
    }
#pragma dosc taskwait
  }
  /* ludcmp */
  for (int i = 0; i < N; i++) {
    b[i] = (i + 1) / (double)N / 2.0 + 4;
    for (int j = 0; j <= i; j++) L[i][j] = (double)(-j % N) / N + 1;
    L[i][i] = 1 + N;
  }
  for (int i = 0; i < N; i++) {
#pragma dosc task
    ludcmp_row(N, L, i);
#pragma dosc taskwait
  }
#pragma dosc task
  ludcmp_solve(N, L, b, x, yy);
#pragma dosc taskwait

  double s = 0;
  for (int i = 0; i < N; i++) {
    s += y[i] * (i + 1) + x[i] * (i + 2);
    for (int j = 0; j < N; j++) s += A[i][j] * (i + j + 1) + GR[i][j] * (i + 1) + L[i][j] * (j + 1) + table[i][j] * (i + 2 * j);
  }
  for (int i = 0; i < M; i++)
    for (int j = 0; j < M; j++) s += cov[i][j] * (i + 1) + corr[i][j] * (j + 1);
  for (int i = 0; i < M; i++)
    for (int j = 0; j < N; j++) s += GA[i][j] * (i + 1);
  printf("checksum %.6f\n", s);
  return 0;
}
