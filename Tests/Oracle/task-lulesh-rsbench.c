/* LULESH (the C/OpenMP port's element loops) and RSBench (multipole cross sections) as tasks:
   - LULESH: a task per element block; the eight node indices of an element from
     &nodelist[8 * k] gathering x[gnode] into locals, CalcElemShapeFunctionDerivatives writing
     b[0..2][0..7] of a Real_t (*)[8] and returning the volume, SumElemFaceNormal's twelve
     pointer-to-scalar outputs (*normalX0 += ...), vnewc[i] = vnew[matElemlist[i]] with clamps,
     Index_t/Real_t typedefs;
   - RSBench: a window's poles [w.start, w.end) of nuclide nuc (structure copies of
     `double _Complex` poles), sigT/sigA accumulated from creal of complex products, the
     window picked from the energy, a task per lookup block writing its results. */
#include <complex.h>
#include <math.h>
#include <stdio.h>

typedef int Index_t;
typedef double Real_t;

static Real_t CalcElemShapeFunctionDerivatives(const Real_t *const x, const Real_t *const y, const Real_t *const z,
                                               Real_t b[][8]) {
  const Real_t x0 = x[0], x1 = x[1], x2 = x[2], x3 = x[3], x4 = x[4], x5 = x[5], x6 = x[6], x7 = x[7];
  const Real_t y0 = y[0], y1 = y[1], y2 = y[2], y3 = y[3], y4 = y[4], y5 = y[5], y6 = y[6], y7 = y[7];
  const Real_t z0 = z[0], z1 = z[1], z2 = z[2], z3 = z[3], z4 = z[4], z5 = z[5], z6 = z[6], z7 = z[7];
  Real_t fjxxi, fjxet, fjxze, fjyxi, fjyet, fjyze, fjzxi, fjzet, fjzze;
  Real_t cjxxi, cjxet, cjxze, cjyxi, cjyet, cjyze, cjzxi, cjzet, cjzze;
  fjxxi = .125 * ((x6 - x0) + (x5 - x3) - (x7 - x1) - (x4 - x2));
  fjxet = .125 * ((x6 - x0) - (x5 - x3) + (x7 - x1) - (x4 - x2));
  fjxze = .125 * ((x6 - x0) + (x5 - x3) + (x7 - x1) + (x4 - x2));
  fjyxi = .125 * ((y6 - y0) + (y5 - y3) - (y7 - y1) - (y4 - y2));
  fjyet = .125 * ((y6 - y0) - (y5 - y3) + (y7 - y1) - (y4 - y2));
  fjyze = .125 * ((y6 - y0) + (y5 - y3) + (y7 - y1) + (y4 - y2));
  fjzxi = .125 * ((z6 - z0) + (z5 - z3) - (z7 - z1) - (z4 - z2));
  fjzet = .125 * ((z6 - z0) - (z5 - z3) + (z7 - z1) - (z4 - z2));
  fjzze = .125 * ((z6 - z0) + (z5 - z3) + (z7 - z1) + (z4 - z2));
  cjxxi = (fjyet * fjzze) - (fjzet * fjyze);
  cjxet = -(fjyxi * fjzze) + (fjzxi * fjyze);
  cjxze = (fjyxi * fjzet) - (fjzxi * fjyet);
  cjyxi = -(fjxet * fjzze) + (fjzet * fjxze);
  cjyet = (fjxxi * fjzze) - (fjzxi * fjxze);
  cjyze = -(fjxxi * fjzet) + (fjzxi * fjxet);
  cjzxi = (fjxet * fjyze) - (fjyet * fjxze);
  cjzet = -(fjxxi * fjyze) + (fjyxi * fjxze);
  cjzze = (fjxxi * fjyet) - (fjyxi * fjxet);
  b[0][0] = -cjxxi - cjxet - cjxze;
  b[0][1] = cjxxi - cjxet - cjxze;
  b[0][2] = cjxxi + cjxet - cjxze;
  b[0][3] = -cjxxi + cjxet - cjxze;
  b[0][4] = -b[0][2];
  b[0][5] = -b[0][3];
  b[0][6] = -b[0][0];
  b[0][7] = -b[0][1];
  b[1][0] = -cjyxi - cjyet - cjyze;
  b[1][1] = cjyxi - cjyet - cjyze;
  b[1][2] = cjyxi + cjyet - cjyze;
  b[1][3] = -cjyxi + cjyet - cjyze;
  b[1][4] = -b[1][2];
  b[1][5] = -b[1][3];
  b[1][6] = -b[1][0];
  b[1][7] = -b[1][1];
  b[2][0] = -cjzxi - cjzet - cjzze;
  b[2][1] = cjzxi - cjzet - cjzze;
  b[2][2] = cjzxi + cjzet - cjzze;
  b[2][3] = -cjzxi + cjzet - cjzze;
  b[2][4] = -b[2][2];
  b[2][5] = -b[2][3];
  b[2][6] = -b[2][0];
  b[2][7] = -b[2][1];
  return 8. * (fjxet * cjxet + fjyet * cjyet + fjzet * cjzet);
}

