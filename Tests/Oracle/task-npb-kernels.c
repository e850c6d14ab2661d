/* NAS Parallel Benchmarks (OpenMP C versions, RWCP/UVSQ) kernels as tasks, written for dosc in
   the suite's shapes:
   - EP: vranlc fills y[1..n] and is called with `x - 1` (a pointer one before the array), its
     seed through a pointer to the caller's local; a batch task tallies annuli counts qq[l]
     with l from max(|t3|, |t4|) and returns nothing but its sums through a 2-element array;
   - CG: 1-based CSR (rowstr[j] .. rowstr[j+1], p[colidx[k]]), rows 1..n, dot products that
     return their sum, the axpy pair;
   - IS: bucket counts per chunk (bucket_size[t][key >> shift]++, a row of a 2-D array),
     ranking inside one bucket (key_buff_ptr[key_buff_ptr2[k]]++, data-dependent stores);
   - MG: resid and psinv with `double ***` grids (rows of pointers) and with a `void *` cast to
     `double (*)[n2][n1]`, rprj3's fine-to-coarse 2*j-d indices, local u1/u2 rows;
   - FT: dcomplex structs, evolve's crmul macro with ex[t * indexmap[k][j][i]], a cffts1 plane
     through y0/y1 scratch (x[k][j+jj][i].real), a radix-2 fftz2 butterfly with shifts. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define r23 (0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5 * 0.5)
#define r46 (r23 * r23)
#define t23 (2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0 * 2.0)
#define t46 (t23 * t23)
#define pow2(a) ((a) * (a))
#define max(a, b) (((a) > (b)) ? (a) : (b))

/* ---- EP ---- */
double randlc(double *x, double a) {
  double t1, t2, t3, t4, a1, a2, x1, x2, z;
  t1 = r23 * a;
  a1 = (int)t1;
  a2 = a - t23 * a1;
  t1 = r23 * *x;
  x1 = (int)t1;
  x2 = *x - t23 * x1;
  t1 = a1 * x2 + a2 * x1;
  t2 = (int)(r23 * t1);
  z = t1 - t23 * t2;
  t3 = t23 * z + a2 * x2;
  t4 = (int)(r46 * t3);
  *x = t3 - t46 * t4;
  return (r46 * *x);
}

void vranlc(int n, double *x_seed, double a, double y[]) {
  int i;
  double x, t1, t2, t3, t4, a1, a2, x1, x2, z;
  t1 = r23 * a;
  a1 = (int)t1;
  a2 = a - t23 * a1;
  x = *x_seed;
  for (i = 1; i <= n; i++) {
    t1 = r23 * x;
    x1 = (int)t1;
    x2 = x - t23 * x1;
    t1 = a1 * x2 + a2 * x1;
    t2 = (int)(r23 * t1);
    z = t1 - t23 * t2;
    t3 = t23 * z + a2 * x2;
    t4 = (int)(r46 * t3);
    x = t3 - t46 * t4;
    y[i] = r46 * x;
  }
  *x_seed = x;
}

#define MK 4
#define NK (1 << MK)
#define NQ 10
#define EP_A 1220703125.0
#define EP_S 271828183.0

/* Batches k in [klo, khi] (1-based, the suite's k_offset -1), x the task's own 2*NK doubles. */
void ep_batches(int klo, int khi, double an, double *x, double qq[NQ], double sums[2]) {
  double t1, t2, t3, t4, x1, x2;
  int kk, i, ik, l, k;
  for (i = 0; i < NQ; i++) qq[i] = 0.0;
  sums[0] = sums[1] = 0.0;
  for (k = klo; k <= khi; k++) {
    kk = -1 + k;
    t1 = EP_S;
    t2 = an;
    for (i = 1; i <= 100; i++) {
      ik = kk / 2;
      if (2 * ik != kk) t3 = randlc(&t1, t2);
      if (ik == 0) break;
      t3 = randlc(&t2, t2);
      kk = ik;
    }
    vranlc(2 * NK, &t1, EP_A, x - 1);
    for (i = 0; i < NK; i++) {
      x1 = 2.0 * x[2 * i] - 1.0;
      x2 = 2.0 * x[2 * i + 1] - 1.0;
      t1 = pow2(x1) + pow2(x2);
      if (t1 <= 1.0) {
        t2 = sqrt(-2.0 * log(t1) / t1);
        t3 = (x1 * t2);
        t4 = (x2 * t2);
        l = max(fabs(t3), fabs(t4));
        qq[l] += 1.0;
        sums[0] = sums[0] + t3;
        sums[1] = sums[1] + t4;
      }
    }
  }
}

