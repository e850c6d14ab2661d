/* Bounds and pointers a task changes before or while it loops (what a figure over the
   parameters' values at the spawn must not miss): a bound raised inside the loop on the data,
   the loop variable bumped in the body, a parameter clamped or doubled before the loop, a
   pointer parameter advanced (`a += 4`) or switched to another (`a = b`), a bound read through
   a pointer or a struct passed by value, a global bound, a `sizeof` bound, a static local
   counter (state kept between calls: not remotable), a callback, qsort/memmove/snprintf of
   computed ranges. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int g_count = 6;

void raise_bound(int *a, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    if (a[i] % 5 == 0 && hi < lo + 12) hi++;
    else a[i] += 1;
}
void bump_index(int *a, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    a[i] *= 2;
    if (a[i] % 3 == 0) i += 2;
  }
}
void clamp_first(int *a, int lo, int hi) {
  if (lo < 2) lo = 2;
  for (int i = lo - 2; i < hi; i++) a[i] += 4;
}
void double_count(int *a, int n) {
  n *= 2;
  for (int i = 0; i < n; i++) a[i] -= 3;
}
void advance_pointer(int *a, int n) {
  a += 4;
  for (int i = 0; i < n; i++) a[i] = i;
}
void switch_pointer(int *a, int *b, int n, int which) {
  if (which) a = b;
  for (int i = 0; i < n; i++) a[i] = 7 * i;
}
void bound_through_pointer(int *a, const int *np) {
  for (int i = 0; i < *np; i++) a[i] += 9;
}
struct range {
  int lo, hi;
};
void bound_in_struct(int *a, struct range r) {
  for (int i = r.lo; i < r.hi; i++) a[i] = -i;
}
void global_bound(int *a) {
  for (int i = 0; i < g_count; i++) a[i] += 11;
}
void sizeof_bound(int *a, int base) {
  int local[5];
  for (size_t i = 0; i < sizeof local / sizeof local[0]; i++) a[base + (int)i] = (int)i;
}
void counter(int *a) {
  static int calls;
  a[calls++] = 99;
}
void with_callback(int *a, int n, int (*f)(int)) {
  for (int i = 0; i < n; i++) a[i] = f(a[i]);
}
static int twice(int x) { return 2 * x; }
static int ascending(const void *x, const void *y) { return *(const int *)x - *(const int *)y; }
void sort_range(int *a, int lo, int hi) { qsort(a + lo, (size_t)(hi - lo), sizeof *a, ascending); }
void shift_up(int *a, int n) { memmove(a + 1, a, sizeof *a * (size_t)n); }
void format_into(char *buf, int n, int value) { snprintf(buf, (size_t)n, "value=%d;", value); }

int main(void) {
  int a[16][40];
  for (int k = 0; k < 16; k++)
    for (int i = 0; i < 40; i++) a[k][i] = (i * 7 + k) % 23;
  int n3 = 9;
  struct range r = {3, 17};
#pragma dosc task
  raise_bound(a[0], 2, 6);
#pragma dosc task
  bump_index(a[1], 0, 20);
#pragma dosc task
  clamp_first(a[2], 0, 10);
#pragma dosc task
  double_count(a[3], 8);
#pragma dosc task
  advance_pointer(a[4], 10);
#pragma dosc task
  switch_pointer(a[5], a[6], 10, 1);
#pragma dosc task
  bound_through_pointer(a[7], &n3);
#pragma dosc task
  bound_in_struct(a[8], r);
#pragma dosc task
  global_bound(a[9]);
#pragma dosc task
  sizeof_bound(a[10], 20);
#pragma dosc taskwait
  for (int k = 0; k < 3; k++) {
#pragma dosc task
    counter(a[11]);
#pragma dosc taskwait
  }
#pragma dosc task
  with_callback(a[12], 10, twice);
#pragma dosc task
  sort_range(a[13], 5, 25);
#pragma dosc task
  shift_up(a[14], 12);
  char buf[32];
  memset(buf, '.', sizeof buf);
#pragma dosc task
  format_into(buf, 12, 12345);
#pragma dosc taskwait
  long s = 0;
  for (int k = 0; k < 16; k++)
    for (int i = 0; i < 40; i++) s += (long)a[k][i] * (i + 1) * (k + 1);
  for (int i = 0; i < 32; i++) s += buf[i] * (i + 1);
  printf("changed bounds: %ld\n", s);
  return 0;
}