static void SumElemFaceNormal(Real_t *normalX0, Real_t *normalY0, Real_t *normalZ0, Real_t *normalX1, Real_t *normalY1,
                              Real_t *normalZ1, Real_t *normalX2, Real_t *normalY2, Real_t *normalZ2, Real_t *normalX3,
                              Real_t *normalY3, Real_t *normalZ3, const Real_t x0, const Real_t y0, const Real_t z0,
                              const Real_t x1, const Real_t y1, const Real_t z1, const Real_t x2, const Real_t y2,
                              const Real_t z2, const Real_t x3, const Real_t y3, const Real_t z3) {
  Real_t bisectX0 = 0.5 * (x3 + x2 - x1 - x0), bisectY0 = 0.5 * (y3 + y2 - y1 - y0), bisectZ0 = 0.5 * (z3 + z2 - z1 - z0);
  Real_t bisectX1 = 0.5 * (x2 + x1 - x3 - x0), bisectY1 = 0.5 * (y2 + y1 - y3 - y0), bisectZ1 = 0.5 * (z2 + z1 - z3 - z0);
  Real_t areaX = 0.25 * (bisectY0 * bisectZ1 - bisectZ0 * bisectY1);
  Real_t areaY = 0.25 * (bisectZ0 * bisectX1 - bisectX0 * bisectZ1);
  Real_t areaZ = 0.25 * (bisectX0 * bisectY1 - bisectY0 * bisectX1);
  *normalX0 += areaX, *normalX1 += areaX, *normalX2 += areaX, *normalX3 += areaX;
  *normalY0 += areaY, *normalY1 += areaY, *normalY2 += areaY, *normalY3 += areaY;
  *normalZ0 += areaZ, *normalZ1 += areaZ, *normalZ2 += areaZ, *normalZ3 += areaZ;
}

/* The first of LULESH's stress integration loops for elements [lo, hi): volumes and the
   face normals of face 0 (nodes 0-1-2-3) summed into per-element B rows. */
void IntegrateStressBlock(const Index_t *nodelist, const Real_t *x, const Real_t *y, const Real_t *z, Real_t *determ,
                          Real_t *fx_elem, Index_t lo, Index_t hi) {
  for (Index_t k = lo; k < hi; ++k) {
    Real_t B[3][8];
    Real_t x_local[8], y_local[8], z_local[8];
    const Index_t *const elemNodes = &nodelist[8 * k];
    for (Index_t lnode = 0; lnode < 8; ++lnode) {
      Index_t gnode = elemNodes[lnode];
      x_local[lnode] = x[gnode];
      y_local[lnode] = y[gnode];
      z_local[lnode] = z[gnode];
    }
    determ[k] = CalcElemShapeFunctionDerivatives(x_local, y_local, z_local, B);
    Real_t n[8][3] = {{0}};
    SumElemFaceNormal(&n[0][0], &n[0][1], &n[0][2], &n[1][0], &n[1][1], &n[1][2], &n[2][0], &n[2][1], &n[2][2], &n[3][0],
                      &n[3][1], &n[3][2], x_local[0], y_local[0], z_local[0], x_local[1], y_local[1], z_local[1],
                      x_local[2], y_local[2], z_local[2], x_local[3], y_local[3], z_local[3]);
    for (Index_t lnode = 0; lnode < 8; ++lnode) fx_elem[k * 8 + lnode] = B[0][lnode] + n[lnode][0];
  }
}

/* A per-element helper as its own task: one element's face normals into stack results. */
void FaceNormalTask(Real_t *nx, Real_t *ny, Real_t *nz, const Real_t *xe, const Real_t *ye, const Real_t *ze) {
  SumElemFaceNormal(&nx[0], &ny[0], &nz[0], &nx[1], &ny[1], &nz[1], &nx[2], &ny[2], &nz[2], &nx[3], &ny[3], &nz[3], xe[0],
                    ye[0], ze[0], xe[1], ye[1], ze[1], xe[2], ye[2], ze[2], xe[3], ye[3], ze[3]);
}

void ApplyMaterialBlock(const Real_t *vnew, const Index_t *matElemlist, Real_t *vnewc, Real_t eosvmin, Real_t eosvmax,
                        Index_t lo, Index_t hi) {
  for (Index_t i = lo; i < hi; ++i) {
    Index_t zn = matElemlist[i];
    vnewc[i] = vnew[zn];
  }
  if (eosvmin != 0.) {
    for (Index_t i = lo; i < hi; ++i)
      if (vnewc[i] < eosvmin) vnewc[i] = eosvmin;
  }
  if (eosvmax != 0.) {
    for (Index_t i = lo; i < hi; ++i)
      if (vnewc[i] > eosvmax) vnewc[i] = eosvmax;
  }
}

/* ---- RSBench ---- */
typedef struct {
  double _Complex MP_EA;
  double _Complex MP_RT;
  double _Complex MP_RA;
  double _Complex MP_RF;
  short int l_value;
} Pole;
typedef struct {
  double T;
  double A;
  double F;
  int start;
  int end;
} Window;
#define NPOLES 6
#define NWIN 3

