/* Remote attack: pointer arithmetic on a parameter before the loop (`a += lo`, `a -= 1`,
   end pointers, walking from the back): the footprint is relative to the argument, not to the
   moved pointer. */
#include <stdio.h>
#include <stdlib.h>

void fill_from(double *a, int lo, int hi) {
  a += lo;
  for (int i = 0; i < hi - lo; i++) a[i] = lo + i * 2.0;
}

/* One-based indexing through a pointer moved back by one. */
void one_based(double *a, int n) {
  double *b = a - 1;
  for (int i = 1; i <= n; i++) b[i] += i;
}

double sum_to_end(const double *a, int lo, int hi) {
  const double *p = a + lo, *end = a + hi;
  double s = 0;
  while (p < end) s += *p++;
  return s;
}

void reverse_fill(int *a, int n) {
  int *p = a + n;
  while (p != a) {
    --p;
    *p = (int)(p - a) * 3;
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 36;
  double *a = calloc((size_t)n, sizeof(double));
  int *r = malloc(sizeof(int) * (size_t)n);
  for (int lo = 0; lo < n; lo += 10) {
    int hi = lo + 10 < n ? lo + 10 : n;
#pragma dosc task
    fill_from(a, lo, hi);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < n; lo += 12) {
    int len = lo + 12 < n ? 12 : n - lo;
#pragma dosc task
    one_based(a + lo, len);
  }
#pragma dosc task
  reverse_fill(r, n);
#pragma dosc taskwait
  double parts[4];
  for (int k = 0; k < 4; k++) {
#pragma dosc task
    parts[k] = sum_to_end(a, k * n / 4, (k + 1) * n / 4);
  }
#pragma dosc taskwait
  long t = 0;
  for (int i = 0; i < n; i++) t += r[i] * (i + 1);
  printf("parts %.2f %.2f %.2f %.2f reverse %ld\n", parts[0], parts[1], parts[2], parts[3], t);
  free(a);
  free(r);
  return 0;
}
