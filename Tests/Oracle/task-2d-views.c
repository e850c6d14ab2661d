/* Two-dimensional arrays seen flat, and flat arrays seen as rows (ParameterView): a task given
   `double (*A)[M]` that indexes `&A[0][0]`, `(double *)A`, a row `A[i]` or `*A` flat, hands a
   row to a helper or copies it with memcpy; a flat `double *` taken as `(double (*)[M])p`; a
   triangle `C[i][j]`, j <= i, of a variable-length row. Beside them what must widen, never
   shrink: a row pointer walked past its row and before it, a view through floats and bytes (an
   element size that is not the row's), rows of another width over the same memory, a callee's
   view reached with a negative argument. */
#include <stdio.h>
#include <string.h>

#define M 5

static void scale_row(double *row, int n, double f) {
  for (int j = 0; j < n; j++) row[j] *= f;
}

void flat_first(double (*A)[M], int lo, int hi) {
  double *p = &A[0][0];
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < M; j++) p[i * M + j] += i - j;
}

void flat_cast(double (*A)[M], int lo, int hi) {
  double *p = (double *)A;
  for (int k = lo * M; k < hi * M; k++) p[k] = p[k] * 0.5 + 1;
}

void row_helper(double (*A)[M], int lo, int hi) {
  for (int i = lo; i < hi; i++) scale_row(A[i], M, 1.25);
}

void star_flat(double (*A)[M], int n) {
  double *p = *A;
  for (int k = 0; k < n; k++) p[k] -= 0.25;
}

void copy_rows(double (*dst)[M], const double (*src)[M], int lo, int hi) {
  for (int i = lo; i < hi; i++) memcpy(&dst[i][0], src[i], M * sizeof(double));
}

void flat_as_rows(double *p, int lo, int hi) {
  double (*R)[M] = (double (*)[M])p;
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < M; j++) R[i][j] += 0.5 * j;
}

void walk_row(double (*A)[M], int i) {
  double *r = A[i];
  for (int j = 0; j < M; j++) *r++ += 2;
}

void vla_triangle(int n, double C[n][n], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j <= i; j++) C[i][j] *= 1.5;
}

/* Must widen: past the row, before it, other element sizes, other row widths. */
void past_row(double (*A)[M], int i) {
  double *r = A[i];
  for (int j = 0; j < 2 * M + 1; j++) r[j] += 1;
}

void before_row(double (*A)[M], int i) {
  double *r = A[i];
  r[-1] += 3;
  r[-M - 2] += 4;
}

void through_floats(double (*A)[M], int lo, int hi) {
  float *f = (float *)A;
  for (int k = 2 * M * lo; k < 2 * M * hi; k++) f[k] = f[k] + 0.0f;
}

void through_bytes(double *a, int n) {
  unsigned char *b = (unsigned char *)a;
  for (int k = 3; k < 8 * n - 3; k++) b[k] ^= 0;
}

void rows_of_three(double *p, int lo, int hi) {
  double (*R)[3] = (double (*)[3])p;
  for (int i = lo; i < hi; i++) R[i][2] += R[i][0];
}

/* A callee's view instantiated with a negative argument: its figure must not lean on the sign
   figures assume of the callee's own parameters (bytes -3 .. 0 from row 2: row 1 too). Bytes,
   not floats: a float stored into a double and the double read back is undefined (strict
   aliasing), and gcc -O2 then printed another checksum than the dosc build did. */
static void bytes_from(double (*A)[M], int lo) {
  unsigned char *b = (unsigned char *)A;
  for (int k = 3 * lo; k < 3 * lo + 4; k++) b[k] ^= 0x3f;
}

void negative_callee(double (*A)[M], int m) { bytes_from(A + 2, m - 1); }

int main(void) {
  double A[8][M], F[8 * M], T[6][6];
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < M; j++) A[i][j] = i * M + j, F[i * M + j] = i - j;
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) T[i][j] = i + j;
  double B[8][M] = {{0}};
#pragma dosc task
  flat_first(A, 1, 3);
#pragma dosc task
  flat_cast(A, 3, 5);
#pragma dosc taskwait
#pragma dosc task
  row_helper(A, 5, 8);
#pragma dosc task
  star_flat(A, 7);
#pragma dosc taskwait
#pragma dosc task
  copy_rows(B, (const double (*)[M])A, 2, 6);
#pragma dosc task
  flat_as_rows(F, 1, 4);
#pragma dosc taskwait
#pragma dosc task
  walk_row(A, 6);
#pragma dosc task
  vla_triangle(6, T, 2, 5);
#pragma dosc taskwait
#pragma dosc task
  past_row(A, 2);
#pragma dosc task
  before_row(B, 4);
#pragma dosc taskwait
#pragma dosc task
  through_floats(A, 1, 3);
#pragma dosc task
  through_bytes(F, 6);
#pragma dosc task
  rows_of_three(F, 2, 9);
#pragma dosc task
  negative_callee(B, 0);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < M; j++) s += A[i][j] * (i + 1) + B[i][j] * (j + 2) + F[i * M + j] * 0.5;
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 6; j++) s += T[i][j] * (i * 6 + j + 1);
  printf("checksum %.4f\n", s);
  return 0;
}