void rs_lookups(const Pole (*poles)[NPOLES], const Window (*windows)[NWIN], const double *sigTfactors, int n_nuclides,
                double spacing, double *results, int lo, int hi) {
  for (int l = lo; l < hi; l++) {
    double E = (l % 7 + 0.5) / 7.0;
    int nuc = l % n_nuclides;
    int window = (int)(E / spacing);
    if (window >= NWIN) window = NWIN - 1;
    Window w = windows[nuc][window];
    double sigT = E * w.T, sigA = E * w.A;
    for (int i = w.start; i < w.end; i++) {
      Pole pole = poles[nuc][i];
      double _Complex PSIIKI = 1.0 / (pole.MP_EA - sqrt(E));
      double _Complex CDUM = PSIIKI / E;
      sigT += creal(pole.MP_RT * CDUM * sigTfactors[pole.l_value]);
      sigA += creal(pole.MP_RA * CDUM);
    }
    results[2 * l] = sigT;
    results[2 * l + 1] = sigA;
  }
}

int main(void) {
  double check = 0;
  {
    enum { nx = 3, nodes = nx * nx * nx, elems = (nx - 1) * (nx - 1) * (nx - 1) };
    Real_t x[nodes], y[nodes], z[nodes], determ[elems], fx_elem[elems * 8], vnew[elems], vnewc[elems];
    Index_t nodelist[8 * elems], matElemlist[elems];
    for (int n = 0; n < nodes; n++) x[n] = n % nx + 0.01 * n, y[n] = (n / nx) % nx, z[n] = n / (nx * nx) - 0.02 * n;
    for (int k = 0; k < elems; k++) {
      int i = k % (nx - 1), j = (k / (nx - 1)) % (nx - 1), l = k / ((nx - 1) * (nx - 1));
      int base = i + nx * (j + nx * l);
      int corner[8] = {0, 1, 1 + nx, nx, nx * nx, 1 + nx * nx, 1 + nx + nx * nx, nx + nx * nx};
      for (int c = 0; c < 8; c++) nodelist[8 * k + c] = base + corner[c];
      matElemlist[k] = elems - 1 - k;
      vnew[k] = 0.5 + 0.2 * k;
    }
    for (Index_t lo = 0; lo < elems; lo += 3) {
#pragma dosc task
      IntegrateStressBlock(nodelist, x, y, z, determ, fx_elem, lo, lo + 3 < elems ? lo + 3 : elems);
    }
#pragma dosc taskwait
    Real_t normals[2][3][4] = {{{0}}};
    for (int e = 0; e < 2; e++) {
#pragma dosc task
      FaceNormalTask(normals[e][0], normals[e][1], normals[e][2], &x[e * 4], &y[e * 4], &z[e * 4]);
    }
    for (Index_t lo = 0; lo < elems; lo += 5) {
#pragma dosc task
      ApplyMaterialBlock(vnew, matElemlist, vnewc, 0.8, 1.6, lo, lo + 5 < elems ? lo + 5 : elems);
    }
#pragma dosc taskwait
    for (int k = 0; k < elems; k++) check += determ[k] * (k + 1) + vnewc[k] * (k + 2);
    for (int k = 0; k < elems * 8; k++) check += fx_elem[k] * (k % 9 + 1);
    for (int e = 0; e < 2; e++)
      for (int d = 0; d < 3; d++)
        for (int c = 0; c < 4; c++) check += normals[e][d][c] * (e + d + c + 1);
  }
  {
    enum { nucs = 2, lookups = 12 };
    Pole poles[nucs][NPOLES];
    Window windows[nucs][NWIN];
    double sigTfactors[4] = {1.0, 0.5, 0.25, 0.125}, results[2 * lookups];
    for (int n = 0; n < nucs; n++) {
      for (int p = 0; p < NPOLES; p++) {
        poles[n][p].MP_EA = (0.3 + 0.1 * p) + I * (0.05 * n);
        poles[n][p].MP_RT = 1.0 + I * (0.1 * p);
        poles[n][p].MP_RA = 0.5 - I * (0.02 * p);
        poles[n][p].MP_RF = 0.25;
        poles[n][p].l_value = (short)((p + n) % 4);
      }
      for (int w = 0; w < NWIN; w++) {
        windows[n][w].T = 0.1 * w, windows[n][w].A = 0.2 + 0.01 * n, windows[n][w].F = 0;
        windows[n][w].start = 2 * w, windows[n][w].end = 2 * w + 1 + (n + w) % 2;
      }
    }
    for (int lo = 0; lo < lookups; lo += 4) {
#pragma dosc task
      rs_lookups((const Pole (*)[NPOLES])poles, (const Window (*)[NWIN])windows, sigTfactors, nucs, 1.0 / NWIN, results,
                 lo, lo + 4);
    }
#pragma dosc taskwait
    for (int l = 0; l < 2 * lookups; l++) check += results[l] * (l + 1);
  }
  printf("checksum %.8f\n", check);
  return 0;
}
