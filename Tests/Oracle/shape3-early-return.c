/* Issue 7, shape 3: early returns. The figures may take the larger of the paths (or their sum:
   too large is sound); they must never be smaller than the path the run takes. */
#include <stdio.h>
#include <stdlib.h>

void flag_or_sum(int c, int *s, int n) {
  if (c) {
    *s = 1;
    return;
  }
  *s = 0;
  for (int i = 0; i < n; i++) *s += i;
}

/* Returns from inside the loop, and from before the second loop. */
int scan(const int *a, int *out, int n, int stop) {
  for (int i = 0; i < n; i++) {
    if (a[i] == stop) return i;
    out[i] = a[i] * 2;
  }
  if (n < 4) return -1;
  for (int i = 0; i < n; i++) out[i] += a[n - 1 - i];
  return n;
}

int main(void) {
  enum { N = 16 };
  int *s = malloc(sizeof(int) * 2), *a = malloc(sizeof(int) * N), *out = calloc(N, sizeof(int));
  for (int i = 0; i < N; i++) a[i] = (i * 5) % 11;
#pragma dosc task
  flag_or_sum(0, s, N);
#pragma dosc task
  flag_or_sum(1, s + 1, N);
  int found, full;
#pragma dosc taskwait
#pragma dosc task
  found = scan(a, out, N, 4);
#pragma dosc taskwait
#pragma dosc task
  full = scan(a, out, N, 99);
#pragma dosc taskwait
  long check = 0;
  for (int i = 0; i < N; i++) check = check * 7 + out[i];
  printf("%d %d %d %d %ld\n", s[0], s[1], found, full, check);
  free(s);
  free(a);
  free(out);
  return 0;
}
