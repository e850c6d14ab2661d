/* Remote attack: memset/memcpy/memmove into parameters (row copies, clears, in-place shifts):
   their byte counts must become element footprints. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void clear_range(double *a, int lo, int hi) { memset(a + lo, 0, sizeof(double) * (size_t)(hi - lo)); }

void copy_rows(double *dst, const double *src, int lo, int hi, int m) {
  memcpy(dst + (size_t)lo * m, src + (size_t)lo * m, sizeof(double) * (size_t)(hi - lo) * m);
}

/* Shift right by one inside [lo, hi): dst and src overlap. */
void shift_right(int *a, int lo, int hi) {
  memmove(a + lo + 1, a + lo, sizeof(int) * (size_t)(hi - lo - 1));
  a[lo] = -1;
}

void fill_bytes(unsigned char *b, size_t n, int value) { memset(b, value, n); }

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 24, m = 5;
  double *a = malloc(sizeof(double) * (size_t)n * m), *b = malloc(sizeof(double) * (size_t)n * m);
  int *s = malloc(sizeof(int) * (size_t)n);
  unsigned char *bytes = malloc((size_t)n * 3);
  for (int i = 0; i < n * m; i++) a[i] = i % 13, b[i] = -1;
  for (int i = 0; i < n; i++) s[i] = i;
  for (int lo = 0; lo < n; lo += 7) {
    int hi = lo + 7 < n ? lo + 7 : n;
#pragma dosc task
    copy_rows(b, a, lo, hi, m);
#pragma dosc task
    shift_right(s, lo, hi);
  }
#pragma dosc taskwait
  for (int lo = 0; lo < n * m; lo += 11) {
    int hi = lo + 5 < n * m ? lo + 5 : n * m;
#pragma dosc task
    clear_range(b, lo, hi);
  }
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    fill_bytes(bytes + (size_t)k * n, (size_t)n, 'a' + k);
  }
#pragma dosc taskwait
  double t = 0;
  long u = 0;
  for (int i = 0; i < n * m; i++) t += b[i] * (i % 3 + 1);
  for (int i = 0; i < n; i++) u += s[i] * (i + 1);
  for (int i = 0; i < 3 * n; i++) u += bytes[i] * (i % 4);
  printf("copied %.1f shifted %ld\n", t, u);
  free(a);
  free(b);
  free(s);
  free(bytes);
  return 0;
}
