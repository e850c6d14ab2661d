/* SMG2000's structured-grid vector kernels (ASCI Purple, LLNL; (c) 2000 The Regents of the
   University of California, see its LICENSE.txt; HYPRE's struct_mv) as dosc tasks (branch
   unseen11), read from llvm/llvm-test-suite, MultiSource/Benchmarks/ASCI_Purple/SMG2000
   (struct_mv.h, utilities.h, struct_axpy.c, struct_innerprod.c, struct_copy.c, struct_scale.c):
   the macros kept as the header writes them, the code around them written anew. A box is
   `hypre_Box { hypre_Index imin, imax; }` with `typedef int hypre_Index[3]`; each vector's data
   for box i lives in a data box one cell wider on every side, at `data + data_indices[i]`. The
   loops are hypre_BoxLoop1/2Begin ... For ... End: the start offset `hypre_BoxIndexRank(dbox,
   start)` (nested products of the data box's sizes, each `hypre_max(0, imax - imin + 1)`), strides
   `sx, sy, sz` from the stride index and the data box's sizes, the work split into
   hypre_NumThreads() blocks along the longest direction by hypre_BoxLoopSet (the block's first
   index `block * div + hypre_min(mod, block)`), and the linear indices i1, i2 advanced by the
   End macro's `i1 += hypre__sx1;` per cell, `i1 += hypre__sy1 - hypre__nx*hypre__sx1;` per line,
   `i1 += hypre__sz1 - hypre__ny*hypre__sy1;` per plane. A task per box for StructAxpy, StructCopy,
   StructScale (a BoxLoop1 with stride 2 in x, as the restriction uses) and StructInnerProd
   (returning its box's sum). The program prints checksums. */
#include <stdio.h>
#include <stdlib.h>

#define hypre_max(a, b) (((a) < (b)) ? (b) : (a))
#define hypre_min(a, b) (((a) < (b)) ? (a) : (b))
#define hypre_NumThreads() 2

typedef int hypre_Index[3];
typedef int *hypre_IndexRef;

typedef struct hypre_Box_struct {
  hypre_Index imin;
  hypre_Index imax;
} hypre_Box;

#define hypre_IndexD(index, d) (index[d])
#define hypre_IndexX(index) hypre_IndexD(index, 0)
#define hypre_IndexY(index) hypre_IndexD(index, 1)
#define hypre_IndexZ(index) hypre_IndexD(index, 2)
#define hypre_SetIndex(index, ix, iy, iz) (hypre_IndexX(index) = ix, hypre_IndexY(index) = iy, hypre_IndexZ(index) = iz)
#define hypre_BoxIMin(box) ((box)->imin)
#define hypre_BoxIMax(box) ((box)->imax)
#define hypre_BoxIMinD(box, d) (hypre_IndexD(hypre_BoxIMin(box), d))
#define hypre_BoxIMaxD(box, d) (hypre_IndexD(hypre_BoxIMax(box), d))
#define hypre_BoxSizeD(box, d) hypre_max(0, (hypre_BoxIMaxD(box, d) - hypre_BoxIMinD(box, d) + 1))
#define hypre_BoxIMinX(box) hypre_BoxIMinD(box, 0)
#define hypre_BoxIMinY(box) hypre_BoxIMinD(box, 1)
#define hypre_BoxIMinZ(box) hypre_BoxIMinD(box, 2)
#define hypre_BoxSizeX(box) hypre_BoxSizeD(box, 0)
#define hypre_BoxSizeY(box) hypre_BoxSizeD(box, 1)
#define hypre_BoxSizeZ(box) hypre_BoxSizeD(box, 2)
#define hypre_BoxVolume(box) (hypre_BoxSizeX(box) * hypre_BoxSizeY(box) * hypre_BoxSizeZ(box))
#define hypre_BoxIndexRank(box, index)                                                                         \
  ((hypre_IndexX(index) - hypre_BoxIMinX(box)) +                                                               \
   ((hypre_IndexY(index) - hypre_BoxIMinY(box)) + ((hypre_IndexZ(index) - hypre_BoxIMinZ(box)) * hypre_BoxSizeY(box))) * \
       hypre_BoxSizeX(box))
#define hypre_BoxGetSize(box, size)                                                                            \
  hypre_SetIndex(size, hypre_BoxSizeX(box), hypre_BoxSizeY(box), hypre_BoxSizeZ(box))
