/* host_cores_test - the cores the runtime counts on (src/host_cores.c): a cgroup's CPU quota
 * read from cgroup v2 and v1 trees made in a temporary directory, and this process's affinity.
 * Prints "host_cores: N checks, 0 failed". */
#include "test_util.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host_cores.h"

static char root[PATH_MAX];

/* Writes `text` to ROOT/relative, making its directories. */
static void put(const char *relative, const char *text) {
  char path[2 * PATH_MAX];
  snprintf(path, sizeof path, "%s/%s", root, relative);
  for (char *slash = strchr(path + strlen(root) + 1, '/'); slash != NULL;
       slash = strchr(slash + 1, '/')) {
    *slash = '\0';
    mkdir(path, 0700);
    *slash = '/';
  }
  FILE *file = fopen(path, "w");
  CHECK(file != NULL, "cannot write %s", path);
  if (file == NULL) return;
  fputs(text, file);
  fclose(file);
}

int main(void) {
  snprintf(root, sizeof root, "%s/dosc-host-cores.XXXXXX",
           getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  if (mkdtemp(root) == NULL) {
    perror("mkdtemp");
    return 1;
  }
  /* cgroup v2: no quota at the root ("max"), 1.5 CPUs on the container, 3 on its child */
  put("cpu.max", "max 100000\n");
  put("box/cpu.max", "150000 100000\n");
  put("box/job/cpu.max", "300000 100000\n");
  EXPECT(dosc_cgroup_cpu_quota(root, "0::/box/job\n") == 2, "v2: the container's 1.5, rounded up");
  EXPECT(dosc_cgroup_cpu_quota(root, "0::/\n") == 0, "v2 root: no quota");
  EXPECT(dosc_cgroup_cpu_quota(root, "0::/elsewhere\n") == 0, "v2, no such cgroup: no quota");
  /* cgroup v1 under ROOT/cpu, among other controllers' lines */
  put("cpu/cpu.cfs_quota_us", "-1\n");
  put("cpu/cpu.cfs_period_us", "100000\n");
  put("cpu/web/cpu.cfs_quota_us", "50000\n");
  put("cpu/web/cpu.cfs_period_us", "100000\n");
  EXPECT(dosc_cgroup_cpu_quota(root, "4:memory:/web\n2:cpuacct,cpu:/web\n1:cpuset:/\n") == 1,
         "v1: half a CPU, rounded up to 1");
  EXPECT(dosc_cgroup_cpu_quota(root, "2:cpuacct:/web\n") == 0, "v1: cpuacct alone is not cpu");
  EXPECT(dosc_cgroup_cpu_quota(root, "2:cpu:/\n") == 0, "v1 root, -1: no quota");
  EXPECT(dosc_cgroup_cpu_quota(root, "") == 0, "nothing to read: no quota");
  EXPECT(dosc_cgroup_cpu_quota(root, "garbage without colons") == 0, "a malformed line: none");
  /* this process: its affinity (what taskset -c 0 leaves it: run_tests.sh), at least 1 */
  cpu_set_t set;
  int cpus = sched_getaffinity(0, sizeof set, &set) == 0 ? CPU_COUNT(&set) : 0;
  int cores = dosc_cores_of(0);
  EXPECT(cores >= 1 && (cpus == 0 || cores <= cpus), "cores %d within the affinity's %d", cores,
         cpus);
  EXPECT(dosc_host_cores(0) == cores, "not launched: this process's");
  printf("cores=%d\n", cores);
  char command[PATH_MAX + 16];
  snprintf(command, sizeof command, "rm -rf '%s'", root);
  if (system(command) != 0) fprintf(stderr, "could not remove %s\n", root);
  printf("host_cores: %d checks, %d failed\n", test_checks, test_failures);
  return test_failures == 0 ? 0 : 1;
}
