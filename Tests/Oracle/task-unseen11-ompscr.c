/* The OpenMP Source Code Repository's C programs as dosc tasks (branch unseen11), read from
   utpalbora/OmpSCR_v2.0 (OmpSCR v2.0, (C) 2004 A. J. Dorta, C. Rodriguez, F. de Sande, BSD-style
   licence in LICENSE; c_md.c by Bill Magro, KAI, 1998, GPL v2): the shapes kept, the code written
   anew around them, each `omp parallel for` a task per block and a taskwait:
   - applications/c_MolecularDynamic/c_md.c: `typedef double vnd_t[NDIM]`, positions as `vnd_t *`
     indexed pos[i][j] for j < nd, the helpers dist(nd, pos[i], pos[j], rij) and dot_prod taking a
     row that decays to `double *`; compute() a task per block of particles writing its energies
     through `double *pot_p, *kin_p` (the original's `dot_prod(nd, vel[i], vel[j])` after the j
     loop reads vel[np], one past the array: written vel[i] here, as KAI's md.c has it); update()
     a task per block given `pos + lo`, `vel + lo`, ... (rows shifted by the spawn);
   - applications/c_LUreduction/c_lu.c: M and L as `double **` rows, a task per band of rows i
     below the pivot k;
   - applications/c_FFT/c_fft.c: the recursive FFT, FFT(D + i * n, a + i * stride, W, n,
     stride << 1, A + i * n) spawned for i = 0, 1 (the input read with a doubling stride, A and D
     swapping roles), the butterfly through `pW = W + i * stride`, a Complex struct of two
     doubles;
   - applications/c_QuickSort/c_qsort.c: qs(v, first, last) partitioning with `int start[2],
     end[2]` and spawning qs(v, start[i], end[i]) for i = 0, 1;
   - applications/c_LoopsWithDependencies/c_loopA.solution2.c and c_loopB.pipelineSolution.c:
     V[i] = f(V[i], V[i+1]) (and V[i-1]) per thread block [limitL, limitR] with the border read
     before the barrier, `#define f(x,y) ((x+y)/2.0)`; the barrier becomes a taskwait;
   - applications/c_Jacobi/c_jacobi01.c: the relaxation over rows j of `uold[i + m*j]` with
     U(i,j)/F(i,j) macros for the set-up, a task per band of rows returning its error sum.
   Sizes are small (the oracle runs the program under valgrind); the program prints checksums. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#ifndef M_PI_2
#define M_PI_2 1.57079632679489661923
#endif
#define NDIM 3
typedef double vnd_t[NDIM];

double v(double x) {
  if (x < M_PI_2)
    return pow(sin(x), 2.0);
  else
    return 1.0;
}

double dv(double x) {
  if (x < M_PI_2)
    return 2.0 * sin(x) * cos(x);
  else
    return 0.0;
}

double dist(int nd, vnd_t r1, vnd_t r2, vnd_t dr) {
  int i;
  double d = 0.0;
  for (i = 0; i < nd; i++) {
    dr[i] = r1[i] - r2[i];
    d += dr[i] * dr[i];
  }
  return sqrt(d);
}

double dot_prod(int n, vnd_t x, vnd_t y) {
  int i;
  double t = 0.0;
  for (i = 0; i < n; i++) t += x[i] * y[i];
  return t;
}

/* c_md.c's compute() over particles [lo, hi) of np. */
void compute(int np, int nd, vnd_t *pos, vnd_t *vel, double mass, vnd_t *f, double *pot_p, double *kin_p,
             int lo, int hi) {
  int i, j, k;
  vnd_t rij;
  double d, pot = 0.0, kin = 0.0;
  for (i = lo; i < hi; i++) {
    for (j = 0; j < nd; j++) f[i][j] = 0.0;
    for (j = 0; j < np; j++) {
      if (i != j) {
        d = dist(nd, pos[i], pos[j], rij);
        pot = pot + 0.5 * v(d);
        for (k = 0; k < nd; k++) f[i][k] = f[i][k] - rij[k] * dv(d) / d;
      }
    }
    kin = kin + dot_prod(nd, vel[i], vel[i]);
  }
  *pot_p = pot;
  *kin_p = kin * 0.5 * mass;
}

