/* first_contact - what a batch's first remote tasks cost beyond warm ones, by the number of
 * ranks (bench/first_contact.py; issue 10).
 *
 * The model (policy.c, first_contact_ns) charges a batch remote_first_ns for first reaching
 * the serving ranks; calibrate measures it from rank 0 to rank 1 alone (calibrate_remote.c).
 * This times a batch of TASKS tasks (1 byte and 64 KiB in turn, on their own buffers), then
 * its taskwait, twice: once cold, the program's first remote tasks, and at once again
 * WARM_BATCHES times. Rank 0 sends the batch's first tasks to every rank that asks before any
 * answers, so on N ranks the cold batch reaches all N - 1 serving ranks. Prints
 * "ranks COLD_LESS_WARM_NS WARM_NS", warm as the lower quartile of the warm batches.
 *
 * usage: DOSC_BIND=remote dosc run -n N first_contact */
#include <dosc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define MEDIUM       (64 << 10)
#define TASKS        8
#define WARM_BATCHES 8

static double now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

static int compare(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Reads and writes every byte of v[0 .. n): shipped in and back whole. */
void touch(unsigned char *v, int n) {
  for (int i = 0; i < n; i++)
    v[i] = (unsigned char)(v[i] + 1);
}

static double batch_ns(unsigned char *buffer) {
  double start = now_ns();
  for (int round = 0; round < 2; round++) {
    for (int t = 0; t < TASKS; t++) {
#pragma dosc task
      touch(buffer + t * MEDIUM, t % 2 ? MEDIUM : 1);
    }
#pragma dosc taskwait
  }
  return now_ns() - start;
}

int main(void) {
  unsigned char *buffer = calloc(TASKS, MEDIUM);
  if (buffer == NULL) return 1;
  for (int i = 0; i < TASKS * MEDIUM; i++) /* the program's data, in memory */
    ((volatile unsigned char *)buffer)[i] = 0;
  double cold = batch_ns(buffer);
  double warm[WARM_BATCHES];
  for (int i = 0; i < WARM_BATCHES; i++)
    warm[i] = batch_ns(buffer);
  qsort(warm, WARM_BATCHES, sizeof *warm, compare);
  printf("%d %.0f %.0f\n", dosc_node_count(), cold - warm[WARM_BATCHES / 4],
         warm[WARM_BATCHES / 4]);
  free(buffer);
  return 0;
}
