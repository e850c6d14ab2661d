/* Footprints of recursive divide and conquer by induction (RecursiveFootprintInduction): a task
   that passes its pointer on to its own calls has the footprint of its own work when every
   call's footprint lies inside its caller's under the conditions that reach the call. Beside
   the shapes that get one (row blocks split at lo + (hi - lo) / 2 or (lo + hi) / 2, halves of a
   pointer at n / 2, a depth-limited tree, an odd split around a middle element, a split that
   makes no progress, swapped bounds), look-alikes that must stay null or wider: a range widened
   by a call (lo - 1, hi + 1 under a guard), a pointer advanced by a parameter, a merge sort and
   a quicksort whose merge or partition the analysis cannot bound. */
#include <stdio.h>
#include <stdlib.h>

#define CUT 3

/* Row blocks [lo, hi) of an n-column matrix, split at lo + (hi - lo) / 2: [lo*ncols, hi*ncols). */
void rows_fill(double *m, int ncols, int lo, int hi) {
  if (hi - lo <= CUT) {
    for (int i = lo; i < hi; i++)
      for (int j = 0; j < ncols; j++) m[i * ncols + j] = i * 0.5 + j;
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  rows_fill(m, ncols, lo, mid);
#pragma dosc task
  rows_fill(m, ncols, mid, hi);
#pragma dosc taskwait
}

/* The same split at (lo + hi) / 2, reading one matrix into another. */
void rows_scale(const double *in, double *out, int ncols, int lo, int hi) {
  if (hi - lo < 2) {
    for (int i = lo; i < hi; i++)
      for (int j = 0; j < ncols; j++) out[i * ncols + j] = 2.0 * in[i * ncols + j];
    return;
  }
  int mid = (lo + hi) / 2;
#pragma dosc task
  rows_scale(in, out, ncols, lo, mid);
#pragma dosc task
  rows_scale(in, out, ncols, mid, hi);
#pragma dosc taskwait
}

/* Halves of a pointer: a, then a + n / 2: [0, n). */
void halves(int *a, int n) {
  if (n <= 4) {
    for (int i = 0; i < n; i++) a[i] += i;
    return;
  }
  int h = n / 2;
#pragma dosc task
  halves(a, h);
#pragma dosc task
  halves(a + h, n - h);
#pragma dosc taskwait
}

/* Tree recursion with no change to the pointer, limited by depth: [0, n). */
void tree(double *a, int n, int depth) {
  if (depth <= 0) {
    for (int i = 0; i < n; i++) a[i] += 1.0;
    return;
  }
#pragma dosc task
  tree(a, n, depth - 1);
#pragma dosc taskwait
  tree(a, n, depth - 1);
}

/* An odd split: the middle element is the caller's own, the halves skip it. */
void odd_split(long *a, int lo, int hi) {
  if (hi - lo < 2) {
    for (int i = lo; i < hi; i++) a[i] = i;
    return;
  }
  int mid = lo + (hi - lo) / 2;
  a[mid] = -mid;
#pragma dosc task
  odd_split(a, lo, mid);
#pragma dosc task
  odd_split(a, mid + 1, hi);
#pragma dosc taskwait
}

/* No progress (mid is hi): the recursion ends by depth only; its footprint is still [lo, hi). */
void no_progress(int *a, int lo, int hi, int depth) {
  if (depth <= 0 || hi - lo <= CUT) {
    for (int i = lo; i < hi; i++) a[i] += depth;
    return;
  }
  int mid = hi;
#pragma dosc task
  no_progress(a, lo, mid, depth - 1);
#pragma dosc task
  no_progress(a, mid, hi, depth - 1);
#pragma dosc taskwait
}

/* Swapped bounds: the second call's range is empty. */
void swapped(int *a, int lo, int hi) {
  if (hi - lo <= CUT) {
    for (int i = lo; i < hi; i++) a[i] = 7 * i;
    return;
  }
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  swapped(a, lo, mid);
#pragma dosc task
  swapped(a, hi, mid);
#pragma dosc task
  swapped(a, mid, hi);
#pragma dosc taskwait
}

/* Widened by the call (lo - 1): the footprint of one invocation does not hold the call's. */
void widen_low(int *a, int lo, int hi, int depth) {
  if (depth <= 0) {
    for (int i = lo; i < hi; i++) a[i] += 1;
    return;
  }
  if (lo > 0) {
#pragma dosc task
    widen_low(a, lo - 1, hi, depth - 1);
  } else {
#pragma dosc task
    widen_low(a, lo, hi, depth - 1);
  }
#pragma dosc taskwait
}

/* Widened upwards under a guard (hi + 1 while hi < n). */
void widen_high(int *a, int lo, int hi, int n, int depth) {
  if (depth <= 0) {
    for (int i = lo; i < hi; i++) a[i] += 2;
    return;
  }
  if (hi < n) {
#pragma dosc task
    widen_high(a, lo, hi + 1, n, depth - 1);
#pragma dosc taskwait
  }
}

/* A pointer advanced by a parameter. */
void stride_on(int *a, int n, int step, int depth) {
  for (int i = 0; i < n; i++) a[i] += 3;
  if (depth <= 0) return;
#pragma dosc task
  stride_on(a + step, n, step, depth - 1);
#pragma dosc taskwait
}

/* A merge sort over [lo, hi) through tmp, merging with indices the analysis does not follow. */
void merge_sort(int *a, int *tmp, int lo, int hi) {
  if (hi - lo < 2) return;
  int mid = lo + (hi - lo) / 2;
#pragma dosc task
  merge_sort(a, tmp, lo, mid);
#pragma dosc task
  merge_sort(a, tmp, mid, hi);
#pragma dosc taskwait
  int i = lo, j = mid, k = lo;
  while (i < mid && j < hi) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < hi) tmp[k++] = a[j++];
  for (int x = lo; x < hi; x++) a[x] = tmp[x];
}

