/* Shape 6 of issue 7: `for (i = 0; i < n; ++j)` steps j, not i: it is not a loop counted in
   i, and what it does has no bound in the parameters. */
#include <stdio.h>

void stray(int *a, int n) {
  int i, j = 0;
  for (i = 0; i < n; ++j) {
    if (j >= n) break;
    a[j] = j;
  }
}

int main(void) {
  int a[6] = {0};
#pragma dosc task
  stray(a, 6);
#pragma dosc taskwait
  printf("%d %d\n", a[0], a[5]);
  return 0;
}
