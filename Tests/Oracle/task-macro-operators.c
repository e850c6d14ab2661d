/* Operators spelled inside macro bodies (unseen2), which libclang 14 does not name: a store
   `STORE(a, i, v)`, a `SWAP`, an increment `INC(x)`, a load `GET(p)`, a `do { ... } while (0)`
   setter, beside an index macro `IDX` and a sign `NEG` that only read. The analyzer took the
   hidden `=` and `++` for operators that only read: `out` was `access: read, writes: 0`, the
   task ran on another rank and its results never came back (wrong answer under remote). */
#include <stdio.h>
#include <stdlib.h>

#define STORE(a, i, v) ((a)[i] = (v))
#define SWAP(x, y) \
  {                \
    int t_ = x;    \
    x = y;         \
    y = t_;        \
  }
#define INC(x) ++(x)
#define GET(p) (*(p))
#define SET(a, k, skip)          \
  do {                           \
    if ((k) != (skip)) a[k] = 7; \
  } while (0)
#define IDX(i, j, ld) ((i) * (ld) + (j))
#define NEG(x) (-(x))

void fill(int *out, int n) {
  for (int i = 0; i < n; i++) STORE(out, i, i * 3);
}

void swaps(int *a, int n) {
  for (int i = 0; i + 1 < n; i += 2) SWAP(a[i], a[i + 1]);
}

void increments(int *a, int n) {
  for (int i = 0; i < n; i++) INC(a[i]);
}

int sum_through_macro(const int *a, int n) {
  int s = 0;
  for (int i = 0; i < n; i++) s += GET(a + i);
  return s;
}

void set_all_but(int *a, int n, int skip) {
  for (int i = 0; i < n; i++) SET(a, i, skip);
}

void negate_rows(int *out, const int *in, int ld, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < ld; j++) out[i * ld + j] = NEG(in[IDX(i, j, ld)]);
}

int main(void) {
  int *out = calloc(6, sizeof(int)), *b = malloc(sizeof(int) * 6), *c = malloc(sizeof(int) * 6);
  int *d = malloc(sizeof(int) * 6), *e = malloc(sizeof(int) * 12), *f = calloc(12, sizeof(int));
  for (int i = 0; i < 6; i++) b[i] = c[i] = i + 1, d[i] = -1;
  for (int i = 0; i < 12; i++) e[i] = i * i;
  int s;
#pragma dosc task
  fill(out, 6);
#pragma dosc task
  swaps(b, 6);
#pragma dosc task
  increments(c, 6);
#pragma dosc task
  s = sum_through_macro(e, 12);
#pragma dosc task
  set_all_but(d, 6, 2);
#pragma dosc task
  negate_rows(f, e, 4, 1, 3);
#pragma dosc taskwait
  for (int i = 0; i < 6; i++) printf("%d %d %d %d\n", out[i], b[i], c[i], d[i]);
  for (int i = 0; i < 12; i++) printf("%d ", f[i]);
  printf("sum %d\n", s);
  free(out), free(b), free(c), free(d), free(e), free(f);
  return 0;
}
