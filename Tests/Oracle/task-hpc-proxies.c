/* Proxy apps as tasks, in their own shapes:
   - XSBench event-based lookups: a binary grid_search over the unionized grid (`long` indices),
     an LCG on uint64_t with a 2^63 modulus, index_data[idx * n_isotopes + nuc] picking a
     NuclideGridPoint (low = &grids[nuc * n + i], high = low + 1), mats[mat * max_num_nucs + j];
     once with flat pointer parameters, once with the suite's SimulationData passed by value (its
     pointers inside a structure copy);
   - STREAM: the tuned kernels over the global arrays a, b, c (with OFFSET), by name, and the
     triad through pointers with ssize_t indices;
   - CoMD: Lennard-Jones forces over link cells (real3 arrays, iOff from MAXATOMS * iBox,
     nbrBoxes[iBox][jTmp]) and advanceVelocity's `for (iOff = MAXATOMS * iBox, ii = 0; ...; ii++, iOff++)`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/types.h>

/* ---- XSBench ---- */
typedef struct {
  double energy;
  double total_xs;
  double elastic_xs;
  double absorbtion_xs;
  double fission_xs;
  double nu_fission_xs;
} NuclideGridPoint;

typedef struct {
  int *num_nucs;
  double *concs;
  int *mats;
  double *unionized_energy_array;
  int *index_grid;
  NuclideGridPoint *nuclide_grid;
  int length_unionized_energy_array;
  long length_index_grid;
  int max_num_nucs;
} SimulationData;

long grid_search(long n, double quarry, double *A) {
  long lowerLimit = 0;
  long upperLimit = n - 1;
  long examinationPoint;
  long length = upperLimit - lowerLimit;
  while (length > 1) {
    examinationPoint = lowerLimit + (length / 2);
    if (A[examinationPoint] > quarry)
      upperLimit = examinationPoint;
    else
      lowerLimit = examinationPoint;
    length = upperLimit - lowerLimit;
  }
  return lowerLimit;
}

double LCG_random_double(uint64_t *seed) {
  const uint64_t m = 9223372036854775808ULL; /* 2^63 */
  const uint64_t a = 2806196910506780709ULL;
  const uint64_t c = 1ULL;
  *seed = (a * (*seed) + c) % m;
  return (double)(*seed) / (double)m;
}

uint64_t fast_forward_LCG(uint64_t seed, uint64_t n) {
  const uint64_t m = 9223372036854775808ULL;
  uint64_t a = 2806196910506780709ULL, c = 1ULL, a_new = 1, c_new = 0;
  n = n % m;
  while (n > 0) {
    if (n & 1) {
      a_new *= a;
      c_new = c_new * a + c;
    }
    c *= (a + 1);
    a *= a;
    n >>= 1;
  }
  return (a_new * seed + c_new) % m;
}

void calculate_micro_xs(double p_energy, int nuc, long n_isotopes, long n_gridpoints, int *index_data,
                        NuclideGridPoint *nuclide_grids, long idx, double *xs_vector) {
  double f;
  NuclideGridPoint *low, *high;
  if (index_data[idx * n_isotopes + nuc] == n_gridpoints - 1)
    low = &nuclide_grids[nuc * n_gridpoints + index_data[idx * n_isotopes + nuc] - 1];
  else
    low = &nuclide_grids[nuc * n_gridpoints + index_data[idx * n_isotopes + nuc]];
  high = low + 1;
  f = (high->energy - p_energy) / (high->energy - low->energy);
  xs_vector[0] = high->total_xs - f * (high->total_xs - low->total_xs);
  xs_vector[1] = high->elastic_xs - f * (high->elastic_xs - low->elastic_xs);
  xs_vector[2] = high->absorbtion_xs - f * (high->absorbtion_xs - low->absorbtion_xs);
  xs_vector[3] = high->fission_xs - f * (high->fission_xs - low->fission_xs);
  xs_vector[4] = high->nu_fission_xs - f * (high->nu_fission_xs - low->nu_fission_xs);
}

