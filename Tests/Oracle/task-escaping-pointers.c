/* Ways a pointer into a parameter's memory reaches a place the analysis does not follow
   (unseen2): a local struct (a "view"), a local array of row pointers, an integer, an
   out-parameter of a helper, a global pointer, a pointer to the pointer, memcpy of the
   pointer, a pointer picked between it and a global. Each task then reads or writes the
   parameter's memory through it; the analyzer said `access: none, count: 0`. Heap arrays:
   the footprint oracle attributes every access. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct view {
  double *p;
  int n;
};

double *g_cursor;

void via_struct(double *a, int n) {
  struct view v = {a, n};
  for (int i = 0; i < v.n; i++) v.p[i] += 1;
}

void via_struct_assign(double *a, int n) {
  struct view v;
  v.p = a + 2;
  v.n = n;
  for (int i = 0; i < n; i++) v.p[i] *= 3;
}

void via_rows(double *a, int ld, int m) {
  double *rows[3];
  for (int r = 0; r < 3; r++) rows[r] = a + r * ld;
  for (int r = 0; r < 3; r++)
    for (int j = 0; j < m; j++) rows[r][j] -= 0.5;
}

void via_integer(double *a, int n) {
  uintptr_t u = (uintptr_t)a;
  double *b = (double *)(u + sizeof(double));
  for (int i = 0; i < n; i++) b[i] = i;
}

static void row_pointer(double *a, int ld, int r, double **out) { *out = a + r * ld; }

void via_out_parameter(double *a, int ld, int r, int m) {
  double *row;
  row_pointer(a, ld, r, &row);
  for (int j = 0; j < m; j++) row[j] = 7;
}

static void bump_cursor(int n) {
  for (int i = 0; i < n; i++) g_cursor[i] += 10;
}

void via_global(double *a, int n) {
  g_cursor = a;
  bump_cursor(n);
}

void via_pointer_to_pointer(double *a, int n) {
  double *p = a;
  double **pp = &p;
  for (int i = 0; i < n; i++) (*pp)[i] += 100;
}

void via_memcpy(double *a, int n) {
  double *p;
  memcpy(&p, &a, sizeof p);
  for (int i = 0; i < n; i++) p[i] -= 1000;
}

double g_scratch[4];

/* One of the parameter's memory and a global's, picked by a flag. */
void via_either(double *a, int n, int flag) {
  double *p = flag ? a : g_scratch;
  for (int i = 0; i < n; i++) p[i] = -i;
}

int main(void) {
  double *a = malloc(sizeof(double) * 40);
  for (int i = 0; i < 40; i++) a[i] = i;
#pragma dosc task
  via_struct(a, 4);
#pragma dosc taskwait
#pragma dosc task
  via_struct_assign(a, 4);
#pragma dosc taskwait
#pragma dosc task
  via_rows(a + 10, 5, 4);
#pragma dosc taskwait
#pragma dosc task
  via_integer(a + 30, 3);
#pragma dosc taskwait
#pragma dosc task
  via_out_parameter(a, 5, 5, 4);
#pragma dosc taskwait
#pragma dosc task
  via_global(a + 20, 3);
#pragma dosc taskwait
#pragma dosc task
  via_pointer_to_pointer(a + 24, 3);
#pragma dosc taskwait
#pragma dosc task
  via_memcpy(a + 34, 3);
#pragma dosc taskwait
#pragma dosc task
  via_either(a + 36, 4, 1);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < 40; i++) s += a[i] * (i + 1);
  printf("checksum %.2f\n", s);
  free(a);
  return 0;
}
