/* Shapes of branch unseen10's suites whose figures come out null or wider though a bound is at
   hand (each a reduced copy of a kernel in task-unseen10-*.c; every figure here is sound, the
   oracle passes; the file is for the planners, to watch the figures become exact):
   - weight_macro/weight_paren: PRK's `WEIGHT(ii, jj) weight[ii + RADIUS][jj + RADIUS]`, an
     object-like macro inside a function-like macro's body indexing a 2-D parameter: no symbolic
     form (weight_plain, the same index written out, and weight_lit are exact);
   - sz_step_int/sz_step_sz: a `size_t` loop variable stepping `i += T` (PRK Transpose's tiles):
     no symbolic form (sz_plain, and tiles_int with `int`, are exact); tiles_size_t the same;
     sz_min: `MIN(hi, lo + T)` over `size_t` gives count max(T+lo,hi)-lo (wider). Branch
     nulls: sz_step_int (an `int` T, which the spawn checks) exact and remotable (also spawned
     at 7, 3, 90); tiles_size_t's footprint is stated, its reads and writes still null (the
     `size_t` MIN, as sz_min); sz_step_sz stays null (a `size_t` T of 2^64 - 1 counts down, and
     nothing checks it);
   - long_max/long_cond: a `long` loop starting at `MAX(is, 1)` or `is > 1 ? is : 1` (PRK p2p's
     `MAX(start[TID], 1)`): "figures depend on values that are not parameters", where `MAX(is,
     1L)` and max_start_int are exact (the int literal's implicit conversion to long in an arm);
   - panel/panel_nodiv: LU's panel, k < nb, i in (k, m), j in (k, nb): footprint exact but reads
     and writes null, so not remotable (panel_div_only, without the j loop, is remotable);
   - shift_bounds: `for (w = lo >> 6; w < (hi + 63) >> 6; w++)` no symbolic form, where `/ 64`
     (div_bounds) is exact and `u >> 6` as an index is fine. Branch nulls: exact and remotable
     (the shift of a value the spawn checks is not negative is its quotient; also spawned at
     70, 250);
   - (branch nulls) const_stride: a `static const int NC` stride, `a[i * NC + j]`, was null
     (task-unseen10-probes-loops-stores.c's const_stride): now exact, as with a macro;
   - counter/counter_cond: a counter `o[offset++]` in a triangular nest (miniFE's packed element
     matrix) or under a condition (HPCG's row generation): no symbolic form, where the counter in
     one flat loop (counter_flat) is exact.
   The program prints a checksum. */
