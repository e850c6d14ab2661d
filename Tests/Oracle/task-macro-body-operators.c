/* Operators spelled inside function-like macro bodies, read where the right operand's first
   token is spelled: Parboil's Index3D with parenthesized arguments (a task per k slab), a
   difference `SUB(n, i)` whose arguments a comma separates (once read as `i`), operators inside
   an argument (`MUL(i + 1, ld)` is `i + 1*ld`), nested macros (`AT2(ROW(i), j)`), a sign
   (`OFF`), an operator that is a macro (`i PLUS 3`), a token pasted by `##`, and a shift
   spelled in a body. Every figure must be the truth or null. */
#include <stdio.h>
#define Index3D(nx, ny, i, j, k) ((i)+(nx)*((j)+(ny)*(k)))
#define SUB(a, b) a - b
#define MUL(a, b) a * b
#define ROW(i) ((i) * 8)
#define AT2(r, c) ((r) + (c))
#define OFF -2
#define PLUS +
#define CAT(a, b) a##b
#define HALF(x) ((x) >> 1)

void stencil(float *out, const float *in, int nx, int ny, int klo, int khi) {
  for (int k = klo; k < khi; k++)
    for (int j = 1; j < ny - 1; j++)
      for (int i = 1; i < nx - 1; i++)
        out[Index3D(nx, ny, i, j, k)] = in[Index3D(nx, ny, i - 1, j, k)] + in[Index3D(nx, ny, i + 1, j, k)] +
                                        in[Index3D(nx, ny, i, j - 1, k)] + in[Index3D(nx, ny, i, j + 1, k)] +
                                        in[Index3D(nx, ny, i, j, k - 1)] + in[Index3D(nx, ny, i, j, k + 1)];
}

void s1(float *v, int n, int i) { v[SUB(n, i)] += 1; }
void s2(float *v, int i, int ld) { v[MUL(i + 1, ld)] += 2; }
void s3(float *v, int n, int i) { v[AT2(ROW(i), n)] += 3; }
void s4(float *v, int i) { v[i OFF] += 4; }
void s5(float *v, int i) { v[i PLUS 3] += 5; }
void s6(float *v, int n, int i) {
  int i2 = i * 2;
  v[CAT(i, 2) + n] += 6;
}
void s7(float *v, int n) { v[HALF(n - 9) + 8] += 7; }
void shapes(float *v, int n, int i, int ld) {
#pragma dosc task
  s1(v, n, i);
#pragma dosc task
  s2(v, i, ld);
#pragma dosc task
  s3(v, n, i);
#pragma dosc task
  s4(v, i);
#pragma dosc task
  s5(v, i);
#pragma dosc task
  s6(v, n, i);
#pragma dosc task
  s7(v, n);
#pragma dosc taskwait
}

int main(void) {
  static float in[6 * 5 * 7], out[6 * 5 * 7], v[128];
  for (int i = 0; i < 6 * 5 * 7; i++) in[i] = i % 13;
  for (int i = 0; i < 128; i++) v[i] = i % 5;
  for (int k = 1; k < 6; k += 2) {
#pragma dosc task
    stencil(out, in, 6, 5, k, k + 2 < 6 ? k + 2 : 6);
  }
#pragma dosc taskwait
  shapes(v, 40, 6, 3);
  shapes(v + 20, 3, 2, 5);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 6 * 5 * 7; i++) s += out[i] * (i % 11 + 1);
  for (int i = 0; i < 128; i++) s += v[i] * (i + 1);
  printf("macro body operators %.1f\n", s);
  return 0;
}
