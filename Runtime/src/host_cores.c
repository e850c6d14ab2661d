/* host_cores.c - how many CPUs the runtime may count on here (see host_cores.h). */
#define _GNU_SOURCE
#include "host_cores.h"

#include <limits.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The first line of a small file into `text`; 0 when it cannot be read. */
static int read_line(const char *path, char *text, size_t size) {
  FILE *file = fopen(path, "r");
  if (file == NULL) return 0;
  int ok = fgets(text, (int)size, file) != NULL;
  fclose(file);
  return ok;
}

/* CPUs of `quota` us per `period` us, rounded up; 0: no limit. */
static int quota_cpus(long long quota, long long period) {
  if (quota <= 0 || period <= 0) return 0;
  long long cpus = (quota + period - 1) / period;
  return cpus < INT_MAX ? (int)cpus : INT_MAX;
}

/* The first line of DIRECTORY/NAME; 0 when the path is too long or the file unreadable. */
static int read_file_in(const char *directory, const char *name, char *text, size_t size) {
  char path[PATH_MAX];
  int length = snprintf(path, sizeof path, "%s/%s", directory, name);
  return length > 0 && (size_t)length < sizeof path && read_line(path, text, size);
}

/* The quota of one cgroup directory (v2: cpu.max; v1: cpu.cfs_*); 0: none. */
static int directory_quota(const char *directory, int v2) {
  char text[128];
  long long quota = 0, period = 0;
  if (v2) {
    if (!read_file_in(directory, "cpu.max", text, sizeof text) ||
        sscanf(text, "%lld %lld", &quota, &period) != 2)
      return 0; /* missing, or "max PERIOD": no limit */
    return quota_cpus(quota, period);
  }
  if (!read_file_in(directory, "cpu.cfs_quota_us", text, sizeof text) ||
      sscanf(text, "%lld", &quota) != 1)
    return 0;
  if (!read_file_in(directory, "cpu.cfs_period_us", text, sizeof text) ||
      sscanf(text, "%lld", &period) != 1)
    return 0;
  return quota_cpus(quota, period);
}

/* The least quota from the cgroup `path` (under `mount`) up to the mount's root: a parent's
 * limit bounds its children. 0: none. */
static int least_quota_upward(const char *mount, const char *path, int v2) {
  char relative[PATH_MAX], directory[PATH_MAX];
  snprintf(relative, sizeof relative, "%s", path);
  int least = 0;
  for (;;) {
    int length = snprintf(directory, sizeof directory, "%s%s", mount, relative);
    int cpus = length > 0 && (size_t)length < sizeof directory ? directory_quota(directory, v2) : 0;
    if (cpus > 0 && (least == 0 || cpus < least)) least = cpus;
    char *slash = strrchr(relative, '/');
    if (slash == NULL || relative[0] == '\0') return least;
    *slash = '\0'; /* "/a/b" -> "/a" -> "" (the mount's root) */
  }
}

/* Whether a v1 line's controllers ("cpu,cpuacct") name "cpu". */
static int names_cpu(const char *controllers, size_t length) {
  for (size_t start = 0; start < length;) {
    size_t end = start;
    while (end < length && controllers[end] != ',')
      end++;
    if (end - start == 3 && strncmp(controllers + start, "cpu", 3) == 0) return 1;
    start = end + 1;
  }
  return 0;
}

int dosc_cgroup_cpu_quota(const char *root, const char *self) {
  int least = 0;
  for (const char *line = self; line != NULL && *line != '\0';) {
    const char *end = strchr(line, '\n');
    size_t length = end != NULL ? (size_t)(end - line) : strlen(line);
    const char *first = memchr(line, ':', length);
    const char *second =
        first != NULL ? memchr(first + 1, ':', length - (size_t)(first + 1 - line)) : NULL;
    if (second != NULL && (size_t)(line + length - second) < PATH_MAX) {
      char path[PATH_MAX], mount[PATH_MAX];
      size_t path_length = (size_t)(line + length - (second + 1));
      memcpy(path, second + 1, path_length);
      path[path_length] = '\0';
      if (strcmp(path, "/") == 0) path[0] = '\0';
      int v2 = first - line == 1 && line[0] == '0' && second == first + 1;
      int cpus = 0;
      if (v2) {
        cpus = least_quota_upward(root, path, 1);
      } else if (names_cpu(first + 1, (size_t)(second - first - 1))) {
        int written = snprintf(mount, sizeof mount, "%s/cpu", root);
        if (written > 0 && (size_t)written < sizeof mount)
          cpus = least_quota_upward(mount, path, 0);
      }
      if (cpus > 0 && (least == 0 || cpus < least)) least = cpus;
    }
    line = end != NULL ? end + 1 : NULL;
  }
  return least;
}

int dosc_cores_of(pid_t pid) {
  int cpus = 0;
  cpu_set_t set;
  /* Fails on machines of more than CPU_SETSIZE (1024) CPUs: then the online count. */
  if (sched_getaffinity(pid, sizeof set, &set) == 0) cpus = CPU_COUNT(&set);
  if (cpus <= 0) {
    long online = sysconf(_SC_NPROCESSORS_ONLN);
    cpus = online > 0 && online < INT_MAX ? (int)online : 1;
  }
  char self[4096] = "";
  FILE *file = fopen("/proc/self/cgroup", "r");
  if (file != NULL) {
    size_t bytes = fread(self, 1, sizeof self - 1, file);
    self[bytes] = '\0';
    fclose(file);
  }
  int quota = dosc_cgroup_cpu_quota("/sys/fs/cgroup", self);
  return quota > 0 && quota < cpus ? quota : cpus;
}

int dosc_host_cores(int launched) {
  int own = dosc_cores_of(0);
  if (!launched) return own;
  int launcher = dosc_cores_of(getppid());
  return launcher > own ? launcher : own;
}
