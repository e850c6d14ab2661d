/* SimpleMOC (John Tramm, ANL, (c) 2014, MIT licence), the method-of-characteristics proxy app,
   as dosc tasks (branch unseen11), read from llvm/llvm-test-suite,
   MultiSource/Benchmarks/DOE-ProxyApps-C/SimpleMOC (SimpleMOC_header.h, solver.c, utils.c): the
   structs cut to the fields used, the shapes kept, the code written anew around them.
   - buildExponentialTable returns a `Table` by value whose `values` it allocated (slope and
     intercept pairs, tableVals[2*n] and tableVals[2*n + 1]); a task whose result is that struct;
   - interpolateTable(Table table, float x) takes the table by value and reads
     `table.values[2 * interval]` with `interval = (int)(x / table.dx + 0.5f * table.dx)`: here
     inside a task given the Table by value (a pointer inside a struct parameter) and the arrays;
   - attenuate_FSR_fluxes(Track *track, bool forward, Source *FSR, Input *I, Params *params_in,
     ..., AttenuateVars *A): the scratch arrays unpacked from the struct into `float *restrict`
     locals, `Params params = *params_in`, the fine region `fine_id = (int)(track->z_height / dz)
     % I->fai`, `FSR->fine_flux[fine_id]` and `FSR->fine_source[fine_id][g]` through float **,
     psi picked from track->f_psi or b_psi by `forward`; a task per track, each with its own
     source region and scratch;
   - update_sources: `Source src = params.sources[i]` copied out of a Params passed by value with
     an Input by value, the fission and scattering sums through pairwise_sum over malloc'd rate
     arrays, `src.fine_source[j][g] = newSrc` written through the copy; a task per range of
     source regions writing its residuals;
   - pairwise_sum(float *vector, long size): `pairwise_sum(&vector[0], size/2) +
     pairwise_sum(&vector[size/2], size - size/2)` above 16 elements, here with the halves
     spawned as tasks.
   The program prints checksums. */
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif

typedef struct {
  int cai;
  int fai;
  int n_egroups;
  int decomp_assemblies_ax;
  float height;
  float precision;
  long n_source_regions_per_node;
} Input;

typedef struct {
  float p_weight;
  float z_height;
  long rank_in;
  long rank_out;
  float *f_psi;
  float *b_psi;
} Track;

typedef struct {
  float **fine_flux;
  float **fine_source;
  float vol;
  float *sigT;
  float **XS;
  float **scattering_matrix;
} Source;

typedef struct {
  float *values;
  float dx;
  float maxVal;
  int N;
} Table;

typedef struct {
  Source *sources;
  float *polar_angles;
  Table expTable;
} Params;

typedef struct {
  float *sigT;
  float *tau;
  float *expVal;
  float *tally;
} AttenuateVars;

float pairwise_sum(float *vector, long size) {
  float sum = 0;
  if (size <= 16)
    for (int i = 0; i < size; i++) sum += vector[i];
  else {
    float lo, hi;
#pragma dosc task
    lo = pairwise_sum(&vector[0], size / 2);
#pragma dosc task
    hi = pairwise_sum(&vector[size / 2], size - size / 2);
#pragma dosc taskwait
    sum = lo + hi;
  }
  return sum;
}

Table buildExponentialTable(float precision, float maxVal) {
  Table table;
  int N = (int)(maxVal * sqrt(1.0 / (8.0 * precision * 0.01)));
  float dx = maxVal / (float)N;
  float *tableVals = malloc((2 * N) * sizeof(float));
  for (int n = 0; n < N; n++) {
    float exponential = exp(-n * dx);
    tableVals[2 * n] = -exponential;
    tableVals[2 * n + 1] = 1 + (n * dx - 1) * exponential;
  }
  table.dx = dx;
  table.values = tableVals;
  table.maxVal = maxVal - table.dx;
  table.N = N;
  return table;
}

float interpolateTable(Table table, float x) {
  if (x > table.maxVal)
    return 1.0f;
  else {
    int interval = (int)(x / table.dx + 0.5f * table.dx);
    float slope = table.values[2 * interval];
    float intercept = table.values[2 * interval + 1];
    float val = slope * x + intercept;
    return val;
  }
}

