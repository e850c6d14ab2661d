/* HPCG's reference kernels (branch unseen10), after hpcg-benchmark/hpcg (C++), converted to C as
   a user would (the SparseMatrix a struct, each loop over rows a task per block of z-planes or
   rows; the shapes kept, the code written anew): GenerateProblem's 27-point stencil filling each
   row through walking pointers (`*currentValuePointer++ = -1.0`, `*currentIndexPointerG++ =
   curcol`) from row pointers `matrixValues[currentLocalRow]`, keeping the diagonal's address in
   `matrixDiagonal[currentLocalRow]`, counting `nonzerosInRow` in a `char`, with the boundary
   tests `giz + sz > -1 && giz + sz < gnz`; the same generation into flat arrays (`values[row *
   27 + k]`, `diagIdx[row] = k`); ComputeSPMV_ref over the flat rows; ComputeSYMGS_ref's forward
   and backward sweeps (`sum += currentDiagonal * xv[i]` after the row) as one task;
   ComputeRestriction_ref `rcv[i] = rfv[f2c[i]] - Axfv[f2c[i]]` and ComputeProlongation_ref
   `xfv[f2c[i]] += xcv[i]` over an f2c operator built from the coarse grid's coordinates;
   ComputeWAXPBY_ref's arms and ComputeDotProduct_ref with `x == y` tested for the norm. The
   program prints a checksum. */
#include <stdio.h>
#include <stdlib.h>

typedef int local_int_t;
typedef long long global_int_t;
#define NNZ_PER_ROW 27

void generate_rows(double **matrixValues, global_int_t **mtxIndG, double **matrixDiagonal, char *nonzerosInRow,
                   double *b, local_int_t nx, local_int_t ny, local_int_t nz, local_int_t z0, local_int_t z1) {
  global_int_t gnx = nx, gny = ny, gnz = nz;
  for (local_int_t iz = z0; iz < z1; iz++) {
    global_int_t giz = iz;
    for (local_int_t iy = 0; iy < ny; iy++) {
      global_int_t giy = iy;
      for (local_int_t ix = 0; ix < nx; ix++) {
        global_int_t gix = ix;
        local_int_t currentLocalRow = iz * nx * ny + iy * nx + ix;
        global_int_t currentGlobalRow = giz * gnx * gny + giy * gnx + gix;
        char numberOfNonzerosInRow = 0;
        double *currentValuePointer = matrixValues[currentLocalRow];
        global_int_t *currentIndexPointerG = mtxIndG[currentLocalRow];
        for (int sz = -1; sz <= 1; sz++) {
          if (giz + sz > -1 && giz + sz < gnz) {
            for (int sy = -1; sy <= 1; sy++) {
              if (giy + sy > -1 && giy + sy < gny) {
                for (int sx = -1; sx <= 1; sx++) {
                  if (gix + sx > -1 && gix + sx < gnx) {
                    global_int_t curcol = currentGlobalRow + sz * gnx * gny + sy * gnx + sx;
                    if (curcol == currentGlobalRow) {
                      matrixDiagonal[currentLocalRow] = currentValuePointer;
                      *currentValuePointer++ = 26.0;
                    } else {
                      *currentValuePointer++ = -1.0;
                    }
                    *currentIndexPointerG++ = curcol;
                    numberOfNonzerosInRow++;
                  }
                }
              }
            }
          }
        }
        nonzerosInRow[currentLocalRow] = numberOfNonzerosInRow;
        b[currentLocalRow] = 26.0 - ((double)(numberOfNonzerosInRow - 1));
      }
    }
  }
}

void generate_flat(double *values, local_int_t *cols, local_int_t *nnz, local_int_t *diagIdx, double *b,
                   local_int_t nx, local_int_t ny, local_int_t nz, local_int_t z0, local_int_t z1) {
  for (local_int_t iz = z0; iz < z1; iz++)
    for (local_int_t iy = 0; iy < ny; iy++)
      for (local_int_t ix = 0; ix < nx; ix++) {
        local_int_t row = iz * nx * ny + iy * nx + ix, k = 0;
        for (int sz = -1; sz <= 1; sz++)
          for (int sy = -1; sy <= 1; sy++)
            for (int sx = -1; sx <= 1; sx++) {
              if (iz + sz < 0 || iz + sz >= nz || iy + sy < 0 || iy + sy >= ny || ix + sx < 0 || ix + sx >= nx) continue;
              local_int_t col = row + sz * nx * ny + sy * nx + sx;
              if (col == row) diagIdx[row] = k;
              values[row * NNZ_PER_ROW + k] = (col == row) ? 26.0 : -1.0;
              cols[row * NNZ_PER_ROW + k] = col;
              k++;
            }
        nnz[row] = k;
        b[row] = 26.0 - (double)(k - 1);
      }
}

