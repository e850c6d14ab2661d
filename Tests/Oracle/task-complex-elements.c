/* Footprint attack: elements whose type libclang files under no arithmetic kind: C99
   `double _Complex` and a GCC vector type. Their size was taken as unknown and the byte
   figure as one byte per element (`bytes: n` for 16n bytes). */
#include <complex.h>
#include <stdio.h>
#include <stdlib.h>

typedef int v4si __attribute__((vector_size(16)));

void rotate(double _Complex *z, int n) {
  for (int i = 0; i < n; i++) z[i] = z[i] * (1.0 + 2.0 * I);
}

void add_lanes(v4si *a, const v4si *b, int n) {
  for (int i = 0; i < n; i++) a[i] += b[i];
}

int main(void) {
  int n = 12;
  double _Complex *z = malloc(sizeof *z * n);
  v4si *a = malloc(sizeof *a * n), *b = malloc(sizeof *b * n);
  for (int i = 0; i < n; i++) {
    z[i] = i + 0.5 * I;
    for (int k = 0; k < 4; k++) { a[i][k] = i * k; b[i][k] = i + k; }
  }
#pragma dosc task
  rotate(z, n / 2);
#pragma dosc task
  rotate(z + n / 2, n / 2);
#pragma dosc task
  add_lanes(a, b, n);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) {
    s += creal(z[i]) + 3 * cimag(z[i]);
    for (int k = 0; k < 4; k++) s += a[i][k] * (k + 1);
  }
  printf("%.4f\n", s);
  return 0;
}
