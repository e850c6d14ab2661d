/* Shape 9 of issue 7: one reason per culprit and kind, with how many places share it; an
   access written through a macro shows the expression as written. */
#include <stdio.h>
#define AT(p, i) (p)[(i) ^ 3]

int bs = 4;

void blocks(double *m, int n) {
  for (int i = 0; i < bs; i++)
    for (int j = 0; j < bs; j++) m[i * bs + j] = bs;
  for (int i = 0; i < n; i++) AT(m, i) = 0;
}

int main(void) {
  double m[64];
#pragma dosc task
  blocks(m, 4);
#pragma dosc taskwait
  printf("%g %g\n", m[0], m[5]);
  return 0;
}