/* c_md.c's update() as is; each task is given its block's rows. */
void update(int np, int nd, vnd_t *pos, vnd_t *vel, vnd_t *f, vnd_t *a, double mass, double dt) {
  int i, j;
  double rmass = 1.0 / mass;
  for (i = 0; i < np; i++) {
    for (j = 0; j < nd; j++) {
      pos[i][j] = pos[i][j] + vel[i][j] * dt + 0.5 * dt * dt * a[i][j];
      vel[i][j] = vel[i][j] + 0.5 * dt * (f[i][j] * rmass + a[i][j]);
      a[i][j] = f[i][j] * rmass;
    }
  }
}

/* c_lu.c's elimination step k over rows [lo, hi). */
void lu_rows(double **M, double **L, int size, int k, int lo, int hi) {
  int i, j;
  for (i = lo; i < hi; i++) {
    L[i][k] = M[i][k] / M[k][k];
    for (j = k + 1; j < size; j++) M[i][j] = M[i][j] - L[i][k] * M[k][j];
  }
}

typedef double doubleType;
typedef struct {
  doubleType re;
  doubleType im;
} Complex;

void Roots(unsigned Size, Complex *W) {
  unsigned i;
  double phi = 4 * atan(1.0) / (double)Size;
  Complex Omega;
  Omega.re = cos(phi);
  Omega.im = sin(phi);
  W[0].re = 1.0;
  W[0].im = 0.0;
  for (i = 1; i < Size; i++) {
    W[i].re = W[i - 1].re * Omega.re - W[i - 1].im * Omega.im;
    W[i].im = W[i - 1].re * Omega.im + W[i - 1].im * Omega.re;
  }
}

void FFT(Complex *A, Complex *a, Complex *W, unsigned N, unsigned stride, Complex *D) {
  Complex *B, *C;
  Complex Aux, *pW;
  unsigned n;
  int i;
  if (N == 1) {
    A[0].re = a[0].re;
    A[0].im = a[0].im;
  } else {
    n = (N >> 1);
    for (i = 0; i <= 1; i++) {
#pragma dosc task
      FFT(D + i * n, a + i * stride, W, n, stride << 1, A + i * n);
    }
#pragma dosc taskwait
    B = D;
    C = D + n;
    for (i = 0; i <= n - 1; i++) {
      pW = W + i * stride;
      Aux.re = pW->re * C[i].re - pW->im * C[i].im;
      Aux.im = pW->re * C[i].im + pW->im * C[i].re;
      A[i].re = B[i].re + Aux.re;
      A[i].im = B[i].im + Aux.im;
      A[i + n].re = B[i].re - Aux.re;
      A[i + n].im = B[i].im - Aux.im;
    }
  }
}

void qs(int *v, int first, int last) {
  int start[2], end[2], pivot, i, temp;
  if (first < last) {
    start[1] = first;
    end[0] = last;
    pivot = v[(first + last) / 2];
    while (start[1] <= end[0]) {
      while (v[start[1]] < pivot) start[1]++;
      while (pivot < v[end[0]]) end[0]--;
      if (start[1] <= end[0]) {
        temp = v[start[1]];
        v[start[1]] = v[end[0]];
        v[end[0]] = temp;
        start[1]++;
        end[0]--;
      }
    }
    start[0] = first;
    end[1] = last;
    for (i = 0; i <= 1; i++) {
#pragma dosc task
      qs(v, start[i], end[i]);
    }
#pragma dosc taskwait
  }
}

#define f(x, y) ((x + y) / 2.0)

/* c_loopA.solution2.c: one thread's block for one iteration, its right border read beforehand. */
void loopA_block(double *V, int limitL, int limitR, double border, int last) {
  int i;
  for (i = limitL; i < limitR; i++) V[i] = f(V[i], V[i + 1]);
  if (!last) V[limitR] = f(V[limitR], border);
}

/* c_loopB.pipelineSolution.c: the block after its left neighbour, its left border given. */
void loopB_block(double *V, int limitL, int limitR, double border, int first) {
  int i;
  if (!first) V[limitL] = f(V[limitL], border);
  for (i = limitL + 1; i <= limitR; i++) V[i] = f(V[i], V[i - 1]);
}

