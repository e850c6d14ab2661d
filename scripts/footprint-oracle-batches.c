/* Support code linked into the batch build of scripts/footprint-oracle.py (never into a dosc
   build): the program, its serial elision, says which spawns each invocation of a spawning
   function makes between its taskwaits, one line each to the file named by
   $DOSC_ORACLE_BATCHES:
     spawn INVOCATION SITE VALUE...   (the values of the names in the site's siblings figure)
     wait INVOCATION
   An invocation's batch ends at its taskwaits and at its end (the implicit taskwait). */
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
