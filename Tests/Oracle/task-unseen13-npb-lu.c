/* NPB LU (NAS Parallel Benchmarks 3.x, the OpenMP C version of RWCP / the SNU NPB C port;
   NASA Open Source Agreement) as dosc tasks (branch unseen13), after NPB3.3-OMP-C LU (ssor.c,
   jacld.c, blts.c, buts.c, rhs.c, l2norm.c): the array shapes kept, the physics cut to a model
   operator, the code written anew.
   - the solution and residual as 4-D arrays u[k][j][i][m] of 5 components, passed as
     variably modified parameters `double v[][ldmy / 2 * 2 + 1][ldmx / 2 * 2 + 1][5]` (the
     suite's odd padding of the leading dimensions), the 5 x 5 blocks of a plane
     d[j][i][m][n], a[j][i][m][n] ... as `double d[][ldmx / 2 * 2 + 1][5][5]`;
   - jacld(k) filling the four block arrays of plane k over [jst, jend) x [ist, iend), a task per
     block of rows j; blts(k) the lower sweep of plane k, reading v[k - 1][j][i][n] through ldz
     and the plane's own v[k][j - 1][i][n] and v[k][j][i - 1][n] (a wavefront in one task, one
     plane after the other), then the 5 x 5 solve with d's pivots copied to a local tmat[5][5];
   - rhs: rsd[k][j][i][m] = frct - (second differences in xi, eta, zeta of u), a task per slab of
     k with the flux through a local row flux[ISIZ1][5];
   - l2norm: sums of squares of each component into sum[5], a task per slab with a sum of its own.
   The program prints the norms of the residual before and after the sweeps. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#define ISIZ1 12

void rhs_slab(int ldmx, int ldmy, int nx, int ny, double u[][ldmy / 2 * 2 + 1][ldmx / 2 * 2 + 1][5],
              double rsd[][ldmy / 2 * 2 + 1][ldmx / 2 * 2 + 1][5],
              double frct[][ldmy / 2 * 2 + 1][ldmx / 2 * 2 + 1][5], int k0, int k1, double dt) {
  double flux[ISIZ1][5];
  for (int k = k0; k < k1; k++)
    for (int j = 1; j < ny - 1; j++) {
      for (int i = 0; i < nx; i++)
        for (int m = 0; m < 5; m++)
          flux[i][m] = u[k][j][i][m] * (1.0 + 0.1 * m);
      for (int i = 1; i < nx - 1; i++)
        for (int m = 0; m < 5; m++)
          rsd[k][j][i][m] = frct[k][j][i][m] -
                            dt * ((flux[i + 1][m] - 2.0 * flux[i][m] + flux[i - 1][m]) +
                                  (u[k][j + 1][i][m] - 2.0 * u[k][j][i][m] + u[k][j - 1][i][m]) +
                                  (u[k + 1][j][i][m] - 2.0 * u[k][j][i][m] + u[k - 1][j][i][m]));
    }
}

void jacld(int ldmx, int k, double u[][ISIZ1 / 2 * 2 + 1][ldmx / 2 * 2 + 1][5],
           double a[][ldmx / 2 * 2 + 1][5][5], double b[][ldmx / 2 * 2 + 1][5][5],
           double c[][ldmx / 2 * 2 + 1][5][5], double d[][ldmx / 2 * 2 + 1][5][5], int ist,
           int iend, int jst, int jend, double dt) {
  for (int j = jst; j < jend; j++)
    for (int i = ist; i < iend; i++) {
      double r = 1.0 / (1.0 + fabs(u[k][j][i][0]));
      for (int m = 0; m < 5; m++)
        for (int n = 0; n < 5; n++) {
          d[j][i][m][n] = (m == n ? 1.0 + 6.0 * dt : 0.0) + 0.01 * dt * r * (m + 1) / (n + 2);
          a[j][i][m][n] = -dt * (m == n ? 1.0 : 0.05 * r);
          b[j][i][m][n] = -dt * (m == n ? 1.0 : 0.03 * r);
          c[j][i][m][n] = -dt * (m == n ? 1.0 : 0.02 * u[k][j][i][n] * r);
        }
    }
}

void blts(int ldmx, int ldmy, int k, double omega,
          double v[][ldmy / 2 * 2 + 1][ldmx / 2 * 2 + 1][5], double ldz[][ldmx / 2 * 2 + 1][5][5],
          double ldy[][ldmx / 2 * 2 + 1][5][5], double ldx[][ldmx / 2 * 2 + 1][5][5],
          double d[][ldmx / 2 * 2 + 1][5][5], int ist, int iend, int jst, int jend) {
  double tmat[5][5], tv[5];
  for (int j = jst; j < jend; j++)
    for (int i = ist; i < iend; i++) {
      for (int m = 0; m < 5; m++) {
        double s = 0.0;
        for (int n = 0; n < 5; n++)
          s += ldz[j][i][n][m] * v[k - 1][j][i][n] + ldy[j][i][n][m] * v[k][j - 1][i][n] +
               ldx[j][i][n][m] * v[k][j][i - 1][n];
        tv[m] = v[k][j][i][m] - omega * s;
      }
      for (int m = 0; m < 5; m++)
        for (int n = 0; n < 5; n++)
          tmat[m][n] = d[j][i][m][n];
      /* Gaussian elimination without pivoting, as the suite's unrolled 5 x 5 solve. */
      for (int p = 0; p < 5; p++) {
        double inv = 1.0 / tmat[p][p];
        for (int m = p + 1; m < 5; m++) {
          double f = tmat[m][p] * inv;
          for (int n = p; n < 5; n++)
            tmat[m][n] -= f * tmat[p][n];
          tv[m] -= f * tv[p];
        }
      }
      for (int m = 4; m >= 0; m--) {
        double t = tv[m];
        for (int n = m + 1; n < 5; n++)
          t -= tmat[m][n] * v[k][j][i][n];
        v[k][j][i][m] = t / tmat[m][m];
      }
    }
}

