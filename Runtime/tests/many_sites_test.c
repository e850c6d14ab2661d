/* many_sites_test - what a program of many spawn sites pays at start-up for its sidecar.
 *
 * usage: DOSC_MANIFEST=SIDECAR many_sites_test SITES HASH
 * Builds a unit of SITES sites of one task "work" with source_hash HASH, as the rewrite emits its
 * table, and starts the runtime with it: dosc_start reads the sidecar and decides every site.
 * Prints "start_ms=T cpu_ms=C peak_kb=K" (dosc_start's wall time; the CPU time of the process so
 * far, user and system, which a loaded machine does not inflate; its peak resident set) and
 * "inline=I" (the sites bound inline: the sidecar's binding for every site, so SITES when it
 * was read, 0 without it under DOSC_THREADS=2). tests/run_tests.sh bounds the memory a sidecar
 * of 30,000 sites takes; bench/sidecar-scale.sh measures start-up against the sidecar's size. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

#include "dosc.h"
#include "dosc_abi.h"

static double cpu_ms(const struct rusage *usage) {
  return (double)(usage->ru_utime.tv_sec + usage->ru_stime.tv_sec) * 1e3 +
         (double)(usage->ru_utime.tv_usec + usage->ru_stime.tv_usec) * 1e-3;
}

static double now_ms(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec * 1e3 + (double)t.tv_nsec * 1e-6;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: many_sites_test SITES HASH\n");
    return 2;
  }
  int sites = atoi(argv[1]);
  dosc_site_info *infos = calloc((size_t)sites, sizeof *infos);
  dosc_site_state *states = aligned_alloc(64, sizeof *states * (size_t)sites);
  if (sites < 1 || infos == NULL || states == NULL) return 2;
  for (int i = 0; i < sites; i++)
    infos[i] = (dosc_site_info){i,
                                "work",
                                "scale.c",
                                5 + 3 * i,
                                3,
                                DOSC_BIND_AUTO,
                                DOSC_SITE_REMOTABLE | DOSC_SITE_WORK_KNOWN,
                                0,
                                NULL};
  dosc_program_info program = {argv[2], sites, infos, states};
  double began = now_ms();
  dosc_start(&program, &argc, &argv);
  double took = now_ms() - began;
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  int inlined = 0;
  for (int i = 0; i < sites; i++)
    inlined += states[i].binding == DOSC_BIND_INLINE;
  printf("start_ms=%.3f cpu_ms=%.3f peak_kb=%ld inline=%d\n", took, cpu_ms(&usage), usage.ru_maxrss,
         inlined);
  return 0;
}
