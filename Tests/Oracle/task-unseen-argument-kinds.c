/* Arguments a remote run must ship right or keep home (the programs above pass them): a
   struct by value holding a pointer (a view `{data, n}`), a struct by value holding an array,
   a union by value, `long double`, `_Bool` and `_Complex` values, rows as `double **`, an
   array of strings, a `FILE *` written by the task, a pointer to a struct holding a pointer,
   and a pointer parameter the task only compares (never dereferences). */
#include <complex.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

struct view {
  double *data;
  int n;
};
struct packet {
  int len;
  int items[12];
};
union word {
  unsigned u;
  float f;
};
struct owner {
  int n;
  int *values;
};

void scale_view(struct view v, double s) {
  for (int i = 0; i < v.n; i++) v.data[i] *= s;
}
int packet_sum(struct packet p) {
  int s = 0;
  for (int i = 0; i < p.len && i < 12; i++) s += p.items[i] * (i + 1);
  return s;
}
unsigned word_bits(union word w, int shift) { return (w.u >> shift) & 0xff; }
long double long_sum(const long double *x, int n, long double bias) {
  long double s = bias;
  for (int i = 0; i < n; i++) s += x[i];
  return s;
}
int count_true(const bool *flags, int n, bool want) {
  int c = 0;
  for (int i = 0; i < n; i++) c += flags[i] == want;
  return c;
}
void rotate_all(double complex *z, int n, double complex by) {
  for (int i = 0; i < n; i++) z[i] *= by;
}
void row_sums(double **rows, int nrows, int ncols, double *out) {
  for (int r = 0; r < nrows; r++) {
    out[r] = 0;
    for (int c = 0; c < ncols; c++) out[r] += rows[r][c];
  }
}
int total_length(const char *const *names, int n) {
  int t = 0;
  for (int i = 0; i < n; i++) t += (int)strlen(names[i]);
  return t;
}
void report(FILE *to, const int *v, int n) {
  for (int i = 0; i < n; i++) fprintf(to, "%d ", v[i]);
  fprintf(to, "\n");
}
void fill_owner(struct owner *o, int start) {
  for (int i = 0; i < o->n; i++) o->values[i] = start + i;
}
int same_place(const int *p, const int *q, int n) { return p == q ? n : -n; }

int main(void) {
  double d[10];
  for (int i = 0; i < 10; i++) d[i] = i + 0.5;
  struct view v = {d + 2, 5};
#pragma dosc task
  scale_view(v, 3.0);
  struct packet p = {9, {0}};
  for (int i = 0; i < 12; i++) p.items[i] = i * i;
  int ps;
#pragma dosc task
  ps = packet_sum(p);
  union word w;
  w.f = 1.5f;
  unsigned bits;
#pragma dosc task
  bits = word_bits(w, 16);
  long double ld[6] = {1.25L, 2.5L, 3.75L, 5.0L, 6.25L, 7.5L};
  long double lsum;
#pragma dosc task
  lsum = long_sum(ld, 6, 0.125L);
  bool flags[9] = {true, false, true, true, false, false, true, false, true};
  int trues;
#pragma dosc task
  trues = count_true(flags, 9, true);
  double complex z[4] = {1 + 2 * I, 3 - I, -2 + 0.5 * I, 4};
#pragma dosc task
  rotate_all(z, 4, 0.5 + 0.5 * I);
#pragma dosc taskwait
  double m0[3] = {1, 2, 3}, m1[3] = {4, 5, 6}, m2[3] = {7, 8, 9};
  double *rows[3] = {m0, m1, m2};
  double rs[3];
#pragma dosc task
  row_sums(rows, 3, 3, rs);
  const char *names[3] = {"alpha", "beta", "gamma"};
  int tl;
#pragma dosc task
  tl = total_length(names, 3);
#pragma dosc taskwait
  int vals[5] = {5, 4, 3, 2, 1};
#pragma dosc task
  report(stdout, vals, 5);
#pragma dosc taskwait
  int store[6] = {0};
  struct owner o = {6, store};
#pragma dosc task
  fill_owner(&o, 40);
  int sp;
#pragma dosc task
  sp = same_place(vals, vals, 3);
#pragma dosc taskwait
  double s = ps + bits + (double)lsum + trues + tl + sp;
  for (int i = 0; i < 10; i++) s += d[i] * (i + 1);
  for (int i = 0; i < 4; i++) s += creal(z[i]) * (i + 1) + cimag(z[i]) * (i + 7);
  for (int i = 0; i < 3; i++) s += rs[i] * (i + 2);
  for (int i = 0; i < 6; i++) s += store[i] * (i + 3);
  printf("argument kinds: %.6f\n", s);
  return 0;
}
