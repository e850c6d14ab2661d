/* mpi_launcher.h - which MPI launcher started this process, and the plugin
 * that speaks to it (private; see mpi_launcher.c).
 */
#ifndef DOSC_MPI_LAUNCHER_H
#define DOSC_MPI_LAUNCHER_H

#include "config.h"
#include "remote_transport.h"

/* What the launcher's variables say. */
typedef struct dosc_launcher {
  const char *mpi;      /* the plugin's MPI: "openmpi", "mpich"; NULL: no launcher */
  const char *mpi_name; /* for messages: "Open MPI", "MPICH" */
  const char *name;     /* for messages: "Open MPI's mpirun", ... */
  const char *variable; /* the variable that told: "OMPI_COMM_WORLD_SIZE", ... */
  int rank;
  int size; /* 0: the launcher does not say (PMIx); MPI will */
} dosc_launcher;

/* From the environment alone (a few getenv: all that a program started
 * without a launcher pays for MPI support). */
DOSC_INTERNAL dosc_launcher dosc_launcher_from_env(void);

/* The transport of the plugin that matches the launcher, loaded, when a
 * launcher started this process on 2 or more ranks; else NULL, and the
 * program runs as one node: no launcher or 1 rank; linked --no-mpi (every
 * rank runs main, as the user asked); no plugin for that MPI (rank 0 warns
 * and runs main alone; every other rank exits with status 0 here, so main
 * runs once). A plugin that does not load ends the job: the rank says so,
 * naming itself and its host, and exits with status 1 (on several hosts the
 * others may have loaded theirs, and would wait for it in MPI_Init
 * forever). DOSC_MPI_PLUGIN names a plugin
 * and wins over the choice. Loads at most one plugin, so at most one MPI
 * library, per process. `trace`: DOSC_TRACE. */
DOSC_INTERNAL const dosc_transport *dosc_mpi_transport_load(int trace);

#endif /* DOSC_MPI_LAUNCHER_H */
