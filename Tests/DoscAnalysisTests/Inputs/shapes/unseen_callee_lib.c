/* The bodies the analysis of unseen_callee.c does not see. */
void rng_spawn(unsigned *state, unsigned *child) {
  for (int i = 0; i < 4; i++) {
    state[i] = state[i] * 1103515245u + 12345u;
    child[i] = state[i] ^ 0x5bd1e995u;
  }
}

unsigned rng_peek(const unsigned *state) { return state[0] ^ state[3]; }
