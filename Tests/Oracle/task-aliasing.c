/* Remote attack: one array passed twice with different offsets (in-place shifts, a "src" that
   is the "dst" one element on). Shipped as two buffers, a write through one would not be seen
   through the other; the answer must still be the serial one. */
#include <stdio.h>
#include <stdlib.h>

/* dst[i] = src[i] + src[i+1], in order: with dst == src - 1 ... each read sees old values. */
void pair_sum(double *dst, const double *src, int n) {
  for (int i = 0; i < n; i++) dst[i] = src[i] + src[i + 1];
}

/* Reads a[i-1] after writing it (a forward recurrence through two names). */
void recurrence(double *out, const double *in, int n) {
  for (int i = 1; i < n; i++) out[i] = in[i - 1] * 0.5 + out[i];
}

double dot(const double *x, const double *y, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += x[i] * y[i];
  return s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 32;
  double *a = malloc(sizeof(double) * (size_t)(n + 1));
  double *b = malloc(sizeof(double) * (size_t)(n + 1));
  for (int i = 0; i <= n; i++) a[i] = i % 7, b[i] = i % 5;
#pragma dosc task
  pair_sum(a, a + 1, n - 1);
#pragma dosc task
  pair_sum(b + 1, b, n - 1);
#pragma dosc taskwait
  double *c = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n; i++) c[i] = i;
#pragma dosc task
  recurrence(c, c, n);
#pragma dosc taskwait
  double d1, d2;
#pragma dosc task
  d1 = dot(a, a, n);
#pragma dosc task
  d2 = dot(b, b + 2, n - 2);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) s += a[i] * 3 + b[i] * 5 + c[i] * 7;
  printf("mix %.3f dots %.3f %.3f\n", s, d1, d2);
  free(a);
  free(b);
  free(c);
  return 0;
}
