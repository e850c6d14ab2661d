/* SciMark 2 and LINPACK as tasks (branch unseen9), the access shapes kept and the code written
   anew. SciMark's SOR over a `double **` matrix (rows reached through a row-pointer array: a
   task given the row pointers `G + r0`), its SOR on a flat array in red-black halves
   (`for (j = 1 + (i + colour) % 2; j < N - 1; j += 2)`), SparseCompRow's product over
   `row[r]..row[r + 1]`, MonteCarlo's integration with its random generator kept in a struct
   (`R->m[R->i]`, indices wrapping at 17), the LU factorisation on `double **` swapping row
   pointers, and its FFT's bit reversal `i ^ ...` in place. LINPACK's dgefa/dgesl column-major
   with `a + lda * k + k + 1` handed to daxpy/dscal/idamax (strided `dx[ix]` with `ix += incx`,
   unrolled by 4 with a cleanup loop), a column's tail scaled by a task, and dmxpy's unrolled
   column groups. The program prints a checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* ---- SciMark SOR ---- */
void sor_rows(double omega, int N, double **G, int r0, int r1) {
  double omega_over_four = omega * 0.25, one_minus_omega = 1.0 - omega;
  for (int i = r0; i < r1; i++) {
    double *Gi = G[i], *Gim1 = G[i - 1], *Gip1 = G[i + 1];
    for (int j = 1; j < N - 1; j++)
      Gi[j] = omega_over_four * (Gim1[j] + Gip1[j] + Gi[j - 1] + Gi[j + 1]) + one_minus_omega * Gi[j];
  }
}

/* red-black SOR on a flat N x N array: rows [r0, r1), one colour */
void sor_colour(double omega, int N, double *g, int colour, int r0, int r1) {
  for (int i = r0; i < r1; i++)
    for (int j = 1 + (i + colour) % 2; j < N - 1; j += 2)
      g[i * N + j] = omega * 0.25 * (g[(i - 1) * N + j] + g[(i + 1) * N + j] + g[i * N + j - 1] +
                                     g[i * N + j + 1]) +
                     (1.0 - omega) * g[i * N + j];
}

/* ---- SparseCompRow ---- */
void sparse_matmult(int r0, int r1, double *y, const double *val, const int *row, const int *col,
                    const double *x, int cycles) {
  for (int reps = 0; reps < cycles; reps++)
    for (int r = r0; r < r1; r++) {
      double sum = 0.0;
      int rowR = row[r], rowRp1 = row[r + 1];
      for (int i = rowR; i < rowRp1; i++) sum += x[col[i]] * val[i];
      y[r] = sum;
    }
}

/* ---- MonteCarlo with SciMark's Random ---- */
typedef struct {
  int m[17];
  int seed, i, j, haveRange;
  double left, right, width;
} Random_struct;
#define MDIG 32
#define ONE 1
static const int m1 = (ONE << (MDIG - 2)) + ((ONE << (MDIG - 2)) - ONE);
static const int m2 = ONE << MDIG / 2;
static const double dm1 = 1.0 / (double)((ONE << (MDIG - 2)) + ((ONE << (MDIG - 2)) - ONE));

static void random_init(Random_struct *R, int seed) {
  int jseed, k0, k1, j0, j1, iloop;
  R->seed = seed;
  jseed = seed < m1 ? seed : m1;
  if (jseed % 2 == 0) --jseed;
  k0 = 9069 % m2;
  k1 = 9069 / m2;
  j0 = jseed % m2;
  j1 = jseed / m2;
  for (iloop = 0; iloop < 17; ++iloop) {
    jseed = j0 * k0;
    j1 = (jseed / m2 + j0 * k1 + j1 * k0) % (m2 / 2);
    j0 = jseed % m2;
    R->m[iloop] = j0 + m2 * j1;
  }
  R->i = 4;
  R->j = 16;
  R->haveRange = 0;
}

static double random_next(Random_struct *R) {
  int I = R->i, J = R->j;
  int *m = R->m;
  int k = m[I] - m[J];
  if (k < 0) k += m1;
  R->m[J] = k;
  if (I == 0)
    I = 16;
  else
    I--;
  R->i = I;
  if (J == 0)
    J = 16;
  else
    J--;
  R->j = J;
  return dm1 * (double)k;
}