/* A quicksort on a + p + 1, p from the partition. */
void quick_sort(int *a, int n) {
  if (n < 2) return;
  int pivot = a[n - 1], p = 0;
  for (int i = 0; i < n - 1; i++)
    if (a[i] < pivot) {
      int t = a[i];
      a[i] = a[p];
      a[p] = t;
      p++;
    }
  a[n - 1] = a[p];
  a[p] = pivot;
#pragma dosc task
  quick_sort(a, p);
#pragma dosc task
  quick_sort(a + p + 1, n - p - 1);
#pragma dosc taskwait
}

static long checksum_d(const double *a, int n) {
  double s = 0;
  for (int i = 0; i < n; i++) s += a[i] * (i % 7 + 1);
  return (long)s;
}

static long checksum_i(const int *a, int n) {
  long s = 0;
  for (int i = 0; i < n; i++) s += (long)a[i] * (i % 5 + 1);
  return s;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 37;
  int ncols = 5;
  double *m = calloc((size_t)(n * ncols), sizeof(double));
  double *out = calloc((size_t)(n * ncols), sizeof(double));
#pragma dosc task
  rows_fill(m, ncols, 0, n);
#pragma dosc taskwait
#pragma dosc task
  rows_fill(m, ncols, 3, n - 4);
#pragma dosc task
  rows_scale(m, out, ncols, 2, n - 1);
#pragma dosc taskwait
  printf("rows %ld %ld\n", checksum_d(m, n * ncols), checksum_d(out, n * ncols));

  int *a = calloc((size_t)n, sizeof(int));
#pragma dosc task
  halves(a, n);
  /* Both add to a[3 .. n-8]: siblings that store the same elements race (a remote run ships
     each its own copy and the later write-back wins), so the second waits for the first. */
#pragma dosc taskwait
#pragma dosc task
  halves(a + 3, n - 10);
#pragma dosc taskwait
  printf("halves %ld\n", checksum_i(a, n));

  double *t = calloc((size_t)n, sizeof(double));
#pragma dosc task
  tree(t, n - 2, 3);
#pragma dosc taskwait
  printf("tree %ld\n", checksum_d(t, n));

  long *l = calloc((size_t)n, sizeof(long));
#pragma dosc task
  odd_split(l, 1, n - 1);
#pragma dosc taskwait
  long ls = 0;
  for (int i = 0; i < n; i++) ls += l[i] * (i % 3 + 1);
  printf("odd %ld\n", ls);

  int *b = calloc((size_t)n, sizeof(int));
#pragma dosc task
  no_progress(b, 2, n - 2, 3);
#pragma dosc task
  swapped(a, 4, n - 3);
#pragma dosc taskwait
  printf("no-progress %ld swapped %ld\n", checksum_i(b, n), checksum_i(a, n));

  int *c = calloc((size_t)(3 * n), sizeof(int));
#pragma dosc task
  widen_low(c, 5, 9, 3);
#pragma dosc task
  widen_high(c, n, n + 4, n + 6, 4);
#pragma dosc task
  stride_on(c + n + 10, 4, 3, 3);
#pragma dosc taskwait
  printf("widen %ld\n", checksum_i(c, 3 * n));

  int *s = malloc(sizeof(int) * (size_t)n), *tmp = malloc(sizeof(int) * (size_t)n);
  int *q = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) s[i] = q[i] = (i * 7919) % 101 - 50;
#pragma dosc task
  merge_sort(s, tmp, 0, n);
#pragma dosc task
  quick_sort(q, n);
#pragma dosc taskwait
  printf("sorted %ld %ld\n", checksum_i(s, n), checksum_i(q, n));
  free(m);
  free(out);
  free(a);
  free(t);
  free(l);
  free(b);
  free(c);
  free(s);
  free(tmp);
  free(q);
  return 0;
}
