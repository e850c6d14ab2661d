/* Shape 3 of issue 7: an early return. The task costs the larger of its two paths, not
   their sum. */
#include <stdio.h>

void early(int *s, int c, int n) {
  if (c) {
    *s = 1;
    return;
  }
  *s = 0;
  for (int i = 0; i < n; i++) *s += i;
}

int main(void) {
  int a, b;
#pragma dosc task
  early(&a, 1, 10);
#pragma dosc task
  early(&b, 0, 10);
#pragma dosc taskwait
  printf("%d %d\n", a, b);
  return 0;
}
