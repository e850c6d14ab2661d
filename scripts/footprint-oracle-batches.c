/* Support code linked into the batch build of scripts/footprint-oracle.py (never into a dosc
   build): the program, its serial elision, says which spawns each invocation of a spawning
   function makes between its taskwaits, one line each to the file named by
   $DOSC_ORACLE_BATCHES:
     spawn INVOCATION SITE VALUE...   (the values of the names in the site's siblings and its
                                       loop's trip_count)
     wait INVOCATION
     loop INVOCATION LOOP             (a loop around a site starts)
     iteration INVOCATION LOOP        (and runs an iteration)
   An invocation's batch ends at its taskwaits and at its end (the implicit taskwait); a loop's
   run, at its next start in the invocation. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static FILE *batches;
static long invocations;

static FILE *batch_file(void) {
  if (batches == NULL) {
    const char *path = getenv("DOSC_ORACLE_BATCHES");
    batches = fopen(path != NULL ? path : "/dev/null", "w");
    if (batches == NULL) abort();
  }
  return batches;
}

long __oracle_enter(void) { return ++invocations; }

void __oracle_spawn(int site, long invocation, int values, ...) {
  FILE *out = batch_file();
  va_list list;
  fprintf(out, "spawn %ld %d", invocation, site);
  va_start(list, values);
  for (int i = 0; i < values; i++) fprintf(out, " %lld", va_arg(list, long long));
  va_end(list);
  fputc('\n', out);
  fflush(out); /* a program that ends in _exit or a crash still tells its spawns */
}

void __oracle_wait(long invocation) {
  FILE *out = batch_file();
  fprintf(out, "wait %ld\n", invocation);
  fflush(out);
}

void __oracle_loop(int loop, long invocation) {
  FILE *out = batch_file();
  fprintf(out, "loop %ld %d\n", invocation, loop);
  fflush(out);
}

int __oracle_iteration(int loop, long invocation, int holds) {
  if (holds) {
    FILE *out = batch_file();
    fprintf(out, "iteration %ld %d\n", invocation, loop);
    fflush(out);
  }
  return holds;
}
