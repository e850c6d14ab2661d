/* MachSuite's dense kernels as tasks, written for dosc in the suite's own loop and index shapes
   (read from breagen/MachSuite; not copied), a task per block, slab, signal or sequence:
   - gemm/blocked: bbgemm's jj/kk tiles, `i_row = i * row_size`, `k_row = (k + kk) * row_size`,
     prod[i_row + j + jj] += ..., a task per jj column strip;
   - stencil/stencil2d: orig[(r + k1) * col_size + c + k2] under a 3x3 filter, a task per row
     block; stencil/stencil3d: the suite's unparenthesized `indx(_row_size, _col_size, _i, _j, _k)`
     macro with `k + 1`, `j - 1` arguments, a task per k slab;
   - fft/strided: the loop variable changed in the body (`odd |= span`, `even = odd ^ span`),
     `rootindex = (even << log) & (size - 1)`, a task per signal of a batch;
   - md/grid: 4-D arrays of a struct (position[bx][by][bz][p]), neighbour blocks between
     MAX(0, b - 1) and MIN(blockSide, b + 2), `*(base_q + q_idx)`, a task per bx plane;
   - backprop: a layer's matrix-vector product weights[i * n_out + j], and its bias and
     activation, a task per block of outputs;
   - viterbi: v[k * numObs + i + 1] written under a comparison, an int result per sequence;
   - nw: the Needleman-Wunsch fill A[(i - 1) * N1 + j - 1] and the data-driven traceback
     `while (i > 0 || j > 0)`, a task per pair of sequences with its own matrices. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- gemm/blocked ---- */
void bbgemm_strip(const double *m1, const double *m2, double *prod, int row_size, int block_size,
                  int jj) {
  int i, k, j, kk, i_row, k_row;
  double temp_x, mul;
  for (kk = 0; kk < row_size; kk += block_size) {
    for (i = 0; i < row_size; ++i) {
      for (k = 0; k < block_size; ++k) {
        i_row = i * row_size;
        k_row = (k + kk) * row_size;
        temp_x = m1[i_row + k + kk];
        for (j = 0; j < block_size; ++j) {
          mul = temp_x * m2[k_row + j + jj];
          prod[i_row + j + jj] += mul;
        }
      }
    }
  }
}

/* ---- stencil/stencil2d and stencil3d ---- */
void stencil2d_rows(const int *orig, int *sol, const int *filter, int col_size, int r0, int r1) {
  int r, c, k1, k2, temp, mul;
  for (r = r0; r < r1; r++) {
    for (c = 0; c < col_size - 2; c++) {
      temp = 0;
      for (k1 = 0; k1 < 3; k1++) {
        for (k2 = 0; k2 < 3; k2++) {
          mul = filter[k1 * 3 + k2] * orig[(r + k1) * col_size + c + k2];
          temp += mul;
        }
      }
      sol[(r * col_size) + c] = temp;
    }
  }
}

#define indx(_row_size, _col_size, _i, _j, _k) ((_i) + _row_size * ((_j) + _col_size * (_k)))
void stencil3d_slab(long C0, long C1, const long *orig, long *sol, int row_size, int col_size,
                    int k0, int k1) {
  int i, j, k;
  long sum1, sum2;
  for (k = k0; k < k1; k++) {
    for (j = 1; j < col_size - 1; j++) {
      for (i = 1; i < row_size - 1; i++) {
        sum1 = orig[indx(row_size, col_size, i, j, k + 1)] + orig[indx(row_size, col_size, i, j, k - 1)] +
               orig[indx(row_size, col_size, i, j + 1, k)] + orig[indx(row_size, col_size, i, j - 1, k)] +
               orig[indx(row_size, col_size, i + 1, j, k)] + orig[indx(row_size, col_size, i - 1, j, k)];
        sum2 = orig[indx(row_size, col_size, i, j, k)];
        sol[indx(row_size, col_size, i, j, k)] = sum1 * C1 - sum2 * C0;
      }
    }
  }
}

