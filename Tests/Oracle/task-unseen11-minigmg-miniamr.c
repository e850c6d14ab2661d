/* Two DOE proxy apps' box and block loops as dosc tasks (branch unseen11), read from
   llvm/llvm-test-suite, MultiSource/Benchmarks/DOE-ProxyApps-C: miniGMG (Samuel Williams, LBNL;
   (c) 2014 The Regents of the University of California, BSD-style licence in miniGMG/LICENSE) and
   miniAMR (Sandia, (c) 2014 Sandia Corporation, LGPL 2.1). The shapes kept, the code written anew
   around them.
   - miniGMG box.c / jacobi.inc / restriction.inc / interpolation.inc: a `box_type` with `double
     **grids`, `pencil = dim_i + 2*ghosts`, `plane` rounded up to a multiple of 8
     (`(... + 0x7) & ~0x7`), each grid used from `grids[id] + ghosts*(1+pencil+plane)` (the first
     interior cell) with ijk = i + j*pencil + k*plane; the Jacobi smooth ping-ponging between
     phi_id and __temp through `(ss&1)==0` and running `for(k=0-ghostsToOperateOn; ...)` into the
     ghost zone, the seven-point Helmholtz operator reading beta_i[ijk+1], phi[ijk-plane], ...; a
     task per box given the box for its grids and the geometry as integers (read inside from
     `box->pencil`, `box->dim.k`, ..., as jacobi.inc does, `dosc analyze` took 85-226 s on this
     one function under load, against 1-2 s for this form: see
     Tests/Oracle/repro/unseen11-slow-smooth.c). Restriction `ijk_f = (i<<1) + (j<<1)*pencil_f + (k<<1)*plane_f`
     (eight fine cells) and interpolation `ijk_c = (i>>1) + (j>>1)*pencil_c + (k>>1)*plane_c`,
     a task per box given the two grids' storage and the geometry.
   - miniAMR block.h / stencil.c / comm.c: a `block` with `double ****array` (array[var][i][j][k])
     and the sizes in globals (x_block_size, ...), the 7-point stencil into a local VLA `work[x+2]
     [y+2][z+2]` copied back, a task per block; apply_bc's `switch (l)` whose odd cases set
     `t = x_block_size + 1; f = x_block_size;` and fall through into the even case's copy; and
     on_proc_comm's face exchange between the neighbours bp and bp1 picked by `(l%2) == 0`, a task
     per neighbouring pair.
   Sizes are tiny; the program prints checksums. */
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
void smooth_box(box_type *box, int s, int phi_id, int rhs_id, double a, double b, double h2inv, int pencil, int plane,
                int ghosts, int dim_k, int dim_j, int dim_i) {
  int i, j, k, ss;
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

/* restriction.inc for one box: grid storage given, the interior found from the ghosts. */
void restriction_box(double *storage_c, const double *storage_f, int ghosts_c, int pencil_c, int plane_c,
                     int dim_i_c, int dim_j_c, int dim_k_c, int ghosts_f, int pencil_f, int plane_f) {
  int i, j, k;
  const double *__restrict__ grid_f = storage_f + ghosts_f * (1 + pencil_f + plane_f);
  double *__restrict__ grid_c = storage_c + ghosts_c * (1 + pencil_c + plane_c);
  for (k = 0; k < dim_k_c; k++) {
    for (j = 0; j < dim_j_c; j++) {
      for (i = 0; i < dim_i_c; i++) {
        int ijk_c = (i) + (j)*pencil_c + (k)*plane_c;
        int ijk_f = (i << 1) + (j << 1) * pencil_f + (k << 1) * plane_f;
        grid_c[ijk_c] = (grid_f[ijk_f] + grid_f[ijk_f + 1] + grid_f[ijk_f + pencil_f] + grid_f[ijk_f + 1 + pencil_f] +
                         grid_f[ijk_f + plane_f] + grid_f[ijk_f + 1 + plane_f] + grid_f[ijk_f + pencil_f + plane_f] +
                         grid_f[ijk_f + 1 + pencil_f + plane_f]) *
                        0.125;
      }
    }
  }
}

/* interpolation.inc (piecewise constant) for one box. */
void interpolation_box(double prescale_f, double *storage_f, const double *storage_c, int ghosts_f, int pencil_f,
                       int plane_f, int dim_i_f, int dim_j_f, int dim_k_f, int ghosts_c, int pencil_c, int plane_c) {
  int i, j, k;
  double *__restrict__ grid_f = storage_f + ghosts_f * (1 + pencil_f + plane_f);
  const double *__restrict__ grid_c = storage_c + ghosts_c * (1 + pencil_c + plane_c);
  for (k = 0; k < dim_k_f; k++) {
    for (j = 0; j < dim_j_f; j++) {
      for (i = 0; i < dim_i_f; i++) {
        int ijk_f = (i) + (j)*pencil_f + (k)*plane_f;
        int ijk_c = (i >> 1) + (j >> 1) * pencil_c + (k >> 1) * plane_c;
        grid_f[ijk_f] = prescale_f * grid_f[ijk_f] + grid_c[ijk_c];
      }
    }
  }
}

/* ---- miniAMR ---- */
typedef struct {
  int number;
  int level;
  int refine;
  int new_proc;
  int parent;
  int parent_node;
  int child_number;
  int nei_refine[6];
  int nei_level[6];
  int nei[6][2][2];
  int cen[3];
  double ****array;
} block;

int x_block_size, y_block_size, z_block_size, num_vars, stencil, code;
block *blocks;

/* stencil.c's 7-point case for one block. */
void stencil_block(block *bp, int var) {
  int i, j, k;
  double work[x_block_size + 2][y_block_size + 2][z_block_size + 2];
  if (bp->number >= 0) {
    for (i = 1; i <= x_block_size; i++)
      for (j = 1; j <= y_block_size; j++)
        for (k = 1; k <= z_block_size; k++)
          work[i][j][k] = (bp->array[var][i - 1][j][k] + bp->array[var][i][j - 1][k] + bp->array[var][i][j][k - 1] +
                           bp->array[var][i][j][k] + bp->array[var][i][j][k + 1] + bp->array[var][i][j + 1][k] +
                           bp->array[var][i + 1][j][k]) /
                          7.0;
    for (i = 1; i <= x_block_size; i++)
      for (j = 1; j <= y_block_size; j++)
        for (k = 1; k <= z_block_size; k++) bp->array[var][i][j][k] = work[i][j][k];
  }
}

/* comm.c's apply_bc, the 7-point, face-only arm. */
void apply_bc(int l, block *bp, int start, int num_comm) {
  int var, i, j, k, f, t;
  t = 0;
  f = 1;
  switch (l) {
  case 1:
    t = x_block_size + 1;
    f = x_block_size;
  case 0:
    for (var = start; var < start + num_comm; var++)
      for (j = 1; j <= y_block_size; j++)
        for (k = 1; k <= z_block_size; k++) bp->array[var][t][j][k] = bp->array[var][f][j][k];
    break;
  case 3:
    t = y_block_size + 1;
    f = y_block_size;
  case 2:
    for (var = start; var < start + num_comm; var++)
      for (i = 1; i <= x_block_size; i++)
        for (k = 1; k <= z_block_size; k++) bp->array[var][i][t][k] = bp->array[var][i][f][k];
    break;
  case 5:
    t = z_block_size + 1;
    f = z_block_size;
  case 4:
    for (var = start; var < start + num_comm; var++)
      for (i = 1; i <= x_block_size; i++)
        for (j = 1; j <= y_block_size; j++) bp->array[var][i][j][t] = bp->array[var][i][j][f];
    break;
  }
}

/* comm.c's on_proc_comm for a West/East pair of blocks at one level. */
void on_proc_comm(int n, int n1, int l, int start, int num_comm) {
  int j, k, m;
  block *bp, *bp1;
  if ((l % 2) == 0) {
    bp = &blocks[n];
    bp1 = &blocks[n1];
  } else {
    bp1 = &blocks[n];
    bp = &blocks[n1];
  }
  for (m = start; m < start + num_comm; m++)
    for (j = 1; j <= y_block_size; j++)
      for (k = 1; k <= z_block_size; k++) {
        bp1->array[m][x_block_size + 1][j][k] = bp->array[m][1][j][k];
        bp->array[m][0][j][k] = bp1->array[m][x_block_size][j][k];
      }
}

double ****alloc_block_array(int nv, int nx, int ny, int nz) {
  double ****a = malloc(nv * sizeof(double ***));
  for (int v = 0; v < nv; v++) {
    a[v] = malloc(nx * sizeof(double **));
    for (int i = 0; i < nx; i++) {
      a[v][i] = malloc(ny * sizeof(double *));
      for (int j = 0; j < ny; j++) a[v][i][j] = calloc(nz, sizeof(double));
    }
  }
  return a;
}

int main(void) {
  /* miniGMG: 3 boxes of 4^3 with one ghost layer (fine), 2^3 (coarse). */
  box_type fine[3], coarse[3];
  double h2inv = 16.0, gmg = 0.0;
  for (int bx = 0; bx < 3; bx++) {
    create_box(&fine[bx], NUM_GRIDS, 4, 4, 4, 1);
    create_box(&coarse[bx], NUM_GRIDS, 2, 2, 2, 1);
    for (int g = 0; g < NUM_GRIDS; g++)
      for (int c = 0; c < fine[bx].volume; c++)
        fine[bx].grids[g][c] = (g == __lambda) ? 0.1 : 0.5 + (double)((c * (g + 1) + bx) % 9) / 9.0;
  }
  for (int s = 0; s < 2; s++) {
    for (int bx = 0; bx < 3; bx++) {
#pragma dosc task
      smooth_box(&fine[bx], s, __u, __f, 1.0, 0.5, h2inv, fine[bx].pencil, fine[bx].plane, fine[bx].ghosts,
                 fine[bx].dim.k, fine[bx].dim.j, fine[bx].dim.i);
    }
#pragma dosc taskwait
  }
  for (int bx = 0; bx < 3; bx++) {
    box_type *c = &coarse[bx], *f = &fine[bx];
#pragma dosc task
    restriction_box(c->grids[__f], f->grids[__u], c->ghosts, c->pencil, c->plane, c->dim.i, c->dim.j, c->dim.k,
                    f->ghosts, f->pencil, f->plane);
  }
#pragma dosc taskwait
  for (int bx = 0; bx < 3; bx++) {
    box_type *c = &coarse[bx], *f = &fine[bx];
#pragma dosc task
    interpolation_box(0.5, f->grids[__temp], c->grids[__f], f->ghosts, f->pencil, f->plane, f->dim.i, f->dim.j,
                      f->dim.k, c->ghosts, c->pencil, c->plane);
  }
#pragma dosc taskwait
  for (int bx = 0; bx < 3; bx++) {
    for (int c = 0; c < fine[bx].volume; c++)
      gmg += fine[bx].grids[__u][c] * (c % 7) + fine[bx].grids[__temp][c] * (c % 5);
    for (int c = 0; c < coarse[bx].volume; c++) gmg += coarse[bx].grids[__f][c] * (c % 3);
  }
  printf("minigmg %.9f\n", gmg);

  /* miniAMR: 3 blocks of 3 x 3 x 3 interior cells in a row (West to East), 2 variables. */
  x_block_size = 3, y_block_size = 3, z_block_size = 3, num_vars = 2, stencil = 7, code = 0;
  int nb = 3;
  blocks = calloc(nb, sizeof(block));
  for (int n = 0; n < nb; n++) {
    blocks[n].number = n;
    blocks[n].array = alloc_block_array(num_vars, x_block_size + 2, y_block_size + 2, z_block_size + 2);
    for (int v = 0; v < num_vars; v++)
      for (int i = 0; i < x_block_size + 2; i++)
        for (int j = 0; j < y_block_size + 2; j++)
          for (int k = 0; k < z_block_size + 2; k++)
            blocks[n].array[v][i][j][k] = (double)((n * 31 + v * 17 + i * 9 + j * 3 + k) % 23);
  }
  for (int step = 0; step < 2; step++) {
    for (int n = 0; n + 1 < nb; n++) {
#pragma dosc task
      on_proc_comm(n, n + 1, 0, 0, num_vars);
    }
#pragma dosc taskwait
    for (int n = 0; n < nb; n++) {
      for (int l = 2; l < 6; l++) {
#pragma dosc task
        apply_bc(l, &blocks[n], 0, num_vars);
#pragma dosc taskwait
      }
    }
#pragma dosc task
    apply_bc(0, &blocks[0], 0, num_vars);
#pragma dosc task
    apply_bc(1, &blocks[nb - 1], 0, num_vars);
#pragma dosc taskwait
    for (int v = 0; v < num_vars; v++) {
      for (int n = 0; n < nb; n++) {
#pragma dosc task
        stencil_block(&blocks[n], v);
      }
#pragma dosc taskwait
    }
  }
  double amr = 0.0;
  for (int n = 0; n < nb; n++)
    for (int v = 0; v < num_vars; v++)
      for (int i = 0; i < x_block_size + 2; i++)
        for (int j = 0; j < y_block_size + 2; j++)
          for (int k = 0; k < z_block_size + 2; k++) amr += blocks[n].array[v][i][j][k] * ((i + 2 * j + 3 * k + n) % 5);
  printf("miniamr %.9f\n", amr);
  return 0;
}
