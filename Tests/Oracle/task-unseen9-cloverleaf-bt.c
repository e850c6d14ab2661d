/* CloverLeaf's C kernels and NAS BT's block solver as tasks (branch unseen9), the access shapes
   kept and the code written anew. CloverLeaf: Fortran-ordered 2-D fields with halo depth 2
   indexed through FTNREF2D(j, k, x_max + 4, x_min - 2, y_min - 2) (the macro's index arguments
   unparenthesized as in the original), vertex fields one wider (x_max + 5), bounds handed as
   `int *` (the Fortran interface: `int x_min = *xmin;`), kernels split into row bands [k0, k1]
   inclusive: ideal_gas, the viscosity's limiter, PdV's predictor reading the vertex velocities
   at (j + 1, k + 1), the flux calculation writing x- and y-fluxes on their own extents, and a
   halo update reflecting depth rows (`field[FTNREF2D(j, 1 - k, ...)] = field[FTNREF2D(j, k,
   ...)]` with k from 1 to depth). NAS BT: the solution and right-hand side as
   `double (*u)[JS][IS][5]`, compute_rhs's xi-fluxes per k-plane, x_solve's block-tridiagonal
   sweep per k-plane with its own `lhs[IS][3][5][5]`, `binvcrhs(lhs[i][BB], lhs[i][CC],
   rhs[k][j][i])`, `matvec_sub(lhs[i][AA], rhs[k][j][i - 1], rhs[k][j][i])`, `matmul_sub`, and
   the back substitution `rhs[k][j][i][m] -= lhs[i][CC][n][m] * rhs[k][j][i + 1][n]`. The program
   prints a checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FTNREF2D(i_index, j_index, i_size, i_lb, j_lb) ((i_size) * (j_index - (j_lb)) + (i_index) - (i_lb))
#define CELL(j, k) FTNREF2D(j, k, x_max + 4, x_min - 2, y_min - 2)
#define NODE(j, k) FTNREF2D(j, k, x_max + 5, x_min - 2, y_min - 2)

void ideal_gas_kernel_c(int *xmin, int *xmax, int *ymin, int *ymax, int k0, int k1,
                        const double *density, const double *energy, double *pressure,
                        double *soundspeed) {
  int x_min = *xmin, x_max = *xmax, y_min = *ymin, y_max = *ymax;
  (void)y_max;
  for (int k = k0; k <= k1; k++)
    for (int j = x_min; j <= x_max; j++) {
      double v = 1.0 / density[CELL(j, k)];
      pressure[CELL(j, k)] = (1.4 - 1.0) * density[CELL(j, k)] * energy[CELL(j, k)];
      double pressurebyenergy = (1.4 - 1.0) * density[CELL(j, k)];
      double pressurebyvolume = -density[CELL(j, k)] * pressure[CELL(j, k)];
      double sound_speed_squared = v * v * (pressure[CELL(j, k)] * pressurebyenergy - pressurebyvolume);
      soundspeed[CELL(j, k)] = sqrt(sound_speed_squared);
    }
}

void viscosity_kernel_c(int x_min, int x_max, int y_min, int y_max, int k0, int k1,
                        const double *celldx, const double *celldy, const double *density0,
                        const double *pressure, double *viscosity, const double *xvel0,
                        const double *yvel0) {
  (void)y_max;
  for (int k = k0; k <= k1; k++)
    for (int j = x_min; j <= x_max; j++) {
      double ugrad = (xvel0[NODE(j + 1, k)] + xvel0[NODE(j + 1, k + 1)]) -
                     (xvel0[NODE(j, k)] + xvel0[NODE(j, k + 1)]);
      double vgrad = (yvel0[NODE(j, k + 1)] + yvel0[NODE(j + 1, k + 1)]) -
                     (yvel0[NODE(j, k)] + yvel0[NODE(j + 1, k)]);
      double div = celldx[j - (x_min - 2)] * ugrad + celldy[k - (y_min - 2)] * vgrad;
      double strain2 = 0.5 * (xvel0[NODE(j, k + 1)] + xvel0[NODE(j + 1, k + 1)] - xvel0[NODE(j, k)] -
                              xvel0[NODE(j + 1, k)]) / celldy[k - (y_min - 2)] +
                       0.5 * (yvel0[NODE(j + 1, k)] + yvel0[NODE(j + 1, k + 1)] - yvel0[NODE(j, k)] -
                              yvel0[NODE(j, k + 1)]) / celldx[j - (x_min - 2)];
      double pgradx = (pressure[CELL(j + 1, k)] - pressure[CELL(j - 1, k)]) /
                      (celldx[j - (x_min - 2)] + celldx[j + 1 - (x_min - 2)]);
      double pgrady = (pressure[CELL(j, k + 1)] - pressure[CELL(j, k - 1)]) /
                      (celldy[k - (y_min - 2)] + celldy[k + 1 - (y_min - 2)]);
      double pgradx2 = pgradx * pgradx, pgrady2 = pgrady * pgrady;
      double limiter = ((0.5 * ugrad / celldx[j - (x_min - 2)]) * pgradx2 +
                        (0.5 * vgrad / celldy[k - (y_min - 2)]) * pgrady2 + strain2 * pgradx * pgrady) /
                       fmax(pgradx2 + pgrady2, 1.0e-16);
      if (limiter > 0.0 || div >= 0.0) {
        viscosity[CELL(j, k)] = 0.0;
      } else {
        double pgrad = sqrt(pgradx2 + pgrady2);
        double xgrad = fabs(celldx[j - (x_min - 2)] * pgrad / pgradx);
        double ygrad = fabs(celldy[k - (y_min - 2)] * pgrad / pgrady);
        double grad = fmin(xgrad, ygrad);
        double grad2 = grad * grad;
        viscosity[CELL(j, k)] = 2.0 * density0[CELL(j, k)] * grad2 * limiter * limiter;
      }
    }
}

void pdv_predict(int x_min, int x_max, int y_min, int y_max, int k0, int k1, double dt,
                 const double *xarea, const double *yarea, const double *volume,
                 const double *density0, double *density1, const double *energy0,
                 double *energy1, const double *pressure, const double *viscosity,
                 const double *xvel0, const double *yvel0) {
  (void)y_max;
  for (int k = k0; k <= k1; k++)
    for (int j = x_min; j <= x_max; j++) {
      double left_flux = (xarea[NODE(j, k)] * (xvel0[NODE(j, k)] + xvel0[NODE(j, k + 1)])) * 0.25 * dt * 0.5;
      double right_flux = (xarea[NODE(j + 1, k)] * (xvel0[NODE(j + 1, k)] + xvel0[NODE(j + 1, k + 1)])) * 0.25 * dt * 0.5;
      double bottom_flux = (yarea[CELL(j, k)] * (yvel0[NODE(j, k)] + yvel0[NODE(j + 1, k)])) * 0.25 * dt * 0.5;
      double top_flux = (yarea[CELL(j, k + 1)] * (yvel0[NODE(j, k + 1)] + yvel0[NODE(j + 1, k + 1)])) * 0.25 * dt * 0.5;
      double total_flux = right_flux - left_flux + top_flux - bottom_flux;
      double volume_change = volume[CELL(j, k)] / (volume[CELL(j, k)] + total_flux);
      double recip_volume = 1.0 / volume[CELL(j, k)];
      double energy_change = (pressure[CELL(j, k)] / density0[CELL(j, k)] +
                              viscosity[CELL(j, k)] / density0[CELL(j, k)]) * total_flux * recip_volume;
      energy1[CELL(j, k)] = energy0[CELL(j, k)] - energy_change;
      density1[CELL(j, k)] = density0[CELL(j, k)] * volume_change;
    }
}

/* x fluxes on [x_min, x_max + 1] x [k0, k1], y fluxes on [x_min, x_max] x [k0, k1 + 1] when last */
void flux_calc(int x_min, int x_max, int y_min, int y_max, int k0, int k1, double dt,
               const double *xarea, const double *yarea, const double *xvel0, const double *yvel0,
               double *vol_flux_x, double *vol_flux_y) {
  for (int k = k0; k <= k1; k++)
    for (int j = x_min; j <= x_max + 1; j++)
      vol_flux_x[NODE(j, k)] = 0.25 * dt * xarea[NODE(j, k)] *
                               (xvel0[NODE(j, k)] + xvel0[NODE(j, k + 1)] + xvel0[NODE(j, k)] + xvel0[NODE(j, k + 1)]);
  int ky1 = k1 == y_max ? y_max + 1 : k1;
  for (int k = k0; k <= ky1; k++)
    for (int j = x_min; j <= x_max; j++)
      vol_flux_y[CELL(j, k)] = 0.25 * dt * yarea[CELL(j, k)] *
                               (yvel0[NODE(j, k)] + yvel0[NODE(j + 1, k)] + yvel0[NODE(j, k)] + yvel0[NODE(j + 1, k)]);
}

