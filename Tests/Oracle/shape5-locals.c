/* Issue 7, shape 5: a task's own stack memory (a local 2-D array, a local struct) is the
   task's, not foreign memory. A remotable verdict must still hold: the task touches nothing but
   its parameters' footprints and its own stack. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct child {
  struct {
    unsigned state[4];
  } st;
  int depth;
};

long rows_copy(const int *src, int n) {
  int copy[3][8];
  for (int k = 0; k < 3; k++) memcpy(copy[k], src, sizeof(int) * 8);
  for (int k = 0; k < 8; k++) copy[1][k] = k + n;
  long s = 0;
  for (int k = 0; k < 8; k++) s += copy[0][k] + copy[1][k] + copy[2][k];
  return s;
}

unsigned child_state(const unsigned *seed, int depth) {
  struct child child;
  child.st.state[0] = seed[0];
  child.st.state[1] = seed[1] ^ 7u;
  child.depth = depth;
  return child.st.state[0] * 3u + child.st.state[1] + (unsigned)child.depth;
}

/* A struct passed by value is a copy in the task's own frame (or its caller's outgoing
   arguments, copied for the call): reading its array member reads no foreign memory. */
struct window {
  long weights[6];
};

long weighted(struct window w, const long *x, int n) {
  long s = w.weights[0] + w.weights[5];
  for (int i = 0; i < n; i++) s += w.weights[i % 6] * x[i];
  return s;
}

int main(void) {
  int *src = malloc(sizeof(int) * 8);
  unsigned *seed = malloc(sizeof(unsigned) * 2);
  for (int i = 0; i < 8; i++) src[i] = i * 3 - 4;
  seed[0] = 12345u;
  seed[1] = 678u;
  long *x = malloc(sizeof(long) * 10);
  for (int i = 0; i < 10; i++) x[i] = 5 - i;
  struct window w = {{1, 2, 3, 4, 5, 6}};
  long s, t;
  unsigned u;
#pragma dosc task
  s = rows_copy(src, 8);
#pragma dosc task
  u = child_state(seed, 2);
#pragma dosc task
  t = weighted(w, x, 10);
#pragma dosc taskwait
  printf("%ld %u %ld\n", s, u, t);
  free(x);
  free(src);
  free(seed);
  return 0;
}
