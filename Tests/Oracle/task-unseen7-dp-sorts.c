/* Dynamic programming and sorts as recursive tasks (branch unseen7), written as a user would
   convert the textbook codes: LCS over an (n+1) x (m+1) table in square blocks spawned by
   anti-diagonal (each block reads the row above and the column left of it), edit distance one
   row at a time from the previous row, Smith-Waterman's local score in column strips returning
   the best cell, Floyd-Warshall's rows split recursively for each k (row k read while rows
   [lo, hi) are written), 0/1 knapsack's capacity range from the previous item's row
   (`prev[c - w]` under `c >= w`), Cilk-style merge sort with a scratch buffer and a separate
   merge, quicksort's Hoare partition on inclusive bounds, LSD radix sort with per-block counts
   and a scatter by data-dependent offsets, bitonic sort's recursive halves and compare-exchange
   at `lo + i + k`, and sample sort's buckets sorted as tasks. The program prints a checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BS 4

static int max2(int a, int b) { return a > b ? a : b; }
static int min3(int a, int b, int c) {
  int m = a < b ? a : b;
  return m < c ? m : c;
}

/* LCS: block (bi, bj) of the table, rows 1 + bi*BS.., columns 1 + bj*BS.. */
void lcs_block(int *h, const char *a, const char *b, int n, int m, int bi, int bj) {
  int w = m + 1;
  int i0 = 1 + bi * BS, j0 = 1 + bj * BS;
  int i1 = i0 + BS > n + 1 ? n + 1 : i0 + BS, j1 = j0 + BS > m + 1 ? m + 1 : j0 + BS;
  for (int i = i0; i < i1; i++)
    for (int j = j0; j < j1; j++) {
      if (a[i - 1] == b[j - 1])
        h[i * w + j] = h[(i - 1) * w + j - 1] + 1;
      else
        h[i * w + j] = max2(h[(i - 1) * w + j], h[i * w + j - 1]);
    }
}

/* Edit distance: row i from row i - 1 */
void edit_row(const int *prev, int *cur, const char *b, char ai, int m, int i) {
  cur[0] = i;
  for (int j = 1; j <= m; j++) {
    int sub = prev[j - 1] + (ai != b[j - 1]);
    cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, sub);
  }
}

/* Smith-Waterman on columns [c0, c1) of all rows, once the strip on the left is done. */
struct sw_params {
  int match, mismatch, gap;
};

int smith_waterman_strip(int *h, const char *a, const char *b, int n, int m, int c0, int c1,
                         const struct sw_params *p) {
  int w = m + 1, best = 0;
  for (int i = 1; i <= n; i++)
    for (int j = c0; j < c1; j++) {
      int diag = h[(i - 1) * w + j - 1] + (a[i - 1] == b[j - 1] ? p->match : p->mismatch);
      int up = h[(i - 1) * w + j] - p->gap, left = h[i * w + j - 1] - p->gap;
      int v = max2(0, max2(diag, max2(up, left)));
      h[i * w + j] = v;
      best = max2(best, v);
    }
  return best;
}

/* Floyd-Warshall: rows [lo, hi) relaxed through k */
void floyd_rows(int *d, int n, int k, int lo, int hi) {
  if (hi - lo > 3) {
    int mid = lo + (hi - lo) / 2;
#pragma dosc task
    floyd_rows(d, n, k, lo, mid);
#pragma dosc task
    floyd_rows(d, n, k, mid, hi);
#pragma dosc taskwait
    return;
  }
  for (int i = lo; i < hi; i++) {
    if (i == k) continue;
    int dik = d[i * n + k];
    for (int j = 0; j < n; j++)
      if (dik + d[k * n + j] < d[i * n + j]) d[i * n + j] = dik + d[k * n + j];
  }
}

/* 0/1 knapsack: capacities [lo, hi] of one item's row */
void knap_row(const int *prev, int *cur, int weight, int value, int lo, int hi) {
  for (int c = lo; c <= hi; c++) {
    cur[c] = prev[c];
    if (c >= weight && prev[c - weight] + value > cur[c]) cur[c] = prev[c - weight] + value;
  }
}

/* merge sort (cilksort's shape: sort into place, merge through the scratch buffer) */
static void merge(const int *a, int na, const int *b, int nb, int *out) {
  int i = 0, j = 0, k = 0;
  while (i < na && j < nb) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < na) out[k++] = a[i++];
  while (j < nb) out[k++] = b[j++];
}

void merge_sort(int *a, int *tmp, int n) {
  if (n < 8) {
    for (int i = 1; i < n; i++) {
      int v = a[i], j = i - 1;
      while (j >= 0 && a[j] > v) {
        a[j + 1] = a[j];
        j--;
      }
      a[j + 1] = v;
    }
    return;
  }
  int h = n / 2;
#pragma dosc task
  merge_sort(a, tmp, h);
#pragma dosc task
  merge_sort(a + h, tmp + h, n - h);
#pragma dosc taskwait
  merge(a, h, a + h, n - h, tmp);
  memcpy(a, tmp, sizeof(int) * (size_t)n);
}

