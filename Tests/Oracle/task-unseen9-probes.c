/* Shapes beside the suites' (branch unseen9), each checked against both oracles: inner indices
   past a row's ends (`g[r][c - 1]` at c = 0 and `g[r][c + 1]` at c = W - 1 of `double (*)[W]`, the
   same in `double (*)[J][I]` and in VLA rows: outside the inner array in ISO C, which UBSan
   reports, the flat address in every compiler, as lazy stencils write it), views made inside the
   task from an offset (`(double (*)[4])(a + 8)` indexed at `r[i - 1]`); records with padding,
   `long double`, bit-fields, a loop skipping one element and two half-loops (none may be claimed
   dense); two and three tasks at once writing interleaved elements of one array (evens and odds;
   every third from 0, 1, 2); a task swapping its own parameter pointers (Jacobi's double buffer,
   directly and through `swap_ptr(&src, &dst)`), advancing one (`a += k`, `bump(&a, k)`) or
   replacing it by another (`if (useb) a = b`); and library shapes: memmove shifts right and left,
   memcpy into a local from a parameter (`memcpy(&u, a + i, 8)`), 4 bytes into each double, memset
   of a struct's array field from `lo`, and memcpy of rows from `src + 1`. The program prints one
   line per part. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- inner ---- */
#define W 4
void row_stencil(double (*g)[W], double (*o)[W], int lo, int hi) {
  for (int r = lo; r < hi; r++)
    for (int c = 0; c < W; c++) o[r][c] = g[r][c - 1] + g[r][c + 1];
}
void vla_stencil(int m, double g[][m], double o[][m], int lo, int hi) {
  for (int r = lo; r < hi; r++)
    for (int c = 0; c < m; c++) o[r][c] = g[r][c - 1] + g[r][c + 1];
}
#define J 3
#define I 4
void cube_back(double (*u)[J][I], double (*o)[J][I], int k0, int k1) {
  for (int k = k0; k < k1; k++)
    for (int j = 0; j < J; j++)
      for (int i = 0; i < I; i++) o[k][j][i] = u[k][j][i - 1] + u[k][j][i + 1];
}
void cube_vla(int nj, int ni, double u[][nj][ni], double o[][nj][ni], int k0, int k1) {
  for (int k = k0; k < k1; k++)
    for (int j = 0; j < nj; j++)
      for (int i = 0; i < ni; i++) o[k][j][i] = u[k][j][i - 1] * 2 + u[k][j - 1][i + 1];
}
void neg_view(double *a, int rows) {
  double (*r)[4] = (double (*)[4])(a + 8);
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < 4; j++) r[i - 1][j] += 1;
}
void off_view(double *a, int off, int rows) {
  double (*r)[4] = (double (*)[4])(a + off);
  for (int i = 0; i < rows; i++) r[i][3] = i;
}
static void part_inner(void) {
  double checksum = 0;
  double *g = malloc(sizeof(double) * 6 * W), *o = calloc(6 * W, sizeof(double));
  for (int i = 0; i < 6 * W; i++) g[i] = i;
#pragma dosc task
  row_stencil((double (*)[W])g, (double (*)[W])o, 1, 3);
#pragma dosc task
  row_stencil((double (*)[W])g, (double (*)[W])o, 3, 5);
#pragma dosc taskwait
  for (int i = 0; i < 6 * W; i++) checksum += o[i] * (i + 1);
  int m = 5;
  double *g2 = malloc(sizeof(double) * 6 * m), *o2 = calloc(6 * m, sizeof(double));
  for (int i = 0; i < 6 * m; i++) g2[i] = i * 0.5;
#pragma dosc task
  vla_stencil(m, (double (*)[m])g2, (double (*)[m])o2, 1, 3);
#pragma dosc task
  vla_stencil(m, (double (*)[m])g2, (double (*)[m])o2, 3, 5);
#pragma dosc taskwait
  for (int i = 0; i < 6 * m; i++) checksum += o2[i] * (i + 1);
  double *u = malloc(sizeof(double) * 5 * J * I), *uo = calloc(5 * J * I, sizeof(double));
  for (int i = 0; i < 5 * J * I; i++) u[i] = i % 7;
#pragma dosc task
  cube_back((double (*)[J][I])u, (double (*)[J][I])uo, 1, 2);
#pragma dosc task
  cube_back((double (*)[J][I])u, (double (*)[J][I])uo, 2, 4);
#pragma dosc taskwait
  for (int i = 0; i < 5 * J * I; i++) checksum += uo[i] * (i + 1);
  int nj = 3, ni = 3;
  double *v = malloc(sizeof(double) * 5 * nj * ni), *vo = calloc(5 * nj * ni, sizeof(double));
  for (int i = 0; i < 5 * nj * ni; i++) v[i] = i % 5;
#pragma dosc task
  cube_vla(nj, ni, (double (*)[nj][ni])v, (double (*)[nj][ni])vo, 1, 2);
#pragma dosc task
  cube_vla(nj, ni, (double (*)[nj][ni])v, (double (*)[nj][ni])vo, 2, 4);
#pragma dosc taskwait
  for (int i = 0; i < 5 * nj * ni; i++) checksum += vo[i] * (i + 1);
  double *a = calloc(24, sizeof(double));
#pragma dosc task
  neg_view(a, 3);
#pragma dosc taskwait
#pragma dosc task
  off_view(a, 5, 3);
#pragma dosc taskwait
  for (int i = 0; i < 24; i++) checksum += a[i] * (i + 1);
  printf("checksum %.6f\n", checksum);
}

