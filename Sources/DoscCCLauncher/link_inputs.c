/* link_inputs.c - whether a link's inputs may carry something dosc must act on.
 *
 * `dosc cc` runs a link's command line as given, adding nothing, when none of the fragments it
 * reads from the link's inputs (objects, archives' members, shared libraries, and -lNAME in
 * the -L directories: ObjectManifestSection.fragments) has a site or uses the runtime
 * (Manifest.needsRuntime). The launcher takes such a link itself only when it can tell without
 * parsing ELF, archives or JSON: it looks through every byte of each file that dosc could read
 * for the two keys that could make a fragment need dosc, "sites" followed by a list that is not
 * empty, and "uses_runtime" not false. Every fragment dosc reads lies verbatim in those bytes
 * (a section of an object or a shared library, a member of a regular archive) and spells its
 * keys as dosc's writers do, literally, so what dosc would act on is always found; what is
 * found by accident (the words in a program's strings) only sends the link to dosc, which
 * decides. A thin archive, whose members are other files, goes to dosc too.
 */
#define _GNU_SOURCE /* memmem */
#include "launcher.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned char *skip_blanks(const unsigned char *c, const unsigned char *end) {
  while (c < end && (*c == ' ' || *c == '\t' || *c == '\n' || *c == '\r'))
    c++;
  return c;
}

/* Each place `key` (with its quotes) is followed by a colon, i.e. is a key, gets `check`; 1
 * when one of them says the fragment may need dosc. */
static int any_key(const unsigned char *bytes, size_t size, const char *key,
                   int (*check)(const unsigned char *value, const unsigned char *end)) {
  const unsigned char *end = bytes + size;
  size_t length = strlen(key);
  for (const unsigned char *at = bytes; at < end;) {
    const unsigned char *found = memmem(at, (size_t)(end - at), key, length);
    if (!found) return 0;
    const unsigned char *c = skip_blanks(found + length, end);
    if (c < end && *c == ':' && check(skip_blanks(c + 1, end), end)) return 1;
    at = found + length;
  }
  return 0;
}

/* A "sites" value other than an empty list. */
static int sites_not_empty(const unsigned char *value, const unsigned char *end) {
  if (value >= end || *value != '[') return 1;
  const unsigned char *c = skip_blanks(value + 1, end);
  return c >= end || *c != ']';
}

/* A "uses_runtime" value other than false. */
static int uses_runtime(const unsigned char *value, const unsigned char *end) {
  return end - value < 5 || memcmp(value, "false", 5) != 0;
}

int dosc_bytes_may_need_dosc(const unsigned char *bytes, size_t size) {
  return any_key(bytes, size, "\"sites\"", sites_not_empty) ||
         any_key(bytes, size, "\"uses_runtime\"", uses_runtime);
}

int dosc_link_input_may_need_dosc(const char *path) {
  size_t size = 0;
  unsigned char *bytes = dosc_read_regular_file(path, &size);
  if (!bytes) return 0; /* missing, not a regular file, unreadable: dosc reads nothing there */
  int thin = size >= 8 && memcmp(bytes, "!<thin>\n", 8) == 0;
  int may = thin || dosc_bytes_may_need_dosc(bytes, size);
  free(bytes);
  return may;
}

int dosc_link_libraries_may_need_dosc(int count, char **arguments) {
  /* dosc looks for -lNAME and -l:FILE in the -L directories, reading each word of the link's
   * options that starts with -L or -l (ObjectManifestSection.libraries). Every such word here
   * is joined (a lone -L or -l goes to dosc, whose pairing of it with a value this does not
   * repeat), and every file that could be the one dosc picks is looked at. */
  for (int i = 0; i < count; i++)
    if (strcmp(arguments[i], "-L") == 0 || strcmp(arguments[i], "-l") == 0) return 1;
  for (int d = 0; d < count; d++) {
    if (strncmp(arguments[d], "-L", 2) != 0) continue;
    const char *directory = arguments[d] + 2;
    for (int n = 0; n < count; n++) {
      if (strncmp(arguments[n], "-l", 2) != 0) continue;
      const char *name = arguments[n] + 2;
      const char *const suffixes[] = {".so", ".a"};
      for (int s = 0; s < 2; s++) {
        size_t length = strlen(directory) + strlen(name) + 8;
        char *candidate = malloc(length);
        if (!candidate) return 1;
        if (name[0] == ':')
          snprintf(candidate, length, "%s/%s", directory, name + 1);
        else
          snprintf(candidate, length, "%s/lib%s%s", directory, name, suffixes[s]);
        int may = dosc_link_input_may_need_dosc(candidate);
        free(candidate);
        if (may) return 1;
      }
    }
  }
  return 0;
}
