/* Operators spelled inside a macro's body whose operands come from that body or from other
   macros (Rodinia cfd's `#define VAR_DENSITY_ENERGY (VAR_MOMENTUM + NDIM)`): libclang 14 maps
   both operands to the macro's use, and the front end once took the operator next to that use
   (`i + VAR_DENSITY_ENERGY * n` read as i + (1 * 3) * n, `n - VAR_DENSITY_ENERGY` as n - (1 - 3),
   `SUB(n, i) * 2` as i * 2 from the comma between the arguments): footprints short of the truth,
   wrong answers under remote. Each task updates one element (a different one) reps times, all
   in one batch. */
#include <stdio.h>

#define NDIM 3
#define VAR_MOMENTUM 1
#define VAR_DENSITY_ENERGY (VAR_MOMENTUM + NDIM)
#define TWO_MINUS_ONE (2 - 1)
#define SUB(a, b) a - b
#define MUL(a, b) a * b
#define Index3D(_nx, _ny, _i, _j, _k) ((_i) + _nx * ((_j) + _ny * (_k)))

void energy_after(float *v, int n, int i, int reps) {
  for (int r = 0; r < reps; r++) v[i + VAR_DENSITY_ENERGY * n] += 1.5f;
}
void energy_before(float *v, int n, int i, int reps) {
  for (int r = 0; r < reps; r++) v[i + n * VAR_DENSITY_ENERGY] += 2.5f;
}
void energy_below(float *v, int n, int reps) {
  for (int r = 0; r < reps; r++) v[n - VAR_DENSITY_ENERGY] += 3.5f;
}
void one_row(float *v, int n, int i, int reps) {
  for (int r = 0; r < reps; r++) v[i + TWO_MINUS_ONE * n] += 4.5f;
}
void difference(float *v, int n, int i, int reps) {
  for (int r = 0; r < reps; r++) v[SUB(n, i) * 2] += 5.5f;
}
void product(float *v, int n, int i, int reps) {
  for (int r = 0; r < reps; r++) v[MUL(i, n) + 1] += 6.5f;
}
void cell(float *v, int n, int i, int reps) {
  for (int r = 0; r < reps; r++) v[Index3D(n, n, i, 1, 2)] += 7.5f;
}

int main(void) {
  float v[64];
  for (int i = 0; i < 64; i++) v[i] = (float)i;
#pragma dosc task
  energy_after(v, 10, 2, 3);
#pragma dosc task
  energy_before(v, 10, 3, 3);
#pragma dosc task
  energy_below(v, 10, 3);
#pragma dosc task
  one_row(v, 10, 4, 3);
#pragma dosc task
  difference(v, 20, 4, 3);
#pragma dosc task
  product(v, 5, 7, 3);
#pragma dosc task
  cell(v, 3, 2, 3);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 64; i++) s += v[i] * (i + 1);
  printf("checksum %.2f\n", s);
  return 0;
}
