/* Examples/fib/fib.c with OpenMP tasks instead of dosc's: both recursive calls spawned,
   no cut-off, exactly as the dosc program is written. */
#include <stdio.h>
#include <stdlib.h>

long fib(int n) {
  if (n < 2) return n;
  long x, y;
#pragma omp task shared(x)
  x = fib(n - 1);
#pragma omp task shared(y)
  y = fib(n - 2);
#pragma omp taskwait
  return x + y;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 30;
  long result;
#pragma omp parallel
#pragma omp single
  result = fib(n);
  printf("fib(%d) = %ld\n", n, result);
  return 0;
}
