/* Control and layout shapes beside the suites' kernels (branch unseen5), each a task: a loop
   made by `goto`, a loop variable stepped back in the body (`i--`, through a helper's `&i`,
   through a pointer `*ip` taken before the loop), a loop made by setjmp/longjmp, a variadic
   task reading `va_arg` pointers, `i[a]`, Numerical Recipes' one-based `x - 1`, a negative
   index from the end, `m[0][i]` over a whole matrix, the "struct hack" `d[1]` and a flexible
   array member indexed past their extent, byte and short wrap-around indices, a bound changed
   through a pointer and a global changed by a helper, a helper through a function pointer,
   `switch` fall-through, and a VLA row indexed one past its end (`c <= cols`).
   Found wrong before this branch: flat_rows (rank 1 stored past the 32 bytes shipped),
   flexible, jump_loop, retry_alias (figures short of the run), fill2d (a store in the next row). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
void goto_loop(int *a, int lo, int hi) {
  int i = lo;
top:
  a[i] += 3;
  i++;
  if (i < hi) goto top;
}
void retry(int *a, int n) {
  for (int i = 0; i < n; i++) {
    a[i]++;
    if (a[i] < 3) i--;
  }
}
static void back(int *i) { (*i)--; }
void retry_helper(int *a, int n) {
  for (int i = 0; i < n; i++) {
    a[i] += 2;
    if (a[i] < 5) back(&i);
  }
}
void retry_alias(int *a, int n) {
  int i;
  int *ip = &i;
  for (i = 0; i < n; i++) {
    a[i] += 1;
    if (a[i] < 4) (*ip)--;
  }
}
static jmp_buf env;
void jump_loop(int *a, int n) {
  volatile int i = 0;
  setjmp(env);
  if (i < n) { a[i] *= 2; i++; longjmp(env, 1); }
}
void sum_all(double *out, int n, ...) {
  va_list ap;
  va_start(ap, n);
  for (int k = 0; k < n; k++) { double *v = va_arg(ap, double *); out[k] = v[0] + v[1]; v[1] = 0; }
  va_end(ap);
}
void commuted(int *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) i[a] = i * 2;
}
void one_based(double *x, int n) {
  double *x1 = x - 1;
  for (int i = 1; i <= n; i++) x1[i] = x1[i] * 2 + i;
}
void backwards(double *a, int n) {
  double *end = a + n - 1;
  for (int i = 0; i < n; i++) end[-i] += i;
}
void flat_rows(double (*m)[4], int rows) {
  for (int i = 0; i < 4 * rows; i++) m[0][i] += 1;
}
struct hack { int n; double d[1]; };
void struct_hack(struct hack *h) {
  for (int i = 0; i < h->n; i++) h->d[i] = i * 1.5;
}
struct flex { int n; double d[]; };
void flexible(struct flex *f, int k) {
  for (int i = 0; i < k; i++) f->d[i] += i;
}
void byte_wrap(int *a, int k, int n) {
  for (int i = 0; i < n; i++) a[(unsigned char)(k + i)] += 1;
}
void short_wrap(int *a, int k, int n) {
  for (int i = 0; i < n; i++) a[(unsigned short)(k + i) % 300] += 1;
}
void bound_by_pointer(int *a, int n) {
  int *pn = &n;
  for (int i = 0; i < n; i++) { a[i] += 1; if (i == 2) (*pn)++; }
}
static int limit = 4;
static void grow(void) { limit++; }
void global_bound(int *a) {
  for (int i = 0; i < limit; i++) { a[i] -= 1; if (i == 1) grow(); }
}
typedef void (*op_t)(int *, int);
static void inc_op(int *a, int i) { a[i] += 7; }
void through_fn(int *a, op_t op, int n) {
  for (int i = 0; i < n; i++) op(a, i);
}
void fill2d(int rows, int cols, double m[rows][cols], int r0, int r1) {
  for (int r = r0; r < r1; r++)
    for (int c = 0; c <= cols; c++) m[r][c] = r + c;
}
void switch_fall(int *a, int n, int mode) {
  for (int i = 0; i < n; i++) {
    switch (mode) {
    case 2: a[i + 2] += 1; /* fall through */
    case 1: a[i + 1] += 1; /* fall through */
    default: a[i] += 1;
    }
  }
}
int main(void) {
  int *a = calloc(300, sizeof(int));
  for (int i = 0; i < 300; i++) a[i] = i % 5;
  #pragma dosc task
  goto_loop(a, 0, 10);
  #pragma dosc taskwait
  #pragma dosc task
  retry(a + 10, 10);
  #pragma dosc taskwait
  #pragma dosc task
  retry_helper(a + 20, 10);
  #pragma dosc taskwait
  #pragma dosc task
  retry_alias(a + 30, 10);
  #pragma dosc taskwait
  #pragma dosc task
  jump_loop(a + 40, 10);
  #pragma dosc taskwait
  double v1[2] = {1, 2}, v2[2] = {3, 4}, out[2];
  #pragma dosc task
  sum_all(out, 2, v1, v2);
  #pragma dosc taskwait
  #pragma dosc task
  commuted(a, 50, 60);
  #pragma dosc taskwait
  double *x = malloc(12 * sizeof(double)); for (int i = 0; i < 12; i++) x[i] = i;
  #pragma dosc task
  one_based(x, 6);
  #pragma dosc taskwait
  #pragma dosc task
  backwards(x + 6, 6);
  #pragma dosc taskwait
  double (*m)[4] = calloc(3, sizeof *m);
  #pragma dosc task
  flat_rows(m, 3);
  #pragma dosc taskwait
  struct hack *h = malloc(sizeof(struct hack) + 7 * sizeof(double)); h->n = 8;
  #pragma dosc task
  struct_hack(h);
  #pragma dosc taskwait
  struct flex *f = calloc(1, sizeof(struct flex) + 6 * sizeof(double)); f->n = 6;
  #pragma dosc task
  flexible(f, 6);
  #pragma dosc taskwait
  #pragma dosc task
  byte_wrap(a, 250, 10);
  #pragma dosc taskwait
  #pragma dosc task
  short_wrap(a, 65530, 10);
  #pragma dosc taskwait
  #pragma dosc task
  bound_by_pointer(a + 60, 5);
  #pragma dosc taskwait
  #pragma dosc task
  global_bound(a + 70);
  #pragma dosc taskwait
  #pragma dosc task
  through_fn(a + 80, inc_op, 5);
  #pragma dosc taskwait
  #pragma dosc task
  switch_fall(a + 90, 5, 2);
  #pragma dosc taskwait
  double (*grid)[4] = calloc(5, sizeof *grid);
  #pragma dosc task
  fill2d(4, 3, (double (*)[3])grid, 0, 3);
  #pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < 20; i++) s += (long)((double *)grid)[i] * (i + 1);
  for (int i = 0; i < 300; i++) s += (long)a[i] * (i + 1);
  for (int i = 0; i < 12; i++) s += (long)(x[i] * 10) * (i + 1);
  for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) s += (long)m[i][j] * (i * 4 + j + 1);
  for (int i = 0; i < 8; i++) s += (long)(h->d[i] * 10);
  for (int i = 0; i < 6; i++) s += (long)(f->d[i] * 10);
  printf("%ld %g %g %g\n", s, out[0], out[1], v2[1]);
  free(h); free(f); free(a); free(x); free(m); free(grid);
  return 0;
}
