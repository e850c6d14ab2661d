/* loader.c - sidecar manifest and machine profile, read with jansson. */
#define _GNU_SOURCE
#include "loader.h"
#include "json_scan.h"

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

/* ---- the manifest, read in place (json_scan.h) ------------------------------------------
 *
 * Two passes over the text: the first checks all of it and finds the parts the runtime reads
 * (the analyzer sorts its keys, so "sites" comes before the "source_hash", "tasks" and "units"
 * that say how to read it); the second reads "units", "tasks" and then "sites", each from
 * where the first found it. Nothing is kept per member: a task's figures per task, a site's
 * binding in the caller's arrays. A 300,000-site sidecar took 520 MB and 10 s as jansson's
 * tree (BENCHMARKS.md, "Start-up with a large sidecar"). */

/* Where the parts of a manifest lie: each the text of its value, NULL where it is absent (or,
 * for the arrays, not an array). */
typedef struct manifest_parts {
  dosc_json_string schema, hash;
  int has_schema, has_hash;
  const char *units, *tasks, *sites;
  const char *end;
} manifest_parts;

/* Pass 1: checks the text and finds its parts. 0, or -1 with error. */
static int find_parts(const char *text, size_t length, manifest_parts *parts, char *error,
                      size_t error_size) {
  memset(parts, 0, sizeof *parts);
  parts->end = text + length;
  dosc_json json;
  dosc_json_init(&json, text, length);
  if (dosc_json_object(&json) != 0) {
    if (json.error[0] == '\0' && dosc_json_skip(&json) == 0 && dosc_json_finish(&json) == 0)
      snprintf(error, error_size, "not a JSON object");
    else
      snprintf(error, error_size, "not valid JSON (%s)", json.error);
    return -1;
  }
  dosc_json_string key;
  int more;
  while ((more = dosc_json_member(&json, &key)) > 0) {
    const char **array = dosc_json_string_is(&key, "sites")   ? &parts->sites
                         : dosc_json_string_is(&key, "tasks") ? &parts->tasks
                         : dosc_json_string_is(&key, "units") ? &parts->units
                                                              : NULL;
    int read = 0;
    if (array != NULL) {
      *array = dosc_json_peek(&json) == '[' ? json.at : NULL;
      read = dosc_json_skip(&json);
    } else if (dosc_json_string_is(&key, "schema")) {
      read = dosc_json_read_string(&json, &parts->schema);
      parts->has_schema = read > 0;
    } else if (dosc_json_string_is(&key, "source_hash")) {
      read = dosc_json_read_string(&json, &parts->hash);
      parts->has_hash = read > 0;
    } else {
      read = dosc_json_skip(&json);
    }
    if (read < 0) break;
  }
  if (more != 0 || dosc_json_finish(&json) != 0) {
    snprintf(error, error_size, "not valid JSON (%s)", json.error);
    return -1;
  }
  return 0;
}

/* A reader of the array at `part` (found by find_parts, so valid JSON), entered. */
static void read_part(dosc_json *json, const manifest_parts *parts, const char *part) {
  dosc_json_init(json, part, (size_t)(parts->end - part));
  dosc_json_array(json);
}

/* Whether `string` is the C string `text` (NULL: never). */
static int string_is(const dosc_json_string *string, const char *text) {
  return text != NULL && dosc_json_string_is(string, text);
}

/* One entry of "units": what unit_base reads of it. */
typedef struct unit_entry {
  long long first, count;
  int has_first, has_count, has_hash;
  dosc_json_string hash;
} unit_entry;

static void read_unit(dosc_json *json, unit_entry *unit) {
  memset(unit, 0, sizeof *unit);
  if (dosc_json_object(json) != 0) {
    dosc_json_skip(json);
    return;
  }
  dosc_json_string key;
  while (dosc_json_member(json, &key) > 0) {
    if (dosc_json_string_is(&key, "first_site"))
      unit->has_first = dosc_json_read_integer(json, &unit->first) > 0;
    else if (dosc_json_string_is(&key, "site_count"))
      unit->has_count = dosc_json_read_integer(json, &unit->count) > 0;
    else if (dosc_json_string_is(&key, "source_hash"))
      unit->has_hash = dosc_json_read_string(json, &unit->hash) > 0;
    else
      dosc_json_skip(json);
  }
}

/* In a linked program's sidecar, the entry of "units" with the unit's own
 * source_hash gives where its sites start; *total is the program's site
 * count. -1 with error when no unit matches. */
