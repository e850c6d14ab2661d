/* Mantevo miniapps' kernels and CoSP2 (branch unseen10), converted as a user would (each `omp
   for` a task per block of rows, elements or atoms; the shapes kept, the code written anew):
   miniFE's matvec_std over a struct MatrixType of CSR arrays reached through the struct
   (`A->row_offsets[row + 1]`, `A->packed_coefs[i] * x[A->packed_cols[i]]`), its three-armed
   waxpby (alpha == 1, beta == 1, else) and dot, the element diffusion matrix packed as an upper
   triangle by a counter (`elem[offset++]` for j from i), sum_into_row's lower_bound search
   returning a pointer into the row (`loc - row_indices < row_len && *loc == input`) and
   impose_dirichlet's row zeroing at data-given rows; miniMD's atoms as `x[i * PAD + 0..2]`, binned
   by coord2bin (floor of a coordinate) into `bins[ibin * atoms_per_bin + ac]` with `ac =
   bincount[ibin]++`, the full neighbour list built over a stencil of bins into `neighs =
   &neighbors[i * maxneighs]` with `neighs[n++] = j`, the Lennard-Jones force over it writing f[i]
   only, and initialIntegrate's `x[i * PAD + 0] += dt * v[i * PAD + 0]`; CoSP2's SP2 kernels over
   an ELLPACK matrix flattened to `val[i * msize + jp]` / `jja[i * msize + jp]` with row lengths
   `iia[i]` (X^2 with the task's own VLA scatter vectors `ix[hsize]`, `x[hsize]`, the X = 2X - X^2
   update, the scalar multiply bounded by `iia[i]`, Gershgorin bounds through out-pointers). The
   program prints a checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- miniFE ---- */
typedef struct {
  int nrows;
  int *rows;
  int *row_offsets;
  int *packed_cols;
  double *packed_coefs;
} MatrixType;

void matvec_std(const MatrixType *A, const double *xcoefs, double *ycoefs, int lo, int hi) {
  const int *Arowoffsets = A->row_offsets;
  const int *Acols = A->packed_cols;
  const double *Acoefs = A->packed_coefs;
  for (int row = lo; row < hi; ++row) {
    const int row_start = Arowoffsets[row];
    const int row_end = Arowoffsets[row + 1];
    double sum = 0;
    for (int i = row_start; i < row_end; ++i) sum += Acoefs[i] * xcoefs[Acols[i]];
    ycoefs[row] = sum;
  }
}

void waxpby(int n, double alpha, const double *xcoefs, double beta, const double *ycoefs, double *wcoefs) {
  if (alpha == 1.0) {
    for (int i = 0; i < n; ++i) wcoefs[i] = xcoefs[i] + beta * ycoefs[i];
  } else if (beta == 1.0) {
    for (int i = 0; i < n; ++i) wcoefs[i] = alpha * xcoefs[i] + ycoefs[i];
  } else {
    for (int i = 0; i < n; ++i) wcoefs[i] = alpha * xcoefs[i] + beta * ycoefs[i];
  }
}

double dot(int n, const double *x, const double *y) {
  double result = 0;
  for (int i = 0; i < n; ++i) result += x[i] * y[i];
  return result;
}

/* Hex8's diffusion matrix, symmetric, packed as its upper triangle: 36 entries an element. */
#define NPE 8
void diffusion_matrices(const double *coords, double *elem_mats, int elo, int ehi) {
  for (int e = elo; e < ehi; e++) {
    const double *c = &coords[e * NPE * 3];
    double *out = elem_mats + e * (NPE * (NPE + 1) / 2);
    int offset = 0;
    for (int i = 0; i < NPE; ++i)
      for (int j = i; j < NPE; ++j) {
        double dx = c[i * 3] - c[j * 3], dy = c[i * 3 + 1] - c[j * 3 + 1], dz = c[i * 3 + 2] - c[j * 3 + 2];
        out[offset++] = (i == j) ? 1.0 : -1.0 / (1.0 + dx * dx + dy * dy + dz * dz);
      }
  }
}

