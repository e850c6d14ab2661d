/* Remote attack: a task that writes (and does not read) every other element of its range: its
   written footprint is a span with holes. Whatever is shipped back over the holes must be
   what the caller has there (issue 9, mpiwire: write back only the bytes the task changed). */
#include <stdio.h>
#include <stdlib.h>

void evens(double *out, int lo, int hi) {
  for (int i = lo; i < hi; i += 2) out[i] = i * 0.5;
}

void odds(double *out, int lo, int hi) {
  for (int i = lo + 1; i < hi; i += 2) out[i] = -i * 0.25;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 24;
  double *out = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n; i++) out[i] = 100 + i;
#pragma dosc task
  evens(out, 0, n);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) s += out[i] * (i + 1);
#pragma dosc task
  odds(out, 0, n);
#pragma dosc taskwait
  for (int i = 0; i < n; i++) s += out[i] * (i + 1);
  printf("strided %.2f\n", s);
  free(out);
  return 0;
}