double montecarlo_integrate(int num_samples, int seed) {
  Random_struct R;
  random_init(&R, seed);
  int under_curve = 0;
  for (int count = 0; count < num_samples; count++) {
    double x = random_next(&R), y = random_next(&R);
    if (x * x + y * y <= 1.0) under_curve++;
  }
  return ((double)under_curve / num_samples) * 4.0;
}

/* a caller-kept generator advanced by the task */
void fill_random(Random_struct *R, double *v, int n) {
  for (int i = 0; i < n; i++) v[i] = random_next(R);
}

/* ---- LU on double ** (SciMark) ---- */
int lu_factor(int M, int N, double **A, int *pivot) {
  int minMN = M < N ? M : N;
  for (int j = 0; j < minMN; j++) {
    int jp = j;
    double t = fabs(A[j][j]);
    for (int i = j + 1; i < M; i++) {
      double ab = fabs(A[i][j]);
      if (ab > t) {
        jp = i;
        t = ab;
      }
    }
    pivot[j] = jp;
    if (A[jp][j] == 0) return 1;
    if (jp != j) {
      double *tA = A[j];
      A[j] = A[jp];
      A[jp] = tA;
    }
    if (j < M - 1) {
      double recp = 1.0 / A[j][j];
      for (int k = j + 1; k < M; k++) A[k][j] *= recp;
    }
    if (j < minMN - 1)
      for (int ii = j + 1; ii < M; ii++) {
        double *Aii = A[ii], *Aj = A[j];
        double AiiJ = Aii[j];
        for (int jj = j + 1; jj < N; jj++) Aii[jj] -= AiiJ * Aj[jj];
      }
  }
  return 0;
}

/* ---- SciMark FFT's bit reversal over interleaved complex data ---- */
static int int_log2(int n) {
  int k = 1, log = 0;
  for (; k < n; k *= 2, log++)
    ;
  return log;
}

void fft_bitreverse(int N, double *data) {
  int n = N / 2, nm1 = n - 1, j = 0;
  for (int i = 0; i < nm1; i++) {
    int ii = i << 1, jj = j << 1, k = n >> 1;
    if (i < j) {
      double tmp_real = data[ii], tmp_imag = data[ii + 1];
      data[ii] = data[jj];
      data[ii + 1] = data[jj + 1];
      data[jj] = tmp_real;
      data[jj + 1] = tmp_imag;
    }
    while (k <= j) {
      j -= k;
      k >>= 1;
    }
    j += k;
  }
  (void)int_log2;
}

/* ---- LINPACK ---- */
static void daxpy(int n, double da, const double *dx, int incx, double *dy, int incy) {
  if (n <= 0 || da == 0.0) return;
  if (incx != 1 || incy != 1) {
    int ix = 0, iy = 0;
    if (incx < 0) ix = (-n + 1) * incx;
    if (incy < 0) iy = (-n + 1) * incy;
    for (int i = 0; i < n; i++) {
      dy[iy] += da * dx[ix];
      ix += incx;
      iy += incy;
    }
    return;
  }
  int m = n % 4;
  for (int i = 0; i < m; i++) dy[i] += da * dx[i];
  for (int i = m; i < n; i += 4) {
    dy[i] += da * dx[i];
    dy[i + 1] += da * dx[i + 1];
    dy[i + 2] += da * dx[i + 2];
    dy[i + 3] += da * dx[i + 3];
  }
}

static double ddot(int n, const double *dx, int incx, const double *dy, int incy) {
  double dtemp = 0.0;
  if (n <= 0) return 0.0;
  if (incx != 1 || incy != 1) {
    int ix = 0, iy = 0;
    if (incx < 0) ix = (-n + 1) * incx;
    if (incy < 0) iy = (-n + 1) * incy;
    for (int i = 0; i < n; i++) {
      dtemp += dx[ix] * dy[iy];
      ix += incx;
      iy += incy;
    }
    return dtemp;
  }
  for (int i = 0; i < n; i++) dtemp += dx[i] * dy[i];
  return dtemp;
}

