/* Remote attack: a negative signed argument that no figure names. The figures assume every
   signed integer parameter is non-negative, and under k >= 0 a loop `for (i = k; i < 0; i++)`
   is empty, so `a[i + 60]` adds nothing: the footprint is [0, 60) and does not mention k.
   Shipped with k = -100 (a pointer into the middle of the array, so the C is well defined), the
   task wrote a[-40..-1] past its buffer on rank 1 (double free, abort) while rank 0 printed a
   wrong sum. The spawn checked only the parameters the figures mention; it must check them all.
   Beside it: a while loop that counts a negative k up, a guard `if (k < 0)` that reaches below
   the footprint, and the same tasks with non-negative arguments, which must still be shipped. */
#include <stdio.h>

void rise(double *a, int k) {
  for (int i = k; i < 0; i++) a[i + 60] = 4 + i;
  a[0] = 1;
}

void count_up(double *a, int k) {
  while (k < 0) {
    a[k + 50] += 2;
    k++;
  }
  a[1] = 3;
}

void below(double *a, int k, int n) {
  for (int i = 0; i < n; i++) a[i] = i + k;
  if (k < 0) a[k + 2] = 7;
}

int main(void) {
  static double a[600];
#pragma dosc task
  rise(a + 100, -100);
#pragma dosc task
  count_up(a + 300, -80);
#pragma dosc task
  below(a + 450, -20, 10);
#pragma dosc taskwait
#pragma dosc task
  rise(a + 520, 3); /* k > 0: the loop's trip count -k added to the store a[0] made writes
                       1 - k, below the 1 store made (task-negative-counts.c) */
#pragma dosc task
  count_up(a + 540, 0);
#pragma dosc task
  below(a + 560, 4, 10);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 600; i++) s += a[i] * (i % 13 + 1);
  printf("%.1f\n", s);
  return 0;
}
