/* Remote attack: recursion over sub-array pointers (Cilk cilksort, BOTS sort): each level
   passes `a + mid` and `tmp + mid`, and the merge reads two halves into a third array. */
#include <stdio.h>
#include <stdlib.h>

static void merge(const int *a, int na, const int *b, int nb, int *out) {
  int i = 0, j = 0, k = 0;
  while (i < na && j < nb) out[k++] = a[i] <= b[j] ? a[i++] : b[j++];
  while (i < na) out[k++] = a[i++];
  while (j < nb) out[k++] = b[j++];
}

void msort(int *a, int *tmp, int n) {
  if (n < 2) return;
  if (n <= 8) {
    for (int i = 1; i < n; i++)
      for (int j = i; j > 0 && a[j - 1] > a[j]; j--) {
        int t = a[j];
        a[j] = a[j - 1];
        a[j - 1] = t;
      }
    return;
  }
  int mid = n / 2;
#pragma dosc task
  msort(a, tmp, mid);
#pragma dosc task
  msort(a + mid, tmp + mid, n - mid);
#pragma dosc taskwait
  merge(a, mid, a + mid, n - mid, tmp);
  for (int i = 0; i < n; i++) a[i] = tmp[i];
}

/* A leaf sort of one chunk, then chunks merged pairwise by tasks. */
void merge_pair(const int *src, int *dst, int lo, int mid, int hi) {
  merge(src + lo, mid - lo, src + mid, hi - mid, dst + lo);
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 77;
  int *a = malloc(sizeof(int) * (size_t)n), *tmp = malloc(sizeof(int) * (size_t)n);
  int *b = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) a[i] = (i * 7919) % 101 - 50;
  for (int i = 0; i < n; i++) b[i] = a[i];
#pragma dosc task
  msort(a, tmp, n);
#pragma dosc taskwait
  int chunk = 10;
  for (int lo = 0; lo < n; lo += chunk) {
    int len = lo + chunk < n ? chunk : n - lo;
#pragma dosc task
    msort(b + lo, tmp + lo, len);
  }
#pragma dosc taskwait
  for (int width = chunk; width < n; width *= 2) {
    for (int lo = 0; lo < n; lo += 2 * width) {
      int mid = lo + width < n ? lo + width : n, hi = lo + 2 * width < n ? lo + 2 * width : n;
#pragma dosc task
      merge_pair(b, tmp, lo, mid, hi);
    }
#pragma dosc taskwait
    for (int i = 0; i < n; i++) b[i] = tmp[i];
  }
  long check = 0;
  for (int i = 0; i < n; i++) check += (long)a[i] * (i + 1) + (long)b[i] * (i + 3);
  printf("sorted %d..%d check %ld\n", a[0], a[n - 1], check);
  free(a);
  free(b);
  free(tmp);
  return 0;
}