void spmv_flat(const double *values, const local_int_t *cols, const local_int_t *nnz, const double *xv, double *yv,
               local_int_t lo, local_int_t hi) {
  for (local_int_t i = lo; i < hi; i++) {
    double sum = 0.0;
    const double *cur_vals = values + i * NNZ_PER_ROW;
    const local_int_t *cur_inds = cols + i * NNZ_PER_ROW;
    const int cur_nnz = nnz[i];
    for (int j = 0; j < cur_nnz; j++) sum += cur_vals[j] * xv[cur_inds[j]];
    yv[i] = sum;
  }
}

void symgs_flat(const double *values, const local_int_t *cols, const local_int_t *nnz, const local_int_t *diagIdx,
                const double *rv, double *xv, local_int_t nrow) {
  for (local_int_t i = 0; i < nrow; i++) {
    const double *currentValues = values + i * NNZ_PER_ROW;
    const local_int_t *currentColIndices = cols + i * NNZ_PER_ROW;
    const int currentNumberOfNonzeros = nnz[i];
    const double currentDiagonal = currentValues[diagIdx[i]];
    double sum = rv[i];
    for (int j = 0; j < currentNumberOfNonzeros; j++) sum -= currentValues[j] * xv[currentColIndices[j]];
    sum += xv[i] * currentDiagonal;
    xv[i] = sum / currentDiagonal;
  }
  for (local_int_t i = nrow - 1; i >= 0; i--) {
    const double *currentValues = values + i * NNZ_PER_ROW;
    const local_int_t *currentColIndices = cols + i * NNZ_PER_ROW;
    const int currentNumberOfNonzeros = nnz[i];
    const double currentDiagonal = currentValues[diagIdx[i]];
    double sum = rv[i];
    for (int j = 0; j < currentNumberOfNonzeros; j++) sum -= currentValues[j] * xv[currentColIndices[j]];
    sum += xv[i] * currentDiagonal;
    xv[i] = sum / currentDiagonal;
  }
}

void restriction(const double *rfv, const double *Axfv, const local_int_t *f2c, double *rcv, local_int_t lo,
                 local_int_t hi) {
  for (local_int_t i = lo; i < hi; ++i) rcv[i] = rfv[f2c[i]] - Axfv[f2c[i]];
}

void prolongation(double *xfv, const double *xcv, const local_int_t *f2c, local_int_t lo, local_int_t hi) {
  for (local_int_t i = lo; i < hi; ++i) xfv[f2c[i]] += xcv[i];
}

void waxpby(local_int_t n, double alpha, const double *xv, double beta, const double *yv, double *wv) {
  if (alpha == 1.0) {
    for (local_int_t i = 0; i < n; i++) wv[i] = xv[i] + beta * yv[i];
  } else if (beta == 1.0) {
    for (local_int_t i = 0; i < n; i++) wv[i] = alpha * xv[i] + yv[i];
  } else {
    for (local_int_t i = 0; i < n; i++) wv[i] = alpha * xv[i] + beta * yv[i];
  }
}

double dot_product(local_int_t n, const double *xv, const double *yv) {
  double local_result = 0.0;
  if (yv == xv) {
    for (local_int_t i = 0; i < n; i++) local_result += xv[i] * xv[i];
  } else {
    for (local_int_t i = 0; i < n; i++) local_result += xv[i] * yv[i];
  }
  return local_result;
}

int main(void) {
  double checksum = 0.0;
  local_int_t nx = 4, ny = 4, nz = 6, nrow = nx * ny * nz;

  /* Generation through row pointers: z-planes [0, 2), [2, 5), [5, 6). */
  double *mainValues = malloc(nrow * NNZ_PER_ROW * sizeof(double));
  global_int_t *mainIndG = malloc(nrow * NNZ_PER_ROW * sizeof(global_int_t));
  double **matrixValues = malloc(nrow * sizeof(double *)), **matrixDiagonal = malloc(nrow * sizeof(double *));
  global_int_t **mtxIndG = malloc(nrow * sizeof(global_int_t *));
  char *nonzerosInRow = malloc(nrow);
  double *b = malloc(nrow * sizeof(double));
  for (local_int_t i = 0; i < nrow; i++)
    matrixValues[i] = mainValues + i * NNZ_PER_ROW, mtxIndG[i] = mainIndG + i * NNZ_PER_ROW;
  int zc[4] = {0, 2, 5, nz};
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    generate_rows(matrixValues, mtxIndG, matrixDiagonal, nonzerosInRow, b, nx, ny, nz, zc[s], zc[s + 1]);
  }