#include <stddef.h>
#include <stdio.h>
#define R 2
#define W(ii, jj) w[ii + R][jj + R]
#define W2(ii, jj) w[(ii) + R][(jj) + R]
void weight_macro(double w[2 * R + 1][2 * R + 1], double *out, int n) {
  for (int i = 0; i < n; i++)
    for (int jj = -R; jj <= R; jj++) out[i] += W(0, jj);
}
void weight_paren(double w[2 * R + 1][2 * R + 1], double *out, int n) {
  for (int i = 0; i < n; i++)
    for (int jj = -R; jj <= R; jj++) out[i] += W2(0, jj);
}
void weight_plain(double w[2 * R + 1][2 * R + 1], double *out, int n) {
  for (int i = 0; i < n; i++)
    for (int jj = -R; jj <= R; jj++) out[i] += w[0 + R][jj + R];
}
void weight_lit(double w[5][5], double *out, int n) {
  for (int i = 0; i < n; i++)
    for (int jj = -2; jj <= 2; jj++) out[i] += w[2][jj + 2];
}
#define A(i, j) A[i + order * (j)]
void same_name(double *A, int order, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < order; j++) A(i, j) += 1.0;
}
#define AM(i, j) A[i + order * (j)]
void other_name(double *A, int order, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    for (int j = 0; j < order; j++) AM(i, j) += 1.0;
}
#define MIN(x, y) ((x) < (y) ? (x) : (y))
void tiles_size_t(double *B, size_t order, int T, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i += T)
    for (size_t it = i; it < MIN(hi, i + T); it++)
      for (size_t j = 0; j < order; j++) B[j + order * it] += 1.0;
}
void tiles_int(double *B, int order, int T, int lo, int hi) {
  for (int i = lo; i < hi; i += T)
    for (int it = i; it < MIN(hi, i + T); it++)
      for (int j = 0; j < order; j++) B[j + order * it] += 1.0;
}
#define MAX(x, y) ((x) > (y) ? (x) : (y))
void max_start(double *v, long m, long is, long ie) {
  for (long i = MAX(is, 1); i <= ie; i++) v[i] = v[i - 1] + 1;
}
void max_start_int(double *v, int is, int ie) {
  for (int i = MAX(is, 1); i <= ie; i++) v[i] = v[i - 1] + 1;
}
void inclusive(double *v, long m, long is, long ie, long js, long je) {
  for (long j = js; j <= je; j++)
    for (long i = is; i <= ie; i++) v[i + j * m] = v[i - 1 + j * m];
}
void panel(double *a, int lda, int m, int nb) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < m; i++) {
      a[i * lda + k] /= a[k * lda + k];
      for (int j = k + 1; j < nb; j++) a[i * lda + j] -= a[i * lda + k] * a[k * lda + j];
    }
}
void panel_nodiv(double *a, int lda, int m, int nb) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < m; i++) {
      for (int j = k + 1; j < nb; j++) a[i * lda + j] -= a[i * lda + k] * a[k * lda + j];
    }
}
void panel_div_only(double *a, int lda, int m, int nb) {
  for (int k = 0; k < nb; k++)
    for (int i = k + 1; i < m; i++) a[i * lda + k] /= a[k * lda + k];
}
void shift_bounds(unsigned long *next, int lo, int hi) {
  for (int w = lo >> 6; w < (hi + 63) >> 6; w++) next[w] = 0;
}
void div_bounds(unsigned long *next, int lo, int hi) {
  for (int w = lo / 64; w < (hi + 63) / 64; w++) next[w] = 0;
}
void counter(const double *c, double *out, int elo, int ehi) {
  for (int e = elo; e < ehi; e++) {
    double *o = out + e * 36;
    int offset = 0;
    for (int i = 0; i < 8; ++i)
      for (int j = i; j < 8; ++j) o[offset++] = c[i] - c[j];
  }
}
void counter_flat(double *out, int n) {
  int k = 0;
  for (int i = 0; i < n; ++i) out[k++] = i;
}
void counter_cond(double *out, int n) {
  int k = 0;
  for (int i = 0; i < n; ++i)
    if (i % 3) out[k++] = i;
}
void kk_step(double *C, int order, int block, int jj) {
  for (int kk = 0; kk < order; kk += block)
    for (int j = jj; j < MIN(jj + block, order); j++) C[j] += kk;
}
void kk_twin(double *C, int order, int block, int jj) {
  int j, jg;
  for (jg = jj, j = 0; jg < MIN(jj + block, order); j++, jg++) C[jg] += j;
}
void sz_plain(double *B, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i++) B[i] += 1.0;
}
void sz_step_int(double *B, int T, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i += T) B[i] += 1.0;
}
void sz_step_sz(double *B, size_t T, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i += T) B[i] += 1.0;
}
void sz_min(double *B, size_t T, size_t lo, size_t hi) {
  for (size_t it = lo; it < MIN(hi, lo + T); it++) B[it] += 1.0;
}
void sz_mul(double *B, size_t order, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i++) B[order * i] += 1.0;
}
void long_max(double *v, long is, long ie) {
  for (long i = MAX(is, 1); i <= ie; i++) v[i] = 1;
}
void long_max_l(double *v, long is, long ie) {
  for (long i = MAX(is, 1L); i <= ie; i++) v[i] = 1;
}
void long_plain(double *v, long is, long ie) {
  for (long i = is; i <= ie; i++) v[i] = 1;
}
void long_cond(double *v, long is, long ie) {
  for (long i = is > 1 ? is : 1; i <= ie; i++) v[i] = 1;
}
static const int NC = 4;
void const_stride(double *a, int rows) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < 3; j++) a[i * NC + j] = i + j;
}
static double sum(const double *a, int n) {
  double s = 0.0;
  for (int i = 0; i < n; i++) s += a[i] * (1 + i % 7);
  return s;
}

int main(void) {
  double w[5][5], out[10] = {0}, A[100] = {0}, v[100] = {0}, checksum = 0.0;
  unsigned long nx[4] = {0};
  for (int i = 0; i < 25; i++) w[i / 5][i % 5] = i * 0.5;
  for (int i = 0; i < 100; i++) A[i] = 1.0 + i % 9, v[i] = i % 4;
  #pragma dosc task
  weight_macro(w, out, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  weight_paren(w, out, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  weight_plain(w, out, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  weight_lit(w, out, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  same_name(A, 10, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  other_name(A, 10, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  tiles_size_t(A, 10, 4, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  tiles_int(A, 10, 4, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  max_start(v, 10, 0, 9);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  max_start_int(v, 0, 9);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  inclusive(v, 10, 1, 8, 1, 8);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  panel(A, 10, 10, 4);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  panel_nodiv(A, 10, 10, 4);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  panel_div_only(A, 10, 10, 4);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  shift_bounds(nx, 0, 200);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  div_bounds(nx, 0, 200);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  counter(v, A, 0, 2);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  counter_flat(v, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  counter_cond(v, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  kk_step(v, 10, 4, 0);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  kk_twin(v, 10, 4, 0);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  sz_plain(v, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  sz_step_int(v, 2, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  sz_step_sz(v, 2, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  sz_min(v, 4, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  sz_mul(v, 4, 0, 10);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  long_max(v, 0, 9);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  long_max_l(v, 0, 9);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  long_plain(v, 0, 9);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  long_cond(v, 0, 9);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  shift_bounds(nx, 70, 250);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  sz_step_int(v, 7, 3, 90);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  #pragma dosc task
  const_stride(A + 2, 20);
#pragma dosc taskwait
  checksum += sum(A, 100) + 2 * sum(v, 100) + 3 * sum(out, 10) + (double)(nx[0] % 1000 + nx[1] % 999 + nx[2] % 997);
  printf("checksum %.6f\n", checksum);
  return 0;
}