/* ---- fft/strided ---- */
void fft_strided(double *real, double *img, const double *real_twid, const double *img_twid,
                 int size) {
  int even, odd, span, log, rootindex;
  double temp;
  log = 0;
  for (span = size >> 1; span; span >>= 1, log++) {
    for (odd = span; odd < size; odd++) {
      odd |= span;
      even = odd ^ span;
      temp = real[even] + real[odd];
      real[odd] = real[even] - real[odd];
      real[even] = temp;
      temp = img[even] + img[odd];
      img[odd] = img[even] - img[odd];
      img[even] = temp;
      rootindex = (even << log) & (size - 1);
      if (rootindex) {
        temp = real_twid[rootindex] * real[odd] - img_twid[rootindex] * img[odd];
        img[odd] = real_twid[rootindex] * img[odd] + img_twid[rootindex] * real[odd];
        real[odd] = temp;
      }
    }
  }
}

/* ---- md/grid ---- */
#define blockSide 3
#define densityFactor 4
#define lj1 1.5
#define lj2 2.0
#define MIN(x, y) ((x) < (y) ? (x) : (y))
#define MAX(x, y) ((x) > (y) ? (x) : (y))
typedef struct {
  double x, y, z;
} dvector_t;
typedef struct {
  int x, y, z;
} ivector_t;

void md_grid_plane(int n_points[blockSide][blockSide][blockSide],
                   dvector_t d_force[blockSide][blockSide][blockSide][densityFactor],
                   dvector_t position[blockSide][blockSide][blockSide][densityFactor], int bx) {
  ivector_t b0, b1;
  dvector_t p, q;
  int p_idx, q_idx;
  double dx, dy, dz, r2inv, r6inv, potential, f;
  b0.x = bx;
  for (b0.y = 0; b0.y < blockSide; b0.y++) {
    for (b0.z = 0; b0.z < blockSide; b0.z++) {
      for (b1.x = MAX(0, b0.x - 1); b1.x < MIN(blockSide, b0.x + 2); b1.x++) {
        for (b1.y = MAX(0, b0.y - 1); b1.y < MIN(blockSide, b0.y + 2); b1.y++) {
          for (b1.z = MAX(0, b0.z - 1); b1.z < MIN(blockSide, b0.z + 2); b1.z++) {
            dvector_t *base_q = position[b1.x][b1.y][b1.z];
            int q_idx_range = n_points[b1.x][b1.y][b1.z];
            for (p_idx = 0; p_idx < n_points[b0.x][b0.y][b0.z]; p_idx++) {
              p = position[b0.x][b0.y][b0.z][p_idx];
              double sum_x = d_force[b0.x][b0.y][b0.z][p_idx].x;
              double sum_y = d_force[b0.x][b0.y][b0.z][p_idx].y;
              double sum_z = d_force[b0.x][b0.y][b0.z][p_idx].z;
              for (q_idx = 0; q_idx < q_idx_range; q_idx++) {
                q = *(base_q + q_idx);
                if (q.x != p.x || q.y != p.y || q.z != p.z) {
                  dx = p.x - q.x;
                  dy = p.y - q.y;
                  dz = p.z - q.z;
                  r2inv = 1.0 / (dx * dx + dy * dy + dz * dz);
                  r6inv = r2inv * r2inv * r2inv;
                  potential = r6inv * (lj1 * r6inv - lj2);
                  f = r2inv * potential;
                  sum_x += f * dx;
                  sum_y += f * dy;
                  sum_z += f * dz;
                }
              }
              d_force[b0.x][b0.y][b0.z][p_idx].x = sum_x;
              d_force[b0.x][b0.y][b0.z][p_idx].y = sum_y;
              d_force[b0.x][b0.y][b0.z][p_idx].z = sum_z;
            }
          }
        }
      }
    }
  }
}

