/* Shape 4 of issue 7: pointers into a parameter handed to a function whose body is not in
   this file (it is in unseen_callee_lib.c). A non-const pointer may be read and written
   anywhere: null with the reason. A const one may only be read. */
#include <stdio.h>

struct rng {
  unsigned state[4];
};
struct node {
  struct rng st;
  int depth;
};

void rng_spawn(unsigned *state, unsigned *child);
unsigned rng_peek(const unsigned *state);

void split(struct node *parent, struct node *child) {
  rng_spawn(parent->st.state, child->st.state);
  child->depth = parent->depth + 1;
}

unsigned look(const struct node *n, unsigned *out) {
  out[0] = rng_peek(n->st.state);
  return out[0];
}

int main(void) {
  struct node root = {{{1, 2, 3, 4}}, 0}, kid;
  unsigned seen = 0, r;
#pragma dosc task
  split(&root, &kid);
#pragma dosc taskwait
#pragma dosc task
  r = look(&kid, &seen);
#pragma dosc taskwait
  printf("%u %u %u %d\n", kid.st.state[0], r, seen, kid.depth);
  return 0;
}
