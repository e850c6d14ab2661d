/* Pointer and parameter forms of the programs above, each alone: a halo read below the
   argument (`p[-1]`, called with `a + lo`), a `size_t` loop counting down (`i-- > 0`), bytes
   of doubles walked through `unsigned char *`, an array inside a struct indexed by a parameter
   (`s->v[i]`), rows of a 2-D array parameter (`int a[][8]`), `long long` bounds, a helper
   given `a + lo` and `hi - lo` that reads one past (`<=`), a chain of three helpers each adding
   an offset, a pointer walk `while (n--) *p++ = ...`, a pointer-compared loop
   `for (p = a + lo; p < a + hi; p++)`, a struct passed by pointer whose array field is read
   from `lo` on, and a task given `&a[i][j]` of a 2-D array. */
#include <stddef.h>
#include <stdio.h>
#include <string.h>

void halo_below(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] = 0.5 * (p[i - 1] + p[i + 1]) + p[i];
}
void count_down(int *a, size_t n) {
  for (size_t i = n; i-- > 0;) a[i] += (int)i;
}
unsigned byte_sum(const double *x, int n) {
  const unsigned char *b = (const unsigned char *)x;
  unsigned s = 0;
  for (size_t i = 0; i < sizeof(double) * (size_t)n; i++) s = s * 31 + b[i];
  return s;
}
struct holder {
  int tag;
  int v[16];
};
void inner_array(struct holder *s, int lo, int hi) {
  for (int i = lo; i < hi; i++) s->v[i] = s->tag * i;
}
void rows_of(int a[][8], int r0, int r1) {
  for (int i = r0; i < r1; i++)
    for (int j = 0; j < 8; j++) a[i][j] = i * 8 + j;
}
void long_bounds(short *a, long long lo, long long hi) {
  for (long long i = lo; i < hi; i++) a[i] = (short)(a[i] + 3);
}
static int read_inclusive(const int *p, int n) {
  int s = 0;
  for (int i = 0; i <= n; i++) s += p[i];
  return s;
}
int through_helper(const int *a, int lo, int hi) { return read_inclusive(a + lo, hi - lo); }
static void level3(int *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 100;
}
static void level2(int *p, int n) { level3(p + 2, n); }
static void level1(int *p, int n) { level2(p + 3, n - 1); }
void chain(int *a, int lo, int n) { level1(a + lo, n); }
void walk(int *p, int n) {
  while (n--) *p++ = 42;
}
void compared(int *a, int lo, int hi) {
  for (int *p = a + lo; p < a + hi; p++) *p *= -1;
}
struct series {
  int n;
  double values[32];
};
double tail_sum(const struct series *s, int lo) {
  double t = 0;
  for (int i = lo; i < s->n; i++) t += s->values[i];
  return t;
}
void block_at(int *corner, int ld, int h, int w) {
  for (int i = 0; i < h; i++)
    for (int j = 0; j < w; j++) corner[i * ld + j] += 1;
}

int main(void) {
  double x[20];
  for (int i = 0; i < 20; i++) x[i] = i;
#pragma dosc task
  halo_below(x + 5, 6);
#pragma dosc taskwait
  int a[40];
  for (int i = 0; i < 40; i++) a[i] = i;
#pragma dosc task
  count_down(a, 10);
  unsigned bs;
#pragma dosc task
  bs = byte_sum(x, 4);
  struct holder h = {3, {0}};
#pragma dosc task
  inner_array(&h, 4, 12);
  int grid[6][8];
  memset(grid, 0, sizeof grid);
#pragma dosc task
  rows_of(grid, 2, 5);
  short sh[30] = {0};
#pragma dosc task
  long_bounds(sh, 7, 19);
#pragma dosc taskwait
  int r;
#pragma dosc task
  r = through_helper(a, 12, 20);
#pragma dosc taskwait
#pragma dosc task
  chain(a, 10, 6);
#pragma dosc taskwait
#pragma dosc task
  walk(a + 30, 5);
#pragma dosc task
  compared(a, 0, 8);
  struct series sr = {20, {0}};
  for (int i = 0; i < 32; i++) sr.values[i] = i * 0.5;
  double ts;
#pragma dosc task
  ts = tail_sum(&sr, 6);
  int m[10][10];
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 10; j++) m[i][j] = i - j;
#pragma dosc task
  block_at(&m[2][3], 10, 4, 5);
#pragma dosc taskwait
  long s = (long)bs % 1000 + r + (long)ts;
  for (int i = 0; i < 20; i++) s += (long)(x[i] * 8) * (i + 1);
  for (int i = 0; i < 40; i++) s += a[i] * (i + 2);
  for (int i = 0; i < 16; i++) s += h.v[i] * (i + 1);
  for (int i = 0; i < 6; i++)
    for (int j = 0; j < 8; j++) s += grid[i][j] * (i + j);
  for (int i = 0; i < 30; i++) s += sh[i] * (i + 1);
  for (int i = 0; i < 10; i++)
    for (int j = 0; j < 10; j++) s += m[i][j] * (i * 10 + j);
  printf("pointer forms: %ld\n", s);
  return 0;
}
