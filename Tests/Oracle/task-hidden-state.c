/* Remote attack: state a task keeps that is not a parameter: a function-static counter and a
   static scratch array (the task's, but not per call), and results returned through pointers
   to the caller's scalars (`minmax(a, n, &lo, &hi)`). */
#include <stdio.h>
#include <stdlib.h>

int counted_sum(const int *a, int n) {
  static int calls;
  calls++;
  int s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s + calls;
}

double smoothed_peak(const double *a, int n) {
  static double scratch[64];
  double best = 0;
  for (int i = 0; i < n && i < 64; i++) scratch[i] = a[i] * 0.5;
  for (int i = 0; i < n && i < 64; i++)
    if (scratch[i] > best) best = scratch[i];
  return best;
}

void minmax(const int *a, int n, int *low, int *high) {
  int l = a[0], h = a[0];
  for (int i = 1; i < n; i++) {
    if (a[i] < l) l = a[i];
    if (a[i] > h) h = a[i];
  }
  *low = l;
  *high = h;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 30;
  int *a = malloc(sizeof(int) * (size_t)n);
  double *d = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n; i++) a[i] = (i * 37) % 23 - 11, d[i] = (i * 7) % 13;
  int sums[3];
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    sums[k] = counted_sum(a + k, n - 3);
#pragma dosc taskwait
  }
  double peak;
#pragma dosc task
  peak = smoothed_peak(d, n);
  int low, high;
#pragma dosc task
  minmax(a, n, &low, &high);
#pragma dosc taskwait
  printf("sums %d %d %d peak %.1f range %d..%d\n", sums[0], sums[1], sums[2], peak, low, high);
  free(a);
  free(d);
  return 0;
}
