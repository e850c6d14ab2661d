/* More Rodinia kernels as tasks (the first set is task-rodinia-kernels.c), their shapes kept:
   - srad (v1): column-major k = i + Nr * j, neighbours through the index arrays iN/iS/jW/jE
     (image[iN[i] + Nr * j]), the diffusion coefficient clamped, a task per column block, then
     the update reading c[iS[i] + Nr * j] and c[i + Nr * jE[j]];
   - lavaMD: a task per box; box_str with a nei[] array of neighbour boxes, rA = &rv[first_i],
     FOUR_VECTOR fields, the DOT macro, fA[i].v += qB[j] * vij;
   - cfd (euler3d_cpu): structure of arrays with stride nelr (variables[i + VAR_DENSITY * nelr],
     normals[i + (j + 2 * NNB) * nelr]), elements_surrounding_elements[i + j * nelr] with -1/-2
     boundary codes, fluxes written in 5 strided blocks; time_step's variables[i + j * nelr];
   - nn: distances of a block of records to a target, struct records;
   - particlefilter: findIndex's search with a break and two returns, resampling xj[j] =
     arrayX[i]; the likelihood's ind[x * countOnes + y] from objxy[y * 2 + 1] with a clamp. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- srad ---- */
void srad_coeff(float *image, float *dN, float *dS, float *dW, float *dE, float *c, int *iN, int *iS, int *jW, int *jE,
                int Nr, float q0sqr, int lo, int hi) {
  int i, j, k;
  float Jc, G2, L, num, den, qsqr;
  for (j = lo; j < hi; j++) {
    for (i = 0; i < Nr; i++) {
      k = i + Nr * j;
      Jc = image[k];
      dN[k] = image[iN[i] + Nr * j] - Jc;
      dS[k] = image[iS[i] + Nr * j] - Jc;
      dW[k] = image[i + Nr * jW[j]] - Jc;
      dE[k] = image[i + Nr * jE[j]] - Jc;
      G2 = (dN[k] * dN[k] + dS[k] * dS[k] + dW[k] * dW[k] + dE[k] * dE[k]) / (Jc * Jc);
      L = (dN[k] + dS[k] + dW[k] + dE[k]) / Jc;
      num = (0.5 * G2) - ((1.0 / 16.0) * (L * L));
      den = 1 + (.25 * L);
      qsqr = num / (den * den);
      den = (qsqr - q0sqr) / (q0sqr * (1 + q0sqr));
      c[k] = 1.0 / (1.0 + den);
      if (c[k] < 0) {
        c[k] = 0;
      } else if (c[k] > 1) {
        c[k] = 1;
      }
    }
  }
}

void srad_update(float *image, float *dN, float *dS, float *dW, float *dE, float *c, int *iS, int *jE, int Nr,
                 float lambda, int lo, int hi) {
  int i, j, k;
  float cN, cS, cW, cE, D;
  for (j = lo; j < hi; j++) {
    for (i = 0; i < Nr; i++) {
      k = i + Nr * j;
      cN = c[k];
      cS = c[iS[i] + Nr * j];
      cW = c[k];
      cE = c[i + Nr * jE[j]];
      D = cN * dN[k] + cS * dS[k] + cW * dW[k] + cE * dE[k];
      image[k] = image[k] + 0.25 * lambda * D;
    }
  }
}

/* ---- lavaMD ---- */
#define NUMBER_PAR_PER_BOX 3
#define DOT(A, B) ((A.x) * (B.x) + (A.y) * (B.y) + (A.z) * (B.z))
typedef struct {
  double x, y, z;
} THREE_VECTOR;
typedef struct {
  double v, x, y, z;
} FOUR_VECTOR;
typedef struct nei_str {
  int x, y, z;
  int number;
  long offset;
} nei_str;
typedef struct box_str {
  int x, y, z;
  int number;
  long offset;
  int nn;
  nei_str nei[26];
} box_str;

