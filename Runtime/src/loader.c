/* loader.c - sidecar manifest and machine profile, read with jansson. */
#define _GNU_SOURCE
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not a regular file is, for the warning. */
static const char *file_kind(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a regular file";
}

/* Reads all of `path` into a malloc'ed buffer (*size bytes) if it is a
 * regular file of at most `limit` bytes. Anything else is refused without
 * reading: opening a FIFO for reading waits for a writer and reading a device
 * may never end, and either would hang the program before main. Returns NULL
 * with `error` set; *missing tells a file that is not there from one that is
 * unusable. */
static char *read_regular_file(const char *path, size_t limit, size_t *size, int *missing,
                               char *error, size_t error_size) {
  *missing = 0;
  *size = 0;
  /* O_NONBLOCK: the open itself returns at once on a FIFO without a writer;
   * O_NOCTTY: a terminal named here does not become our controlling one. */
  int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *missing = (errno == ENOENT);
    snprintf(error, error_size, "cannot read it: %s", strerror(errno));
    return NULL;
  }
  struct stat info;
  char *buffer = NULL;
  if (fstat(fd, &info) != 0) {
    snprintf(error, error_size, "cannot read it: %s", strerror(errno));
  } else if (!S_ISREG(info.st_mode)) {
    snprintf(error, error_size, "not a regular file: it is %s", file_kind(info.st_mode));
  } else if ((unsigned long long)info.st_size > limit) {
    snprintf(error, error_size, "larger than %zu MiB (%lld bytes)", limit >> 20,
             (long long)info.st_size);
  } else if ((buffer = malloc((size_t)info.st_size + 1)) == NULL) {
    snprintf(error, error_size, "out of memory reading it");
  } else {
    /* At most st_size bytes: a file growing meanwhile is read as it was. */
    while (*size < (size_t)info.st_size) {
      ssize_t got = read(fd, buffer + *size, (size_t)info.st_size - *size);
      if (got < 0 && errno == EINTR) continue;
      if (got < 0) {
        snprintf(error, error_size, "cannot read it: %s", strerror(errno));
        free(buffer);
        buffer = NULL;
        break;
      }
      if (got == 0) break;
      *size += (size_t)got;
    }
  }
  close(fd);
  return buffer;
}

/* Reads `path` (a regular file of at most `limit` bytes) as a JSON object.
 * Returns NULL with `error` set; *missing tells a file that is not there
 * from one that is broken. */
static json_t *load_json(const char *path, size_t limit, int *missing, char *error,
                         size_t error_size) {
  size_t size;
  char *text = read_regular_file(path, limit, &size, missing, error, error_size);
  if (text == NULL) return NULL;
  json_error_t json_error;
  /* A fixed hash seed: otherwise jansson reads /dev/urandom at every start, to guard
   * against hash flooding, which a program's own sidecar is no channel for. */
  json_object_seed(1);
  json_t *root = json_loadb(text, size, JSON_REJECT_DUPLICATES, &json_error);
  free(text);
  if (root == NULL) {
    snprintf(error, error_size, "not valid JSON (line %d: %s)", json_error.line, json_error.text);
    return NULL;
  }
  if (!json_is_object(root)) {
    snprintf(error, error_size, "not a JSON object");
    json_decref(root);
    return NULL;
  }
  return root;
}

static int schema_is(json_t *root, const char *schema) {
  const char *found = json_string_value(json_object_get(root, "schema"));
  return found != NULL && strcmp(found, schema) == 0;
}

/* Checks one entry of "sites" and stores its binding. Sites of a linked
 * program are numbered program-wide: this unit's are `base` .. `base` +
 * site_count - 1, and the others belong to other units. 0 or -1 with error. */
/* The figures of the task named `name` in the sidecar's "tasks". */
static dosc_sidecar_task task_figures(json_t *tasks, const char *name) {
  dosc_sidecar_task figures = {0, 0, 0, 0, NULL};
  size_t position;
  json_t *task;
  if (name == NULL) return figures;
  json_array_foreach(tasks, position, task) {
    const char *task_name = json_string_value(json_object_get(task, "name"));
    if (task_name == NULL || strcmp(task_name, name) != 0) continue;
    figures.present = 1;
    figures.recursive = json_is_true(json_object_get(task, "recursive"));
    figures.remotable = json_is_true(json_object_get(task, "remotable"));
    json_t *work = json_object_get(task, "work");
    figures.work_known = work != NULL && !json_is_null(work);
    break;
  }
  return figures;
}

