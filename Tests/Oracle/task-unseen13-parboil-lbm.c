/* Parboil's lbm (the SPEC CPU2006 470.lbm code of Thomas Pohl, adapted in Parboil by the IMPACT
   group, University of Illinois; Parboil licence, University of Illinois/NCSA open source) as
   dosc tasks (branch unseen13), from Parboil's benchmarks/lbm/src/omp_base (lbm.c, lbm.h,
   lbm_1d_array.h) as read in its CUDA sibling lbm_kernel.cu and SPEC's 470.lbm: the grid macros
   kept, the code written anew.
   - the D3Q19 grid as one float array of N_CELL_ENTRIES = 20 entries per cell (19 directions and
     a FLAGS word), CALC_INDEX(x, y, z, e) = e + N_CELL_ENTRIES * (x + y * SIZE_X + z * SIZE_X *
     SIZE_Y), allocated with a MARGIN of two z planes on either side and the pointer moved past
     the first margin (`*ptr += MARGIN`), so the push to z - 1 at z = 0 lands in the margin;
   - SWEEP_START(x1, y1, z1, x2, y2, z2) / SWEEP_END as a loop over i by N_CELL_ENTRIES, the
     SRC_N(g) / DST_SW(g) macros as GRID_ENTRY_SWEEP(g, dx, dy, dz, e) = g[CALC_INDEX(dx, dy, dz,
     e) + i], the flags read through MAGIC_CAST (`*(unsigned int *)(void *)&v`) and tested with
     TEST_FLAG_SWEEP;
   - LBM_initializeGrid as a task per grid, its sweep from z = -2 to SIZE_Z + 2 (the margins
     too: a footprint from 2 planes before the pointer it is given, every byte written);
   - performStreamCollide as a task per slab of z planes (every destination entry written by one
     source cell, so the slabs' stores are disjoint though their hulls overlap by a plane);
     handleInOutFlow's z = 0 and z = SIZE_Z - 1 planes, a task each; showGridStatistics' sums
     written through a pointer to a struct of the task's caller.
   The program prints the statistics after some time steps. */
#include <stdio.h>
#include <stdlib.h>

#define SIZE_X 6
#define SIZE_Y 5
#define SIZE_Z 8

typedef enum {
  C = 0,
  N,
  S,
  E,
  W,
  T,
  B,
  NE,
  NW,
  SE,
  SW,
  NT,
  NB,
  ST,
  SB,
  ET,
  EB,
  WT,
  WB,
  FLAGS,
  N_CELL_ENTRIES
} CELL_ENTRIES;
typedef enum { OBSTACLE = 1 << 0, ACCEL = 1 << 1, IN_OUT_FLOW = 1 << 2 } CELL_FLAGS;
typedef float LBM_Grid[SIZE_Z * SIZE_Y * SIZE_X * N_CELL_ENTRIES];
typedef LBM_Grid *LBM_GridPtr;

#define OMEGA (1.95f)
#define DFL1  (1.0f / 3.0f)
#define DFL2  (1.0f / 18.0f)
#define DFL3  (1.0f / 36.0f)