void calculate_macro_xs(double p_energy, int mat, long n_isotopes, long n_gridpoints, int *num_nucs, double *concs,
                        double *egrid, int *index_data, NuclideGridPoint *nuclide_grids, int *mats,
                        double *macro_xs_vector, int max_num_nucs) {
  int p_nuc;
  long idx;
  double conc;
  for (int k = 0; k < 5; k++) macro_xs_vector[k] = 0;
  idx = grid_search(n_isotopes * n_gridpoints, p_energy, egrid);
  for (int j = 0; j < num_nucs[mat]; j++) {
    double xs_vector[5];
    p_nuc = mats[mat * max_num_nucs + j];
    conc = concs[mat * max_num_nucs + j];
    calculate_micro_xs(p_energy, p_nuc, n_isotopes, n_gridpoints, index_data, nuclide_grids, idx, xs_vector);
    for (int k = 0; k < 5; k++) macro_xs_vector[k] += xs_vector[k] * conc;
  }
}

/* Lookups [lo, hi): the verification hash of the block into *verification. */
void xs_lookups(long n_isotopes, long n_gridpoints, int n_mats, int *num_nucs, double *concs, double *egrid,
                int *index_data, NuclideGridPoint *nuclide_grids, int *mats, int max_num_nucs, int lo, int hi,
                unsigned long *verification) {
  unsigned long v = 0;
  for (int i = lo; i < hi; i++) {
    uint64_t seed = fast_forward_LCG(42, 2 * (uint64_t)i);
    double p_energy = LCG_random_double(&seed);
    int mat = (int)(LCG_random_double(&seed) * n_mats);
    double macro_xs_vector[5] = {0};
    calculate_macro_xs(p_energy, mat, n_isotopes, n_gridpoints, num_nucs, concs, egrid, index_data, nuclide_grids, mats,
                       macro_xs_vector, max_num_nucs);
    double max = -1.0;
    int max_idx = 0;
    for (int j = 0; j < 5; j++)
      if (macro_xs_vector[j] > max) max = macro_xs_vector[j], max_idx = j;
    v += max_idx + 1;
  }
  *verification = v;
}

/* The same through the suite's SimulationData, passed by value. */
void xs_lookups_sd(SimulationData SD, long n_isotopes, long n_gridpoints, int n_mats, int lo, int hi,
                   unsigned long *verification) {
  xs_lookups(n_isotopes, n_gridpoints, n_mats, SD.num_nucs, SD.concs, SD.unionized_energy_array, SD.index_grid,
             SD.nuclide_grid, SD.mats, SD.max_num_nucs, lo, hi, verification);
}

/* ---- STREAM ---- */
#define STREAM_ARRAY_SIZE 40
#define OFFSET 3
#define STREAM_TYPE double
static STREAM_TYPE a[STREAM_ARRAY_SIZE + OFFSET], b[STREAM_ARRAY_SIZE + OFFSET], c[STREAM_ARRAY_SIZE + OFFSET];

void tuned_STREAM_Copy(ssize_t lo, ssize_t hi) {
  ssize_t j;
  for (j = lo; j < hi; j++) c[j] = a[j];
}

void tuned_STREAM_Scale(STREAM_TYPE scalar, ssize_t lo, ssize_t hi) {
  ssize_t j;
  for (j = lo; j < hi; j++) b[j] = scalar * c[j];
}

void tuned_STREAM_Add(ssize_t lo, ssize_t hi) {
  ssize_t j;
  for (j = lo; j < hi; j++) c[j] = a[j] + b[j];
}

void stream_triad(STREAM_TYPE *restrict x, const STREAM_TYPE *restrict y, const STREAM_TYPE *restrict z,
                  STREAM_TYPE scalar, ssize_t lo, ssize_t hi) {
  ssize_t j;
  for (j = lo; j < hi; j++) x[j] = y[j] + scalar * z[j];
}

/* ---- CoMD ---- */
typedef double real_t;
typedef real_t real3[3];
#define MAXATOMS 4
#define NBOXES 6
#define NNBRS 3

