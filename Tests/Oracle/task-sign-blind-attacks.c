/* Attacks on SignBlindParameters (a helper's signed bound bound to max(v, 0) where the argument
   v may be negative): each task passes hi - lo to a helper and is spawned once with hi < lo,
   once with hi > lo. The helpers see the sign in some way: a narrow parameter (signed char,
   short: -200 is 56), a loop variable the body moves (i += 2, i -= 2, i = n), i <= n, size_t i
   and (size_t)n, i < (unsigned)n, n also an index or in arithmetic, a store after the loop, two
   levels of helpers, a while loop, a negative start, a condition that moves i before testing
   it, a global loop variable moved by a call in the condition. Each must be exact, wider or
   null; plain1 -> plain2 -> plain over i < n is the one bound to max(hi - lo, 0). */
#include <stdio.h>
#include <stdlib.h>

static void fill_char(double *p, signed char n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
}
static void fill_short(double *p, short n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
}
static void step_twice(double *p, int n) {
  for (int i = 0; i < n; i++) {
    p[i] += 1.0;
    i += 2;
  }
}
static void step_back(double *p, int n) {
  int again = 1;
  for (int i = 0; i < n; i++) {
    p[i] += 1.0;
    if (i == 3 && again) again = 0, i -= 2;
  }
}
static void jump_to_end(double *p, int n) {
  for (int i = 0; i < n; i++) {
    p[i] += 1.0;
    if (i == 1) i = n;
  }
}
static void inclusive(double *p, int n) {
  for (int i = 0; i <= n; i++) p[i] += 1.0;
}
static void unsigned_index(double *p, int n) {
  for (size_t i = 0; i < (size_t)n && i < 40; i++) p[i] += 1.0;
}
static void unsigned_bound(double *p, int n) {
  for (int i = 0; i < (unsigned)n && i < 40; i++) p[i] += 1.0;
}
static void also_index(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
  p[n + 6] += 2.0;
}
static void also_arithmetic(double *p, int n) {
  int m = n + 8;
  for (int i = 0; i < n; i++) p[i] += 1.0;
  p[m] += 2.0;
}
static void after_loop(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
  if (n != 0) p[n + 9] += 3.0;
}
static void last_element(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
  p[n - 1 + 12] += 3.0;
}
static void level2(double *p, int n) { fill_char(p, n); }
static void level1(double *p, int n) { level2(p + 1, n); }
static void plain(double *p, int n) {
  for (int i = 0; i < n; i++) p[i] += 1.0;
}
static void plain2(double *p, int n) { plain(p, n); }
static void plain1(double *p, int n) { plain2(p + 1, n); }
static void while_loop(double *p, int n) {
  int i = 0;
  while (i < n) p[i++] += 1.0;
}
static void negative_start(double *p, int n) {
  for (int i = -3; i < n; i++) p[i + 3] += 1.0;
}
static void condition_side_effect(double *p, int n) {
  int i;
  for (i = 0; (i -= 3) > -100 && i < n; i += 4) p[i + 3] += 1.0;
  p[i + 6] += 1.0;
}
static int g;
static int bump(void) { return (g -= 2) > -50; }
static void global_variable(double *p, int n) {
  for (g = 0; bump() && g < n; g += 3) p[g + 50] += 1.0;
  p[g + 50] += 1.0;
}

void t_char(double *a, int lo, int hi) { fill_char(a, hi - lo); }
void t_short(double *a, int lo, int hi) { fill_short(a, hi - lo); }
void t_step_twice(double *a, int lo, int hi) { step_twice(a + 2, hi - lo); }
void t_step_back(double *a, int lo, int hi) { step_back(a + 2, hi - lo); }
void t_jump(double *a, int lo, int hi) { jump_to_end(a + 2, hi - lo); }
void t_inclusive(double *a, int lo, int hi) { inclusive(a + 2, hi - lo); }
void t_unsigned_index(double *a, int lo, int hi) { unsigned_index(a + 2, hi - lo); }
void t_unsigned_bound(double *a, int lo, int hi) { unsigned_bound(a + 2, hi - lo); }
void t_also_index(double *a, int lo, int hi) { also_index(a + 2, hi - lo); }
void t_also_arithmetic(double *a, int lo, int hi) { also_arithmetic(a + 2, hi - lo); }
void t_after_loop(double *a, int lo, int hi) { after_loop(a + 2, hi - lo); }
void t_last_element(double *a, int lo, int hi) { last_element(a + 2, hi - lo); }
void t_levels(double *a, int lo, int hi) { level1(a, hi - lo); }
void t_plain_levels(double *a, int lo, int hi) { plain1(a, hi - lo); }
void t_while(double *a, int lo, int hi) { while_loop(a + 2, hi - lo); }
void t_negative_start(double *a, int lo, int hi) { negative_start(a + 2, hi - lo); }
void t_condition(double *a, int lo, int hi) { condition_side_effect(a + 2, hi - lo); }
void t_global(double *a, int lo, int hi) { global_variable(a + 2, hi - lo); }


int main(void) {
  double *a = calloc(1024, sizeof *a);
  double s = 0;
#pragma dosc task
  t_char(a + 100, 200, 0);
#pragma dosc task
  t_char(a + 400, 3, 7);
#pragma dosc taskwait
#pragma dosc task
  t_short(a + 100, 65536 - 12 + 20, 20);
#pragma dosc task
  t_short(a + 400, 3, 7);
#pragma dosc taskwait
#pragma dosc task
  t_step_twice(a + 100, 9, 2);
#pragma dosc task
  t_step_twice(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_step_back(a + 100, 9, 2);
#pragma dosc task
  t_step_back(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_jump(a + 100, 9, 2);
#pragma dosc task
  t_jump(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_inclusive(a + 100, 9, 8);
#pragma dosc task
  t_inclusive(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_unsigned_index(a + 100, 9, 2);
#pragma dosc task
  t_unsigned_index(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_unsigned_bound(a + 100, 9, 2);
#pragma dosc task
  t_unsigned_bound(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_also_index(a + 100, 9, 5);
#pragma dosc task
  t_also_index(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_also_arithmetic(a + 100, 9, 5);
#pragma dosc task
  t_also_arithmetic(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_after_loop(a + 100, 9, 5);
#pragma dosc task
  t_after_loop(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_last_element(a + 100, 9, 5);
#pragma dosc task
  t_last_element(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_levels(a + 100, 200, 0);
#pragma dosc task
  t_levels(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_plain_levels(a + 100, 9, 2);
#pragma dosc task
  t_plain_levels(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_while(a + 100, 9, 2);
#pragma dosc task
  t_while(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_negative_start(a + 100, 9, 7);
#pragma dosc task
  t_negative_start(a + 400, 2, 11);
#pragma dosc taskwait
#pragma dosc task
  t_condition(a + 100, 9, 0);
#pragma dosc task
  t_condition(a + 400, 0, 0);
#pragma dosc taskwait
#pragma dosc task
  t_global(a + 100, 9, 0);
  /* Both write the global g: siblings, they would race (the one run last sets what main
     prints, and a pool runs the later spawn first), so the second waits for the first. */
#pragma dosc taskwait
#pragma dosc task
  t_global(a + 400, 0, 0);
#pragma dosc taskwait
  for (int i = 0; i < 1024; i++) s += a[i] * (i % 13 + 1);
  printf("%.1f %d\n", s, g);
  free(a);
  return 0;
}