/* reflective halo: the bottom depth rows mirror rows 1..depth, the top ones mirror the top */
void update_halo_bottom_top(int x_min, int x_max, int y_min, int y_max, int depth, double *field) {
  for (int k = 1; k <= depth; k++)
    for (int j = x_min - depth; j <= x_max + depth; j++) {
      field[CELL(j, 1 - k)] = field[CELL(j, 0 + k)];
      field[CELL(j, y_max + k)] = field[CELL(j, y_max + 1 - k)];
    }
}

void update_halo_left_right(int x_min, int x_max, int y_min, int y_max, int depth, double *field) {
  for (int k = y_min - depth; k <= y_max + depth; k++)
    for (int j = 1; j <= depth; j++) {
      field[CELL(1 - j, k)] = field[CELL(0 + j, k)];
      field[CELL(x_max + j, k)] = field[CELL(x_max + 1 - j, k)];
    }
}

double field_summary(int x_min, int x_max, int y_min, int y_max, const double *volume,
                     const double *density0, const double *energy0, const double *pressure) {
  double mass = 0, ie = 0, press = 0;
  for (int k = y_min; k <= y_max; k++)
    for (int j = x_min; j <= x_max; j++) {
      double cell_mass = volume[CELL(j, k)] * density0[CELL(j, k)];
      mass += cell_mass;
      ie += cell_mass * energy0[CELL(j, k)];
      press += volume[CELL(j, k)] * pressure[CELL(j, k)];
    }
  return mass + 0.5 * ie + 0.25 * press;
}

