/* Footprint attack: stores to bit-fields. A bit-field store loads the storage unit it lies in
   and writes it back with the other fields' bits: the task reads the element too. The
   manifest said `access: write, reads: 0` (footprint oracle: 30 elements read). A serving
   rank that did not receive an out-only footprint would send back other fields' bits it
   never had. Also a union written through one member and a flexible array member. */
#include <stdio.h>
#include <stdlib.h>

struct packed { unsigned a : 3, b : 5, c : 12; int tag; };
union cell { double d; unsigned char b[8]; };
struct vec { int n; double d[]; };

void pack(struct packed *p, int n) {
  for (int i = 0; i < n; i++) {
    p[i].a = i & 7;
    p[i].c = (unsigned)(i * 11);
  }
}

void flip_sign(union cell *c, int n) {
  for (int i = 0; i < n; i++) c[i].b[7] ^= 0x80;
}

void scale_vec(struct vec *v, double k) {
  for (int i = 0; i < v->n; i++) v->d[i] *= k;
}

int main(void) {
  int n = 20;
  struct packed *p = calloc(n, sizeof *p);
  for (int i = 0; i < n; i++) { p[i].b = (unsigned)(i * 3) & 31; p[i].tag = i; }
  union cell *c = malloc(sizeof(union cell) * n);
  for (int i = 0; i < n; i++) c[i].d = i + 0.25;
  struct vec *v = malloc(sizeof(struct vec) + sizeof(double) * n);
  v->n = n;
  for (int i = 0; i < n; i++) v->d[i] = i;
#pragma dosc task
  pack(p, n / 2);
#pragma dosc task
  pack(p + n / 2, n / 2);
#pragma dosc task
  flip_sign(c, n);
#pragma dosc task
  scale_vec(v, 3);
#pragma dosc taskwait
  double s = 0;
  for (int i = 0; i < n; i++) s += v->d[i] + c[i].d + p[i].a + p[i].b * 7 + p[i].c + p[i].tag;
  printf("%.3f\n", s);
  return 0;
}
