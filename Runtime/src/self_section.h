/* self_section.h - the manifest in the program's own executable (private).
 *
 * Read when no sidecar lies beside the program and DOSC_MANIFEST is unset:
 * the .dosc.manifest section holds the merged manifest of a `dosc cc` link,
 * or the fragments of the objects a plain cc link concatenated.
 */
#ifndef DOSC_SELF_SECTION_H
#define DOSC_SELF_SECTION_H

#include <stddef.h>

#include "config.h"
#include "elf_section.h" /* DOSC_MANIFEST_SECTION */
#include "loader.h"

/* dosc_self_manifest_read's result when the executable has no section. */
#define DOSC_SELF_MANIFEST_ABSENT 1

/* As dosc_sidecar_read, from the section of /proc/self/exe: 0 when read (the
 * merged manifest, or the fragment whose source_hash is the unit's), -1 with
 * `error` set when the section is malformed or has no manifest for the unit,
 * DOSC_SELF_MANIFEST_ABSENT when there is no section. `bindings` and `tasks`
 * are reset unless it returns 0. */
DOSC_INTERNAL int dosc_self_manifest_read(const dosc_program_info *program, int *bindings,
                                          dosc_sidecar_task *tasks, long long *first_site,
                                          char *error, size_t error_size);

#endif /* DOSC_SELF_SECTION_H */
