/* Tiled loops and min/max bounds written as plain conditionals (the loops helper, 2026-11-28):
   an inner bound `ii + B < hi ? ii + B : hi` under an outer step B (the union over the tiles is
   [lo, hi)), 2-D tiles, Pluto-style bounds max(0, 4 * t1) .. min(n - 1, 4 * t1 + 3), a clamped
   index; and adversarial ones: no tile at all (lo >= hi), a tile size that does not divide,
   a value that is not monotone in the loop (min(i, n - i)), a `break` out of a tile. Every
   figure must be the truth (or wider), or null. (The MIN/MAX macros of task-tiled-loops.c are
   the same shapes once the operators of macro bodies are read.) */
#include <stdio.h>
enum { B = 4 };
void tile_rows(double *c, const double *a, int n, int lo, int hi) {
  for (int ii = lo; ii < hi; ii += B)
    for (int i = ii; i < (ii + B < hi ? ii + B : hi); i++)
      for (int j = 0; j < n; j++) c[i * n + j] += a[i * n + j];
}
void tile_2d(double *c, int n, int m) {
  for (int ii = 0; ii < n; ii += 3)
    for (int jj = 0; jj < m; jj += 2)
      for (int i = ii; i < (ii + 3 > n ? n : ii + 3); i++)
        for (int j = jj; j < (jj + 2 < m ? jj + 2 : m); j++) c[i * m + j] *= 2;
}
void pluto_like(double *A, int n, int t1) {
  for (int t2 = (0 > t1 * 4 ? 0 : t1 * 4); t2 <= (n - 1 < t1 * 4 + 3 ? n - 1 : t1 * 4 + 3); t2++) A[t2] += 1;
}
void clamped(double *a, const double *b, int n, int k) {
  for (int i = 0; i < n; i++) a[i] += b[i < k ? i : k];
}
void not_monotone(double *a, int n) {
  for (int i = 0; i < n; i++) a[i < n - i ? i : n - i] += 1;
}
void tile_break(double *c, int lo, int hi, double stop) {
  for (int ii = lo; ii < hi; ii += B)
    for (int i = ii; i < (ii + B < hi ? ii + B : hi); i++) {
      if (c[i] == stop) break;
      c[i] += 0.5;
    }
}
int main(void) {
  enum { n = 7 };
  double c[n * n], a[n * n], d[30];
  for (int i = 0; i < n * n; i++) c[i] = i, a[i] = i % 3;
  for (int i = 0; i < 30; i++) d[i] = i % 5;
#pragma dosc task
  tile_rows(c, a, n, 1, 7);
#pragma dosc task
  tile_rows(c + 10, a, 2, 5, 5); /* no tile */
#pragma dosc taskwait
#pragma dosc task
  tile_2d(c, 7, 5);
#pragma dosc task
  tile_2d(d, 1, 1);
#pragma dosc taskwait
#pragma dosc task
  pluto_like(d, 14, 2);
#pragma dosc task
  pluto_like(d + 15, 5, 0);
#pragma dosc taskwait
#pragma dosc task
  clamped(c, a, 9, 4);
#pragma dosc task
  clamped(c + 20, a, 3, 6);
#pragma dosc taskwait
#pragma dosc task
  not_monotone(d, 9);
#pragma dosc task
  tile_break(d + 10, 2, 15, 3.0);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n * n; i++) s += c[i] * (i + 1);
  for (int i = 0; i < 30; i++) s += d[i] * (i + 2);
  printf("checksum %.2f\n", s);
  return 0;
}
