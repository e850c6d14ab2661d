/* elf_section.h - finding a named section in the bytes of an ELF file (private).
 *
 * One copy, used twice: the runtime looks for the manifest in its own
 * executable (self_section.c), and the dosc tool reads the fragments of
 * objects and archive members (Sources/DoscELF compiles this file). It reads
 * the bytes given and nothing else: no I/O, no allocation, no globals.
 */
#ifndef DOSC_ELF_SECTION_H
#define DOSC_ELF_SECTION_H

#include <stddef.h>
#include <stdint.h>

#ifndef DOSC_INTERNAL
#define DOSC_INTERNAL /* compiled into the tool: no visibility to hide */
#endif

/* The section dosc carries manifests in: not allocated, so never loaded at
 * run time. A linker concatenates the sections of its inputs, so a program
 * linked by plain cc holds every object's fragment, each ended by a NUL. */
#define DOSC_MANIFEST_SECTION ".dosc.manifest"

/* An unsigned field of `width` bytes at `bytes`, in the file's byte order,
 * read byte by byte (no alignment assumed): how every header field is read,
 * here and by the section writer of dosc-cc (Sources/DoscCC). */
static inline uint64_t dosc_elf_uint(const unsigned char *bytes, size_t width, int big_endian) {
  uint64_t value = 0;
  for (size_t i = 0; i < width; i++)
    value = (value << 8) | bytes[big_endian ? i : width - 1 - i];
  return value;
}

/* Looks for the section `name` in the ELF file of `size` bytes at `image`
 * (32 or 64 bit, either byte order; an object, an executable or a shared
 * library). Returns 1 and sets *offset and *length to where its contents lie
 * in `image` when found; 0 when the file is ELF and has no such section; -1
 * when it is not ELF or its headers are malformed, with *why saying what (a
 * static string). Every offset and size is checked against `size`. */
DOSC_INTERNAL int dosc_elf_find_section(const unsigned char *image, size_t size, const char *name,
                                        size_t *offset, size_t *length, const char **why);

#endif /* DOSC_ELF_SECTION_H */
