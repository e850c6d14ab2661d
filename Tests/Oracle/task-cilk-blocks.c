/* Cilk-5 lu / cholesky shapes: a matrix of fixed-size blocks (`typedef double Block[B][B]`),
   tasks given `Block *` pointers picked by a macro, 3-D arrays, a struct passed by value that
   carries a whole block, long double and _Bool elements, and a task with many parameters. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#define B 4
typedef double Block[B][B];
#define BLK(m, nb, r, c) ((m) + (r) * (nb) + (c))

struct tile {
  double v[B][B];
  int row, col;
};

/* lu of one diagonal block, in place, no pivoting. */
void block_lu(Block *a) {
  for (int k = 0; k < B; k++)
    for (int i = k + 1; i < B; i++) {
      (*a)[i][k] /= (*a)[k][k];
      for (int j = k + 1; j < B; j++) (*a)[i][j] -= (*a)[i][k] * (*a)[k][j];
    }
}

/* b := b - a * c for blocks. */
void block_schur(Block *b, const Block *a, const Block *c) {
  for (int i = 0; i < B; i++)
    for (int j = 0; j < B; j++)
      for (int k = 0; k < B; k++) b[0][i][j] -= a[0][i][k] * c[0][k][j];
}

/* A row of blocks [lo, hi) scaled: Block elements indexed like an array. */
void scale_blocks(Block *row, int lo, int hi, double f) {
  for (int b = lo; b < hi; b++)
    for (int i = 0; i < B; i++)
      for (int j = 0; j < B; j++) row[b][i][j] *= f;
}

/* A 3-D array's planes [lo, hi). */
void planes(double (*v)[3][5], int lo, int hi) {
  for (int p = lo; p < hi; p++)
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 5; j++) v[p][i][j] = p * 100 + i * 10 + j;
}

/* A struct by value that carries a block; its sum returned. */
double tile_sum(struct tile t) {
  double s = 0;
  for (int i = 0; i < B; i++)
    for (int j = 0; j < B; j++) s += t.v[i][j] * (t.row + 1) + t.col;
  return s;
}

/* long double and _Bool elements. */
long double ld_sum(const long double *x, bool *flag, int n) {
  long double s = 0;
  for (int i = 0; i < n; i++) {
    s += x[i];
    flag[i] = x[i] > 1.5L;
  }
  return s;
}

/* Many parameters. */
void many(double *a0, double *a1, double *a2, double *a3, double *a4, double *a5, double *a6, double *a7,
          const double *b0, const double *b1, const double *b2, const double *b3, int n, int s0, int s1, int s2,
          int s3, int s4, int s5, int s6, int s7, char c, short h, float f, long l) {
  for (int i = 0; i < n; i++) {
    a0[i] = b0[i] + s0 + c;
    a1[i] = b1[i] + s1 + h;
    a2[i] = b2[i] + s2 + f;
    a3[i] = b3[i] + s3 + l;
    a4[i] = b0[i] * s4;
    a5[i] = b1[i] * s5;
    a6[i] = b2[i] * s6;
    a7[i] = b3[i] * s7;
  }
}

int main(void) {
  enum { NB = 3 };
  Block *m = malloc(sizeof(Block) * NB * NB);
  for (int r = 0; r < NB; r++)
    for (int c = 0; c < NB; c++)
      for (int i = 0; i < B; i++)
        for (int j = 0; j < B; j++) m[r * NB + c][i][j] = (r == c && i == j) ? 20.0 : ((r + 2 * c + i * j) % 5) + 1;
  for (int k = 0; k < NB; k++) {
#pragma dosc task
    block_lu(BLK(m, NB, k, k));
#pragma dosc taskwait
    for (int i = k + 1; i < NB; i++)
      for (int j = k + 1; j < NB; j++) {
#pragma dosc task
        block_schur(BLK(m, NB, i, j), BLK(m, NB, i, k), BLK(m, NB, k, j));
      }
#pragma dosc taskwait
  }
#pragma dosc task
  scale_blocks(m, 3, 7, 0.5);
#pragma dosc taskwait
  double s = 0;
  for (int b = 0; b < NB * NB; b++)
    for (int i = 0; i < B; i++)
      for (int j = 0; j < B; j++) s += m[b][i][j] * (b + i + j + 1);
  double (*v)[3][5] = calloc(6, sizeof *v);
#pragma dosc task
  planes(v, 2, 5);
  struct tile t = {{{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}}, 2, 3};
  double ts;
#pragma dosc task
  ts = tile_sum(t);
  long double x[6] = {0.5L, 1.0L, 1.75L, 2.5L, 0.25L, 3.0L};
  bool flag[6] = {0};
  long double ls;
#pragma dosc task
  ls = ld_sum(x, flag, 6);
  double a[8][5] = {{0}}, bb[4][5];
  for (int i = 0; i < 4; i++)
    for (int j = 0; j < 5; j++) bb[i][j] = i * 5 + j;
#pragma dosc task
  many(a[0], a[1], a[2], a[3], a[4], a[5], a[6], a[7], bb[0], bb[1], bb[2], bb[3], 5, 1, 2, 3, 4, 5, 6, 7, 8, 'a',
       300, 0.5f, 1L << 40);
#pragma dosc taskwait
  for (int p = 0; p < 6; p++)
    for (int i = 0; i < 3; i++)
      for (int j = 0; j < 5; j++) s += v[p][i][j] * (j + 1);
  for (int i = 0; i < 8; i++)
    for (int j = 0; j < 5; j++) s += a[i][j] * (i + 1);
  printf("checksum %.6f tile %.1f ld %.3Lf flags %d%d%d%d%d%d\n", s, ts, ls, flag[0], flag[1], flag[2], flag[3],
         flag[4], flag[5]);
  free(m), free(v);
  return 0;
}