#define hypre_BoxGetStrideSize(box, stride, size)                                                              \
  hypre_SetIndex(size, (hypre_BoxSizeX(box) + hypre_IndexX(stride) - 1) / hypre_IndexX(stride),                \
                 (hypre_BoxSizeY(box) + hypre_IndexY(stride) - 1) / hypre_IndexY(stride),                      \
                 (hypre_BoxSizeZ(box) + hypre_IndexZ(stride) - 1) / hypre_IndexZ(stride))

#define hypre_BoxLoopDeclareS(dbox, stride, sx, sy, sz)                                                        \
  int sx = (hypre_IndexX(stride));                                                                             \
  int sy = (hypre_IndexY(stride) * hypre_BoxSizeX(dbox));                                                      \
  int sz = (hypre_IndexZ(stride) * hypre_BoxSizeX(dbox) * hypre_BoxSizeY(dbox))

#define hypre_BoxLoopDeclareN(loop_size)                                                                       \
  int hypre__nx = hypre_IndexX(loop_size);                                                                     \
  int hypre__ny = hypre_IndexY(loop_size);                                                                     \
  int hypre__nz = hypre_IndexZ(loop_size);                                                                     \
  int hypre__mx = hypre__nx;                                                                                   \
  int hypre__my = hypre__ny;                                                                                   \
  int hypre__mz = hypre__nz;                                                                                   \
  int hypre__dir, hypre__max;                                                                                  \
  int hypre__div, hypre__mod;                                                                                  \
  int hypre__block, hypre__num_blocks;                                                                         \
  hypre__dir = 0;                                                                                              \
  hypre__max = hypre__nx;                                                                                      \
  if (hypre__ny > hypre__max) {                                                                                \
    hypre__dir = 1;                                                                                            \
    hypre__max = hypre__ny;                                                                                    \
  }                                                                                                            \
  if (hypre__nz > hypre__max) {                                                                                \
    hypre__dir = 2;                                                                                            \
    hypre__max = hypre__nz;                                                                                    \
  }                                                                                                            \
  hypre__num_blocks = hypre_NumThreads();                                                                      \
  if (hypre__max < hypre__num_blocks) {                                                                        \
    hypre__num_blocks = hypre__max;                                                                            \
  }                                                                                                            \
  if (hypre__num_blocks > 0) {                                                                                 \
    hypre__div = hypre__max / hypre__num_blocks;                                                               \
    hypre__mod = hypre__max % hypre__num_blocks;                                                               \
  }

#define hypre_BoxLoopSet(i, j, k)                                                                              \
  i = 0;                                                                                                       \
  j = 0;                                                                                                       \
  k = 0;                                                                                                       \
  hypre__nx = hypre__mx;                                                                                       \
  hypre__ny = hypre__my;                                                                                       \
  hypre__nz = hypre__mz;                                                                                       \
  if (hypre__num_blocks > 1) {                                                                                 \
    if (hypre__dir == 0) {                                                                                     \
      i = hypre__block * hypre__div + hypre_min(hypre__mod, hypre__block);                                     \
      hypre__nx = hypre__div + ((hypre__mod > hypre__block) ? 1 : 0);                                          \
    } else if (hypre__dir == 1) {                                                                              \
      j = hypre__block * hypre__div + hypre_min(hypre__mod, hypre__block);                                     \
      hypre__ny = hypre__div + ((hypre__mod > hypre__block) ? 1 : 0);                                          \
    } else if (hypre__dir == 2) {                                                                              \
      k = hypre__block * hypre__div + hypre_min(hypre__mod, hypre__block);                                     \
      hypre__nz = hypre__div + ((hypre__mod > hypre__block) ? 1 : 0);                                          \
    }                                                                                                          \
  }

