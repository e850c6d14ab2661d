/* Needless nulls of branch unseen13, each reduced from one of its programs (the program named at
   each function) beside a look-alike that gets its figures: null (so the task stays home) where
   the truth is a simple span. Each is a task here; the oracle checks any figure they get, and the
   remote run the answer. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* KASTORS PLASMA's dpotrf (task-unseen13-kastors-plasma.c): an early `return j + 1` in the
   column loop of an upper Cholesky whose row loop is triangular (i from j + 1): "its count in the
   loop ... has no closed form", reads null; a[0 .. (n - 1) * lda + n) at most. */
int potrf_return(int n, double *a, int lda) {
  for (int j = 0; j < n; j++) {
    double s = a[j + j * lda];
    for (int k = 0; k < j; k++)
      s -= a[k + j * lda] * a[k + j * lda];
    if (s <= 0.0) return j + 1;
    s = sqrt(s);
    a[j + j * lda] = s;
    for (int i = j + 1; i < n; i++) {
      double t = a[j + i * lda];
      for (int k = 0; k < j; k++)
        t -= a[k + j * lda] * a[k + i * lda];
      a[j + i * lda] = t / s;
    }
  }
  return 0;
}

/* The same without the return: figures, remotable. */
void potrf_no_return(int n, double *a, int lda) {
  for (int j = 0; j < n; j++) {
    double s = a[j + j * lda];
    for (int k = 0; k < j; k++)
      s -= a[k + j * lda] * a[k + j * lda];
    s = sqrt(fabs(s) + 1.0);
    a[j + j * lda] = s;
    for (int i = j + 1; i < n; i++) {
      double t = a[j + i * lda];
      for (int k = 0; k < j; k++)
        t -= a[k + j * lda] * a[k + i * lda];
      a[j + i * lda] = t / s;
    }
  }
}

/* NPB LU's rhs/l2norm (task-unseen13-npb-lu.c): a 3-D variably modified parameter `double
   v[][ld][5]` has no footprint at all ("the index of 'v[k][j][m]' has no symbolic form"), where the
   2-D `double v[][ld]` below gets its rows [k0, k1) (both stay home: the element's size is known
   only at run time). */
void vla3_rows(int ld, int k0, int k1, double v[][ld][5], double *out) {
  for (int k = k0; k < k1; k++)
    for (int j = 0; j < ld; j++)
      for (int m = 0; m < 5; m++)
        out[0] += v[k][j][m];
}

void vla2_rows(int ld, int k0, int k1, double v[][ld], double *out) {
  for (int k = k0; k < k1; k++)
    for (int j = 0; j < ld; j++)
      out[0] += v[k][j];
}

/* Parboil sad's sad4 (task-unseen13-parboil-sad.c): the reference read at clamped coordinates of a
   search position, dx = pos % 5 - 2 and dy = pos / 5 - 2: "an index is not affine in the variable
   'pos'"; both coordinates are clamped, so [0, h * w) at most. With dx, dy parameters (below) it
   is bounded and remotable. */
#define CLAMP(v, lo, hi) ((v) < (lo) ? (lo) : ((v) > (hi) ? (hi) : (v)))
void clamp2d_search(const unsigned short *ref, int w, int h, int bx, int by, int *out) {
  int s = 0;
  for (int pos = 0; pos < 25; pos++) {
    int dx = pos % 5 - 2, dy = pos / 5 - 2;
    for (int y = 0; y < 4; y++)
      for (int x = 0; x < 4; x++)
        s += ref[CLAMP(by + y + dy, 0, h - 1) * w + CLAMP(bx + x + dx, 0, w - 1)];
  }
  *out = s;
}

void clamp2d_fixed(const unsigned short *ref, int w, int h, int bx, int by, int dx, int dy,
                   int *out) {
  int s = 0;
  for (int y = 0; y < 4; y++)
    for (int x = 0; x < 4; x++)
      s += ref[CLAMP(by + y + dy, 0, h - 1) * w + CLAMP(bx + x + dx, 0, w - 1)];
  *out = s;
}

/* Parboil sad's best vector (task-unseen13-parboil-sad.c): an argmin `best` (0, or a value of the
   loop's pos in [1, 25)) used as an index, a[mb * 32 + best]: "no symbolic form"; the truth is
   [32 * lo, 32 * (hi - 1) + 25). */
