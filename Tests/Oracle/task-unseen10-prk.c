/* The Parallel Research Kernels (branch unseen10), after ParRes/Kernels' OPENMP versions,
   converted as a user would (each `omp for` became a task per block of its iterations; the
   suite's macros, index types and loop forms kept, the code written anew): Stencil's star and
   compact stencils through `IN(i,j) in[i+(j)*(n)]` (the first argument unparenthesized, given
   `i+ii`) and `WEIGHT(ii,jj) weight[ii+RADIUS][jj+RADIUS]` over a 2-D weight parameter, a task
   per band of columns j, then the `IN(i,j) += 1` refresh and the L1 norm returned; Transpose's
   tiles with `A(i,j) A[i+order*(j)]`, `size_t` loop variables stepping by Tile_order and
   `MIN(order, i+Tile_order)` bounds; Synch_p2p's wavefront `ARRAY(i,j) = ARRAY(i-1,j) +
   ARRAY(i,j-1) - ARRAY(i-1,j-1)` in blocks on anti-diagonals with inclusive ends and
   `MAX(start,1)`, then the corner copy; Sparse's matrix built with `LIN(i,j) (i+((j)<<lsize))`,
   the scrambled REVERSE bit reversal, periodic neighbours `(i-r+size)%size`, each row's column
   indices sorted by qsort from `&(colIndex[row*stencil_size])`, and the product `for
   (temp=0.0,col=first; col<=last; col++)`; DGEMM's blocked product with tiles copied into a
   task's own malloc'd AA/BB/CC (`BB = AA + block*(block+BOFFSET)`) through twin inductions `for
   (jg=jj,j=0; jg<MIN(jj+block,order); j++,jg++)`; Nstream's triad at an OFFSET; Reduce's pairwise
   `vector[i] += vector[length+i]`; Branch's `aux = -(3 - (i&7))` arms; and PIC's particles
   reading the grid charges at `(int)floor(p->x)` cells. The program prints a checksum. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#define MIN(x, y) ((x) < (y) ? (x) : (y))
#define MAX(x, y) ((x) > (y) ? (x) : (y))
#define ABS(a) ((a) >= 0 ? (a) : -(a))
typedef long long s64Int;
typedef unsigned long long u64Int;

/* ---- Stencil ---- */
#define RADIUS 2
#define IN(i, j) in[i + (j) * (n)]
#define OUT(i, j) out[i + (j) * (n)]
#define WEIGHT(ii, jj) weight[ii + RADIUS][jj + RADIUS]

void stencil_star(int n, double weight[2 * RADIUS + 1][2 * RADIUS + 1], double *in, double *out, int jlo, int jhi) {
  int i, j, ii, jj;
  for (j = jlo; j < jhi; j++) {
    for (i = RADIUS; i < n - RADIUS; i++) {
      for (jj = -RADIUS; jj <= RADIUS; jj++) OUT(i, j) += WEIGHT(0, jj) * IN(i, j + jj);
      for (ii = -RADIUS; ii < 0; ii++) OUT(i, j) += WEIGHT(ii, 0) * IN(i + ii, j);
      for (ii = 1; ii <= RADIUS; ii++) OUT(i, j) += WEIGHT(ii, 0) * IN(i + ii, j);
    }
  }
}

void stencil_compact(int n, double weight[2 * RADIUS + 1][2 * RADIUS + 1], double *in, double *out, int jlo,
                     int jhi) {
  int i, j, ii, jj;
  for (j = jlo; j < jhi; j++)
    for (i = RADIUS; i < n - RADIUS; i++)
      for (jj = -RADIUS; jj <= RADIUS; jj++)
        for (ii = -RADIUS; ii <= RADIUS; ii++) OUT(i, j) += WEIGHT(ii, jj) * IN(i + ii, j + jj);
}

void stencil_refresh(int n, double *in, int jlo, int jhi) {
  int i, j;
  for (j = jlo; j < jhi; j++)
    for (i = 0; i < n; i++) IN(i, j) += 1.0;
}

double stencil_norm(int n, double *out, int jlo, int jhi) {
  double norm = 0.0;
  for (int j = jlo; j < jhi; j++)
    for (int i = RADIUS; i < n - RADIUS; i++) norm += (double)ABS(OUT(i, j));
  return norm;
}

/* ---- Transpose ---- */
#define A(i, j) A[i + order * (j)]
#define B(i, j) B[i + order * (j)]

