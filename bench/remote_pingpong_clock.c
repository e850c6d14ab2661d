/* A raw MPI ping-pong between ranks 0 and 1 clocked per trip: rank 0 times each send + receive
 * (CLOCK_MONOTONIC) and prints the 10th, 25th and 50th percentiles in ns of ROUNDS trips after a
 * tenth more that warm up. On a shared machine the low percentiles say what a trip costs when
 * neither rank waits for a CPU; the means of bench/remote.sh do not (BENCHMARKS.md, rtt9).
 * POLLED 1 receives as a dosc rank does (a persistent any-source receive tested with MPI_Test);
 * LEVELS 2 starts rank 0 at MPI_THREAD_SERIALIZED and rank 1 with MPI_Init, a dosc rank 0's and
 * a 1-thread serving rank's levels (bench/pingpong_mpi.c says why). Compare with
 * bench/remote_roundtrip_clock.c.
 *   usage: mpirun -np 2 remote_pingpong_clock BYTES (<= 64) ROUNDS POLLED LEVELS */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static long long now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1000000000LL + t.tv_nsec;
}

static int by_value(const void *a, const void *b) {
  long long x = *(const long long *)a, y = *(const long long *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  int bytes = argc > 1 ? atoi(argv[1]) : 8, rounds = argc > 2 ? atoi(argv[2]) : 100000;
  int polled = argc > 3 ? atoi(argv[3]) : 0, levels = argc > 4 ? atoi(argv[4]) : 0;
  const char *launcher_rank = getenv("OMPI_COMM_WORLD_RANK");
  if (launcher_rank == NULL) launcher_rank = getenv("PMI_RANK");
  if (levels == 2 && launcher_rank != NULL && atoi(launcher_rank) > 0) levels = 0;
  int provided;
  if (levels)
    MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
  else
    MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  char buffer[64] = {0};
  if (bytes < 0 || bytes > (int)sizeof buffer || rounds < 1) MPI_Abort(MPI_COMM_WORLD, 2);
  long long *trips = malloc(sizeof *trips * (size_t)rounds);
  if (trips == NULL) MPI_Abort(MPI_COMM_WORLD, 1);
  MPI_Request listen = MPI_REQUEST_NULL;
  if (polled) MPI_Recv_init(buffer, bytes, MPI_BYTE, MPI_ANY_SOURCE, 0, MPI_COMM_WORLD, &listen);
  for (int r = -rounds / 10; r < rounds; r++) {
    long long start = now_ns();
    if (rank == 0) MPI_Send(buffer, bytes, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
    if (polled) {
      MPI_Start(&listen);
      int done = 0;
      while (!done)
        MPI_Test(&listen, &done, MPI_STATUS_IGNORE);
    } else {
      MPI_Recv(buffer, bytes, MPI_BYTE, 1 - rank, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    if (rank == 1) MPI_Send(buffer, bytes, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
    if (r >= 0) trips[r] = now_ns() - start;
  }
  if (rank == 0) {
    qsort(trips, (size_t)rounds, sizeof *trips, by_value);
    printf("p10 %lld p25 %lld p50 %lld\n", trips[rounds / 10], trips[rounds / 4],
           trips[rounds / 2]);
  }
  if (listen != MPI_REQUEST_NULL) MPI_Request_free(&listen);
  free(trips);
  MPI_Finalize();
  return 0;
}