#define hypre_BoxLoop1Begin(loop_size, dbox1, start1, stride1, i1)                                             \
  {                                                                                                            \
    int hypre__i1start = hypre_BoxIndexRank(dbox1, start1);                                                    \
    hypre_BoxLoopDeclareS(dbox1, stride1, hypre__sx1, hypre__sy1, hypre__sz1);                                 \
    hypre_BoxLoopDeclareN(loop_size);

#define hypre_BoxLoop1For(i, j, k, i1)                                                                         \
  for (hypre__block = 0; hypre__block < hypre__num_blocks; hypre__block++) {                                   \
    hypre_BoxLoopSet(i, j, k);                                                                                 \
    i1 = hypre__i1start + i * hypre__sx1 + j * hypre__sy1 + k * hypre__sz1;                                    \
    for (k = 0; k < hypre__nz; k++) {                                                                          \
      for (j = 0; j < hypre__ny; j++) {                                                                        \
        for (i = 0; i < hypre__nx; i++) {

#define hypre_BoxLoop1End(i1)                                                                                  \
  i1 += hypre__sx1;                                                                                            \
  }                                                                                                            \
  i1 += hypre__sy1 - hypre__nx * hypre__sx1;                                                                   \
  }                                                                                                            \
  i1 += hypre__sz1 - hypre__ny * hypre__sy1;                                                                   \
  }                                                                                                            \
  }                                                                                                            \
  }

#define hypre_BoxLoop2Begin(loop_size, dbox1, start1, stride1, i1, dbox2, start2, stride2, i2)                 \
  {                                                                                                            \
    int hypre__i1start = hypre_BoxIndexRank(dbox1, start1);                                                    \
    int hypre__i2start = hypre_BoxIndexRank(dbox2, start2);                                                    \
    hypre_BoxLoopDeclareS(dbox1, stride1, hypre__sx1, hypre__sy1, hypre__sz1);                                 \
    hypre_BoxLoopDeclareS(dbox2, stride2, hypre__sx2, hypre__sy2, hypre__sz2);                                 \
    hypre_BoxLoopDeclareN(loop_size);

#define hypre_BoxLoop2For(i, j, k, i1, i2)                                                                     \
  for (hypre__block = 0; hypre__block < hypre__num_blocks; hypre__block++) {                                   \
    hypre_BoxLoopSet(i, j, k);                                                                                 \
    i1 = hypre__i1start + i * hypre__sx1 + j * hypre__sy1 + k * hypre__sz1;                                    \
    i2 = hypre__i2start + i * hypre__sx2 + j * hypre__sy2 + k * hypre__sz2;                                    \
    for (k = 0; k < hypre__nz; k++) {                                                                          \
      for (j = 0; j < hypre__ny; j++) {                                                                        \
        for (i = 0; i < hypre__nx; i++) {

#define hypre_BoxLoop2End(i1, i2)                                                                              \
  i1 += hypre__sx1;                                                                                            \
  i2 += hypre__sx2;                                                                                            \
  }                                                                                                            \
  i1 += hypre__sy1 - hypre__nx * hypre__sx1;                                                                   \
  i2 += hypre__sy2 - hypre__nx * hypre__sx2;                                                                   \
  }                                                                                                            \
  i1 += hypre__sz1 - hypre__ny * hypre__sy1;                                                                   \
  i2 += hypre__sz2 - hypre__ny * hypre__sy2;                                                                   \
  }                                                                                                            \
  }                                                                                                            \
  }

/* struct_axpy.c's loop for one box. */
int box_axpy(double alpha, hypre_Box *box, hypre_Box *x_data_box, double *xp, hypre_Box *y_data_box, double *yp) {
  hypre_Index loop_size;
  hypre_IndexRef start;
  hypre_Index unit_stride;
  int loopi, loopj, loopk, xi, yi;
  hypre_SetIndex(unit_stride, 1, 1, 1);
  start = hypre_BoxIMin(box);
  hypre_BoxGetSize(box, loop_size);
  hypre_BoxLoop2Begin(loop_size, x_data_box, start, unit_stride, xi, y_data_box, start, unit_stride, yi);
  hypre_BoxLoop2For(loopi, loopj, loopk, xi, yi) { yp[yi] += alpha * xp[xi]; }
  hypre_BoxLoop2End(xi, yi);
  return 0;
}

/* struct_copy.c's loop for one box. */
int box_copy(hypre_Box *box, hypre_Box *x_data_box, double *xp, hypre_Box *y_data_box, double *yp) {
  hypre_Index loop_size;
  hypre_IndexRef start;
  hypre_Index unit_stride;
  int loopi, loopj, loopk, xi, yi;
  hypre_SetIndex(unit_stride, 1, 1, 1);
  start = hypre_BoxIMin(box);
  hypre_BoxGetSize(box, loop_size);
  hypre_BoxLoop2Begin(loop_size, x_data_box, start, unit_stride, xi, y_data_box, start, unit_stride, yi);
  hypre_BoxLoop2For(loopi, loopj, loopk, xi, yi) { yp[yi] = xp[xi]; }
  hypre_BoxLoop2End(xi, yi);
  return 0;
}

