/* oracle-cflags: -fopenmp
   Tasks whose loops carry OpenMP directives (branch consts), analyzed with -fopenmp: `simd`,
   `for`, `parallel for`, `collapse` and scalar reductions run the same iterations, so the
   loop is analyzed as written (libclang hides the loop under a directive; dosc reads the
   function from a parse without OpenMP). A `parallel` region with `task`s inside, a
   `firstprivate` copy and a `critical` section keep their task's figures null. */
#include <stdio.h>

void saxpy_simd(float a, const float *x, float *y, int lo, int hi) {
#pragma omp simd
  for (int i = lo; i < hi; i++) y[i] += a * x[i];
}

double dot_parallel(const double *u, const double *v, int n) {
  double s = 0;
#pragma omp parallel for reduction(+ : s) schedule(static) num_threads(2)
  for (int i = 0; i < n; i++) s += u[i] * v[i];
  return s;
}

void transpose_collapse(const double *a, double *t, int rows, int cols) {
#pragma omp parallel for collapse(2) num_threads(2)
  for (int r = 0; r < rows; r++)
    for (int c = 0; c < cols; c++) t[c * rows + r] = a[r * cols + c];
}

void blur_for_simd(const double *in, double *out, int lo, int hi) {
#pragma omp parallel for simd num_threads(2)
  for (int i = lo; i < hi; i++) out[i] = (in[i - 1] + in[i] + in[i + 1]) / 3;
}

void fill_tasks(int *v, int n) {
#pragma omp parallel num_threads(2)
#pragma omp single
  for (int i = 0; i < n; i++) {
#pragma omp task firstprivate(i)
    v[i] = i * i;
  }
}

void prefix_private(int *v, int n) {
  int k = 1;
#pragma omp parallel for firstprivate(k) num_threads(1)
  for (int i = 0; i < n; i++) v[i] = k + i;
}

int main(void) {
  enum { N = 48 };
  float x[N], y[N];
  double u[N], w[N], a[6 * 8], t[8 * 6], in[N], out[N] = {0};
  int v[N], p[N];
  for (int i = 0; i < N; i++) x[i] = (float)i, y[i] = 1.0f, u[i] = i * 0.5, w[i] = N - i, in[i] = i % 7;
  for (int i = 0; i < 48; i++) a[i] = i;
  /* The OpenMP runtime starts at its first region, reading the environment strings above
     main's frame: start it here, outside every task. */
#pragma omp parallel num_threads(1)
  x[0] = 0.0f;
  for (int lo = 0; lo < N; lo += 16) {
#pragma dosc task
    saxpy_simd(2.0f, x, y, lo, lo + 16);
  }
  double d;
#pragma dosc task
  d = dot_parallel(u, w, N);
#pragma dosc task
  transpose_collapse(a, t, 6, 8);
#pragma dosc task
  blur_for_simd(in, out, 1, N - 1);
#pragma dosc task
  fill_tasks(v, N);
#pragma dosc task
  prefix_private(p, N);
#pragma dosc taskwait
  double ys = 0, ts = 0, os = 0;
  long vs = 0;
  for (int i = 0; i < N; i++) ys += y[i] * (i + 1), os += out[i] * (i + 1), vs += v[i] + p[i];
  for (int i = 0; i < 48; i++) ts += t[i] * (i + 1);
  printf("%.3f %.3f %.3f %.3f %ld\n", ys, d, ts, os, vs);
  return 0;
}