static int read_site(json_t *site, size_t position, const dosc_program_info *program, int linked,
                     long long base, long long total, json_t *tasks, int *bindings,
                     dosc_sidecar_task *figures, char *error, size_t error_size) {
  json_t *id_json = json_object_get(site, "id");
  if (!json_is_object(site) || !json_is_integer(id_json)) {
    snprintf(error, error_size, "sites[%zu] has no integer \"id\"", position);
    return -1;
  }
  json_int_t global = json_integer_value(id_json);
  if (linked && global >= 0 && global < total &&
      (global < base || global >= base + program->site_count))
    return 0; /* another unit's site */
  json_int_t id = global - base;
  if (id < 0 || id >= program->site_count) {
    snprintf(error, error_size, "stale: site id %lld is not in the program (%d sites)",
             (long long)id, program->site_count);
    return -1;
  }
  const char *task = json_string_value(json_object_get(site, "task"));
  const char *compiled_task = program->sites[id].task;
  if (task != NULL && compiled_task != NULL && strcmp(task, compiled_task) != 0) {
    snprintf(error, error_size, "stale: site %lld spawns '%s' in the sidecar, '%s' in the program",
             (long long)id, task, compiled_task);
    return -1;
  }
  free(figures[id].site_refusal); /* a site listed twice: its last entry holds */
  figures[id] = task_figures(tasks, compiled_task);
  json_t *reasons = json_object_get(site, "reasons");
  const char *refusal = json_string_value(json_array_get(reasons, json_array_size(reasons) - 1));
  if (json_is_false(json_object_get(site, "remotable")) && refusal != NULL)
    figures[id].site_refusal = strdup(refusal); /* NULL without memory: no reason, no harm */
  json_t *binding_json = json_object_get(site, "binding");
  if (binding_json == NULL) return 0; /* no binding given: the site keeps its compiled-in one */
  int binding = dosc_binding_parse(json_string_value(binding_json));
  if (binding < 0) {
    snprintf(error, error_size,
             "site %lld has binding %s%s%s; expected \"auto\", \"inline\", \"local\" or "
             "\"remote\"",
             (long long)id, json_is_string(binding_json) ? "\"" : "",
             json_is_string(binding_json) ? json_string_value(binding_json) : "of the wrong type",
             json_is_string(binding_json) ? "\"" : "");
    return -1;
  }
  bindings[id] = binding;
  return 0;
}

/* In a linked program's sidecar, the entry of "units" with the unit's own
 * source_hash gives where its sites start; *total is the program's site
 * count. -1 with error when no unit matches. */
static long long unit_base(json_t *units, const dosc_program_info *program, long long *total,
                           char *error, size_t error_size) {
  size_t position;
  json_t *unit;
  *total = 0;
  json_array_foreach(units, position, unit) {
    json_t *first = json_object_get(unit, "first_site");
    json_t *count = json_object_get(unit, "site_count");
    if (json_is_integer(first) && json_is_integer(count) &&
        json_integer_value(first) + json_integer_value(count) > *total)
      *total = json_integer_value(first) + json_integer_value(count);
  }
  json_array_foreach(units, position, unit) {
    const char *hash = json_string_value(json_object_get(unit, "source_hash"));
    if (hash == NULL || program->source_hash == NULL || strcmp(hash, program->source_hash) != 0)
      continue;
    json_t *first = json_object_get(unit, "first_site");
    json_t *count = json_object_get(unit, "site_count");
    if (!json_is_integer(first) || json_integer_value(first) < 0 || !json_is_integer(count)) {
      snprintf(error, error_size, "units[%zu] has no \"first_site\" and \"site_count\"", position);
      return -1;
    }
    if (json_integer_value(count) != program->site_count) {
      snprintf(error, error_size,
               "stale: unit %zu has %lld sites in the sidecar, %d in the program", position,
               (long long)json_integer_value(count), program->site_count);
      return -1;
    }
    return json_integer_value(first);
  }
  snprintf(error, error_size,
           "stale: no unit with source_hash %.24s (rebuilt since it was linked?)",
           program->source_hash != NULL ? program->source_hash : "(none)");
  return -1;
}

void dosc_sidecar_tasks_free(dosc_sidecar_task *figures, int count) {
  for (int i = 0; figures != NULL && i < count; i++) {
    free(figures[i].site_refusal);
    figures[i].site_refusal = NULL;
  }
}

int dosc_sidecar_read(const char *path, const dosc_program_info *program, int *bindings,
                      dosc_sidecar_task *figures, long long *first_site, char *error,
                      size_t error_size) {
  *first_site = 0;
  for (int i = 0; i < program->site_count; i++) {
    bindings[i] = -1;
    figures[i].present = 0;
  }
  int missing;
  json_t *root = load_json(path, DOSC_SIDECAR_MAX_BYTES, &missing, error, error_size);
  if (root == NULL) {
    if (missing) snprintf(error, error_size, "no sidecar manifest");
    return -1;
  }
  int status = dosc_manifest_read(root, program, bindings, figures, first_site, error, error_size);
  json_decref(root);
  return status;
}