static int *lower_bound(int *first, int *last, int value) {
  int count = (int)(last - first);
  while (count > 0) {
    int step = count / 2;
    int *it = first + step;
    if (*it < value) {
      first = it + 1;
      count -= step + 1;
    } else
      count = step;
  }
  return first;
}

void sum_into_row(int row_len, int *row_indices, double *row_coefs, int num_inputs, const int *input_indices,
                  const double *input_coefs) {
  for (int i = 0; i < num_inputs; ++i) {
    int *loc = lower_bound(row_indices, row_indices + row_len, input_indices[i]);
    if (loc - row_indices < row_len && *loc == input_indices[i]) row_coefs[loc - row_indices] += input_coefs[i];
  }
}

void impose_dirichlet(MatrixType *A, double *b, const int *bc_rows, int num_bc, double prescribed, int lo, int hi) {
  for (int row = lo; row < hi; ++row) {
    int is_bc = 0;
    for (int k = 0; k < num_bc; k++)
      if (bc_rows[k] == row) is_bc = 1;
    for (int i = A->row_offsets[row]; i < A->row_offsets[row + 1]; ++i) {
      int col = A->packed_cols[i];
      if (is_bc) {
        A->packed_coefs[i] = (col == row) ? 1.0 : 0.0;
      } else {
        for (int k = 0; k < num_bc; k++)
          if (bc_rows[k] == col) {
            b[row] -= A->packed_coefs[i] * prescribed;
            A->packed_coefs[i] = 0.0;
          }
      }
    }
    if (is_bc) b[row] = prescribed;
  }
}

/* ---- miniMD ---- */
#define PAD 3
#define NBIN 4
typedef double MMD_float;

static int coord2bin(MMD_float xv, MMD_float yv, MMD_float zv, MMD_float binsize) {
  int ix = (int)floor(xv / binsize), iy = (int)floor(yv / binsize), iz = (int)floor(zv / binsize);
  if (ix < 0) ix = 0;
  if (iy < 0) iy = 0;
  if (iz < 0) iz = 0;
  if (ix >= NBIN) ix = NBIN - 1;
  if (iy >= NBIN) iy = NBIN - 1;
  if (iz >= NBIN) iz = NBIN - 1;
  return iz * NBIN * NBIN + iy * NBIN + ix;
}

void binatoms(const MMD_float *x, int nlocal, int *bincount, int *bins, int atoms_per_bin, MMD_float binsize) {
  for (int i = 0; i < NBIN * NBIN * NBIN; i++) bincount[i] = 0;
  for (int i = 0; i < nlocal; i++) {
    const int ibin = coord2bin(x[i * PAD + 0], x[i * PAD + 1], x[i * PAD + 2], binsize);
    if (bincount[ibin] < atoms_per_bin) {
      int ac = bincount[ibin]++;
      bins[ibin * atoms_per_bin + ac] = i;
    }
  }
}

void build_neighbors(const MMD_float *x, const int *bincount, const int *bins, int atoms_per_bin, MMD_float binsize,
                     MMD_float cutneighsq, int *neighbors, int *numneigh, int maxneighs, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    int *neighs = &neighbors[i * maxneighs];
    int n = 0;
    const MMD_float xtmp = x[i * PAD + 0], ytmp = x[i * PAD + 1], ztmp = x[i * PAD + 2];
    const int ibin = coord2bin(xtmp, ytmp, ztmp, binsize);
    int bx = ibin % NBIN, by = ibin / NBIN % NBIN, bz = ibin / (NBIN * NBIN);
    for (int dz = -1; dz <= 1; dz++)
      for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++) {
          int jx = bx + dx, jy = by + dy, jz = bz + dz;
          if (jx < 0 || jy < 0 || jz < 0 || jx >= NBIN || jy >= NBIN || jz >= NBIN) continue;
          const int jbin = jz * NBIN * NBIN + jy * NBIN + jx;
          const int *loc = &bins[jbin * atoms_per_bin];
          for (int m = 0; m < bincount[jbin]; m++) {
            const int j = loc[m];
            if (j == i) continue;
            const MMD_float delx = xtmp - x[j * PAD + 0], dely = ytmp - x[j * PAD + 1], delz = ztmp - x[j * PAD + 2];
            const MMD_float rsq = delx * delx + dely * dely + delz * delz;
            if (rsq <= cutneighsq && n < maxneighs) neighs[n++] = j;
          }
        }
    numneigh[i] = n;
  }
}