/* ---- backprop ---- */
void layer_block(const double *weights, const double *biases, const double *input,
                 double *activations, double *dactivations, int n_in, int n_out, int j0, int j1) {
  int i, j;
  for (j = j0; j < j1; j++) activations[j] = 0.0;
  for (i = 0; i < n_in; i++)
    for (j = j0; j < j1; j++) activations[j] += weights[i * n_out + j] * input[i];
  for (j = j0; j < j1; j++) {
    activations[j] += biases[j];
    double s = 1.0 / (1.0 + exp(-activations[j]));
    dactivations[j] = s * (1.0 - s);
    activations[j] = s;
  }
}

/* ---- viterbi ---- */
int viterbi(const int *Obs, const float *transMat, const float *obsLik, float *v, int numObs,
            int numStates) {
  int i, j, k, finalState = 0;
  float maxProb, temp;
  v[0] = 1.0f;
  for (i = 0; i < numObs - 1; i++) {
    int baseObs = Obs[i];
    for (j = 0; j < numStates; j++) {
      for (k = 0; k < numStates; k++) {
        temp = v[j * numObs + i] * transMat[j * numObs + k] * obsLik[k * numObs + baseObs];
        if (temp > v[k * numObs + i + 1]) v[k * numObs + i + 1] = temp;
      }
    }
  }
  maxProb = 0.0f;
  for (i = 1; i < numStates + 1; i++) {
    if (v[i * numObs - 1] > maxProb) {
      finalState = i - 1;
      maxProb = v[i * numObs - 1];
    }
  }
  return finalState;
}

