/* crash_report.c - a rank that crashes says so and dies (see crash_report.h).
 *
 * Only async-signal-safe calls in the handler (write, sigaction, raise): the
 * heap may be what broke. The line is built in a buffer on the handler's
 * stack from the rank, the signal's name and the task's name.
 */
#define _GNU_SOURCE
#include "crash_report.h"

#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

static int crash_rank;
/* Set before any thread that runs tasks starts (pthread_create orders it). */
static int installed;
/* The handler's own stack, one per thread: a task that wrote over its
 * thread's stack leaves no room there (a stack pointer of 0x152b30 was seen)
 * and the kernel would kill the rank without the handler's line. */
#define DOSC_CRASH_STACK_BYTES (64 * 1024)
static _Thread_local const char *running_task;

static const int fatal_signals[] = {SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT};

static const char *signal_name(int signal) {
  switch (signal) {
  case SIGSEGV:
    return "Segmentation fault";
  case SIGBUS:
    return "Bus error";
  case SIGILL:
    return "Illegal instruction";
  case SIGFPE:
    return "Floating point exception";
  case SIGABRT:
    return "Aborted";
  default:
    return "Fatal signal";
  }
}

/* Appends `text` at *at, keeping the last byte of [line, end) free. */
static void append(char **at, char *end, const char *text) {
  while (*text != '\0' && *at < end - 1)
    *(*at)++ = *text++;
}

static void append_int(char **at, char *end, int value) {
  char digits[16];
  int n = 0;
  unsigned magnitude = value < 0 ? 0u - (unsigned)value : (unsigned)value;
  do {
    digits[n++] = (char)('0' + magnitude % 10);
    magnitude /= 10;
  } while (magnitude > 0 && n < (int)sizeof digits);
  if (value < 0) append(at, end, "-");
  while (n > 0 && *at < end - 1)
    *(*at)++ = digits[--n];
}

static void on_fatal_signal(int signal) {
  char line[512];
  char *at = line, *end = line + sizeof line;
  append(&at, end, "dosc: rank ");
  append_int(&at, end, crash_rank);
  append(&at, end, ": error: ");
  append(&at, end, signal_name(signal));
  append(&at, end, " (signal ");
  append_int(&at, end, signal);
  append(&at, end, ")");
  const char *task = running_task;
  /* The name is read only if the kernel can read it: access() fails with
   * EFAULT, not a fault, where a task overwrote the pointer. */
  if (task != NULL && access(task, F_OK) != 0 && errno == EFAULT) task = NULL;
  if (task != NULL) {
    append(&at, end, " while running task '");
    append(&at, end, task);
    append(&at, end, "' from rank 0: its footprints may be smaller than what it touches");
  } else if (crash_rank != 0) {
    /* Most likely a task run here wrote past its buffers, found only now. */
    append(&at, end,
           " after running tasks from rank 0: one may have touched memory outside its "
           "footprints");
  }
  append(&at, end, "; ending the job\n");
  ssize_t written = write(STDERR_FILENO, line, (size_t)(at - line));
  (void)written;
  /* SA_RESETHAND made the action the default again, and SA_NODEFER lets
   * this delivery through at once: the rank dies of the signal it got. */
  raise(signal);
}

void dosc_crash_report_thread(void) {
  if (!installed) return;
  void *stack = mmap(NULL, DOSC_CRASH_STACK_BYTES, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
  if (stack == MAP_FAILED) return; /* the thread's own stack, as before */
  stack_t alternate = {.ss_sp = stack, .ss_flags = 0, .ss_size = DOSC_CRASH_STACK_BYTES};
  if (sigaltstack(&alternate, NULL) != 0) munmap(stack, DOSC_CRASH_STACK_BYTES);
}

void dosc_crash_report_install(int rank) {
  crash_rank = rank;
  installed = 1;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_fatal_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = (int)(SA_RESETHAND | SA_NODEFER | SA_ONSTACK);
  for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
    sigaction(fatal_signals[i], &action, NULL);
  dosc_crash_report_thread(); /* the calling thread: the communication thread */
  /* Bind now every library function the handler calls: a first call binds
   * lazily, walking the dynamic linker's tables, which a task that ran past
   * its buffer may have overwritten (access() faulted so in its lookup). */
  int saved = errno;
  if (access("/", F_OK) != 0) errno = saved;
  ssize_t written = write(STDERR_FILENO, "", 0);
  (void)written;
  raise(0); /* signal 0: checked, not sent */
  errno = saved;
}

void dosc_crash_report_running(const char *task) {
  running_task = task;
}

void dosc_crash_report_fatal(const char *line) {
  ssize_t written = write(STDERR_FILENO, line, strlen(line));
  (void)written;
  signal(SIGABRT, SIG_DFL);
  abort();
}
