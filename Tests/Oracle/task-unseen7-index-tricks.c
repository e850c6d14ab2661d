/* Index shapes of the iterative forms of the same codes (branch unseen7): bitonic sort's network
   with the partner `i ^ j` under `ixj > i`, Blelloch's work-efficient scan (up-sweep
   `a[i + 2d - 1] += a[i + d - 1]` with d doubling, then the down-sweep), adpcm's QMF delay line
   given as a parameter and shifted back by a decrementing pointer pair from `p + n - 1`, LSD radix
   sort's inclusive prefix and its backward scatter `out[--count[digit]]`, Rodinia srad's
   neighbour index arrays (`iN[i] = i - 1` with the edge clamped) used as row indices, NPB IS's
   key ranks through `key_buff[key[i]]`, and a 3x3 kernel walked by one pointer across three
   loops. The program prints a checksum. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* bitonic network over a[0, n), n a power of two */
void bitonic_network(int *a, int n) {
  for (int k = 2; k <= n; k <<= 1)
    for (int j = k >> 1; j > 0; j >>= 1)
      for (int i = 0; i < n; i++) {
        int ixj = i ^ j;
        if (ixj > i) {
          int up = (i & k) == 0;
          if ((a[i] > a[ixj]) == up) {
            int t = a[i];
            a[i] = a[ixj];
            a[ixj] = t;
          }
        }
      }
}

/* Blelloch exclusive scan of a[0, n), n a power of two */
void blelloch_scan(int *a, int n) {
  for (int d = 1; d < n; d *= 2)
    for (int i = 0; i < n; i += 2 * d) a[i + 2 * d - 1] += a[i + d - 1];
  a[n - 1] = 0;
  for (int d = n / 2; d >= 1; d /= 2)
    for (int i = 0; i < n; i += 2 * d) {
      int t = a[i + d - 1];
      a[i + d - 1] = a[i + 2 * d - 1];
      a[i + 2 * d - 1] += t;
    }
}

/* a delay line of n taps: filter, shift back by two, insert the new pair */
long qmf_step(int *line, const int *h, int n, int x1, int x2) {
  long acc = 0;
  const int *lp = line, *hp = h;
  for (int i = 0; i < n; i++) acc += (long)(*lp++) * (*hp++);
  int *dst = line + n - 1, *src = dst - 2;
  for (int i = 0; i < n - 2; i++) *dst-- = *src--;
  *dst-- = x1;
  *dst = x2;
  return acc;
}

void radix_pass(const unsigned *in, unsigned *out, int n, int shift, int *count) {
  memset(count, 0, 16 * sizeof(int));
  for (int i = 0; i < n; i++) count[(in[i] >> shift) & 15]++;
  for (int d = 1; d < 16; d++) count[d] += count[d - 1];
  for (int i = n - 1; i >= 0; i--) out[--count[(in[i] >> shift) & 15]] = in[i];
}

/* srad's neighbour indices and one diffusion step of rows [0, rows) */
void srad_indices(int *in_, int *is_, int *jw, int *je, int rows, int cols) {
  for (int i = 0; i < rows; i++) in_[i] = i - 1, is_[i] = i + 1;
  for (int j = 0; j < cols; j++) jw[j] = j - 1, je[j] = j + 1;
  in_[0] = 0;
  is_[rows - 1] = rows - 1;
  jw[0] = 0;
  je[cols - 1] = cols - 1;
}

void srad_step(const float *j_img, float *d, const int *in_, const int *is_, const int *jw,
               const int *je, int rows, int cols) {
  for (int i = 0; i < rows; i++)
    for (int j = 0; j < cols; j++) {
      int k = i * cols + j;
      float c = j_img[k];
      d[k] = j_img[in_[i] * cols + j] + j_img[is_[i] * cols + j] + j_img[i * cols + jw[j]] +
             j_img[i * cols + je[j]] - 4 * c;
    }
}

/* NPB IS: ranks of keys in [0, max_key) */
void is_rank(const int *key, int n, int *key_buff, int max_key, int *rank) {
  for (int i = 0; i < max_key; i++) key_buff[i] = 0;
  for (int i = 0; i < n; i++) key_buff[key[i]]++;
  for (int i = 1; i < max_key; i++) key_buff[i] += key_buff[i - 1];
  for (int i = 0; i < n; i++) rank[i] = key_buff[key[i]] - 1;
}

