/* self_section.c - the manifest a program carries in its own executable.
 *
 * `dosc cc -c` puts each object's manifest fragment into a section of its
 * own, .dosc.manifest, that is never loaded (Sources/DoscDriver/
 * ObjectManifestSection.swift). A linker concatenates those sections, so a
 * program holds either the merged manifest a `dosc cc` link put there, or,
 * linked by plain cc (e.g. with pkg-config's flags, or from a static
 * library), every linked object's fragment one after the other, each a JSON
 * document ended by a NUL. When no sidecar lies beside the program, this
 * reads the section back from /proc/self/exe and hands the runtime the
 * manifest for one unit: the merged one, or the fragment with the unit's own
 * source hash, read exactly as a sidecar would be (loader.c).
 *
 * The executable is read, not trusted: its section headers are checked by
 * elf_section.c, the section's size is bounded, and anything malformed is a
 * -1 with a reason the caller turns into its one warning.
 */
#define _GNU_SOURCE
#include "self_section.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "elf_section.h"
#include "loader.h"

/* A section larger than this is not a manifest dosc wrote (a program of a
 * thousand units has a few megabytes). */
#ifndef DOSC_MANIFEST_SECTION_MAX
#define DOSC_MANIFEST_SECTION_MAX (64L * 1024 * 1024)
#endif
_Static_assert(DOSC_MANIFEST_SECTION_MAX > 0, "DOSC_MANIFEST_SECTION_MAX must be positive");

/* Copies the executable's .dosc.manifest section into a new NUL-ended buffer.
 * 1 with *contents (free it) and *length; 0 when there is no such section;
 * -1 with error. */
static int read_own_section(char **contents, size_t *length, char *error, size_t error_size) {
  int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    snprintf(error, error_size, "cannot open /proc/self/exe: %s", strerror(errno));
    return -1;
  }
  struct stat status;
  if (fstat(fd, &status) != 0 || !S_ISREG(status.st_mode) || status.st_size <= 0) {
    snprintf(error, error_size, "/proc/self/exe is not a regular file");
    close(fd);
    return -1;
  }
  size_t size = (size_t)status.st_size;
  void *image = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  close(fd); /* the mapping keeps the file */
  if (image == MAP_FAILED) {
    snprintf(error, error_size, "cannot map /proc/self/exe: %s", strerror(errno));
    return -1;
  }
  size_t offset = 0, found_length = 0;
  const char *why = "";
  int found =
      dosc_elf_find_section(image, size, DOSC_MANIFEST_SECTION, &offset, &found_length, &why);
  if (found < 0) {
    snprintf(error, error_size, "its section headers are unreadable (%s)", why);
  } else if (found > 0 && found_length > (size_t)DOSC_MANIFEST_SECTION_MAX) {
    snprintf(error, error_size, "its " DOSC_MANIFEST_SECTION " section is larger than %ld bytes",
             (long)DOSC_MANIFEST_SECTION_MAX);
    found = -1;
  } else if (found > 0) {
    *contents = malloc(found_length + 1);
    if (*contents == NULL) {
      snprintf(error, error_size, "out of memory");
      found = -1;
    } else {
      memcpy(*contents, (const char *)image + offset, found_length);
      (*contents)[found_length] = '\0';
      *length = found_length;
    }
  }
  munmap(image, size);
  return found;
}

int dosc_self_manifest_read(const dosc_program_info *program, int *bindings,
                            dosc_sidecar_task *figures, long long *first_site, char *error,
                            size_t error_size) {
  *first_site = 0;
  for (int i = 0; i < program->site_count; i++) {
    bindings[i] = -1;
    figures[i].present = 0;
  }
  char *contents = NULL;
  size_t length = 0;
  int found = read_own_section(&contents, &length, error, error_size);
  if (found <= 0) return found == 0 ? DOSC_SELF_MANIFEST_ABSENT : -1;

  /* Documents end at a NUL (the buffer has one more at its end); empty ones,
   * such as padding between the linker's input sections, are skipped. */
  int status = -1, documents = 0, malformed = 0, matched = 0;
  for (size_t start = 0; start < length;) {
    const char *text = contents + start;
    size_t piece = strlen(text);
    start += piece + 1;
    if (strspn(text, " \t\r\n") == piece) continue;
    documents++;
    char why[256];
    matched = dosc_manifest_is_for(text, piece, program, why, sizeof why);
    if (matched < 0) {
      snprintf(error, error_size, "manifest %d of its section is not a JSON object (%s)", documents,
               why);
      malformed = 1;
      matched = 0;
      break;
    }
    if (matched) {
      status = dosc_manifest_read(text, piece, program, bindings, figures, first_site, error,
                                  error_size);
      break;
    }
  }
  free(contents);
  if (!malformed && documents == 0)
    snprintf(error, error_size, "its " DOSC_MANIFEST_SECTION " section is empty");
  else if (!malformed && !matched)
    snprintf(error, error_size, "stale: none of the %d manifests in it is for source_hash %.24s",
             documents, program->source_hash != NULL ? program->source_hash : "(none)");
  return status;
}
