/* mpi_transport.c - libdosc_mpi_MPI.so: the MPI calls of remote_transport.h.
 *
 * Built with mpicc into a shared object of its own, loaded by remote.c with
 * dlopen only under mpirun (see remote_transport.h for why). Nothing here
 * keeps state beyond MPI's own.
 */
#include <limits.h>
#include <mpi.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "remote_transport.h"

/* DOSC_THREAD_* to MPI's own values, which every MPI orders alike (MPI 3.1, 12.4.3). */
static const int mpi_levels[] = {MPI_THREAD_SINGLE, MPI_THREAD_FUNNELED, MPI_THREAD_SERIALIZED,
                                 MPI_THREAD_MULTIPLE};

static int init(int level, int *provided_level, int *rank, int *size, char *error,
                size_t error_size) {
  int provided = 0;
  if (MPI_Init_thread(NULL, NULL, mpi_levels[level], &provided) != MPI_SUCCESS) {
    snprintf(error, error_size, "MPI_Init_thread failed");
    return -1;
  }
  if (provided < mpi_levels[level]) {
    snprintf(error, error_size, "the MPI library gives no %s (level %d)",
             dosc_thread_level_name(level), provided);
    MPI_Finalize();
    return -1;
  }
  *provided_level = level;
  while (*provided_level < DOSC_THREAD_MULTIPLE && provided >= mpi_levels[*provided_level + 1])
    ++*provided_level;
  MPI_Comm_rank(MPI_COMM_WORLD, rank);
  MPI_Comm_size(MPI_COMM_WORLD, size);
  return 0;
}

static void finalize(void) {
  MPI_Finalize();
}

static void abort_job(int code) {
  MPI_Abort(MPI_COMM_WORLD, code);
}

/* A request handle travels as the opaque `void *` itself, not as a pointer to
 * memory holding it: no allocation per message (an int in MPICH, a pointer in
 * Open MPI; never 0 for a live request). */
_Static_assert(sizeof(MPI_Request) <= sizeof(void *), "MPI_Request does not fit in a pointer");

static void *opaque(MPI_Request handle) {
  void *request = NULL;
  memcpy(&request, &handle, sizeof handle);
  return request;
}

static MPI_Request handle_of(void *request) {
  MPI_Request handle;
  memcpy(&handle, &request, sizeof handle);
  return handle;
}

static int isend(const void *buffer, size_t bytes, int destination, int tag, void **request) {
  if (bytes > (size_t)INT_MAX) return -1;
  MPI_Request handle;
  if (MPI_Isend(buffer, (int)bytes, MPI_BYTE, destination, tag, MPI_COMM_WORLD, &handle) !=
      MPI_SUCCESS)
    return -1;
  *request = opaque(handle);
  return 0;
}

static int send(const void *buffer, size_t bytes, int destination, int tag) {
  if (bytes > (size_t)INT_MAX) return -1;
  return MPI_Send(buffer, (int)bytes, MPI_BYTE, destination, tag, MPI_COMM_WORLD) == MPI_SUCCESS
             ? 0
             : -1;
}

static int test(void *request) {
  MPI_Request handle = handle_of(request);
  int done = 0;
  MPI_Test(&handle, &done, MPI_STATUS_IGNORE);
  return done;
}

static void probe(int source, int tag, size_t *bytes) {
  MPI_Status status;
  MPI_Probe(source, tag, MPI_COMM_WORLD, &status);
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  *bytes = (size_t)count;
}

static int recv(void *buffer, size_t bytes, int source, int tag) {
  if (bytes > (size_t)INT_MAX) return -1;
  return MPI_Recv(buffer, (int)bytes, MPI_BYTE, source, tag, MPI_COMM_WORLD, MPI_STATUS_IGNORE) ==
                 MPI_SUCCESS
             ? 0
             : -1;
}

static int listen(void *buffer, size_t bytes, int tag, void **request) {
  if (bytes > (size_t)INT_MAX) return -1;
  MPI_Request handle;
  if (MPI_Recv_init(buffer, (int)bytes, MPI_BYTE, MPI_ANY_SOURCE, tag, MPI_COMM_WORLD, &handle) !=
      MPI_SUCCESS)
    return -1;
  *request = opaque(handle);
  return 0;
}

static int post(void *request) {
  MPI_Request handle = handle_of(request);
  return MPI_Start(&handle) == MPI_SUCCESS ? 0 : -1;
}

static int arrived(void *request, int *source, size_t *bytes) {
  MPI_Request handle = handle_of(request);
  int done = 0;
  MPI_Status status;
  MPI_Test(&handle, &done, &status);
  if (!done) return 0;
  int count = 0;
  MPI_Get_count(&status, MPI_BYTE, &count);
  *source = status.MPI_SOURCE;
  *bytes = (size_t)count;
  return 1;
}

static void cancel(void *request, int started) {
  MPI_Request handle = handle_of(request);
  if (started) {
    MPI_Cancel(&handle);
    MPI_Wait(&handle, MPI_STATUS_IGNORE);
  }
  MPI_Request_free(&handle);
}

static const char *library_version(void) {
  static char text[MPI_MAX_LIBRARY_VERSION_STRING];
  int length = 0;
  MPI_Get_library_version(text, &length);
  for (int i = 0; i < length; i++)
    if (text[i] == '\n' || text[i] == ',') {
      text[i] = '\0';
      break;
    }
  return text;
}

__attribute__((visibility("default"))) const dosc_transport *dosc_mpi_transport(void) {
  static const dosc_transport transport = {
      DOSC_TRANSPORT_VERSION, init,   finalize, abort_job, isend, send, test, probe, recv,
      library_version,        listen, post,     arrived,   cancel};
  return &transport;
}