void lava_box(box_str *box, FOUR_VECTOR *rv, double *qv, FOUR_VECTOR *fv, double alpha, int l) {
  double a2 = 2.0 * alpha * alpha, r2, u2, fs, vij, fxij, fyij, fzij;
  THREE_VECTOR d;
  int i, j, k, pointer;
  long first_i, first_j;
  FOUR_VECTOR *rA, *rB, *fA;
  double *qB;
  first_i = box[l].offset;
  rA = &rv[first_i];
  fA = &fv[first_i];
  for (k = 0; k < (1 + box[l].nn); k++) {
    if (k == 0)
      pointer = l;
    else
      pointer = box[l].nei[k - 1].number;
    first_j = box[pointer].offset;
    rB = &rv[first_j];
    qB = &qv[first_j];
    for (i = 0; i < NUMBER_PAR_PER_BOX; i = i + 1) {
      for (j = 0; j < NUMBER_PAR_PER_BOX; j = j + 1) {
        r2 = rA[i].v + rB[j].v - DOT(rA[i], rB[j]);
        u2 = a2 * r2;
        vij = exp(-u2);
        fs = 2. * vij;
        d.x = rA[i].x - rB[j].x;
        d.y = rA[i].y - rB[j].y;
        d.z = rA[i].z - rB[j].z;
        fxij = fs * d.x;
        fyij = fs * d.y;
        fzij = fs * d.z;
        fA[i].v += qB[j] * vij;
        fA[i].x += qB[j] * fxij;
        fA[i].y += qB[j] * fyij;
        fA[i].z += qB[j] * fzij;
      }
    }
  }
}

/* ---- cfd ---- */
#define NDIM 3
#define NNB 4
#define VAR_DENSITY 0
#define VAR_MOMENTUM 1
#define VAR_DENSITY_ENERGY (VAR_MOMENTUM + NDIM)
#define NVAR (VAR_DENSITY_ENERGY + 1)
#define GAMMA 1.4f
typedef struct {
  float x, y, z;
} float3;

static float compute_pressure(float density, float density_energy, float speed_sqd) {
  return (GAMMA - 1.0f) * (density_energy - 0.5f * density * speed_sqd);
}

void compute_flux(int nelr, int *elements_surrounding_elements, float *normals, float *variables, float *ff_variable,
                  float *fluxes, int lo, int hi) {
  const float smoothing_coefficient = 0.2f;
  for (int i = lo; i < hi; i++) {
    int j, nb;
    float3 normal;
    float normal_len, factor;
    float density_i = variables[i + VAR_DENSITY * nelr];
    float3 momentum_i;
    momentum_i.x = variables[i + (VAR_MOMENTUM + 0) * nelr];
    momentum_i.y = variables[i + (VAR_MOMENTUM + 1) * nelr];
    momentum_i.z = variables[i + (VAR_MOMENTUM + 2) * nelr];
    float density_energy_i = variables[i + VAR_DENSITY_ENERGY * nelr];
    float speed_sqd_i = (momentum_i.x * momentum_i.x + momentum_i.y * momentum_i.y + momentum_i.z * momentum_i.z) /
                        (density_i * density_i);
    float pressure_i = compute_pressure(density_i, density_energy_i, speed_sqd_i);
    float flux_i_density = 0.0f, flux_i_density_energy = 0.0f;
    float3 flux_i_momentum = {0.0f, 0.0f, 0.0f};
    for (j = 0; j < NNB; j++) {
      nb = elements_surrounding_elements[i + j * nelr];
      normal.x = normals[i + (j + 0 * NNB) * nelr];
      normal.y = normals[i + (j + 1 * NNB) * nelr];
      normal.z = normals[i + (j + 2 * NNB) * nelr];
      normal_len = sqrtf(normal.x * normal.x + normal.y * normal.y + normal.z * normal.z);
      if (nb >= 0) {
        float density_nb = variables[nb + VAR_DENSITY * nelr];
        float density_energy_nb = variables[nb + VAR_DENSITY_ENERGY * nelr];
        factor = -normal_len * smoothing_coefficient * 0.5f;
        flux_i_density += factor * (density_i - density_nb);
        flux_i_density_energy += factor * (density_energy_i - density_energy_nb);
        flux_i_momentum.x += factor * (momentum_i.x - variables[nb + (VAR_MOMENTUM + 0) * nelr]);
        flux_i_momentum.y += factor * (momentum_i.y - variables[nb + (VAR_MOMENTUM + 1) * nelr]);
        flux_i_momentum.z += factor * (momentum_i.z - variables[nb + (VAR_MOMENTUM + 2) * nelr]);
      } else if (nb == -1) {
        flux_i_momentum.x += normal.x * pressure_i;
        flux_i_momentum.y += normal.y * pressure_i;
        flux_i_momentum.z += normal.z * pressure_i;
      } else if (nb == -2) {
        factor = 0.5f * normal.x;
        flux_i_density += factor * (ff_variable[VAR_MOMENTUM + 0] + momentum_i.x);
        flux_i_density_energy += factor * (ff_variable[VAR_DENSITY_ENERGY] + density_energy_i);
      }
    }
    fluxes[i + VAR_DENSITY * nelr] = flux_i_density;
    fluxes[i + (VAR_MOMENTUM + 0) * nelr] = flux_i_momentum.x;
    fluxes[i + (VAR_MOMENTUM + 1) * nelr] = flux_i_momentum.y;
    fluxes[i + (VAR_MOMENTUM + 2) * nelr] = flux_i_momentum.z;
    fluxes[i + VAR_DENSITY_ENERGY * nelr] = flux_i_density_energy;
  }
}

