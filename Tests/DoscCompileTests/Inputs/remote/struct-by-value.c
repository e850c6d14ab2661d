/* A remotable task whose site passes a struct by value: the rewrite generates no marshalling
 * for it, so the site is not remotable, and the sidecar and the trace say why (RemoteTests). */
#include <stdio.h>
struct pt { int x, y; };
void scale(struct pt p, double *out, int n) {
  for (int i = 0; i < n; i++) out[i] = p.x * i + p.y;
}
int main(void) {
  double a[1000], b[1000];
  struct pt p = {2, 3};
  for (int r = 0; r < 2; r++) {
#pragma dosc task
    scale(p, a, 1000);
#pragma dosc task
    scale(p, b, 1000);
#pragma dosc taskwait
  }
  printf("%g %g\n", a[999], b[5]);
  return 0;
}