/* ---- dense ---- */
struct rec { char c; double d; };
void fill_rec(struct rec *r, int n) {
  for (int i = 0; i < n; i++) { r[i].c = (char)i; r[i].d = i * 0.5; }
}
void fill_rec_whole(struct rec *r, int n) {
  for (int i = 0; i < n; i++) r[i] = (struct rec){(char)i, i * 0.25};
}
void fill_ld(long double *y, int n) {
  for (int i = 0; i < n; i++) y[i] = i;
}
struct bits { unsigned a : 3, b : 5; };
void fill_bits(struct bits *b, int n) {
  for (int i = 0; i < n; i++) { b[i].a = i & 7; b[i].b = i & 31; }
}
void fill_skip(int *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (i == lo + 1) continue;
    a[i] = i;
  }
}
void fill_two_halves(int *a, int n) {
  for (int i = 0; i < n / 2; i++) a[i] = 1;
  for (int i = n / 2 + 1; i < n; i++) a[i] = 2;
}
static void part_dense(void) {
  struct rec *r = calloc(8, sizeof *r);
  long double *y = calloc(6, sizeof *y);
  struct bits *b = calloc(5, sizeof *b);
  int a[12] = {0}, h[9] = {0};
#pragma dosc task
  fill_rec(r, 4);
#pragma dosc task
  fill_rec_whole(r + 4, 4);
#pragma dosc task
  fill_ld(y, 6);
#pragma dosc task
  fill_bits(b, 5);
#pragma dosc task
  fill_skip(a, 2, 9);
#pragma dosc task
  fill_two_halves(h, 9);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 8; i++) s += r[i].c + r[i].d;
  for (int i = 0; i < 6; i++) s += (double)y[i];
  for (int i = 0; i < 5; i++) s += b[i].a + b[i].b * 3;
  for (int i = 0; i < 12; i++) s += a[i] * (i + 1);
  for (int i = 0; i < 9; i++) s += h[i] * (i + 1);
  printf("%.2f\n", s);
}

/* ---- inter ---- */
void every_other(double *a, int n, int phase, double v) {
  for (int i = phase; i < n; i += 2) a[i] = v + i;
}
void same_value_holes(int *a, int n, int phase) {
  for (int i = phase; i < n; i += 3) a[i] += 1;
}
static void part_inter(void) {
  double a[40];
  int b[30];
  for (int i = 0; i < 40; i++) a[i] = -1;
  for (int i = 0; i < 30; i++) b[i] = i;
  for (int r = 0; r < 3; r++) {
#pragma dosc task
    every_other(a, 40, 0, 100 * r);
#pragma dosc task
    every_other(a, 40, 1, 1000 * r);
#pragma dosc task
    same_value_holes(b, 30, 0);
#pragma dosc task
    same_value_holes(b, 30, 1);
#pragma dosc task
    same_value_holes(b, 30, 2);
#pragma dosc taskwait
  }
  double s = 0;
  for (int i = 0; i < 40; i++) s += a[i] * (i + 1);
  for (int i = 0; i < 30; i++) s += b[i] * (i + 1);
  printf("%.1f\n", s);
}

