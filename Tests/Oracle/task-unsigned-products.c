/* Bounds that are products of two `unsigned` parameters (branch consts): `w * h` is computed
   modulo 2^32, so a loop `i < w * h` or a `memset` of `w * h` bytes covers at most w*h
   elements: the footprints are [0, w*h), never dense (parboil's histo clears its bins so). */
#include <stdio.h>
#include <string.h>

void clear_bins(unsigned char *bins, unsigned h, unsigned w) { memset(bins, 0, h * w * sizeof(unsigned char)); }

void scale_image(const unsigned *img, double *out, unsigned w, unsigned h) {
  for (unsigned i = 0; i < w * h; i++) out[i] = img[i] * 0.5;
}

void clear_doubles(double *a, unsigned w, unsigned h) { memset(a, 0, w * h * sizeof(double)); }

int main(void) {
  unsigned char bins[64];
  unsigned img[48];
  double out[48], d[48];
  for (int i = 0; i < 64; i++) bins[i] = (unsigned char)(i + 1);
  for (int i = 0; i < 48; i++) img[i] = (unsigned)(i * 7), out[i] = -1, d[i] = i;
#pragma dosc task
  clear_bins(bins, 4, 8);
#pragma dosc task
  scale_image(img, out, 6, 8);
#pragma dosc task
  clear_doubles(d, 5, 0);
#pragma dosc task
  clear_doubles(d + 8, 4, 4);
#pragma dosc taskwait
  long s = 0;
  double t = 0;
  for (int i = 0; i < 64; i++) s += bins[i] * (i + 1);
  for (int i = 0; i < 48; i++) t += out[i] * (i + 1) + d[i] * (i + 2);
  printf("%ld %.2f\n", s, t);
  return 0;
}
