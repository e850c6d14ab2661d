/* Remote attack: a task that frees or reallocates the memory it is given (a consumer that
   takes ownership; a grow step returning the moved block). On another rank, `free` hit the
   receive buffer (double free, rank 1 aborted); `realloc` copies the parameter's data, which
   the analysis did not count as a read. Neither may leave rank 0. */
#include <stdio.h>
#include <stdlib.h>

long consume(int *p, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += p[i];
  free(p);
  return s;
}

long grow_and_sum(int *p, int n) {
  int *q = realloc(p, sizeof(int) * 2 * (size_t)n);
  long s = 0;
  for (int i = 0; i < n; i++) q[n + i] = q[i] * 2;
  for (int i = 0; i < 2 * n; i++) s += q[i];
  free(q);
  return s;
}

int main(void) {
  int n = 32;
  long r[6];
  for (int t = 0; t < 6; t++) {
    int *p = malloc(sizeof(int) * n);
    for (int i = 0; i < n; i++) p[i] = i + t;
    if (t % 2 == 0) {
#pragma dosc task
      r[t] = consume(p, n);
    } else {
#pragma dosc task
      r[t] = grow_and_sum(p, n);
    }
  }
#pragma dosc taskwait
  long s = 0;
  for (int t = 0; t < 6; t++) s += r[t] * (t + 1);
  printf("%ld\n", s);
  return 0;
}
