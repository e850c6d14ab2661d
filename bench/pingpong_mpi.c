/* Raw MPI ping-pong between ranks 0 and 1: rank 0 sends `bytes`, rank 1
 * sends them back, `rounds` times. Prints microseconds per round trip and
 * MB/s moved (both ways): the limit remote_roundtrip.c is compared with.
 * With WORK 1, rank 1 does remote_roundtrip.c's task on the bytes (v[i] += 1.0
 * over them as doubles) between receiving and sending back: the same work as
 * the dosc task, so the two differ by what dosc adds around it.
 * With HUGE 1, rank 1's buffer is 2 MiB-aligned and advised as huge pages
 * (MADV_HUGEPAGE), as a dosc serving rank's buffer for a footprint of 2 MiB
 * or more is (Runtime/src/footprint_buffer.h): the raw transfer with the
 * same pages on both ends as dosc's.
 * With POLLED 1, each rank receives as a dosc rank does (Runtime/src/remote.c,
 * dosc_next_control): a persistent receive from any rank (MPI_Recv_init with
 * MPI_ANY_SOURCE) restarted for each message and tested with MPI_Test until
 * it completes, instead of a blocking MPI_Recv from the known rank: the
 * limit of dosc's way of receiving, without any of dosc's own steps.
 * With POLLED 2, rank 0 alone receives so and rank 1 with a blocking receive
 * from rank 0: the limit of a serving rank that blocks instead of polling.
 * With SERIALIZED 1, both ranks start with MPI_Init_thread(MPI_THREAD_SERIALIZED), the level a
 * dosc rank asks for (Runtime/src/mpi_transport.c: rank 0 calls MPI from several threads, one
 * at a time): Open MPI 4.1 takes its internal locks at every level above MPI_THREAD_SINGLE,
 * which plain MPI_Init gives, so this is the raw limit at dosc's level. With SERIALIZED 2, rank 0
 * alone does so and rank 1 calls MPI_Init: the levels of dosc's ranks when a serving rank has one
 * thread (it serves alone at MPI_THREAD_SINGLE, Runtime/src/remote.c, dosc_remote_init; the
 * rank is read from OMPI_COMM_WORLD_RANK / PMI_RANK before MPI_Init, as dosc does).
 *   usage: mpirun -np 2 pingpong_mpi BYTES ROUNDS [WORK [HUGE [POLLED [SERIALIZED]]]] */
#define _GNU_SOURCE
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* A blocking receive from `source`, or with `listen` (POLLED) dosc's way. */
static void receive(double *buffer, long bytes, int source, MPI_Request listen) {
  if (listen == MPI_REQUEST_NULL) {
    MPI_Recv(buffer, (int)bytes, MPI_BYTE, source, 0, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    return;
  }
  MPI_Start(&listen);
  int done = 0;
  while (!done)
    MPI_Test(&listen, &done, MPI_STATUS_IGNORE);
}

int main(int argc, char **argv) {
  int provided;
  int serialized = argc > 6 ? atoi(argv[6]) : 0;
  const char *launcher_rank = getenv("OMPI_COMM_WORLD_RANK");
  if (launcher_rank == NULL) launcher_rank = getenv("PMI_RANK");
  if (serialized == 2 && launcher_rank != NULL && atoi(launcher_rank) > 0) serialized = 0;
  if (serialized)
    MPI_Init_thread(&argc, &argv, MPI_THREAD_SERIALIZED, &provided);
  else
    MPI_Init(&argc, &argv);
  int rank;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  long bytes = argc > 1 ? atol(argv[1]) : 8;
  int rounds = argc > 2 ? atoi(argv[2]) : 1000;
  int work = argc > 3 ? atoi(argv[3]) : 0;
  int huge = argc > 4 ? atoi(argv[4]) : 0;
  int polled = argc > 5 ? atoi(argv[5]) : 0;
  size_t size = ((size_t)bytes / sizeof(double) + 1) * sizeof(double);
  double *buffer = NULL;
  if (huge && rank == 1) {
    if (posix_memalign((void **)&buffer, 2u << 20, size) == 0) madvise(buffer, size, MADV_HUGEPAGE);
  } else {
    buffer = malloc(size);
  }
  if (buffer == NULL) MPI_Abort(MPI_COMM_WORLD, 1);
  memset(buffer, 0, size);
  MPI_Request listen = MPI_REQUEST_NULL;
  if (polled == 1 || (polled == 2 && rank == 0))
    MPI_Recv_init(buffer, (int)bytes, MPI_BYTE, MPI_ANY_SOURCE, 0, MPI_COMM_WORLD, &listen);
  double start = 0;
  for (int r = -rounds / 10; r < rounds; r++) {
    if (r == 0) start = MPI_Wtime();
    if (rank == 0) {
      MPI_Send(buffer, (int)bytes, MPI_BYTE, 1, 0, MPI_COMM_WORLD);
      receive(buffer, bytes, 1, listen);
    } else if (rank == 1) {
      receive(buffer, bytes, 0, listen);
      if (work)
        for (long i = 0; i < bytes / (long)sizeof(double); i++) buffer[i] += 1.0;
      MPI_Send(buffer, (int)bytes, MPI_BYTE, 0, 0, MPI_COMM_WORLD);
    }
  }
  double elapsed = MPI_Wtime() - start;
  if (rank == 0)
    printf("bytes %ld round_trip_us %.2f mb_per_s %.1f\n", bytes, elapsed / rounds * 1e6,
           2.0 * bytes * rounds / elapsed / 1e6);
  if (listen != MPI_REQUEST_NULL) MPI_Request_free(&listen);
  free(buffer);
  MPI_Finalize();
  return 0;
}
