/* Footprint attack: a parameter accessed through a pointer to a wider type than its own
   elements: a `void *` buffer used as doubles (the conversion is implicit, so the analysis saw
   no cast: footprint `count: n, bytes: n` for 8n bytes touched), and an int array cleared as
   long longs and a byte buffer summed as ints (explicit casts: `writes: n` for 2n ints). */
#include <stdio.h>
#include <stdlib.h>

void add_half(void *p, int n) {
  double *d = p;
  for (int i = 0; i < n; i++) d[i] += 1.5;
}

void fill_wide(int *a, int n) {
  long long *w = (long long *)a;
  for (int i = 0; i < n; i++) w[i] = 0x0001000200030004LL * (i + 1);
}

void sum_words(const unsigned char *bytes, int n, long *out) {
  long s = 0;
  for (int i = 0; i < n; i++) s += *(const int *)(bytes + 4 * i);
  *out = s;
}

int main(void) {
  int n = 16;
  double *d = malloc(sizeof(double) * n);
  for (int i = 0; i < n; i++) d[i] = i;
  int *a = calloc(2 * n, sizeof(int));
  unsigned char *b = malloc(4 * n);
  for (int i = 0; i < 4 * n; i++) b[i] = (unsigned char)(i * 7);
  long s1 = 0;
#pragma dosc task
  add_half(d, n);
#pragma dosc task
  fill_wide(a, n);
#pragma dosc task
  sum_words(b, n, &s1);
#pragma dosc taskwait
  long s = s1;
  for (int i = 0; i < 2 * n; i++) s += a[i] % 1000003;
  for (int i = 0; i < n; i++) s += (long)(d[i] * 2);
  printf("%ld\n", s);
  return 0;
}
