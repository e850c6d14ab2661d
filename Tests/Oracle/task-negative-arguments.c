/* Remote attack: integer arguments that are negative where the analysis assumed sizes (its
   figures are simplified assuming the task's integer parameters are non-negative): a lag
   `a[i + k]` with k = -4 (footprint first 0, count k+n, while a[-4..3] are read), and a stride
   `a[n + i*s]` with s = -3 beside two fixed cells (a footprint [0, 2n] while the walk reaches
   a[-17]; rank 1 wrote past its buffer and aborted). Such a spawn must stay on rank 0. */
#include <stdio.h>
#include <stdlib.h>

void lag(int *a, int n, int k) {
  for (int i = 0; i < n; i++) a[i] += a[i + k];
}

void walk(int *a, int n, int s) {
  a[0] += 1;
  a[2 * n] += 2;
  for (int i = 0; i < n; i++) a[n + i * s] += i + 1;
}

int main(void) {
  int N = 200, *a = calloc(N, sizeof(int));
  for (int i = 0; i < N; i++) a[i] = i * i % 17;
#pragma dosc task
  lag(a + 8, 8, -4);
#pragma dosc task
  lag(a + 32, 8, 3);
#pragma dosc taskwait
#pragma dosc task
  walk(a + 100, 10, -3);
#pragma dosc task
  walk(a + 140, 10, 2);
#pragma dosc taskwait
  long t = 0;
  for (int i = 0; i < N; i++) t += (long)a[i] * (i + 1);
  printf("%ld\n", t);
  return 0;
}
