/* mpi_link.c - dosc_mpi_link.o: which MPI plugins this program may load.
 *
 * The dosc link adds this object when the runtime was built with MPI
 * support (--no-mpi leaves it out; then the weak reference in remote.c is
 * null and the program is a single node even under a launcher). It is
 * compiled with one DOSC_MPI_<NAME> per plugin built (Runtime/Makefile) and
 * DOSC_MPI_PLUGIN_DIRECTORY: a checkout's build directory, absolute; or
 * empty for an installed dosc, whose link adds the prefix's lib/dosc as the
 * program's run path, so that dlopen finds the bare name and the prefix can
 * move (scripts/install-tree.sh).
 */
#include <stddef.h>
#include <string.h>

#ifndef DOSC_MPI_PLUGIN_DIRECTORY
#define DOSC_MPI_PLUGIN_DIRECTORY ""
#endif

/* The plugin for `mpi` ("openmpi", "mpich"; mpi_launcher.h), or NULL when
 * none was built for it. */
const char *dosc_mpi_plugin(const char *mpi);

const char *dosc_mpi_plugin(const char *mpi) {
#ifdef DOSC_MPI_OPENMPI
  if (strcmp(mpi, "openmpi") == 0) return DOSC_MPI_PLUGIN_DIRECTORY "libdosc_mpi_openmpi.so";
#endif
#ifdef DOSC_MPI_MPICH
  if (strcmp(mpi, "mpich") == 0) return DOSC_MPI_PLUGIN_DIRECTORY "libdosc_mpi_mpich.so";
#endif
  (void)mpi;
  return NULL;
}
