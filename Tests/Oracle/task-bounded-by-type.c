/* Index values bounded by their type or an operator though they are data (branch exprs2): a
   byte table indexed by `(unsigned char)c` and by `unsigned char`, `uint16_t`, `signed char`
   and `bool` loads, a histogram row `band * 256 + img[i]`, radix digits `c * 16 + (k >> s &
   15)`, a mask `x & 1023` of negative values, `abs(i - c)`, `labs`, `wide ? 2 * i : i`, a ring
   `(start + i) % n` from a negative start, `(i + 2) % n`, a quotient by a parameter `i / d`;
   and conversions that wrap, each once short of the truth (11 oracle violations on main at
   166957a): `unsigned char c = i + 250` (256 wraps to 0), a `signed char` past 127, `short s
   = 40000`, 300 passed as an `unsigned char` (44), `i % (size_t)-4` (a remainder by 2^64 - 4,
   once taken for [0, 4)), `(i + 8) / -4` of a `size_t` (0, once -2), a loop `for (unsigned char c =
   250; c != 4; c++)` (10 elements, once none) and one from 5 below 300 left by a `return`. Pointers point into the middle of their arrays
   where an index may be negative. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void count_chars(int *table, const char *s, int n) {
  for (int i = 0; i < n; i++) table[(unsigned char)s[i]]++;
}
void lookup_u8(const float *lut, const unsigned char *in, float *out, int n) {
  for (int i = 0; i < n; i++) out[i] = lut[in[i]];
}
void lookup_u16(const short *lut, const uint16_t *in, short *out, int n) {
  for (int i = 0; i < n; i++) out[i] = lut[in[i]];
}
void lookup_s8(int *a, const signed char *b, int n) {
  for (int i = 0; i < n; i++) a[b[i]] += 1;
}
void pick_bool(int *a, const bool *f, int n) {
  for (int i = 0; i < n; i++) a[2 * i + f[i]] += 3;
}
void band_histogram(int *hist, const unsigned char *img, int band, int n) {
  for (int i = 0; i < n; i++) hist[band * 256 + img[i]]++;
}
void radix_digits(int *hist, const int *keys, int c, int s, int n) {
  for (int k = 0; k < n; k++) hist[c * 16 + (keys[k] >> s & 15)]++;
}
void masked(int *a, const int *b, int n) {
  for (int i = 0; i < n; i++) a[b[i] & 1023] += 1;
}
void distance(int *a, int c, int n) {
  for (int i = 0; i < n; i++) a[abs(i - c)] += i;
}
void distance_long(long *a, long c, long n) {
  for (long i = 0; i < n; i++) a[labs(i - c)] += i;
}
void widen(float *a, int wide, int n) {
  for (int i = 0; i < n; i++) a[wide ? 2 * i : i] += 1;
}
void ring(double *buf, int start, int n) {
  for (int i = 0; i < n; i++) buf[(start + i) % n] += i;
}
void ring_ahead(double *buf, int n) {
  for (int i = 0; i < 3 * n; i++) buf[(i + 2) % n] += i;
}
void quotient(float *a, int d, int n) {
  if (d < 1) return;
  for (int i = 0; i < n; i++) a[i / d] += 1;
}
void wraps_u8(float *a, int n) {
  for (int i = 0; i < n; i++) {
    unsigned char c = i + 250;
    a[c] += 1;
  }
}
void wraps_s8(float *a, int n) {
  for (int i = 0; i < n; i++) {
    signed char c = i;
    a[c + 128] += 1;
  }
}
void wraps_short(float *a) {
  short s = 40000;
  a[s + 32768] = 5;
}
void wraps_loop(float *a) {
  for (unsigned char c = 250; c != 4; c++) a[c] += 3;
}
void wraps_loop_until(float *a, int n) {
  for (unsigned char c = 5; c < n; c++) {
    a[c] += 1;
    if (c == 4) return;
  }
}
void narrow_loop(float *a, int n) {
  for (signed char c = 0; c < n; c++) a[c] += 2;
}
static void put_byte(float *a, unsigned char c) { a[c] += 4; }
void wraps_argument(float *a) {
  put_byte(a, 300);
}
void remainder_huge(float *a, size_t n) {
  for (size_t i = 0; i < n; i++) a[i % (size_t)-4] += 2;
}
void quotient_huge(float *a, size_t n) {
  for (size_t i = 0; i < n; i++) a[(i + 8) / -4 + 2] += 2;
}

int main(void) {
  static int table[256], ints[2048], hist[4 * 256], small[64];
  static float lut[256], out[64], f[1024], big[100000];
  static short lut16[65536], out16[32];
  static double buf[16];
  char text[40];
  unsigned char bytes[32];
  uint16_t words[32];
  signed char signed_bytes[32];
  bool flags[16];
  int keys[24], values[24];
  for (int i = 0; i < 256; i++) lut[i] = i * 0.5f;
  for (int i = 0; i < 65536; i++) lut16[i] = (short)(i % 1000);
  for (int i = 0; i < 40; i++) text[i] = (char)(i * 37 - 100);
  for (int i = 0; i < 32; i++) {
    bytes[i] = (unsigned char)(i * 29 + 3);
    words[i] = (uint16_t)(i * 4099 + 11);
    signed_bytes[i] = (signed char)(i * 23 - 128);
  }
  for (int i = 0; i < 16; i++) flags[i] = i % 3 == 0;
  for (int i = 0; i < 24; i++) keys[i] = i * 7919 - 50000, values[i] = i * 131 - 1500;
#pragma dosc task
  count_chars(table, text, 40);
#pragma dosc task
  lookup_u8(lut, bytes, out, 32);
#pragma dosc task
  lookup_u16(lut16, words, out16, 32);
#pragma dosc task
  lookup_s8(ints + 128, signed_bytes, 32);
#pragma dosc task
  pick_bool(small, flags, 16);
#pragma dosc task
  band_histogram(hist, bytes, 2, 32);
#pragma dosc taskwait
#pragma dosc task
  radix_digits(hist, keys, 3, 4, 24);
#pragma dosc task
  masked(ints + 1024, values, 24);
#pragma dosc task
  distance(small, 5, 20);
#pragma dosc task
  distance_long((long *)ints, 2, 9);
#pragma dosc task
  widen(f, 1, 12);
#pragma dosc task
  widen(f + 100, 0, 12);
#pragma dosc taskwait
#pragma dosc task
  ring(buf + 8, -5, 7);
#pragma dosc task
  ring_ahead(buf + 10, 6);
#pragma dosc task
  quotient(f + 200, 3, 20);
#pragma dosc task
  wraps_u8(f + 300, 10);
#pragma dosc task
  wraps_s8(f + 600, 200);
#pragma dosc task
  wraps_short(big);
#pragma dosc task
  wraps_argument(f + 400);
#pragma dosc taskwait
#pragma dosc task
  wraps_loop(f + 300);
#pragma dosc task
  wraps_loop_until(f + 600, 300);
#pragma dosc task
  narrow_loop(f + 900, 100);
#pragma dosc taskwait
#pragma dosc task
  remainder_huge(f + 900, 9);
#pragma dosc task
  quotient_huge(f + 950, 3);
#pragma dosc taskwait
  long sum = 0;
  for (int i = 0; i < 256; i++) sum += table[i] * (i + 1);
  for (int i = 0; i < 2048; i++) sum += ints[i] * (i % 7 + 1);
  for (int i = 0; i < 4 * 256; i++) sum += hist[i] * (i % 5 + 1);
  for (int i = 0; i < 64; i++) sum += small[i] * (i + 1);
  double fs = 0;
  for (int i = 0; i < 64; i++) fs += out[i] * (i + 1);
  for (int i = 0; i < 1024; i++) fs += f[i] * (i % 11 + 1);
  for (int i = 0; i < 32; i++) fs += out16[i] * (i + 1);
  for (int i = 0; i < 16; i++) fs += buf[i] * (i + 1);
  fs += big[7232] + big[72768 % 100000];
  printf("%ld %.2f\n", sum, fs);
  return 0;
}