/* The table lookups of a group of optical lengths, as attenuate_FSR_fluxes makes them. */
void exp_lookup(Table table, const float *tau, float *expVal, int n_egroups) {
  for (int g = 0; g < n_egroups; g++) expVal[g] = interpolateTable(table, tau[g]);
}

void attenuate_FSR_fluxes(Track *track, bool forward, Source *FSR, Input *I, Params *params_in, float ds, float mu,
                          float az_weight, AttenuateVars *A) {
  float *restrict tally = A->tally;
  float *restrict expVal = A->expVal;
  float *restrict sigT = A->sigT;
  float *restrict tau = A->tau;
  Params params = *params_in;
  float dz = I->height / (I->fai * I->decomp_assemblies_ax * I->cai);
  int fine_id = (int)(track->z_height / dz) % I->fai;
  float weight = track->p_weight * az_weight * mu;
  float *FSR_flux = FSR->fine_flux[fine_id];
  for (int g = 0; g < I->n_egroups; g++) {
    sigT[g] = FSR->sigT[g];
    tau[g] = sigT[g] * ds;
  }
  for (int g = 0; g < I->n_egroups; g++) expVal[g] = interpolateTable(params.expTable, tau[g]);
  float *psi;
  if (forward)
    psi = track->f_psi;
  else
    psi = track->b_psi;
  for (int g = 0; g < I->n_egroups; g++) {
    float q = FSR->fine_source[fine_id][g] / sigT[g];
    float delta_psi = (psi[g] - q) * expVal[g];
    tally[g] = weight * delta_psi;
    psi[g] -= delta_psi;
  }
  for (int g = 0; g < I->n_egroups; g++) FSR_flux[g] += tally[g];
}

/* update_sources over source regions [lo, hi), each region's residual into residuals[i]. */
void update_sources_range(Params params, Input I, float keff, float *residuals, long lo, long hi) {
  float inverse_k = 1.0 / keff;
  float *group_res = (float *)malloc(I.n_egroups * sizeof(float));
  float *fine_res = (float *)malloc(I.fai * sizeof(float));
  float *fission_rates = malloc(I.n_egroups * sizeof(float));
  float *scatter_rates = malloc(I.n_egroups * sizeof(float));
  for (long i = lo; i < hi; i++) {
    Source src = params.sources[i];
    for (int j = 0; j < I.fai; j++) {
      float fission_source;
      float scatter_source;
      for (int g = 0; g < I.n_egroups; g++) fission_rates[g] = src.fine_flux[j][g] * src.XS[g][0];
      fission_source = pairwise_sum(fission_rates, (long)I.n_egroups);
      fission_source *= inverse_k;
      for (int g = 0; g < I.n_egroups; g++) {
        for (int g2 = 0; g2 < I.n_egroups; g2++) scatter_rates[g2] = src.scattering_matrix[g][g2] * src.fine_flux[j][g2];
        scatter_source = pairwise_sum(scatter_rates, (long)I.n_egroups);
        float chi = src.XS[g][2];
        float newSrc = (fission_source * chi + scatter_source) / (4.0 * M_PI);
        float oldSrc = src.fine_source[j][g];
        group_res[g] = (newSrc - oldSrc) * (newSrc - oldSrc) / (oldSrc * oldSrc);
        src.fine_source[j][g] = newSrc;
      }
      fine_res[j] = pairwise_sum(group_res, (long)I.n_egroups);
    }
    residuals[i] = pairwise_sum(fine_res, (long)I.fai);
  }
  free(fission_rates);
  free(scatter_rates);
  free(group_res);
  free(fine_res);
}

static float **matrix(int rows, int cols, float base) {
  float **m = malloc(rows * sizeof(float *));
  for (int r = 0; r < rows; r++) {
    m[r] = malloc(cols * sizeof(float));
    for (int c = 0; c < cols; c++) m[r][c] = base + 0.01f * ((r * 7 + c * 3) % 11);
  }
  return m;
}

