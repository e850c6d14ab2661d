/* Parboil's cutcp and tpacf CPU references (IMPACT group, University of Illinois; Parboil
   licence, University of Illinois/NCSA open source) as dosc tasks (branch unseen13), from
   Parboil's benchmarks/cutcp/src/cpu/cpu.c and benchmarks/tpacf/src/cpu/compute.c (cutcp's header
   comments as read in tue-es/rooflineDVFS benchmark_code/benchmarks/cutcp): the shapes kept, the
   code written anew.
   - cutcp: atoms binned into cells as linked lists held in two int arrays (`next[n] =
     first[gindex]; first[gindex] = n;`, -1 ending a list), gindex = (k * nycell + j) * nxcell + i
     from floorf of the coordinates; for each atom of each cell the box of lattice points within
     the cutoff, trimmed to the lattice (`if (ia < 0) ia = 0; if (ib >= nx) ib = nx - 1;`), rows
     walked by a bumped pointer `pg = lattice + ((k * ny + j) * nx + ia); ...; pg++` with `*pg +=
     e` under `if (r2 >= a2) continue;`; a task per slab of lattice planes [k0, k1) (the box's k
     range trimmed to the slab as well), the binning a task of its own;
   - tpacf: doCompute over `struct cartesian { double x, y, z; }` arrays with `if (doSelf) { n2 =
     n1; data2 = data1; }`, j from i + 1 or 0, the binary search `while (max > min + 1)` over the
     bin boundaries binb[0..nbins], then data_bins[min], data_bins[max + 1] or data_bins[max]
     incremented (nbins + 2 counters, long long); a task per block of i with its own histogram.
   The program prints the lattice's checksum and the histograms. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  float x, y, z, q;
} Atom;

typedef struct {
  int nx, ny, nz;
  float xlo, ylo, zlo;
  float h;
} LatticeDim;

#define CELLEN     4.f
#define INV_CELLEN (1.f / CELLEN)

/* Cells as linked lists: first[gindex] the last atom put in the cell, next[n] the one before. */
void bin_atoms(const Atom *atom, int natoms, int *first, int *next, int nxcell, int nycell,
               int nzcell, float xlo, float ylo, float zlo) {
  int ncell = nxcell * nycell * nzcell;
  for (int g = 0; g < ncell; g++)
    first[g] = -1;
  for (int n = 0; n < natoms; n++) {
    int i = (int)floorf((atom[n].x - xlo) * INV_CELLEN);
    int j = (int)floorf((atom[n].y - ylo) * INV_CELLEN);
    int k = (int)floorf((atom[n].z - zlo) * INV_CELLEN);
    int gindex = (k * nycell + j) * nxcell + i;
    next[n] = first[gindex];
    first[gindex] = n;
  }
}

/* The potential of every atom within the cutoff on the lattice planes [k0, k1). */
void cutoff_potential_slab(float *lattice, LatticeDim dim, float cutoff, const Atom *atom,
                           const int *first, const int *next, int ncell, int k0, int k1) {
  const float a2 = cutoff * cutoff, inv_a2 = 1.f / a2, gridspacing = dim.h,
              inv_gridspacing = 1.f / dim.h;
  const int radius = (int)ceilf(cutoff * inv_gridspacing) - 1;
  const int nx = dim.nx, ny = dim.ny;
  for (int gindex = 0; gindex < ncell; gindex++) {
    for (int n = first[gindex]; n != -1; n = next[n]) {
      float x = atom[n].x - dim.xlo, y = atom[n].y - dim.ylo, z = atom[n].z - dim.zlo,
            q = atom[n].q;
      int ic = (int)(x * inv_gridspacing), jc = (int)(y * inv_gridspacing),
          kc = (int)(z * inv_gridspacing);
      int ia = ic - radius, ib = ic + radius + 1;
      int ja = jc - radius, jb = jc + radius + 1;
      int ka = kc - radius, kb = kc + radius + 1;
      if (ia < 0) ia = 0;
      if (ib >= nx) ib = nx - 1;
      if (ja < 0) ja = 0;
      if (jb >= ny) jb = ny - 1;
      if (ka < k0) ka = k0;
      if (kb >= k1) kb = k1 - 1;
      float xstart = ia * gridspacing - x, ystart = ja * gridspacing - y,
            zstart = ka * gridspacing - z;
      float dx, dy, dz;
      int i, j, k;
      for (k = ka, dz = zstart; k <= kb; k++, dz += gridspacing) {
        float dz2 = dz * dz;
        if (dz2 >= a2) continue;
        for (j = ja, dy = ystart; j <= jb; j++, dy += gridspacing) {
          float dydz2 = dy * dy + dz2;
          if (dydz2 >= a2) continue;
          float *pg = lattice + ((k * ny + j) * nx + ia);
          for (i = ia, dx = xstart; i <= ib; i++, pg++, dx += gridspacing) {
            float r2 = dx * dx + dydz2;
            if (r2 >= a2) continue;
            float s = (1.f - r2 * inv_a2);
            float e = q * (1 / sqrtf(r2)) * s * s;
            *pg += e;
          }
        }
      }
    }
  }
}

