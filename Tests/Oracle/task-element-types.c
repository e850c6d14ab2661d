/* Remote attack: element types of every size and spelling a footprint is counted in: long
   double (16 bytes), short, _Bool, a typedef'd pointer (`real_ptr`), a typedef'd pointer to
   pointers (`row_t *`, must stay on rank 0), and an aligned struct with padding. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

typedef double *real_ptr;
typedef double *row_t;
typedef struct {
  char tag;
  int64_t value;
} tagged;

void scale_ld(long double *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[i] = a[i] * 3.0L + 1.0L;
}

void mark(_Bool *flags, const short *v, int lo, int hi) {
  for (int i = lo; i < hi; i++) flags[i] = v[i] % 3 == 0;
}

void add_one(real_ptr a, int n) {
  for (int i = 0; i < n; i++) a[i] += 1.0;
}

double first_column(row_t *rows, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += rows[i][0];
  return s;
}

void retag(tagged *t, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    t[i].tag = (char)('A' + i % 26);
    t[i].value = t[i].value * 10 + i;
  }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20;
  long double *ld = malloc(sizeof(long double) * (size_t)n);
  _Bool *flags = calloc((size_t)n, sizeof(_Bool));
  short *v = malloc(sizeof(short) * (size_t)n);
  double *d = malloc(sizeof(double) * (size_t)n);
  tagged *t = malloc(sizeof(tagged) * (size_t)n);
  row_t rows[3] = {d, d + 1, d + 2};
  for (int i = 0; i < n; i++) ld[i] = i / 4.0L, v[i] = (short)(i * 5), d[i] = i, t[i].value = i, t[i].tag = 0;
  for (int lo = 0; lo < n; lo += 6) {
    int hi = lo + 6 < n ? lo + 6 : n;
#pragma dosc task
    scale_ld(ld, lo, hi);
#pragma dosc task
    mark(flags, v, lo, hi);
#pragma dosc task
    retag(t, lo, hi);
  }
#pragma dosc task
  add_one(d, n);
#pragma dosc taskwait
  double column;
#pragma dosc task
  column = first_column(rows, 3);
#pragma dosc taskwait
  long double s = 0;
  long f = 0, tv = 0;
  for (int i = 0; i < n; i++) s += ld[i], f += flags[i] * (i + 1), tv += t[i].value + t[i].tag;
  printf("long double %.3Lf flags %ld tagged %ld column %.1f\n", s, f, tv, column);
  free(ld), free(flags), free(v), free(d), free(t);
  return 0;
}