#define U(i, j) u[(i) * n + (j)]
#define F(i, j) f[(i) * n + (j)]

/* c_jacobi01.c's relaxation over rows [jlo, jhi) (n == m, as the original's indexing needs). */
double jacobi_rows(int n, int m, double ax, double ay, double b, double omega, double *u, const double *uold,
                   const double *f, int jlo, int jhi) {
  int i, j;
  double resid, error = 0.0;
  for (j = jlo; j < jhi; j++)
    for (i = 1; i < n - 1; i++) {
      resid = (ax * (uold[i - 1 + m * j] + uold[i + 1 + m * j]) + ay * (uold[i + m * (j - 1)] + uold[i + m * (j + 1)]) +
               b * uold[i + m * j] - f[i + m * j]) /
              b;
      u[i + m * j] = uold[i + m * j] - omega * resid;
      error = error + resid * resid;
    }
  return error;
}

int main(void) {
  /* Molecular dynamics: 20 particles, 2 steps, blocks of 7. */
  int np = 20, nd = NDIM, step, b;
  vnd_t *pos = malloc(np * sizeof(vnd_t)), *vel = malloc(np * sizeof(vnd_t));
  vnd_t *fo = malloc(np * sizeof(vnd_t)), *acc = malloc(np * sizeof(vnd_t));
  double pots[3], kins[3], mass = 1.0, dt = 1.0e-4, mdsum = 0.0;
  for (int i = 0; i < np; i++)
    for (int j = 0; j < nd; j++) {
      pos[i][j] = 0.37 * i + 0.11 * j + 0.05 * ((i * j) % 3);
      vel[i][j] = 0.01 * ((i + j) % 5);
      acc[i][j] = 0.0;
    }
  for (step = 0; step < 2; step++) {
    for (b = 0; b < 3; b++) {
      int lo = b * 7, hi = lo + 7 < np ? lo + 7 : np;
#pragma dosc task
      compute(np, nd, pos, vel, mass, fo, &pots[b], &kins[b], lo, hi);
    }
#pragma dosc taskwait
    for (b = 0; b < 3; b++) mdsum += pots[b] + kins[b];
    for (b = 0; b < 3; b++) {
      int lo = b * 7, cnt = lo + 7 < np ? 7 : np - lo;
#pragma dosc task
      update(cnt, nd, pos + lo, vel + lo, fo + lo, acc + lo, mass, dt);
    }
#pragma dosc taskwait
  }
  for (int i = 0; i < np; i++) mdsum += pos[i][0] + vel[i][1] * 10.0 + acc[i][2];
  printf("md %.9f\n", mdsum);

  /* LU reduction of a 12 x 12 matrix, rows in bands of 4. */
  int size = 12;
  double **M = calloc(size, sizeof(double *)), **L = calloc(size, sizeof(double *));
  for (int i = 0; i < size; i++) {
    M[i] = calloc(size, sizeof(double));
    L[i] = calloc(size, sizeof(double));
    for (int j = 0; j < size; j++) M[i][j] = (i == j) ? 1.0 * size * size : 1.0 + (i * size) + j;
  }
  for (int k = 0; k < size - 1; k++) {
    for (int lo = k + 1; lo < size; lo += 4) {
#pragma dosc task
      lu_rows(M, L, size, k, lo, lo + 4 < size ? lo + 4 : size);
    }
#pragma dosc taskwait
  }
  double lusum = 0.0;
  for (int i = 0; i < size; i++)
    for (int j = 0; j < size; j++) lusum += M[i][j] * 1e-3 + L[i][j];
  printf("lu %.9f\n", lusum);

  /* FFT of 32 points (all ones but one), as the original tests. */
  unsigned N = 32;
  Complex *a = malloc(N * sizeof(Complex)), *A = malloc(N * sizeof(Complex));
  Complex *D = malloc(N * sizeof(Complex)), *W = malloc(N / 2 * sizeof(Complex));
  for (unsigned i = 0; i < N; i++) {
    a[i].re = 1.0 + (i == 3);
    a[i].im = 0.0;
  }
  Roots(N / 2, W);
#pragma dosc task
  FFT(A, a, W, N, 1, D);
#pragma dosc taskwait
  double fftsum = 0.0;
  for (unsigned i = 0; i < N; i++) fftsum += A[i].re * (i + 1) + A[i].im * (i + 2);
  printf("fft %.9f\n", fftsum);

  /* Quicksort of 300 ints. */
  int nq = 300, *vq = malloc(nq * sizeof(int)), sorted = 1;
  unsigned seed = 4711;
  for (int i = 0; i < nq; i++) {
    seed = seed * 1103515245u + 12345u;
    vq[i] = (int)((seed >> 8) % 1000);
  }
#pragma dosc task
  qs(vq, 0, nq - 1);
#pragma dosc taskwait
  long qsum = 0;
  for (int i = 0; i < nq; i++) {
    if (i > 0 && vq[i - 1] > vq[i]) sorted = 0;
    qsum += (long)vq[i] * (i % 7);
  }
  printf("qsort sorted %d sum %ld\n", sorted, qsum);

  /* Loops with dependencies: 3 blocks of 10, 4 iterations each way. */
  int nthreads = 3, bs = 10, total = nthreads * bs;
  double *V = malloc(total * sizeof(double)), borders[3];
  for (int i = 0; i < total; i++) V[i] = 0.0 + i;
  for (int iter = 0; iter < 4; iter++) {
    for (int t = 0; t < nthreads; t++) borders[t] = t != nthreads - 1 ? V[(t + 1) * bs] : 0.0;
    for (int t = 0; t < nthreads; t++) {
#pragma dosc task
      loopA_block(V, t * bs, (t + 1) * bs - 1, borders[t], t == nthreads - 1);
    }
#pragma dosc taskwait
  }
  for (int iter = 0; iter < 4; iter++)
    for (int t = 0; t < nthreads; t++) {
      double border = t != 0 ? V[t * bs - 1] : 0.0;
#pragma dosc task
      loopB_block(V, t * bs, (t + 1) * bs - 1, border, t == 0);
#pragma dosc taskwait
    }
  double vsum = 0.0;
  for (int i = 0; i < total; i++) vsum += V[i] * (i + 1);
  printf("loops %.9f\n", vsum);

  /* Jacobi on 12 x 12, 3 sweeps, bands of 4 rows. */
  int n = 12, m = 12;
  double *u = malloc(n * m * sizeof(double)), *f = malloc(n * m * sizeof(double));
  double *uold = malloc(n * m * sizeof(double));
  double dx = 2.0 / (n - 1), dy = 2.0 / (m - 1), alpha = 0.8, omega = 1.0;
  for (int j = 0; j < m; j++)
    for (int i = 0; i < n; i++) {
      double xx = -1.0 + dx * (i - 1), yy = -1.0 + dy * (j - 1);
      U(j, i) = 0.0;
      F(j, i) = -alpha * (1.0 - xx * xx) * (1.0 - yy * yy) - 2.0 * (1.0 - xx * xx) - 2.0 * (1.0 - yy * yy);
    }
  double ax = 1.0 / (dx * dx), ay = 1.0 / (dy * dy), bc = -2.0 / (dx * dx) - 2.0 / (dy * dy) - alpha;
  double errs[3], error = 0.0;
  for (int k = 0; k < 3; k++) {
    for (int j = 0; j < m; j++)
      for (int i = 0; i < n; i++) uold[i + m * j] = u[i + m * j];
    for (int t = 0; t < 3; t++) {
      int jlo = 1 + t * 4, jhi = jlo + 4 < m - 1 ? jlo + 4 : m - 1;
#pragma dosc task
      errs[t] = jacobi_rows(n, m, ax, ay, bc, omega, u, uold, f, jlo, jhi);
    }
#pragma dosc taskwait
    error = sqrt(errs[0] + errs[1] + errs[2]) / (n * m);
  }
  double usum = 0.0;
  for (int i = 0; i < n * m; i++) usum += u[i] * (i % 13);
  printf("jacobi %.9f %.12f\n", usum, error);

  for (int i = 0; i < size; i++) {
    free(M[i]);
    free(L[i]);
  }
  free(M), free(L), free(pos), free(vel), free(fo), free(acc), free(a), free(A), free(D), free(W);
  free(vq), free(V), free(u), free(f), free(uold);
  return 0;
}