#define CALC_INDEX(x, y, z, e) ((e) + N_CELL_ENTRIES * ((x) + (y)*SIZE_X + (z)*SIZE_X * SIZE_Y))
#define MARGIN                 (CALC_INDEX(0, 0, 2, 0) - CALC_INDEX(0, 0, 0, 0))
#define SWEEP_VAR              int i;
#define SWEEP_START(x1, y1, z1, x2, y2, z2)                                                        \
  for (i = CALC_INDEX(x1, y1, z1, 0); i < CALC_INDEX(x2, y2, z2, 0); i += N_CELL_ENTRIES) {
#define SWEEP_END                          }
#define SWEEP_X                            ((i / N_CELL_ENTRIES) % SIZE_X)
#define SWEEP_Y                            (((i / N_CELL_ENTRIES) / SIZE_X) % SIZE_Y)
#define SWEEP_Z                            ((i / N_CELL_ENTRIES) / (SIZE_X * SIZE_Y))
#define GRID_ENTRY(g, x, y, z, e)          ((g)[CALC_INDEX(x, y, z, e)])
#define GRID_ENTRY_SWEEP(g, dx, dy, dz, e) ((g)[CALC_INDEX(dx, dy, dz, e) + (i)])
#define LOCAL(g, e)                        (GRID_ENTRY_SWEEP(g, 0, 0, 0, e))
#define MAGIC_CAST(v)                      ((unsigned int *)((void *)(&(v))))
#define TEST_FLAG_SWEEP(g, f)              ((*MAGIC_CAST(LOCAL(g, FLAGS))) & (f))
#define SET_FLAG(g, x, y, z, f)            ((*MAGIC_CAST(GRID_ENTRY(g, x, y, z, FLAGS))) |= (f))

#define SRC_C(g)  (LOCAL(g, C))
#define SRC_N(g)  (LOCAL(g, N))
#define SRC_S(g)  (LOCAL(g, S))
#define SRC_E(g)  (LOCAL(g, E))
#define SRC_W(g)  (LOCAL(g, W))
#define SRC_T(g)  (LOCAL(g, T))
#define SRC_B(g)  (LOCAL(g, B))
#define SRC_NE(g) (LOCAL(g, NE))
#define SRC_NW(g) (LOCAL(g, NW))
#define SRC_SE(g) (LOCAL(g, SE))
#define SRC_SW(g) (LOCAL(g, SW))
#define SRC_NT(g) (LOCAL(g, NT))
#define SRC_NB(g) (LOCAL(g, NB))
#define SRC_ST(g) (LOCAL(g, ST))
#define SRC_SB(g) (LOCAL(g, SB))
#define SRC_ET(g) (LOCAL(g, ET))
#define SRC_EB(g) (LOCAL(g, EB))
#define SRC_WT(g) (LOCAL(g, WT))
#define SRC_WB(g) (LOCAL(g, WB))
#define DST_C(g)  (GRID_ENTRY_SWEEP(g, 0, 0, 0, C))
#define DST_N(g)  (GRID_ENTRY_SWEEP(g, 0, 1, 0, N))
#define DST_S(g)  (GRID_ENTRY_SWEEP(g, 0, -1, 0, S))
#define DST_E(g)  (GRID_ENTRY_SWEEP(g, 1, 0, 0, E))
#define DST_W(g)  (GRID_ENTRY_SWEEP(g, -1, 0, 0, W))
#define DST_T(g)  (GRID_ENTRY_SWEEP(g, 0, 0, 1, T))
#define DST_B(g)  (GRID_ENTRY_SWEEP(g, 0, 0, -1, B))
#define DST_NE(g) (GRID_ENTRY_SWEEP(g, 1, 1, 0, NE))
#define DST_NW(g) (GRID_ENTRY_SWEEP(g, -1, 1, 0, NW))
#define DST_SE(g) (GRID_ENTRY_SWEEP(g, 1, -1, 0, SE))
#define DST_SW(g) (GRID_ENTRY_SWEEP(g, -1, -1, 0, SW))
#define DST_NT(g) (GRID_ENTRY_SWEEP(g, 0, 1, 1, NT))
#define DST_NB(g) (GRID_ENTRY_SWEEP(g, 0, 1, -1, NB))
#define DST_ST(g) (GRID_ENTRY_SWEEP(g, 0, -1, 1, ST))
#define DST_SB(g) (GRID_ENTRY_SWEEP(g, 0, -1, -1, SB))
#define DST_ET(g) (GRID_ENTRY_SWEEP(g, 1, 0, 1, ET))
#define DST_EB(g) (GRID_ENTRY_SWEEP(g, 1, 0, -1, EB))
#define DST_WT(g) (GRID_ENTRY_SWEEP(g, -1, 0, 1, WT))
#define DST_WB(g) (GRID_ENTRY_SWEEP(g, -1, 0, -1, WB))

/* One time step on the z planes [z0, z1): collide, then push to the neighbours in dstGrid. */
void performStreamCollide(float *srcGrid, float *dstGrid, int z0, int z1) {
  SWEEP_VAR
  float ux, uy, uz, u2, rho;
  SWEEP_START(0, 0, z0, 0, 0, z1)
  if (TEST_FLAG_SWEEP(srcGrid, OBSTACLE)) {
    DST_C(dstGrid) = SRC_C(srcGrid);
    DST_S(dstGrid) = SRC_N(srcGrid);
    DST_N(dstGrid) = SRC_S(srcGrid);
    DST_W(dstGrid) = SRC_E(srcGrid);
    DST_E(dstGrid) = SRC_W(srcGrid);
    DST_B(dstGrid) = SRC_T(srcGrid);
    DST_T(dstGrid) = SRC_B(srcGrid);
    DST_SW(dstGrid) = SRC_NE(srcGrid);
    DST_SE(dstGrid) = SRC_NW(srcGrid);
    DST_NW(dstGrid) = SRC_SE(srcGrid);
    DST_NE(dstGrid) = SRC_SW(srcGrid);
    DST_SB(dstGrid) = SRC_NT(srcGrid);
    DST_ST(dstGrid) = SRC_NB(srcGrid);
    DST_NB(dstGrid) = SRC_ST(srcGrid);
    DST_NT(dstGrid) = SRC_SB(srcGrid);
    DST_WB(dstGrid) = SRC_ET(srcGrid);
    DST_WT(dstGrid) = SRC_EB(srcGrid);
    DST_EB(dstGrid) = SRC_WT(srcGrid);
    DST_ET(dstGrid) = SRC_WB(srcGrid);
    continue;
  }
  rho = SRC_C(srcGrid) + SRC_N(srcGrid) + SRC_S(srcGrid) + SRC_E(srcGrid) + SRC_W(srcGrid) +
        SRC_T(srcGrid) + SRC_B(srcGrid) + SRC_NE(srcGrid) + SRC_NW(srcGrid) + SRC_SE(srcGrid) +
        SRC_SW(srcGrid) + SRC_NT(srcGrid) + SRC_NB(srcGrid) + SRC_ST(srcGrid) + SRC_SB(srcGrid) +
        SRC_ET(srcGrid) + SRC_EB(srcGrid) + SRC_WT(srcGrid) + SRC_WB(srcGrid);
  ux = SRC_E(srcGrid) + SRC_NE(srcGrid) + SRC_SE(srcGrid) + SRC_ET(srcGrid) + SRC_EB(srcGrid) -
       SRC_W(srcGrid) - SRC_NW(srcGrid) - SRC_SW(srcGrid) - SRC_WT(srcGrid) - SRC_WB(srcGrid);
  uy = SRC_N(srcGrid) + SRC_NE(srcGrid) + SRC_NW(srcGrid) + SRC_NT(srcGrid) + SRC_NB(srcGrid) -
       SRC_S(srcGrid) - SRC_SE(srcGrid) - SRC_SW(srcGrid) - SRC_ST(srcGrid) - SRC_SB(srcGrid);
  uz = SRC_T(srcGrid) + SRC_NT(srcGrid) + SRC_ST(srcGrid) + SRC_ET(srcGrid) + SRC_WT(srcGrid) -
       SRC_B(srcGrid) - SRC_NB(srcGrid) - SRC_SB(srcGrid) - SRC_EB(srcGrid) - SRC_WB(srcGrid);
  ux /= rho;
  uy /= rho;
  uz /= rho;
  if (TEST_FLAG_SWEEP(srcGrid, ACCEL)) {
    ux = 0.005f;
    uy = 0.002f;
    uz = 0.000f;
  }
  u2 = 1.5f * (ux * ux + uy * uy + uz * uz);
  DST_C(dstGrid) = (1.0f - OMEGA) * SRC_C(srcGrid) + OMEGA * DFL1 * rho * (1.0f - u2);
  {
    float cu = uy;
    DST_N(dstGrid) = (1.0f - OMEGA) * SRC_N(srcGrid) +
                     OMEGA * DFL2 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -uy;
    DST_S(dstGrid) = (1.0f - OMEGA) * SRC_S(srcGrid) +
                     OMEGA * DFL2 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = ux;
    DST_E(dstGrid) = (1.0f - OMEGA) * SRC_E(srcGrid) +
                     OMEGA * DFL2 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -ux;
    DST_W(dstGrid) = (1.0f - OMEGA) * SRC_W(srcGrid) +
                     OMEGA * DFL2 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = uz;
    DST_T(dstGrid) = (1.0f - OMEGA) * SRC_T(srcGrid) +
                     OMEGA * DFL2 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -uz;
    DST_B(dstGrid) = (1.0f - OMEGA) * SRC_B(srcGrid) +
                     OMEGA * DFL2 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = ux + uy;
    DST_NE(dstGrid) = (1.0f - OMEGA) * SRC_NE(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -ux + uy;
    DST_NW(dstGrid) = (1.0f - OMEGA) * SRC_NW(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = ux - uy;
    DST_SE(dstGrid) = (1.0f - OMEGA) * SRC_SE(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -ux - uy;
    DST_SW(dstGrid) = (1.0f - OMEGA) * SRC_SW(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = uy + uz;
    DST_NT(dstGrid) = (1.0f - OMEGA) * SRC_NT(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = uy - uz;
    DST_NB(dstGrid) = (1.0f - OMEGA) * SRC_NB(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -uy + uz;
    DST_ST(dstGrid) = (1.0f - OMEGA) * SRC_ST(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -uy - uz;
    DST_SB(dstGrid) = (1.0f - OMEGA) * SRC_SB(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = ux + uz;
    DST_ET(dstGrid) = (1.0f - OMEGA) * SRC_ET(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = ux - uz;
    DST_EB(dstGrid) = (1.0f - OMEGA) * SRC_EB(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -ux + uz;
    DST_WT(dstGrid) = (1.0f - OMEGA) * SRC_WT(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  {
    float cu = -ux - uz;
    DST_WB(dstGrid) = (1.0f - OMEGA) * SRC_WB(srcGrid) +
                      OMEGA * DFL3 * rho * (1.0f + 3.0f * cu + 4.5f * cu * cu - u2);
  }
  SWEEP_END
}

/* Inflow on the plane z = 0 (its density taken from the plane above), outflow on z = SIZE_Z - 1
   (its velocity from the plane below); `which` picks the plane, as the suite's two loops. */
void handleInOutFlow(float *srcGrid, int which) {
  SWEEP_VAR
  float rho, ux, uy, uz, u2;
  if (which == 0) {
    SWEEP_START(0, 0, 0, 0, 0, 1)
    rho = GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, C) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, N) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, S) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, E) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, W) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, T) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, B) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, NE) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, NW) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, SE) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, SW) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, NT) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, NB) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, ST) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, SB) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, ET) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, EB) + GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, WT) +
          GRID_ENTRY_SWEEP(srcGrid, 0, 0, 1, WB);
    ux = 0.0f;
    uy = 0.0f;
    uz = 0.01f;
    u2 = 1.5f * (ux * ux + uy * uy + uz * uz);
    LOCAL(srcGrid, C) = DFL1 * rho * (1.0f - u2);
    LOCAL(srcGrid, N) = DFL2 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, S) = DFL2 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, E) = DFL2 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, W) = DFL2 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, T) = DFL2 * rho * (1.0f + 3.0f * (1 * uz) + 4.5f * (1 * uz) * (1 * uz) - u2);
    LOCAL(srcGrid, B) = DFL2 * rho * (1.0f + 3.0f * (-1 * uz) + 4.5f * (-1 * uz) * (-1 * uz) - u2);
    LOCAL(srcGrid, NE) = DFL3 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, NW) = DFL3 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, SE) = DFL3 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, SW) = DFL3 * rho * (1.0f + 3.0f * (0 * uz) + 4.5f * (0 * uz) * (0 * uz) - u2);
    LOCAL(srcGrid, NT) = DFL3 * rho * (1.0f + 3.0f * (1 * uz) + 4.5f * (1 * uz) * (1 * uz) - u2);
    LOCAL(srcGrid, NB) = DFL3 * rho * (1.0f + 3.0f * (-1 * uz) + 4.5f * (-1 * uz) * (-1 * uz) - u2);
    LOCAL(srcGrid, ST) = DFL3 * rho * (1.0f + 3.0f * (1 * uz) + 4.5f * (1 * uz) * (1 * uz) - u2);
    LOCAL(srcGrid, SB) = DFL3 * rho * (1.0f + 3.0f * (-1 * uz) + 4.5f * (-1 * uz) * (-1 * uz) - u2);
    LOCAL(srcGrid, ET) = DFL3 * rho * (1.0f + 3.0f * (1 * uz) + 4.5f * (1 * uz) * (1 * uz) - u2);
    LOCAL(srcGrid, EB) = DFL3 * rho * (1.0f + 3.0f * (-1 * uz) + 4.5f * (-1 * uz) * (-1 * uz) - u2);
    LOCAL(srcGrid, WT) = DFL3 * rho * (1.0f + 3.0f * (1 * uz) + 4.5f * (1 * uz) * (1 * uz) - u2);
    LOCAL(srcGrid, WB) = DFL3 * rho * (1.0f + 3.0f * (-1 * uz) + 4.5f * (-1 * uz) * (-1 * uz) - u2);
    SWEEP_END
  } else {
    SWEEP_START(0, 0, SIZE_Z - 1, 0, 0, SIZE_Z)
    LOCAL(srcGrid, C) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, C);
    LOCAL(srcGrid, N) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, N);
    LOCAL(srcGrid, S) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, S);
    LOCAL(srcGrid, E) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, E);
    LOCAL(srcGrid, W) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, W);
    LOCAL(srcGrid, T) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, T);
    LOCAL(srcGrid, B) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, B);
    LOCAL(srcGrid, NE) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, NE);
    LOCAL(srcGrid, NW) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, NW);
    LOCAL(srcGrid, SE) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, SE);
    LOCAL(srcGrid, SW) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, SW);
    LOCAL(srcGrid, NT) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, NT);
    LOCAL(srcGrid, NB) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, NB);
    LOCAL(srcGrid, ST) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, ST);
    LOCAL(srcGrid, SB) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, SB);
    LOCAL(srcGrid, ET) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, ET);
    LOCAL(srcGrid, EB) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, EB);
    LOCAL(srcGrid, WT) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, WT);
    LOCAL(srcGrid, WB) = GRID_ENTRY_SWEEP(srcGrid, 0, 0, -1, WB);
    SWEEP_END
  }
}

