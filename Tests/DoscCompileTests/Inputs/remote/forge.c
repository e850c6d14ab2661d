/* A hand-made rank 0 that sends a serving rank forged messages (the dosc
 * program runs as rank 1: mpirun -np 1 forge MODE : -np 1 PROG). MODE:
 *   unknown-site  valid decisions, then a task for a site the program lacks
 *   wrong-size    valid decisions, then a task for site 0 bringing far more
 *                 data than the manifest's footprints give for its arguments
 *   garbage       bytes that are not a dosc message at all
 * The serving rank must answer each with its error and end the job. */
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remote_protocol.h"

/* A control message: the header, the payload, then `data` bytes of zeros (inline data). */
static void send_control(uint16_t type, int32_t site, const void *payload,
                         size_t bytes, size_t data) {
  static unsigned char message[16384];
  dosc_message_header header = {DOSC_MESSAGE_MAGIC, type, site, 1};
  memcpy(message, &header, sizeof header);
  memcpy(message + sizeof header, payload, bytes);
  memset(message + sizeof header + bytes, 0, data);
  MPI_Send(message, (int)(sizeof header + bytes + data), MPI_BYTE, 1, DOSC_TAG_CONTROL,
           MPI_COMM_WORLD);
}

int main(int argc, char **argv) {
  MPI_Init(&argc, &argv);
  const char *mode = argc > 1 ? argv[1] : "unknown-site";
  int sites = argc > 2 ? atoi(argv[2]) : 1;
  if (strcmp(mode, "garbage") == 0) {
    char junk[100] = "this is not a dosc message";
    MPI_Send(junk, sizeof junk, MPI_BYTE, 1, DOSC_TAG_CONTROL, MPI_COMM_WORLD);
  } else {
    dosc_wire_state states[64] = {{DOSC_BIND_LOCAL, 4, 0}};
    send_control(DOSC_MSG_DECISIONS, sites, states,
                 sizeof(dosc_wire_state) * (size_t)sites, 0);
    /* Arguments of smooth(in, out, lo, hi) in stencil.c: two pointers, two
     * ints; its footprint in[0, 102) takes 102 doubles, inline after the
     * arguments (out[1, 101), written whole, is not shipped in). */
    struct {
      void *in, *out;
      int lo, hi;
    } args = {0, 0, 1, 101};
    size_t data = 102 * sizeof(double);
    if (strcmp(mode, "wrong-size") == 0) data = 1500 * sizeof(double); /* far more */
    send_control(DOSC_MSG_TASK, strcmp(mode, "unknown-site") == 0 ? 12345 : 0, &args,
                 sizeof args, data);
  }
  /* Waits for an answer that never comes: the serving rank ends the job. */
  char answer[64];
  MPI_Recv(answer, sizeof answer, MPI_BYTE, 1, DOSC_TAG_CONTROL, MPI_COMM_WORLD,
           MPI_STATUS_IGNORE);
  MPI_Finalize();
  return 0;
}
