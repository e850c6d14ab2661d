/* Shape 2 of issue 7: recursion through a plain function (the task `walk` calls `branch`,
   which spawns `walk`) and mutual recursion between two tasks. Both are recursive: the
   runtime cuts the spawning off by depth. */
#include <stdio.h>
#include <stdlib.h>

long walk(int depth);

static long branch(int depth) {
  long a, b;
#pragma dosc task
  a = walk(depth - 1);
#pragma dosc task
  b = walk(depth - 2);
#pragma dosc taskwait
  return a + b;
}

long walk(int depth) {
  if (depth < 2) return 1;
  return branch(depth);
}

long odd_steps(int n);

long even_steps(int n) {
  if (n == 0) return 0;
  long r;
#pragma dosc task
  r = odd_steps(n - 1);
#pragma dosc taskwait
  return r + 1;
}

long odd_steps(int n) {
  if (n == 0) return 0;
  long r;
#pragma dosc task
  r = even_steps(n - 1);
#pragma dosc taskwait
  return r + 2;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 20;
  long w, e;
#pragma dosc task
  w = walk(n);
#pragma dosc task
  e = even_steps(n);
#pragma dosc taskwait
  printf("%ld %ld\n", w, e);
  return 0;
}