/* quicksort on a[lo..hi] */
void quick_sort(int *a, int lo, int hi) {
  if (lo >= hi) return;
  int pivot = a[lo + (hi - lo) / 2], i = lo - 1, j = hi + 1;
  for (;;) {
    do i++;
    while (a[i] < pivot);
    do j--;
    while (a[j] > pivot);
    if (i >= j) break;
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
#pragma dosc task
  quick_sort(a, lo, j);
#pragma dosc task
  quick_sort(a, j + 1, hi);
#pragma dosc taskwait
}

/* LSD radix sort, 8 bits a pass */
void radix_count(const unsigned *keys, int n, int shift, int *count) {
  memset(count, 0, 256 * sizeof(int));
  for (int i = 0; i < n; i++) count[(keys[i] >> shift) & 0xff]++;
}

void radix_scatter(const unsigned *keys, int n, int shift, int *offset, unsigned *out) {
  for (int i = 0; i < n; i++) out[offset[(keys[i] >> shift) & 0xff]++] = keys[i];
}

/* bitonic sort of a[lo, lo + n), n a power of two */
void bitonic_merge(int *a, int lo, int n, int up) {
  if (n < 2) return;
  int k = n / 2;
  for (int i = 0; i < k; i++)
    if ((a[lo + i] > a[lo + i + k]) == up) {
      int t = a[lo + i];
      a[lo + i] = a[lo + i + k];
      a[lo + i + k] = t;
    }
#pragma dosc task
  bitonic_merge(a, lo, k, up);
#pragma dosc task
  bitonic_merge(a, lo + k, k, up);
#pragma dosc taskwait
}

void bitonic_sort(int *a, int lo, int n, int up) {
  if (n < 2) return;
  int k = n / 2;
#pragma dosc task
  bitonic_sort(a, lo, k, 1);
#pragma dosc task
  bitonic_sort(a, lo + k, k, 0);
#pragma dosc taskwait
  bitonic_merge(a, lo, n, up);
}

/* sample sort's buckets */
static int cmp_int(const void *l, const void *r) {
  int a = *(const int *)l, b = *(const int *)r;
  return (a > b) - (a < b);
}

void sort_bucket(int *a, int n) { qsort(a, (size_t)n, sizeof(int), cmp_int); }

static unsigned next_rand(unsigned *s) {
  *s = *s * 1103515245u + 12345u;
  return (*s >> 8) & 0xffffff;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 64;
  unsigned seed = 11;
  long sum = 0;

  /* LCS by anti-diagonals of blocks */
  const char *sa = "ACCGGTCGAGTGCGCGGAAGCCGGCCGAA", *sb = "GTCGTTCGGAATGCCGTTGCTCTGTAAA";
  int la = (int)strlen(sa), lb = (int)strlen(sb);
  char *a = malloc((size_t)la + 1), *b = malloc((size_t)lb + 1);
  memcpy(a, sa, (size_t)la + 1), memcpy(b, sb, (size_t)lb + 1);
  int *h = calloc((size_t)((la + 1) * (lb + 1)), sizeof(int));
  int nbi = (la + BS - 1) / BS, nbj = (lb + BS - 1) / BS;
  for (int diag = 0; diag < nbi + nbj - 1; diag++) {
    for (int bi = 0; bi < nbi; bi++) {
      int bj = diag - bi;
      if (bj < 0 || bj >= nbj) continue;
#pragma dosc task
      lcs_block(h, a, b, la, lb, bi, bj);
    }
#pragma dosc taskwait
  }
  sum += h[la * (lb + 1) + lb] * 1000L;

  /* edit distance */
  int *rows = malloc(sizeof(int) * (size_t)(2 * (lb + 1)));
  for (int j = 0; j <= lb; j++) rows[j] = j;
  for (int i = 1; i <= la; i++) {
    int *prev = rows + ((i - 1) % 2) * (lb + 1), *cur = rows + (i % 2) * (lb + 1);
#pragma dosc task
    edit_row(prev, cur, b, a[i - 1], lb, i);
#pragma dosc taskwait
  }
  sum += rows[(la % 2) * (lb + 1) + lb] * 100L;

  /* Smith-Waterman in strips of columns, left to right */
  int *sw = calloc((size_t)((la + 1) * (lb + 1)), sizeof(int));
  struct sw_params *params = malloc(sizeof *params);
  *params = (struct sw_params){3, -3, 2};
  int best = 0;
  for (int c0 = 1; c0 <= lb; c0 += 7) {
    int c1 = c0 + 7 > lb + 1 ? lb + 1 : c0 + 7, strip;
#pragma dosc task
    strip = smith_waterman_strip(sw, a, b, la, lb, c0, c1, params);
#pragma dosc taskwait
    best = max2(best, strip);
  }
  sum += best * 10L;

  /* Floyd-Warshall */
  int nv = 12;
  int *d = malloc(sizeof(int) * (size_t)(nv * nv));
  for (int i = 0; i < nv; i++)
    for (int j = 0; j < nv; j++) d[i * nv + j] = i == j ? 0 : (int)(next_rand(&seed) % 50) + 1;
  for (int k = 0; k < nv; k++) {
#pragma dosc task
    floyd_rows(d, nv, k, 0, nv);
#pragma dosc taskwait
  }
  for (int i = 0; i < nv * nv; i++) sum += d[i] * (i % 5 + 1);

  /* knapsack: two halves of each row */
  int cap = 40, items = 9;
  int *kp = calloc((size_t)(2 * (cap + 1)), sizeof(int));
  for (int it = 0; it < items; it++) {
    int weight = it * 3 % 11 + 2, value = it * 7 % 13 + 1;
    const int *prev = kp + (it % 2) * (cap + 1);
    int *cur = kp + ((it + 1) % 2) * (cap + 1);
#pragma dosc task
    knap_row(prev, cur, weight, value, 0, cap / 2);
#pragma dosc task
    knap_row(prev, cur, weight, value, cap / 2 + 1, cap);
#pragma dosc taskwait
  }
  sum += kp[(items % 2) * (cap + 1) + cap] * 10000L;

  /* sorts */
  int *v1 = malloc(sizeof(int) * (size_t)n), *v2 = malloc(sizeof(int) * (size_t)n);
  int *tmp = malloc(sizeof(int) * (size_t)n), *v3 = malloc(sizeof(int) * 64);
  unsigned *keys = malloc(sizeof(unsigned) * (size_t)n), *keys2 = malloc(sizeof(unsigned) * (size_t)n);
  for (int i = 0; i < n; i++) {
    v1[i] = (int)(next_rand(&seed) % 1000);
    v2[i] = (int)(next_rand(&seed) % 1000) - 500;
    keys[i] = next_rand(&seed);
  }
  for (int i = 0; i < 64; i++) v3[i] = (int)(next_rand(&seed) % 100);
#pragma dosc task
  merge_sort(v1, tmp, n);
#pragma dosc task
  quick_sort(v2, 0, n - 1);
#pragma dosc task
  bitonic_sort(v3, 0, 64, 1);
#pragma dosc taskwait
  int *counts = malloc(sizeof(int) * 256 * 2);
  for (int shift = 0; shift < 24; shift += 8) {
    int h0 = n / 2;
#pragma dosc task
    radix_count(keys, h0, shift, counts);
#pragma dosc task
    radix_count(keys + h0, n - h0, shift, counts + 256);
#pragma dosc taskwait
    int *offset = malloc(sizeof(int) * 256 * 2), at = 0;
    for (int dgt = 0; dgt < 256; dgt++) {
      offset[dgt] = at;
      at += counts[dgt];
      offset[256 + dgt] = at;
      at += counts[256 + dgt];
    }
#pragma dosc task
    radix_scatter(keys, h0, shift, offset, keys2);
#pragma dosc task
    radix_scatter(keys + h0, n - h0, shift, offset + 256, keys2);
#pragma dosc taskwait
    memcpy(keys, keys2, sizeof(unsigned) * (size_t)n);
    free(offset);
  }

  /* sample sort: 4 buckets by three splitters */
  int *bucket = malloc(sizeof(int) * (size_t)n), bstart[5] = {0}, splitters[3] = {250, 500, 750};
  int at = 0;
  for (int bk = 0; bk < 4; bk++) {
    bstart[bk] = at;
    for (int i = 0; i < n; i++) {
      int v = (v1[i] * 37 + 11) % 1000;
      int which = v < splitters[0] ? 0 : v < splitters[1] ? 1 : v < splitters[2] ? 2 : 3;
      if (which == bk) bucket[at++] = v;
    }
  }
  bstart[4] = at;
  for (int bk = 0; bk < 4; bk++) {
#pragma dosc task
    sort_bucket(bucket + bstart[bk], bstart[bk + 1] - bstart[bk]);
  }
#pragma dosc taskwait

  for (int i = 0; i < n; i++) {
    sum += (long)v1[i] * (i % 7 + 1) + (long)v2[i] * (i % 5 + 1) + bucket[i] * (i % 3);
    sum += (long)(keys[i] % 1000) * (i % 4 + 1);
    if (i > 0 && (v1[i - 1] > v1[i] || v2[i - 1] > v2[i] || keys[i - 1] > keys[i])) sum += 999999;
  }
  for (int i = 0; i < 64; i++) sum += v3[i] * (i + 1) + (i > 0 && v3[i - 1] > v3[i]) * 999999;
  printf("dp-sorts: lcs %d edit %d sw %d checksum %ld\n", h[la * (lb + 1) + lb],
         rows[(la % 2) * (lb + 1) + lb], best, sum);
  free(a), free(b), free(h), free(rows), free(sw), free(params), free(d), free(kp);
  free(v1), free(v2), free(tmp), free(v3), free(keys), free(keys2), free(counts), free(bucket);
  return 0;
}
