/* interrupt_cleanup.c - removes the registered temporaries when a signal ends dosc
 * (see dosc_interrupt.h). */
#define _GNU_SOURCE /* sigaction, PATH_MAX, O_DIRECTORY, syscall under -std=c11 */
#include "dosc_interrupt.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* Outputs written at once by one process: a compile writes two; the tests, which run the
 * pipelines in process and in parallel, a few more. */
enum { SLOTS = 128 };

static const int handled[] = {SIGINT, SIGTERM, SIGHUP};
enum { HANDLED = sizeof handled / sizeof handled[0] };

static char paths[SLOTS][PATH_MAX];
/* 1 when paths[i] is a temporary directory: its files are removed, then it. */
static int directory[SLOTS];
/* 1 while paths[i] names a temporary the handler removes; set after the path is copied, cleared
 * before the slot is given up. */
static atomic_int armed[SLOTS];
/* Slots in use, and whether the handler is installed: under lock. */
static int taken[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_int installed;
static struct sigaction previous[HANDLED];

/* Removes the files directly in `path`, then `path`: dosc's temporary directories hold files
 * only (generated C, objects, a link's output). Async-signal-safe: open, the getdents64 system
 * call, unlinkat, close and rmdir; readdir may allocate, so it is not used. */
static void remove_files_in(const char *path) {
  int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  char buffer[4096] __attribute__((aligned(8)));
  long got;
  while ((got = syscall(SYS_getdents64, fd, buffer, sizeof buffer)) > 0) {
    for (long at = 0; at < got;) {
      /* struct linux_dirent64: d_ino (8), d_off (8), d_reclen (2), d_type (1), d_name. */
      unsigned short length;
      memcpy(&length, buffer + at + 16, sizeof length);
      const char *name = buffer + at + 19;
      if (strcmp(name, ".") != 0 && strcmp(name, "..") != 0) unlinkat(fd, name, 0);
      at += length;
    }
  }
  close(fd);
}

/* The compiler dosc started is not signalled with it when only dosc is (`kill PID`), and it
 * may write a file into the directory after it was emptied (rmdir then fails): empty it again,
 * a millisecond apart, for up to 200 ms. */
static void remove_flat_directory(const char *path) {
  for (int attempt = 0; attempt < 200; attempt++) {
    remove_files_in(path);
    if (rmdir(path) == 0 || errno != ENOTEMPTY) return;
    struct timespec pause = {0, 1000000};
    nanosleep(&pause, NULL);
  }
}

static void on_signal(int number) {
  for (int i = 0; i < SLOTS; i++) {
    if (!atomic_load(&armed[i])) continue;
    if (directory[i])
      remove_flat_directory(paths[i]);
    else
      unlink(paths[i]);
  }
  /* What the signal did before: the default ends the process once this handler returns (the
   * signal is blocked until then); a handler of the program's own, or SIG_IGN, takes it. */
  for (int k = 0; k < HANDLED; k++)
    sigaction(handled[k], &previous[k], NULL);
  atomic_store(&installed, 0);
  raise(number);
}

/* Caller holds lock. */
static void install(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_signal;
  action.sa_flags = SA_RESTART;
  sigemptyset(&action.sa_mask);
  for (int k = 0; k < HANDLED; k++)
    sigaddset(&action.sa_mask, handled[k]);
  for (int k = 0; k < HANDLED; k++) {
    sigaction(handled[k], NULL, &previous[k]);
    /* An ignored signal (nohup, a background job) stays ignored: it ends nothing. */
    if (previous[k].sa_handler != SIG_IGN) sigaction(handled[k], &action, NULL);
  }
  atomic_store(&installed, 1);
}

static int register_path(const char *path, int is_directory) {
  size_t length = strlen(path);
  if (length >= PATH_MAX) return -1;
  pthread_mutex_lock(&lock);
  if (!atomic_load(&installed)) install();
  int slot = -1;
  for (int i = 0; i < SLOTS && slot < 0; i++)
    if (!taken[i]) slot = i;
  if (slot >= 0) {
    taken[slot] = 1;
    memcpy(paths[slot], path, length + 1);
    directory[slot] = is_directory;
    atomic_store(&armed[slot], 1);
  }
  pthread_mutex_unlock(&lock);
  return slot;
}

int dosc_interrupt_remove_on_signal(const char *path) {
  return register_path(path, 0);
}

char *dosc_interrupt_make_directory(char *template_path) {
  /* A signal between mkdtemp and the registration would leave the directory behind: it waits
   * until the directory is registered, then finds it. */
  sigset_t blocked, before;
  sigemptyset(&blocked);
  for (int k = 0; k < HANDLED; k++)
    sigaddset(&blocked, handled[k]);
  pthread_sigmask(SIG_BLOCK, &blocked, &before);
  char *made = mkdtemp(template_path);
  if (made != NULL) register_path(made, 1);
  pthread_sigmask(SIG_SETMASK, &before, NULL);
  return made;
}

void dosc_interrupt_forget(int slot) {
  if (slot < 0 || slot >= SLOTS) return;
  atomic_store(&armed[slot], 0);
  pthread_mutex_lock(&lock);
  taken[slot] = 0;
  pthread_mutex_unlock(&lock);
}

void dosc_interrupt_forget_path(const char *path) {
  pthread_mutex_lock(&lock);
  for (int i = 0; i < SLOTS; i++)
    if (taken[i] && strcmp(paths[i], path) == 0) {
      atomic_store(&armed[i], 0);
      taken[i] = 0;
    }
  pthread_mutex_unlock(&lock);
}
