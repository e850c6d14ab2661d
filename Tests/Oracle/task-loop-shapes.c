/* Loop shapes a converted program meets: reversed, counting down, inclusive, triangular,
   pointer-bounded, masked and modular indices, shifts, a bound changed in the body, do-while,
   break, steps, an unsigned char counter, min bounds, conditional indices, a 2-D cast, a
   negative stride (outside the figures' domain: kept on rank 0), a pre-decrement walk. */
#include <stdio.h>
#include <stdlib.h>
void rev(int *a, int n) { for (int i = 0; i < n; i++) a[n - 1 - i] += i; }
void down(int *a, int n) { for (int i = n; i--;) a[i] *= 3; }
void incl(int *a, int lo, int hi) { for (int i = lo; i <= hi; i++) a[i] += 1; }
void tri(int *a, int n) { for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) a[i * n + j] = i - j; }
void ptrloop(int *a, int n) { for (int *p = a; p < a + n; p++) *p += 2; }
void ptrne(int *a, int n) { int *e = a + n; for (int *p = a + 1; p != e; ++p) *p += p[-1]; }
void mask(int *a, int n) { for (int i = 0; i < 4 * n; i++) a[i & (n - 1)] += 1; }
void modidx(int *a, int n) { for (int i = 0; i < 3 * n; i++) a[i % n] += i; }
void shifted(int *a, int n) { for (int i = 0; i < n; i++) a[i << 1] = a[(i << 1) + 1]; }
void halved(int *a, int n) { for (int i = 0; i < n; i++) a[i >> 1] += a[n + i]; }
void shrink(int *a, int n) { for (int i = 0; i < n; i++) { a[i] += n; n--; } }
void dowhile(int *a, int n) { int i = 0; do { a[i] += 7; i++; } while (i < n); }
void breaker(int *a, int n, int stop) { for (int i = 0; i < n; i++) { if (a[i] == stop) break; a[i] = -a[i]; } }
void stepper(int *a, int n) { for (int i = 1; i < n; i += 3) a[i - 1] += a[i + 1]; }
void charidx(int *a, int n) { for (unsigned char c = 0; c < n; c++) a[c] ^= 5; }
void minbound(int *a, int n, int m) { for (int i = 0; i < (n < m ? n : m); i++) a[i] = 9; }
void cond(int *a, int n, int k) { for (int i = 0; i < n; i++) a[k > 0 ? i + k : i] += 1; }
void twoD(int (*g)[8], int r) { for (int i = 0; i < r; i++) for (int j = 0; j < 8; j++) g[i][j] += i * j; }
void negstride(int *a, int n, int s) { for (int i = 0; i < n; i++) a[i * s] += 1; }
void whilep(int *a, int n) { int *p = a + n; while (p > a) *--p += 1; }
int main(void) {
  int n = 16, N = 16 * 16;
  int *a = calloc(N, sizeof(int));
  for (int i = 0; i < N; i++) a[i] = i % 13;
#pragma dosc task
  rev(a, n);
#pragma dosc taskwait
#pragma dosc task
  down(a, n);
#pragma dosc taskwait
#pragma dosc task
  incl(a, 3, 9);
#pragma dosc taskwait
#pragma dosc task
  tri(a, n);
#pragma dosc taskwait
#pragma dosc task
  ptrloop(a, n);
#pragma dosc taskwait
#pragma dosc task
  ptrne(a, n);
#pragma dosc taskwait
#pragma dosc task
  mask(a, n);
#pragma dosc taskwait
#pragma dosc task
  modidx(a, n);
#pragma dosc taskwait
#pragma dosc task
  shifted(a, n);
#pragma dosc taskwait
#pragma dosc task
  halved(a, n);
#pragma dosc taskwait
#pragma dosc task
  shrink(a, n);
#pragma dosc taskwait
#pragma dosc task
  dowhile(a, n);
#pragma dosc taskwait
#pragma dosc task
  breaker(a, n, 5);
#pragma dosc taskwait
#pragma dosc task
  stepper(a, n);
#pragma dosc taskwait
#pragma dosc task
  charidx(a, n);
#pragma dosc taskwait
#pragma dosc task
  minbound(a, n, 5);
#pragma dosc taskwait
#pragma dosc task
  cond(a, n, 2);
#pragma dosc taskwait
#pragma dosc task
  twoD((int (*)[8])a, 4);
#pragma dosc taskwait
#pragma dosc task
  negstride(a + 100, 10, -3);
#pragma dosc taskwait
#pragma dosc task
  whilep(a, n);
#pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < N; i++) s += (long)a[i] * (i + 1);
  printf("%ld\n", s);
  return 0;
}
