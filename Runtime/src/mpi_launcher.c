/* mpi_launcher.c - the launcher that started the process picks the plugin.
 *
 * Each MPI's launcher speaks only its own process-management protocol, and
 * an MPI library initialised under another's launcher does not join the job
 * (it starts as a singleton, and every rank runs main). So the plugin is the
 * one built against the MPI whose launcher set its variables:
 *   OMPI_COMM_WORLD_SIZE/RANK  Open MPI's mpirun (it sets PMIX_RANK as well)
 *   PMI_SIZE/PMI_RANK          MPICH's mpiexec (Hydra), and Slurm's PMI-2
 *   PMIX_RANK alone            a PMIx launcher (prterun, srun --mpi=pmix):
 *                              Debian's Open MPI is the MPI built with PMIx;
 *                              no variable gives the size, MPI_Init does
 * The order matters: Open MPI's mpirun sets PMIX_RANK too.
 */
#define _GNU_SOURCE
#include "mpi_launcher.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The plugin built for `mpi`, or NULL; defined by dosc_mpi_link.o
 * (src/mpi_link.c), which the dosc link adds when MPI is installed and
 * --no-mpi leaves out. Weak: a program linked without it has no plugin. */
extern const char *dosc_mpi_plugin(const char *mpi) __attribute__((weak));

static int number(const char *name) {
  const char *text = getenv(name);
  return text != NULL && text[0] != '\0' ? atoi(text) : -1;
}

dosc_launcher dosc_launcher_from_env(void) {
  static const struct {
    const char *size, *rank, *mpi, *mpi_name, *name;
  } launchers[] = {
      {"OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_RANK", "openmpi", "Open MPI", "Open MPI's mpirun"},
      {"PMI_SIZE", "PMI_RANK", "mpich", "MPICH", "MPICH's mpiexec"},
      {NULL, "PMIX_RANK", "openmpi", "Open MPI", "a PMIx launcher"},
  };
  for (size_t i = 0; i < sizeof launchers / sizeof launchers[0]; i++) {
    int size = launchers[i].size != NULL ? number(launchers[i].size) : 0;
    int rank = number(launchers[i].rank);
    if (size < 0 || (launchers[i].size == NULL && rank < 0)) continue;
    return (dosc_launcher){
        launchers[i].mpi,    launchers[i].mpi_name,
        launchers[i].name,   launchers[i].size != NULL ? launchers[i].size : launchers[i].rank,
        rank > 0 ? rank : 0, size};
  }
  return (dosc_launcher){NULL, NULL, NULL, NULL, 0, 1};
}

/* The program has no plugin for the launcher's MPI (the same on every
 * host: it is linked in): main runs once, on rank 0, as a single node; the
 * other ranks end here. */
static const dosc_transport *run_on_rank_0_alone(const dosc_launcher *launcher, const char *why) {
  if (launcher->rank != 0) _exit(0); /* before main: nothing of the program has run */
  fprintf(stderr,
          "dosc: warning: started by %s (%s=%s), but %s: rank 0 runs main alone as a single "
          "node, the other ranks end at once\n",
          launcher->name, launcher->variable, getenv(launcher->variable), why);
  return NULL;
}

/* The plugin the program names does not load on this host. Rank 0's host
 * may have it while this one lacks it (every host needs the runtime at the
 * path the program was linked with): a rank that ended quietly would leave
 * the others waiting for it in MPI_Init forever (Open MPI does not notice a
 * rank that exits with status 0 before they start it). So every rank ends
 * the job, naming itself; before main, so nothing of the program has run. */
static _Noreturn void end_the_job(const dosc_launcher *launcher, const char *why) {
  char host[256];
  if (gethostname(host, sizeof host) != 0) snprintf(host, sizeof host, "?");
  host[sizeof host - 1] = '\0';
  fprintf(stderr,
          "dosc: rank %d (pid %ld on %s): error: started by %s, but %s; every host needs the dosc "
          "runtime at the same path (or DOSC_MPI_PLUGIN naming its plugin); ending the job\n",
          launcher->rank, (long)getpid(), host, launcher->name, why);
  _exit(1);
}

/* Under `dosc run` with MPICH: DOSC_RUN_RANKS names a directory where each
 * rank leaves a file PID@HOST holding its rank. Hydra reports a rank that
 * died by its pid and host alone; with these, dosc run names the rank
 * (Sources/DoscDriver/RankWatcher.swift). A host that cannot see the
 * directory leaves nothing, and dosc run says what Hydra says. */
static void tell_dosc_run_the_rank(const dosc_launcher *launcher) {
  const char *directory = getenv("DOSC_RUN_RANKS");
  char host[256];
  if (directory == NULL || directory[0] == '\0' || gethostname(host, sizeof host) != 0) return;
  host[sizeof host - 1] = '\0';
  char path[PATH_MAX], partial[PATH_MAX + 16];
  snprintf(path, sizeof path, "%s/%ld@%s", directory, (long)getpid(), host);
  /* Written aside and renamed: the watcher never reads a file without its rank. */
  snprintf(partial, sizeof partial, "%s/.%ld.partial", directory, (long)getpid());
  FILE *file = fopen(partial, "w");
  if (file == NULL) return;
  int written = fprintf(file, "%d\n", launcher->rank) > 0;
  if (fclose(file) == 0 && written)
    rename(partial, path);
  else
    unlink(partial);
}