void lj_force_boxes(real3 *r, real3 *f, real_t *U, int *nAtoms, int nbrBoxes[][NNBRS], int nNbrBoxes, real_t rCut2,
                    real_t epsilon, real_t sigma, int lo, int hi, real_t *ePotOut) {
  real_t s6 = sigma * sigma * sigma * sigma * sigma * sigma;
  real_t rCut6 = s6 / (rCut2 * rCut2 * rCut2);
  real_t eShift = rCut6 * (rCut6 - 1.0);
  real_t ePot = 0.0;
  for (int iBox = lo; iBox < hi; iBox++) {
    int nIBox = nAtoms[iBox];
    for (int iOff = MAXATOMS * iBox; iOff < (iBox * MAXATOMS + nIBox); iOff++) {
      U[iOff] = 0.;
      for (int m = 0; m < 3; m++) f[iOff][m] = 0.;
    }
    for (int jTmp = 0; jTmp < nNbrBoxes; jTmp++) {
      int jBox = nbrBoxes[iBox][jTmp];
      int nJBox = nAtoms[jBox];
      for (int iOff = MAXATOMS * iBox; iOff < (iBox * MAXATOMS + nIBox); iOff++) {
        for (int jOff = jBox * MAXATOMS; jOff < (jBox * MAXATOMS + nJBox); jOff++) {
          real3 dr;
          real_t r2 = 0.0;
          for (int m = 0; m < 3; m++) {
            dr[m] = r[iOff][m] - r[jOff][m];
            r2 += dr[m] * dr[m];
          }
          if (r2 <= rCut2 && r2 > 0.0) {
            r2 = 1.0 / r2;
            real_t r6 = s6 * (r2 * r2 * r2);
            real_t eLocal = r6 * (r6 - 1.0) - eShift;
            U[iOff] += 0.5 * eLocal;
            ePot += 0.5 * eLocal;
            real_t fr = -4.0 * epsilon * r6 * r2 * (12.0 * r6 - 6.0);
            for (int m = 0; m < 3; m++) f[iOff][m] -= dr[m] * fr;
          }
        }
      }
    }
  }
  *ePotOut = ePot * 4.0 * epsilon;
}

void advance_velocity(real3 *p, real3 *f, int *nAtoms, real_t dt, int lo, int hi) {
  for (int iBox = lo; iBox < hi; iBox++)
    for (int iOff = MAXATOMS * iBox, ii = 0; ii < nAtoms[iBox]; ii++, iOff++) {
      p[iOff][0] += dt * f[iOff][0];
      p[iOff][1] += dt * f[iOff][1];
      p[iOff][2] += dt * f[iOff][2];
    }
}