void time_step(int j, int nelr, float *old_variables, float *variables, float *step_factors, float *fluxes, int lo,
               int hi) {
  for (int i = lo; i < hi; i++) {
    float factor = step_factors[i] / (float)(3 + 1 - j);
    variables[i + VAR_DENSITY * nelr] = old_variables[i + VAR_DENSITY * nelr] + factor * fluxes[i + VAR_DENSITY * nelr];
    variables[i + VAR_DENSITY_ENERGY * nelr] =
        old_variables[i + VAR_DENSITY_ENERGY * nelr] + factor * fluxes[i + VAR_DENSITY_ENERGY * nelr];
    variables[i + (VAR_MOMENTUM + 0) * nelr] =
        old_variables[i + (VAR_MOMENTUM + 0) * nelr] + factor * fluxes[i + (VAR_MOMENTUM + 0) * nelr];
    variables[i + (VAR_MOMENTUM + 1) * nelr] =
        old_variables[i + (VAR_MOMENTUM + 1) * nelr] + factor * fluxes[i + (VAR_MOMENTUM + 1) * nelr];
    variables[i + (VAR_MOMENTUM + 2) * nelr] =
        old_variables[i + (VAR_MOMENTUM + 2) * nelr] + factor * fluxes[i + (VAR_MOMENTUM + 2) * nelr];
  }
}

/* ---- nn ---- */
struct neighbor {
  char entry[16];
  double dist;
};
typedef struct latLong {
  float lat;
  float lng;
} LatLong;

void nn_distances(LatLong *locations, float *distances, float lat, float lng, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    LatLong *latLong = locations + i;
    distances[i] = (float)sqrt((lat - latLong->lat) * (lat - latLong->lat) + (lng - latLong->lng) * (lng - latLong->lng));
  }
}

/* ---- particlefilter ---- */
int findIndex(double *CDF, int lengthCDF, double value) {
  int index = -1;
  int x;
  for (x = 0; x < lengthCDF; x++) {
    if (CDF[x] >= value) {
      index = x;
      break;
    }
  }
  if (index == -1) {
    return lengthCDF - 1;
  }
  return index;
}

void pf_resample(double *CDF, double *u, double *arrayX, double *arrayY, double *xj, double *yj, int Nparticles, int lo,
                 int hi) {
  int i, j;
  for (j = lo; j < hi; j++) {
    i = findIndex(CDF, Nparticles, u[j]);
    if (i == -1) i = Nparticles - 1;
    xj[j] = arrayX[i];
    yj[j] = arrayY[i];
  }
}

double roundDouble(double value) {
  int newValue = (int)(value);
  if (value - newValue < .5)
    return newValue;
  else
    return newValue++;
}

