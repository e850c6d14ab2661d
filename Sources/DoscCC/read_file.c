/* read_file.c - a whole regular file into memory (a source to scan or hash, an object to extend).
 */
#include "dosc_cc.h"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

unsigned char *dosc_read_regular_file(const char *path, size_t *size) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  struct stat status;
  if (fd < 0) return NULL;
  unsigned char *bytes = NULL;
  size_t have = 0;
  if (fstat(fd, &status) == 0 && S_ISREG(status.st_mode) &&
      (bytes = malloc((size_t)status.st_size + 1))) {
    while (have < (size_t)status.st_size) {
      ssize_t got = read(fd, bytes + have, (size_t)status.st_size - have);
      if (got <= 0) break;
      have += (size_t)got;
    }
  }
  close(fd);
  if (!bytes || have != (size_t)status.st_size) {
    free(bytes);
    return NULL;
  }
  bytes[have] = '\0';
  *size = have;
  return bytes;
}
