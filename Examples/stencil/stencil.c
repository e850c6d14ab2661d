/* 1-D three-point stencil, several sweeps; each sweep spawns one task per chunk. */
#include <stdio.h>
#include <stdlib.h>

void smooth(const double *in, double *out, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    out[i] = (in[i - 1] + in[i] + in[i + 1]) / 3.0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 100000;
  int sweeps = 10, chunk = 8192;
  double *a = calloc(n + 2, sizeof(double)), *b = calloc(n + 2, sizeof(double));
  for (int i = 0; i < n + 2; i++) a[i] = (i * 37 % 101) / 10.0;
  for (int s = 0; s < sweeps; s++) {
    for (int lo = 1; lo <= n; lo += chunk) {
      int hi = lo + chunk <= n + 1 ? lo + chunk : n + 1;
#pragma dosc task
      smooth(a, b, lo, hi);
    }
#pragma dosc taskwait
    double *t = a;
    a = b;
    b = t;
  }
  double sum = 0;
  for (int i = 1; i <= n; i++) sum += a[i];
  printf("sum = %.6f\n", sum);
  free(a);
  free(b);
  return 0;
}