int main(void) {
  Input I = {2, 2, 20, 1, 8.0f, 0.01f, 6};
  int G = I.n_egroups;
  Params params;
  Table table;
#pragma dosc task
  table = buildExponentialTable(I.precision, 10.0);
#pragma dosc taskwait
  params.expTable = table;
  params.polar_angles = NULL;
  params.sources = malloc(I.n_source_regions_per_node * sizeof(Source));
  for (long i = 0; i < I.n_source_regions_per_node; i++) {
    Source *s = &params.sources[i];
    s->fine_flux = matrix(I.fai, G, 0.5f + 0.1f * i);
    s->fine_source = matrix(I.fai, G, 0.2f + 0.05f * i);
    s->vol = 1.0f;
    s->sigT = malloc(G * sizeof(float));
    for (int g = 0; g < G; g++) s->sigT[g] = 0.3f + 0.02f * g + 0.01f * i;
    s->XS = matrix(G, 3, 0.1f);
    s->scattering_matrix = matrix(G, G, 0.001f);
  }

  /* Table lookups of 3 groups of optical lengths. */
  float *taus = malloc(3 * G * sizeof(float)), *exps = malloc(3 * G * sizeof(float));
  for (int k = 0; k < 3 * G; k++) taus[k] = 0.37f * (k % 29);
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    exp_lookup(params.expTable, taus + k * G, exps + k * G, G);
  }
#pragma dosc taskwait
  double esum = 0.0;
  for (int k = 0; k < 3 * G; k++) esum += exps[k] * (k % 5 + 1);
  printf("exp table %d %.6f\n", params.expTable.N, esum);

  /* Attenuation along 4 tracks, each through its own source region. */
  Track tracks[4];
  AttenuateVars vars[4];
  for (int t = 0; t < 4; t++) {
    tracks[t].p_weight = 0.25f + 0.05f * t;
    tracks[t].z_height = 0.7f + 1.9f * t;
    tracks[t].f_psi = malloc(G * sizeof(float));
    tracks[t].b_psi = malloc(G * sizeof(float));
    for (int g = 0; g < G; g++) tracks[t].f_psi[g] = 1.0f + 0.1f * g, tracks[t].b_psi[g] = 0.5f + 0.05f * g;
    vars[t].sigT = malloc(G * sizeof(float));
    vars[t].tau = malloc(G * sizeof(float));
    vars[t].expVal = malloc(G * sizeof(float));
    vars[t].tally = malloc(G * sizeof(float));
  }
  for (int t = 0; t < 4; t++) {
#pragma dosc task
    attenuate_FSR_fluxes(&tracks[t], t % 2 == 0, &params.sources[t], &I, &params, 0.4f + 0.1f * t, 0.8f, 0.5f,
                         &vars[t]);
  }
#pragma dosc taskwait
  double asum = 0.0;
  for (int t = 0; t < 4; t++)
    for (int g = 0; g < G; g++)
      asum += tracks[t].f_psi[g] + 2.0 * tracks[t].b_psi[g] + params.sources[t].fine_flux[0][g] * 3.0 +
              params.sources[t].fine_flux[1][g] * 5.0;
  printf("attenuate %.4f\n", asum); /* float sums: gcc and clang differ in the 6th decimal */

  /* Source update over 6 regions in ranges of 2, then the total residual. */
  float *residuals = malloc(I.n_source_regions_per_node * sizeof(float));
  for (long lo = 0; lo < I.n_source_regions_per_node; lo += 2) {
#pragma dosc task
    update_sources_range(params, I, 1.1f, residuals, lo, lo + 2);
  }
#pragma dosc taskwait
  float residual;
#pragma dosc task
  residual = pairwise_sum(residuals, I.n_source_regions_per_node);
#pragma dosc taskwait
  double ssum = 0.0;
  for (long i = 0; i < I.n_source_regions_per_node; i++)
    for (int j = 0; j < I.fai; j++)
      for (int g = 0; g < G; g++) ssum += params.sources[i].fine_source[j][g] * (g + 1);
  float big[40];
  for (int k = 0; k < 40; k++) big[k] = 0.125f * k;
  float bigsum;
#pragma dosc task
  bigsum = pairwise_sum(big, 40);
#pragma dosc taskwait
  printf("sources %.6f residual %.6e pairwise %.3f\n", ssum, residual, bigsum);
  return 0;
}
