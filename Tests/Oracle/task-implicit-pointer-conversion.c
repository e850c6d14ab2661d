/* Remote attack: a pointer converted to another element size without a cast (`double *p = A`
   for a `double (*A)[4]`; C only warns) kept counting its offsets in rows: p + 5, p[-3] was
   taken as rows 2.. while the task touched doubles 2.. (row 0): rows 0 and 1 were outside the
   footprint. Now it is a view, as after a written cast; also as an argument to a helper. */
#include <stdio.h>
#define M 4

static void bump(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 3.0;
}

#pragma GCC diagnostic ignored "-Wincompatible-pointer-types"
void back_from_view(double (*A)[M], int n) {
  double *p = A;
  p += 5;
  for (int i = -3; i < n; i++) p[i] += 1.0;
}

void flat_view(double (*A)[M], int n) {
  double *p = A;
  for (int i = 0; i < n; i++) p[i] += 2.0;
}

void helper_view(double (*A)[M], int n) { bump(A + 1, n); }

void rows_from_flat(double *f, int rows) {
  double (*R)[M] = f;
  for (int r = 0; r < rows; r++) R[r][M - 1] += R[r][0];
}

int main(void) {
  double A[8][M] = {{0}}, F[8 * M];
  for (int i = 0; i < 8 * M; i++) F[i] = i % 5;
#pragma dosc task
  back_from_view(A + 2, 3);
#pragma dosc task
  flat_view(A + 5, 6);
#pragma dosc taskwait
#pragma dosc task
  helper_view(A, 6);
#pragma dosc task
  rows_from_flat(F + 4, 3);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < M; j++) s += A[i][j] * (i * M + j + 1) + F[i * M + j] * (j + 1);
  printf("checksum %.1f\n", s);
  return 0;
}