/* ---- CG (1-based) ---- */
void cg_matvec(int *rowstr, int *colidx, double *a, double *p, double *q, int lo, int hi) {
  int j, k;
  double sum;
  for (j = lo; j <= hi; j++) {
    sum = 0.0;
    for (k = rowstr[j]; k < rowstr[j + 1]; k++) sum = sum + a[k] * p[colidx[k]];
    q[j] = sum;
  }
}

double cg_dot(double *x, double *y, int lo, int hi) {
  double d = 0.0;
  for (int j = lo; j <= hi; j++) d = d + x[j] * y[j];
  return d;
}

void cg_axpy(double *z, double *r, double *p, double *q, double alpha, int lo, int hi) {
  for (int j = lo; j <= hi; j++) {
    z[j] = z[j] + alpha * p[j];
    r[j] = r[j] - alpha * q[j];
  }
}

/* ---- IS ---- */
#define NUM_KEYS 64
#define MAX_KEY_LOG_2 7
#define NUM_BUCKETS_LOG_2 3
#define MAX_KEY (1 << MAX_KEY_LOG_2)
#define NUM_BUCKETS (1 << NUM_BUCKETS_LOG_2)

void is_count(int *key_array, int *bucket_size, int shift, int lo, int hi) {
  int i;
  for (i = 0; i < NUM_BUCKETS; i++) bucket_size[i] = 0;
  for (i = lo; i < hi; i++) bucket_size[key_array[i] >> shift]++;
}

/* Rank the keys of bucket i: counts of key_buff2[m .. bucket_ptrs[i]) into key_buff1[k1 .. k2). */
void is_rank_bucket(int *key_buff1, int *key_buff2, int *bucket_ptrs, int num_bucket_keys, int i) {
  int k, k1 = i * num_bucket_keys, k2 = k1 + num_bucket_keys, m;
  for (k = k1; k < k2; k++) key_buff1[k] = 0;
  m = (i > 0) ? bucket_ptrs[i - 1] : 0;
  for (k = m; k < bucket_ptrs[i]; k++) key_buff1[key_buff2[k]]++;
  key_buff1[k1] += m;
  for (k = k1 + 1; k < k2; k++) key_buff1[k] += key_buff1[k - 1];
}

/* ---- MG ---- */
#define MG_N 6
void resid_ptrs(double ***u, double ***v, double ***r, int n1, int n2, double a[4], int lo, int hi) {
  int i3, i2, i1;
  double u1[MG_N], u2[MG_N];
  for (i3 = lo; i3 < hi; i3++)
    for (i2 = 1; i2 < n2 - 1; i2++) {
      for (i1 = 0; i1 < n1; i1++) {
        u1[i1] = u[i3][i2 - 1][i1] + u[i3][i2 + 1][i1] + u[i3 - 1][i2][i1] + u[i3 + 1][i2][i1];
        u2[i1] = u[i3 - 1][i2 - 1][i1] + u[i3 - 1][i2 + 1][i1] + u[i3 + 1][i2 - 1][i1] + u[i3 + 1][i2 + 1][i1];
      }
      for (i1 = 1; i1 < n1 - 1; i1++)
        r[i3][i2][i1] = v[i3][i2][i1] - a[0] * u[i3][i2][i1] - a[2] * (u2[i1] + u1[i1 - 1] + u1[i1 + 1]) -
                        a[3] * (u2[i1 - 1] + u2[i1 + 1]);
    }
}