static long long unit_base(const manifest_parts *parts, const dosc_program_info *program,
                           long long *total, char *error, size_t error_size) {
  dosc_json json;
  read_part(&json, parts, parts->units);
  *total = 0;
  unit_entry unit, found = {0};
  size_t position = 0, found_at = 0;
  int matched = 0;
  for (; dosc_json_element(&json) > 0; position++) {
    read_unit(&json, &unit);
    if (unit.has_first && unit.has_count && unit.first + unit.count > *total)
      *total = unit.first + unit.count;
    if (!matched && unit.has_hash && string_is(&unit.hash, program->source_hash)) {
      matched = 1;
      found = unit;
      found_at = position;
    }
  }
  if (!matched) {
    snprintf(error, error_size,
             "stale: no unit with source_hash %.24s (rebuilt since it was linked?)",
             program->source_hash != NULL ? program->source_hash : "(none)");
    return -1;
  }
  if (!found.has_first || found.first < 0 || !found.has_count) {
    snprintf(error, error_size, "units[%zu] has no \"first_site\" and \"site_count\"", found_at);
    return -1;
  }
  if (found.count != program->site_count) {
    snprintf(error, error_size, "stale: unit %zu has %lld sites in the sidecar, %d in the program",
             found_at, found.count, program->site_count);
    return -1;
  }
  return found.first;
}

/* The sidecar's "tasks", sorted by name (then by position: the first of a name holds), for a
 * lookup per site. */
typedef struct task_entry {
  const char *name; /* in the text, or `decoded` */
  size_t length;
  size_t position;
  char *decoded; /* a name with escapes, decoded */
  dosc_sidecar_task figures;
} task_entry;

typedef struct task_table {
  task_entry *entries;
  size_t count;
} task_table;

static int compare_names(const char *a, size_t a_length, const char *b, size_t b_length) {
  int order = memcmp(a, b, a_length < b_length ? a_length : b_length);
  return order != 0 ? order : (a_length > b_length) - (a_length < b_length);
}

static int compare_tasks(const void *left, const void *right) {
  const task_entry *a = left, *b = right;
  int order = compare_names(a->name, a->length, b->name, b->length);
  return order != 0 ? order : (a->position > b->position) - (a->position < b->position);
}

static void task_table_free(task_table *table) {
  for (size_t i = 0; i < table->count; i++)
    free(table->entries[i].decoded);
  free(table->entries);
  table->entries = NULL;
  table->count = 0;
}

/* Reads one task: its name and figures; 0 if it has no string "name" (or no memory). */
static int read_task(dosc_json *json, task_entry *task) {
  memset(task, 0, sizeof *task);
  task->figures.present = 1;
  dosc_json_string key, name;
  int named = 0, value;
  if (dosc_json_object(json) != 0) {
    dosc_json_skip(json);
    return 0;
  }
  while (dosc_json_member(json, &key) > 0) {
    if (dosc_json_string_is(&key, "name")) {
      named = dosc_json_read_string(json, &name) > 0;
    } else if (dosc_json_string_is(&key, "recursive")) {
      task->figures.recursive = dosc_json_read_boolean(json, &value) > 0 && value;
    } else if (dosc_json_string_is(&key, "remotable")) {
      task->figures.remotable = dosc_json_read_boolean(json, &value) > 0 && value;
    } else if (dosc_json_string_is(&key, "work")) {
      task->figures.work_known = dosc_json_peek(json) != 'n'; /* not null */
      dosc_json_skip(json);
    } else {
      dosc_json_skip(json);
    }
  }
  if (!named) return 0;
  task->name = name.start;
  task->length = name.length;
  if (name.escaped) {
    if ((task->decoded = dosc_json_string_copy(&name)) == NULL) return 0;
    task->name = task->decoded;
    task->length = strlen(task->decoded);
  }
  return 1;
}

/* The tasks of "tasks" that have a name; -1 without memory. */
static int read_tasks(const manifest_parts *parts, task_table *table) {
  table->entries = NULL;
  table->count = 0;
  if (parts->tasks == NULL) return 0;
  dosc_json json;
  size_t size = 0;
  read_part(&json, parts, parts->tasks);
  for (size_t position = 0; dosc_json_element(&json) > 0; position++) {
    if (table->count == size) {
      size_t larger = size > 0 ? 2 * size : 16;
      task_entry *grown = realloc(table->entries, larger * sizeof *grown);
      if (grown == NULL) return -1;
      table->entries = grown;
      size = larger;
    }
    task_entry *task = &table->entries[table->count];
    if (read_task(&json, task)) {
      task->position = position;
      table->count++;
    }
  }
  qsort(table->entries, table->count, sizeof *table->entries, compare_tasks);
  return 0;
}

