/* Issue 7, shape 1: pointers walked from a parameter. Each task reads or writes its array only
   through a pointer that starts at the parameter and is advanced in the loop. */
#include <stdio.h>
#include <stdlib.h>

/* A column of a row-major r x m matrix: p advances by the row length. */
double column_sum(const double *in, int r, int m) {
  double s = 0;
  const double *p;
  int j;
  for (j = 0, p = in; j < r; ++j, p += m) s += *p;
  return s;
}

/* q walks one element per iteration, indexed at 0. */
void walk_copy(const int *in, int *out, int n) {
  const int *q = in;
  for (int i = 0; i < n; i++) {
    out[i] = q[0];
    q += 1;
  }
}

long sum_post_increment(const long *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += *p++;
  return s;
}

void fill_post_increment(int *p, int n) {
  for (int i = 0; i < n; i++) *p++ = 3 * i;
}

int main(void) {
  enum { R = 6, M = 5, N = 24 };
  double *matrix = malloc(sizeof(double) * R * M);
  int *in = malloc(sizeof(int) * N), *out = malloc(sizeof(int) * N);
  long *values = malloc(sizeof(long) * N);
  for (int i = 0; i < R * M; i++) matrix[i] = i * 0.5;
  for (int i = 0; i < N; i++) in[i] = i * i, values[i] = 7 - i;
  double sums[M];
  for (int c = 0; c < M; c++) {
#pragma dosc task
    sums[c] = column_sum(matrix + c, R, M);
  }
#pragma dosc task
  walk_copy(in, out, N);
  long total;
#pragma dosc task
  total = sum_post_increment(values + 2, N - 4);
#pragma dosc taskwait
#pragma dosc task
  fill_post_increment(in + 3, N - 6);
#pragma dosc taskwait
  for (int c = 0; c < M; c++) printf("column %d: %g\n", c, sums[c]);
  long check = 0;
  for (int i = 0; i < N; i++) check += out[i] * 3 + in[i];
  printf("total %ld check %ld\n", total, check);
  free(matrix);
  free(in);
  free(out);
  free(values);
  return 0;
}