void psinv_cast(void *or, void *ou, int n1, int n2, double c[4], int lo, int hi) {
  double (*r)[n2][n1] = (double (*)[n2][n1])or;
  double (*u)[n2][n1] = (double (*)[n2][n1])ou;
  int i3, i2, i1;
  double r1[MG_N], r2[MG_N];
  for (i3 = lo; i3 < hi; i3++)
    for (i2 = 1; i2 < n2 - 1; i2++) {
      for (i1 = 0; i1 < n1; i1++) {
        r1[i1] = r[i3][i2 - 1][i1] + r[i3][i2 + 1][i1] + r[i3 - 1][i2][i1] + r[i3 + 1][i2][i1];
        r2[i1] = r[i3 - 1][i2 - 1][i1] + r[i3 - 1][i2 + 1][i1] + r[i3 + 1][i2 - 1][i1] + r[i3 + 1][i2 + 1][i1];
      }
      for (i1 = 1; i1 < n1 - 1; i1++)
        u[i3][i2][i1] = u[i3][i2][i1] + c[0] * r[i3][i2][i1] + c[1] * (r[i3][i2][i1 - 1] + r[i3][i2][i1 + 1] + r1[i1]) +
                        c[2] * (r2[i1] + r1[i1 - 1] + r1[i1 + 1]);
    }
}

/* rprj3 on flat grids: coarse s (m1 x m2 x m3) from fine r (m1k x m2k x ...), planes [lo, hi). */
void rprj3_flat(double *r, int m1k, int m2k, double *s, int m1j, int m2j, int d1, int d2, int d3, int lo, int hi) {
  int j3, j2, j1, i3, i2, i1;
  for (j3 = lo; j3 < hi; j3++) {
    i3 = 2 * j3 - d3;
    for (j2 = 1; j2 < m2j - 1; j2++) {
      i2 = 2 * j2 - d2;
      for (j1 = 1; j1 < m1j - 1; j1++) {
        i1 = 2 * j1 - d1;
        double x = r[(i3 * m2k + i2) * m1k + i1] + r[((i3 + 1) * m2k + i2) * m1k + i1 + 1] +
                   r[(i3 * m2k + i2 + 1) * m1k + i1 - 1] + r[((i3 - 1) * m2k + i2 - 1) * m1k + i1];
        s[(j3 * m2j + j2) * m1j + j1] = 0.5 * r[((i3 + 1) * m2k + i2 + 1) * m1k + i1 + 1] + 0.25 * x;
      }
    }
  }
}

/* ---- FT ---- */
typedef struct {
  double real;
  double imag;
} dcomplex;
#define crmul(c, a, b) \
  { \
    (c).real = (a).real * (b); \
    (c).imag = (a).imag * (b); \
  }
#define NX 8
#define NY 4
#define NZ 3
#define FFTBLOCK 2

void ft_evolve(dcomplex u0[NZ][NY][NX], dcomplex u1[NZ][NY][NX], int t, int indexmap[NZ][NY][NX], int d[3], double *ex,
               int lo, int hi) {
  int i, j, k;
  for (k = lo; k < hi; k++)
    for (j = 0; j < d[1]; j++)
      for (i = 0; i < d[0]; i++) crmul(u1[k][j][i], u0[k][j][i], ex[t * indexmap[k][j][i]]);
}

