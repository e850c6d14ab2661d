/* Shape 1 of issue 7: pointers walked from a parameter. Each access counts for the parameter
   the pointer derives from; where the walk's offset is not followed, the footprint is null
   with a reason, never `access: none`. */
#include <stdio.h>

void column_sum(double *out, const double *in, int r, int m) {
  double s = 0;
  const double *p;
  int j;
  for (j = 0, p = in; j < r; ++j, p += m) s += *p;
  out[0] = s;
}

void shift_copy(double *out, const double *in, int n) {
  const double *q = in;
  for (int i = 0; i < n; i++) {
    out[i] = q[0];
    q += 1;
  }
}

void iota(int *dst, int n) {
  int *p = dst;
  for (int i = 0; i < n; i++) *p++ = i;
}

int main(void) {
  double grid[12], sum = 0, copy[6];
  int numbers[5];
  for (int i = 0; i < 12; i++) grid[i] = i;
#pragma dosc task
  column_sum(&sum, grid, 4, 3);
#pragma dosc task
  shift_copy(copy, grid + 6, 6);
#pragma dosc task
  iota(numbers, 5);
#pragma dosc taskwait
  printf("%g %g %g %d %d\n", sum, copy[0], copy[5], numbers[0], numbers[4]);
  return 0;
}
