/* Remote attack: data-dependent indices (a histogram indexed by the data, a gather through an
   index array, CSR sparse matrix-vector product): the footprint of the indexed array is not a
   formula over the arguments, so it is the whole range a byte can index, or null. */
#include <stdio.h>
#include <stdlib.h>

void byte_histogram(const unsigned char *data, int n, int *hist) {
  for (int i = 0; i < n; i++) hist[data[i]]++;
}

void gather(double *out, const double *x, const int *index, int lo, int hi) {
  for (int i = lo; i < hi; i++) out[i] = x[index[i]];
}

void spmv_rows(double *y, const double *val, const int *col, const int *row_start, const double *x, int lo, int hi) {
  for (int r = lo; r < hi; r++) {
    double s = 0;
    for (int k = row_start[r]; k < row_start[r + 1]; k++) s += val[k] * x[col[k]];
    y[r] = s;
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 50;
  unsigned char *data = malloc((size_t)n * 2);
  int *hists = calloc(2 * 256, sizeof(int));
  for (int i = 0; i < 2 * n; i++) data[i] = (unsigned char)(i * 97 + 13);
  for (int k = 0; k < 2; k++) {
#pragma dosc task
    byte_histogram(data + k * n, n, hists + k * 256);
  }
  double *x = malloc(sizeof(double) * (size_t)n), *g = calloc((size_t)n, sizeof(double));
  int *index = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) x[i] = i * 1.25, index[i] = (i * 17) % n;
  for (int lo = 0; lo < n; lo += 12) {
    int hi = lo + 12 < n ? lo + 12 : n;
#pragma dosc task
    gather(g, x, index, lo, hi);
  }
  /* A tridiagonal matrix in CSR. */
  int *row_start = malloc(sizeof(int) * (size_t)(n + 1)), *col = malloc(sizeof(int) * (size_t)n * 3);
  double *val = malloc(sizeof(double) * (size_t)n * 3), *y = calloc((size_t)n, sizeof(double));
  int nz = 0;
  for (int r = 0; r < n; r++) {
    row_start[r] = nz;
    for (int c = r - 1; c <= r + 1; c++)
      if (c >= 0 && c < n) col[nz] = c, val[nz++] = c == r ? 2.0 : -1.0;
  }
  row_start[n] = nz;
  for (int lo = 0; lo < n; lo += 16) {
    int hi = lo + 16 < n ? lo + 16 : n;
#pragma dosc task
    spmv_rows(y, val, col, row_start, x, lo, hi);
  }
#pragma dosc taskwait
  long h = 0;
  double gs = 0, ys = 0;
  for (int i = 0; i < 512; i++) h += (long)hists[i] * (i + 1);
  for (int i = 0; i < n; i++) gs += g[i] * (i + 1), ys += y[i] * (i + 1);
  printf("hist %ld gather %.2f spmv %.2f\n", h, gs, ys);
  free(data), free(hists), free(x), free(g), free(index), free(row_start), free(col), free(val), free(y);
  return 0;
}