/* ---- NAS BT ---- */
#define IS 6
#define JS 5
#define KS 4
#define AA 0
#define BB 1
#define CC 2

static void matvec_sub(double ablock[5][5], double avec[5], double bvec[5]) {
  for (int i = 0; i < 5; i++)
    bvec[i] = bvec[i] - ablock[i][0] * avec[0] - ablock[i][1] * avec[1] - ablock[i][2] * avec[2] -
              ablock[i][3] * avec[3] - ablock[i][4] * avec[4];
}

static void matmul_sub(double ablock[5][5], double bblock[5][5], double cblock[5][5]) {
  for (int j = 0; j < 5; j++)
    for (int i = 0; i < 5; i++)
      for (int m = 0; m < 5; m++) cblock[j][i] -= ablock[m][i] * bblock[j][m];
}

static void binvcrhs(double lhs[5][5], double c[5][5], double r[5]) {
  for (int p = 0; p < 5; p++) {
    double pivot = 1.00 / lhs[p][p];
    for (int n = p + 1; n < 5; n++) lhs[n][p] = lhs[n][p] * pivot;
    for (int n = 0; n < 5; n++) c[n][p] = c[n][p] * pivot;
    r[p] = r[p] * pivot;
    for (int q = 0; q < 5; q++)
      if (q != p) {
        double coeff = lhs[p][q];
        for (int n = p + 1; n < 5; n++) lhs[n][q] = lhs[n][q] - coeff * lhs[n][p];
        for (int n = 0; n < 5; n++) c[n][q] = c[n][q] - coeff * c[n][p];
        r[q] = r[q] - coeff * r[p];
      }
  }
}

static void binvrhs(double lhs[5][5], double r[5]) {
  for (int p = 0; p < 5; p++) {
    double pivot = 1.00 / lhs[p][p];
    for (int n = p + 1; n < 5; n++) lhs[n][p] = lhs[n][p] * pivot;
    r[p] = r[p] * pivot;
    for (int q = 0; q < 5; q++)
      if (q != p) {
        double coeff = lhs[p][q];
        for (int n = p + 1; n < 5; n++) lhs[n][q] = lhs[n][q] - coeff * lhs[n][p];
        r[q] = r[q] - coeff * r[p];
      }
  }
}

void compute_rhs_xi(double (*u)[JS][IS][5], double (*rhs)[JS][IS][5], double (*forcing)[JS][IS][5],
                    int k, double tx2, double dx1tx1) {
  for (int j = 1; j < JS - 1; j++)
    for (int i = 0; i < IS; i++)
      for (int m = 0; m < 5; m++) rhs[k][j][i][m] = forcing[k][j][i][m];
  for (int j = 1; j < JS - 1; j++)
    for (int i = 1; i < IS - 1; i++) {
      double uijk = u[k][j][i][1] / u[k][j][i][0];
      double up1 = u[k][j][i + 1][1] / u[k][j][i + 1][0];
      double um1 = u[k][j][i - 1][1] / u[k][j][i - 1][0];
      rhs[k][j][i][0] += dx1tx1 * (u[k][j][i + 1][0] - 2.0 * u[k][j][i][0] + u[k][j][i - 1][0]) -
                         tx2 * (u[k][j][i + 1][1] - u[k][j][i - 1][1]);
      for (int m = 1; m < 5; m++)
        rhs[k][j][i][m] += dx1tx1 * (u[k][j][i + 1][m] - 2.0 * u[k][j][i][m] + u[k][j][i - 1][m]) -
                           tx2 * (u[k][j][i + 1][m] * up1 - u[k][j][i - 1][m] * um1) + 0.01 * uijk;
    }
}

