/* Remote attack: loops bounded by a struct field (a range or a matrix descriptor passed by
   pointer or by value), as Rodinia's and PARSEC's kernels take their sizes. */
#include <stdio.h>
#include <stdlib.h>

struct range {
  int lo, hi;
};

struct shape {
  int rows, cols;
};

void fill_range(double *a, const struct range *r) {
  for (int i = r->lo; i < r->hi; i++) a[i] = i * 0.75;
}

void scale_by_value(double *a, struct range r, double f) {
  for (int i = r.lo; i < r.hi; i++) a[i] *= f;
}

double matrix_sum(const double *m, const struct shape *s) {
  double t = 0;
  for (int i = 0; i < s->rows; i++)
    for (int j = 0; j < s->cols; j++) t += m[i * s->cols + j] * (j + 1);
  return t;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 30;
  double *a = calloc((size_t)n, sizeof(double));
  struct range ranges[3] = {{0, n / 3}, {n / 3, 2 * n / 3}, {2 * n / 3, n}};
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    fill_range(a, &ranges[k]);
  }
#pragma dosc taskwait
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    scale_by_value(a, ranges[k], k + 2.0);
  }
#pragma dosc taskwait
  struct shape s = {n / 5, 5};
  double t;
#pragma dosc task
  t = matrix_sum(a, &s);
#pragma dosc taskwait
  printf("matrix %.3f\n", t);
  free(a);
  return 0;
}