void argmin_rows(const unsigned short *a, int *mv, int lo, int hi) {
  for (int mb = lo; mb < hi; mb++) {
    int best = 0;
    for (int pos = 1; pos < 25; pos++)
      if (a[mb * 32 + pos] < a[mb * 32 + best]) best = pos;
    mv[mb] = best;
  }
}

/* Parboil tpacf's doCompute (task-unseen13-parboil-cutcp-tpacf.c): a binary search `while (max >
   min + 1)` with k = (min + max) / 2 between 0 and nbins, then bins[min], bins[max + 1] or
   bins[max]: binb and bins null (the values stay in [0, nbins] and [0, nbins + 1]), and the reads
   of dot null ("no trip count"). */
void bsearch_bins(const double *dot, int n, const float *binb, int nbins, long long *bins) {
  for (int j = 0; j < n; j++) {
    int min = 0, max = nbins, k;
    while (max > min + 1) {
      k = (min + max) / 2;
      if (dot[j] >= binb[k])
        max = k;
      else
        min = k;
    }
    if (dot[j] >= binb[min])
      bins[min] += 1;
    else if (dot[j] < binb[max])
      bins[max + 1] += 1;
    else
      bins[max] += 1;
  }
}

/* tpacf again: `if (doSelf) { n2 = n1; data2 = data1; }` makes both parameters null ("may point
   into 'd1' or 'd2'") where each is read over [0, n1) or [0, n2). */
void self_or_cross(const double *d1, int n1, const double *d2, int n2, int self, double *out) {
  if (self) {
    n2 = n1;
    d2 = d1;
  }
  double s = 0;
  for (int i = 0; i < n1; i++)
    for (int j = 0; j < n2; j++)
      s += d1[i] * d2[j];
  *out = s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 6;
  double *a = calloc((size_t)n * n, sizeof(double)), *b = calloc((size_t)n * n, sizeof(double));
  for (int i = 0; i < n; i++)
    a[i * n + i] = b[i * n + i] = 4.0 + i;
  for (int i = 0; i + 1 < n; i++)
    a[i * n + i + 1] = b[i * n + i + 1] = 1.0;
  int info;
#pragma dosc task
  info = potrf_return(n, a, n);
#pragma dosc task
  potrf_no_return(n, b, n);
#pragma dosc taskwait
  double v[4][3][5], o[4] = {0};
  for (int i = 0; i < 60; i++)
    ((double *)v)[i] = i * 0.5;
#pragma dosc task
  vla3_rows(3, 1, 3, v, &o[0]);
#pragma dosc task
  vla2_rows(15, 1, 3, (double(*)[15])v, &o[1]);
#pragma dosc taskwait
  unsigned short img[12 * 10], sads[3 * 32];
  for (int i = 0; i < 120; i++)
    img[i] = (unsigned short)(i * 7 % 31);
  for (int i = 0; i < 96; i++)
    sads[i] = (unsigned short)((i * 13) % 29);
  int s[2], mv[3];
#pragma dosc task
  clamp2d_search(img, 12, 10, 8, 6, &s[0]);
#pragma dosc task
  clamp2d_fixed(img, 12, 10, 8, 6, 2, -1, &s[1]);
#pragma dosc task
  argmin_rows(sads, mv, 0, 3);
  double dot[10], d[8], e[8];
  float binb[6];
  long long bins[7] = {0};
  for (int i = 0; i < 10; i++)
    dot[i] = cos(i * 0.3);
  for (int k = 0; k < 6; k++)
    binb[k] = cosf(0.3f * (k + 1));
  for (int i = 0; i < 8; i++)
    d[i] = i, e[i] = 8 - i;
#pragma dosc task
  bsearch_bins(dot, 10, binb, 5, bins);
#pragma dosc task
  self_or_cross(d, 8, e, 8, 1, &o[2]);
#pragma dosc task
  self_or_cross(d, 8, e, 8, 0, &o[3]);
#pragma dosc taskwait
  double as = 0, bs = 0;
  for (int i = 0; i < n * n; i++)
    as += a[i], bs += b[i];
  printf("potrf %d %.6f %.6f vla %.1f %.1f clamp %d %d mv %d %d %d bins", info, as, bs, o[0], o[1],
         s[0], s[1], mv[0], mv[1], mv[2]);
  for (int k = 0; k < 7; k++)
    printf(" %lld", bins[k]);
  printf(" dots %.1f %.1f\n", o[2], o[3]);
  free(a);
  free(b);
  return 0;
}