/* a 3x3 kernel by one pointer across three loops, rows [lo, hi) of a w-wide image */
void conv3(const float *img, const float *kernel, float *out, int lo, int hi, int w) {
  for (int r = lo; r < hi; r++)
    for (int c = 1; c < w - 1; c++) {
      const float *kp = kernel;
      float s = 0;
      for (int i = -1; i <= 1; i++) s += *kp++ * img[(r - 1) * w + c + i];
      for (int i = -1; i <= 1; i++) s += *kp++ * img[r * w + c + i];
      for (int i = -1; i <= 1; i++) s += *kp++ * img[(r + 1) * w + c + i];
      out[r * w + c] = s;
    }
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 32;
  long sum = 0;
  int *a = malloc(sizeof(int) * (size_t)n), *s = malloc(sizeof(int) * (size_t)n);
  for (int i = 0; i < n; i++) a[i] = (i * 29 + 7) % 61, s[i] = i % 5 + 1;
#pragma dosc task
  bitonic_network(a, n);
#pragma dosc task
  blelloch_scan(s, n);
#pragma dosc taskwait
  for (int i = 0; i < n; i++) sum += a[i] * (i + 1) + s[i] * (i % 3 + 1);

  int taps = 12;
  int *line = calloc((size_t)(2 * taps), sizeof(int)), *h = malloc(sizeof(int) * (size_t)taps);
  for (int i = 0; i < taps; i++) h[i] = i % 4 - 1;
  for (int step = 0; step < 10; step++) {
    long acc0, acc1;
#pragma dosc task
    acc0 = qmf_step(line, h, taps, step * 3, step - 4);
#pragma dosc task
    acc1 = qmf_step(line + taps, h, taps, step * 2, 7 - step);
#pragma dosc taskwait
    sum += acc0 * 3 + acc1;
  }

  unsigned *keys = malloc(sizeof(unsigned) * (size_t)n), *keys2 = malloc(sizeof(unsigned) * (size_t)n);
  int *count = malloc(16 * sizeof(int));
  for (int i = 0; i < n; i++) keys[i] = (unsigned)(i * 2654435761u) >> 20;
  for (int shift = 0; shift < 12; shift += 4) {
#pragma dosc task
    radix_pass(keys, keys2, n, shift, count);
#pragma dosc taskwait
    memcpy(keys, keys2, sizeof(unsigned) * (size_t)n);
  }
  for (int i = 0; i < n; i++) sum += (long)(keys[i] % 977) * (i % 4 + 1);

  int rows = 6, cols = 5;
  int *in_ = malloc(sizeof(int) * (size_t)rows), *is_ = malloc(sizeof(int) * (size_t)rows);
  int *jw = malloc(sizeof(int) * (size_t)cols), *je = malloc(sizeof(int) * (size_t)cols);
  float *img = malloc(sizeof(float) * (size_t)(rows * cols)), *dimg = malloc(sizeof(float) * (size_t)(rows * cols));
  for (int i = 0; i < rows * cols; i++) img[i] = (float)((i * 7) % 11);
#pragma dosc task
  srad_indices(in_, is_, jw, je, rows, cols);
#pragma dosc taskwait
#pragma dosc task
  srad_step(img, dimg, in_, is_, jw, je, rows, cols);
#pragma dosc taskwait
  for (int i = 0; i < rows * cols; i++) sum += (long)dimg[i] * (i % 5 + 1);

  int nk = 40, max_key = 16;
  int *key = malloc(sizeof(int) * (size_t)nk), *buff = malloc(sizeof(int) * (size_t)max_key);
  int *rank = malloc(sizeof(int) * (size_t)nk);
  for (int i = 0; i < nk; i++) key[i] = (i * 11 + 3) % max_key;
#pragma dosc task
  is_rank(key, nk, buff, max_key, rank);

  float *kernel = malloc(9 * sizeof(float)), *cout = calloc((size_t)(rows * cols), sizeof(float));
  for (int i = 0; i < 9; i++) kernel[i] = (float)(i % 3) - 1.0f;
#pragma dosc task
  conv3(img, kernel, cout, 1, rows / 2, cols);
#pragma dosc task
  conv3(img, kernel, cout, rows / 2, rows - 1, cols);
#pragma dosc taskwait
  for (int i = 0; i < nk; i++) sum += rank[i] * (i % 3 + 1);
  for (int i = 0; i < rows * cols; i++) sum += (long)cout[i] * (i % 4 + 1);
  printf("index-tricks: checksum %ld\n", sum);
  free(a), free(s), free(line), free(h), free(keys), free(keys2), free(count);
  free(in_), free(is_), free(jw), free(je), free(img), free(dimg), free(key), free(buff), free(rank);
  free(kernel), free(cout);
  return 0;
}
