/* Counts that go negative. A loop's count is a closed form, negative where its range is empty:
   `for (i = k; i < 0; i++)` runs -k times for k > 0. Added to another count it took from it:
   rise(a, 3) had writes 1 - k = -2 (work -3*(2k-1)) where one store is made. An inner loop's
   trip count 5 - i, negative for the outer loop's later values, summed over them gave 12 writes
   where 15 are made. A search loop whose first test reads b[0] at n = 0 had reads n - 1 + 1.
   Beside them: a helper called with i - 1 from i = 0 (none at i = 0, not -1) and from i = 1
   (never negative there: its figures stay exact, and the task remotable). */
#include <stdio.h>

void rise(double *a, int k) {
  for (int i = k; i < 0; i++) a[i + 60] = 4 + i;
  a[0] = 1;
}

void shrinking(double *a, int n) {
  for (int i = 0; i < n; i++)
    for (int j = i; j < 5; j++) a[j] += 1;
}

static double sum(const double *a, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += a[i];
  return s;
}

void prefix_from_zero(double *out, const double *a, int n) {
  for (int i = 0; i < n; i++) out[i] = sum(a, i - 1) + sum(a, 2);
}

void prefix_from_one(double *out, const double *a, int n) {
  for (int i = 1; i <= n; i++) out[i - 1] = sum(a, i - 1) + sum(a, 2);
}

void search(double *a, const double *b, int n) {
  int s = 0;
  while (b[s] < 0.5 && s < n - 1) s++;
  a[s] = 1;
}

int main(void) {
  static double a[200], b[16], out[32];
  for (int i = 0; i < 200; i++) a[i] = i % 11;
  for (int i = 0; i < 16; i++) b[i] = (i % 5) / 4.0;
#pragma dosc task
  rise(a, 3);
#pragma dosc task
  shrinking(a + 70, 8);
#pragma dosc task
  prefix_from_zero(out, a + 100, 8);
#pragma dosc task
  prefix_from_one(out + 16, a + 120, 8);
#pragma dosc task
  search(a + 150, b, 0);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 200; i++) s += a[i] * (i % 13 + 1);
  for (int i = 0; i < 32; i++) s += out[i] * (i + 1);
  printf("%.1f\n", s);
  return 0;
}
