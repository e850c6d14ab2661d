/* Tiled loops as tiling tools and hand-tiling write them: an inner bound MIN(ii + B, hi) under an
   outer step B (a macro and a plain conditional), Pluto-style bounds MAX(0, 4 * t1) ..
   MIN(n - 1, 4 * t1 + 3) and floord(n - 1, 4). Null today; every figure must be the truth or null. */
#include <stdio.h>
#define MIN(i, j) ((i) < (j) ? (i) : (j))
#define MAX(i, j) ((i) > (j) ? (i) : (j))
#define floord(n, d) (((n) < 0) ? -((-(n) + (d)-1) / (d)) : (n) / (d))
#define ceild(n, d) (((n) < 0) ? -((-(n)) / (d)) : ((n) + (d)-1) / (d))
#define B 4
void tile_rows(double *c, const double *a, int n, int lo, int hi) {
  for (int ii = lo; ii < hi; ii += B)
    for (int i = ii; i < MIN(ii + B, hi); i++)
      for (int j = 0; j < n; j++) c[i * n + j] += a[i * n + j];
}
void tile_min_fn(double *c, int n, int lo, int hi) {
  for (int ii = lo; ii < hi; ii += B) {
    int end = ii + B < hi ? ii + B : hi;
    for (int i = ii; i < end; i++) c[i] *= 2;
  }
}
void pluto_like(double *A, int n, int t1) {
  for (int t2 = MAX(0, t1 * 4); t2 <= MIN(n - 1, t1 * 4 + 3); t2++) A[t2] += 1;
}
void pluto_floord(double *A, int n) {
  for (int t1 = 0; t1 <= floord(n - 1, 4); t1++)
    for (int t2 = 4 * t1; t2 <= MIN(n - 1, 4 * t1 + 3); t2++) A[t2] += 3;
}
int main(void) {
  enum { n = 7 };
  double c[n * n], a[n * n], d[20] = {0};
  for (int i = 0; i < n * n; i++) c[i] = i, a[i] = i % 3;
#pragma dosc task
  tile_rows(c, a, n, 1, 7);
#pragma dosc task
  tile_min_fn(d, 20, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  pluto_like(d, 14, 2);
#pragma dosc task
  pluto_like(d + 15, 5, 0);
#pragma dosc taskwait
#pragma dosc task
  pluto_floord(d, 13);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n * n; i++) s += c[i] * (i + 1);
  for (int i = 0; i < 20; i++) s += d[i] * (i + 2);
  printf("checksum %.2f\n", s);
  return 0;
}
