/* A `while` that is a counted `for` in disguise, and its look-alikes that are not. */
#include <stdio.h>

/* mandelbrot's shape: at most max_iter trips per element; the early exit only shortens it. */
void escape(int *counts, const double *c, int n, int max_iter) {
  for (int i = 0; i < n; i++) {
    double z = 0.0;
    int k = 0;
    while (k < max_iter && z <= 4.0) {
      z = z * z + c[i];
      k++;
    }
    counts[i] = k;
  }
}

/* The step inside a branch may not run: not counted. */
void branch_step(double *a, int n) {
  int k = 0;
  while (k < n) {
    a[k] += 1;
    if (a[k] > 0)
      k++;
    else
      k += 1;
  }
}

/* A `continue` may skip the step: not counted. */
void skipped_step(double *a, int n) {
  int k = 0;
  while (k < n) {
    a[k] += 1;
    if (a[k] > 2) continue;
    k++;
  }
}

/* The variable is changed elsewhere too: not counted. */
void assigned_twice(double *a, int n) {
  int k = 0;
  while (k < n) {
    a[k] += 1;
    k += a[k] > 1;
    k++;
  }
}

int main(void) {
  int counts[8];
  double c[8] = {0.1, 0.2, 0.3, 0.4, 1.0, 2.0, -0.5, 0.0}, a[8] = {0};
#pragma dosc task
  escape(counts, c, 8, 50);
#pragma dosc task
  branch_step(a, 8);
#pragma dosc task
  skipped_step(a, 8);
#pragma dosc task
  assigned_twice(a, 8);
#pragma dosc taskwait
  printf("%d %d %g\n", counts[0], counts[5], a[0]);
  return 0;
}
