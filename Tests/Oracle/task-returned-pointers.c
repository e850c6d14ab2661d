/* Pointers that a called function returns into a parameter's memory (unseen2): an accessor
   `at(a, ld, i, j)` returning `a + i*ld + j` (Rodinia/PolyBench helpers), `&a[r*ld]` for a
   row, one of two arrays picked by a flag, and the C library's `strchr` written through. The
   analyzer took such a result for memory of nobody's: the parameter was `access: none,
   count: 0` while the task read and wrote it. The arrays are on the heap, where the footprint
   oracle attributes every access. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline double *at(double *a, int ld, int i, int j) { return a + i * ld + j; }
static inline double *row_of(double *a, int ld, int i) { return &a[i * ld]; }
static inline const double *pick(const double *x, const double *y, int which) { return which ? y : x; }

void by_accessor(double *a, int ld, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < ld; j++) *at(a, ld, i, j) *= 2;
}

void by_row(double *a, int ld, int r, int m) {
  double *row = row_of(a, ld, r);
  for (int j = 0; j < m; j++) row[j] = -row[j];
}

double by_pick(const double *x, const double *y, int n, int which) {
  double s = 0;
  for (int i = 0; i < n; i++) s += pick(x, y, which)[i];
  return s;
}

/* Cuts a string at its first comma: a write through the library's result. */
void cut_at_comma(char *s) {
  char *comma = strchr(s, ',');
  if (comma) *comma = 0;
}

int main(void) {
  double *a = malloc(sizeof(double) * 30), *x = malloc(sizeof(double) * 8), *y = malloc(sizeof(double) * 8);
  char *text = malloc(16);
  for (int i = 0; i < 30; i++) a[i] = i % 7 + 1;
  for (int i = 0; i < 8; i++) x[i] = i, y[i] = 10 - i;
  strcpy(text, "left,right");
#pragma dosc task
  by_accessor(a, 5, 3, 5);
#pragma dosc task
  by_row(a, 5, 1, 5);
  double p0, p1;
#pragma dosc task
  p0 = by_pick(x, y, 8, 0);
#pragma dosc task
  p1 = by_pick(x, y, 8, 1);
#pragma dosc task
  cut_at_comma(text);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 30; i++) s += a[i] * (i + 1);
  printf("checksum %.1f picks %.1f %.1f text %s\n", s, p0, p1, text);
  free(a), free(x), free(y), free(text);
  return 0;
}
