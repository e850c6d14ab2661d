/* Naive Fibonacci: both recursive calls spawned as tasks. */
#include <stdio.h>
#include <stdlib.h>

long fib(int n) {
  if (n < 2) return n;
  long x, y;
#pragma dosc task
  x = fib(n - 1);
#pragma dosc task
  y = fib(n - 2);
#pragma dosc taskwait
  return x + y;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 30;
  long result;
#pragma dosc task
  result = fib(n);
#pragma dosc taskwait
  printf("fib(%d) = %ld\n", n, result);
  return 0;
}