void pf_likelihood(double *arrayX, double *arrayY, int *objxy, int *ind, double *likelihood, unsigned char *I, int countOnes,
                   int IszY, int Nfr, int k, int max_size, int lo, int hi) {
  int x, y, indX, indY;
  for (x = lo; x < hi; x++) {
    for (y = 0; y < countOnes; y++) {
      indX = roundDouble(arrayX[x]) + objxy[y * 2 + 1];
      indY = roundDouble(arrayY[x]) + objxy[y * 2];
      ind[x * countOnes + y] = fabs(indX * IszY * Nfr + indY * Nfr + k);
      if (ind[x * countOnes + y] >= max_size) ind[x * countOnes + y] = 0;
    }
    likelihood[x] = 0;
    for (y = 0; y < countOnes; y++)
      likelihood[x] += (pow((I[ind[x * countOnes + y]] - 100), 2) - pow((I[ind[x * countOnes + y]] - 228), 2)) / 50.0;
    likelihood[x] = likelihood[x] / ((double)countOnes);
  }
}

int main(void) {
  double check = 0;
  {
    enum { Nr = 6, Nc = 7, Ne = Nr * Nc };
    float image[Ne], dN[Ne], dS[Ne], dW[Ne], dE[Ne], c[Ne];
    int iN[Nr], iS[Nr], jW[Nc], jE[Nc];
    for (int i = 0; i < Ne; i++) image[i] = expf((float)((i * 7) % 13) / 255.0f);
    for (int i = 0; i < Nr; i++) iN[i] = i - 1, iS[i] = i + 1;
    for (int j = 0; j < Nc; j++) jW[j] = j - 1, jE[j] = j + 1;
    iN[0] = 0, iS[Nr - 1] = Nr - 1, jW[0] = 0, jE[Nc - 1] = Nc - 1;
    for (int iter = 0; iter < 2; iter++) {
      float q0sqr = 0.05f + 0.01f * iter;
      for (int lo = 0; lo < Nc; lo += 3) {
#pragma dosc task
        srad_coeff(image, dN, dS, dW, dE, c, iN, iS, jW, jE, Nr, q0sqr, lo, lo + 3 < Nc ? lo + 3 : Nc);
      }
#pragma dosc taskwait
      for (int lo = 0; lo < Nc; lo += 3) {
#pragma dosc task
        srad_update(image, dN, dS, dW, dE, c, iS, jE, Nr, 0.5f, lo, lo + 3 < Nc ? lo + 3 : Nc);
      }
#pragma dosc taskwait
    }
    for (int i = 0; i < Ne; i++) check += image[i] * (i + 1);
  }
  {
    enum { boxes = 4 };
    box_str box[boxes];
    FOUR_VECTOR rv[boxes * NUMBER_PAR_PER_BOX], fv[boxes * NUMBER_PAR_PER_BOX];
    double qv[boxes * NUMBER_PAR_PER_BOX];
    for (int l = 0; l < boxes; l++) {
      box[l].x = l, box[l].y = box[l].z = 0, box[l].number = l, box[l].offset = l * NUMBER_PAR_PER_BOX;
      box[l].nn = 0;
      for (int n = 0; n < boxes; n++)
        if (n != l && (n == l + 1 || n == l - 1)) box[l].nei[box[l].nn].number = n, box[l].nei[box[l].nn++].offset = n * NUMBER_PAR_PER_BOX;
    }
    for (int i = 0; i < boxes * NUMBER_PAR_PER_BOX; i++) {
      rv[i].v = 0.1 * (i % 5 + 1), rv[i].x = 0.1 * (i % 3), rv[i].y = 0.05 * (i % 7), rv[i].z = 0.02 * i;
      qv[i] = 0.1 * (i % 4 + 1);
      fv[i].v = fv[i].x = fv[i].y = fv[i].z = 0;
    }
    for (int l = 0; l < boxes; l++) {
#pragma dosc task
      lava_box(box, rv, qv, fv, 0.5, l);
    }
#pragma dosc taskwait
    for (int i = 0; i < boxes * NUMBER_PAR_PER_BOX; i++) check += fv[i].v + fv[i].x * 2 + fv[i].y * 3 + fv[i].z * 4;
  }
  {
    enum { nelr = 10 };
    int ese[nelr * NNB];
    float normals[nelr * NNB * NDIM], variables[nelr * NVAR], old_variables[nelr * NVAR], fluxes[nelr * NVAR],
        step_factors[nelr], ff_variable[NVAR] = {1.4f, 0.5f, 0.1f, 0.0f, 2.5f};
    for (int i = 0; i < nelr; i++) {
      step_factors[i] = 0.01f * (i + 1);
      for (int j = 0; j < NNB; j++) ese[i + j * nelr] = j == 3 ? -1 - (i % 2) : (i + j + 1) % nelr;
      for (int v = 0; v < NVAR; v++) variables[i + v * nelr] = ff_variable[v] + 0.01f * i;
    }
    for (int i = 0; i < nelr * NNB * NDIM; i++) normals[i] = (float)((i * 5) % 7) / 7.0f - 0.4f;
    for (int i = 0; i < nelr * NVAR; i++) old_variables[i] = variables[i];
    for (int j = 0; j < 3; j++) {
      for (int lo = 0; lo < nelr; lo += 4) {
#pragma dosc task
        compute_flux(nelr, ese, normals, variables, ff_variable, fluxes, lo, lo + 4 < nelr ? lo + 4 : nelr);
      }
#pragma dosc taskwait
      for (int lo = 0; lo < nelr; lo += 4) {
#pragma dosc task
        time_step(j, nelr, old_variables, variables, step_factors, fluxes, lo, lo + 4 < nelr ? lo + 4 : nelr);
      }
#pragma dosc taskwait
    }
    for (int i = 0; i < nelr * NVAR; i++) check += variables[i] * (i + 1);
  }
  {
    enum { records = 12 };
    LatLong locations[records];
    float distances[records];
    for (int i = 0; i < records; i++) locations[i].lat = 10.0f + i * 1.5f, locations[i].lng = 20.0f - i * 0.5f;
    for (int lo = 0; lo < records; lo += 5) {
#pragma dosc task
      nn_distances(locations, distances, 14.0f, 17.0f, lo, lo + 5 < records ? lo + 5 : records);
    }
#pragma dosc taskwait
    for (int i = 0; i < records; i++) check += distances[i] * (i + 1);
  }
  {
    enum { Np = 8, countOnes = 3, IszY = 5, Nfr = 2, max_size = 6 * IszY * Nfr };
    double CDF[Np], u[Np], arrayX[Np], arrayY[Np], xj[Np], yj[Np], likelihood[Np];
    int objxy[countOnes * 2] = {0, 1, 1, 0, 1, 1}, ind[Np * countOnes];
    unsigned char I[max_size];
    for (int i = 0; i < max_size; i++) I[i] = (unsigned char)((i * 37) % 256);
    for (int i = 0; i < Np; i++) {
      CDF[i] = (i + 1.0) / Np, u[i] = (i + 0.5) / Np - 0.03 * (i % 3), arrayX[i] = 1.0 + 0.4 * i, arrayY[i] = 2.0 + 0.2 * i;
    }
    u[Np - 1] = 1.5; /* past every CDF entry: findIndex's last return */
    for (int lo = 0; lo < Np; lo += 3) {
#pragma dosc task
      pf_resample(CDF, u, arrayX, arrayY, xj, yj, Np, lo, lo + 3 < Np ? lo + 3 : Np);
    }
#pragma dosc taskwait
    for (int lo = 0; lo < Np; lo += 4) {
#pragma dosc task
      pf_likelihood(xj, yj, objxy, ind, likelihood, I, countOnes, IszY, Nfr, 1, max_size, lo, lo + 4);
    }
#pragma dosc taskwait
    for (int i = 0; i < Np; i++) check += xj[i] + yj[i] * 2 + likelihood[i] * (i + 1);
  }
  printf("checksum %.4f\n", check);
  return 0;
}
