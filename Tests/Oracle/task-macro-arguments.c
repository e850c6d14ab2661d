/* Operators whose right operand begins with a function-like macro's argument, read in the
   macro's body (branch exprs2; unknown before): Parboil's `Index3D` with `_nx` and `_ny` bare
   (a 7-point stencil, a task per k slab), `SUB(n, i)` as `n - i`, `SCALE(n, i + 1)` as
   `(n) * i + 1` (clang's precedence, not the text's), `LAST(n)` and a `(-1)` constant; beside
   them a parameter after two different operators (`MIXED`), which stays unknown. */
#include <stdio.h>

#define Index3D(_nx, _ny, _i, _j, _k) ((_i) + _nx * ((_j) + _ny * (_k)))
#define SUB(a, b) a - b
#define SCALE(a, b) (a) * b
#define LAST(n) (n - 1)
#define MINUS1 (-1)
#define MIXED(a, b) ((a) * b + b)

void stencil(float *out, const float *in, int nx, int ny, int klo, int khi) {
  for (int k = klo; k < khi; k++)
    for (int j = 1; j < ny - 1; j++)
      for (int i = 1; i < nx - 1; i++)
        out[Index3D(nx, ny, i, j, k)] = in[Index3D(nx, ny, i, j, k + 1)] + in[Index3D(nx, ny, i, j, k - 1)] +
                                        in[Index3D(nx, ny, i, j + 1, k)] + in[Index3D(nx, ny, i, j - 1, k)] +
                                        in[Index3D(nx, ny, i + 1, j, k)] + in[Index3D(nx, ny, i - 1, j, k)] -
                                        6 * in[Index3D(nx, ny, i, j, k)];
}
void reversed(int *v, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++) v[SUB(n, i)] += i;
}
void scaled(int *v, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++) v[SCALE(n, i + 1)] += 1;
}
void last(int *v, int n) {
  v[LAST(n)] = 7;
  for (int i = 1; i <= n; i++) v[i + MINUS1] += i;
}
void mixed(int *v, int n, int i) {
  v[MIXED(n, i)] = 3;
}

int main(void) {
  enum { NX = 6, NY = 5, NZ = 6 };
  static float in[NX * NY * NZ], out[NX * NY * NZ];
  static int v[128], w[128], u[64];
  for (int i = 0; i < NX * NY * NZ; i++) in[i] = (float)(i % 13);
#pragma dosc task
  stencil(out, in, NX, NY, 1, 3);
#pragma dosc task
  stencil(out, in, NX, NY, 3, NZ - 1);
#pragma dosc task
  reversed(v, 40, 2, 30);
#pragma dosc task
  scaled(w, 4, 0, 20);
#pragma dosc task
  last(u, 20);
#pragma dosc task
  mixed(u + 30, 3, 4);
#pragma dosc taskwait
  double sum = 0;
  for (int i = 0; i < NX * NY * NZ; i++) sum += out[i] * (i % 7 + 1);
  long s = 0;
  for (int i = 0; i < 128; i++) s += v[i] * (i + 1) + w[i] * (i % 5 + 1);
  for (int i = 0; i < 64; i++) s += u[i] * (i + 2);
  printf("%.1f %ld\n", sum, s);
  return 0;
}
