/* PolyBench built with POLYBENCH_USE_C99_PROTO: variable-length array parameters
   (`double C[ni][nj]`), row-block tasks of gemm and syr2k (a triangle j <= i), heat-3d planes
   (`double A[n][n][n]`) and a transpose by column blocks (At[j][i] = A[i][j]). The rows are
   counted (syr2k's triangle C[i][j], j <= i, in the row's units since ParameterView: hi - lo
   rows where hi <= n); `bytes` stays null, a VLA row's size being known only at run time. */
#include <stdio.h>
#include <stdlib.h>
void gemm_rows(int ni, int nj, int nk, double alpha, double beta, double C[ni][nj], double A[ni][nk], double B[nk][nj], int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    for (int j = 0; j < nj; j++) C[i][j] *= beta;
    for (int k = 0; k < nk; k++)
      for (int j = 0; j < nj; j++) C[i][j] += alpha * A[i][k] * B[k][j];
  }
}
void syr2k_rows(int n, int m, double alpha, double beta, double C[n][n], double A[n][m], double B[n][m], int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    for (int j = 0; j <= i; j++) C[i][j] *= beta;
    for (int k = 0; k < m; k++)
      for (int j = 0; j <= i; j++) C[i][j] += A[j][k] * alpha * B[i][k] + B[j][k] * alpha * A[i][k];
  }
}
void heat_planes(int n, double A[n][n][n], double B[n][n][n], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 1; j < n - 1; j++)
      for (int k = 1; k < n - 1; k++)
        B[i][j][k] = 0.125 * (A[i + 1][j][k] - 2.0 * A[i][j][k] + A[i - 1][j][k]) + A[i][j][k - 1] * 0.1 + A[i][j + 1][k];
}
void trans_cols(int n, double A[n][n], double At[n][n], int lo, int hi) {
  for (int j = lo; j < hi; j++)
    for (int i = 0; i < n; i++) At[j][i] = A[i][j];
}
int main(void) {
  int ni = 7, nj = 5, nk = 6, n = 6;
  double (*C)[nj] = malloc(sizeof(double) * ni * nj), (*A)[nk] = malloc(sizeof(double) * ni * nk), (*B)[nj] = malloc(sizeof(double) * nk * nj);
  for (int i = 0; i < ni; i++) for (int j = 0; j < nj; j++) C[i][j] = (i * j + 1) % 5;
  for (int i = 0; i < ni; i++) for (int j = 0; j < nk; j++) A[i][j] = (i + j) % 7;
  for (int i = 0; i < nk; i++) for (int j = 0; j < nj; j++) B[i][j] = (i * 3 + j) % 4;
  for (int lo = 0; lo < ni; lo += 3) {
#pragma dosc task
    gemm_rows(ni, nj, nk, 1.5, 1.2, C, A, B, lo, lo + 3 < ni ? lo + 3 : ni);
  }
#pragma dosc taskwait
  double (*S)[n] = malloc(sizeof(double) * n * n), (*SA)[nj] = malloc(sizeof(double) * n * nj), (*SB)[nj] = malloc(sizeof(double) * n * nj);
  for (int i = 0; i < n; i++) { for (int j = 0; j < n; j++) S[i][j] = (i + 2 * j) % 3; for (int j = 0; j < nj; j++) SA[i][j] = i - j, SB[i][j] = i * j % 3; }
  for (int lo = 0; lo < n; lo += 4) {
#pragma dosc task
    syr2k_rows(n, nj, 1.5, 1.2, S, SA, SB, lo, lo + 4 < n ? lo + 4 : n);
  }
#pragma dosc taskwait
  double (*H)[n][n] = malloc(sizeof(double) * n * n * n), (*H2)[n][n] = malloc(sizeof(double) * n * n * n);
  for (int i = 0; i < n * n * n; i++) ((double *)H)[i] = ((double *)H2)[i] = i % 11;
  for (int lo = 1; lo < n - 1; lo += 2) {
#pragma dosc task
    heat_planes(n, H, H2, lo, lo + 2 < n - 1 ? lo + 2 : n - 1);
  }
#pragma dosc taskwait
  double (*T)[n] = malloc(sizeof(double) * n * n);
  for (int lo = 0; lo < n; lo += 4) {
#pragma dosc task
    trans_cols(n, S, T, lo, lo + 4 < n ? lo + 4 : n);
  }
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < ni; i++) for (int j = 0; j < nj; j++) s += C[i][j] * (i + j + 1);
  for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s += S[i][j] * (i + 1) + T[i][j] * (j + 2);
  for (int i = 0; i < n * n * n; i++) s += ((double *)H2)[i] * (i % 7);
  printf("checksum %.4f\n", s);
  return 0;
}
