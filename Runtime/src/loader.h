/* loader.h - reading the sidecar manifest and the machine profile (private).
 *
 * The manifest is read in place (json_scan.h), the profile with jansson. Neither prints anything:
 * they return a message the caller turns into the single warning line SPEC.md section 5 asks for.
 */
#ifndef DOSC_LOADER_H
#define DOSC_LOADER_H

#include <stddef.h>

#include "config.h"
#include "dosc_abi.h"
#include "dosc_policy.h"

#define DOSC_MANIFEST_SCHEMA "dosc-manifest/1"
#define DOSC_PROFILE_SCHEMA  "dosc-profile/1"

/* A task's figures as the linked sidecar states them ("tasks"), for sites whose
 * task was defined in another object when their unit was compiled. */
typedef struct dosc_sidecar_task {
  int present;    /* the sidecar has the task */
  int recursive;  /* "recursive": true */
  int remotable;  /* "remotable": true */
  int work_known; /* "work" is not null */
  /* The site's own "remotable": false (its clauses, or arguments the rewrite could not
   * ship): a copy of the last of its "reasons", for the trace; NULL otherwise (the few sites
   * that have one pay for it, not every site of a large program). dosc_sidecar_tasks_free. */
  char *site_refusal;
} dosc_sidecar_task;

/* Frees what the readers below copied into `count` entries (calloc'd, or filled by them). */
DOSC_INTERNAL void dosc_sidecar_tasks_free(dosc_sidecar_task *figures, int count);

/* Reads the sidecar at `path` for `program`. On success returns 0, sets
 * bindings[id] (site_count entries) to the DOSC_BIND_* value the sidecar
 * gives the site, or -1 where the sidecar has no entry for it, and sets
 * *first_site to the program-wide id of the unit's site 0 (0 for a sidecar
 * without "units"), and tasks[id] to the figures of the site's task. On any
 * problem (missing, unreadable, not JSON, wrong schema, stale source_hash, a
 * malformed or foreign site) returns -1, leaves `bindings` all -1 and
 * writes why into `error`. */
DOSC_INTERNAL int dosc_sidecar_read(const char *path, const dosc_program_info *program,
                                    int *bindings, dosc_sidecar_task *tasks, long long *first_site,
                                    char *error, size_t error_size);

/* The same for the manifest in `text` (`length` bytes, one JSON document): one from the
 * executable's own section (self_section.c). */
DOSC_INTERNAL int dosc_manifest_read(const char *text, size_t length,
                                     const dosc_program_info *program, int *bindings,
                                     dosc_sidecar_task *tasks, long long *first_site, char *error,
                                     size_t error_size);

/* Whether the manifest in `text` is for `program` (1 or 0): a merged one lists the unit among
 * its "units", a fragment has its source_hash. -1 with error if it is not a JSON object. */
DOSC_INTERNAL int dosc_manifest_is_for(const char *text, size_t length,
                                       const dosc_program_info *program, char *error,
                                       size_t error_size);

/* Overlays the numbers found in the profile at `path` on `profile` (which
 * holds the defaults). Returns 1 if read, 0 if the file does not exist
 * (silently: a machine that never ran `dosc calibrate`), -1 with `error` set
 * if it exists but is unusable (then `profile` is unchanged). When it returns
 * 1, `error` is empty, or lists the fields whose values were rejected (out of
 * range, not a number: dosc_profile_set), each of which got its default.
 *
 * Format, written by `dosc calibrate` (every number optional):
 *   { "schema": "dosc-profile/1", "spawn_ns": 50, "steal_ns": 1000,
 *     "ns_per_op": 0.5, "remote_latency_ns": 20000, "remote_bytes_per_ns": 1.0,
 *     "overhead_target": 0.02, "tasks_per_thread": 32 }                        */
DOSC_INTERNAL int dosc_profile_read(const char *path, dosc_profile *profile, char *error,
                                    size_t error_size);

#endif /* DOSC_LOADER_H */