/* struct_scale.c's loop for one box, every other cell in x (a stride index (2, 1, 1)). */
int box_scale_strided(double alpha, hypre_Box *box, hypre_Box *y_data_box, double *yp) {
  hypre_Index loop_size;
  hypre_IndexRef start;
  hypre_Index stride;
  int loopi, loopj, loopk, yi;
  hypre_SetIndex(stride, 2, 1, 1);
  start = hypre_BoxIMin(box);
  hypre_BoxGetStrideSize(box, stride, loop_size);
  hypre_BoxLoop1Begin(loop_size, y_data_box, start, stride, yi);
  hypre_BoxLoop1For(loopi, loopj, loopk, yi) { yp[yi] *= alpha; }
  hypre_BoxLoop1End(yi);
  return 0;
}

/* struct_innerprod.c's loop for one box. */
double box_innerprod(hypre_Box *box, hypre_Box *x_data_box, double *xp, hypre_Box *y_data_box, double *yp) {
  double local_result = 0.0;
  hypre_Index loop_size;
  hypre_IndexRef start;
  hypre_Index unit_stride;
  int loopi, loopj, loopk, xi, yi;
  hypre_SetIndex(unit_stride, 1, 1, 1);
  start = hypre_BoxIMin(box);
  hypre_BoxGetSize(box, loop_size);
  hypre_BoxLoop2Begin(loop_size, x_data_box, start, unit_stride, xi, y_data_box, start, unit_stride, yi);
  hypre_BoxLoop2For(loopi, loopj, loopk, xi, yi) { local_result += xp[xi] * yp[yi]; }
  hypre_BoxLoop2End(xi, yi);
  return local_result;
}

int main(void) {
  /* 3 boxes along x of 5 x 3 x 2 cells, data boxes with one ghost layer (7 x 5 x 4). */
  enum { NB = 3 };
  hypre_Box boxes[NB], dboxes[NB];
  int data_indices[NB], total = 0;
  for (int b = 0; b < NB; b++) {
    hypre_SetIndex(boxes[b].imin, 5 * b, 0, 0);
    hypre_SetIndex(boxes[b].imax, 5 * b + 4, 2, 1);
    hypre_SetIndex(dboxes[b].imin, 5 * b - 1, -1, -1);
    hypre_SetIndex(dboxes[b].imax, 5 * b + 5, 3, 2);
    data_indices[b] = total;
    total += hypre_BoxVolume(&dboxes[b]);
  }
  double *x = malloc(total * sizeof(double)), *y = malloc(total * sizeof(double));
  double *z = calloc(total, sizeof(double));
  for (int k = 0; k < total; k++) x[k] = 0.5 + (k % 7) * 0.25, y[k] = 1.0 - (k % 5) * 0.125;
  for (int b = 0; b < NB; b++) {
#pragma dosc task
    box_axpy(2.0, &boxes[b], &dboxes[b], x + data_indices[b], &dboxes[b], y + data_indices[b]);
  }
#pragma dosc taskwait
  for (int b = 0; b < NB; b++) {
#pragma dosc task
    box_copy(&boxes[b], &dboxes[b], y + data_indices[b], &dboxes[b], z + data_indices[b]);
  }
#pragma dosc taskwait
  for (int b = 0; b < NB; b++) {
#pragma dosc task
    box_scale_strided(-3.0, &boxes[b], &dboxes[b], z + data_indices[b]);
  }
#pragma dosc taskwait
  double parts[NB], dot = 0.0;
  for (int b = 0; b < NB; b++) {
#pragma dosc task
    parts[b] = box_innerprod(&boxes[b], &dboxes[b], x + data_indices[b], &dboxes[b], z + data_indices[b]);
  }
#pragma dosc taskwait
  for (int b = 0; b < NB; b++) dot += parts[b];
  double sum = 0.0;
  for (int k = 0; k < total; k++) sum += y[k] * (k % 3 + 1) + z[k] * (k % 4 + 1);
  printf("smg2000 %.9f dot %.9f\n", sum, dot);
  free(x), free(y), free(z);
  return 0;
}
