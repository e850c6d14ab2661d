/* More probes beside branch unseen10's suites, all sound on the analyzer of 46fc3d8 (kept so they
   stay so): loop forms (a `do`/`while` run once with lo > hi, `a[i + 1]` under `i += 2` over an odd
   span, a `short` counter wrapping to -32768 into the middle of a big array, `(i - 3) % n` and
   `(i - 8) >> 1` below zero, a counter used after its loop, `for (size_t i = n; i-- > lo;)`, a
   comma in the condition, `while (i++ < n)`, `do ... while (i-- > 0)`); values and names (a twin
   induction writing a parameter, `a[i - off]` with a `size_t` off, a gather bounded by two
   conditions, an index returned by a helper, loops spelled by a FOR macro, a non-const global
   stride changed before the spawn, a `static const` stride, `sizeof(arr)` of an array
   parameter); and stores that are not dense (a store in an arm that loops zero times, a switch
   without default, a store through `*(c ? &a[i] : &b[i])`, one field of a struct element, a
   return, a break or a continue in the loop, a conditional `do`, a float half of each double)
   beside two loops that together are dense. The program prints a checksum. */
#include <stddef.h>
#include <stdio.h>
void do_once(double *a, int lo, int hi) {
  int i = lo;
  do {
    a[i] = 1.0;
  } while (++i < hi);
}
void step2_plus1(double *a, int lo, int hi) {
  for (int i = lo; i < hi; i += 2) a[i + 1] += 1.0;
}
void short_counter(double *a, int n) {
  short c = 32760;
  for (int i = 0; i < n; i++) {
    a[c] += 1.0;
    c++;
  }
}
void neg_mod(double *a, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) a[(i - 3) % n] += 1.0;
}
void neg_shift(double *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) a[(i - 8) >> 1] += 1.0;
}
void after_loop(double *a, int n) {
  int k = 0;
  for (int i = 0; i < n; i++) k++;
  k++;
  a[k] = 2.0;
}
void size_down(double *a, size_t lo, size_t n) {
  for (size_t i = n; i-- > lo;) a[i] += 1.0;
}
void comma_cond(double *a, int lo, int hi) {
  int i;
  for (i = lo; i++, i < hi;) a[i] += 1.0;
}
void while_post(double *a, int n) {
  int i = 0;
  while (i++ < n) a[i] += 1.0;
}
void do_while_dec(double *a, int n) {
  int i = n;
  do a[i] += 1.0; while (i-- > 0);
}
static double run_p2(void) {
  static double big[70000];
  double a[64] = {0};
  double *m = a + 32;
#pragma dosc task
  do_once(a, 5, 3);
#pragma dosc taskwait
#pragma dosc task
  step2_plus1(a, 4, 9);
#pragma dosc taskwait
#pragma dosc task
  short_counter(big + 32768, 20);
#pragma dosc taskwait
#pragma dosc task
  neg_mod(m, 0, 10, 7);
#pragma dosc taskwait
#pragma dosc task
  neg_shift(m, 1, 12);
#pragma dosc taskwait
#pragma dosc task
  after_loop(a, 6);
#pragma dosc taskwait
#pragma dosc task
  size_down(a, 2, 9);
#pragma dosc taskwait
#pragma dosc task
  comma_cond(a, 3, 9);
#pragma dosc taskwait
#pragma dosc task
  while_post(a, 7);
#pragma dosc taskwait
#pragma dosc task
  do_while_dec(a, 5);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 64; i++) s += a[i] * (i + 1);
  for (int i = 32760; i < 32800 + 32768; i += 7) s += big[i];
  for (int i = 0; i < 70000; i++) s += big[i] * (i % 3);
  return s;
}
#define MIN(x, y) ((x) < (y) ? (x) : (y))
void twin_param(const double *B, double *BB, int order, int block, int jj) {
  int j, jg;
  for (jg = jj, j = 0; jg < MIN(jj + block, order); j++, jg++) BB[j] = B[jg];
}
void sub_off(double *a, int lo, int hi, size_t off) {
  for (int i = lo; i < hi; i++) a[i - off] = 1.0;
}
int gather(const double *in, int n, int maxn, int *out) {
  int k = 0;
  while (k < maxn && k < n && in[k] > 0) { out[k] = k; k++; }
  return k;
}
static int clampi(int i, int n) { return i < n ? i : n - 1; }
void via_helper(double *out, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) out[clampi(i, n)] += 1.0;
}
#define FOR(i, a, b) for (int i = (a); i < (b); ++i)
void macro_loops(double *out, int lo, int hi, int n) {
  FOR(i, lo, hi) FOR(j, 0, n) out[i * n + j] += i - j;
}
static int NG = 8;
void global_stride(double *a, int rows) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < 3; j++) a[i * NG + j] = i + j;
}
static const int NC = 8;
void const_stride(double *a, int rows) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < 3; j++) a[i * NC + j] = i + j;
}
void arr_param(double arr[10], int scale) {
  for (size_t i = 0; i < sizeof(arr) / sizeof(arr[0]); i++) arr[i] *= scale;
}
static double run_p3(void) {
  double B[40], BB[40] = {0}, a[64] = {0}, out[64] = {0};
  int idx[16] = {0};
  for (int i = 0; i < 40; i++) B[i] = i;
#pragma dosc task
  twin_param(B, BB, 10, 4, 8);
#pragma dosc taskwait
#pragma dosc task
  sub_off(a + 8, 0, 4, 2);
#pragma dosc taskwait
  int got;
#pragma dosc task
  got = gather(B + 1, 12, 16, idx);
#pragma dosc taskwait
#pragma dosc task
  via_helper(out, 0, 20, 15);
#pragma dosc taskwait
#pragma dosc task
  macro_loops(out, 1, 3, 7);
#pragma dosc taskwait
  NG = 12;
  double g[64] = {0};
#pragma dosc task
  global_stride(g, 5);
#pragma dosc taskwait
#pragma dosc task
  const_stride(a + 20, 5);
#pragma dosc taskwait
#pragma dosc task
  arr_param(B, 3);
#pragma dosc taskwait
  double s = got;
  for (int i = 0; i < 64; i++) s += a[i] * (i + 1) + out[i] * (i % 3) + g[i] * (i % 5);
  for (int i = 0; i < 40; i++) s += BB[i] * (i + 2) + B[i];
  for (int i = 0; i < 16; i++) s += idx[i];
  return s;
}
typedef struct { double x, y; } pt;
void arms_loop(double *a, int lo, int hi, int k) {
  for (int i = lo; i < hi; i++) {
    if (i < k) a[i] = 1.0;
    else for (int j = 0; j < k; j++) a[i] = j;
  }
}
void switch_nodefault(double *a, int n) {
  for (int i = 0; i < n; i++) switch (i % 3) {
    case 0: a[i] = 1; break;
    case 1: a[i] = 2; break;
    }
}
void ternary_lvalue(double *a, double *b, int n, int c) {
  for (int i = 0; i < n; i++) *(c ? &a[i] : &b[i]) = i;
}
void field_only(pt *p, int n) {
  for (int i = 0; i < n; i++) p[i].x = i;
}
void early_ret(double *a, int n, int stop) {
  for (int i = 0; i < n; i++) {
    if (i == stop) return;
    a[i] = i;
  }
}
void break_mid(double *a, int n, int stop) {
  for (int i = 0; i < n; i++) {
    a[i] = -1;
    if (i >= stop) break;
  }
}
void cont_skip(double *a, int n) {
  for (int i = 0; i < n; i++) {
    if (i == 2) continue;
    a[i] = i;
  }
}
void do_cond(double *a, int n, int flag) {
  int i = 0;
  if (flag) do { a[i] = i; } while (++i < n);
}
void two_loops(double *a, int n, int m) {
  for (int i = 0; i < n; i++) a[i] = 1;
  for (int i = n; i < m; i++) a[i] = 2;
}
void memset_part(double *a, int n) {
  for (int i = 0; i < n; i++) ((float *)&a[i])[0] = 1.0f;
}
static double run_p4(void) {
  double a[32], b[32];
  pt p[8];
  for (int r = 0; r < 32; r++) a[r] = b[r] = 100 + r;
  for (int r = 0; r < 8; r++) p[r].x = p[r].y = r;
  double s = 0;
#pragma dosc task
  arms_loop(a, 0, 10, 3);
#pragma dosc taskwait
  for (int r = 0; r < 32; r++) s += a[r] * (r + 1);
#pragma dosc task
  switch_nodefault(a, 12);
#pragma dosc taskwait
  for (int r = 0; r < 32; r++) s += a[r] * (r + 1);
#pragma dosc task
  ternary_lvalue(a, b, 6, 0);
#pragma dosc taskwait
#pragma dosc task
  field_only(p, 8);
#pragma dosc taskwait
#pragma dosc task
  early_ret(a + 12, 10, 4);
#pragma dosc taskwait
#pragma dosc task
  break_mid(a + 20, 8, 3);
#pragma dosc taskwait
#pragma dosc task
  cont_skip(b + 10, 6);
#pragma dosc taskwait
#pragma dosc task
  do_cond(b + 20, 4, 0);
#pragma dosc taskwait
#pragma dosc task
  two_loops(b, 3, 8);
#pragma dosc taskwait
#pragma dosc task
  memset_part(b + 24, 4);
#pragma dosc taskwait
  for (int r = 0; r < 32; r++) s += a[r] * (r + 1) + b[r] * (r + 2);
  for (int r = 0; r < 8; r++) s += p[r].x + 3 * p[r].y;
  return s;
}

int main(void) {
  printf("checksum %.3f\n", run_p2() + 2 * run_p3() + 3 * run_p4());
  return 0;
}
