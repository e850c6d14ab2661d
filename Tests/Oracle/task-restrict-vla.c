/* Remote attack: `restrict` pointers and variable-length array parameters (KASTORS jacobi
   passes `double u[nx][ny]`): the element of a VLA parameter is a row whose size is a
   parameter, known only at the spawn. */
#include <stdio.h>
#include <stdlib.h>

void saxpy(int n, float a, const float *restrict x, float *restrict y) {
  for (int i = 0; i < n; i++) y[i] += a * x[i];
}

/* One block of rows of a Jacobi sweep over nx x ny grids. */
void sweep_rows(int nx, int ny, double unew[nx][ny], double u[nx][ny], double f[nx][ny], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 1; j < ny - 1; j++)
      unew[i][j] = 0.25 * (u[i - 1][j] + u[i + 1][j] + u[i][j - 1] + u[i][j + 1] + f[i][j]);
}

double grid_sum(int nx, int ny, double (*g)[ny]) {
  double s = 0;
  for (int i = 0; i < nx; i++)
    for (int j = 0; j < ny; j++) s += g[i][j] * (j + 1);
  return s;
}

int main(int argc, char **argv) {
  int nx = argc > 1 ? atoi(argv[1]) : 14, ny = nx + 3;
  float *x = malloc(sizeof(float) * (size_t)nx * 4), *y = malloc(sizeof(float) * (size_t)nx * 4);
  for (int i = 0; i < nx * 4; i++) x[i] = (float)i, y[i] = 1.0f;
  for (int k = 0; k < 4; k++) {
#pragma dosc task
    saxpy(nx, 0.5f, x + k * nx, y + k * nx);
  }
  double (*u)[ny] = malloc(sizeof(double) * (size_t)nx * ny);
  double (*unew)[ny] = malloc(sizeof(double) * (size_t)nx * ny);
  double (*f)[ny] = malloc(sizeof(double) * (size_t)nx * ny);
  for (int i = 0; i < nx; i++)
    for (int j = 0; j < ny; j++) u[i][j] = unew[i][j] = (i + j) % 4, f[i][j] = (i * j) % 3;
  for (int it = 0; it < 3; it++) {
    for (int lo = 1; lo < nx - 1; lo += 4) {
      int hi = lo + 4 < nx - 1 ? lo + 4 : nx - 1;
#pragma dosc task
      sweep_rows(nx, ny, unew, u, f, lo, hi);
    }
#pragma dosc taskwait
    double (*t)[ny] = u;
    u = unew;
    unew = t;
  }
  double total;
#pragma dosc task
  total = grid_sum(nx, ny, u);
#pragma dosc taskwait
  double ys = 0;
  for (int i = 0; i < nx * 4; i++) ys += y[i];
  printf("saxpy %.2f jacobi %.6f\n", ys, total);
  free(x), free(y), free(u), free(unew), free(f);
  return 0;
}