/* One stage l of a radix-2 Stockham FFT on columns [0, ny) of u/x into y. */
static void fftz2(int is, int l, int m, int n, int ny, dcomplex u[], dcomplex x[NX][FFTBLOCK], dcomplex y[NX][FFTBLOCK]) {
  int k, n1, li, lj, lk, ku, i, j, i11, i12, i21, i22;
  dcomplex u1, x11, x21;
  n1 = n / 2;
  lk = 1 << (l - 1);
  li = 1 << (m - l);
  lj = 2 * lk;
  ku = li;
  for (i = 0; i < li; i++) {
    i11 = i * lk;
    i12 = i11 + n1;
    i21 = i * lj;
    i22 = i21 + lk;
    u1.real = u[ku + i].real;
    u1.imag = is >= 1 ? u[ku + i].imag : -u[ku + i].imag;
    for (k = 0; k < lk; k++)
      for (j = 0; j < ny; j++) {
        double x11real = x[i11 + k][j].real, x11imag = x[i11 + k][j].imag;
        double x21real = x[i12 + k][j].real, x21imag = x[i12 + k][j].imag;
        y[i21 + k][j].real = x11real + x21real;
        y[i21 + k][j].imag = x11imag + x21imag;
        y[i22 + k][j].real = u1.real * (x11real - x21real) - u1.imag * (x11imag - x21imag);
        y[i22 + k][j].imag = u1.real * (x11imag - x21imag) + u1.imag * (x11real - x21real);
      }
  }
  (void)x11, (void)x21;
}

/* cffts1 of plane k: blocks of FFTBLOCK rows through y0/y1, the task's own scratch. */
void cffts1_plane(int is, int d[3], dcomplex x[NZ][NY][NX], dcomplex xout[NZ][NY][NX], dcomplex u[NX],
                  dcomplex y0[NX][FFTBLOCK], dcomplex y1[NX][FFTBLOCK], int logd0, int k) {
  int i, j, jj, l;
  for (jj = 0; jj <= d[1] - FFTBLOCK; jj += FFTBLOCK) {
    for (j = 0; j < FFTBLOCK; j++)
      for (i = 0; i < d[0]; i++) {
        y0[i][j].real = x[k][j + jj][i].real;
        y0[i][j].imag = x[k][j + jj][i].imag;
      }
    for (l = 1; l <= logd0; l += 2) {
      fftz2(is, l, logd0, d[0], FFTBLOCK, u, y0, y1);
      if (l == logd0) {
        for (j = 0; j < d[0]; j++)
          for (i = 0; i < FFTBLOCK; i++) y0[j][i] = y1[j][i];
        break;
      }
      fftz2(is, l + 1, logd0, d[0], FFTBLOCK, u, y1, y0);
    }
    for (j = 0; j < FFTBLOCK; j++)
      for (i = 0; i < d[0]; i++) {
        xout[k][j + jj][i].real = y0[i][j].real;
        xout[k][j + jj][i].imag = y0[i][j].imag;
      }
  }
}

static double ep_x[4][2 * NK];
static dcomplex u0[NZ][NY][NX], u1[NZ][NY][NX], xo[NZ][NY][NX], uroots[NX], scratch0[NZ][NX][FFTBLOCK],
    scratch1[NZ][NX][FFTBLOCK];
static int indexmap[NZ][NY][NX];

