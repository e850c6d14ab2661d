/* plain_fragment.c - the fragment of a file compiled without analysis, into its object.
 *
 * A file without `#pragma dosc` is compiled by the user's compiler as given and not analyzed:
 * its fragment only says where its exports can be worked out should a link need them
 * (Manifest.deferredExports; DeferredExportAnalysis.swift does it, from these arguments), and
 * its source hash says which text they would be for. Both the dosc-cc launcher and `dosc cc`
 * write it here, so the two cannot disagree on what such an object carries.
 */
#include "dosc_cc.h"

#include "DoscELF.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A growing text buffer; `failed` once an allocation fails. */
typedef struct text {
  char *bytes;
  size_t length, capacity;
  int failed;
} text;

static void append(text *t, const char *bytes, size_t length) {
  if (t->failed) return;
  if (t->length + length + 1 > t->capacity) {
    size_t capacity = (t->length + length + 1) * 2;
    char *grown = realloc(t->bytes, capacity);
    if (!grown) {
      t->failed = 1;
      return;
    }
    t->bytes = grown;
    t->capacity = capacity;
  }
  memcpy(t->bytes + t->length, bytes, length);
  t->length += length;
  t->bytes[t->length] = '\0';
}

static void append_text(text *t, const char *string) {
  append(t, string, strlen(string));
}

/* A JSON string: quotes, backslashes and control characters escaped; UTF-8 as it is. */
static void append_json_string(text *t, const char *string) {
  append_text(t, "\"");
  for (const unsigned char *c = (const unsigned char *)string; *c; c++) {
    char escaped[8];
    if (*c == '"' || *c == '\\') {
      snprintf(escaped, sizeof escaped, "\\%c", *c);
      append_text(t, escaped);
    } else if (*c < 0x20) {
      snprintf(escaped, sizeof escaped, "\\u%04x", *c);
      append_text(t, escaped);
    } else {
      append(t, (const char *)c, 1);
    }
  }
  append_text(t, "\"");
}

static const char *base_name(const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? slash + 1 : path;
}

int dosc_plain_fragment_write(const char *object, const char *source, const char *directory,
                              size_t argument_count, const char *const *arguments,
                              int includes_header, const char **why) {
  struct stat status;
  if (stat(object, &status) != 0 || !S_ISREG(status.st_mode)) return 0; /* -o /dev/null */
  size_t size = 0;
  unsigned char *compiled = dosc_read_regular_file(object, &size);
  int uses_runtime = includes_header || (compiled && dosc_object_calls_runtime_api(compiled, size));
  free(compiled);
  unsigned char *contents = dosc_read_regular_file(source, &size);
  if (!contents) {
    *why = "cannot read the source";
    return -1;
  }
  const char *name = base_name(source);
  char hash[65];
  const unsigned char *const sources[] = {contents};
  int hashed = dosc_source_hash(1, &name, sources, &size, argument_count, arguments, hash);
  free(contents);
  if (hashed != 0) {
    *why = "cannot hash the source";
    return -1;
  }
  /* Manifest's keys, sorted as the Swift encoder writes them. */
  text json = {0};
  append_text(&json, "{\n  \"deferred_exports\" : {\n    \"arguments\" : [");
  for (size_t i = 0; i < argument_count; i++) {
    append_text(&json, i ? ",\n      " : "\n      ");
    append_json_string(&json, arguments[i]);
  }
  append_text(&json, argument_count ? "\n    ],\n    \"directory\" : "
                                    : "\n\n    ],\n    \"directory\" : ");
  append_json_string(&json, directory);
  append_text(&json, ",\n    \"source\" : ");
  append_json_string(&json, source);
  append_text(&json, "\n  },\n  \"schema\" : \"dosc-manifest/1\",\n  \"sites\" : [\n\n  ],\n  "
                     "\"source_hash\" : \"");
  append_text(&json, hash);
  append_text(&json, "\",\n  \"sources\" : [\n    ");
  append_json_string(&json, name);
  append_text(&json, "\n  ],\n  \"tasks\" : [\n\n  ]");
  if (uses_runtime) append_text(&json, ",\n  \"uses_runtime\" : true");
  append_text(&json, "\n}");
  if (json.failed) {
    free(json.bytes);
    *why = "out of memory";
    return -1;
  }
  /* The section holds manifests each ended by a NUL (ObjectManifestSection.swift). */
  int result =
      dosc_elf_add_section(object, DOSC_MANIFEST_SECTION, json.bytes, json.length + 1, why);
  free(json.bytes);
  return result;
}
