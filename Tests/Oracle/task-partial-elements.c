/* Remote attack: memcpy/memset byte counts that end inside an element (10 bytes of ints, a
   tail of 3 bytes past n doubles). The footprint was bytes / size elements, rounded down: the
   last, partly touched element was neither shipped in nor back (wrong answer under remote). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void copy_bytes(int *dst, const int *src, int nbytes) { memcpy(dst, src, nbytes); }

void fill_tail(double *d, int n) { memset(d, 0xff, n * sizeof(double) + 3); }

int main(void) {
  int *a = malloc(64 * sizeof(int)), *b = calloc(64, sizeof(int));
  for (int i = 0; i < 64; i++) a[i] = 0x01010101 * (i + 1);
  double *d = calloc(16, sizeof(double));
#pragma dosc task
  copy_bytes(b, a, 10);
#pragma dosc task
  copy_bytes(b + 32, a + 32, 7);
#pragma dosc task
  fill_tail(d, 4);
#pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < 64; i++) s += (long)b[i] * (i + 1) % 1000003;
  unsigned char *c = (unsigned char *)d;
  for (int i = 0; i < 16 * 8; i++) s += c[i] * i;
  printf("%ld\n", s);
  return 0;
}