/* ---- nw ---- */
int needwun(const char *SEQA, const char *SEQB, char *alignedA, char *alignedB, int *A, char *ptr,
            int N, int M) {
  int score, choice1, choice2, choice3, max, i, j, i_t, j_t, Mul1, Mul2;
  int N1 = N + 1, M1 = M + 1;
  for (i = 0; i < N1; i++) A[i] = -i;
  for (i = 0; i < M1; i++) A[i * N1] = -i;
  for (i = 1; i < M1; i++) {
    for (j = 1; j < N1; j++) {
      score = SEQA[j - 1] == SEQB[i - 1] ? 1 : -1;
      Mul1 = (i - 1) * N1;
      Mul2 = (i * N1);
      choice1 = A[Mul1 + (j - 1)] + score;
      choice2 = A[Mul1 + (j)] - 1;
      choice3 = A[Mul2 + (j - 1)] - 1;
      max = choice1 > choice2 ? choice1 : choice2;
      if (choice3 > max) max = choice3;
      A[Mul2 + j] = max;
      if (max == choice1)
        ptr[Mul2 + j] = 0;
      else if (max == choice2)
        ptr[Mul2 + j] = 1;
      else
        ptr[Mul2 + j] = -1;
    }
  }
  i = M;
  j = N;
  i_t = 0;
  j_t = 0;
  while (i > 0 || j > 0) {
    int here = i * N1 + j;
    if (i > 0 && j > 0 && ptr[here] == 0) {
      alignedA[i_t++] = SEQA[j - 1];
      alignedB[j_t++] = SEQB[i - 1];
      i--;
      j--;
    } else if (i > 0 && (j == 0 || ptr[here] == 1)) {
      alignedA[i_t++] = '-';
      alignedB[j_t++] = SEQB[i - 1];
      i--;
    } else {
      alignedA[i_t++] = SEQA[j - 1];
      alignedB[j_t++] = '-';
      j--;
    }
  }
  alignedA[i_t] = 0;
  alignedB[j_t] = 0;
  return A[M * N1 + N];
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 16; /* gemm row_size, a multiple of the block */
  double checksum = 0;

  /* gemm/blocked */
  int bs = 4;
  double *m1 = malloc(sizeof(double) * (size_t)(n * n)), *m2 = malloc(sizeof(double) * (size_t)(n * n));
  double *prod = calloc((size_t)(n * n), sizeof(double));
  for (int i = 0; i < n * n; i++) m1[i] = (i % 7) - 3, m2[i] = (i % 5) * 0.5;
  for (int jj = 0; jj < n; jj += bs) {
#pragma dosc task
    bbgemm_strip(m1, m2, prod, n, bs, jj);
  }
#pragma dosc taskwait
  for (int i = 0; i < n * n; i++) checksum += prod[i] * (i % 11);

  /* stencil2d: rows 0..row_size-2 of sol */
  int rows = 14, cols = 12;
  int *orig = malloc(sizeof(int) * (size_t)(rows * cols)), *sol = calloc((size_t)(rows * cols), sizeof(int));
  int filter[9] = {1, 2, 1, 2, 4, 2, 1, 2, 1};
  for (int i = 0; i < rows * cols; i++) orig[i] = (i * 13) % 17;
  for (int r = 0; r < rows - 2; r += 4) {
#pragma dosc task
    stencil2d_rows(orig, sol, filter, cols, r, r + 4 < rows - 2 ? r + 4 : rows - 2);
  }
  /* stencil3d */
  int rs = 6, cs = 5, hs = 7;
  long *o3 = malloc(sizeof(long) * (size_t)(rs * cs * hs)), *s3 = calloc((size_t)(rs * cs * hs), sizeof(long));
  for (int i = 0; i < rs * cs * hs; i++) o3[i] = (i * 7) % 23;
  for (int k = 1; k < hs - 1; k += 2) {
#pragma dosc task
    stencil3d_slab(2, 3, o3, s3, rs, cs, k, k + 2 < hs - 1 ? k + 2 : hs - 1);
  }
#pragma dosc taskwait
  for (int i = 0; i < rows * cols; i++) checksum += sol[i] * (i % 5);
  for (int i = 0; i < rs * cs * hs; i++) checksum += (double)s3[i] * (i % 3);

  /* fft/strided: a batch of 3 signals of 16 */
  int size = 16, signals = 3;
  double *re = malloc(sizeof(double) * (size_t)(size * signals)), *im = malloc(sizeof(double) * (size_t)(size * signals));
  double *rt = malloc(sizeof(double) * (size_t)(size / 2)), *it = malloc(sizeof(double) * (size_t)(size / 2));
  for (int i = 0; i < size * signals; i++) re[i] = (i % 9) - 4, im[i] = (i % 4) * 0.25;
  for (int i = 0; i < size / 2; i++) rt[i] = cos(2 * M_PI * i / size), it[i] = -sin(2 * M_PI * i / size);
  for (int s = 0; s < signals; s++) {
#pragma dosc task
    fft_strided(re + s * size, im + s * size, rt, it, size);
  }
#pragma dosc taskwait
  for (int i = 0; i < size * signals; i++) checksum += re[i] * (i % 3) - im[i];

  /* md/grid */
  static int n_points[blockSide][blockSide][blockSide];
  static dvector_t force[blockSide][blockSide][blockSide][densityFactor];
  static dvector_t position[blockSide][blockSide][blockSide][densityFactor];
  int seed = 7;
  for (int x = 0; x < blockSide; x++)
    for (int y = 0; y < blockSide; y++)
      for (int z = 0; z < blockSide; z++) {
        n_points[x][y][z] = 1 + (x + 2 * y + z) % densityFactor;
        for (int p = 0; p < densityFactor; p++) {
          seed = (seed * 1103 + 12345) % 65536;
          position[x][y][z][p] = (dvector_t){x + (seed % 97) / 97.0, y + (seed % 89) / 89.0, z + (seed % 83) / 83.0};
        }
      }
  for (int bx = 0; bx < blockSide; bx++) {
#pragma dosc task
    md_grid_plane(n_points, force, position, bx);
  }
#pragma dosc taskwait
  for (int x = 0; x < blockSide; x++)
    for (int p = 0; p < densityFactor; p++) checksum += force[x][1][2][p].x + force[x][2][0][p].y - force[x][0][1][p].z;

  /* backprop: 6 inputs, 10 outputs */
  int n_in = 6, n_out = 10;
  double *w = malloc(sizeof(double) * (size_t)(n_in * n_out)), *bias = malloc(sizeof(double) * (size_t)n_out);
  double in[6], *act = malloc(sizeof(double) * (size_t)n_out), *dact = malloc(sizeof(double) * (size_t)n_out);
  for (int i = 0; i < n_in * n_out; i++) w[i] = ((i * 31) % 13 - 6) / 10.0;
  for (int j = 0; j < n_out; j++) bias[j] = j * 0.05;
  for (int i = 0; i < n_in; i++) in[i] = i * 0.3 - 0.7;
  for (int j = 0; j < n_out; j += 4) {
#pragma dosc task
    layer_block(w, bias, in, act, dact, n_in, n_out, j, j + 4 < n_out ? j + 4 : n_out);
  }
#pragma dosc taskwait
  for (int j = 0; j < n_out; j++) checksum += act[j] * 3 + dact[j];

  /* viterbi: 3 sequences, numObs 8, numStates 5 (v is numStates * numObs) */
  int numObs = 8, numStates = 5, seqs = 3;
  int *obs = malloc(sizeof(int) * (size_t)(numObs * seqs));
  float *trans = malloc(sizeof(float) * (size_t)(numStates * numObs)), *lik = malloc(sizeof(float) * (size_t)(numStates * numObs));
  float *v = calloc((size_t)(numStates * numObs * seqs), sizeof(float));
  int finals[3];
  for (int i = 0; i < numObs * seqs; i++) obs[i] = (i * 5) % numObs;
  for (int i = 0; i < numStates * numObs; i++) trans[i] = ((i * 3) % 7 + 1) / 8.0f, lik[i] = ((i * 5) % 9 + 1) / 10.0f;
  for (int s = 0; s < seqs; s++) {
#pragma dosc task
    finals[s] = viterbi(obs + s * numObs, trans, lik, v + s * numStates * numObs, numObs, numStates);
  }
#pragma dosc taskwait
  for (int s = 0; s < seqs; s++) checksum += finals[s] * 100;
  for (int i = 0; i < numStates * numObs * seqs; i++) checksum += v[i] * 1000;

  /* nw: 2 pairs, lengths 9 and 7 */
  const char *sa[2] = {"GATTACAGT", "ACGTTGCAA"}, *sb[2] = {"GCATGCU", "ACTTGCA"};
  int NA = 9, NB = 7, scores[2];
  int *A = malloc(sizeof(int) * (size_t)(2 * (NA + 1) * (NB + 1)));
  char *ptr = malloc((size_t)(2 * (NA + 1) * (NB + 1)));
  char *alA = malloc((size_t)(2 * (NA + NB + 1))), *alB = malloc((size_t)(2 * (NA + NB + 1)));
  for (int p = 0; p < 2; p++) {
#pragma dosc task
    scores[p] = needwun(sa[p], sb[p], alA + p * (NA + NB + 1), alB + p * (NA + NB + 1), A + p * (NA + 1) * (NB + 1),
                        ptr + p * (NA + 1) * (NB + 1), NA, NB);
  }
#pragma dosc taskwait
  for (int p = 0; p < 2; p++) printf("nw %d: %d %s %s\n", p, scores[p], alA + p * (NA + NB + 1), alB + p * (NA + NB + 1));

  printf("machsuite dense: %.6f\n", checksum);
  free(m1), free(m2), free(prod), free(orig), free(sol), free(o3), free(s3), free(re), free(im), free(rt), free(it);
  free(w), free(bias), free(act), free(dact), free(obs), free(trans), free(lik), free(v), free(A), free(ptr), free(alA), free(alB);
  return 0;
}
