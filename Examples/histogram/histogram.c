/* A task that cannot go remote: it updates a global histogram and logs to stderr. */
#include <stdio.h>

#define BINS 16
long slots[BINS];

void count_block(const int *data, int lo, int hi) {
  for (int i = lo; i < hi; i++)
    slots[data[i] % BINS] += 1;
  fprintf(stderr, "counted [%d, %d)\n", lo, hi);
}

int main(void) {
  enum { N = 4096, BLOCK = 1024 };
  static int data[N];
  for (int i = 0; i < N; i++) data[i] = (i * 7919) % 1000;
  for (int lo = 0; lo < N; lo += BLOCK) {
#pragma dosc task
    count_block(data, lo, lo + BLOCK);
#pragma dosc taskwait
  }
  for (int b = 0; b < BINS; b++) printf("%d: %ld\n", b, slots[b]);
  return 0;
}