typedef struct {
  float mass, ux, uy, uz;
  int nObstacle, nFluid;
} GridStats;

/* Sums over the planes [z0, z1) into *st. */
void showGridStatistics(const float *grid, int z0, int z1, GridStats *st) {
  SWEEP_VAR
  st->mass = st->ux = st->uy = st->uz = 0.0f;
  st->nObstacle = st->nFluid = 0;
  SWEEP_START(0, 0, z0, 0, 0, z1)
  float rho = LOCAL(grid, C) + LOCAL(grid, N) + LOCAL(grid, S) + LOCAL(grid, E) + LOCAL(grid, W) +
              LOCAL(grid, T) + LOCAL(grid, B) + LOCAL(grid, NE) + LOCAL(grid, NW) +
              LOCAL(grid, SE) + LOCAL(grid, SW) + LOCAL(grid, NT) + LOCAL(grid, NB) +
              LOCAL(grid, ST) + LOCAL(grid, SB) + LOCAL(grid, ET) + LOCAL(grid, EB) +
              LOCAL(grid, WT) + LOCAL(grid, WB);
  if (TEST_FLAG_SWEEP(grid, OBSTACLE)) {
    st->nObstacle++;
    continue;
  }
  st->nFluid++;
  st->mass += rho;
  st->ux += LOCAL(grid, E) + LOCAL(grid, NE) + LOCAL(grid, SE) + LOCAL(grid, ET) + LOCAL(grid, EB) -
            LOCAL(grid, W) - LOCAL(grid, NW) - LOCAL(grid, SW) - LOCAL(grid, WT) - LOCAL(grid, WB);
  st->uz += LOCAL(grid, T) + LOCAL(grid, NT) + LOCAL(grid, ST) + LOCAL(grid, ET) + LOCAL(grid, WT) -
            LOCAL(grid, B) - LOCAL(grid, NB) - LOCAL(grid, SB) - LOCAL(grid, EB) - LOCAL(grid, WB);
  SWEEP_END
}