void l2norm_slab(int ldmx, int ldmy, int nx, int ny, int k0, int k1,
                 double v[][ldmy / 2 * 2 + 1][ldmx / 2 * 2 + 1][5], double sum[5]) {
  for (int m = 0; m < 5; m++)
    sum[m] = 0.0;
  for (int k = k0; k < k1; k++)
    for (int j = 1; j < ny - 1; j++)
      for (int i = 1; i < nx - 1; i++)
        for (int m = 0; m < 5; m++)
          sum[m] += v[k][j][i][m] * v[k][j][i][m];
}

static void norms(int nx, int ny, int nz, double u[][ISIZ1 / 2 * 2 + 1][ISIZ1 / 2 * 2 + 1][5],
                  double out[5]) {
  double part[3][5];
  for (int s = 0; s < 3; s++) {
    int k0 = 1 + s * (nz - 2) / 3, k1 = 1 + (s + 1) * (nz - 2) / 3;
#pragma dosc task
    l2norm_slab(ISIZ1, ISIZ1, nx, ny, k0, k1, u, part[s]);
  }
#pragma dosc taskwait
  for (int m = 0; m < 5; m++)
    out[m] = sqrt((part[0][m] + part[1][m] + part[2][m]) / ((nx - 2) * (ny - 2) * (nz - 2)));
}

int main(int argc, char **argv) {
  int nx = argc > 1 ? atoi(argv[1]) : 9, ny = 8, nz = 8, itmax = 2;
  if (nx > ISIZ1) nx = ISIZ1;
  enum { LD = ISIZ1 / 2 * 2 + 1 };
  double(*u)[LD][LD][5] = calloc((size_t)nz, sizeof *u);
  double(*rsd)[LD][LD][5] = calloc((size_t)nz, sizeof *rsd);
  double(*frct)[LD][LD][5] = calloc((size_t)nz, sizeof *frct);
  double(*a)[LD][5][5] = calloc(LD, sizeof *a), (*b)[LD][5][5] = calloc(LD, sizeof *b);
  double(*c)[LD][5][5] = calloc(LD, sizeof *c), (*d)[LD][5][5] = calloc(LD, sizeof *d);
  for (int k = 0; k < nz; k++)
    for (int j = 0; j < ny; j++)
      for (int i = 0; i < nx; i++)
        for (int m = 0; m < 5; m++) {
          u[k][j][i][m] =
              1.0 + 0.1 * m + 0.01 * (i * j + k) + 0.001 * ((i * 7 + j * 3 + k * 5 + m) % 11);
          frct[k][j][i][m] = 0.05 * ((i + j + k + m) % 4);
        }
  double dt = 0.5, omega = 1.2, n0[5], n1[5];
  for (int it = 0; it < itmax; it++) {
    for (int s = 0; s < 3; s++) {
      int k0 = 1 + s * (nz - 2) / 3, k1 = 1 + (s + 1) * (nz - 2) / 3;
#pragma dosc task
      rhs_slab(ISIZ1, ISIZ1, nx, ny, u, rsd, frct, k0, k1, dt);
    }
#pragma dosc taskwait
    if (it == 0) norms(nx, ny, nz, rsd, n0);
    for (int k = 1; k < nz - 1; k++) {
      for (int jb = 1; jb < ny - 1; jb += 3) {
        int je = jb + 3 < ny - 1 ? jb + 3 : ny - 1;
#pragma dosc task
        jacld(ISIZ1, k, u, a, b, c, d, 1, nx - 1, jb, je, dt);
      }
#pragma dosc taskwait
#pragma dosc task
      blts(ISIZ1, ISIZ1, k, omega, rsd, a, b, c, d, 1, nx - 1, 1, ny - 1);
#pragma dosc taskwait
    }
    for (int k = 1; k < nz - 1; k++)
      for (int j = 1; j < ny - 1; j++)
        for (int i = 1; i < nx - 1; i++)
          for (int m = 0; m < 5; m++)
            u[k][j][i][m] += 0.1 * rsd[k][j][i][m];
  }
  norms(nx, ny, nz, rsd, n1);
  printf("rsdnm before %.8e %.8e %.8e %.8e %.8e\n", n0[0], n0[1], n0[2], n0[3], n0[4]);
  printf("rsdnm after  %.8e %.8e %.8e %.8e %.8e\n", n1[0], n1[1], n1[2], n1[3], n1[4]);
  free(u);
  free(rsd);
  free(frct);
  free(a);
  free(b);
  free(c);
  free(d);
  return 0;
}
