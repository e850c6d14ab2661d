/* Addresses related across parameters (cilksort's `high2 - low2 > high1 - low1`, a merge's
   `low1 <= high1`, `p == q` tests for aliasing, offsets `p - base`): another rank receives each
   pointer parameter's data in a buffer of its own, so a comparison or difference of two
   parameters' addresses (even into one array) gave another answer there. These tasks touch
   nothing through the compared pointers (`access: none`), so no footprint showed it: a wrong
   answer under remote before the analyzer said why they stay on rank 0; so did an address
   made a number (`(uintptr_t)p % 4096`). Beside them, relations within one parameter's
   memory, which hold on any rank. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

long offset_of(const int *p, const int *base, int reps) {
  long s = 0;
  for (int r = 0; r < reps; r++) s += (p - base) * r;
  return s;
}
long ordered(const int *p, const int *q, int reps) {
  long s = 0;
  for (int r = 0; r < reps; r++) s += (p < q) ? r : -r;
  return s;
}
long same(const int *p, const int *q, int reps) {
  long s = 0;
  for (int r = 0; r < reps; r++) s += (p == q) ? r : 2 * r;
  return s;
}
static ptrdiff_t apart(const double *x, const double *y) { return x - y; }
long through_helper(const double *x, const double *y, int reps) {
  long s = 0;
  for (int r = 0; r < reps; r++) s += apart(x, y) + r;
  return s;
}
/* The longer of two sorted runs first, as cilkmerge decides. */
long longer_first(const int *low1, const int *high1, const int *low2, const int *high2) {
  return (high2 - low2 > high1 - low1) ? 2 : 1;
}
/* An address made a number: whether the data starts a page (a peeled loop's test). */
long on_page_start(const double *x, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += ((uintptr_t)x % 4096 == 0) * 1000 + (long)x[i];
  return s;
}
long within(const int *a, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += (a + i < a + n / 2) ? a[i] : -a[i];
  return s + (a + n - a);
}

int main(void) {
  int a[64];
  double d[16] = {0};
  static double page[1024] __attribute__((aligned(4096)));
  for (int i = 0; i < 1024; i++) page[i] = i % 7;
  for (int i = 0; i < 64; i++) a[i] = i;
  long r[14];
  for (int k = 0; k < 2; k++) {
#pragma dosc task
    r[k] = offset_of(a + 5 + k, a, 1000);
#pragma dosc task
    r[2 + k] = ordered(a + 5 * k, a + 5, 1000);
#pragma dosc task
    r[4 + k] = same(a + 5 * k, a + 5, 1000);
#pragma dosc task
    r[6 + k] = through_helper(d + 3 * k, d, 1000);
#pragma dosc task
    r[8 + k] = longer_first(a, a + 10 * k, a + 20, a + 25);
#pragma dosc task
    r[10 + k] = within(a + 8 * k, 40);
#pragma dosc task
    r[12 + k] = on_page_start(page + 512 * k, 512);
  }
#pragma dosc taskwait
  for (int k = 0; k < 14; k++) printf("%ld\n", r[k]);
  return 0;
}
