/* calibrate_mpi - the network between two MPI ranks for `dosc calibrate`:
 * a raw ping-pong, no dosc in it. Rank 0 and rank 1 bounce one byte (the
 * one-way latency is half a round trip) and then 1 MiB (bandwidth: bytes
 * over the one-way time of the large message minus the latency).
 *
 * usage: mpirun -n 2 calibrate_mpi ROUNDS
 * Rank 0 prints "remote_latency_ns MEDIAN SPREAD" and
 * "remote_bytes_per_ns MEDIAN SPREAD" (medians over ROUNDS rounds,
 * spread = interquartile range / median), and "ranks N hosts SAME|DIFFERENT". */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calibrate_stats.h"

#define SMALL_TRIPS 1000 /* >= LARGE_TRIPS */
#define LARGE_BYTES (1 << 20)
#define LARGE_TRIPS 20

static void summarize(const char *name, double *samples, int count) {
  double spread;
  double median = calibrate_median(samples, count, &spread);
  printf("%s %.4f %.3f\n", name, median, spread);
}

/* Median one-way time of `trips` round trips of `bytes` between ranks 0 and
 * 1, ns: each trip timed alone, so a rank descheduled by another process
 * (a shared machine) spoils one trip, not the round. */
static double one_way_ns(int rank, char *buffer, int bytes, int trips) {
  static double times[SMALL_TRIPS];
  MPI_Barrier(MPI_COMM_WORLD);
  for (int i = 0; i < trips; i++) {
    double start = MPI_Wtime();
    if (rank == 0) {
      MPI_Send(buffer, bytes, MPI_CHAR, 1, 0, MPI_COMM_WORLD);
      MPI_Recv(buffer, bytes, MPI_CHAR, 1, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    } else if (rank == 1) {
      MPI_Recv(buffer, bytes, MPI_CHAR, 0, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
      MPI_Send(buffer, bytes, MPI_CHAR, 0, 0, MPI_COMM_WORLD);
    }
    times[i] = (MPI_Wtime() - start) * 1e9 / 2.0;
  }
  qsort(times, (size_t)trips, sizeof *times, calibrate_compare);
  return times[trips / 2];
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  int rank, size;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm_size(MPI_COMM_WORLD, &size);
  if (size < 2) {
    if (rank == 0) printf("ranks %d\n", size);
    MPI_Finalize();
    return 2;
  }
  int rounds = argc > 1 ? atoi(argv[1]) : 9;
  if (rounds < 3 || rounds > 1000) rounds = 9;
  char *buffer = calloc(LARGE_BYTES, 1);
  double *latency = malloc(sizeof(double) * (size_t)rounds);
  double *bandwidth = malloc(sizeof(double) * (size_t)rounds);
  if (!buffer || !latency || !bandwidth) MPI_Abort(MPI_COMM_WORLD, 1);
  one_way_ns(rank, buffer, LARGE_BYTES, 2); /* warm up: connections, pinned buffers */
  for (int r = 0; r < rounds; r++) {
    latency[r] = one_way_ns(rank, buffer, 1, SMALL_TRIPS);
    double large = one_way_ns(rank, buffer, LARGE_BYTES, LARGE_TRIPS);
    bandwidth[r] = (double)LARGE_BYTES / (large > latency[r] ? large - latency[r] : large);
  }
  char host[MPI_MAX_PROCESSOR_NAME], other[MPI_MAX_PROCESSOR_NAME];
  int length;
  memset(host, 0, sizeof host);
  MPI_Get_processor_name(host, &length);
  if (rank == 1) MPI_Send(host, MPI_MAX_PROCESSOR_NAME, MPI_CHAR, 0, 1, MPI_COMM_WORLD);
  if (rank == 0) {
    MPI_Recv(other, MPI_MAX_PROCESSOR_NAME, MPI_CHAR, 1, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    summarize("remote_latency_ns", latency, rounds);
    summarize("remote_bytes_per_ns", bandwidth, rounds);
    printf("ranks %d hosts %s\n", size, strcmp(host, other) == 0 ? "same" : "different");
  }
  free(buffer);
  free(latency);
  free(bandwidth);
  MPI_Finalize();
  return 0;
}
