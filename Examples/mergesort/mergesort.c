/* Merge sort on array sections: each half of a section is sorted by a task, then merged. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Merges the sorted sections a[0:mid] and a[mid:n-mid] through tmp[0:n]. */
static void merge(long *a, long *tmp, long mid, long n) {
  long i = 0, j = mid, k = 0;
  while (i < mid && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < mid) tmp[k++] = a[i++];
  while (j < n) tmp[k++] = a[j++];
  memcpy(a, tmp, n * sizeof *a);
}

/* Sorts a[0:n], using tmp[0:n] as scratch. */
void msort(long *a, long *tmp, long n) {
  if (n < 32) {
    for (long i = 1; i < n; i++)
      for (long j = i; j > 0 && a[j - 1] > a[j]; j--) {
        long t = a[j];
        a[j] = a[j - 1];
        a[j - 1] = t;
      }
    return;
  }
  long half = n / 2;
#pragma dosc task
  msort(a, tmp, half);
#pragma dosc task
  msort(a + half, tmp + half, n - half);
#pragma dosc taskwait
  merge(a, tmp, half, n);
}

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 1000000;
  long *a = malloc(n * sizeof *a), *tmp = malloc(n * sizeof *tmp);
  unsigned long long state = 42;
  for (long i = 0; i < n; i++) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    a[i] = (long)(state >> 33) % 1000000;
  }
  msort(a, tmp, n);
  long unsorted = 0;
  unsigned long long checksum = 0;
  for (long i = 0; i < n; i++) {
    if (i > 0 && a[i - 1] > a[i]) unsorted++;
    checksum = checksum * 31 + (unsigned long long)a[i];
  }
  printf("n = %ld unsorted = %ld min = %ld median = %ld max = %ld checksum = %llu\n", n, unsorted, a[0],
         a[n / 2], a[n - 1], checksum);
  free(a);
  free(tmp);
  return 0;
}
