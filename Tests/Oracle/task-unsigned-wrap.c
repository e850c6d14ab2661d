/* Remote attack: unsigned 32-bit index arithmetic that wraps (defined C): an offset of
   (unsigned)-1 added to an unsigned index reads the element before it, not 4 Gi elements on.
   A footprint computed in exact integers is then in the wrong place. */
#include <stdio.h>
#include <stdlib.h>

void shift_read(double *out, const double *in, unsigned n, unsigned offset) {
  for (unsigned i = 1; i < n; i++) out[i] = in[i + offset] * 2.0;
}

/* The same with unsigned char arithmetic promoted to int: no wrap, a plain negative offset. */
void back_by(int *out, const int *in, int n, unsigned char back) {
  for (int i = back; i < n; i++) out[i] = in[i - back] + 1;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20;
  double *in = malloc(sizeof(double) * (size_t)n), *out = calloc((size_t)n, sizeof(double));
  int *a = malloc(sizeof(int) * (size_t)n), *b = calloc((size_t)n, sizeof(int));
  for (int i = 0; i < n; i++) in[i] = i * 1.5, a[i] = i * i;
#pragma dosc task
  shift_read(out, in, (unsigned)n, (unsigned)-1);
#pragma dosc task
  back_by(b, a, n, 3);
#pragma dosc taskwait
  double s = 0;
  long t = 0;
  for (int i = 0; i < n; i++) s += out[i] * (i + 1), t += b[i] * (i + 1);
  printf("shifted %.2f back %ld\n", s, t);
  free(in), free(out), free(a), free(b);
  return 0;
}
