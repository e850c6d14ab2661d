/* A slow analysis, reduced (branch unseen11; not in the oracle suite, which globs Tests/Oracle/*.c
   only): miniGMG's Jacobi smooth (jacobi.inc, read from llvm/llvm-test-suite,
   MultiSource/Benchmarks/DOE-ProxyApps-C/miniGMG; (c) 2014 The Regents of the University of
   California, LBNL, BSD-style licence) for one box. `dosc analyze` of this file took 226 s at load
   ~12 (85 s for the whole program it comes from), its figures ending null (the grids are loaded
   from box->grids). The same function analyzes in 1-2 s when either (a) the loops run from 0 to
   dim (not `0 - ghostsToOperateOn` to `dim + ghostsToOperateOn`, a second induction of the ss
   loop) or (b) the six sizes are parameters instead of `int pencil = box->pencil; ...
   box->dim.k` read from the struct the task is given. Without the ss loop (one pass): 4 s. With
   the phi/phi_new ping-pong replaced by fixed grids: still 184 s.
   Reproduce: time .build/debug/dosc analyze Tests/Oracle/repro/unseen11-slow-smooth.c -o /tmp/m.json */
#include <stdio.h>
#include <stdlib.h>
/* ---- miniGMG ---- */
#define __alpha 0
#define __beta_i 1
#define __beta_j 2
#define __beta_k 3
#define __lambda 4
#define __temp 5
#define __u 6
#define __f 7
#define NUM_GRIDS 8

typedef struct {
  int i, j, k;
} ijk_type;

typedef struct {
  ijk_type low, dim, dim_with_ghosts;
  int ghosts, pencil, plane, volume, numGrids;
  double **grids;
} box_type;

void create_box(box_type *box, int numGrids, int dim_i, int dim_j, int dim_k, int ghosts) {
  box->dim.i = dim_i, box->dim.j = dim_j, box->dim.k = dim_k;
  box->dim_with_ghosts.i = dim_i + 2 * ghosts;
  box->dim_with_ghosts.j = dim_j + 2 * ghosts;
  box->dim_with_ghosts.k = dim_k + 2 * ghosts;
  box->ghosts = ghosts;
  box->numGrids = numGrids;
  box->pencil = (dim_i + 2 * ghosts);
  box->plane = (((dim_j + 2 * ghosts) * box->pencil) + 0x7) & ~0x7;
  box->volume = (dim_k + 2 * ghosts) * box->plane;
  box->grids = malloc(numGrids * sizeof(double *));
  for (int g = 0; g < numGrids; g++) box->grids[g] = calloc(box->volume, sizeof(double));
}

/* jacobi.inc's smooth for one box and one pass s (the ss loop over its ghosts). */
void smooth_box(box_type *box, int s, int phi_id, int rhs_id, double a, double b, double h2inv) {
  int i, j, k, ss;
  int pencil = box->pencil;
  int plane = box->plane;
  int ghosts = box->ghosts;
  int dim_k = box->dim.k;
  int dim_j = box->dim.j;
  int dim_i = box->dim.i;
  double TwoThirds = 2.0 / 3.0;
  double *__restrict__ rhs = box->grids[rhs_id] + ghosts * (1 + pencil + plane);
  double *__restrict__ alpha = box->grids[__alpha] + ghosts * (1 + pencil + plane);
  double *__restrict__ beta_i = box->grids[__beta_i] + ghosts * (1 + pencil + plane);
  double *__restrict__ beta_j = box->grids[__beta_j] + ghosts * (1 + pencil + plane);
  double *__restrict__ beta_k = box->grids[__beta_k] + ghosts * (1 + pencil + plane);
  double *__restrict__ lambda = box->grids[__lambda] + ghosts * (1 + pencil + plane);
  int ghostsToOperateOn = ghosts - 1;
  for (ss = s; ss < s + ghosts; ss++, ghostsToOperateOn--) {
    double *__restrict__ phi;
    double *__restrict__ phi_new;
    if ((ss & 1) == 0) {
      phi = box->grids[phi_id] + ghosts * (1 + pencil + plane);
      phi_new = box->grids[__temp] + ghosts * (1 + pencil + plane);
    } else {
      phi = box->grids[__temp] + ghosts * (1 + pencil + plane);
      phi_new = box->grids[phi_id] + ghosts * (1 + pencil + plane);
    }
    for (k = 0 - ghostsToOperateOn; k < dim_k + ghostsToOperateOn; k++) {
      for (j = 0 - ghostsToOperateOn; j < dim_j + ghostsToOperateOn; j++) {
        for (i = 0 - ghostsToOperateOn; i < dim_i + ghostsToOperateOn; i++) {
          int ijk = i + j * pencil + k * plane;
          double helmholtz = a * alpha[ijk] * phi[ijk] -
                             b * h2inv *
                                 (beta_i[ijk + 1] * (phi[ijk + 1] - phi[ijk]) - beta_i[ijk] * (phi[ijk] - phi[ijk - 1]) +
                                  beta_j[ijk + pencil] * (phi[ijk + pencil] - phi[ijk]) -
                                  beta_j[ijk] * (phi[ijk] - phi[ijk - pencil]) +
                                  beta_k[ijk + plane] * (phi[ijk + plane] - phi[ijk]) -
                                  beta_k[ijk] * (phi[ijk] - phi[ijk - plane]));
          phi_new[ijk] = phi[ijk] - TwoThirds * lambda[ijk] * (helmholtz - rhs[ijk]);
        }
      }
    }
  }
}


int main(void) {
  box_type f;
  create_box(&f, NUM_GRIDS, 4, 4, 4, 1);
#pragma dosc task
  smooth_box(&f, 0, __u, __f, 1.0, 0.5, 16.0);
#pragma dosc taskwait
  printf("%f\n", f.grids[__temp][50]);
  return 0;
}
