/* Cowichan problems (branch unseen7), after the Cilk "chain" of scottgw/concurrent-languages,
   converted as a user would: the globals became parameters, each `cilk` function a task over a
   pointer and row bounds, the spawns recursive halves with a taskwait. randmat's LCG rows through
   a row helper, mandel's escape counts, thresh's max reduction and per-block histograms
   (`hist[m[i]]++`, values in [0, 100) only by the data) merged bin by bin across blocks
   (`hist[b * 100 + v]`), the mask, winnow's row counts stored one ahead (`count[lo + 1]`), a
   Ladner-Fischer scan (`a[begin + size] += a[begin]`, recursive halves in steps of `size`), the
   points gathered at data-dependent slots, outer's distance matrix through a helper taking struct
   points by value, product's matrix-vector rows, half's row/column shuffle, and life's
   wrap-around neighbourhood. The program prints a checksum. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  int value, i, j;
} Point;

/* randmat */
static void fill_row(int *row, int ncols, unsigned seed) {
  const unsigned lcg_a = 1664525u, lcg_c = 1013904223u;
  for (int j = 0; j < ncols; j++) {
    seed = lcg_a * seed + lcg_c;
    row[j] = (int)(seed % 100u);
  }
}

void randmat(int *m, int lo, int hi, int ncols, unsigned seed) {
  if (lo + 1 == hi) {
    fill_row(m + lo * ncols, ncols, seed + (unsigned)lo);
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  randmat(m, lo, mid, ncols, seed);
#pragma dosc task
  randmat(m, mid, hi, ncols, seed);
#pragma dosc taskwait
}

/* mandel: escape counts, kept under 100 like randmat's values */
void mandel(int *m, int lo, int hi, int ncols, double x0, double y0, double dx, double dy) {
  for (int i = lo; i < hi; i++) {
    for (int j = 0; j < ncols; j++) {
      double cr = x0 + j * dx, ci = y0 + i * dy, zr = 0, zi = 0;
      int k = 0;
      while (k < 99 && zr * zr + zi * zi < 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2 * zr * zi + ci;
        zr = t;
        k++;
      }
      m[i * ncols + j] = k;
    }
  }
}

/* thresh */
static int imax(int a, int b) { return a > b ? a : b; }

int reduce_max(const int *m, int lo, int hi, int ncols) {
  if (lo + 1 == hi) {
    int res = m[lo * ncols];
    for (int j = 1; j < ncols; j++) res = imax(res, m[lo * ncols + j]);
    return res;
  }
  int mid = lo + (hi - lo) / 2, left, right;
#pragma dosc task
  left = reduce_max(m, lo, mid, ncols);
#pragma dosc task
  right = reduce_max(m, mid, hi, ncols);
#pragma dosc taskwait
  return imax(left, right);
}

/* One block of rows counted into its own 100 bins (the Cilk code used histogram[Self]). */
void fill_histogram(const int *m, int nrows, int ncols, int *hist) {
  for (int v = 0; v < 100; v++) hist[v] = 0;
  for (int i = 0; i < nrows * ncols; i++) hist[m[i]]++;
}

/* Bins [lo, hi) of block 0 gather the other blocks' bins. */
void merge_histogram(int *hist, int nblocks, int lo, int hi) {
  if (hi - lo <= 25) {
    for (int v = lo; v < hi; v++)
      for (int b = 1; b < nblocks; b++) hist[v] += hist[b * 100 + v];
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  merge_histogram(hist, nblocks, lo, mid);
#pragma dosc task
  merge_histogram(hist, nblocks, mid, hi);
#pragma dosc taskwait
}

void fill_mask(const int *m, int *mask, int lo, int hi, int ncols, int threshold) {
  if (hi - lo <= 2) {
    for (int i = lo; i < hi; i++)
      for (int j = 0; j < ncols; j++) mask[i * ncols + j] = m[i * ncols + j] >= threshold;
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  fill_mask(m, mask, lo, mid, ncols, threshold);
#pragma dosc task
  fill_mask(m, mask, mid, hi, ncols, threshold);
#pragma dosc taskwait
}

/* winnow */
int reduce_sum(const int *mask, int *count, int lo, int hi, int ncols) {
  if (lo + 1 == hi) {
    int res = 0;
    for (int j = 0; j < ncols; j++) res += mask[lo * ncols + j];
    count[lo + 1] = res;
    return res;
  }
  int mid = lo + (hi - lo) / 2, left, right;
#pragma dosc task
  left = reduce_sum(mask, count, lo, mid, ncols);
#pragma dosc task
  right = reduce_sum(mask, count, mid, hi, ncols);
#pragma dosc taskwait
  return left + right;
}

void scan_update(int begin, int end, int *a, int size) {
  if (end - begin <= size) return;
  if (end - begin <= 2 * size) {
    a[begin + size] = a[begin] + a[begin + size];
    return;
  }
  int count = (end - begin) / size / 2;
  count += count % 2;
  int middle = begin + count * size;
#pragma dosc task
  scan_update(begin, middle, a, size);
#pragma dosc task
  scan_update(middle, end, a, size);
#pragma dosc taskwait
}

/* Ladner-Fischer over [begin, end) */
void scan(int begin, int end, int *a, int size) {
  if (end - begin <= size) return;
#pragma dosc task
  scan_update(begin, end, a, size);
#pragma dosc taskwait
#pragma dosc task
  scan(begin + size, end, a, 2 * size);
#pragma dosc taskwait
#pragma dosc task
  scan_update(begin + size, end, a, size);
#pragma dosc taskwait
}

void fill_values(const int *m, const int *mask, const int *count, Point *values, int lo, int hi,
                 int ncols) {
  if (lo + 1 == hi) {
    int k = count[lo];
    for (int j = 0; j < ncols; j++) {
      if (mask[lo * ncols + j] == 1) {
        values[k].value = m[lo * ncols + j];
        values[k].i = lo;
        values[k].j = j;
        k++;
      }
    }
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  fill_values(m, mask, count, values, lo, mid, ncols);
#pragma dosc task
  fill_values(m, mask, count, values, mid, hi, ncols);
#pragma dosc taskwait
}

static int compare_points(const void *vl, const void *vr) {
  const Point *l = vl, *r = vr;
  if (l->value != r->value) return l->value - r->value;
  if (l->i != r->i) return l->i - r->i;
  return l->j - r->j;
}

void sort_points(Point *values, int n) { qsort(values, (size_t)n, sizeof *values, compare_points); }

/* outer */
static double sqr(double x) { return x * x; }
static double distance(Point a, Point b) { return sqrt(sqr(a.i - b.i) + sqr(a.j - b.j)); }

void outer(const Point *pts, double *matrix, double *vec, int lo, int hi, int n) {
  if (lo + 1 == hi) {
    double nmax = -1;
    for (int j = 0; j < n; j++) {
      if (lo != j) {
        matrix[lo * n + j] = distance(pts[lo], pts[j]);
        if (matrix[lo * n + j] > nmax) nmax = matrix[lo * n + j];
      }
    }
    matrix[lo * n + lo] = nmax * n;
    vec[lo] = distance((Point){0, 0, 0}, pts[lo]);
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  outer(pts, matrix, vec, lo, mid, n);
#pragma dosc task
  outer(pts, matrix, vec, mid, hi, n);
#pragma dosc taskwait
}

/* product */
void product(const double *matrix, const double *vec, double *result, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) {
    double sum = 0;
    for (int j = 0; j < n; j++) sum += matrix[i * n + j] * vec[j];
    result[i] = sum;
  }
}

/* half: even rows and columns to the top left, odd ones after them */
void half(const int *in, int *out, int lo, int hi, int nrows, int ncols) {
  int hr = (nrows + 1) / 2, hc = (ncols + 1) / 2;
  for (int r = lo; r < hi; r++) {
    int dr = r % 2 == 0 ? r / 2 : hr + r / 2;
    for (int c = 0; c < ncols; c++) {
      int dc = c % 2 == 0 ? c / 2 : hc + c / 2;
      out[dr * ncols + dc] = in[r * ncols + c];
    }
  }
}

/* life: one generation of rows [lo, hi) on a torus */
void life(const int *in, int *out, int lo, int hi, int nrows, int ncols) {
  for (int r = lo; r < hi; r++) {
    for (int c = 0; c < ncols; c++) {
      int live = 0;
      for (int dr = -1; dr <= 1; dr++)
        for (int dc = -1; dc <= 1; dc++) {
          if (dr == 0 && dc == 0) continue;
          live += in[((r + dr + nrows) % nrows) * ncols + (c + dc + ncols) % ncols];
        }
      int alive = in[r * ncols + c];
      out[r * ncols + c] = live == 3 || (alive && live == 2);
    }
  }
}

int main(int argc, char **argv) {
  int nr = argc > 1 ? atoi(argv[1]) : 12, nc = argc > 2 ? atoi(argv[2]) : 10;
  int percent = 40, nelts = 8;
  int *m = malloc(sizeof(int) * (size_t)(nr * nc));
  int *mm = malloc(sizeof(int) * (size_t)(nr * nc));
#pragma dosc task
  randmat(m, 0, nr, nc, 7u);
#pragma dosc task
  mandel(mm, 0, nr / 2, nc, -2.0, -1.0, 3.0 / nc, 2.0 / nr);
#pragma dosc task
  mandel(mm, nr / 2, nr, nc, -2.0, -1.0, 3.0 / nc, 2.0 / nr);
#pragma dosc taskwait
  for (int i = 0; i < nr * nc; i++) m[i] = (m[i] + mm[i]) % 100;

  int nmax;
#pragma dosc task
  nmax = reduce_max(m, 0, nr, nc);
  int nblocks = 3, rows_per = nr / nblocks;
  int *hist = malloc(sizeof(int) * 100 * (size_t)nblocks);
  for (int b = 0; b < nblocks; b++) {
    int rows = b == nblocks - 1 ? nr - b * rows_per : rows_per;
#pragma dosc task
    fill_histogram(m + b * rows_per * nc, rows, nc, hist + 100 * b);
  }
#pragma dosc taskwait
#pragma dosc task
  merge_histogram(hist, nblocks, 0, nmax + 1);
#pragma dosc taskwait
  int target = nr * nc * percent / 100, prefix = 0, threshold = nmax;
  for (int v = nmax; v >= 0 && prefix <= target; v--) {
    prefix += hist[v];
    threshold = v;
  }
  int *mask = malloc(sizeof(int) * (size_t)(nr * nc));
#pragma dosc task
  fill_mask(m, mask, 0, nr, nc, threshold);
#pragma dosc taskwait

  int *count = malloc(sizeof(int) * (size_t)(nr + 1)), n;
  count[0] = 0;
#pragma dosc task
  n = reduce_sum(mask, count, 0, nr, nc);
#pragma dosc taskwait
#pragma dosc task
  scan(0, nr + 1, count, 1);
#pragma dosc taskwait
  Point *values = malloc(sizeof(Point) * (size_t)(nr * nc));
#pragma dosc task
  fill_values(m, mask, count, values, 0, nr, nc);
#pragma dosc taskwait
#pragma dosc task
  sort_points(values, n);
#pragma dosc taskwait
  Point *pts = malloc(sizeof(Point) * (size_t)nelts);
  int chunk = n / nelts;
  for (int i = 0; i < nelts; i++) pts[i] = values[i * chunk];

  double *matrix = malloc(sizeof(double) * (size_t)(nelts * nelts));
  double *vec = malloc(sizeof(double) * (size_t)nelts);
  double *result = malloc(sizeof(double) * (size_t)nelts);
#pragma dosc task
  outer(pts, matrix, vec, 0, nelts, nelts);
#pragma dosc taskwait
#pragma dosc task
  product(matrix, vec, result, 0, nelts / 2, nelts);
#pragma dosc task
  product(matrix, vec, result, nelts / 2, nelts, nelts);

  int *shuffled = malloc(sizeof(int) * (size_t)(nr * nc));
  int *next = malloc(sizeof(int) * (size_t)(nr * nc));
#pragma dosc task
  half(m, shuffled, 0, nr / 2, nr, nc);
#pragma dosc task
  half(m, shuffled, nr / 2, nr, nr, nc);
#pragma dosc task
  life(mask, next, 0, nr / 3, nr, nc);
#pragma dosc task
  life(mask, next, nr / 3, nr, nr, nc);
#pragma dosc taskwait

  long sum = nmax * 1000L + threshold * 100L + n;
  for (int i = 0; i <= nr; i++) sum += count[i] * (i + 1);
  for (int i = 0; i < nelts; i++) sum += pts[i].value * 7 + pts[i].i * 3 + pts[i].j;
  for (int i = 0; i < nelts; i++) sum += (long)(result[i] * 10) % 100000;
  for (int i = 0; i < nr * nc; i++) sum += (long)shuffled[i] * (i % 7 + 1) + next[i] * (i % 3);
  printf("cowichan: max %d threshold %d points %d checksum %ld\n", nmax, threshold, n, sum);
  free(m), free(mm), free(hist), free(mask), free(count), free(values), free(pts);
  free(matrix), free(vec), free(result), free(shuffled), free(next);
  return 0;
}