MMD_float force_fullneigh(const MMD_float *x, MMD_float *f, const int *neighbors, const int *numneigh, int maxneighs,
                          MMD_float cutforcesq, int lo, int hi) {
  MMD_float eng = 0.0;
  for (int i = lo; i < hi; i++) {
    const int *neighs = &neighbors[i * maxneighs];
    const int numneighs = numneigh[i];
    MMD_float fix = 0, fiy = 0, fiz = 0;
    for (int k = 0; k < numneighs; k++) {
      const int j = neighs[k];
      const MMD_float delx = x[i * PAD + 0] - x[j * PAD + 0];
      const MMD_float dely = x[i * PAD + 1] - x[j * PAD + 1];
      const MMD_float delz = x[i * PAD + 2] - x[j * PAD + 2];
      const MMD_float rsq = delx * delx + dely * dely + delz * delz;
      if (rsq < cutforcesq) {
        const MMD_float sr2 = 1.0 / (rsq + 0.5), sr6 = sr2 * sr2 * sr2;
        const MMD_float force = 48.0 * sr6 * (sr6 - 0.5) * sr2;
        fix += delx * force, fiy += dely * force, fiz += delz * force;
        eng += 4.0 * sr6 * (sr6 - 1.0);
      }
    }
    f[i * PAD + 0] = fix, f[i * PAD + 1] = fiy, f[i * PAD + 2] = fiz;
  }
  return eng;
}

void initial_integrate(MMD_float *x, MMD_float *v, const MMD_float *f, MMD_float dt, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    v[i * PAD + 0] += dt * f[i * PAD + 0] * 1e-6, v[i * PAD + 1] += dt * f[i * PAD + 1] * 1e-6;
    v[i * PAD + 2] += dt * f[i * PAD + 2] * 1e-6;
    x[i * PAD + 0] += dt * v[i * PAD + 0], x[i * PAD + 1] += dt * v[i * PAD + 1], x[i * PAD + 2] += dt * v[i * PAD + 2];
  }
}

/* ---- CoSP2 (ELLPACK, flattened) ---- */
typedef double real_t;
#define ZERO 0.0
#define TWO 2.0
#define ABS fabs
static const real_t eps = 1.0e-5;

void sparse_x2(real_t *traces, const int *iia, const int *jja, const real_t *val, int *x2iia, int *x2jja, real_t *x2val,
               int hsize, int msize, int lo, int hi) {
  int ix[hsize];
  real_t x[hsize];
  real_t traceX = ZERO, traceX2 = ZERO;
  memset(ix, 0, hsize * sizeof(int));
  memset(x, 0, hsize * sizeof(real_t));
  for (int i = lo; i < hi; i++) {
    int l = 0;
    for (int jp = 0; jp < iia[i]; jp++) {
      real_t a = val[i * msize + jp];
      int j = jja[i * msize + jp];
      if (j == i) traceX += a;
      for (int kp = 0; kp < iia[j]; kp++) {
        int k = jja[j * msize + kp];
        if (ix[k] == 0) {
          x[k] = ZERO;
          x2jja[i * msize + l] = k;
          ix[k] = i + 1;
          l++;
        }
        x[k] = x[k] + a * val[j * msize + kp];
      }
    }
    int ll = 0;
    for (int j = 0; j < l; j++) {
      int jp = x2jja[i * msize + j];
      real_t xtmp = x[jp];
      if (jp == i) {
        traceX2 += xtmp;
        x2val[i * msize + ll] = xtmp;
        x2jja[i * msize + ll] = jp;
        ll++;
      } else if (ABS(xtmp) > eps) {
        x2val[i * msize + ll] = xtmp;
        x2jja[i * msize + ll] = jp;
        ll++;
      }
      ix[jp] = 0;
      x[jp] = ZERO;
    }
    x2iia[i] = ll;
  }
  traces[0] = traceX;
  traces[1] = traceX2;
}

