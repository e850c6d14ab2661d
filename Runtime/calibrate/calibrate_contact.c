/* calibrate_contact - what a batch's first contact with the serving ranks
 * costs, for `dosc calibrate`'s remote_later_contact_share (and
 * bench/first_contact.py, which runs it on more rank counts).
 *
 * The model (policy.c, first_contact_ns) charges a batch remote_first_ns for
 * first reaching the serving ranks: the whole of it for the first and
 * remote_later_contact_share of it for each further one, for rank 0 sends a
 * batch's first tasks to every rank that asks before any answers, so the
 * contacts overlap. Calibrate launches this program on 2 ranks and at once on
 * 3 (DOSC_BIND=remote, a profile in which a message costs nothing): the share
 * is the 3-rank contact over the 2-rank one, less 1.
 *
 * Each launch times a batch of TASKS tasks (1 byte and 64 KiB in turn, each
 * on its own buffer) and its taskwait, twice over: once cold, the program's
 * first remote tasks, and at once again WARM_BATCHES times. The contact is
 * the cold batch less the warm ones' lower quartile (one held up by another
 * process does not count): taken within a millisecond of each other, the two
 * are in one placement of a VM's CPUs, which cancels (calibrate_remote.c says
 * why). The caller's data is written before: the page faults of a first
 * write-back into fresh pages are not the contact's. Each task also says
 * which rank ran it: a cold batch none of whose tasks left rank 0 timed no
 * contact, and calibrate refuses the launch (one that reached only some
 * serving ranks counts: a rank that asks late is what programs meet too).
 *
 * One sample per launch (a process is cold once): the launches are its
 * samples (Calibration.swift, ContactProbe).
 *
 * usage: DOSC_BIND=remote dosc run -n N calibrate_contact
 * Prints "ranks N", "serving_ranks K" (the serving ranks the cold batch
 * reached), "contact_ns COLD_LESS_WARM 0" and "warm_ns WARM 0" (ns); status 2
 * on a single rank. */
#include <dosc.h>
#include <stdio.h>
#include <stdlib.h>

#include "calibrate_stats.h"

#define MEDIUM       (64 << 10)
#define TASKS        8
#define WARM_BATCHES 8
#define MAX_RANKS    64

/* Reads and writes every byte of v[0 .. n) (shipped in and back whole), and
 * says which rank ran it. */
void touch(unsigned char *v, int n, int *rank) {
  for (int i = 0; i < n; i++)
    v[i] = (unsigned char)(v[i] + 1);
  *rank = dosc_node_rank();
}

/* One batch and its taskwait, twice over, ns; `ranks` the ranks its 2 x TASKS
 * tasks ran on. */
static double batch_ns(unsigned char *buffer, int *ranks) {
  double start = calibrate_now_ns();
  for (int round = 0; round < 2; round++) {
    for (int t = 0; t < TASKS; t++) {
#pragma dosc task
      touch(buffer + t * MEDIUM, t % 2 ? MEDIUM : 1, &ranks[round * TASKS + t]);
    }
#pragma dosc taskwait
  }
  return calibrate_now_ns() - start;
}

int main(void) {
  int nodes = dosc_node_count();
  printf("ranks %d\n", nodes);
  if (nodes < 2) return 2;
  unsigned char *buffer = calloc(TASKS, MEDIUM);
  if (buffer == NULL) return 1;
  for (int i = 0; i < TASKS * MEDIUM; i++) /* the program's data, in memory */
    ((volatile unsigned char *)buffer)[i] = 0;
  int ranks[2 * TASKS] = {0};
  double cold = batch_ns(buffer, ranks);
  int reached[MAX_RANKS] = {0};
  int serving = 0;
  for (int t = 0; t < 2 * TASKS; t++)
    if (ranks[t] > 0 && ranks[t] < MAX_RANKS && !reached[ranks[t]]++) serving++;
  double warm[WARM_BATCHES];
  for (int i = 0; i < WARM_BATCHES; i++)
    warm[i] = batch_ns(buffer, ranks);
  qsort(warm, WARM_BATCHES, sizeof *warm, calibrate_compare);
  double reference = warm[WARM_BATCHES / 4];
  printf("serving_ranks %d\n", serving);
  printf("contact_ns %.1f 0\n", cold - reference);
  printf("warm_ns %.1f 0\n", reference);
  free(buffer);
  return 0;
}