/* The figures of the first task named `name` in the sidecar's "tasks". */
static dosc_sidecar_task task_figures(const task_table *table, const char *name) {
  dosc_sidecar_task none = {0, 0, 0, 0, NULL};
  if (name == NULL) return none;
  size_t length = strlen(name), low = 0, high = table->count;
  while (low < high) { /* the first entry not below `name` */
    size_t middle = low + (high - low) / 2;
    const task_entry *entry = &table->entries[middle];
    if (compare_names(entry->name, entry->length, name, length) < 0)
      low = middle + 1;
    else
      high = middle;
  }
  if (low < table->count &&
      compare_names(table->entries[low].name, table->entries[low].length, name, length) == 0)
    return table->entries[low].figures;
  return none;
}

/* What a site's entry says, as read_site needs it. */
typedef struct site_entry {
  long long id;
  int has_id, is_object, has_task, has_binding, binding_is_string, refused, has_refusal;
  dosc_json_string task, binding, refusal;
} site_entry;

static void read_site_entry(dosc_json *json, site_entry *site) {
  memset(site, 0, sizeof *site);
  if (dosc_json_object(json) != 0) {
    dosc_json_skip(json);
    return;
  }
  site->is_object = 1;
  dosc_json_string key;
  int value;
  while (dosc_json_member(json, &key) > 0) {
    if (dosc_json_string_is(&key, "id")) {
      site->has_id = dosc_json_read_integer(json, &site->id) > 0;
    } else if (dosc_json_string_is(&key, "task")) {
      site->has_task = dosc_json_read_string(json, &site->task) > 0;
    } else if (dosc_json_string_is(&key, "binding")) {
      site->has_binding = 1;
      site->binding_is_string = dosc_json_read_string(json, &site->binding) > 0;
    } else if (dosc_json_string_is(&key, "remotable")) {
      site->refused = dosc_json_read_boolean(json, &value) > 0 && !value;
    } else if (dosc_json_string_is(&key, "reasons") && dosc_json_array(json) == 0) {
      site->has_refusal = 0; /* the last reason, if it is a string */
      while (dosc_json_element(json) > 0)
        site->has_refusal = dosc_json_read_string(json, &site->refusal) > 0;
    } else {
      dosc_json_skip(json);
    }
  }
}

/* Checks one entry of "sites" and stores its binding. Sites of a linked
 * program are numbered program-wide: this unit's are `base` .. `base` +
 * site_count - 1, and the others belong to other units. 0 or -1 with error. */
static int read_site(const site_entry *site, size_t position, const dosc_program_info *program,
                     int linked, long long base, long long total, const task_table *tasks,
                     int *bindings, dosc_sidecar_task *figures, char *error, size_t error_size) {
  if (!site->is_object || !site->has_id) {
    snprintf(error, error_size, "sites[%zu] has no integer \"id\"", position);
    return -1;
  }
  long long global = site->id;
  if (linked && global >= 0 && global < total &&
      (global < base || global >= base + program->site_count))
    return 0; /* another unit's site */
  long long id = global - base;
  if (id < 0 || id >= program->site_count) {
    snprintf(error, error_size, "stale: site id %lld is not in the program (%d sites)", id,
             program->site_count);
    return -1;
  }
  const char *compiled_task = program->sites[id].task;
  if (site->has_task && compiled_task != NULL && !dosc_json_string_is(&site->task, compiled_task)) {
    int shown = site->task.length < 128 ? (int)site->task.length : 128;
    snprintf(error, error_size,
             "stale: site %lld spawns '%.*s' in the sidecar, '%s' in the program", id, shown,
             site->task.start, compiled_task);
    return -1;
  }
  free(figures[id].site_refusal); /* a site listed twice: its last entry holds */
  figures[id] = task_figures(tasks, compiled_task);
  if (site->refused && site->has_refusal) /* NULL without memory: no reason, no harm */
    figures[id].site_refusal = dosc_json_string_copy(&site->refusal);
  if (!site->has_binding) return 0; /* no binding given: the site keeps its compiled-in one */
  char name[16] = "";
  if (site->binding_is_string && !site->binding.escaped && site->binding.length < sizeof name)
    memcpy(name, site->binding.start, site->binding.length);
  int binding = dosc_binding_parse(name);
  if (binding < 0) {
    int shown = site->binding.length < 64 ? (int)site->binding.length : 64;
    if (site->binding_is_string)
      snprintf(error, error_size,
               "site %lld has binding \"%.*s\"; expected \"auto\", \"inline\", \"local\" or "
               "\"remote\"",
               id, shown, site->binding.start);
    else
      snprintf(error, error_size,
               "site %lld has binding of the wrong type; expected \"auto\", \"inline\", \"local\" "
               "or \"remote\"",
               id);
    return -1;
  }
  bindings[id] = binding;
  return 0;
}

