/* Remote attack: an array of structs whose tasks update some fields of a range of elements
   (PARSEC blackscholes and Rodinia particle codes): the untouched fields must survive, and
   two rounds that each read what the other wrote must see it. */
#include <stdio.h>
#include <stdlib.h>

struct particle {
  double x, v, m;
  int id;
};

void push(struct particle *p, int lo, int hi, double dt) {
  for (int i = lo; i < hi; i++) p[i].x += p[i].v * dt;
}

void accelerate(struct particle *p, int lo, int hi) {
  for (int i = lo; i < hi; i++) p[i].v -= p[i].x / p[i].m;
}

/* Reads one field, writes a separate output array. */
void energies(const struct particle *p, double *e, int lo, int hi) {
  for (int i = lo; i < hi; i++) e[i] = 0.5 * p[i].m * p[i].v * p[i].v + p[i].id;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 30;
  struct particle *p = malloc(sizeof *p * (size_t)n);
  double *e = malloc(sizeof(double) * (size_t)n);
  for (int i = 0; i < n; i++) p[i] = (struct particle){i * 0.5, 1.0 - i * 0.1, 1.0 + i % 3, i};
  for (int step = 0; step < 3; step++) {
    for (int lo = 0; lo < n; lo += 7) {
      int hi = lo + 7 < n ? lo + 7 : n;
#pragma dosc task
      push(p, lo, hi, 0.1);
    }
#pragma dosc taskwait
    for (int lo = 0; lo < n; lo += 8) {
      int hi = lo + 8 < n ? lo + 8 : n;
#pragma dosc task
      accelerate(p, lo, hi);
    }
#pragma dosc taskwait
  }
  for (int lo = 0; lo < n; lo += 6) {
    int hi = lo + 6 < n ? lo + 6 : n;
#pragma dosc task
    energies(p, e, lo, hi);
  }
#pragma dosc taskwait
  double total = 0, xs = 0;
  for (int i = 0; i < n; i++) total += e[i], xs += p[i].x + p[i].m;
  printf("energy %.6f positions %.6f\n", total, xs);
  free(p);
  free(e);
  return 0;
}
