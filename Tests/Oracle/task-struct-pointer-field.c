/* Remote attack: a struct with pointer fields passed by pointer (the shape of every "vector"
   or "matrix" struct): the struct's bytes hold an address, so shipping the struct alone is
   wrong; the task must stay on rank 0 (with a reason) or have its data shipped. */
#include <stdio.h>
#include <stdlib.h>

struct vec {
  int n;
  double *data;
};

void vec_scale(struct vec *v, double f) {
  for (int i = 0; i < v->n; i++) v->data[i] *= f;
}

double vec_sum(const struct vec *v, int lo, int hi) {
  double s = 0;
  for (int i = lo; i < hi; i++) s += v->data[i];
  return s;
}

/* The pointer field copied to a local first. */
void vec_fill(struct vec *v, int lo, int hi) {
  double *d = v->data;
  for (int i = lo; i < hi; i++) d[i] = i * 0.25;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 40;
  struct vec parts[4];
  for (int p = 0; p < 4; p++) {
    parts[p].n = n + p;
    parts[p].data = calloc((size_t)(n + p), sizeof(double));
  }
  for (int p = 0; p < 4; p++) {
#pragma dosc task
    vec_fill(&parts[p], 0, n + p);
  }
#pragma dosc taskwait
  for (int p = 0; p < 4; p++) {
#pragma dosc task
    vec_scale(&parts[p], p + 1.0);
  }
#pragma dosc taskwait
  double sums[4];
  for (int p = 0; p < 4; p++) {
#pragma dosc task
    sums[p] = vec_sum(&parts[p], 1, n);
  }
#pragma dosc taskwait
  for (int p = 0; p < 4; p++) printf("part %d: %.3f\n", p, sums[p]);
  for (int p = 0; p < 4; p++) free(parts[p].data);
  return 0;
}
