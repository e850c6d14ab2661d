/* Issue 7, shape 4: pointers into a parameter handed to a function whose body the analyzer
   does not see (it is in shape4-unseen-function-body.c, linked in but not analyzed) and which
   takes a non-const pointer: every access it may make must be covered, or the figure null. */
#include <stdio.h>
#include <stdlib.h>

void scramble(unsigned *state, int n); /* writes state[0:n] */

struct generator {
  struct {
    unsigned state[4];
  } state;
};

/* The parent's generator state is advanced by the unseen function (as in UTS's rng_spawn). */
void spawn_generator(struct generator *parent, int id) { scramble(parent->state.state, 4 + 0 * id); }

void scramble_block(unsigned *states, int k) { scramble(states + 4 * k, 4); }

int main(void) {
  enum { K = 3 };
  struct generator *g = calloc(2, sizeof *g);
  unsigned *states = calloc(4 * K, sizeof(unsigned));
  for (int i = 0; i < 4 * K; i++) states[i] = (unsigned)i * 2654435761u;
#pragma dosc task
  spawn_generator(g, 1);
  for (int k = 0; k < K; k++) {
#pragma dosc task
    scramble_block(states, k);
  }
#pragma dosc taskwait
  unsigned check = g->state.state[0] ^ g->state.state[3];
  for (int i = 0; i < 4 * K; i++) check = check * 31u + states[i];
  printf("%u\n", check);
  free(g);
  free(states);
  return 0;
}
