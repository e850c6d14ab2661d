/* C library calls and aliasing shapes beside the suites' kernels (branch unseen5), each a task:
   qsort of a chunk, frexp/modf writing through their pointer arguments, sprintf/strcpy/
   strncpy/strcat into computed places, a strtol walk (`p = end`, where `end` is set through
   `&end`: `text` was `access: none` for a task that reads it), bsearch, memcpy of
   `sizeof(double[4]) * n`, memmove within one parameter, memset of structs, `s + strlen(s)`;
   two parameters into one array (`shift_up(b + 1, b, 8)`), a union's other member, a `char *`
   view written at byte offsets, a task's own realloc'd buffer, `restrict`, recursion through a
   function pointer, a local VLA, a `goto` out of two loops, a negative stride from the end,
   struct-of-arrays by value and through a pointer. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
static int cmp_int(const void *a, const void *b) { int x = *(const int *)a, y = *(const int *)b; return (x > y) - (x < y); }
void sort_chunk(int *a, int lo, int hi) { qsort(a + lo, (size_t)(hi - lo), sizeof *a, cmp_int); }
void split_exponents(const double *x, double *mant, int *expo, int n) {
  for (int i = 0; i < n; i++) mant[i] = frexp(x[i], &expo[i]);
}
void split_parts(const double *x, double *frac, double *whole, int n) {
  for (int i = 0; i < n; i++) frac[i] = modf(x[i], whole + i);
}
void format_cells(char *out, const int *v, int lo, int hi) {
  for (int i = lo; i < hi; i++) sprintf(out + 8 * i, "%7d", v[i]);
}
void copy_names(char *dst, const char *src, int n) {
  for (int i = 0; i < n; i++) strcpy(dst + 16 * i, src + 16 * i);
}
void pad_names(char *dst, const char *src, int n) {
  for (int i = 0; i < n; i++) strncpy(dst + 16 * i, src + 16 * i, 16);
}
void join_names(char *dst, const char *src, int n) {
  dst[0] = 0;
  for (int i = 0; i < n; i++) strcat(dst, src + 16 * i);
}
void parse_ints(const char *text, int *out, int n) { /* p lost track of: text was access: none */
  const char *p = text;
  for (int i = 0; i < n; i++) { char *end; out[i] = (int)strtol(p, &end, 10); p = end; }
}
int find_key(const int *sorted, int n, int key) {
  const int *hit = bsearch(&key, sorted, (size_t)n, sizeof *sorted, cmp_int);
  return hit ? (int)(hit - sorted) : -1;
}
void copy_chunk(double *dst, const double *src, int n) { memcpy(dst, src, sizeof(double[4]) * (size_t)n); }
void shift_right(int *a, int n) { memmove(a + 1, a, (size_t)(n - 1) * sizeof *a); }
struct rec { double w; int id; char tag[4]; };
void clear_recs(struct rec *r, int lo, int hi) { memset(r + lo, 0, (size_t)(hi - lo) * sizeof(struct rec)); }
void clear_tail(char *s, int n) { memset(s + strlen(s), '.', (size_t)n); }
void shift_up(int *dst, const int *src, int n) { for (int i = 0; i < n; i++) dst[i] = src[i]; }
union cell { float f[4]; uint32_t u[4]; };
void flip_signs(union cell *c, int lo, int hi) { for (int i = lo; i < hi; i++) for (int k = 0; k < 4; k++) c[i].u[k] ^= 0x80000000u; }
void patch_bytes(double *d, int lo, int hi) {
  char *b = (char *)d;
  for (int i = lo; i < hi; i++) { uint32_t x = (uint32_t)i; memcpy(b + 8 * i + 4, &x, 4); }
}
void grow_copy(int *out, const int *in, int n) {
  int *buf = NULL; int cap = 0;
  for (int i = 0; i < n; i++) { if (i >= cap) { cap = cap ? 2 * cap : 2; buf = realloc(buf, (size_t)cap * sizeof *buf); } buf[i] = in[i] * 3; }
  memcpy(out, buf, (size_t)n * sizeof *out); free(buf);
}
void saxpy_r(int n, float a, const float *restrict x, float *restrict y) { for (int i = 0; i < n; i++) y[i] += a * x[i]; }
typedef long (*visit_t)(const long *, int, int);
static long visit(const long *a, int lo, int hi);
static long through(const long *a, int lo, int hi, visit_t v) { return v(a, lo, hi); }
static long visit(const long *a, int lo, int hi) { if (hi - lo <= 2) { long s = 0; for (int i = lo; i < hi; i++) s += a[i]; return s; } int m = (lo + hi) / 2; return through(a, lo, m, visit) + through(a, m, hi, visit); }
long sum_fp(const long *a, int n) { return visit(a, 0, n); }
void vla_local(double *out, const double *in, int n) {
  double tmp[n];
  for (int i = 0; i < n; i++) tmp[n - 1 - i] = in[i];
  for (int i = 0; i < n; i++) out[i] = tmp[i] + i;
}
int find_pair(const int *a, int n, int target, int *where) {
  for (int i = 0; i < n; i++)
    for (int j = i + 1; j < n; j++)
      if (a[i] + a[j] == target) { where[0] = i; where[1] = j; goto found; }
  return 0;
found:
  return 1;
}
void neg_stride(double *a, int n, int stride) { for (int i = 0; i < n; i++) a[(n - 1 - i) * stride] += 1; }
struct soa { double *x, *y; int n; };
void soa_scale(struct soa s, double f) { for (int i = 0; i < s.n; i++) { s.x[i] *= f; s.y[i] -= f; } }
void soa_ptr(struct soa *s, int lo, int hi) { for (int i = lo; i < hi; i++) s->x[i] += s->y[i]; }
int main(void) {
  int *a = malloc(40 * sizeof(int)); for (int i = 0; i < 40; i++) a[i] = (i * 17) % 23;
  #pragma dosc task
  sort_chunk(a, 10, 30);
  double *x = malloc(10 * sizeof(double)), *m = malloc(10 * sizeof(double)), *f = malloc(10 * sizeof(double)), *w = malloc(10 * sizeof(double));
  int *e = malloc(10 * sizeof(int));
  for (int i = 0; i < 10; i++) x[i] = i * 3.7 - 11;
  #pragma dosc task
  split_exponents(x, m, e, 10);
  #pragma dosc task
  split_parts(x, f, w, 10);
  char *cells = malloc(8 * 12 + 1); memset(cells, ' ', 8 * 12 + 1); cells[96] = 0;
  #pragma dosc task
  format_cells(cells, a, 2, 12);
  char *src = calloc(64, 1), *dst = malloc(64), *pad = malloc(64), *joined = malloc(64);
  strcpy(src, "alpha"); strcpy(src + 16, "beta"); strcpy(src + 32, "gamma"); strcpy(src + 48, "delta");
  #pragma dosc task
  copy_names(dst, src, 4);
  #pragma dosc task
  pad_names(pad, src, 4);
  #pragma dosc task
  join_names(joined, src, 4);
  int *parsed = malloc(5 * sizeof(int));
  char *text = malloc(32);
  strcpy(text, "12 -7 300 41 5");
  #pragma dosc task
  parse_ints(text, parsed, 5);
  #pragma dosc taskwait
  int where;
  #pragma dosc task
  where = find_key(a + 10, 20, a[15]);
  double *big = malloc(16 * sizeof(double)), *copy = malloc(16 * sizeof(double)); for (int i = 0; i < 16; i++) big[i] = i;
  #pragma dosc task
  copy_chunk(copy, big, 4);
  int *sh = malloc(8 * sizeof(int));
  for (int i = 0; i < 8; i++) sh[i] = i + 1;
  #pragma dosc task
  shift_right(sh, 8);
  struct rec *recs = malloc(6 * sizeof(struct rec)); for (int i = 0; i < 6; i++) recs[i] = (struct rec){i, i, "ab"};
  #pragma dosc task
  clear_recs(recs, 1, 4);
  char *tail = calloc(20, 1);
  strcpy(tail, "abc");
  #pragma dosc task
  clear_tail(tail, 5);
  #pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < 40; i++) s += a[i] * (i + 1);
  for (int i = 0; i < 10; i++) s += (long)(m[i] * 100) + e[i] + (long)(f[i] * 100) + (long)w[i];
  printf("%s|%s|%s|%s|%s|%s|%ld\n", cells, dst, dst + 16, pad + 32, joined, tail, s);
  for (int i = 0; i < 5; i++) printf("%d ", parsed[i]);
  for (int i = 0; i < 16; i++) printf("%g ", copy[i] * (i < 16));
  for (int i = 0; i < 8; i++) printf("%d ", sh[i]);
  for (int i = 0; i < 6; i++) printf("%g/%d ", recs[i].w, recs[i].id);
  printf("%d\n", where);
    #pragma dosc taskwait

  int *b = malloc(16 * sizeof(int)); for (int i = 0; i < 16; i++) b[i] = i;
  #pragma dosc task
  shift_up(b + 1, b, 8);
  #pragma dosc taskwait
  union cell *c = malloc(6 * sizeof *c); for (int i = 0; i < 24; i++) c[i / 4].f[i % 4] = i;
  #pragma dosc task
  flip_signs(c, 1, 5);
  double *dd = calloc(10, sizeof(double));
  #pragma dosc task
  patch_bytes(dd, 2, 7);
  int *in = malloc(9 * sizeof(int)), *out = malloc(9 * sizeof(int)); for (int i = 0; i < 9; i++) in[i] = i;
  #pragma dosc task
  grow_copy(out, in, 9);
  float *fx = malloc(8 * sizeof(float)), *fy = malloc(8 * sizeof(float)); for (int i = 0; i < 8; i++) fx[i] = i, fy[i] = 1;
  #pragma dosc task
  saxpy_r(8, 2.0f, fx, fy);
  long *l = malloc(9 * sizeof(long)), total; for (int i = 0; i < 9; i++) l[i] = i * i;
  #pragma dosc task
  total = sum_fp(l, 9);
  double *vi = malloc(7 * sizeof(double)), *vo = malloc(7 * sizeof(double)); for (int i = 0; i < 7; i++) vi[i] = i * 1.5;
  #pragma dosc task
  vla_local(vo, vi, 7);
  int *pair = malloc(2 * sizeof(int)), ok;
  #pragma dosc task
  ok = find_pair(b, 16, 21, pair);
  double *ns = calloc(20, sizeof(double));
  #pragma dosc task
  neg_stride(ns, 5, 3);
  struct soa so; so.x = malloc(6 * sizeof(double)); so.y = malloc(6 * sizeof(double)); so.n = 6;
  for (int i = 0; i < 6; i++) so.x[i] = i, so.y[i] = 2 * i;
  #pragma dosc task
  soa_scale(so, 2.0);
  #pragma dosc taskwait
  #pragma dosc task
  soa_ptr(&so, 1, 5);
  
  #pragma dosc taskwait
  long sum = s + total + ok * 1000 + pair[0] * 10 + pair[1];
  for (int i = 0; i < 16; i++) sum += b[i] * (i + 1);
  for (int i = 0; i < 24; i++) sum += (long)c[i / 4].u[i % 4] % 1000;
  for (int i = 0; i < 10; i++) { uint64_t bits; memcpy(&bits, dd + i, 8); sum += (long)(bits >> 32) * (i + 1); }
  for (int i = 0; i < 9; i++) sum += out[i];
  for (int i = 0; i < 8; i++) sum += (long)fy[i];
  for (int i = 0; i < 7; i++) sum += (long)(vo[i] * 10);
  for (int i = 0; i < 20; i++) sum += (long)ns[i] * i;
  for (int i = 0; i < 6; i++) sum += (long)(so.x[i] * 10 + so.y[i]);
  printf("more: %ld\n", sum);
    return 0;
}
