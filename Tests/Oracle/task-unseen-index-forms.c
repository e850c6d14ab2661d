/* Index and loop forms met in the programs above, each alone (adversarial for figures): a
   ring buffer indexed `(start + i) % n`, a downward loop `i >= lo`, an inclusive bound, a
   `!=` bound, a step given as a parameter, a reversal `n - 1 - i`, shifts `i << 1` and
   `i >> 1`, a bound clamped by a conditional, a count clamped by an `if`, a row pointer
   `a + i*n` indexed by j, a field of a struct array at a stride, a char-sized counter, an
   index through `abs`, a conditional index, memcpy of a computed range, and a `do`/`while`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ring(double *buf, int n, int start, int count) {
  for (int i = 0; i < count; i++) buf[(start + i) % n] += i;
}
void downward(int *a, int lo, int hi) {
  for (int i = hi - 1; i >= lo; i--) a[i] = a[i] * 3 + 1;
}
void inclusive(int *a, int lo, int hi) {
  for (int i = lo; i <= hi; i++) a[i] += 2;
}
void not_equal(int *a, int lo, int hi) {
  for (int i = lo; i != hi; i++) a[i] -= 1;
}
void stepped(int *a, int lo, int hi, int step) {
  for (int i = lo; i < hi; i += step) a[i] = -a[i];
}
void reversal(const int *src, int *dst, int n, int lo, int hi) {
  for (int i = lo; i < hi; i++) dst[i] = src[n - 1 - i];
}
void shifts(const int *src, int *dst, int lo, int hi) {
  for (int i = lo; i < hi; i++) dst[i << 1] = src[i >> 1] + src[(i << 1) + 1];
}
void clamped_bound(int *a, int lo, int hi, int n) {
  for (int i = lo; i < (hi < n ? hi : n); i++) a[i] += 5;
}
void clamped_count(int *a, int lo, int hi) {
  int count = hi - lo;
  if (count > 8) count = 8;
  for (int i = 0; i < count; i++) a[lo + i] *= 2;
}
void row_pointer(double *a, int n, int r0, int r1) {
  for (int i = r0; i < r1; i++) {
    double *row = a + i * n;
    for (int j = 0; j < n; j++) row[j] = row[j] * 0.5 + j;
  }
}
struct point {
  double x, y, z;
  int tag;
};
void field_stride(struct point *p, int lo, int hi, int stride) {
  for (int i = lo; i < hi; i++) p[i * stride].y += p[i * stride].x;
}
void small_counter(int *a, int n) {
  for (char c = 0; c < n; c++) a[(int)c] += c;
}
void around(int *a, int center, int radius) {
  for (int i = center - radius; i <= center + radius; i++) a[center + abs(i - center)] += 1;
}
void either(int *a, int lo, int hi, int wide) {
  for (int i = lo; i < hi; i++) a[wide ? 2 * i : i] += 7;
}
void copy_range(int *dst, const int *src, int lo, int hi) {
  memcpy(dst + lo, src + lo, sizeof(int) * (size_t)(hi - lo));
}
void do_while(int *a, int lo, int hi) {
  int i = lo;
  do {
    a[i] ^= 0x55;
    i++;
  } while (i < hi);
}

int main(void) {
  double buf[10] = {0};
  int a[64], b[64], c[130];
  for (int i = 0; i < 64; i++) a[i] = i, b[i] = 64 - i;
  for (int i = 0; i < 130; i++) c[i] = i % 9;
#pragma dosc task
  ring(buf, 10, 7, 6);
#pragma dosc task
  downward(a, 0, 8);
#pragma dosc task
  inclusive(a, 8, 15);
#pragma dosc task
  not_equal(a, 16, 24);
#pragma dosc task
  stepped(a, 24, 40, 3);
#pragma dosc task
  reversal(b, c, 64, 0, 16);
#pragma dosc taskwait
#pragma dosc task
  shifts(b, c, 10, 31);
#pragma dosc task
  clamped_bound(a, 40, 70, 48);
#pragma dosc task
  clamped_count(a, 48, 60);
#pragma dosc taskwait
  double grid[6 * 5];
  for (int i = 0; i < 30; i++) grid[i] = i;
#pragma dosc task
  row_pointer(grid, 5, 1, 3);
#pragma dosc task
  row_pointer(grid, 5, 3, 6);
  struct point pts[24];
  for (int i = 0; i < 24; i++) pts[i] = (struct point){i, 2.0 * i, 0, i};
#pragma dosc task
  field_stride(pts, 1, 7, 3);
#pragma dosc taskwait
  int d[40] = {0};
#pragma dosc task
  small_counter(d, 10);
#pragma dosc taskwait
#pragma dosc task
  around(d, 20, 4);
#pragma dosc taskwait
#pragma dosc task
  either(d, 2, 6, 1);
#pragma dosc taskwait
#pragma dosc task
  either(d, 30, 34, 0);
  int e[32] = {0};
#pragma dosc task
  copy_range(e, a, 5, 21);
#pragma dosc taskwait
#pragma dosc task
  do_while(e, 10, 20);
#pragma dosc taskwait
  long s = 0;
  for (int i = 0; i < 10; i++) s += (long)(buf[i] * (i + 1));
  for (int i = 0; i < 64; i++) s += a[i] * (i + 1);
  for (int i = 0; i < 130; i++) s += c[i] * (i % 13);
  for (int i = 0; i < 30; i++) s += (long)grid[i] * i;
  for (int i = 0; i < 24; i++) s += (long)pts[i].y * (i + 2);
  for (int i = 0; i < 40; i++) s += d[i] * (i + 3);
  for (int i = 0; i < 32; i++) s += e[i] * (i + 5);
  printf("index forms: %ld\n", s);
  return 0;
}