/* ---- tpacf ---- */
struct cartesian {
  double x, y, z;
};

int doCompute(struct cartesian *data1, int n1, struct cartesian *data2, int n2, int doSelf,
              long long *data_bins, int nbins, float *binb, int ilo, int ihi) {
  int i, j;
  if (doSelf) {
    n2 = n1;
    data2 = data1;
  }
  for (i = ilo; i < ((doSelf) ? (ihi < n1 - 1 ? ihi : n1 - 1) : ihi); i++) {
    const double xi = data1[i].x, yi = data1[i].y, zi = data1[i].z;
    for (j = ((doSelf) ? i + 1 : 0); j < n2; j++) {
      double dot = xi * data2[j].x + yi * data2[j].y + zi * data2[j].z;
      int min = 0, max = nbins, k;
      while (max > min + 1) {
        k = (min + max) / 2;
        if (dot >= binb[k])
          max = k;
        else
          min = k;
      }
      if (dot >= binb[min])
        data_bins[min] += 1;
      else if (dot < binb[max])
        data_bins[max + 1] += 1;
      else
        data_bins[max] += 1;
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  int natoms = argc > 1 ? atoi(argv[1]) : 40, slabs = 3;
  /* cutcp */
  LatticeDim dim = {10, 9, 9, 0.f, 0.f, 0.f, 1.f};
  float cutoff = 3.f;
  Atom *atom = malloc(sizeof(Atom) * natoms);
  unsigned s = 7;
  for (int n = 0; n < natoms; n++) {
    s = s * 1664525u + 1013904223u;
    atom[n].x = (float)(s >> 8 & 1023) / 1024.f * 9.5f;
    s = s * 1664525u + 1013904223u;
    atom[n].y = (float)(s >> 8 & 1023) / 1024.f * 8.5f;
    s = s * 1664525u + 1013904223u;
    atom[n].z = (float)(s >> 8 & 1023) / 1024.f * 8.5f;
    atom[n].q = (n % 2 ? 1.f : -0.5f) * (1.f + (n % 3));
  }
  int nxcell = (int)floorf(10.f * INV_CELLEN) + 1, nycell = (int)floorf(9.f * INV_CELLEN) + 1,
      nzcell = (int)floorf(9.f * INV_CELLEN) + 1, ncell = nxcell * nycell * nzcell;
  int *first = malloc(sizeof(int) * ncell), *next = malloc(sizeof(int) * natoms);
#pragma dosc task
  bin_atoms(atom, natoms, first, next, nxcell, nycell, nzcell, 0.f, 0.f, 0.f);
#pragma dosc taskwait
  float *lattice = calloc((size_t)dim.nx * dim.ny * dim.nz, sizeof(float));
  for (int b = 0; b < slabs; b++) {
#pragma dosc task
    cutoff_potential_slab(lattice, dim, cutoff, atom, first, next, ncell, b * dim.nz / slabs,
                          (b + 1) * dim.nz / slabs);
  }
#pragma dosc taskwait
  double lsum = 0.0;
  for (int i = 0; i < dim.nx * dim.ny * dim.nz; i++)
    lsum += lattice[i] * (1 + i % 5);
  /* tpacf */
  int npts = 2 * natoms, nbins = 8, blocks = 4;
  struct cartesian *data = malloc(sizeof(struct cartesian) * npts),
                   *rnd = malloc(sizeof(struct cartesian) * npts);
  for (int n = 0; n < npts; n++) {
    double th = 0.37 * n, ph = 0.11 * n * n;
    data[n].x = cos(th) * sin(ph);
    data[n].y = sin(th) * sin(ph);
    data[n].z = cos(ph);
    rnd[n].x = cos(th + 1.0);
    rnd[n].y = sin(th + 1.0);
    rnd[n].z = 0.0;
  }
  float binb[9];
  for (int k = 0; k <= nbins; k++)
    binb[k] = cosf((float)(k + 1) * 0.35f);
  long long *bins = calloc((size_t)2 * blocks * (nbins + 2), sizeof(long long));
  for (int b = 0; b < blocks; b++) {
    int lo = b * npts / blocks, hi = (b + 1) * npts / blocks;
#pragma dosc task
    doCompute(data, npts, NULL, 0, 1, bins + b * (nbins + 2), nbins, binb, lo, hi);
#pragma dosc task
    doCompute(data, npts, rnd, npts, 0, bins + (blocks + b) * (nbins + 2), nbins, binb, lo, hi);
  }
#pragma dosc taskwait
  printf("lattice %.4f\nDD", lsum);
  for (int k = 0; k < nbins + 2; k++) {
    long long t = 0;
    for (int b = 0; b < blocks; b++)
      t += bins[b * (nbins + 2) + k];
    printf(" %lld", t);
  }
  printf("\nDR");
  for (int k = 0; k < nbins + 2; k++) {
    long long t = 0;
    for (int b = 0; b < blocks; b++)
      t += bins[(blocks + b) * (nbins + 2) + k];
    printf(" %lld", t);
  }
  printf("\n");
  free(atom);
  free(first);
  free(next);
  free(lattice);
  free(data);
  free(rnd);
  free(bins);
  return 0;
}
