/* Himeno and SPEC lbm as tasks (branch unseen9), the access shapes kept and the code written
   anew. Himeno's Jacobi over 3-D arrays given as pointers to 2-D arrays (`float (*p)[MJ][MK]`)
   and its four- and three-coefficient arrays as pointers to 3-D arrays (`float (*a)[MI][MJ][MK]`,
   `a[3][i][j][k]`), split into i-slabs that read one plane either side and return their residual,
   then the copy-back; the dynamic Himeno's `Matrix` struct holding its data pointer, indexed by a
   four-index macro through `mt->m[...]`. lbm's D3Q19 grid: 20 doubles a cell, indexed through
   CALC_INDEX macros relative to a sweep index `i` that steps by N_CELL_ENTRIES, a margin of two
   planes either side of the pointer (neighbours at negative offsets), the flag word read through
   `*(unsigned int *)(void *)&g[...]`, stream-collide pushing to 18 neighbours in the destination
   grid per z-slab (slabs' written footprints overlap, each element written by one slab), and the
   obstacle flags set by a task. The program prints a checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- Himeno, static sizes ---- */
#define MI 9
#define MJ 7
#define MK 6

float jacobi_slab(float (*p)[MJ][MK], float (*a)[MI][MJ][MK], float (*b)[MI][MJ][MK],
                  float (*c)[MI][MJ][MK], float (*wrk1)[MJ][MK], float (*bnd)[MJ][MK],
                  float (*wrk2)[MJ][MK], int i0, int i1, float omega) {
  float gosa = 0.0f;
  for (int i = i0; i < i1; i++)
    for (int j = 1; j < MJ - 1; j++)
      for (int k = 1; k < MK - 1; k++) {
        float s0 = a[0][i][j][k] * p[i + 1][j][k] + a[1][i][j][k] * p[i][j + 1][k] +
                   a[2][i][j][k] * p[i][j][k + 1] +
                   b[0][i][j][k] * (p[i + 1][j + 1][k] - p[i + 1][j - 1][k] -
                                    p[i - 1][j + 1][k] + p[i - 1][j - 1][k]) +
                   b[1][i][j][k] * (p[i][j + 1][k + 1] - p[i][j - 1][k + 1] -
                                    p[i][j + 1][k - 1] + p[i][j - 1][k - 1]) +
                   b[2][i][j][k] * (p[i + 1][j][k + 1] - p[i - 1][j][k + 1] -
                                    p[i + 1][j][k - 1] + p[i - 1][j][k - 1]) +
                   c[0][i][j][k] * p[i - 1][j][k] + c[1][i][j][k] * p[i][j - 1][k] +
                   c[2][i][j][k] * p[i][j][k - 1] + wrk1[i][j][k];
        float ss = (s0 * a[3][i][j][k] - p[i][j][k]) * bnd[i][j][k];
        gosa += ss * ss;
        wrk2[i][j][k] = p[i][j][k] + omega * ss;
      }
  return gosa;
}

void copy_back(float (*p)[MJ][MK], float (*wrk2)[MJ][MK], int i0, int i1) {
  for (int i = i0; i < i1; i++)
    for (int j = 1; j < MJ - 1; j++)
      for (int k = 1; k < MK - 1; k++) p[i][j][k] = wrk2[i][j][k];
}

/* ---- Himeno, dynamic: the Matrix struct ---- */
typedef struct {
  float *m;
  int mnums, mrows, mcols, mdeps;
} Matrix;
#define MR(mt, n, r, c, d) \
  mt->m[(n) * mt->mrows * mt->mcols * mt->mdeps + (r) * mt->mcols * mt->mdeps + (c) * mt->mdeps + (d)]

void mat_set(Matrix *mat, int l, float val) {
  for (int i = 0; i < mat->mrows; i++)
    for (int j = 0; j < mat->mcols; j++)
      for (int k = 0; k < mat->mdeps; k++) MR(mat, l, i, j, k) = val;
}