void LBM_allocateGrid(float **ptr) {
  const size_t size = sizeof(LBM_Grid) + 2 * MARGIN * sizeof(float);
  *ptr = calloc(1, size);
  *ptr += MARGIN;
}

void LBM_freeGrid(float **ptr) {
  free(*ptr - MARGIN);
  *ptr = NULL;
}

void LBM_initializeGrid(float *grid) {
  SWEEP_VAR
  SWEEP_START(0, 0, -2, 0, 0, SIZE_Z + 2)
  LOCAL(grid, C) = DFL1;
  LOCAL(grid, N) = DFL2;
  LOCAL(grid, S) = DFL2;
  LOCAL(grid, E) = DFL2;
  LOCAL(grid, W) = DFL2;
  LOCAL(grid, T) = DFL2;
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
  *MAGIC_CAST(LOCAL(grid, FLAGS)) = 0;
  SWEEP_END
  /* An obstacle in the middle, walls on x = 0 and x = SIZE_X - 1, an accelerated row. */
  for (int z = 0; z < SIZE_Z; z++)
    for (int y = 0; y < SIZE_Y; y++) {
      SET_FLAG(grid, 0, y, z, OBSTACLE);
      SET_FLAG(grid, SIZE_X - 1, y, z, OBSTACLE);
    }
  SET_FLAG(grid, SIZE_X / 2, SIZE_Y / 2, SIZE_Z / 2, OBSTACLE);
  for (int x = 1; x < SIZE_X - 1; x++)
    SET_FLAG(grid, x, SIZE_Y - 1, SIZE_Z - 2, ACCEL);
}

