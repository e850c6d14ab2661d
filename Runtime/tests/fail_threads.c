/* fail_threads.c - an LD_PRELOAD library for run_tests.sh: the process's main thread may start
 * one thread (dosc's communication thread, dosc_remote_init); every later pthread_create it
 * calls fails with EAGAIN, as under a cgroup's pids limit, so the pool starts fewer workers than
 * DOSC_THREADS asks for (pool.c). Threads the other threads start (MPI's own) are left alone. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <unistd.h>

typedef int (*create_fn)(pthread_t *, const pthread_attr_t *, void *(*)(void *), void *);

int pthread_create(pthread_t *thread, const pthread_attr_t *attr, void *(*start)(void *),
                   void *arg) {
  static int from_main; /* only the main thread counts it */
  create_fn real = (create_fn)dlsym(RTLD_NEXT, "pthread_create");
  if (real == NULL) return EAGAIN;
  if (syscall(SYS_gettid) == getpid() && from_main++ >= 1) return EAGAIN;
  return real(thread, attr, start, arg);
}