/* Every entry of "sites", in order: 0, or -1 with error at the first that fails. */
static int read_sites(const manifest_parts *parts, const dosc_program_info *program, int linked,
                      long long base, long long total, int *bindings, dosc_sidecar_task *figures,
                      char *error, size_t error_size) {
  task_table tasks;
  if (read_tasks(parts, &tasks) != 0) {
    task_table_free(&tasks);
    snprintf(error, error_size, "out of memory reading its tasks");
    return -1;
  }
  dosc_json json;
  read_part(&json, parts, parts->sites);
  site_entry site;
  int status = 0;
  for (size_t position = 0; status == 0 && dosc_json_element(&json) > 0; position++) {
    read_site_entry(&json, &site);
    status = read_site(&site, position, program, linked, base, total, &tasks, bindings, figures,
                       error, error_size);
  }
  task_table_free(&tasks);
  return status;
}

void dosc_sidecar_tasks_free(dosc_sidecar_task *figures, int count) {
  for (int i = 0; figures != NULL && i < count; i++) {
    free(figures[i].site_refusal);
    figures[i].site_refusal = NULL;
  }
}

static void clear_sites(const dosc_program_info *program, int *bindings,
                        dosc_sidecar_task *figures) {
  for (int i = 0; i < program->site_count; i++) {
    bindings[i] = -1;
    figures[i].present = 0;
    free(figures[i].site_refusal);
    figures[i].site_refusal = NULL;
  }
}

int dosc_sidecar_read(const char *path, const dosc_program_info *program, int *bindings,
                      dosc_sidecar_task *figures, long long *first_site, char *error,
                      size_t error_size) {
  *first_site = 0;
  clear_sites(program, bindings, figures);
  int missing;
  size_t size;
  char *text = read_regular_file(path, DOSC_SIDECAR_MAX_BYTES, &size, &missing, error, error_size);
  if (text == NULL) {
    if (missing) snprintf(error, error_size, "no sidecar manifest");
    return -1;
  }
  int status =
      dosc_manifest_read(text, size, program, bindings, figures, first_site, error, error_size);
  free(text);
  return status;
}

int dosc_manifest_is_for(const char *text, size_t length, const dosc_program_info *program,
                         char *error, size_t error_size) {
  manifest_parts parts;
  if (find_parts(text, length, &parts, error, error_size) != 0) return -1;
  if (program->source_hash == NULL) return 0;
  if (parts.units == NULL) return parts.has_hash && string_is(&parts.hash, program->source_hash);
  dosc_json json;
  read_part(&json, &parts, parts.units);
  unit_entry unit;
  int matched = 0;
  while (dosc_json_element(&json) > 0) {
    read_unit(&json, &unit);
    matched |= unit.has_hash && string_is(&unit.hash, program->source_hash);
  }
  return matched;
}

int dosc_manifest_read(const char *text, size_t length, const dosc_program_info *program,
                       int *bindings, dosc_sidecar_task *figures, long long *first_site,
                       char *error, size_t error_size) {
  *first_site = 0;
  clear_sites(program, bindings, figures);
  manifest_parts parts;
  int status = -1;
  long long base = 0, total = 0;
  if (find_parts(text, length, &parts, error, error_size) != 0) {
    /* error set */
  } else if (!parts.has_schema || !dosc_json_string_is(&parts.schema, DOSC_MANIFEST_SCHEMA)) {
    snprintf(error, error_size, "schema is not \"%s\"", DOSC_MANIFEST_SCHEMA);
  } else if (parts.units != NULL) {
    /* A linked program: each unit is matched by its own hash. */
    base = unit_base(&parts, program, &total, error, error_size);
    if (base >= 0 && parts.sites == NULL)
      snprintf(error, error_size, "no \"sites\" array");
    else if (base >= 0)
      status = read_sites(&parts, program, 1, base, total, bindings, figures, error, error_size);
  } else if (!parts.has_hash) {
    snprintf(error, error_size, "no \"source_hash\"");
  } else if (!string_is(&parts.hash, program->source_hash)) {
    int shown = parts.hash.length < 24 ? (int)parts.hash.length : 24;
    snprintf(error, error_size, "stale: its source_hash %.*s does not match the program's %.24s",
             shown, parts.hash.start,
             program->source_hash != NULL ? program->source_hash : "(none)");
  } else if (parts.sites == NULL) {
    snprintf(error, error_size, "no \"sites\" array");
  } else {
    status = read_sites(&parts, program, 0, 0, program->site_count, bindings, figures, error,
                        error_size);
  }
  if (status != 0)
    clear_sites(program, bindings, figures);
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