void x_solve_plane(double (*u)[JS][IS][5], double (*rhs)[JS][IS][5], int k) {
  double lhs[IS][3][5][5];
  double fjac[IS][5][5];
  int isize = IS - 1;
  for (int j = 1; j < JS - 1; j++) {
    for (int i = 0; i <= isize; i++) {
      double tmp1 = 1.0 / u[k][j][i][0];
      for (int m = 0; m < 5; m++)
        for (int n = 0; n < 5; n++) fjac[i][m][n] = (m == n ? 1.0 : 0.1 * (m - n)) * tmp1 * u[k][j][i][(m + n) % 5];
    }
    for (int n = 0; n < 5; n++)
      for (int m = 0; m < 5; m++) {
        lhs[0][AA][n][m] = lhs[isize][AA][n][m] = 0.0;
        lhs[0][BB][n][m] = lhs[isize][BB][n][m] = n == m ? 1.0 : 0.0;
        lhs[0][CC][n][m] = lhs[isize][CC][n][m] = 0.0;
      }
    for (int i = 1; i < isize; i++)
      for (int n = 0; n < 5; n++)
        for (int m = 0; m < 5; m++) {
          lhs[i][AA][n][m] = -0.1 * fjac[i - 1][n][m];
          lhs[i][BB][n][m] = (n == m ? 4.0 : 0.0) + 0.05 * fjac[i][n][m];
          lhs[i][CC][n][m] = 0.1 * fjac[i + 1][n][m];
        }
    binvcrhs(lhs[0][BB], lhs[0][CC], rhs[k][j][0]);
    for (int i = 1; i < isize; i++) {
      matvec_sub(lhs[i][AA], rhs[k][j][i - 1], rhs[k][j][i]);
      matmul_sub(lhs[i][AA], lhs[i - 1][CC], lhs[i][BB]);
      binvcrhs(lhs[i][BB], lhs[i][CC], rhs[k][j][i]);
    }
    matvec_sub(lhs[isize][AA], rhs[k][j][isize - 1], rhs[k][j][isize]);
    matmul_sub(lhs[isize][AA], lhs[isize - 1][CC], lhs[isize][BB]);
    binvrhs(lhs[isize][BB], rhs[k][j][isize]);
    for (int i = isize - 1; i >= 0; i--)
      for (int m = 0; m < 5; m++)
        for (int n = 0; n < 5; n++) rhs[k][j][i][m] = rhs[k][j][i][m] - lhs[i][CC][n][m] * rhs[k][j][i + 1][n];
  }
}

void add_plane(double (*u)[JS][IS][5], double (*rhs)[JS][IS][5], int k) {
  for (int j = 1; j < JS - 1; j++)
    for (int i = 1; i < IS - 1; i++)
      for (int m = 0; m < 5; m++) u[k][j][i][m] = u[k][j][i][m] + 0.1 * rhs[k][j][i][m];
}

