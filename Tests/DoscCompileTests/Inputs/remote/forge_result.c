/* A hand-made serving rank that answers rank 0's first task with a forged RESULT in the short
 * form (the dosc program runs as rank 0: mpirun -np 1 PROG : -np 1 forge_result MODE). MODE:
 *   out-of-order  its WANT does not say it returns results in order, then a short result
 *   wrong-size    its WANT says so, then a short result of 8 bytes for stencil.c's task, whose
 *                 written footprint (a block of rows, far more than 8 bytes) has no short form
 * Rank 0 must answer each with its error and end the job (src/remote.c, receive_short_result). */
#include <mpi.h>
#include <string.h>

#include "remote_protocol.h"

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  const char *mode = argc > 1 ? argv[1] : "out-of-order";
  static unsigned char message[1 << 20];
  /* The decisions, then a free thread. */
  MPI_Recv(message, sizeof message, MPI_BYTE, 0, DOSC_TAG_CONTROL, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  /* A rank of 1 thread (the WANT's low bits), in order or not as the mode says. */
  dosc_message_header want = {DOSC_MESSAGE_MAGIC, DOSC_MSG_WANT, -1,
                              1 | (strcmp(mode, "wrong-size") == 0 ? DOSC_WANT_IN_ORDER : 0)};
  MPI_Send(&want, sizeof want, MPI_BYTE, 0, DOSC_TAG_CONTROL, MPI_COMM_WORLD);
  /* Its first task, answered by 8 bytes alone. */
  MPI_Recv(message, sizeof message, MPI_BYTE, 0, DOSC_TAG_CONTROL, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  double value = 1.0;
  MPI_Send(&value, sizeof value, MPI_BYTE, 0, DOSC_TAG_CONTROL, MPI_COMM_WORLD);
  /* Waits for an end that rank 0 brings to the job. */
  MPI_Recv(message, sizeof message, MPI_BYTE, 0, 12345, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
  MPI_Finalize();
  return 0;
}
