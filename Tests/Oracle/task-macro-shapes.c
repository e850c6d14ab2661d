/* Index arithmetic spelled in macros, as real programs spell it: constants `(-1)` and `-2`,
   function-like macros with unparenthesized bodies (`NEXT(p) (p) + 1`, `SQ(x) x * x`,
   `IDX2(i, j) i * W + j`, `PREV(i) i - 1`), shifts, `%`, a clamp of conditionals, operators
   alone in a body (`PLUS`, `MINUSN`), a loop bound `LAST(n)`. Main at 7798796 took the operator
   next to the macro's use for one in its body: `NEXT(i) * 2` (i + 2) was 2*i, `TWICE(i) +
   HALF(i)` 2*(i+1), `ROW(i, ld) + 1` i+ld+1, `IDX2(i, 2) * 2` 20, each on a remotable task;
   every figure must be the truth or null. */
#include <stdio.h>
#define NEG1 (-1)
#define OFF -2
#define NEXT(p) (p) + 1
#define SQ(x) x * x
#define TWICE(x) ((x) << 1)
#define HALF(x) ((x) >> 1)
#define ROW(i, ld) (i) * (ld)
#define AT(a, i, j, ld) a[(i) * (ld) + (j)]
#define PLUS +
#define MINUSN - n
#define IDX2(i, j) i * W + j
#define W 5
#define LAST(n) ((n) - 1)
#define PREV(i) i - 1
#define MOD(i, n) ((i) % (n))
#define CLAMP(i, n) ((i) < 0 ? 0 : (i) >= (n) ? (n) - 1 : (i))
void t1(float *v, int n, int r) { for (int k = 0; k < r; k++) v[n + NEG1] += 1; }
void t2(float *v, int i, int r) { for (int k = 0; k < r; k++) v[i OFF] += 1; }
void t3(float *v, int i, int r) { for (int k = 0; k < r; k++) v[NEXT(i) * 2] += 1; }
void t4(float *v, int i, int r) { for (int k = 0; k < r; k++) v[SQ(i + 1)] += 1; }
void t5(float *v, int i, int r) { for (int k = 0; k < r; k++) v[TWICE(i) + HALF(i)] += 1; }
void t6(float *v, int i, int ld, int r) { for (int k = 0; k < r; k++) v[ROW(i, ld) + 1] += 1; }
void t7(float *v, int i, int ld, int r) { for (int k = 0; k < r; k++) AT(v, i, 2, ld) += 1; }
void t8(float *v, int i, int n, int r) { for (int k = 0; k < r; k++) v[i PLUS 3] += 1, v[i + 8 MINUSN] += 1; }
void t9(float *v, int i, int r) { for (int k = 0; k < r; k++) v[IDX2(i, 2) * 2] += 1; }
void t10(float *v, int n, int r) { for (int k = 0; k < r; k++) v[LAST(n) - LAST(2)] += 1; }
void t11(float *v, int i, int r) { for (int k = 0; k < r; k++) v[PREV(i) * 3] += 1; }
void t12(float *v, int i, int n, int r) { for (int k = 0; k < r; k++) v[MOD(i, n) + CLAMP(i, n)] += 1; }
void t13(float *v, int n, int r) { for (int k = 0; k < r; k++) for (int j = 0; j < LAST(n); j++) v[j + W] += 1; }
int main(void) {
  float v[200];
  for (int i = 0; i < 200; i++) v[i] = i;
#pragma dosc task
  t1(v, 10, 2);
#pragma dosc task
  t2(v, 20, 2);
#pragma dosc task
  t3(v, 30, 2);
#pragma dosc task
  t4(v, 40, 2);
#pragma dosc task
  t5(v, 50, 2);
#pragma dosc task
  t6(v, 11, 5, 2);
#pragma dosc task
  t7(v, 13, 7, 2);
#pragma dosc task
  t8(v, 110, 5, 2);
#pragma dosc task
  t9(v, 12, 2);
#pragma dosc task
  t10(v, 150, 2);
#pragma dosc task
  t11(v, 55, 2);
#pragma dosc task
  t12(v, 170, 9, 2);
#pragma dosc task
  t13(v, 9, 2);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 200; i++) s += v[i] * (i + 1);
  printf("checksum %.1f\n", s);
  return 0;
}
