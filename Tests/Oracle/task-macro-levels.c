/* Operators in macro bodies at every depth, where no operand is spelled next to the operator
   (SPEC lbm's CALC_INDEX, Himeno's MR): libclang 14 names no operator, and the text search
   found `*` in `((z) * SX)` neither after `(z)` (whose last token it could not locate) nor
   before `SX` (spelled in SX's own body), so `a[CW(i) + 1]` had no symbolic form and the task
   was not remotable. Shapes: an object-like constant after an argument, a macro calling a macro,
   an argument times a constant (`i * N`), `IDX(i, j)`, a compound assignment and comparisons in
   macros (a `FOR` loop macro with `<` and `<=`), a shift and a mask, a conditional around
   macro operators, a store whose value and index both come through three levels. */
#include <stdio.h>
#include <stdlib.h>

#define SX 10
#define SY 3
#define CW(z) ((z) * SX)
#define N 4
#define SCALE(x) (x * N)
#define IDX(i, j) ((i) * N + (j))
#define ROW(i) ((i) * SX)
#define AT(i, j) (ROW(i) + (j))
#define CELL(x, y, e) ((e) + 2 * ((x) + (y) * SX))
#define ENTRY(g, x, y, e) ((g)[CELL(x, y, e) + (i)])
#define FOR(i, n) for (i = 0; i < (n); i++)
#define FOR_TO(i, lo, hi) for (i = (lo); i <= (hi); i++)
#define ADD_TO(a, v) ((a) += (v))
#define TWICE(v) ((v) << 1)
#define LOW(v) ((v) & 7)
#define PLANE (SX * SY)
#define VOL(k) ((k) * PLANE)

void lbm_column(double *a, int n) {
  for (int i = 0; i < n; i++) a[CW(i) + 1] = i;
}

void scaled(int *a, int n) {
  for (int i = 0; i < n; i++) a[SCALE(i)] = i;
}

void index_pairs(int *a, int rows) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < N; j++) a[IDX(i, j)] = i - j;
}

void nested_rows(int *a, int rows, int cols) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols && j < SX; j++) a[AT(i, j)] = i + j;
}

void lbm_cells(double *g, int cells) {
  for (int i = 0; i < cells; i++) ENTRY(g, 1, 2, 1) = 0.5 * i;
}

void for_macro(int *a, int n) {
  int i;
  FOR(i, n) a[i] = 3 * i;
}

void for_to_macro(int *a, int lo, int hi) {
  int i;
  FOR_TO(i, lo, hi) ADD_TO(a[i], i);
}

void shifted(int *a, int n) {
  for (int i = 0; i < n; i++) a[TWICE(i)] = LOW(i);
}

void planes(double *v, int k) {
  for (int p = 0; p < k; p++)
    for (int q = 0; q < PLANE; q++) v[VOL(p) + q] = p * 100 + q;
}

void either_side(int *a, int n, int up) {
  for (int i = 0; i < n; i++) a[up ? CW(i) : IDX(i, 1)] += 1;
}

int main(void) {
  double *col = calloc(64, sizeof(double)), *g = calloc(128, sizeof(double)), *v = calloc(96, sizeof(double));
  int *s = calloc(32, sizeof(int)), *p = calloc(32, sizeof(int)), *r = calloc(64, sizeof(int));
  int *f = calloc(16, sizeof(int)), *t = calloc(16, sizeof(int)), *h = calloc(32, sizeof(int));
  int *e = calloc(64, sizeof(int));
#pragma dosc task
  lbm_column(col, 6);
#pragma dosc task
  scaled(s, 7);
#pragma dosc task
  index_pairs(p, 5);
#pragma dosc task
  nested_rows(r, 4, 6);
#pragma dosc task
  lbm_cells(g, 40);
#pragma dosc task
  for_macro(f, 9);
#pragma dosc task
  for_to_macro(t, 3, 11);
#pragma dosc task
  shifted(h, 12);
#pragma dosc task
  planes(v, 3);
#pragma dosc task
  either_side(e, 5, 1);
#pragma dosc taskwait
  double sum = 0;
  for (int i = 0; i < 64; i++) sum += col[i] * (i + 1);
  for (int i = 0; i < 128; i++) sum += g[i] * (i + 3);
  for (int i = 0; i < 96; i++) sum += v[i] * (i % 7 + 1);
  long isum = 0;
  for (int i = 0; i < 32; i++) isum += (long)(s[i] + 2 * p[i] + 3 * h[i]) * (i + 1);
  for (int i = 0; i < 64; i++) isum += (long)(r[i] + 5 * e[i]) * (i + 1);
  for (int i = 0; i < 16; i++) isum += (long)(f[i] + 7 * t[i]) * (i + 1);
  printf("%.1f %ld\n", sum, isum);
  free(col), free(g), free(v), free(s), free(p), free(r), free(f), free(t), free(h), free(e);
  return 0;
}
