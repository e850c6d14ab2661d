/* Remote attack: 2-D arrays as pointers to rows, `double (*a)[W]`, row blocks per task; the
   element is a whole row, so a footprint counted in doubles would be W times too small. */
#include <stdio.h>
#include <stdlib.h>

enum { W = 6 };

/* b[i][j] = a[i-1][j] + a[i+1][j] for rows [lo, hi): reads a halo row on each side. */
void rows_sum(double (*b)[W], const double (*a)[W], int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < W; j++) b[i][j] = a[i - 1][j] + a[i + 1][j] + j;
}

/* One column of a row block, in place. */
void column_scale(double (*a)[W], int col, int lo, int hi, double f) {
  for (int i = lo; i < hi; i++) a[i][col] *= f;
}

double block_total(const double (*a)[W], int lo, int hi) {
  double s = 0;
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < W; j++) s += a[i][j] * (i + 1);
  return s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20;
  double (*a)[W] = malloc(sizeof(double[W]) * (size_t)(n + 2));
  double (*b)[W] = calloc((size_t)(n + 2), sizeof(double[W]));
  for (int i = 0; i < n + 2; i++)
    for (int j = 0; j < W; j++) a[i][j] = (i * 7 + j * 3) % 11;
  for (int lo = 1; lo <= n; lo += 4) {
    int hi = lo + 4 <= n + 1 ? lo + 4 : n + 1;
#pragma dosc task
    rows_sum(b, (const double (*)[W])a, lo, hi);
  }
#pragma dosc taskwait
  for (int lo = 1; lo <= n; lo += 5) {
    int hi = lo + 5 <= n + 1 ? lo + 5 : n + 1;
#pragma dosc task
    column_scale(b, 2, lo, hi, 0.5);
  }
#pragma dosc taskwait
  double totals[8] = {0};
  int k = 0;
  for (int lo = 1; lo <= n && k < 8; lo += 3, k++) {
    int hi = lo + 3 <= n + 1 ? lo + 3 : n + 1;
#pragma dosc task
    totals[k] = block_total((const double (*)[W])b, lo, hi);
  }
#pragma dosc taskwait
  for (int i = 0; i < k; i++) printf("block %d: %.3f\n", i, totals[i]);
  free(a);
  free(b);
  return 0;
}
