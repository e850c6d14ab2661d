/* The body of shape4-unseen-function.c's `scramble`, compiled separately: the analyzer of that
   file never sees it. */
void scramble(unsigned *state, int n) {
  for (int i = 0; i < n; i++) state[i] = state[i] * 1103515245u + 12345u + (unsigned)i;
}
