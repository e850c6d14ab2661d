/* Remote attack: a task that stores addresses of its own into the data it writes (a buffer it
   allocates into a struct field, a string literal, a pointer into a local table). The bytes
   come back to rank 0 as addresses of another process: rank 0 crashed reading s[i].buf. Such
   a task may not leave rank 0. */
#include <stdio.h>
#include <stdlib.h>

struct slot { int n; int *buf; const char *label; };

void alloc_slots(struct slot *s, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    s[i].n = i % 5 + 1;
    s[i].buf = calloc((size_t)s[i].n, sizeof(int));
  }
}

void label_slots(struct slot *s, int lo, int hi) {
  for (int i = lo; i < hi; i++) s[i].label = (i % 2) ? "odd" : "even";
}

int main(void) {
  int n = 16;
  struct slot *s = calloc(n, sizeof *s);
#pragma dosc task
  alloc_slots(s, 0, n / 2);
#pragma dosc task
  alloc_slots(s, n / 2, n);
#pragma dosc taskwait
#pragma dosc task
  label_slots(s, 0, n / 2);
#pragma dosc task
  label_slots(s, n / 2, n);
#pragma dosc taskwait
  long t = 0;
  for (int i = 0; i < n; i++) {
    for (int j = 0; j < s[i].n; j++) t += s[i].buf[j] + j + 1;
    t += s[i].label[0];
  }
  printf("%ld\n", t);
  return 0;
}
