/* Shape 8 of issue 7: clauses belong to the site. Two sites of one task with different
   clauses each keep their own, and a clause sets the counts it implies. */
#include <stdio.h>

/* A loop the analysis cannot count (the step comes first, then the access), so the clauses
   are what the sites know. */
void touch(double *buf, int lo, int hi) {
  int k = lo;
  while (k < hi) {
    k++;
    buf[k - 1] += 1;
  }
}

/* Reads nothing the analysis can see: the clause says it reads 16 elements. */
double peek(const double *buf, int n) { return n > 0 ? 0.0 : 1.0; }

int main(void) {
  double a[16] = {0};
#pragma dosc task inout(buf[0:8])
  touch(a, 0, 8);
#pragma dosc task inout(buf[lo:hi-lo])
  touch(a, 8, 16);
  double z;
#pragma dosc taskwait
#pragma dosc task in(buf[0:n])
  z = peek(a, 16);
#pragma dosc taskwait
  printf("%g %g %g\n", a[0], a[15], z);
  return 0;
}