void sparse_add(int *iia, int *jja, real_t *val, const int *x2iia, const int *x2jja, const real_t *x2val, int hsize,
                int msize, int lo, int hi) {
  int ix[hsize];
  real_t x[hsize];
  memset(ix, 0, hsize * sizeof(int));
  memset(x, 0, hsize * sizeof(real_t));
  for (int i = lo; i < hi; i++) {
    int l = 0;
    for (int jp = 0; jp < iia[i]; jp++) {
      int k = jja[i * msize + jp];
      if (ix[k] == 0) {
        x[k] = ZERO;
        ix[k] = i + 1;
        jja[i * msize + l] = k;
        l++;
      }
      x[k] = x[k] + TWO * val[i * msize + jp];
    }
    for (int jp = 0; jp < x2iia[i]; jp++) {
      int k = x2jja[i * msize + jp];
      if (ix[k] == 0) {
        x[k] = ZERO;
        ix[k] = i + 1;
        jja[i * msize + l] = k;
        l++;
      }
      x[k] = x[k] - x2val[i * msize + jp];
    }
    int ll = 0;
    for (int jp = 0; jp < l; jp++) {
      real_t xTmp = x[jja[i * msize + jp]];
      if (ABS(xTmp) > eps) {
        val[i * msize + ll] = xTmp;
        jja[i * msize + ll] = jja[i * msize + jp];
        ll++;
      }
      x[jja[i * msize + jp]] = ZERO;
      ix[jja[i * msize + jp]] = 0;
    }
    iia[i] = ll;
  }
}

void sparse_mult_scalar(const int *iia, real_t *val, int msize, real_t scalar, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < iia[i]; j++) val[i * msize + j] *= scalar;
}

void gershgorin(const int *iia, const int *jja, const real_t *val, int msize, int lo, int hi, real_t *eMin,
                real_t *eMax) {
  real_t emin = 1e30, emax = -1e30;
  for (int i = lo; i < hi; i++) {
    real_t sumM = ZERO, diag = ZERO;
    for (int j = 0; j < iia[i]; j++) {
      if (jja[i * msize + j] == i)
        diag = val[i * msize + j];
      else
        sumM += ABS(val[i * msize + j]);
    }
    if (diag + sumM > emax) emax = diag + sumM;
    if (diag - sumM < emin) emin = diag - sumM;
  }
  *eMin = emin;
  *eMax = emax;
}

