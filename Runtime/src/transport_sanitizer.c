/* transport_sanitizer.c - what ThreadSanitizer is told about MPI's reads of the program's memory.
 *
 * A footprint is a hull: a red-black task of one colour is shipped
 * [lo - 1, hi], cells of which it never reads and which a sibling task or
 * the caller may store to meanwhile (legal C: the task does not access them).
 * MPI reads those bytes while sending; the serving rank keeps them in its
 * twin, the task never looks at them, and since they do not change they never
 * come back (write_back.h). Under ThreadSanitizer (libdosc built with
 * -fsanitize=thread) every MPI call, and the copy of a small footprint into
 * its task message (dosc_copy_shipped), is wrapped so that the memory
 * accesses it makes are not checked (ThreadSanitizer's "ignore reads" covers
 * writes too). What stays checked is every store into the caller's memory
 * that matters: the runs write_back.c stores, and inline written data; a
 * footprint received whole by MPI is one every element of which the task
 * changed, so no one else may touch it before the taskwait. Without a
 * sanitizer the table and a memcpy are used as they are.
 */
#include <string.h>

#include "remote_internal.h"

/* DOSC_TSAN: remote_internal.h. */

#ifdef DOSC_TSAN
/* ThreadSanitizer's runtime (dynamic annotations). */
void AnnotateIgnoreReadsBegin(const char *file, int line);
void AnnotateIgnoreReadsEnd(const char *file, int line);

static const dosc_transport *real;

#define UNCHECKED_READS(call)                                                                      \
  AnnotateIgnoreReadsBegin(__FILE__, __LINE__);                                                    \
  call;                                                                                            \
  AnnotateIgnoreReadsEnd(__FILE__, __LINE__)

static int isend(const void *buffer, size_t bytes, int destination, int tag, void **request) {
  int status;
  UNCHECKED_READS(status = real->isend(buffer, bytes, destination, tag, request));
  return status;
}
static int send(const void *buffer, size_t bytes, int destination, int tag) {
  int status;
  UNCHECKED_READS(status = real->send(buffer, bytes, destination, tag));
  return status;
}
static int test(void *request) {
  int done;
  UNCHECKED_READS(done = real->test(request));
  return done;
}
static int listen(void *buffer, size_t bytes, int tag, void **request) {
  int status;
  UNCHECKED_READS(status = real->listen(buffer, bytes, tag, request));
  return status;
}
static int post(void *request) {
  int status;
  UNCHECKED_READS(status = real->post(request));
  return status;
}
static int arrived(void *request, int *source, size_t *bytes) {
  int done;
  UNCHECKED_READS(done = real->arrived(request, source, bytes));
  return done;
}
static void cancel(void *request, int started) {
  UNCHECKED_READS(real->cancel(request, started));
}
static void probe(int source, int tag, size_t *bytes) {
  UNCHECKED_READS(real->probe(source, tag, bytes));
}
static int recv(void *buffer, size_t bytes, int source, int tag) {
  int status;
  UNCHECKED_READS(status = real->recv(buffer, bytes, source, tag));
  return status;
}

void dosc_copy_shipped(void *to, const void *from, size_t bytes) {
  UNCHECKED_READS(memcpy(to, from, bytes));
}

const dosc_transport *dosc_transport_for_sanitizer(const dosc_transport *mpi) {
  static dosc_transport wrapped;
  real = mpi;
  wrapped = *mpi;
  wrapped.isend = isend;
  wrapped.send = send;
  wrapped.test = test;
  wrapped.listen = listen;
  wrapped.post = post;
  wrapped.arrived = arrived;
  wrapped.cancel = cancel;
  wrapped.probe = probe;
  wrapped.recv = recv;
  return &wrapped;
}
#else
/* dosc_copy_shipped is memcpy, inline (remote_internal.h). */
const dosc_transport *dosc_transport_for_sanitizer(const dosc_transport *mpi) {
  return mpi;
}
#endif
