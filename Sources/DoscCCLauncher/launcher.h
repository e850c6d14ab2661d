/* launcher.h - the parts of the dosc-cc launcher: main.c decides which command lines it runs
 * itself; link_inputs.c tells whether a link's inputs may carry something dosc acts on. */
#ifndef DOSC_LAUNCHER_H
#define DOSC_LAUNCHER_H

#include "dosc_cc.h"

#include <stddef.h>

/* 1 when `size` bytes may hold a dosc manifest with a site or one that uses the runtime. */
int dosc_bytes_may_need_dosc(const unsigned char *bytes, size_t size);

/* 1 when the link input `path` may carry such a manifest (or is a thin archive); 0 when it
 * cannot, or is no regular file (dosc reads nothing from it then either). */
int dosc_link_input_may_need_dosc(const char *path);

/* 1 when a library the words -LDIR and -lNAME of `arguments` may name carries such a manifest,
 * or a lone -L or -l leaves the pairing to dosc. */
int dosc_link_libraries_may_need_dosc(int count, char **arguments);

#endif /* DOSC_LAUNCHER_H */
