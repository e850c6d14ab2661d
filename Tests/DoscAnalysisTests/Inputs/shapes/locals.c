/* Shape 5 of issue 7: local arrays, their rows, local structures and their fields are the
   task's own stack memory, not memory that does not derive from a parameter. */
#include <stdio.h>
#include <string.h>

struct rng {
  unsigned state[4];
};
struct walker {
  struct rng st;
  int k;
};

void rows(double *dst, const double *src) {
  double copy[4][8];
  struct walker child;
  for (int k = 0; k < 4; k++) memcpy(copy[k], src, 8 * sizeof(double));
  for (int k = 0; k < 8; k++) copy[1][k] = k;
  child.st.state[0] = 7;
  child.k = 1;
  for (int k = 0; k < 8; k++) dst[k] = copy[1][k] + copy[3][k] + child.st.state[0] + child.k;
}

int main(void) {
  double src[8], dst[8];
  for (int i = 0; i < 8; i++) src[i] = 10 * i;
#pragma dosc task
  rows(dst, src);
#pragma dosc taskwait
  printf("%g %g\n", dst[0], dst[7]);
  return 0;
}