void transpose_tiles(size_t order, int Tile_order, double *A, double *B, size_t ilo, size_t ihi) {
  size_t i, j, it, jt;
  for (i = ilo; i < ihi; i += Tile_order)
    for (j = 0; j < order; j += Tile_order)
      for (it = i; it < MIN(ihi, i + Tile_order); it++)
        for (jt = j; jt < MIN(order, j + Tile_order); jt++) {
          B(jt, it) += A(it, jt);
          A(it, jt) += 1.0;
        }
}
#undef A
#undef B

/* ---- Synch_p2p ---- */
#define ARRAY(i, j) vector[i + (j) * (m)]

void p2p_block(long m, double *vector, long istart, long iend, long jstart, long jend) {
  long i, jj;
  for (jj = jstart; jj <= jend; jj++)
    for (i = MAX(istart, 1); i <= iend; i++) ARRAY(i, jj) = ARRAY(i - 1, jj) + ARRAY(i, jj - 1) - ARRAY(i - 1, jj - 1);
}

void p2p_corner(long m, long n, double *vector) { ARRAY(0, 0) = -ARRAY(m - 1, n - 1); }

/* ---- Sparse ---- */
#define LIN(i, j) (i + ((j) << lsize))
#define REVERSE(a, b) reverse((a), (b))
#define BITS_IN_BYTE 8

static u64Int reverse(u64Int x, int shift_in_bits) {
  x = ((x >> 1) & 0x5555555555555555ULL) | ((x << 1) & 0xaaaaaaaaaaaaaaaaULL);
  x = ((x >> 2) & 0x3333333333333333ULL) | ((x << 2) & 0xccccccccccccccccULL);
  x = ((x >> 4) & 0x0f0f0f0f0f0f0f0fULL) | ((x << 4) & 0xf0f0f0f0f0f0f0f0ULL);
  x = ((x >> 8) & 0x00ff00ff00ff00ffULL) | ((x << 8) & 0xff00ff00ff00ff00ULL);
  x = ((x >> 16) & 0x0000ffff0000ffffULL) | ((x << 16) & 0xffff0000ffff0000ULL);
  x = ((x >> 32) & 0x00000000ffffffffULL) | ((x << 32) & 0xffffffff00000000ULL);
  return (x >> ((sizeof(u64Int) * BITS_IN_BYTE - shift_in_bits)));
}

static int compare(const void *el1, const void *el2) {
  s64Int v1 = *(s64Int *)el1;
  s64Int v2 = *(s64Int *)el2;
  return (v1 < v2) ? -1 : (v1 > v2) ? 1 : 0;
}

void sparse_fill(s64Int *colIndex, double *matrix, int lsize, int radius, s64Int lo, s64Int hi) {
  s64Int size = 1 << lsize, lsize2 = 2 * lsize, stencil_size = 4 * radius + 1;
  s64Int row, elm, i, j;
  int r;
  for (row = lo; row < hi; row++) {
    j = row / size;
    i = row % size;
    elm = row * stencil_size;
    colIndex[elm] = REVERSE(LIN(i, j), lsize2);
    for (r = 1; r <= radius; r++, elm += 4) {
      colIndex[elm + 1] = REVERSE(LIN((i + r) % size, j), lsize2);
      colIndex[elm + 2] = REVERSE(LIN((i - r + size) % size, j), lsize2);
      colIndex[elm + 3] = REVERSE(LIN(i, (j + r) % size), lsize2);
      colIndex[elm + 4] = REVERSE(LIN(i, (j - r + size) % size), lsize2);
    }
    qsort(&(colIndex[row * stencil_size]), stencil_size, sizeof(s64Int), compare);
    for (elm = row * stencil_size; elm < (row + 1) * stencil_size; elm++) matrix[elm] = 1.0 / (double)(colIndex[elm] + 1);
  }
}

void sparse_vector_fill(double *vector, s64Int lo, s64Int hi) {
  for (s64Int row = lo; row < hi; row++) vector[row] += (double)(row + 1);
}

void sparse_mv(double *matrix, s64Int *colIndex, double *vector, double *result, int stencil_size, s64Int lo,
               s64Int hi) {
  s64Int row, col, first, last;
  double temp;
  for (row = lo; row < hi; row++) {
    first = stencil_size * row;
    last = first + stencil_size - 1;
    for (temp = 0.0, col = first; col <= last; col++) temp += matrix[col] * vector[colIndex[col]];
    result[row] += temp;
  }
}