/* ---- swap ---- */
static void relax(const double *src, double *dst, int n) {
  for (int i = 1; i < n - 1; i++) dst[i] = 0.5 * (src[i - 1] + src[i + 1]);
  dst[0] = src[0];
  dst[n - 1] = src[n - 1];
}
void jacobi_swap(double *src, double *dst, int n, int iters) {
  for (int it = 0; it < iters; it++) {
    relax(src, dst, n);
    double *t = src;
    src = dst;
    dst = t;
  }
}
static void swap_ptr(double **x, double **y) {
  double *t = *x;
  *x = *y;
  *y = t;
}
void jacobi_swap_helper(double *src, double *dst, int n, int iters) {
  for (int it = 0; it < iters; it++) {
    relax(src, dst, n);
    swap_ptr(&src, &dst);
  }
}
void advance_param(double *a, int n, int k) {
  a += k;
  for (int i = 0; i < n; i++) a[i] *= 2;
}
void cond_param(double *a, double *b, int n, int useb) {
  if (useb) a = b;
  for (int i = 0; i < n; i++) a[i] += 1;
}
static void bump(double **pp, int k) { *pp += k; }
void bump_param(double *a, int n, int k) {
  bump(&a, k);
  for (int i = 0; i < n; i++) a[i] = -a[i];
}
static void part_swap(void) {
  double s = 0;
  double *x = malloc(sizeof(double) * 10), *y = calloc(10, sizeof(double));
  double *u = malloc(sizeof(double) * 10), *v = calloc(10, sizeof(double));
  for (int i = 0; i < 10; i++) x[i] = u[i] = i * i;
#pragma dosc task
  jacobi_swap(x, y, 10, 3);
#pragma dosc task
  jacobi_swap_helper(u, v, 10, 3);
#pragma dosc taskwait
  for (int i = 0; i < 10; i++) s += x[i] * (i + 1) + y[i] * 3 + u[i] * 5 + v[i] * 7;
  double *a = malloc(sizeof(double) * 20), *b = malloc(sizeof(double) * 20);
  for (int i = 0; i < 20; i++) a[i] = i, b[i] = 20 - i;
#pragma dosc task
  advance_param(a, 5, 10);
#pragma dosc task
  cond_param(a, b, 6, 1);
#pragma dosc taskwait
#pragma dosc task
  bump_param(a, 4, 3);
#pragma dosc taskwait
  for (int i = 0; i < 20; i++) s += a[i] * (i + 1) + b[i] * 2;
  printf("%.3f\n", s);
}

/* ---- lib ---- */
void shift_right(double *a, int n) { memmove(a + 1, a, (size_t)(n - 1) * sizeof *a); a[0] = 0; }
void shift_left(int *a, int lo, int hi) { memmove(&a[lo], &a[lo + 1], (size_t)(hi - lo - 1) * sizeof(int)); }
uint64_t bits_sum(const double *a, int n) {
  uint64_t s = 0;
  for (int i = 0; i < n; i++) { uint64_t u; memcpy(&u, a + i, sizeof u); s += u >> 40; }
  return s;
}
void put_float_bits(double *a, int n, float v) {
  for (int i = 0; i < n; i++) memcpy(a + i, &v, sizeof v);
}
struct arr { int n; double v[16]; };
void clear_range(struct arr *s, int lo, int hi) { memset(&s->v[lo], 0, (size_t)(hi - lo) * sizeof(double)); }
void copy_rows(double *dst, const double *src, int ld, int r0, int r1, int w) {
  for (int r = r0; r < r1; r++) memcpy(dst + (size_t)r * ld, src + (size_t)r * ld + 1, (size_t)w * sizeof *dst);
}
static void part_lib(void) {
  double a[10]; int b[12]; double c[12] = {0};
  for (int i = 0; i < 10; i++) a[i] = i + 0.5;
  for (int i = 0; i < 12; i++) b[i] = i * 3;
  struct arr s = {16, {0}};
  for (int i = 0; i < 16; i++) s.v[i] = i;
  double m[30], d[30] = {0};
  for (int i = 0; i < 30; i++) m[i] = i;
  uint64_t bs;
#pragma dosc task
  shift_right(a, 7);
#pragma dosc task
  shift_left(b, 2, 9);
#pragma dosc taskwait
#pragma dosc task
  bs = bits_sum(a, 10);
#pragma dosc task
  put_float_bits(c + 2, 5, 1.5f);
#pragma dosc task
  clear_range(&s, 3, 11);
#pragma dosc task
  copy_rows(d, m, 6, 1, 4, 5);
#pragma dosc taskwait
  double t = (double)(bs % 100000);
  for (int i = 0; i < 10; i++) t += a[i] * (i + 1);
  for (int i = 0; i < 12; i++) t += b[i] * (i + 1) + c[i] * 1e30;
  for (int i = 0; i < 16; i++) t += s.v[i] * (i + 1);
  for (int i = 0; i < 30; i++) t += d[i] * (i + 1);
  printf("%.6g\n", t);
}

int main(void) {
  part_inner();
  part_dense();
  part_inter();
  part_swap();
  part_lib();
  return 0;
}