int main(int argc, char **argv) {
  int steps = argc > 1 ? atoi(argv[1]) : 3, slabs = 3;
  float *srcGrid, *dstGrid;
  LBM_allocateGrid(&srcGrid);
  LBM_allocateGrid(&dstGrid);
#pragma dosc task
  LBM_initializeGrid(srcGrid);
#pragma dosc task
  LBM_initializeGrid(dstGrid);
#pragma dosc taskwait
  for (int t = 0; t < steps; t++) {
#pragma dosc task
    handleInOutFlow(srcGrid, 0);
#pragma dosc task
    handleInOutFlow(srcGrid, 1);
#pragma dosc taskwait
    for (int s = 0; s < slabs; s++) {
      int z0 = s * SIZE_Z / slabs, z1 = (s + 1) * SIZE_Z / slabs;
#pragma dosc task
      performStreamCollide(srcGrid, dstGrid, z0, z1);
    }
#pragma dosc taskwait
    float *tmp = srcGrid;
    srcGrid = dstGrid;
    dstGrid = tmp;
  }
  GridStats st[2];
#pragma dosc task
  showGridStatistics(srcGrid, 0, SIZE_Z / 2, &st[0]);
#pragma dosc task
  showGridStatistics(srcGrid, SIZE_Z / 2, SIZE_Z, &st[1]);
#pragma dosc taskwait
  printf("obstacles %d fluid %d mass %.5f ux %.5f uz %.5f\n", st[0].nObstacle + st[1].nObstacle,
         st[0].nFluid + st[1].nFluid, st[0].mass + st[1].mass, st[0].ux + st[1].ux,
         st[0].uz + st[1].uz);
  LBM_freeGrid(&srcGrid);
  LBM_freeGrid(&dstGrid);
  return 0;
}
