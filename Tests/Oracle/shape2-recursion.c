/* Issue 7, shape 2: recursion over the call graph, not only a task calling itself. `descend`
   is a task that calls the plain function `step`, which spawns `descend` again (the shape of
   n-queens once a task's block is outlined); `ping` and `pong` are two tasks spawning each
   other. Every invocation's figures must cover its whole subtree. */
#include <stdio.h>
#include <stdlib.h>

long descend(const int *a, int n, int depth);

static long step(const int *a, int n, int depth) {
  if (depth == 0 || n < 2) return a[0];
  long s;
#pragma dosc task
  s = descend(a + 1, n - 1, depth - 1);
#pragma dosc taskwait
  return s + a[0];
}

long descend(const int *a, int n, int depth) { return step(a, n, depth) + a[n - 1]; }

void pong(int *a, int n);

void ping(int *a, int n) {
  if (n <= 0) return;
  a[0] += 1;
#pragma dosc task
  pong(a + 1, n - 1);
#pragma dosc taskwait
}

void pong(int *a, int n) {
  if (n <= 0) return;
  a[0] += 2;
#pragma dosc task
  ping(a + 1, n - 1);
#pragma dosc taskwait
}

int main(void) {
  enum { N = 12 };
  int *a = malloc(sizeof(int) * N), *b = calloc(N, sizeof(int));
  for (int i = 0; i < N; i++) a[i] = i + 1;
  long s;
#pragma dosc task
  s = descend(a, N, 5);
#pragma dosc task
  ping(b, N);
#pragma dosc taskwait
  long check = 0;
  for (int i = 0; i < N; i++) check = check * 3 + b[i];
  printf("descend %ld ping %ld\n", s, check);
  free(a);
  free(b);
  return 0;
}
