/* Loop shapes counted since the loops helper (2026-11-28): do-while with its step last (the
   body runs once before the first test, also when the test fails at once), tests that step
   their variable (`i-- > 0`, `--i >= lo`, `i++ < n`, bare `i--`) in `for` and `while`, the
   variable on the right of its test (`n > i`); and their adversarial cases: zero trips, a
   `break`, a step in the body beside the test's, a bound changed in the body. Every figure must
   be the truth (or wider), or null. */
#include <stdio.h>
void dw(int *a, int n) { int i = 0; do { a[i] += 7; i++; } while (i < n); }
void dw_down(int *a, int lo, int hi) { int i = hi; do { a[i] += 7; i -= 2; } while (i >= lo); }
void dw_break(int *a, int n, int stop) { int i = 0; do { if (a[i] == stop) break; a[i] -= 1; i++; } while (i < n); }
void down_bare(int *a, int n) { for (int i = n; i--;) a[i] *= 3; }
void down_test(int *a, int n) { for (int i = n; i-- > 0;) a[i] += 1; }
void while_down(int *a, int n) { int i = n; while (i-- > 0) a[i] += 2; }
void while_pre(int *a, int lo, int n) { int i = n; while (--i >= lo) a[i] += 3; }
void while_up(int *a, int n) { int i = 0; while (i++ < n) a[i] += 4; }
void right_side(int *a, int n) { for (int i = 1; n > i; i++) a[i] += a[i - 1]; }
/* The start followed from an assignment before the loop; parameters changed before a loop. */
void walked_start(int *a, int lo, int hi) { int i; i = lo; while (i < hi) { a[i] += 8; i++; } }
void walked_do(int *a, int lo, int hi) { int i; i = lo + 1; do { a[i] -= 1; i += 1; } while (i < hi); }
void trimmed(int *a, int n) { n--; n--; for (int i = 0; i < n; i++) a[i + 2] += a[i]; }
/* Not counted (a second step in the body; the bound changes in the body; a parameter counted
   down in the loop; a start chosen by a branch): null or the truth. */
void param_countdown(int *a, int n) { while (n-- > 0) a[n] += 9; }
void unsigned_down(int *a, unsigned n) { for (unsigned i = n; i-- > 0;) a[i] += 1; }
void unsigned_wrap(int *a, unsigned n) { for (unsigned i = n; --i >= 0;) { if (i >= n) break; a[i] += 2; } }
void branch_start(int *a, int lo, int hi) { int i; i = lo; if (a[lo] > 3) i = lo + 2; while (i < hi) { a[i] += 1; i++; } }
void two_steps(int *a, int n) { int i = n; while (i-- > 0) { a[i] += 5; i--; } }
void moving_bound(int *a, int n, int lo) { int i = n; while (i-- > lo) { a[i] += 6; lo++; } }
int main(void) {
  int a[64];
  for (int i = 0; i < 64; i++) a[i] = i % 7;
#pragma dosc task
  dw(a, 9);
#pragma dosc task
  dw(a + 20, 0); /* runs once */
#pragma dosc taskwait
#pragma dosc task
  dw_down(a, 3, 20);
#pragma dosc task
  dw_down(a + 30, 9, 4); /* runs once */
#pragma dosc taskwait
#pragma dosc task
  dw_break(a, 12, 3);
#pragma dosc taskwait
#pragma dosc task
  down_bare(a, 11);
#pragma dosc task
  down_bare(a + 40, 0);
#pragma dosc taskwait
#pragma dosc task
  down_test(a, 13);
#pragma dosc task
  while_down(a + 20, 10);
#pragma dosc task
  while_down(a + 50, 0);
#pragma dosc taskwait
#pragma dosc task
  while_pre(a, 4, 15);
#pragma dosc task
  while_pre(a + 40, 6, 3);
#pragma dosc taskwait
#pragma dosc task
  while_up(a, 14);
#pragma dosc task
  right_side(a + 30, 12);
#pragma dosc taskwait
#pragma dosc task
  two_steps(a, 16);
#pragma dosc task
  moving_bound(a + 20, 18, 2);
#pragma dosc taskwait
#pragma dosc task
  walked_start(a, 5, 17);
#pragma dosc task
  walked_do(a + 30, 9, 2); /* runs once */
#pragma dosc taskwait
#pragma dosc task
  trimmed(a, 12);
#pragma dosc task
  param_countdown(a + 30, 8);
#pragma dosc taskwait
#pragma dosc task
  branch_start(a, 1, 11);
#pragma dosc task
  unsigned_down(a + 40, 9);
#pragma dosc taskwait
#pragma dosc task
  unsigned_wrap(a + 20, 7);
#pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < 64; i++) s = s * 3 + a[i];
  printf("%ld\n", s);
  return 0;
}