int main(void) {
  double check = 0;
  /* XSBench: 4 nuclides x 8 grid points, 3 materials */
  {
    enum { NISO = 4, NGP = 8, NMATS = 3, MAXNUC = 3, LOOKUPS = 24 };
    NuclideGridPoint *grids = malloc(sizeof(NuclideGridPoint) * NISO * NGP);
    double *egrid = malloc(sizeof(double) * NISO * NGP);
    int *index_data = malloc(sizeof(int) * NISO * NGP * NISO);
    int num_nucs[NMATS] = {3, 2, 1}, mats[NMATS * MAXNUC] = {0, 1, 3, 2, 3, -1, 1, -1, -1};
    double concs[NMATS * MAXNUC] = {0.5, 0.25, 0.125, 1.5, 0.75, 0, 2.0, 0, 0};
    for (int n = 0; n < NISO; n++)
      for (int g = 0; g < NGP; g++) {
        NuclideGridPoint *pt = &grids[n * NGP + g];
        pt->energy = (g + 0.5 * n / NISO) / NGP;
        pt->total_xs = 1.0 + g * 0.1 + n, pt->elastic_xs = 0.5 * g + n, pt->absorbtion_xs = 2.0 - 0.1 * g;
        pt->fission_xs = 0.3 * n + 0.01 * g, pt->nu_fission_xs = 0.2 * g * n;
      }
    for (int i = 0; i < NISO * NGP; i++) egrid[i] = (double)i / (NISO * NGP);
    for (int i = 0; i < NISO * NGP; i++)
      for (int n = 0; n < NISO; n++) {
        int g = 0;
        while (g < NGP - 1 && grids[n * NGP + g + 1].energy <= egrid[i]) g++;
        index_data[i * NISO + n] = g;
      }
    unsigned long verification[6] = {0};
    for (int t = 0; t < 3; t++) {
#pragma dosc task
      xs_lookups(NISO, NGP, NMATS, num_nucs, concs, egrid, index_data, grids, mats, MAXNUC, t * LOOKUPS / 3,
                 (t + 1) * LOOKUPS / 3, &verification[t]);
    }
    SimulationData SD = {num_nucs, concs, mats, egrid, index_data, grids, NISO * NGP, NISO * NGP * NISO, MAXNUC};
    for (int t = 0; t < 3; t++) {
#pragma dosc task
      xs_lookups_sd(SD, NISO, NGP, NMATS, t * LOOKUPS / 3, (t + 1) * LOOKUPS / 3, &verification[3 + t]);
    }
#pragma dosc taskwait
    unsigned long sum = 0;
    for (int t = 0; t < 6; t++) sum += verification[t] * (t + 1);
    printf("xsbench: verification %lu\n", sum);
    free(grids), free(egrid), free(index_data);
  }
  /* STREAM */
  {
    ssize_t j;
    for (j = 0; j < STREAM_ARRAY_SIZE + OFFSET; j++) a[j] = 1.0 + j * 0.5, b[j] = 2.0, c[j] = 0.0;
    STREAM_TYPE scalar = 3.0;
    for (int k = 0; k < 2; k++) {
      for (ssize_t lo = 0; lo < STREAM_ARRAY_SIZE; lo += 16) {
#pragma dosc task
        tuned_STREAM_Copy(lo, lo + 16 < STREAM_ARRAY_SIZE ? lo + 16 : STREAM_ARRAY_SIZE);
      }
#pragma dosc taskwait
      for (ssize_t lo = 0; lo < STREAM_ARRAY_SIZE; lo += 16) {
#pragma dosc task
        tuned_STREAM_Scale(scalar, lo, lo + 16 < STREAM_ARRAY_SIZE ? lo + 16 : STREAM_ARRAY_SIZE);
      }
#pragma dosc taskwait
      for (ssize_t lo = 0; lo < STREAM_ARRAY_SIZE; lo += 16) {
#pragma dosc task
        tuned_STREAM_Add(lo, lo + 16 < STREAM_ARRAY_SIZE ? lo + 16 : STREAM_ARRAY_SIZE);
      }
#pragma dosc taskwait
      for (ssize_t lo = 0; lo < STREAM_ARRAY_SIZE; lo += 16) {
#pragma dosc task
        stream_triad(a, b, c, scalar, lo, lo + 16 < STREAM_ARRAY_SIZE ? lo + 16 : STREAM_ARRAY_SIZE);
      }
#pragma dosc taskwait
    }
    double asum = 0, bsum = 0, csum = 0;
    for (j = 0; j < STREAM_ARRAY_SIZE + OFFSET; j++) asum += a[j] * (j + 1), bsum += b[j], csum += c[j];
    printf("stream: %.4f %.4f %.4f\n", asum, bsum, csum);
  }
  /* CoMD: 6 boxes on a ring, neighbours the box itself and the two beside it */
  {
    static real3 r[NBOXES * MAXATOMS], f[NBOXES * MAXATOMS], p[NBOXES * MAXATOMS];
    static real_t U[NBOXES * MAXATOMS];
    int nAtoms[NBOXES] = {4, 3, 2, 4, 1, 3}, nbrBoxes[NBOXES][NNBRS];
    for (int iBox = 0; iBox < NBOXES; iBox++) {
      nbrBoxes[iBox][0] = iBox, nbrBoxes[iBox][1] = (iBox + 1) % NBOXES, nbrBoxes[iBox][2] = (iBox + NBOXES - 1) % NBOXES;
      for (int ii = 0; ii < MAXATOMS; ii++) {
        int iOff = iBox * MAXATOMS + ii;
        r[iOff][0] = iBox * 1.1 + ii * 0.3, r[iOff][1] = ii * 0.7, r[iOff][2] = (iBox + ii) % 3 * 0.4;
      }
    }
    real_t ePot[3];
    for (int t = 0; t < 3; t++) {
#pragma dosc task
      lj_force_boxes(r, f, U, nAtoms, nbrBoxes, NNBRS, 2.5 * 2.5, 0.2, 1.0, 2 * t, 2 * t + 2, &ePot[t]);
    }
#pragma dosc taskwait
    for (int t = 0; t < 2; t++) {
#pragma dosc task
      advance_velocity(p, f, nAtoms, 0.5, 3 * t, 3 * t + 3);
    }
#pragma dosc taskwait
    double s = ePot[0] + ePot[1] + ePot[2];
    for (int i = 0; i < NBOXES * MAXATOMS; i++) s += U[i] * (i + 1) + p[i][0] - p[i][1] * 2 + p[i][2] * 3;
    printf("comd: %.8f\n", s);
    check += s;
  }
  printf("checksum %.8f\n", check);
  return 0;
}
