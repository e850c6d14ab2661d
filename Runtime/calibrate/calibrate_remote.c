/* calibrate_remote - what a remote task costs through dosc, for `dosc calibrate`.
 *
 * The model prices a remote task as 2 x remote_latency_ns + bytes /
 * remote_bytes_per_ns. A raw MPI ping-pong (calibrate_mpi.c) is only a lower
 * bound of that: a task also pays the dispatch, the serving rank's pool, the
 * twin and the write-back. So the figures the profile keeps come from here: a
 * task built by `dosc compile`, run on 2 ranks with DOSC_BIND=remote (and a
 * profile in which a message costs nothing, so that every spawn is shipped).
 *
 * Rank 0 (main) times, each round, TRIPS spawns of `touch` on one byte, each
 * followed by its taskwait (the one-way latency is half the typical trip), and
 * LARGE_TRIPS of `touch` on 1 MiB, which ships 1 MiB in and, every byte
 * changed, 1 MiB back (bandwidth: the 2 MiB the model counts for such a task,
 * over the typical trip less the small trip).
 *
 * A round's typical trip is its lower quartile, not its median: on a quiet
 * machine the trips of a round agree to 1-2%, so the two are the same; on a
 * shared one a trip during which another process holds a rank's CPU is
 * longer by that process's time slice (ms, against a 0.6 ms large trip),
 * never shorter, and at a load of twice the CPUs more than half the large
 * trips are so held up: the median then measures the load, the lower
 * quartile still the network. Where even that quarter is held up (at 4-5
 * times the CPUs), the rounds and launches disagree and calibrate says so.
 *
 * And before anything else, the process's first tasks: FIRST_SEQUENCE (small,
 * medium, small, medium) timed once cold, when rank 0 first reaches rank 1,
 * and at once again PAIRED_SEQUENCES times warm: remote_first_ns is the cold
 * one less the warm ones' lower quartile, what a program's first remote
 * tasks cost beyond a warm round trip (issue 10: matmul 64 on 3 ranks, 4
 * tasks of 40 us, ran 0.9 ms forced remote against 0.4 ms inline, where warm
 * trips price it at 0.16 ms). What is cold, measured on the 2-CPU VM (Open
 * MPI 4.1, ob1 over vader): not a connection, for vader's endpoints to the
 * ranks of one host are made in MPI_Init (mpi_add_procs_cutoff 0 defers only
 * other hosts' ranks, whose TCP connection the first message opens); the
 * first 1-byte task, 55-70 us against 1 us warm (the decisions sent to rank
 * 1, code and MPI's free lists first touched on both ranks), and the first
 * 64 KiB one, 100-200 us against 47-95 (ob1's rendezvous and vader's
 * single-copy path first taken, the serving rank's buffers first touched);
 * the sequence's second pair is already within 10% of warm. Vader's fast
 * boxes come after 16 messages to a rank, within the first warm sequences:
 * the lower quartile of the warm ones is past them.
 *
 * Why the warm sequences come at once, not after the rounds: the VM's CPU
 * placements (LaunchStatistics) hold for seconds and move a warm sequence
 * from 100 to 200 us (its 64 KiB trips 47 or 95 us), as much as the figure.
 * Warm sequences half a second after the cold one are in the cold one's
 * placement or not, by chance: their difference moved by the placements'
 * gap from launch to launch (the launches of this figure strayed 32% on a
 * quiet VM, its interval 28% wide against the 30% limit). Taken within a
 * millisecond of it, both are in one placement and it cancels; what is left
 * is the contact's own cost. The caller's buffer is written before (a
 * program's data is in memory before it is shipped): the page faults of a
 * first write-back into fresh pages are not the contact's, an inline run
 * would pay them too.
 *
 * One sample per launch (a process pair is cold once; a fresh contact cannot
 * be had again within a launch): the launches are its samples
 * (LaunchStatistics), one pool whatever the placements (Calibration.swift,
 * pairedInLaunch).
 *
 * usage: dosc run -n 2 calibrate_remote ROUNDS
 * Prints "remote_latency_ns MEDIAN SPREAD" and "remote_bytes_per_ns MEDIAN
 * SPREAD" (medians over ROUNDS rounds, spread = interquartile range /
 * median) and "remote_first_ns VALUE 0", or "ranks N" and status 2 when it is not on two ranks, or
 * status 3 (and why, on stderr) when a task it spawns does not go to rank 1
 * (then it timed something other than a remote task). */
#include <dosc.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "calibrate_stats.h"

