/* Probes beside the suites of branch unseen10 (PRK, HPCG, GAP, miniMD, image pyramids), each a
   task whose footprint is easy to get short: a twin induction stepping 3 while its partner steps 1
   (`for (g = lo, j = 0; g < hi; g++, j += 3) out[j]`) and one counting down (`k--` from hi - 1);
   a `signed char` counter like HPCG's `numberOfNonzerosInRow` that passes 127 and wraps to -128
   (implementation-defined, two's complement everywhere dosc runs), used as an index into the
   middle of an array; bitmap words `bm[u >> 6]` for a block of bits that does not end on a word
   (`hi` = 100: words 0 and 1) and one that starts inside a word; an index shifted right by a
   parameter (`a[i >> s]`); a permutation `a[(i * 5) % n]`; a reflecting border `REFLECT(2 * x + dx,
   w)` (`-(v)` below 0, `2 * (n) - 2 - (v)` past the end) as a pyramid's reflect-101 border; a `!=`
   loop stepping 2; and PRK's `LIN(i, j) (i + ((j) << lsize))` with the shift a parameter. The
   program prints a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

void twin_up(const double *in, double *out, int lo, int hi) {
  int g, j;
  for (g = lo, j = 0; g < hi; g++, j += 3) out[j] = in[g] * 2.0;
}

void twin_down(const double *in, double *out, int lo, int hi) {
  int i, k;
  for (i = lo, k = hi - 1; i < hi; i++, k--) out[k] = in[i] + 1.0;
}

void char_counter(double *a, int n) {
  signed char c = 0;
  for (int i = 0; i < n; i++) {
    a[c] += i;
    c++;
  }
}

void set_bits(uint64_t *bm, int lo, int hi) {
  for (int u = lo; u < hi; u++) bm[u >> 6] |= 1ULL << (u & 63);
}

void shifted(const double *in, double *out, int n, int s) {
  for (int i = 0; i < n; i++) out[i >> s] += in[i];
}

void permute(const int *in, int *out, int n) {
  for (int i = 0; i < n; i++) out[(i * 5) % n] = in[i];
}

#define REFLECT(v, n) ((v) < 0 ? -(v) : (v) >= (n) ? 2 * (n) - 2 - (v) : (v))
void reflect_reduce(const float *in, int w, float *out, int ow) {
  for (int x = 0; x < ow; x++) {
    float s = 0.0f;
    for (int dx = -2; dx <= 2; dx++) s += in[REFLECT(2 * x + dx, w)] * (3 - (dx < 0 ? -dx : dx));
    out[x] = s;
  }
}

void step_two(double *a, int lo, int hi) {
  for (int i = lo; i != hi; i += 2) a[i] = -a[i];
}

#define LIN(i, j) (i + ((j) << lsize))
void lin_shift(double *grid, int lsize, int j0, int j1) {
  int size = 1 << lsize;
  for (int j = j0; j < j1; j++)
    for (int i = 0; i < size; i++) grid[LIN(i, j)] = i * 0.5 + j;
}

int main(void) {
  double checksum = 0.0;
  double in[40], out[120] = {0}, rev[40] = {0};
  for (int i = 0; i < 40; i++) in[i] = i * 0.25;
#pragma dosc task
  twin_up(in, out, 5, 25);
#pragma dosc task
  twin_up(in + 25, out + 60, 0, 15);
#pragma dosc task
  twin_down(in, rev, 10, 30);
#pragma dosc taskwait
  for (int i = 0; i < 120; i++) checksum += out[i] * (1 + i % 4);
  for (int i = 0; i < 40; i++) checksum += rev[i] * (1 + i % 3);

  double *mid = calloc(256, sizeof(double));
#pragma dosc task
  char_counter(mid + 128, 200);
#pragma dosc taskwait
  for (int i = 0; i < 256; i++) checksum += mid[i] * (1 + i % 5);

  uint64_t bm[4] = {0};
#pragma dosc task
  set_bits(bm, 0, 100);
#pragma dosc task
  set_bits(bm, 130, 140);
#pragma dosc taskwait
  for (int k = 0; k < 4; k++) checksum += (double)(bm[k] % 1000003) + (double)(bm[k] >> 40);

  double sh[10] = {0};
#pragma dosc task
  shifted(in, sh, 37, 2);
#pragma dosc taskwait
  for (int i = 0; i < 10; i++) checksum += sh[i] * (i + 1);

  int pin[12], pout[12] = {0};
  for (int i = 0; i < 12; i++) pin[i] = i * i;
#pragma dosc task
  permute(pin, pout, 12);
#pragma dosc taskwait
  for (int i = 0; i < 12; i++) checksum += pout[i] * (i + 1);

  float row[11], half[6];
  for (int i = 0; i < 11; i++) row[i] = (float)(i * 7 % 5);
#pragma dosc task
  reflect_reduce(row, 11, half, 6);
#pragma dosc taskwait
  for (int i = 0; i < 6; i++) checksum += half[i] * (i + 1);

  double st[30];
  for (int i = 0; i < 30; i++) st[i] = i;
#pragma dosc task
  step_two(st, 3, 21);
#pragma dosc taskwait
  for (int i = 0; i < 30; i++) checksum += st[i];

  double *grid = calloc(64, sizeof(double));
#pragma dosc task
  lin_shift(grid, 3, 0, 3);
#pragma dosc task
  lin_shift(grid, 3, 3, 8);
#pragma dosc taskwait
  for (int i = 0; i < 64; i++) checksum += grid[i] * (1 + i % 3);

  printf("checksum %.6f\n", checksum);
  free(mid), free(grid);
  return 0;
}
