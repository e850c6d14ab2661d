/* A const table whose const the program takes away (branch consts): `(int *)table` anywhere in
   the unit lets the program write through it, so no const table of this unit is trusted to
   have the same bytes on every rank, and the tasks reading them stay home. Here the cast only
   feeds a read (writing a const object is undefined), which the analyzer cannot tell. */
#include <stdio.h>

static const int table[8] = {3, 1, 4, 1, 5, 9, 2, 6};
static const double weight[4] = {0.5, 1.5, 2.5, 3.5};

static int first_of(int *p) { return p[0]; }

int peek(void) { return first_of((int *)table); }

void lookup(const int *key, int *value, int n) {
  for (int i = 0; i < n; i++) value[i] = table[key[i] & 7];
}

void weigh(double *x, int n) {
  for (int i = 0; i < n; i++) x[i] *= weight[i & 3];
}

int main(void) {
  int key[32], value[32];
  double x[32];
  for (int i = 0; i < 32; i++) key[i] = i * 5, x[i] = i;
#pragma dosc task
  lookup(key, value, 32);
#pragma dosc task
  weigh(x, 32);
#pragma dosc taskwait
  long s = peek();
  double t = 0;
  for (int i = 0; i < 32; i++) s += value[i] * (i + 1), t += x[i];
  printf("%ld %.3f\n", s, t);
  return 0;
}