int dosc_manifest_read(json_t *root, const dosc_program_info *program, int *bindings,
                       dosc_sidecar_task *figures, long long *first_site, char *error,
                       size_t error_size) {
  *first_site = 0;
  for (int i = 0; i < program->site_count; i++) {
    bindings[i] = -1;
    figures[i].present = 0;
  }
  int status = -1;
  json_t *sites = json_object_get(root, "sites");
  json_t *units = json_object_get(root, "units");
  json_t *tasks = json_object_get(root, "tasks");
  const char *hash = json_string_value(json_object_get(root, "source_hash"));
  long long base = 0, total = 0;
  if (!schema_is(root, DOSC_MANIFEST_SCHEMA)) {
    snprintf(error, error_size, "schema is not \"%s\"", DOSC_MANIFEST_SCHEMA);
  } else if (json_is_array(units)) {
    /* A linked program: each unit is matched by its own hash. */
    base = unit_base(units, program, &total, error, error_size);
    if (base >= 0 && !json_is_array(sites)) {
      snprintf(error, error_size, "no \"sites\" array");
    } else if (base >= 0) {
      size_t position;
      json_t *site;
      status = 0;
      json_array_foreach(sites, position, site) {
        if (read_site(site, position, program, 1, base, total, tasks, bindings, figures, error,
                      error_size) != 0) {
          status = -1;
          break;
        }
      }
    }
  } else if (hash == NULL) {
    snprintf(error, error_size, "no \"source_hash\"");
  } else if (program->source_hash == NULL || strcmp(hash, program->source_hash) != 0) {
    snprintf(error, error_size, "stale: its source_hash %.24s does not match the program's %.24s",
             hash, program->source_hash != NULL ? program->source_hash : "(none)");
  } else if (!json_is_array(sites)) {
    snprintf(error, error_size, "no \"sites\" array");
  } else {
    size_t position;
    json_t *site;
    status = 0;
    json_array_foreach(sites, position, site) {
      if (read_site(site, position, program, 0, 0, program->site_count, tasks, bindings, figures,
                    error, error_size) != 0) {
        status = -1;
        break;
      }
    }
  }
  if (status != 0)
    for (int i = 0; i < program->site_count; i++) {
      bindings[i] = -1;
      figures[i].present = 0;
      free(figures[i].site_refusal);
      figures[i].site_refusal = NULL;
    }
  else
    *first_site = base;
  return status;
}

/* Appends one field's problem to the warning text, "; "-separated. */
static void add_problem(char *error, size_t error_size, const char *problem) {
  size_t used = strlen(error);
  if (used + 1 >= error_size) return;
  snprintf(error + used, error_size - used, "%s%s", used > 0 ? "; " : "", problem);
}

int dosc_profile_read(const char *path, dosc_profile *profile, char *error, size_t error_size) {
  int missing;
  json_t *root = load_json(path, DOSC_PROFILE_MAX_BYTES, &missing, error, error_size);
  if (root == NULL) return missing ? 0 : -1;
  if (!schema_is(root, DOSC_PROFILE_SCHEMA)) {
    snprintf(error, error_size, "schema is not \"%s\"", DOSC_PROFILE_SCHEMA);
    json_decref(root);
    return -1;
  }
  /* Each field on its own: a bad value costs that field its default, not the
   * whole profile; dosc_profile_set (policy.c) owns the ranges. */
  error[0] = '\0';
  int count;
  const dosc_profile_field *fields = dosc_profile_fields(&count);
  for (int i = 0; i < count; i++) {
    json_t *value = json_object_get(root, fields[i].name);
    char problem[192];
    if (value == NULL) continue;
    if (json_is_number(value)) {
      if (dosc_profile_set(profile, fields[i].name, json_number_value(value), problem,
                           sizeof problem) < 0)
        add_problem(error, error_size, problem);
    } else {
      dosc_profile defaults;
      dosc_profile_defaults(&defaults);
      dosc_profile_set(profile, fields[i].name, dosc_profile_get(&defaults, fields[i].name), NULL,
                       0);
      snprintf(problem, sizeof problem, "\"%s\" is not a number: using the default %g",
               fields[i].name, dosc_profile_get(&defaults, fields[i].name));
      add_problem(error, error_size, problem);
    }
  }
  json_decref(root);
  return 1;
}
