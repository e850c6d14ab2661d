/* Remote attack: tasks that return values computed from arrays (reductions, argmax, counts),
   of several arithmetic types, including a char and an unsigned result. */
#include <stdio.h>
#include <stdlib.h>

double partial_dot(const double *x, const double *y, int lo, int hi) {
  double s = 0;
  for (int i = lo; i < hi; i++) s += x[i] * y[i];
  return s;
}

int argmax(const int *a, int lo, int hi) {
  int best = lo;
  for (int i = lo + 1; i < hi; i++)
    if (a[i] > a[best]) best = i;
  return best;
}

unsigned count_even(const unsigned *a, unsigned n) {
  unsigned c = 0;
  for (unsigned i = 0; i < n; i++) c += (a[i] % 2u == 0);
  return c;
}

char max_char(const char *s, int n) {
  char m = s[0];
  for (int i = 1; i < n; i++)
    if (s[i] > m) m = s[i];
  return m;
}

float mean(const float *v, long n) {
  float s = 0;
  for (long i = 0; i < n; i++) s += v[i];
  return s / (float)n;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 48;
  double *x = malloc(sizeof(double) * (size_t)n), *y = malloc(sizeof(double) * (size_t)n);
  int *a = malloc(sizeof(int) * (size_t)n);
  unsigned *u = malloc(sizeof(unsigned) * (size_t)n);
  float *f = malloc(sizeof(float) * (size_t)n);
  char *s = malloc((size_t)n);
  for (int i = 0; i < n; i++) {
    x[i] = i * 0.5, y[i] = (i % 4) - 1.5, a[i] = (i * 37) % 53, u[i] = (unsigned)(i * i + 3);
    f[i] = (float)i / 3.0f, s[i] = (char)('a' + (i * 11) % 26);
  }
  double dots[4];
  int maxes[4];
  for (int k = 0; k < 4; k++) {
#pragma dosc task
    dots[k] = partial_dot(x, y, k * n / 4, (k + 1) * n / 4);
#pragma dosc task
    maxes[k] = argmax(a, k * n / 4, (k + 1) * n / 4);
  }
  unsigned evens;
  char top;
  float avg;
#pragma dosc task
  evens = count_even(u, (unsigned)n);
#pragma dosc task
  top = max_char(s, n);
#pragma dosc task
  avg = mean(f, n);
#pragma dosc taskwait
  for (int k = 0; k < 4; k++) printf("dot %.2f max at %d\n", dots[k], maxes[k]);
  printf("evens %u top %c mean %.4f\n", evens, top, avg);
  free(x), free(y), free(a), free(u), free(f), free(s);
  return 0;
}