/* ---- DGEMM ---- */
#define BOFFSET 3
#define AA_arr(i, j) AA[(i) + (block + BOFFSET) * (j)]
#define BB_arr(i, j) BB[(i) + (block + BOFFSET) * (j)]
#define CC_arr(i, j) CC[(i) + (block + BOFFSET) * (j)]
#define A_arr(i, j) A[(i) + (order) * (j)]
#define B_arr(i, j) B[(i) + (order) * (j)]
#define C_arr(i, j) C[(i) + (order) * (j)]

void dgemm_column_block(int order, int block, double *A, double *B, double *C, int jj) {
  int i, ii, j, k, kk, ig, jg, kg;
  double *AA = malloc(block * (block + BOFFSET) * 3 * sizeof(double));
  double *BB = AA + block * (block + BOFFSET);
  double *CC = BB + block * (block + BOFFSET);
  for (kk = 0; kk < order; kk += block) {
    for (jg = jj, j = 0; jg < MIN(jj + block, order); j++, jg++)
      for (kg = kk, k = 0; kg < MIN(kk + block, order); k++, kg++) BB_arr(j, k) = B_arr(kg, jg);
    for (ii = 0; ii < order; ii += block) {
      for (kg = kk, k = 0; kg < MIN(kk + block, order); k++, kg++)
        for (ig = ii, i = 0; ig < MIN(ii + block, order); i++, ig++) AA_arr(i, k) = A_arr(ig, kg);
      for (jg = jj, j = 0; jg < MIN(jj + block, order); j++, jg++)
        for (ig = ii, i = 0; ig < MIN(ii + block, order); i++, ig++) CC_arr(i, j) = 0.0;
      for (kg = kk, k = 0; kg < MIN(kk + block, order); k++, kg++)
        for (jg = jj, j = 0; jg < MIN(jj + block, order); j++, jg++)
          for (ig = ii, i = 0; ig < MIN(ii + block, order); i++, ig++) CC_arr(i, j) += AA_arr(i, k) * BB_arr(j, k);
      for (jg = jj, j = 0; jg < MIN(jj + block, order); j++, jg++)
        for (ig = ii, i = 0; ig < MIN(ii + block, order); i++, ig++) C_arr(ig, jg) += CC_arr(i, j);
    }
  }
  free(AA);
}

/* ---- Nstream, Reduce, Branch ---- */
#define OFFSET 3

void nstream_triad(double *a, double *b, double *c, double scalar, long lo, long hi) {
  for (long j = lo; j < hi; j++) a[j] += b[j] + scalar * c[j];
}

void reduce_pairs(double *vector, long length, long lo, long hi) {
  for (long i = lo; i < hi; i++) vector[i] += vector[length + i];
}

int branch_ins(int *vector, int *index, int lo, int hi) {
  int aux, total = 0;
  for (int i = lo; i < hi; i++) {
    aux = -(3 - (i & 7));
    if (aux > 0)
      vector[i] -= 2 * vector[i];
    else
      vector[i] -= 2 * aux;
    total += vector[index[i]];
  }
  return total;
}

/* ---- PIC ---- */
typedef struct {
  double x, y, v_x, v_y, q;
} particle_t;

#define QG(i, j) Qgrid[(j) * (L + 1) + (i)]

void pic_move(particle_t *particles, double *Qgrid, int L, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    particle_t *p = &particles[i];
    int x = (int)floor(p->x), y = (int)floor(p->y);
    double rx = p->x - x, ry = p->y - y;
    double fx = p->q * ((1 - ry) * (QG(x + 1, y) - QG(x, y)) + ry * (QG(x + 1, y + 1) - QG(x, y + 1)));
    double fy = p->q * ((1 - rx) * (QG(x, y + 1) - QG(x, y)) + rx * (QG(x + 1, y + 1) - QG(x + 1, y)));
    p->v_x += fx * 0.01;
    p->v_y += fy * 0.01;
    p->x = fmod(p->x + p->v_x * 0.1 + L, (double)L);
    p->y = fmod(p->y + p->v_y * 0.1 + L, (double)L);
  }
}

