/* crash_report.c - a rank that crashes says so and dies (see crash_report.h).
 *
 * Only async-signal-safe calls in the handler (write, sigaction, raise): the
 * heap may be what broke. The line is built in a buffer on the handler's
 * stack from the rank, the signal's name and the task's name.
 */
#define _GNU_SOURCE
#include "crash_report.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int crash_rank;
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

void dosc_crash_report_install(int rank) {
  crash_rank = rank;
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_handler = on_fatal_signal;
  sigemptyset(&action.sa_mask);
  action.sa_flags = (int)(SA_RESETHAND | SA_NODEFER);
  for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
    sigaction(fatal_signals[i], &action, NULL);
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
