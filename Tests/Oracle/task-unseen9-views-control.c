/* Views and control flow from real codes, each alone (branch unseen9): a `float *` viewed as
   rows of 4 doubles (`(double (*)[4])f`, 8 floats a row), a `double *` viewed as an array of
   `struct { double x, y; }` (`p[i].y` is element 2i + 1), bytes viewed as `int (*)[3]`;
   Duff's device over an index (`switch (n % 4) { case 0: do { a[i++] = v; case 3: ... }
   while (i < n); }`); a loop made with a backward `goto`; a `uint8_t` counter wrapping from
   250 through 255 to 3 (`i != stop`); a loop bound raised through a pointer to it inside the
   loop; a floating loop variable indexing by its truncation (`a[(int)x]`, x += 0.5); a step of
   `sizeof(v4) / sizeof(float)`; an index bumped inside the body (`if (a[i] < 0) i++;` then
   `b[i] = ...`, reaching b[n]); a `memset` sized by `sizeof(double[n])`; and a signed-char
   index `lut[(signed char)c + 128]`. The program prints a checksum. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void float_rows(float *f, int nrows) {
  double (*r)[4] = (double (*)[4])f;
  for (int i = 0; i < nrows; i++)
    for (int j = 0; j < 4; j++) r[i][j] = i * 4 + j + 0.5;
}

struct pt {
  double x, y;
};
void lift_y(double *a, int n, double dy) {
  struct pt *p = (struct pt *)a;
  for (int i = 0; i < n; i++) p[i].y += dy;
}

void bytes_as_triples(unsigned char *b, int n) {
  int (*t)[3] = (int (*)[3])b;
  for (int i = 0; i < n; i++) t[i][2] = t[i][0] + t[i][1];
}

void duff_fill(int *a, int n, int v) {
  int i = 0;
  if (n <= 0) return;
  switch (n % 4) {
  case 0:
    do {
      a[i++] = v;
    case 3:
      a[i++] = v + 1;
    case 2:
      a[i++] = v + 2;
    case 1:
      a[i++] = v + 3;
    } while (i < n);
  }
}

void goto_loop(double *a, int n) {
  int i = 0;
again:
  if (i < n) {
    a[i] = a[i] * 2 + 1;
    i++;
    goto again;
  }
}

void wrap_u8(int *a, uint8_t start, uint8_t stop) {
  for (uint8_t i = start; i != stop; i++) a[i] += 1;
}

void bound_through_pointer(int *a, int n) {
  int *np = &n;
  for (int i = 0; i < n; i++) {
    if (i == 2 && *np < 9) (*np) += 3;
    a[i] = i;
  }
}

void float_counter(int *a, int n) {
  for (double x = 0; x < n; x += 0.5) a[(int)x] += 1;
}

typedef struct {
  float v[4];
} v4;
void step_by_sizeof(float *a, int n) {
  for (int i = 0; i < n; i += (int)(sizeof(v4) / sizeof(float))) a[i] = -a[i];
}

void skip_negative(const int *a, int *b, int n) {
  for (int i = 0; i < n; i++) {
    if (a[i] < 0) i++;
    b[i] = 7;
  }
}

void clear_vla_size(double *a, int n) { memset(a, 0, sizeof(double[n])); }

void signed_char_lut(int *lut, const char *s, int n) {
  for (int i = 0; i < n; i++) lut[(signed char)s[i] + 128] += 1;
}

int main(void) {
  double checksum = 0;

  float *f = calloc(24, sizeof(float));
#pragma dosc task
  float_rows(f, 2);
#pragma dosc task
  float_rows(f + 16, 1);
#pragma dosc taskwait
  for (int i = 0; i < 24; i++) checksum += f[i] != 0;

  double *a = malloc(sizeof(double) * 20);
  for (int i = 0; i < 20; i++) a[i] = i;
#pragma dosc task
  lift_y(a, 5, 0.5);
#pragma dosc task
  lift_y(a + 10, 5, -0.5);
#pragma dosc taskwait
  for (int i = 0; i < 20; i++) checksum += a[i] * (i + 1);

  int *ti = malloc(sizeof(int) * 12);
  for (int i = 0; i < 12; i++) ti[i] = i;
#pragma dosc task
  bytes_as_triples((unsigned char *)ti, 2);
#pragma dosc task
  bytes_as_triples((unsigned char *)(ti + 6), 2);
#pragma dosc taskwait
  for (int i = 0; i < 12; i++) checksum += ti[i] * (i + 1);

  int *da = calloc(24, sizeof(int));
#pragma dosc task
  duff_fill(da, 7, 10);
#pragma dosc task
  duff_fill(da + 8, 8, 20);
#pragma dosc task
  duff_fill(da + 16, 5, 30);
#pragma dosc taskwait
  for (int i = 0; i < 24; i++) checksum += da[i] * (i + 1);

  double *ga = malloc(sizeof(double) * 10);
  for (int i = 0; i < 10; i++) ga[i] = i;
#pragma dosc task
  goto_loop(ga, 6);
#pragma dosc task
  goto_loop(ga + 6, 4);
#pragma dosc taskwait
  for (int i = 0; i < 10; i++) checksum += ga[i] * (i + 1);

  int *w = calloc(256, sizeof(int));
#pragma dosc task
  wrap_u8(w, 250, 4);
#pragma dosc taskwait
#pragma dosc task
  wrap_u8(w, 100, 103);
#pragma dosc taskwait
  for (int i = 0; i < 256; i++) checksum += w[i] * (i + 1);

  int *bp = calloc(12, sizeof(int));
#pragma dosc task
  bound_through_pointer(bp, 5);
#pragma dosc taskwait
  for (int i = 0; i < 12; i++) checksum += bp[i] * (i + 1);

  int *fc = calloc(8, sizeof(int));
#pragma dosc task
  float_counter(fc, 6);
#pragma dosc taskwait
  for (int i = 0; i < 8; i++) checksum += fc[i] * (i + 1);

  float *sv = malloc(sizeof(float) * 16);
  for (int i = 0; i < 16; i++) sv[i] = i;
#pragma dosc task
  step_by_sizeof(sv, 13);
#pragma dosc taskwait
  for (int i = 0; i < 16; i++) checksum += sv[i];

  int sa[8] = {1, -1, 2, 3, -4, 5, 6, -7}, sb[9] = {0};
#pragma dosc task
  skip_negative(sa, sb, 8);
#pragma dosc taskwait
  for (int i = 0; i < 9; i++) checksum += sb[i] * (i + 1);

  double *cz = malloc(sizeof(double) * 10);
  for (int i = 0; i < 10; i++) cz[i] = 1;
#pragma dosc task
  clear_vla_size(cz + 2, 5);
#pragma dosc taskwait
  for (int i = 0; i < 10; i++) checksum += cz[i] * (i + 1);

  int *lut = calloc(256, sizeof(int));
  const char text[] = "dosc\x80\xff\x01 remote";
#pragma dosc task
  signed_char_lut(lut, text, (int)sizeof text - 1);
#pragma dosc taskwait
  for (int i = 0; i < 256; i++) checksum += lut[i] * (i + 1);

  printf("checksum %.6f\n", checksum);
  return 0;
}
