/* Remote attack: writes under conditions and at computed positions (a compaction writing
   `out[k++]`, a boundary write `if (i > 0) out[i-1]`, a write at `hi` after the loop), the
   shapes where the written footprint is easiest to get too small. */
#include <stdio.h>
#include <stdlib.h>

int compact_positive(int *out, const int *in, int n) {
  int k = 0;
  for (int i = 0; i < n; i++)
    if (in[i] > 0) out[k++] = in[i];
  return k;
}

void left_neighbour(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (i > 0) out[i - 1] += in[i];
}

void mark_end(int *flags, int lo, int hi) {
  for (int i = lo; i < hi; i++) flags[i] = 1;
  flags[hi] = 2;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 30;
  int *in = malloc(sizeof(int) * (size_t)n), *out = calloc((size_t)n, sizeof(int));
  double *a = malloc(sizeof(double) * (size_t)n), *b = calloc((size_t)n, sizeof(double));
  int *flags = calloc((size_t)n + 1, sizeof(int));
  for (int i = 0; i < n; i++) in[i] = (i * 7) % 11 - 5, a[i] = i * 0.5;
  int kept;
#pragma dosc task
  kept = compact_positive(out, in, n);
  for (int lo = 0; lo < n; lo += 10) {
    int hi = lo + 10 < n ? lo + 10 : n;
#pragma dosc task
    left_neighbour(b, a, lo, hi);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < n; lo += 11) {
    int hi = lo + 10 < n ? lo + 10 : n;
#pragma dosc task
    mark_end(flags, lo, hi);
  }
#pragma dosc taskwait
  long s = 0;
  double t = 0;
  for (int i = 0; i < kept; i++) s += out[i] * (i + 1);
  for (int i = 0; i < n; i++) t += b[i] * (i + 1);
  for (int i = 0; i <= n; i++) s += flags[i] * (i + 2);
  printf("kept %d sum %ld neighbours %.2f\n", kept, s, t);
  free(in), free(out), free(a), free(b), free(flags);
  return 0;
}
