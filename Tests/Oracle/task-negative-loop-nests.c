/* More loop variables that run negative, counted from their least value (see
   task-negative-loop-distances.c): an inner loop whose least value is the outer variable (both
   renamed, the inner's origin in the outer's symbol), an inner variable that hides an outer one
   of the same name, a `break` whose exit value is used, a guard on the sign, `?:` of the
   variable's sign, and a variable that steps by a parameter. */
#include <stdio.h>

/* j from i to -1, i from -3: the inner count max(-i, 0), summed; a[j + 3] in [0, 2]. */
void inner_from_outer(double *a, int n) {
  for (int i = -3; i < n; i++)
    for (int j = i; j < 0; j++) a[j + 3] += 1;
}

/* An inner `i` from -2 hides the outer `i` from 0; after it the outer one is itself again. */
void hidden(double *a, int n) {
  for (int i = 0; i < n; i++) {
    for (int i = -2; i < 3; i++) a[i + 2] += 1;
    a[i + 10] += 2;
  }
}

/* A `break` leaves anywhere from -5 to n: a[i + 5] after the loop. */
void breaks(double *a, const double *b, int n) {
  int i;
  for (i = -5; i < n; i++)
    if (b[i + 5] > 0.55) break;
  a[i + 5] += 1;
}

/* Only the values >= 0 touch a; the others b[-i]. */
void guarded(double *a, double *b, int n) {
  for (int i = -4; i < n; i++) {
    if (i >= 0)
      a[i] += 1;
    else
      b[-i - 1] += 1;
  }
}

/* `?:` of the sign: |i|. */
void magnitude(double *a, int n) {
  for (int i = -n; i <= n; i++) a[i < 0 ? -i : i] += 1;
}

/* A step that is a parameter, from a negative start. */
void strided(double *a, int n, int s) {
  for (int i = -3 * s; i < n; i += s) a[i + 3 * s] += 1;
}

/* A down loop whose least value is a parameter expression that may be negative. */
void down_to_lo(double *a, int lo, int hi) {
  for (int i = hi; i >= lo - 3; i--) a[i - lo + 3] += 1;
}

int main(void) {
  static double a[256], b[64];
  for (int i = 0; i < 64; i++) b[i] = (i * 5) % 9 / 8.0;
  int sizes[3] = {0, 2, 5};
  for (int s = 0; s < 3; s++) {
    int n = sizes[s];
#pragma dosc task
    inner_from_outer(a, n);
#pragma dosc task
    hidden(a + 10, n);
#pragma dosc task
    breaks(a + 30, b + s, n);
#pragma dosc task
    guarded(a + 50, a + 60, n);
#pragma dosc task
    magnitude(a + 70, n);
#pragma dosc task
    strided(a + 80, 7, n + 1);
#pragma dosc task
    down_to_lo(a + 120, n, 6);
#pragma dosc taskwait
  }
  double sum = 0;
  for (int i = 0; i < 256; i++) sum += a[i] * (i % 13 + 1);
  printf("%.1f\n", sum);
  return 0;
}