/* Open MPI 4's shared-memory BTL (vader), tuned for how dosc moves large
 * footprints, before MPI_Init reads its parameters. Rank 0 sends footprints
 * from the user's memory (small pages) and a serving rank receives them into
 * its huge-page buffers (footprint_buffer.c). By default the receiver gets
 * the data from rank 0's small pages in 4 KiB pieces; without `get` on rank 0
 * the sender puts instead, and with a 16 MiB pipeline fragment it puts an
 * 8 MiB footprint in one piece: the inbound copy fell from 0.86-0.95 ms to
 * 0.69-0.76 ms on the 8 MiB benchmark (BENCHMARKS.md). The flags must differ
 * between rank 0 and the others, so mpirun options (the same on every rank)
 * cannot say it; the process's own environment before MPI_Init can, under
 * `dosc run` and a user's own mpirun alike. Only Open MPI 4 (the names are
 * checked with ompi_info in v4.1.4; Open MPI 5 renamed the BTL `sm`); a
 * value the user set (an OMPI_MCA_ variable, or mpirun --mca, which sets one)
 * wins. Without vader (--mca btl tcp,self, another host) they are unused. */
static void tune_open_mpi_shared_memory(const dosc_launcher *launcher, void *library, int trace) {
  typedef int (*library_version_call)(char *, int *);
  library_version_call library_version =
      (library_version_call)dlsym(library, "MPI_Get_library_version");
  char version[8192]; /* MPI_MAX_LIBRARY_VERSION_STRING is at most that */
  int length = 0;
  /* MPI_Get_library_version may be called before MPI_Init (MPI 3.0). */
  if (library_version == NULL || library_version(version, &length) != 0 ||
      strncmp(version, "Open MPI v4.", strlen("Open MPI v4.")) != 0)
    return;
  static const struct {
    const char *name, *value;
    int rank_0_only;
  } settings[] = {
      {"OMPI_MCA_btl_vader_flags", "send,put,inplace,atomics,fetching-atomics", 1},
      {"OMPI_MCA_btl_vader_rdma_pipeline_frag_size", "16777216", 0},
  };
  for (size_t i = 0; i < sizeof settings / sizeof settings[0]; i++) {
    if (settings[i].rank_0_only && launcher->rank != 0) continue;
    if (setenv(settings[i].name, settings[i].value, 0) != 0) continue;
    if (trace)
      fprintf(stderr, "dosc: Open MPI shared memory on rank %d: %s=%s\n", launcher->rank,
              settings[i].name, getenv(settings[i].name));
  }
}

/* The program calls MPI itself: an MPI library is linked into it (mpicc, -lmpi), so MPI_Init
 * resolves in its global scope before dosc loads a plugin (which dosc opens RTLD_LOCAL, so its
 * MPI is never found here). Such a program owns MPI and its ranks: each rank runs main and
 * calls MPI_Init itself. Were dosc to start MPI and keep ranks 1.. serving its tasks, the
 * program's own MPI_Init would be a second one (Open MPI aborts the job) and its ranks 1..
 * would never reach main (a collective on rank 0 would wait for them forever). */
static int program_calls_mpi(void) {
  return dlsym(RTLD_DEFAULT, "MPI_Init") != NULL || dlsym(RTLD_DEFAULT, "MPI_Init_thread") != NULL;
}

const dosc_transport *dosc_mpi_transport_load(int trace) {
  dosc_launcher launcher = dosc_launcher_from_env();
  if (launcher.mpi == NULL || launcher.size == 1) return NULL;
  tell_dosc_run_the_rank(&launcher);
  if (program_calls_mpi()) {
    if (trace)
      fprintf(stderr,
              "dosc: rank %d: the program calls MPI itself: every rank runs main, its tasks stay "
              "on its own rank\n",
              launcher.rank);
    return NULL;
  }
  const char *path = getenv("DOSC_MPI_PLUGIN");
  if (path == NULL || path[0] == '\0') {
    if (dosc_mpi_plugin == NULL) {
      if (trace) fprintf(stderr, "dosc: linked without MPI (--no-mpi): every rank runs main\n");
      return NULL;
    }
    path = dosc_mpi_plugin(launcher.mpi);
  }
  char why[1024];
  if (path == NULL) {
    snprintf(why, sizeof why,
             "this program has no MPI plugin for %s (its dosc runtime was built where %s was "
             "not installed)",
             launcher.mpi_name, launcher.mpi_name);
    return run_on_rank_0_alone(&launcher, why);
  }
  void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
  dosc_transport_entry entry =
      library != NULL ? (dosc_transport_entry)dlsym(library, DOSC_TRANSPORT_ENTRY) : NULL;
  const dosc_transport *mpi = entry != NULL ? entry() : NULL;
  if (mpi == NULL || mpi->version != DOSC_TRANSPORT_VERSION) {
    snprintf(why, sizeof why, "its MPI plugin %s does not load here (%s)", path,
             library == NULL ? dlerror() : "not dosc's MPI transport");
    end_the_job(&launcher, why);
  }
  if (strcmp(launcher.mpi, "openmpi") == 0) tune_open_mpi_shared_memory(&launcher, library, trace);
  return mpi;
}