int main(void) {
  double check = 0;
  /* EP: 8 batches in 4 tasks */
  {
    double t1 = EP_A, an, qq[4][NQ], sums[4][2], q[NQ] = {0}, sx = 0, sy = 0;
    for (int i = 1; i <= MK + 1; i++) randlc(&t1, t1);
    an = t1;
    for (int t = 0; t < 4; t++) {
#pragma dosc task
      ep_batches(2 * t + 1, 2 * t + 2, an, ep_x[t], qq[t], sums[t]);
    }
#pragma dosc taskwait
    for (int t = 0; t < 4; t++) {
      sx += sums[t][0], sy += sums[t][1];
      for (int i = 0; i < NQ; i++) q[i] += qq[t][i];
    }
    double seed = EP_S, y[2 * NK];
#pragma dosc task
    vranlc(2 * NK, &seed, EP_A, y - 1);
#pragma dosc taskwait
    for (int i = 0; i < 2 * NK; i++) check += y[i] * (i + 1);
    printf("ep: sx %.10f sy %.10f q0 %.0f q1 %.0f seed %.0f\n", sx, sy, q[0], q[1], seed);
  }
  /* CG: a 1-based tridiagonal-plus matrix of n rows */
  {
    enum { n = 10 };
    int rowstr[n + 2], colidx[3 * n + 1];
    double a[3 * n + 1], p[n + 2], q[n + 2], z[n + 2], r[n + 2];
    int nz = 1;
    for (int j = 1; j <= n; j++) {
      rowstr[j] = nz;
      for (int c = j - 1; c <= j + 1; c++)
        if (c >= 1 && c <= n) colidx[nz] = c, a[nz++] = c == j ? 4.0 : -1.0 + 0.1 * j;
      p[j] = r[j] = 1.0 / j, z[j] = 0.0;
    }
    rowstr[n + 1] = nz;
    double rho = 0, pq = 0, parts[2];
    for (int it = 0; it < 3; it++) {
      for (int lo = 1; lo <= n; lo += 4) {
#pragma dosc task
        cg_matvec(rowstr, colidx, a, p, q, lo, lo + 3 < n ? lo + 3 : n);
      }
#pragma dosc taskwait
#pragma dosc task
      parts[0] = cg_dot(p, q, 1, n / 2);
#pragma dosc task
      parts[1] = cg_dot(p, q, n / 2 + 1, n);
#pragma dosc taskwait
      pq = parts[0] + parts[1];
#pragma dosc task
      rho = cg_dot(r, r, 1, n);
#pragma dosc taskwait
      double alpha = rho / pq;
      for (int lo = 1; lo <= n; lo += 5) {
#pragma dosc task
        cg_axpy(z, r, p, q, alpha, lo, lo + 4);
      }
#pragma dosc taskwait
      for (int j = 1; j <= n; j++) p[j] = r[j] + 0.5 * p[j];
    }
    for (int j = 1; j <= n; j++) check += z[j] * j + r[j];
    printf("cg: rho %.10f pq %.10f\n", rho, pq);
  }
  /* IS */
  {
    static int key_array[NUM_KEYS], key_buff1[MAX_KEY], key_buff2[NUM_KEYS], bucket_size[4][NUM_BUCKETS],
        bucket_ptrs[NUM_BUCKETS];
    double seed = 314159265.00;
    for (int i = 0; i < NUM_KEYS; i++) key_array[i] = (int)(MAX_KEY * randlc(&seed, EP_A));
    int shift = MAX_KEY_LOG_2 - NUM_BUCKETS_LOG_2;
    for (int t = 0; t < 4; t++) {
#pragma dosc task
      is_count(key_array, bucket_size[t], shift, t * NUM_KEYS / 4, (t + 1) * NUM_KEYS / 4);
    }
#pragma dosc taskwait
    int ptr[4][NUM_BUCKETS], sum = 0;
    for (int b = 0; b < NUM_BUCKETS; b++)
      for (int t = 0; t < 4; t++) ptr[t][b] = sum, sum += bucket_size[t][b];
    for (int b = 0; b < NUM_BUCKETS; b++) bucket_ptrs[b] = b + 1 < NUM_BUCKETS ? ptr[0][b + 1] : NUM_KEYS;
    for (int i = 0; i < NUM_KEYS; i++) {
      int t = i / (NUM_KEYS / 4), key = key_array[i];
      key_buff2[ptr[t][key >> shift]++] = key;
    }
    for (int b = 0; b < NUM_BUCKETS; b++) {
#pragma dosc task
      is_rank_bucket(key_buff1, key_buff2, bucket_ptrs, MAX_KEY / NUM_BUCKETS, b);
    }
#pragma dosc taskwait
    long s = 0;
    for (int k = 0; k < MAX_KEY; k++) s += (long)key_buff1[k] * (k + 1);
    printf("is: ranks %ld\n", s);
  }
  /* MG: a 6x6x6 grid as rows of pointers and as one block */
  {
    int n = MG_N;
    double *blocks = malloc(sizeof(double) * 3 * n * n * n), ***grid[3];
    for (int g = 0; g < 3; g++) {
      grid[g] = malloc(sizeof(double **) * n);
      for (int i3 = 0; i3 < n; i3++) {
        grid[g][i3] = malloc(sizeof(double *) * n);
        for (int i2 = 0; i2 < n; i2++) grid[g][i3][i2] = blocks + ((g * n + i3) * n + i2) * n;
      }
    }
    for (int i = 0; i < 3 * n * n * n; i++) blocks[i] = (double)((i * 7) % 11) / 11.0;
    double a[4] = {-8.0 / 3.0, 0.0, 1.0 / 6.0, 1.0 / 12.0}, c[4] = {-3.0 / 8.0, 1.0 / 32.0, -1.0 / 64.0, 0.0};
    for (int lo = 1; lo < n - 1; lo += 2) {
#pragma dosc task
      resid_ptrs(grid[0], grid[1], grid[2], n, n, a, lo, lo + 2 < n - 1 ? lo + 2 : n - 1);
    }
#pragma dosc taskwait
    for (int lo = 1; lo < n - 1; lo += 2) {
#pragma dosc task
      psinv_cast(blocks + 2 * n * n * n, blocks, n, n, c, lo, lo + 2 < n - 1 ? lo + 2 : n - 1);
    }
#pragma dosc taskwait
    int m = n / 2 + 1;
    double *coarse = calloc(m * m * m, sizeof(double));
    for (int lo = 1; lo < m - 1; lo++) {
#pragma dosc task
      rprj3_flat(blocks + 2 * n * n * n, n, n, coarse, m, m, 1, 1, 1, lo, lo + 1);
    }
#pragma dosc taskwait
    for (int i = 0; i < 3 * n * n * n; i++) check += blocks[i] * (i % 17 + 1);
    for (int i = 0; i < m * m * m; i++) check += coarse[i] * (i + 1);
    for (int g = 0; g < 3; g++) {
      for (int i3 = 0; i3 < n; i3++) free(grid[g][i3]);
      free(grid[g]);
    }
    free(blocks), free(coarse);
  }
  /* FT */
  {
    int d[3] = {NX, NY, NZ}, logd0 = 3;
    double ex[NX * NY * NZ * 3];
    for (int i = 0; i < NX * NY * NZ * 3; i++) ex[i] = exp(-1.0e-3 * i);
    for (int k = 0; k < NZ; k++)
      for (int j = 0; j < NY; j++)
        for (int i = 0; i < NX; i++) {
          u0[k][j][i].real = (double)((i + 3 * j + 5 * k) % 7) / 7.0, u0[k][j][i].imag = (double)((2 * i + j) % 5) / 5.0;
          indexmap[k][j][i] = (i * i + j * j + k * k) % (NX * NY * NZ);
        }
    for (int i = 0; i < NX; i++) uroots[i].real = cos(0.5 * i), uroots[i].imag = sin(0.5 * i);
    for (int lo = 0; lo < NZ; lo += 2) {
#pragma dosc task
      ft_evolve(u0, u1, 2, indexmap, d, ex, lo, lo + 2 < NZ ? lo + 2 : NZ);
    }
#pragma dosc taskwait
    for (int k = 0; k < NZ; k++) {
#pragma dosc task
      cffts1_plane(1, d, u1, xo, uroots, scratch0[k], scratch1[k], logd0, k);
    }
#pragma dosc taskwait
    for (int k = 0; k < NZ; k++)
      for (int j = 0; j < NY; j++)
        for (int i = 0; i < NX; i++) check += xo[k][j][i].real * (i + 1) - xo[k][j][i].imag * (j + k + 1);
  }
  printf("checksum %.8f\n", check);
  return 0;
}
