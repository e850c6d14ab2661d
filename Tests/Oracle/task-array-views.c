/* Views of array parameters as user code makes them: halves a[i / 2], b[(i + 1) / 2], b[i >> 1]
   and b[n / 2 - i / 4]; guarded neighbours (i > 0 && i < n - 1); a 2-D array inside a structure
   (p->m[i][j], p->c[j % 3], p->tag); a 2-D parameter seen flat (&A[0][0], (double *)A + lo * N),
   through a row pointer (double *r = A[i]), copied by rows (memcpy(&A[i][0], ...)); a pointer
   to a field array of a structure element (&pts[i].c[0]). Most figures are null today.
   Every figure must be the truth or null. */
#include <stdio.h>
#include <string.h>
#define N 6
typedef struct { double m[N][N]; int tag; double c[3]; } Block;
void halves(double *a, const double *b, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i / 2] += b[(i + 1) / 2] + b[i >> 1] + b[n / 2 - i / 4];
}
void guarded(double *a, const double *b, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (i > 0 && i < n - 1) a[i] = b[i - 1] + b[i + 1];
    else a[i] = b[i];
}
void in_struct(Block *p, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < N; j++) p->m[i][j] = p->m[i][j] * 2 + p->c[j % 3];
  p->tag += hi - lo;
}
void flat_rows(double A[N][N], int lo, int hi) {
  double *flat = &A[0][0];
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < N; j++) flat[i * N + j] += 1.0;
}
void cast_rows(double A[N][N], int lo, int hi) {
  double *flat = (double *)A + lo * N;
  for (int i = 0; i < (hi - lo) * N; i++) flat[i] *= 3.0;
}
void copy_rows(double A[N][N], double B[N][N], int lo, int hi) {
  for (int i = lo; i < hi; i++) memcpy(&A[i][0], &B[i][0], N * sizeof(double));
}
void row_ptr(double A[N][N], int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    double *r = A[i];
    for (int j = 1; j < N; j++) r[j] += r[j - 1];
  }
}
typedef struct { float c[3]; int id; } Pt;
void pts_shift(Pt *pts, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    float *c = &pts[i].c[0];
    c[0] += 1, c[2] -= 1;
    pts[i].c[1] *= 2;
  }
}
int main(void) {
  double a[40] = {0}, b[40];
  for (int i = 0; i < 40; i++) b[i] = i * 0.5;
#pragma dosc task
  halves(a, b, 30, 4, 20);
#pragma dosc taskwait
#pragma dosc task
  guarded(a + 20, b, 12, 0, 12);
#pragma dosc taskwait
  static Block blk;
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) blk.m[i][j] = i + j;
  blk.c[0] = 1, blk.c[1] = 2, blk.c[2] = 3;
#pragma dosc task
  in_struct(&blk, 1, 4);
#pragma dosc taskwait
  static double A[N][N], B[N][N];
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) A[i][j] = i * j, B[i][j] = i - j;
#pragma dosc task
  flat_rows(A, 2, 5);
#pragma dosc taskwait
#pragma dosc task
  cast_rows(A, 1, 3);
#pragma dosc taskwait
#pragma dosc task
  copy_rows(A, B, 4, 6);
#pragma dosc taskwait
#pragma dosc task
  row_ptr(A, 0, 2);
#pragma dosc taskwait
  Pt pts[6];
  for (int i = 0; i < 6; i++) pts[i].c[0] = i, pts[i].c[1] = i + 1, pts[i].c[2] = i + 2, pts[i].id = i;
#pragma dosc task
  pts_shift(pts, 2, 5);
#pragma dosc taskwait
  double s = blk.tag;
  for (int i = 0; i < 40; i++) s += a[i] * (i + 1);
  for (int i = 0; i < N; i++) for (int j = 0; j < N; j++) s += (A[i][j] + blk.m[i][j]) * (i * N + j + 1);
  for (int i = 0; i < 6; i++) s += (pts[i].c[0] + 2 * pts[i].c[1] + 3 * pts[i].c[2]) * (i + 1);
  printf("checksum %.3f\n", s);
  return 0;
}