#define TRIPS       400 /* >= LARGE_TRIPS */
#define LARGE_BYTES (1 << 20)
#define LARGE_TRIPS 24 /* 15 ms a round: little beside mpirun's 0.5 s start */
/* The first tasks' sequence: 1 byte, then MEDIUM_BYTES (above MPI's eager
 * limit, a few KiB: its single-copy path), twice. */
#define MEDIUM_BYTES (64 << 10)
/* Warm sequences right after the cold one, its reference (the lower
 * quartile: one held up by another process does not count). */
#define PAIRED_SEQUENCES 8

/* Reads and writes every byte of v[0 .. n): shipped in and back whole. */
void touch(unsigned char *v, int n) {
  for (int i = 0; i < n; i++)
    v[i] = (unsigned char)(v[i] + 1);
}

/* The rank a task runs on: the probe checks that its trips were remote ones.
 * Its loop gives it work that varies (a task of constant work is bound
 * inline when compiled, whatever DOSC_BIND says). */
int where_run(const unsigned char *v, int n) {
  int zero = 0;
  for (int i = 0; i < n; i++)
    zero += v[i] > 255;
  return dosc_node_rank() + zero;
}

/* The lower quartile of the times of `trips` remote tasks on `bytes` bytes,
 * each with its taskwait, ns: each trip timed alone, so a rank descheduled by
 * another process (a shared machine) spoils one trip, not the round. */
static double trip_ns(unsigned char *buffer, int bytes, int trips) {
  static double times[TRIPS];
  for (int i = 0; i < trips; i++) {
    double start = calibrate_now_ns();
#pragma dosc task
    touch(buffer, bytes);
#pragma dosc taskwait
    times[i] = calibrate_now_ns() - start;
  }
  qsort(times, (size_t)trips, sizeof *times, calibrate_compare);
  return times[trips / 4];
}

/* The time of the first tasks' sequence (see above), ns. */
static double sequence_ns(unsigned char *buffer) {
  double start = calibrate_now_ns();
  for (int i = 0; i < 2; i++) {
#pragma dosc task
    touch(buffer, 1);
#pragma dosc taskwait
#pragma dosc task
    touch(buffer, MEDIUM_BYTES);
#pragma dosc taskwait
  }
  return calibrate_now_ns() - start;
}

static void summarize(const char *name, double *samples, int count) {
  double spread;
  double median = calibrate_median(samples, count, &spread);
  printf("%s %.4f %.3f\n", name, median, spread);
}

int main(int argc, char **argv) {
  if (dosc_node_count() < 2) {
    printf("ranks %d\n", dosc_node_count());
    return 2;
  }
  int rounds = argc > 1 ? atoi(argv[1]) : 9;
  if (rounds < 3 || rounds > 1000) rounds = 9;
  unsigned char *buffer = calloc(LARGE_BYTES, 1);
  double *latency = malloc(sizeof(double) * (size_t)rounds);
  double *bandwidth = malloc(sizeof(double) * (size_t)rounds);
  if (!buffer || !latency || !bandwidth) return 1;
  for (int i = 0; i < LARGE_BYTES; i++) /* the program's data, in memory (see above) */
    ((volatile unsigned char *)buffer)[i] = 0;
  double cold = sequence_ns(buffer); /* the first remote tasks of this process */
  double warm[PAIRED_SEQUENCES];
  for (int i = 0; i < PAIRED_SEQUENCES; i++)
    warm[i] = sequence_ns(buffer);
  qsort(warm, PAIRED_SEQUENCES, sizeof *warm, calibrate_compare);
  double first = cold - warm[PAIRED_SEQUENCES / 4];
  trip_ns(buffer, LARGE_BYTES, 2); /* the serving rank's first large buffers */
  for (int r = 0; r < rounds; r++) {
    double small = trip_ns(buffer, 1, TRIPS);
    double large = trip_ns(buffer, LARGE_BYTES, LARGE_TRIPS);
    latency[r] = small / 2.0;
    bandwidth[r] = 2.0 * LARGE_BYTES / (large > small ? large - small : large);
  }
  int rank;
#pragma dosc task
  rank = where_run(buffer, 64);
#pragma dosc taskwait
  if (rank != 1) {
    fprintf(stderr, "a task spawned under DOSC_BIND=remote ran on rank %d, not 1\n", rank);
    return 3;
  }
  summarize("remote_latency_ns", latency, rounds);
  summarize("remote_bytes_per_ns", bandwidth, rounds);
  printf("remote_first_ns %.1f 0\n", first > 0.0 ? first : 0.0);
  free(latency);
  free(bandwidth);
  free(buffer);
  return 0;
}
