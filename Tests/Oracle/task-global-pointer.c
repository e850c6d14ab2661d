/* Remote attack: tasks that write through a pointer stored in a global (a common "output
   buffer" idiom), or read a global array: they must stay on rank 0, with a reason. */
#include <stdio.h>
#include <stdlib.h>

double *g_out;
int g_table[16];

void fill_global(int lo, int hi) {
  for (int i = lo; i < hi; i++) g_out[i] = i * 1.5;
}

/* Reads a global table; writes its parameter only. */
void lookup(int *out, int lo, int hi) {
  for (int i = lo; i < hi; i++) out[i] = g_table[i % 16] + i;
}

/* A parameter that points at the global's target. */
void add_into(double *dst, int lo, int hi) {
  for (int i = lo; i < hi; i++) dst[i] += 1.0;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 40;
  g_out = calloc((size_t)n, sizeof(double));
  int *out = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < 16; i++) g_table[i] = i * i;
  for (int lo = 0; lo < n; lo += 9) {
    int hi = lo + 9 < n ? lo + 9 : n;
#pragma dosc task
    fill_global(lo, hi);
#pragma dosc task
    lookup(out, lo, hi);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < n; lo += 9) {
    int hi = lo + 9 < n ? lo + 9 : n;
#pragma dosc task
    add_into(g_out, lo, hi);
  }
#pragma dosc taskwait
  double s = 0;
  long t = 0;
  for (int i = 0; i < n; i++) s += g_out[i], t += out[i];
  printf("global %.3f table %ld\n", s, t);
  free(g_out);
  free(out);
  return 0;
}