int main(void) {
  double checksum = 0.0;

  /* Stencil: n = 14, bands of columns [RADIUS, n - RADIUS). */
  {
    int n = 14;
    double weight[2 * RADIUS + 1][2 * RADIUS + 1];
    for (int jj = -RADIUS; jj <= RADIUS; jj++)
      for (int ii = -RADIUS; ii <= RADIUS; ii++) WEIGHT(ii, jj) = 0.0;
    for (int ii = 1; ii <= RADIUS; ii++) {
      WEIGHT(0, ii) = WEIGHT(ii, 0) = 1.0 / (2.0 * ii * RADIUS);
      WEIGHT(0, -ii) = WEIGHT(-ii, 0) = -1.0 / (2.0 * ii * RADIUS);
    }
    double *in = malloc(n * n * sizeof(double)), *out = calloc(n * n, sizeof(double));
    for (int j = 0; j < n; j++)
      for (int i = 0; i < n; i++) IN(i, j) = 0.5 * i + 0.25 * j + (i * j % 5) * 0.125;
    int cut[4] = {RADIUS, 5, 9, n - RADIUS};
    for (int iter = 0; iter < 3; iter++) {
      for (int b = 0; b < 3; b++) {
        if (iter == 1) {
#pragma dosc task
          stencil_compact(n, weight, in, out, cut[b], cut[b + 1]);
        } else {
#pragma dosc task
          stencil_star(n, weight, in, out, cut[b], cut[b + 1]);
        }
      }
#pragma dosc taskwait
      for (int b = 0; b < 3; b++) {
#pragma dosc task
        stencil_refresh(n, in, b * n / 3, (b + 1) * n / 3);
      }
#pragma dosc taskwait
    }
    double norm[3];
    for (int b = 0; b < 3; b++) {
#pragma dosc task
      norm[b] = stencil_norm(n, out, cut[b], cut[b + 1]);
    }
#pragma dosc taskwait
    checksum += norm[0] + 2 * norm[1] + 3 * norm[2];
    free(in), free(out);
  }

  /* Transpose: order 13, tiles of 4, tasks over bands of 8 rows of A. */
  {
    size_t order = 13;
    double *A = malloc(order * order * sizeof(double)), *B = malloc(order * order * sizeof(double));
    for (size_t j = 0; j < order; j++)
      for (size_t i = 0; i < order; i++) A[i + order * j] = (double)(order * j + i), B[i + order * j] = 0.0;
    for (int iter = 0; iter < 2; iter++) {
      for (size_t i = 0; i < order; i += 8) {
#pragma dosc task
        transpose_tiles(order, 4, A, B, i, MIN(order, i + 8));
      }
#pragma dosc taskwait
    }
    for (size_t k = 0; k < order * order; k++) checksum += B[k] * (double)(k % 7) + A[k] * 0.001;
    free(A), free(B);
  }

  /* Synch_p2p: m = 11, n = 9, blocks of rows [start, end] and columns, by anti-diagonal. */
  {
    long m = 11, n = 9;
    double *vector = calloc(m * n, sizeof(double));
    for (long j = 0; j < n; j++) ARRAY(0, j) = (double)j;
    for (long i = 0; i < m; i++) ARRAY(i, 0) = (double)i;
    long istart[3] = {0, 4, 8}, iend[3] = {3, 7, 10};
    long jstart[2] = {1, 5}, jend[2] = {4, 8};
    for (int iter = 0; iter < 2; iter++) {
      for (int d = 0; d < 4; d++) {
        for (int bi = 0; bi < 3; bi++) {
          int bj = d - bi;
          if (bj < 0 || bj > 1) continue;
#pragma dosc task
          p2p_block(m, vector, istart[bi], iend[bi], jstart[bj], jend[bj]);
        }
#pragma dosc taskwait
      }
#pragma dosc task
      p2p_corner(m, n, vector);
#pragma dosc taskwait
    }
    for (long k = 0; k < m * n; k++) checksum += vector[k] * (1 + k % 3) * 1e-3;
    free(vector);
  }

  /* Sparse: lsize 3 (an 8 x 8 grid), radius 2, row blocks of 24, 16, 24. */
  {
    int lsize = 3, radius = 2, stencil_size = 4 * radius + 1;
    s64Int size2 = (s64Int)1 << (2 * lsize), nent = size2 * stencil_size;
    double *matrix = malloc(nent * sizeof(double)), *vector = calloc(2 * size2, sizeof(double));
    double *result = vector + size2;
    s64Int *colIndex = malloc(nent * sizeof(s64Int));
    s64Int cut[4] = {0, 24, 40, size2};
    for (int b = 0; b < 3; b++) {
#pragma dosc task
      sparse_fill(colIndex, matrix, lsize, radius, cut[b], cut[b + 1]);
    }
#pragma dosc taskwait
    for (int iter = 0; iter < 3; iter++) {
      for (int b = 0; b < 3; b++) {
#pragma dosc task
        sparse_vector_fill(vector, cut[b], cut[b + 1]);
      }
#pragma dosc taskwait
      for (int b = 0; b < 3; b++) {
#pragma dosc task
        sparse_mv(matrix, colIndex, vector, result, stencil_size, cut[b], cut[b + 1]);
      }
#pragma dosc taskwait
    }
    for (s64Int row = 0; row < size2; row++) checksum += result[row] * (1 + row % 4) + colIndex[row * 3] * 1e-4;
    free(matrix), free(vector), free(colIndex);
  }

  /* DGEMM: order 10, block 4 (a ragged last block), a task per column block. */
  {
    int order = 10, block = 4;
    double *A = malloc(order * order * sizeof(double)), *B = malloc(order * order * sizeof(double));
    double *C = calloc(order * order, sizeof(double));
    for (int j = 0; j < order; j++)
      for (int i = 0; i < order; i++) A_arr(i, j) = (double)j + 0.1 * i, B_arr(i, j) = (double)(i + 2 * j) * 0.5;
    for (int jj = 0; jj < order; jj += block) {
#pragma dosc task
      dgemm_column_block(order, block, A, B, C, jj);
    }
#pragma dosc taskwait
    for (int k = 0; k < order * order; k++) checksum += C[k] * (1 + k % 5) * 1e-3;
    free(A), free(B), free(C);
  }

  /* Nstream, Reduce, Branch. */
  {
    long length = 40;
    double *a = malloc((length + OFFSET) * sizeof(double)), *b = malloc((length + OFFSET) * sizeof(double));
    double *c = malloc((length + OFFSET) * sizeof(double));
    for (long j = 0; j < length + OFFSET; j++) a[j] = 0.0, b[j] = 2.0 + j % 3, c[j] = 2.0 - j % 2;
    for (int iter = 0; iter < 2; iter++) {
      for (long lo = 0; lo < length; lo += 16) {
#pragma dosc task
        nstream_triad(a + OFFSET, b + OFFSET, c + OFFSET, 3.0, lo, MIN(length, lo + 16));
      }
#pragma dosc taskwait
    }
    for (long j = 0; j < length + OFFSET; j++) checksum += a[j] * (1 + j % 3);
    double *vector = malloc(2 * length * sizeof(double));
    for (long i = 0; i < 2 * length; i++) vector[i] = (double)(i % 9) * 0.5;
    for (long lo = 0; lo < length; lo += 15) {
#pragma dosc task
      reduce_pairs(vector, length, lo, MIN(length, lo + 15));
    }
#pragma dosc taskwait
    for (long i = 0; i < 2 * length; i++) checksum += vector[i] * (1 + i % 2);
    int *iv = malloc(48 * sizeof(int)), *index = malloc(48 * sizeof(int));
    for (int i = 0; i < 48; i++) iv[i] = 3 + i % 5, index[i] = i;
    int tot[3];
    for (int t = 0; t < 3; t++) {
#pragma dosc task
      tot[t] = branch_ins(iv, index, t * 16, t * 16 + 16);
    }
#pragma dosc taskwait
    checksum += tot[0] + 2 * tot[1] + 3 * tot[2];
    free(a), free(b), free(c), free(vector), free(iv), free(index);
  }

  /* PIC: an 8 x 8 grid of alternating charges, 30 particles in 3 blocks. */
  {
    int L = 8;
    double *Qgrid = malloc((L + 1) * (L + 1) * sizeof(double));
    for (int j = 0; j <= L; j++)
      for (int i = 0; i <= L; i++) QG(i, j) = (i % 2 == 0) ? 1.0 : -1.0;
    particle_t *particles = malloc(30 * sizeof(particle_t));
    for (int i = 0; i < 30; i++)
      particles[i] = (particle_t){0.3 + (i * 7 % 8) * 0.9, 0.6 + (i * 3 % 8) * 0.85, 0.0, 0.0, (i % 2) ? 1.0 : -0.5};
    for (int step = 0; step < 3; step++) {
      for (int b = 0; b < 3; b++) {
#pragma dosc task
        pic_move(particles, Qgrid, L, b * 10, b * 10 + 10);
      }
#pragma dosc taskwait
    }
    for (int i = 0; i < 30; i++) checksum += particles[i].x + 2 * particles[i].y + particles[i].v_x;
    free(Qgrid), free(particles);
  }

  printf("checksum %.6f\n", checksum);
  return 0;
}