static void dscal(int n, double da, double *dx, int incx) {
  if (n <= 0) return;
  if (incx != 1) {
    for (int i = 0; i < n * incx; i += incx) dx[i] = da * dx[i];
    return;
  }
  int m = n % 5;
  for (int i = 0; i < m; i++) dx[i] = da * dx[i];
  for (int i = m; i < n; i += 5) {
    dx[i] = da * dx[i];
    dx[i + 1] = da * dx[i + 1];
    dx[i + 2] = da * dx[i + 2];
    dx[i + 3] = da * dx[i + 3];
    dx[i + 4] = da * dx[i + 4];
  }
}

static int idamax(int n, const double *dx, int incx) {
  if (n < 1) return -1;
  if (n == 1) return 0;
  int itemp = 0;
  double dmax;
  if (incx != 1) {
    int ix = 1;
    dmax = fabs(dx[0]);
    ix = ix + incx - 1;
    for (int i = 1; i < n; i++) {
      if (fabs(dx[ix]) > dmax) {
        itemp = i;
        dmax = fabs(dx[ix]);
      }
      ix += incx;
    }
  } else {
    dmax = fabs(dx[0]);
    for (int i = 1; i < n; i++)
      if (fabs(dx[i]) > dmax) {
        itemp = i;
        dmax = fabs(dx[i]);
      }
  }
  return itemp;
}

int dgefa(double *a, int lda, int n, int *ipvt) {
  int info = 0, nm1 = n - 1;
  if (nm1 >= 0) {
    for (int k = 0; k < nm1; k++) {
      double *col_k = &a[lda * k];
      int kp1 = k + 1;
      int l = idamax(n - k, &col_k[k], 1) + k;
      ipvt[k] = l;
      if (col_k[l] != 0.0) {
        if (l != k) {
          double t = col_k[l];
          col_k[l] = col_k[k];
          col_k[k] = t;
        }
        double t = -1.0 / col_k[k];
        dscal(n - (k + 1), t, &col_k[k + 1], 1);
        for (int j = kp1; j < n; j++) {
          double *col_j = &a[lda * j];
          t = col_j[l];
          if (l != k) {
            col_j[l] = col_j[k];
            col_j[k] = t;
          }
          daxpy(n - (k + 1), t, &col_k[k + 1], 1, &col_j[k + 1], 1);
        }
      } else {
        info = k;
      }
    }
  }
  ipvt[n - 1] = n - 1;
  if (a[lda * (n - 1) + (n - 1)] == 0.0) info = n - 1;
  return info;
}

void dgesl(const double *a, int lda, int n, const int *ipvt, double *b) {
  int nm1 = n - 1;
  for (int k = 0; k < nm1; k++) {
    int l = ipvt[k];
    double t = b[l];
    if (l != k) {
      b[l] = b[k];
      b[k] = t;
    }
    daxpy(n - (k + 1), t, &a[lda * k + k + 1], 1, &b[k + 1], 1);
  }
  for (int kb = 0; kb < n; kb++) {
    int k = n - (kb + 1);
    b[k] /= a[lda * k + k];
    double t = -b[k];
    daxpy(k, t, &a[lda * k], 1, &b[0], 1);
  }
}

/* a strided pass along a row of a column-major matrix (incx = lda) */
double row_dot(int n, const double *a, int lda, int row, const double *x) {
  return ddot(n, a + row, lda, x, 1);
}

void row_scale(int n, double *a, int lda, int row, double s) { dscal(n, s, a + row, lda); }

void dmxpy(int n1, double *y, int n2, int ldm, const double *x, const double *m) {
  int j = n2 % 2;
  if (j >= 1) {
    j = j - 1;
    for (int i = 0; i < n1; i++) y[i] = y[i] + x[j] * m[ldm * j + i];
  }
  j = n2 % 4;
  if (j >= 2) {
    j = j - 1;
    for (int i = 0; i < n1; i++) y[i] = y[i] + x[j - 1] * m[ldm * (j - 1) + i] + x[j] * m[ldm * j + i];
  }
  int jmin = (n2 % 4) + 4;
  for (j = jmin - 1; j < n2; j = j + 4)
    for (int i = 0; i < n1; i++)
      y[i] = y[i] + x[j - 3] * m[ldm * (j - 3) + i] + x[j - 2] * m[ldm * (j - 2) + i] +
             x[j - 1] * m[ldm * (j - 1) + i] + x[j] * m[ldm * j + i];
}

