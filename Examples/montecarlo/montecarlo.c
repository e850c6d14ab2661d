/* Monte Carlo estimate of pi: independent tasks, each long (millions of samples) and each
 * moving a few bytes (two numbers in, one back). The case where remote execution pays on a
 * real cluster: the work per task dwarfs a network round trip (~20 us), so each rank added
 * is a core added. Expected binding under mpirun: remote (known work, remotable, 8 bytes of
 * data per task); on one node: local. */
#include <stdio.h>
#include <stdlib.h>

/* Points of the unit square inside the quarter circle, from a seeded generator. */
long count_hits(unsigned long seed, long samples) {
  unsigned long x = seed * 2862933555777941757UL + 3037000493UL;
  long hits = 0;
  for (long i = 0; i < samples; i++) {
    x = x * 6364136223846793005UL + 1442695040888963407UL;
    double a = (double)(x >> 11) / 9007199254740992.0;
    x = x * 6364136223846793005UL + 1442695040888963407UL;
    double b = (double)(x >> 11) / 9007199254740992.0;
    hits += a * a + b * b <= 1.0;
  }
  return hits;
}

int main(int argc, char **argv) {
  int tasks = argc > 1 ? atoi(argv[1]) : 24;
  long samples = argc > 2 ? atol(argv[2]) : 2000000;
  long *hits = calloc(tasks, sizeof(long));
  for (int t = 0; t < tasks; t++) {
#pragma dosc task
    hits[t] = count_hits(t + 1, samples);
  }
#pragma dosc taskwait
  long total = 0;
  for (int t = 0; t < tasks; t++) total += hits[t];
  printf("pi ~ %.6f from %ld samples\n", 4.0 * total / ((double)tasks * samples), tasks * samples);
  free(hits);
  return 0;
}
