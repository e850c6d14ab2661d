/* Remote attack: pointer-to-pointer rows (`double **rows`, as Rodinia and BOTS allocate
   matrices): the rows' addresses mean nothing on another rank, so the task must stay on rank 0
   or be given each row; a task given one row (`rows[i]`) is an ordinary array task. */
#include <stdio.h>
#include <stdlib.h>

void scale_rows(double **rows, int lo, int hi, int m, double f) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < m; j++) rows[i][j] *= f;
}

void row_prefix(double *row, int m) {
  for (int j = 1; j < m; j++) row[j] += row[j - 1];
}

double trace_of(double *const *rows, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += rows[i][i];
  return s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 12;
  double **rows = malloc(sizeof(double *) * (size_t)n);
  for (int i = 0; i < n; i++) {
    rows[i] = malloc(sizeof(double) * (size_t)n);
    for (int j = 0; j < n; j++) rows[i][j] = (i + 2 * j) % 5;
  }
  for (int lo = 0; lo < n; lo += 5) {
    int hi = lo + 5 < n ? lo + 5 : n;
#pragma dosc task
    scale_rows(rows, lo, hi, n, 1.5);
  }
#pragma dosc taskwait
  for (int i = 0; i < n; i++) {
#pragma dosc task
    row_prefix(rows[i], n);
  }
#pragma dosc taskwait
  double t;
#pragma dosc task
  t = trace_of(rows, n);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) s += rows[i][n - 1];
  printf("trace %.3f last column %.3f\n", t, s);
  for (int i = 0; i < n; i++) free(rows[i]);
  free(rows);
  return 0;
}