static double matgen(double *a, int lda, int n, double *b) {
  int init = 1325;
  double norma = 0.0;
  for (int j = 0; j < n; j++)
    for (int i = 0; i < n; i++) {
      init = 3125 * init % 65536;
      a[lda * j + i] = (init - 32768.0) / 16384.0;
      norma = a[lda * j + i] > norma ? a[lda * j + i] : norma;
    }
  for (int i = 0; i < n; i++) b[i] = 0.0;
  for (int j = 0; j < n; j++)
    for (int i = 0; i < n; i++) b[i] += a[lda * j + i];
  return norma;
}

int main(void) {
  double checksum = 0;

  /* SOR on double **: rows 1..N-2 in three tasks (disjoint halves per sweep by rows would race
     on the shared boundary rows; here each sweep spawns one band, then the next). */
  int N = 10;
  double **G = malloc(sizeof(double *) * N);
  for (int i = 0; i < N; i++) {
    G[i] = malloc(sizeof(double) * N);
    for (int j = 0; j < N; j++) G[i][j] = ((i * 31 + j * 17) % 23) / 23.0;
  }
  for (int it = 0; it < 2; it++) {
#pragma dosc task
    sor_rows(1.25, N, G, 1, 4);
#pragma dosc taskwait
#pragma dosc task
    sor_rows(1.25, N, G, 4, N - 1);
#pragma dosc taskwait
  }
  for (int i = 0; i < N; i++)
    for (int j = 0; j < N; j++) checksum += G[i][j] * (1 + (i ^ j) % 5);

  /* red-black SOR on a flat array: one colour at a time, two row bands each. */
  double *g = malloc(sizeof(double) * N * N);
  for (int k = 0; k < N * N; k++) g[k] = ((k * 13) % 29) / 29.0;
  for (int it = 0; it < 2; it++)
    for (int colour = 0; colour < 2; colour++) {
#pragma dosc task
      sor_colour(1.5, N, g, colour, 1, 5);
#pragma dosc task
      sor_colour(1.5, N, g, colour, 5, N - 1);
#pragma dosc taskwait
    }
  for (int k = 0; k < N * N; k++) checksum += g[k] * (k % 11);

  /* SparseCompRow: a banded pattern, three row blocks. */
  int nr = 12, nz = 0;
  int *row = malloc(sizeof(int) * (nr + 1)), *col = malloc(sizeof(int) * nr * 3);
  double *val = malloc(sizeof(double) * nr * 3), *x = malloc(sizeof(double) * nr);
  double *y = calloc(nr, sizeof(double));
  for (int r = 0; r < nr; r++) {
    row[r] = nz;
    for (int d = -1; d <= 1; d++)
      if (r + d >= 0 && r + d < nr && (r + d) % 5 != 3) {
        col[nz] = r + d;
        val[nz++] = 1.0 + 0.5 * d + r * 0.01;
      }
    x[r] = r % 4 - 1.5;
  }
  row[nr] = nz;
#pragma dosc task
  sparse_matmult(0, 5, y, val, row, col, x, 2);
#pragma dosc task
  sparse_matmult(5, 11, y, val, row, col, x, 1);
#pragma dosc task
  sparse_matmult(11, nr, y, val, row, col, x, 3);
#pragma dosc taskwait
  for (int r = 0; r < nr; r++) checksum += y[r] * (r + 1);

  /* MonteCarlo: seeds per task, and a caller-kept generator advanced in turn. */
  double pi[3];
  for (int t = 0; t < 3; t++) {
#pragma dosc task
    pi[t] = montecarlo_integrate(200 + 50 * t, 113 + t);
  }
#pragma dosc taskwait
  checksum += pi[0] + pi[1] + pi[2];
  Random_struct R;
  random_init(&R, 101010);
  double rv[20];
#pragma dosc task
  fill_random(&R, rv, 12);
#pragma dosc taskwait
#pragma dosc task
  fill_random(&R, rv + 12, 8);
#pragma dosc taskwait
  for (int i = 0; i < 20; i++) checksum += rv[i] * (i + 1);
  checksum += R.i * 3 + R.j;

  /* LU on double ** with pivoting by row pointer swaps, two matrices. */
  int M = 6;
  double **A = malloc(sizeof(double *) * M), **A2 = malloc(sizeof(double *) * M);
  double *Ablock = malloc(sizeof(double) * M * M), *A2block = malloc(sizeof(double) * M * M);
  int piv[6] = {0}, piv2[6] = {0}, lures[2];
  for (int i = 0; i < M; i++) {
    A[i] = Ablock + i * M;
    A2[i] = A2block + (M - 1 - i) * M;
    for (int j = 0; j < M; j++) A[i][j] = ((i * 7 + j * 3) % 11) - 5 + (i == j) * 0.5, A2[i][j] = (i + 1.0) / (j + 2.0);
  }
#pragma dosc task
  lures[0] = lu_factor(M, M, A, piv);
#pragma dosc task
  lures[1] = lu_factor(M, M - 2, A2, piv2);
#pragma dosc taskwait
  for (int i = 0; i < M; i++)
    for (int j = 0; j < M; j++) checksum += A[i][j] * (j + 1) + 0.25 * A2[i][j];
  for (int i = 0; i < M - 2; i++) checksum += piv[i] + piv2[i];
  checksum += lures[0] * 10 + lures[1];

  /* FFT bit reversal on 16 and 8 complex numbers. */
  double *data = malloc(sizeof(double) * 48);
  for (int i = 0; i < 48; i++) data[i] = i * 0.5 - 3;
#pragma dosc task
  fft_bitreverse(32, data);
#pragma dosc task
  fft_bitreverse(16, data + 32);
#pragma dosc taskwait
  for (int i = 0; i < 48; i++) checksum += data[i] * (i % 5 + 1);

  /* LINPACK: factor and solve two systems, lda > n, and the strided row helpers. */
  int n = 9, lda = 11;
  double *a = calloc((size_t)(lda * n), sizeof(double)), *b = malloc(sizeof(double) * lda);
  double *a2 = calloc((size_t)(lda * 5), sizeof(double)), *b2 = malloc(sizeof(double) * lda);
  int ipvt[9], ipvt2[5], info[2];
  matgen(a, lda, n, b);
  matgen(a2, lda, 5, b2);
#pragma dosc task
  info[0] = dgefa(a, lda, n, ipvt);
#pragma dosc task
  info[1] = dgefa(a2, lda, 5, ipvt2);
#pragma dosc taskwait
#pragma dosc task
  dgesl(a, lda, n, ipvt, b);
#pragma dosc task
  dgesl(a2, lda, 5, ipvt2, b2);
#pragma dosc taskwait
  for (int i = 0; i < n; i++) checksum += b[i] * (i + 1) + ipvt[i];
  for (int i = 0; i < 5; i++) checksum += b2[i] * (i + 2) + ipvt2[i];
  checksum += info[0] + info[1];
  double rd[3];
  for (int r = 0; r < 3; r++) {
#pragma dosc task
    rd[r] = row_dot(n - r, a, lda, 2 * r, b);
  }
#pragma dosc taskwait
  checksum += rd[0] + rd[1] + rd[2];
#pragma dosc task
  row_scale(n, a, lda, 1, 0.5);
#pragma dosc task
  row_scale(4, a, lda, 3, -2.0);
#pragma dosc taskwait
  double *yy = calloc(n, sizeof(double));
  double xx[9];
  for (int i = 0; i < n; i++) xx[i] = 1.0 / (i + 1);
#pragma dosc task
  dmxpy(n, yy, n, lda, xx, a);
#pragma dosc taskwait
#pragma dosc task
  dmxpy(4, yy, 6, lda, xx, a);
#pragma dosc taskwait
  for (int i = 0; i < n; i++) checksum += yy[i] * (i + 3);
  for (int k = 0; k < lda * n; k++) checksum += a[k] * ((k % 7) - 3);

  printf("checksum %.6f\n", checksum);
  return 0;
}
