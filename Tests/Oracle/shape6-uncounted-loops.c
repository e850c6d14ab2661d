/* Issue 7, shape 6: loops that are not counted. `for (i = 0; i < n; ++j)` steps j, not i; the
   body moves i only every other iteration, so the loop runs 2n times, not n. The figures must
   be null, or cover the iterations the loop really makes. */
#include <stdio.h>
#include <stdlib.h>

void touch_twice(int *a, int n) {
  int i, j = 0;
  for (i = 0; i < n; ++j) {
    a[i] += 1;
    if (j % 2 == 1) i++;
  }
}

/* The condition tests i, the increment steps j, the body indexes with j. */
void run_ahead(int *a, int n) {
  int i = 0, j;
  for (j = 0; i < n; ++j) {
    a[j] = j;
    i += (j % 3 == 0);
  }
}

/* i never moves: the loop runs until the break, 2n + 1 times, all on a[0]. Taken as counted
   in i, it would claim n accesses spread over a[0:n]. */
void stuck_index(int *a, int n) {
  int i, j = 0;
  for (i = 0; i < n; ++j) {
    a[i] += j;
    if (j == 2 * n) break;
  }
}

/* The same with a pre-decrement of the other variable. */
void stuck_countdown(int *a, int n) {
  int i, j = 0;
  for (i = n; i > 0; --j) {
    a[i - 1] += 1;
    if (j == -n) break;
  }
}

int main(void) {
  enum { N = 10 };
  int *a = calloc(N, sizeof(int)), *b = calloc(4 * N, sizeof(int)), *c = calloc(N, sizeof(int));
#pragma dosc task
  touch_twice(a, N);
#pragma dosc task
  run_ahead(b, N);
#pragma dosc taskwait
#pragma dosc task
  stuck_index(c, N);
#pragma dosc taskwait
#pragma dosc task
  stuck_countdown(c, N);
#pragma dosc taskwait
  long check = 0;
  for (int i = 0; i < N; i++) check = check * 3 + a[i];
  for (int i = 0; i < 4 * N; i++) check = check * 3 + b[i];
  for (int i = 0; i < N; i++) check = check * 3 + c[i];
  printf("%ld\n", check);
  free(a);
  free(b);
  free(c);
  return 0;
}
