/* host_cores.h - how many CPUs the runtime may count on here (private).
 *
 * The one count of cores the runtime asks for: the default of DOSC_THREADS
 * and the profile's `cores` (dosc_profile: workers beyond them add no
 * parallelism). sysconf(_SC_NPROCESSORS_ONLN) counts the machine's CPUs,
 * whatever a cpuset (a container's --cpuset-cpus, taskset, numactl) or a
 * cgroup CPU quota (a container's --cpus) leaves the program: a program
 * limited to 1 CPU of 2 was modelled with 2 workers at once.
 */
#ifndef DOSC_HOST_CORES_H
#define DOSC_HOST_CORES_H

#include <sys/types.h>

#include "config.h"

/* The CPUs process `pid` (0: this one) may run on: its affinity mask's count,
 * at most the CPU quota of this process's cgroup (dosc_cgroup_cpu_quota, read
 * under /sys/fs/cgroup); sysconf(_SC_NPROCESSORS_ONLN) where the mask cannot
 * be read. At least 1. */
DOSC_INTERNAL int dosc_cores_of(pid_t pid);

/* The CPUs this rank's host gives the program: dosc_cores_of(0), or, under an
 * MPI launcher (`launched`) that bound this rank to fewer CPUs than it has
 * itself (Open MPI binds each of 2 ranks to one core by default; `dosc run`
 * binds none), the launcher's: its daemon is this process's parent. */
DOSC_INTERNAL int dosc_host_cores(int launched);

/* The CPUs a cgroup CPU quota allows, rounded up, the least over the cgroup
 * of this process and its ancestors; 0 where none is set or nothing is
 * readable. `root` is where the cgroup file systems are mounted
 * (/sys/fs/cgroup), `self` the text of /proc/self/cgroup: cgroup v2's
 * cpu.max ("QUOTA PERIOD" or "max PERIOD", line "0::PATH") or v1's
 * cpu.cfs_quota_us and cpu.cfs_period_us (-1: none) under ROOT/cpu (line
 * "N:...cpu...:PATH"). */
DOSC_INTERNAL int dosc_cgroup_cpu_quota(const char *root, const char *self);

#endif /* DOSC_HOST_CORES_H */