int main(void) {
  double checksum = 0;

  /* CloverLeaf: a 6 x 5 chunk with halo 2, bands of rows [1, 2], [3, 5]. */
  int x_min = 1, x_max = 6, y_min = 1, y_max = 5;
  int cells = (x_max + 4) * (y_max + 4), nodes = (x_max + 5) * (y_max + 5);
  double *density0 = malloc(sizeof(double) * cells), *density1 = calloc(cells, sizeof(double));
  double *energy0 = malloc(sizeof(double) * cells), *energy1 = calloc(cells, sizeof(double));
  double *pressure = calloc(cells, sizeof(double)), *soundspeed = calloc(cells, sizeof(double));
  double *viscosity = calloc(cells, sizeof(double)), *volume = malloc(sizeof(double) * cells);
  double *yarea = malloc(sizeof(double) * cells), *vol_flux_y = calloc(cells, sizeof(double));
  double *xvel0 = malloc(sizeof(double) * nodes), *yvel0 = malloc(sizeof(double) * nodes);
  double *xarea = malloc(sizeof(double) * nodes), *vol_flux_x = calloc(nodes, sizeof(double));
  double *celldx = malloc(sizeof(double) * (x_max + 4)), *celldy = malloc(sizeof(double) * (y_max + 4));
  for (int c = 0; c < cells; c++) {
    density0[c] = 1.0 + (c % 7) * 0.1;
    energy0[c] = 2.5 - (c % 5) * 0.2;
    volume[c] = 0.01;
    yarea[c] = 0.1;
  }
  for (int c = 0; c < nodes; c++) {
    xvel0[c] = ((c * 3) % 11 - 5) * 0.01;
    yvel0[c] = ((c * 7) % 13 - 6) * 0.01;
    xarea[c] = 0.1;
  }
  for (int j = 0; j < x_max + 4; j++) celldx[j] = 0.1;
  for (int k = 0; k < y_max + 4; k++) celldy[k] = 0.1;
  int bands[3] = {1, 3, y_max + 1};
  for (int b = 0; b < 2; b++) {
#pragma dosc task
    ideal_gas_kernel_c(&x_min, &x_max, &y_min, &y_max, bands[b], bands[b + 1] - 1, density0, energy0,
                       pressure, soundspeed);
  }
#pragma dosc taskwait
#pragma dosc task
  update_halo_bottom_top(x_min, x_max, y_min, y_max, 2, pressure);
#pragma dosc taskwait
#pragma dosc task
  update_halo_left_right(x_min, x_max, y_min, y_max, 2, pressure);
#pragma dosc taskwait
  for (int b = 0; b < 2; b++) {
#pragma dosc task
    viscosity_kernel_c(x_min, x_max, y_min, y_max, bands[b], bands[b + 1] - 1, celldx, celldy,
                       density0, pressure, viscosity, xvel0, yvel0);
  }
#pragma dosc taskwait
  for (int b = 0; b < 2; b++) {
#pragma dosc task
    pdv_predict(x_min, x_max, y_min, y_max, bands[b], bands[b + 1] - 1, 0.04, xarea, yarea, volume,
                density0, density1, energy0, energy1, pressure, viscosity, xvel0, yvel0);
#pragma dosc task
    flux_calc(x_min, x_max, y_min, y_max, bands[b], bands[b + 1] - 1, 0.04, xarea, yarea, xvel0, yvel0,
              vol_flux_x, vol_flux_y);
  }
#pragma dosc taskwait
  double summary;
#pragma dosc task
  summary = field_summary(x_min, x_max, y_min, y_max, volume, density1, energy1, pressure);
#pragma dosc taskwait
  checksum += summary;
  for (int c = 0; c < cells; c++)
    checksum += pressure[c] * (c % 3) + soundspeed[c] + viscosity[c] * 100 + density1[c] + energy1[c] * 0.5 +
                vol_flux_y[c] * 10;
  for (int c = 0; c < nodes; c++) checksum += vol_flux_x[c] * (c % 4);

  /* NAS BT: rhs per plane, x_solve per plane, then the update. */
  double (*u)[JS][IS][5] = malloc(sizeof(double) * KS * JS * IS * 5);
  double (*rhs)[JS][IS][5] = calloc(KS * JS * IS * 5, sizeof(double));
  double (*forcing)[JS][IS][5] = malloc(sizeof(double) * KS * JS * IS * 5);
  for (int k = 0; k < KS; k++)
    for (int j = 0; j < JS; j++)
      for (int i = 0; i < IS; i++)
        for (int m = 0; m < 5; m++) {
          u[k][j][i][m] = 1.0 + 0.1 * m + 0.01 * ((i * 3 + j * 5 + k * 7) % 9);
          forcing[k][j][i][m] = 0.001 * ((i + j + k + m) % 4);
        }
  for (int step = 0; step < 2; step++) {
    for (int k = 1; k < KS - 1; k++) {
#pragma dosc task
      compute_rhs_xi(u, rhs, forcing, k, 0.5, 0.25);
    }
#pragma dosc taskwait
    for (int k = 1; k < KS - 1; k++) {
#pragma dosc task
      x_solve_plane(u, rhs, k);
    }
#pragma dosc taskwait
    for (int k = 1; k < KS - 1; k++) {
#pragma dosc task
      add_plane(u, rhs, k);
    }
#pragma dosc taskwait
  }
  for (int k = 0; k < KS; k++)
    for (int j = 0; j < JS; j++)
      for (int i = 0; i < IS; i++)
        for (int m = 0; m < 5; m++) checksum += u[k][j][i][m] * (1 + m) + rhs[k][j][i][m] * 0.1;

  printf("checksum %.6f\n", checksum);
  return 0;
}