void mat_init_p(Matrix *mat, int i0, int i1) {
  for (int i = i0; i < i1; i++)
    for (int j = 0; j < mat->mcols; j++)
      for (int k = 0; k < mat->mdeps; k++)
        MR(mat, 0, i, j, k) = (float)(i * i) / (float)((mat->mrows - 1) * (mat->mrows - 1));
}

/* ---- lbm ---- */
#define SIZE_X 5
#define SIZE_Y 4
#define SIZE_Z 6
typedef enum { C = 0, N, S, E, W, T, B, NE, NW, SE, SW, NT, NB, ST, SB, ET, EB, WT, WB, FLAGS, N_CELL_ENTRIES } CELL_ENTRIES;
#define CALC_INDEX(x, y, z, e) ((e) + N_CELL_ENTRIES * ((x) + (y) * SIZE_X + (z) * SIZE_X * SIZE_Y))
#define MARGIN (2 * SIZE_X * SIZE_Y * N_CELL_ENTRIES)
#define GRID_SIZE (SIZE_Z * SIZE_X * SIZE_Y * N_CELL_ENTRIES)
#define SWEEP_VAR int i;
#define SWEEP_START(x1, y1, z1, x2, y2, z2) \
  for (i = CALC_INDEX(x1, y1, z1, 0); i < CALC_INDEX(x2, y2, z2, 0); i += N_CELL_ENTRIES) {
#define SWEEP_END }
#define SWEEP_X ((i / N_CELL_ENTRIES) % SIZE_X)
#define SWEEP_Y (((i / N_CELL_ENTRIES) / SIZE_X) % SIZE_Y)
#define SWEEP_Z ((i / N_CELL_ENTRIES) / (SIZE_X * SIZE_Y))
#define GRID_ENTRY_SWEEP(g, dx, dy, dz, e) ((g)[CALC_INDEX(dx, dy, dz, e) + (i)])
#define LOCAL(g, e) (GRID_ENTRY_SWEEP(g, 0, 0, 0, e))
#define NEIGHBOR_N(g, e) (GRID_ENTRY_SWEEP(g, 0, +1, 0, e))
#define NEIGHBOR_S(g, e) (GRID_ENTRY_SWEEP(g, 0, -1, 0, e))
#define NEIGHBOR_E(g, e) (GRID_ENTRY_SWEEP(g, +1, 0, 0, e))
#define NEIGHBOR_W(g, e) (GRID_ENTRY_SWEEP(g, -1, 0, 0, e))
#define NEIGHBOR_T(g, e) (GRID_ENTRY_SWEEP(g, 0, 0, +1, e))
#define NEIGHBOR_B(g, e) (GRID_ENTRY_SWEEP(g, 0, 0, -1, e))
#define NEIGHBOR_NE(g, e) (GRID_ENTRY_SWEEP(g, +1, +1, 0, e))
#define NEIGHBOR_NW(g, e) (GRID_ENTRY_SWEEP(g, -1, +1, 0, e))
#define NEIGHBOR_SE(g, e) (GRID_ENTRY_SWEEP(g, +1, -1, 0, e))
#define NEIGHBOR_SW(g, e) (GRID_ENTRY_SWEEP(g, -1, -1, 0, e))
#define NEIGHBOR_NT(g, e) (GRID_ENTRY_SWEEP(g, 0, +1, +1, e))
#define NEIGHBOR_NB(g, e) (GRID_ENTRY_SWEEP(g, 0, +1, -1, e))
#define NEIGHBOR_ST(g, e) (GRID_ENTRY_SWEEP(g, 0, -1, +1, e))
#define NEIGHBOR_SB(g, e) (GRID_ENTRY_SWEEP(g, 0, -1, -1, e))
#define NEIGHBOR_ET(g, e) (GRID_ENTRY_SWEEP(g, +1, 0, +1, e))
#define NEIGHBOR_EB(g, e) (GRID_ENTRY_SWEEP(g, +1, 0, -1, e))
#define NEIGHBOR_WT(g, e) (GRID_ENTRY_SWEEP(g, -1, 0, +1, e))
#define NEIGHBOR_WB(g, e) (GRID_ENTRY_SWEEP(g, -1, 0, -1, e))
#define MAGIC_CAST(v) ((unsigned int *)((void *)(&(v))))
#define FLAG_VAR(v) unsigned int *const _aux_ = MAGIC_CAST(v)
#define TEST_FLAG_SWEEP(g, f) ((*MAGIC_CAST(LOCAL(g, FLAGS))) & (f))
#define SET_FLAG(g, x, y, z, f) \
  { \
    FLAG_VAR(g[CALC_INDEX(x, y, z, FLAGS)]); \
    (*_aux_) |= (f); \
  }
#define OBSTACLE (1 << 0)
#define ACCEL (1 << 1)
#define DFL1 (1.0 / 3.0)
#define DFL2 (1.0 / 18.0)
#define DFL3 (1.0 / 36.0)
#define OMEGA 1.95

void lbm_init(double *grid, int z0, int z1) {
  SWEEP_VAR
  SWEEP_START(0, 0, z0, 0, 0, z1)
  LOCAL(grid, C) = DFL1;
  LOCAL(grid, N) = DFL2 * (1 + SWEEP_X * 0.01);
  LOCAL(grid, S) = DFL2;
  LOCAL(grid, E) = DFL2 * (1 + SWEEP_Y * 0.02);
  LOCAL(grid, W) = DFL2;
  LOCAL(grid, T) = DFL2 * (1 + SWEEP_Z * 0.01);
  LOCAL(grid, B) = DFL2;
  LOCAL(grid, NE) = DFL3;
  LOCAL(grid, NW) = DFL3;
  LOCAL(grid, SE) = DFL3;
  LOCAL(grid, SW) = DFL3;
  LOCAL(grid, NT) = DFL3;
  LOCAL(grid, NB) = DFL3;
  LOCAL(grid, ST) = DFL3;
  LOCAL(grid, SB) = DFL3;
  LOCAL(grid, ET) = DFL3;
  LOCAL(grid, EB) = DFL3;
  LOCAL(grid, WT) = DFL3;
  LOCAL(grid, WB) = DFL3;
  {
    FLAG_VAR(LOCAL(grid, FLAGS));
    *_aux_ = 0;
  }
  SWEEP_END
}

void lbm_obstacles(double *grid, int z0, int z1) {
  for (int z = z0; z < z1; z++)
    for (int y = 0; y < SIZE_Y; y++)
      for (int x = 0; x < SIZE_X; x++) {
        if (x == 0 || x == SIZE_X - 1 || y == 0 || y == SIZE_Y - 1 || z == 0 || z == SIZE_Z - 1)
          SET_FLAG(grid, x, y, z, OBSTACLE)
        else if ((z == 1 || z == SIZE_Z - 2) && x > 1)
          SET_FLAG(grid, x, y, z, ACCEL)
      }
}

void lbm_stream_collide(const double *src, double *dst, int z0, int z1) {
  SWEEP_VAR
  double ux, uy, uz, u2, rho;
  SWEEP_START(0, 0, z0, 0, 0, z1)
  if (TEST_FLAG_SWEEP(src, OBSTACLE)) {
    LOCAL(dst, C) = LOCAL(src, C);
    NEIGHBOR_S(dst, S) = LOCAL(src, N);
    NEIGHBOR_N(dst, N) = LOCAL(src, S);
    NEIGHBOR_W(dst, W) = LOCAL(src, E);
    NEIGHBOR_E(dst, E) = LOCAL(src, W);
    NEIGHBOR_B(dst, B) = LOCAL(src, T);
    NEIGHBOR_T(dst, T) = LOCAL(src, B);
    NEIGHBOR_SW(dst, SW) = LOCAL(src, NE);
    NEIGHBOR_SE(dst, SE) = LOCAL(src, NW);
    NEIGHBOR_NW(dst, NW) = LOCAL(src, SE);
    NEIGHBOR_NE(dst, NE) = LOCAL(src, SW);
    NEIGHBOR_SB(dst, SB) = LOCAL(src, NT);
    NEIGHBOR_ST(dst, ST) = LOCAL(src, NB);
    NEIGHBOR_NB(dst, NB) = LOCAL(src, ST);
    NEIGHBOR_NT(dst, NT) = LOCAL(src, SB);
    NEIGHBOR_WB(dst, WB) = LOCAL(src, ET);
    NEIGHBOR_WT(dst, WT) = LOCAL(src, EB);
    NEIGHBOR_EB(dst, EB) = LOCAL(src, WT);
    NEIGHBOR_ET(dst, ET) = LOCAL(src, WB);
    continue;
  }
  rho = +LOCAL(src, C) + LOCAL(src, N) + LOCAL(src, S) + LOCAL(src, E) + LOCAL(src, W) +
        LOCAL(src, T) + LOCAL(src, B) + LOCAL(src, NE) + LOCAL(src, NW) + LOCAL(src, SE) +
        LOCAL(src, SW) + LOCAL(src, NT) + LOCAL(src, NB) + LOCAL(src, ST) + LOCAL(src, SB) +
        LOCAL(src, ET) + LOCAL(src, EB) + LOCAL(src, WT) + LOCAL(src, WB);
  ux = +LOCAL(src, E) - LOCAL(src, W) + LOCAL(src, NE) - LOCAL(src, NW) + LOCAL(src, SE) -
       LOCAL(src, SW) + LOCAL(src, ET) + LOCAL(src, EB) - LOCAL(src, WT) - LOCAL(src, WB);
  uy = +LOCAL(src, N) - LOCAL(src, S) + LOCAL(src, NE) + LOCAL(src, NW) - LOCAL(src, SE) -
       LOCAL(src, SW) + LOCAL(src, NT) + LOCAL(src, NB) - LOCAL(src, ST) - LOCAL(src, SB);
  uz = +LOCAL(src, T) - LOCAL(src, B) + LOCAL(src, NT) - LOCAL(src, NB) + LOCAL(src, ST) -
       LOCAL(src, SB) + LOCAL(src, ET) - LOCAL(src, EB) + LOCAL(src, WT) - LOCAL(src, WB);
  ux /= rho;
  uy /= rho;
  uz /= rho;
  if (TEST_FLAG_SWEEP(src, ACCEL)) {
    ux = 0.005;
    uy = 0.002;
    uz = 0.0;
  }
  u2 = 1.5 * (ux * ux + uy * uy + uz * uz);
  LOCAL(dst, C) = (1.0 - OMEGA) * LOCAL(src, C) + DFL1 * OMEGA * rho * (1.0 - u2);
  NEIGHBOR_N(dst, N) = (1.0 - OMEGA) * LOCAL(src, N) + DFL2 * OMEGA * rho * (1.0 + uy * (4.5 * uy + 3.0) - u2);
  NEIGHBOR_S(dst, S) = (1.0 - OMEGA) * LOCAL(src, S) + DFL2 * OMEGA * rho * (1.0 + uy * (4.5 * uy - 3.0) - u2);
  NEIGHBOR_E(dst, E) = (1.0 - OMEGA) * LOCAL(src, E) + DFL2 * OMEGA * rho * (1.0 + ux * (4.5 * ux + 3.0) - u2);
  NEIGHBOR_W(dst, W) = (1.0 - OMEGA) * LOCAL(src, W) + DFL2 * OMEGA * rho * (1.0 + ux * (4.5 * ux - 3.0) - u2);
  NEIGHBOR_T(dst, T) = (1.0 - OMEGA) * LOCAL(src, T) + DFL2 * OMEGA * rho * (1.0 + uz * (4.5 * uz + 3.0) - u2);
  NEIGHBOR_B(dst, B) = (1.0 - OMEGA) * LOCAL(src, B) + DFL2 * OMEGA * rho * (1.0 + uz * (4.5 * uz - 3.0) - u2);
  NEIGHBOR_NE(dst, NE) = (1.0 - OMEGA) * LOCAL(src, NE) + DFL3 * OMEGA * rho * (1.0 + (+ux + uy) * (4.5 * (+ux + uy) + 3.0) - u2);
  NEIGHBOR_NW(dst, NW) = (1.0 - OMEGA) * LOCAL(src, NW) + DFL3 * OMEGA * rho * (1.0 + (-ux + uy) * (4.5 * (-ux + uy) + 3.0) - u2);
  NEIGHBOR_SE(dst, SE) = (1.0 - OMEGA) * LOCAL(src, SE) + DFL3 * OMEGA * rho * (1.0 + (+ux - uy) * (4.5 * (+ux - uy) + 3.0) - u2);
  NEIGHBOR_SW(dst, SW) = (1.0 - OMEGA) * LOCAL(src, SW) + DFL3 * OMEGA * rho * (1.0 + (-ux - uy) * (4.5 * (-ux - uy) + 3.0) - u2);
  NEIGHBOR_NT(dst, NT) = (1.0 - OMEGA) * LOCAL(src, NT) + DFL3 * OMEGA * rho * (1.0 + (+uy + uz) * (4.5 * (+uy + uz) + 3.0) - u2);
  NEIGHBOR_NB(dst, NB) = (1.0 - OMEGA) * LOCAL(src, NB) + DFL3 * OMEGA * rho * (1.0 + (+uy - uz) * (4.5 * (+uy - uz) + 3.0) - u2);
  NEIGHBOR_ST(dst, ST) = (1.0 - OMEGA) * LOCAL(src, ST) + DFL3 * OMEGA * rho * (1.0 + (-uy + uz) * (4.5 * (-uy + uz) + 3.0) - u2);
  NEIGHBOR_SB(dst, SB) = (1.0 - OMEGA) * LOCAL(src, SB) + DFL3 * OMEGA * rho * (1.0 + (-uy - uz) * (4.5 * (-uy - uz) + 3.0) - u2);
  NEIGHBOR_ET(dst, ET) = (1.0 - OMEGA) * LOCAL(src, ET) + DFL3 * OMEGA * rho * (1.0 + (+ux + uz) * (4.5 * (+ux + uz) + 3.0) - u2);
  NEIGHBOR_EB(dst, EB) = (1.0 - OMEGA) * LOCAL(src, EB) + DFL3 * OMEGA * rho * (1.0 + (+ux - uz) * (4.5 * (+ux - uz) + 3.0) - u2);
  NEIGHBOR_WT(dst, WT) = (1.0 - OMEGA) * LOCAL(src, WT) + DFL3 * OMEGA * rho * (1.0 + (-ux + uz) * (4.5 * (-ux + uz) + 3.0) - u2);
  NEIGHBOR_WB(dst, WB) = (1.0 - OMEGA) * LOCAL(src, WB) + DFL3 * OMEGA * rho * (1.0 + (-ux - uz) * (4.5 * (-ux - uz) + 3.0) - u2);
  SWEEP_END
}

/* Copies the flag words from one grid to the other (the real code's handleInOutFlow-like pass). */
void lbm_copy_flags(const double *src, double *dst, int z0, int z1) {
  SWEEP_VAR
  SWEEP_START(0, 0, z0, 0, 0, z1)
  *MAGIC_CAST(LOCAL(dst, FLAGS)) = *MAGIC_CAST(LOCAL(src, FLAGS));
  SWEEP_END
}

double lbm_density(const double *grid, int z0, int z1) {
  SWEEP_VAR
  double rho = 0;
  SWEEP_START(0, 0, z0, 0, 0, z1)
  if (TEST_FLAG_SWEEP(grid, OBSTACLE)) continue;
  for (int e = C; e < FLAGS; e++) rho += GRID_ENTRY_SWEEP(grid, 0, 0, 0, e) * (1 + e % 3);
  SWEEP_END
  return rho;
}

int main(void) {
  double checksum = 0;

  /* Himeno, static: 3 slabs of the interior [1, MI-1). */
  float (*p)[MJ][MK] = calloc(MI, sizeof *p);
  float (*wrk1)[MJ][MK] = calloc(MI, sizeof *wrk1);
  float (*wrk2)[MJ][MK] = calloc(MI, sizeof *wrk2);
  float (*bnd)[MJ][MK] = calloc(MI, sizeof *bnd);
  float (*a)[MI][MJ][MK] = calloc(4, sizeof *a);
  float (*b)[MI][MJ][MK] = calloc(3, sizeof *b);
  float (*c)[MI][MJ][MK] = calloc(3, sizeof *c);
  for (int i = 0; i < MI; i++)
    for (int j = 0; j < MJ; j++)
      for (int k = 0; k < MK; k++) {
        for (int l = 0; l < 3; l++) a[l][i][j][k] = 1.0f, b[l][i][j][k] = 0.0f, c[l][i][j][k] = 1.0f;
        a[3][i][j][k] = 1.0f / 6.0f;
        p[i][j][k] = (float)(i * i) / (float)((MI - 1) * (MI - 1));
        bnd[i][j][k] = 1.0f;
      }
  float gosa[3];
  int cuts[4] = {1, 3, 6, MI - 1};
  for (int it = 0; it < 3; it++) {
    for (int s = 0; s < 3; s++) {
#pragma dosc task
      gosa[s] = jacobi_slab(p, a, b, c, wrk1, bnd, wrk2, cuts[s], cuts[s + 1], 0.8f);
    }
#pragma dosc taskwait
    for (int s = 0; s < 3; s++) {
#pragma dosc task
      copy_back(p, wrk2, cuts[s], cuts[s + 1]);
    }
#pragma dosc taskwait
    checksum += gosa[0] + gosa[1] + gosa[2];
  }
  for (int i = 0; i < MI; i++)
    for (int j = 0; j < MJ; j++)
      for (int k = 0; k < MK; k++) checksum += p[i][j][k] * (1 + (i + j + k) % 4);

  /* Himeno, dynamic Matrix. */
  Matrix mp = {malloc(sizeof(float) * 2 * 5 * 4 * 3), 2, 5, 4, 3};
#pragma dosc task
  mat_set(&mp, 1, 0.5f);
#pragma dosc task
  mat_init_p(&mp, 0, 3);
#pragma dosc task
  mat_init_p(&mp, 3, 5);
#pragma dosc taskwait
  for (int i = 0; i < 2 * 5 * 4 * 3; i++) checksum += mp.m[i] * (i % 7);

  /* lbm: two grids with margins, 3 steps, z-slabs of 2, 3 and 1 planes. */
  double *g0 = calloc(GRID_SIZE + 2 * MARGIN, sizeof(double));
  double *g1 = calloc(GRID_SIZE + 2 * MARGIN, sizeof(double));
  double *src = g0 + MARGIN, *dst = g1 + MARGIN;
  int zc[4] = {0, 2, 5, SIZE_Z};
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    lbm_init(src, zc[s], zc[s + 1]);
#pragma dosc task
    lbm_init(dst, zc[s], zc[s + 1]);
  }
#pragma dosc taskwait
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    lbm_obstacles(src, zc[s], zc[s + 1]);
  }
#pragma dosc taskwait
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    lbm_copy_flags(src, dst, zc[s], zc[s + 1]);
  }
#pragma dosc taskwait
  for (int step = 0; step < 3; step++) {
    for (int s = 0; s < 3; s++) {
#pragma dosc task
      lbm_stream_collide(src, dst, zc[s], zc[s + 1]);
    }
#pragma dosc taskwait
    double *t = src;
    src = dst;
    dst = t;
  }
  double rho[3];
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    rho[s] = lbm_density(src, zc[s], zc[s + 1]);
  }
#pragma dosc taskwait
  checksum += rho[0] + 2 * rho[1] + 3 * rho[2];
  for (int k = 0; k < GRID_SIZE + 2 * MARGIN; k += 7) checksum += g0[k] + 0.5 * g1[k];

  printf("checksum %.6f\n", checksum);
  free(p), free(wrk1), free(wrk2), free(bnd), free(a), free(b), free(c), free(mp.m), free(g0), free(g1);
  return 0;
}