int main(void) {
  double checksum = 0.0;

  /* miniFE: a 1-D Laplacian of 24 rows in CSR, blocks of 8. */
  {
    int n = 24, nnz = 3 * n - 2;
    MatrixType A = {n, malloc(n * sizeof(int)), malloc((n + 1) * sizeof(int)), malloc(nnz * sizeof(int)),
                    malloc(nnz * sizeof(double))};
    int k = 0;
    for (int r = 0; r < n; r++) {
      A.rows[r] = r;
      A.row_offsets[r] = k;
      for (int c = r - 1; c <= r + 1; c++)
        if (c >= 0 && c < n) A.packed_cols[k] = c, A.packed_coefs[k++] = (c == r) ? 2.0 : -1.0;
    }
    A.row_offsets[n] = k;
    double *x = malloc(n * sizeof(double)), *y = malloc(n * sizeof(double)), *w = malloc(n * sizeof(double));
    double *b = malloc(n * sizeof(double));
    for (int i = 0; i < n; i++) x[i] = 1.0 + (i % 5), b[i] = 1.0;
    int bc_rows[3] = {0, 11, n - 1};
    for (int blk = 0; blk < 3; blk++) {
#pragma dosc task
      impose_dirichlet(&A, b, bc_rows, 3, 0.5, blk * 8, blk * 8 + 8);
    }
#pragma dosc taskwait
    for (int blk = 0; blk < 3; blk++) {
#pragma dosc task
      matvec_std(&A, x, y, blk * 8, blk * 8 + 8);
    }
#pragma dosc taskwait
#pragma dosc task
    waxpby(12, 1.0, x, -0.5, y, w);
#pragma dosc task
    waxpby(6, 0.5, x + 12, 1.0, y + 12, w + 12);
#pragma dosc task
    waxpby(6, 0.25, x + 18, 2.0, y + 18, w + 18);
    double d[2];
#pragma dosc task
    d[0] = dot(12, x, y);
#pragma dosc task
    d[1] = dot(12, x + 12, y + 12);
#pragma dosc taskwait
    checksum += d[0] + d[1];
    for (int i = 0; i < n; i++) checksum += w[i] * (1 + i % 3) + b[i];

    int ne = 6;
    double *coords = malloc(ne * NPE * 3 * sizeof(double)), *elem = malloc(ne * 36 * sizeof(double));
    for (int i = 0; i < ne * NPE * 3; i++) coords[i] = (i * 37 % 11) * 0.1;
    for (int e = 0; e < ne; e += 2) {
#pragma dosc task
      diffusion_matrices(coords, elem, e, e + 2);
    }
#pragma dosc taskwait
    for (int i = 0; i < ne * 36; i++) checksum += elem[i] * (1 + i % 4);

    /* sum_into_row on three rows of 6 sorted indices each, inputs hitting and missing. */
    int row_idx[18], in_idx[5] = {2, 3, 7, 9, 40};
    double row_coefs[18] = {0}, in_coefs[5] = {1.0, 2.0, 3.0, 4.0, 5.0};
    for (int i = 0; i < 18; i++) row_idx[i] = (i % 6) * 2 + (i / 6);
    for (int r = 0; r < 3; r++) {
#pragma dosc task
      sum_into_row(6, row_idx + 6 * r, row_coefs + 6 * r, 5, in_idx, in_coefs);
    }
#pragma dosc taskwait
    for (int i = 0; i < 18; i++) checksum += row_coefs[i] * (i + 1);
    free(A.rows), free(A.row_offsets), free(A.packed_cols), free(A.packed_coefs);
    free(x), free(y), free(w), free(b), free(coords), free(elem);
  }

  /* miniMD: 40 atoms in a box of 4 bins a side. */
  {
    int nlocal = 40, atoms_per_bin = 8, maxneighs = 24;
    MMD_float binsize = 1.0, dt = 0.005;
    MMD_float *x = malloc(nlocal * PAD * sizeof(MMD_float)), *v = calloc(nlocal * PAD, sizeof(MMD_float));
    MMD_float *f = calloc(nlocal * PAD, sizeof(MMD_float));
    for (int i = 0; i < nlocal; i++)
      x[i * PAD + 0] = (i * 7 % 40) * 0.099, x[i * PAD + 1] = (i * 13 % 40) * 0.098, x[i * PAD + 2] = (i * 3 % 40) * 0.097;
    int *bincount = malloc(NBIN * NBIN * NBIN * sizeof(int)), *bins = malloc(NBIN * NBIN * NBIN * atoms_per_bin * sizeof(int));
    int *neighbors = malloc(nlocal * maxneighs * sizeof(int)), *numneigh = malloc(nlocal * sizeof(int));
    for (int step = 0; step < 2; step++) {
#pragma dosc task
      binatoms(x, nlocal, bincount, bins, atoms_per_bin, binsize);
#pragma dosc taskwait
      for (int blk = 0; blk < 4; blk++) {
#pragma dosc task
        build_neighbors(x, bincount, bins, atoms_per_bin, binsize, 1.1, neighbors, numneigh, maxneighs, blk * 10,
                        blk * 10 + 10);
      }
#pragma dosc taskwait
      MMD_float eng[4];
      for (int blk = 0; blk < 4; blk++) {
#pragma dosc task
        eng[blk] = force_fullneigh(x, f, neighbors, numneigh, maxneighs, 1.0, blk * 10, blk * 10 + 10);
      }
#pragma dosc taskwait
      checksum += (eng[0] + eng[1] + eng[2] + eng[3]) * 1e-6;
      for (int blk = 0; blk < 4; blk++) {
#pragma dosc task
        initial_integrate(x, v, f, dt, blk * 10, blk * 10 + 10);
      }
#pragma dosc taskwait
    }
    for (int i = 0; i < nlocal * PAD; i++) checksum += x[i] * (1 + i % 3);
    for (int i = 0; i < nlocal; i++) checksum += numneigh[i];
    free(x), free(v), free(f), free(bincount), free(bins), free(neighbors), free(numneigh);
  }

  /* CoSP2: a banded 16 x 16 Hamiltonian, msize 16, two SP2 steps, row blocks of 6, 5, 5. */
  {
    int hsize = 16, msize = 16;
    int *iia = calloc(hsize, sizeof(int)), *jja = calloc(hsize * msize, sizeof(int));
    real_t *val = calloc(hsize * msize, sizeof(real_t));
    int *x2iia = calloc(hsize, sizeof(int)), *x2jja = calloc(hsize * msize, sizeof(int));
    real_t *x2val = calloc(hsize * msize, sizeof(real_t));
    for (int i = 0; i < hsize; i++) {
      int l = 0;
      for (int j = i - 1; j <= i + 1; j++)
        if (j >= 0 && j < hsize) jja[i * msize + l] = j, val[i * msize + l++] = (j == i) ? 0.5 - 0.01 * i : 0.1;
      iia[i] = l;
    }
    int cut[4] = {0, 6, 11, hsize};
    real_t emin[3], emax[3];
    for (int blk = 0; blk < 3; blk++) {
#pragma dosc task
      gershgorin(iia, jja, val, msize, cut[blk], cut[blk + 1], &emin[blk], &emax[blk]);
    }
#pragma dosc taskwait
    checksum += emin[0] + emin[1] + emin[2] + emax[0] + emax[1] + emax[2];
    real_t traces[3][2];
    for (int step = 0; step < 2; step++) {
      for (int blk = 0; blk < 3; blk++) {
#pragma dosc task
        sparse_x2(traces[blk], iia, jja, val, x2iia, x2jja, x2val, hsize, msize, cut[blk], cut[blk + 1]);
      }
#pragma dosc taskwait
      for (int blk = 0; blk < 3; blk++) checksum += traces[blk][0] + 2 * traces[blk][1];
      for (int blk = 0; blk < 3; blk++) {
#pragma dosc task
        sparse_add(iia, jja, val, x2iia, x2jja, x2val, hsize, msize, cut[blk], cut[blk + 1]);
      }
#pragma dosc taskwait
      for (int blk = 0; blk < 3; blk++) {
#pragma dosc task
        sparse_mult_scalar(iia, val, msize, 0.5, cut[blk], cut[blk + 1]);
      }
#pragma dosc taskwait
    }
    for (int i = 0; i < hsize; i++) {
      checksum += iia[i];
      for (int j = 0; j < iia[i]; j++) checksum += val[i * msize + j] * (1 + jja[i * msize + j] % 5);
    }
    free(iia), free(jja), free(val), free(x2iia), free(x2jja), free(x2val);
  }

  printf("checksum %.6f\n", checksum);
  return 0;
}
