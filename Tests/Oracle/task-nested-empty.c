/* Remote attack: a task that spawns tasks itself (a row block that spawns one task per row,
   as Cilk and BOTS codes nest), and spawns whose ranges are empty or reversed (lo >= hi: the
   footprint's count is zero or negative) or whose pointer is NULL with nothing to touch. */
#include <stdio.h>
#include <stdlib.h>

void row_update(double *row, int m, double f) {
  for (int j = 0; j < m; j++) row[j] = row[j] * f + j;
}

void block_update(double *a, int lo, int hi, int m) {
  for (int i = lo; i < hi; i++) {
#pragma dosc task
    row_update(a + i * m, m, 0.5 + i);
  }
#pragma dosc taskwait
}

double range_sum(const double *a, int lo, int hi) {
  double s = 0;
  for (int i = lo; i < hi; i++) s += a[i];
  return s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 12, m = 7;
  double *a = malloc(sizeof(double) * (size_t)n * m);
  for (int i = 0; i < n * m; i++) a[i] = i % 9;
  for (int lo = 0; lo < n; lo += 5) {
#pragma dosc task
    block_update(a, lo, lo + 5 < n ? lo + 5 : n, m);
  }
#pragma dosc taskwait
  double sums[4];
#pragma dosc task
  sums[0] = range_sum(a, 5, 5);
#pragma dosc task
  sums[1] = range_sum(a, n, 3);
#pragma dosc task
  sums[2] = range_sum(NULL, 0, 0);
#pragma dosc task
  sums[3] = range_sum(a, 0, n * m);
#pragma dosc taskwait
  printf("nested %.2f %.2f %.2f %.2f\n", sums[0], sums[1], sums[2], sums[3]);
  free(a);
  return 0;
}