#pragma dosc taskwait
  for (local_int_t i = 0; i < nrow; i++) {
    checksum += nonzerosInRow[i] + b[i] * 0.5 + *matrixDiagonal[i] * 0.01 + (double)(matrixDiagonal[i] - mainValues) * 1e-4;
    for (int k = 0; k < nonzerosInRow[i]; k++) checksum += matrixValues[i][k] * 1e-3 + mtxIndG[i][k] * 1e-5;
  }

  /* Generation into flat arrays, then SpMV, SYMGS, WAXPBY and dot. */
  double *values = malloc(nrow * NNZ_PER_ROW * sizeof(double));
  local_int_t *cols = malloc(nrow * NNZ_PER_ROW * sizeof(local_int_t)), *nnz = malloc(nrow * sizeof(local_int_t));
  local_int_t *diagIdx = malloc(nrow * sizeof(local_int_t));
  double *bf = malloc(nrow * sizeof(double)), *x = malloc(nrow * sizeof(double)), *Ax = malloc(nrow * sizeof(double));
  double *r = malloc(nrow * sizeof(double));
  for (int s = 0; s < 3; s++) {
#pragma dosc task
    generate_flat(values, cols, nnz, diagIdx, bf, nx, ny, nz, zc[s], zc[s + 1]);
  }
#pragma dosc taskwait
  for (local_int_t i = 0; i < nrow; i++) x[i] = 0.0;
  for (int it = 0; it < 2; it++) {
#pragma dosc task
    symgs_flat(values, cols, nnz, diagIdx, bf, x, nrow);
#pragma dosc taskwait
    for (local_int_t lo = 0; lo < nrow; lo += 40) {
#pragma dosc task
      spmv_flat(values, cols, nnz, x, Ax, lo, lo + 40 < nrow ? lo + 40 : nrow);
    }
#pragma dosc taskwait
#pragma dosc task
    waxpby(nrow, 1.0, bf, -1.0, Ax, r);
#pragma dosc taskwait
    double rr;
#pragma dosc task
    rr = dot_product(nrow, r, r);
#pragma dosc taskwait
    checksum += rr;
  }

  /* Restriction to the 2 x 2 x 3 coarse grid and prolongation back. */
  local_int_t ncx = nx / 2, ncy = ny / 2, ncz = nz / 2, nc = ncx * ncy * ncz;
  local_int_t *f2c = malloc(nc * sizeof(local_int_t));
  for (local_int_t izc = 0; izc < ncz; izc++)
    for (local_int_t iyc = 0; iyc < ncy; iyc++)
      for (local_int_t ixc = 0; ixc < ncx; ixc++) {
        local_int_t izf = 2 * izc, iyf = 2 * iyc, ixf = 2 * ixc;
        f2c[izc * ncx * ncy + iyc * ncx + ixc] = izf * nx * ny + iyf * nx + ixf;
      }
  double *rc = malloc(nc * sizeof(double)), *xc = malloc(nc * sizeof(double));
  for (local_int_t lo = 0; lo < nc; lo += 5) {
#pragma dosc task
    restriction(bf, Ax, f2c, rc, lo, lo + 5 < nc ? lo + 5 : nc);
  }
#pragma dosc taskwait
  for (local_int_t i = 0; i < nc; i++) xc[i] = rc[i] * 0.25 + i * 0.01;
  for (local_int_t lo = 0; lo < nc; lo += 6) {
#pragma dosc task
    prolongation(x, xc, f2c, lo, lo + 6 < nc ? lo + 6 : nc);
  }
#pragma dosc taskwait
  double xb[2];
#pragma dosc task
  xb[0] = dot_product(nrow, x, bf);
#pragma dosc task
  xb[1] = dot_product(nc, rc, xc);
#pragma dosc taskwait
  checksum += xb[0] + xb[1];
  for (local_int_t i = 0; i < nrow; i++) checksum += x[i] * (1 + i % 5);

  printf("checksum %.6f\n", checksum);
  free(mainValues), free(mainIndG), free(matrixValues), free(matrixDiagonal), free(mtxIndG), free(nonzerosInRow);
  free(b), free(values), free(cols), free(nnz), free(diagIdx), free(bf), free(x), free(Ax), free(r), free(f2c);
  free(rc), free(xc);
  return 0;
}
