/* remote_transport.h - the MPI calls libdosc makes, behind a table (private).
 *
 * libdosc never links libmpi: linking it costs a program ~5 ms of start-up
 * (measured: hello world 1.9 ms plain vs 6.8 ms with -lmpi, hyperfine), and
 * SPEC.md section 5 promises that a program started without mpirun pays
 * nothing for MPI. The calls live in a plugin per MPI, libdosc_mpi_openmpi.so
 * and libdosc_mpi_mpich.so (src/mpi_transport.c, built with each MPI's mpicc),
 * of which mpi_launcher.c loads the one matching the launcher, with dlopen,
 * only when a launcher started the program on two or more ranks. Every function is called by one
 * thread of a rank at a time, never by workers: its communication thread (MPI_THREAD_SERIALIZED;
 * on rank 0 threads waiting at a taskwait too, under remote.c's mpi_lock), or, on a serving rank
 * of one thread, that thread alone (MPI_THREAD_SINGLE: remote.c, dosc_remote_init).
 */
#ifndef DOSC_REMOTE_TRANSPORT_H
#define DOSC_REMOTE_TRANSPORT_H

#include <stddef.h>

#define DOSC_TRANSPORT_VERSION 5

/* MPI's thread levels, in MPI's order, numbered alike by every plugin (MPI_THREAD_SINGLE and
 * the others are each MPI's own values). */
enum {
  DOSC_THREAD_SINGLE = 0,
  DOSC_THREAD_FUNNELED = 1,
  DOSC_THREAD_SERIALIZED = 2,
  DOSC_THREAD_MULTIPLE = 3
};

/* MPI's name of a DOSC_THREAD_* level, for messages and the trace. */
static inline const char *dosc_thread_level_name(int level) {
  static const char *const names[] = {"MPI_THREAD_SINGLE", "MPI_THREAD_FUNNELED",
                                      "MPI_THREAD_SERIALIZED", "MPI_THREAD_MULTIPLE"};
  return level >= DOSC_THREAD_SINGLE && level <= DOSC_THREAD_MULTIPLE ? names[level]
                                                                      : "an unknown thread level";
}

typedef struct dosc_transport {
  int version; /* DOSC_TRANSPORT_VERSION */
  /* MPI_Init_thread at `level` (DOSC_THREAD_*); *provided, the level MPI gives (at least
   * `level`), *rank, *size of MPI_COMM_WORLD. 0 on success; else writes why into error. */
  int (*init)(int level, int *provided, int *rank, int *size, char *error, size_t error_size);
  void (*finalize)(void);
  /* MPI_Abort(MPI_COMM_WORLD, code): ends every rank of the job. */
  void (*abort)(int code);
  /* MPI_Isend of `bytes` bytes (< 2 GiB); *request is opaque (MPI's handle
   * itself, never NULL, nothing allocated), completed by test. */
  int (*isend)(const void *buffer, size_t bytes, int destination, int tag, void **request);
  /* MPI_Send of `bytes` bytes, for small messages only (remote.c,
   * DOSC_BLOCKING_SEND_BYTES): far below every MPI's eager limit, so it
   * returns once the bytes are copied out, never waiting for the receiver.
   * 0 on success. */
  int (*send)(const void *buffer, size_t bytes, int destination, int tag);
  /* 1 when the send has completed (the request is then freed), else 0. */
  int (*test)(void *request);
  /* MPI_Probe: *bytes of the next message from `source` with `tag`. */
  void (*probe)(int source, int tag, size_t *bytes);
  /* MPI_Recv of exactly `bytes` bytes from `source`. 0 on success. */
  int (*recv)(void *buffer, size_t bytes, int source, int tag);
  const char *(*library_version)(void);
  /* A persistent receive (MPI_Recv_init) of up to `bytes` bytes with `tag`
   * from any rank, not yet started: control messages land straight in
   * `buffer` (with a probe first, MPI would hold each as an unexpected
   * message and copy it again), and restarting it costs no request
   * allocation per message (an empty task's round trip 20 ns shorter than
   * with a fresh MPI_Irecv per message, measured in a raw program). */
  int (*listen)(void *buffer, size_t bytes, int tag, void **request);
  /* Starts the receive (MPI_Start). */
  int (*post)(void *request);
  /* 1 when the started receive has completed (*source, *bytes set; the
   * request stays, inactive, for the next post), else 0. */
  int (*arrived)(void *request, int *source, size_t *bytes);
  /* Cancels the receive if `started` and not completed, and frees it. */
  void (*cancel)(void *request, int started);
} dosc_transport;

/* The entry point each plugin exports. */
typedef const dosc_transport *(*dosc_transport_entry)(void);
#define DOSC_TRANSPORT_ENTRY "dosc_mpi_transport"

#endif /* DOSC_REMOTE_TRANSPORT_H */
