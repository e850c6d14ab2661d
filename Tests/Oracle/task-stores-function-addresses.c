/* Remote attack: a task that stores function addresses into the data it writes (a job table
   given its handlers). Code addresses differ between processes (PIE): rank 0 called the
   address rank 1 stored and crashed. Such a task may not leave rank 0. */
#include <stdio.h>
#include <stdlib.h>
typedef int (*op_fn)(int);
static int inc(int x) { return x + 1; }
static int dbl(int x) { return x * 2; }
struct job { int arg; op_fn fn; };
void assign_ops(struct job *j, int n) {
  for (int i = 0; i < n; i++) j[i].fn = (i % 3 == 0) ? &inc : (i % 2) ? inc : dbl;
}
int main(void) {
  int n = 8;
  struct job *j = calloc(n, sizeof *j);
  for (int i = 0; i < n; i++) j[i].arg = i;
#pragma dosc task
  assign_ops(j, n / 2);
#pragma dosc task
  assign_ops(j + n / 2, n / 2);
#pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < n; i++) s += j[i].fn(j[i].arg) * (i + 1);
  printf("%ld\n", s);
  return 0;
}
