/* elf_add_section.c - appending a non-allocated section to an ELF file in place.
 *
 * What objcopy --add-section does for a section that is never loaded, without starting a
 * process: dosc-cc adds a fragment to every object it compiles, and a process per object is a
 * cost the compile itself would not have. The file's bytes stay where they are; after its old
 * end come the section name table (the old one plus the new name), the section's contents and
 * the section header table (the old entries, the name table's pointing at its new copy, and
 * the new section). The file header, which points at the table, is written last, so a failure
 * part way leaves the file as it was, with unused bytes at its end.
 */
#include "dosc_cc.h"

#include "DoscELF.h"

#include <elf.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct elf_layout {
  int is64, big_endian;
} elf_layout;

static void put(unsigned char *bytes, size_t width, int big_endian, uint64_t value) {
  for (size_t i = 0; i < width; i++) {
    bytes[big_endian ? width - 1 - i : i] = (unsigned char)value;
    value >>= 8;
  }
}

/* A field at `base` of a header of either class: its offset and width in that class. */
#define WIDTH(l, type32, type64, member)                                                           \
  ((l)->is64 ? sizeof(((type64 *)0)->member) : sizeof(((type32 *)0)->member))
#define OFFSET(l, type32, type64, member)                                                          \
  ((l)->is64 ? offsetof(type64, member) : offsetof(type32, member))
#define GET(l, base, type32, type64, member)                                                       \
  dosc_elf_uint((base) + OFFSET(l, type32, type64, member), WIDTH(l, type32, type64, member),      \
                (l)->big_endian)
#define PUT(l, base, type32, type64, member, value)                                                \
  put((base) + OFFSET(l, type32, type64, member), WIDTH(l, type32, type64, member),                \
      (l)->big_endian, value)
#define EHDR_GET(l, base, member)        GET(l, base, Elf32_Ehdr, Elf64_Ehdr, member)
#define EHDR_PUT(l, base, member, value) PUT(l, base, Elf32_Ehdr, Elf64_Ehdr, member, value)
#define SHDR_GET(l, base, member)        GET(l, base, Elf32_Shdr, Elf64_Shdr, member)
#define SHDR_PUT(l, base, member, value) PUT(l, base, Elf32_Shdr, Elf64_Shdr, member, value)

static int write_all(int fd, const void *data, size_t size, off_t offset) {
  const unsigned char *bytes = data;
  while (size > 0) {
    ssize_t written = pwrite(fd, bytes, size, offset);
    if (written <= 0) return -1;
    bytes += written;
    size -= (size_t)written;
    offset += written;
  }
  return 0;
}

static int add_section(int fd, const unsigned char *image, size_t file_size, const char *name,
                       const void *data, size_t size, const char **why) {
  size_t found_offset, found_length;
  switch (dosc_elf_find_section(image, file_size, name, &found_offset, &found_length, why)) {
  case 1:
    *why = "the file already has the section";
    return -1;
  case 0:
    break;
  default:
    return -1; /* not ELF, or malformed: *why says which */
  }
  elf_layout l = {image[EI_CLASS] == ELFCLASS64, image[EI_DATA] == ELFDATA2MSB};
  size_t header_size = l.is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr);
  size_t entry_size = l.is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr);
  uint64_t table = EHDR_GET(&l, image, e_shoff);
  uint64_t count = EHDR_GET(&l, image, e_shnum);
  uint64_t names_index = EHDR_GET(&l, image, e_shstrndx);
  if (table == 0 || EHDR_GET(&l, image, e_shentsize) != entry_size) {
    *why = "a section header table this writer does not extend";
    return -1;
  }
  /* Extended numbering (ELF gABI): with SHN_LORESERVE sections or more, the count and the name
   * table's index are in section 0. dosc_elf_find_section has checked that the table and the
   * name table lie inside the file. */
  if (count == 0) count = SHDR_GET(&l, image + table, sh_size);
  if (names_index == SHN_XINDEX) names_index = SHDR_GET(&l, image + table, sh_link);
  const unsigned char *names_header = image + table + names_index * entry_size;
  uint64_t old_names = SHDR_GET(&l, names_header, sh_offset);
  uint64_t old_names_size = SHDR_GET(&l, names_header, sh_size);
  size_t name_size = strlen(name) + 1;
  uint64_t alignment = l.is64 ? 8 : 4;
  uint64_t names_at = file_size;
  uint64_t names_size = old_names_size + name_size;
  uint64_t data_at = names_at + names_size;
  uint64_t table_at = (data_at + size + alignment - 1) / alignment * alignment;
  size_t tail_size = (size_t)(table_at - names_at + (count + 1) * entry_size);
  unsigned char *tail = calloc(1, tail_size);
  unsigned char *header = malloc(header_size);
  if (!tail || !header) {
    free(tail);
    free(header);
    *why = "out of memory";
    return -1;
  }
  memcpy(tail, image + old_names, old_names_size);
  memcpy(tail + old_names_size, name, name_size);
  memcpy(tail + (data_at - names_at), data, size);
  unsigned char *entries = tail + (table_at - names_at);
  memcpy(entries, image + table, count * entry_size);
  SHDR_PUT(&l, entries + names_index * entry_size, sh_offset, names_at);
  SHDR_PUT(&l, entries + names_index * entry_size, sh_size, names_size);
  unsigned char *added = entries + count * entry_size;
  SHDR_PUT(&l, added, sh_name, old_names_size);
  SHDR_PUT(&l, added, sh_type, SHT_PROGBITS);
  SHDR_PUT(&l, added, sh_offset, data_at);
  SHDR_PUT(&l, added, sh_size, size);
  SHDR_PUT(&l, added, sh_addralign, 1);
  memcpy(header, image, header_size);
  EHDR_PUT(&l, header, e_shoff, table_at);
  if (count + 1 >= SHN_LORESERVE) {
    EHDR_PUT(&l, header, e_shnum, 0);
    SHDR_PUT(&l, entries, sh_size, count + 1);
  } else {
    EHDR_PUT(&l, header, e_shnum, count + 1);
  }
  int status = write_all(fd, tail, tail_size, (off_t)names_at) == 0 &&
               write_all(fd, header, header_size, 0) == 0;
  free(tail);
  free(header);
  if (!status) {
    *why = "cannot write the file";
    return -1;
  }
  return 0;
}

int dosc_elf_add_section(const char *path, const char *name, const void *data, size_t size,
                         const char **why) {
  size_t file_size = 0;
  unsigned char *image = dosc_read_regular_file(path, &file_size);
  int fd = image ? open(path, O_WRONLY | O_CLOEXEC) : -1;
  if (fd < 0) {
    free(image);
    *why = "cannot read or write the file";
    return -1;
  }
  int result = add_section(fd, image, file_size, name, data, size, why);
  free(image);
  if (close(fd) != 0 && result == 0) {
    *why = "cannot write the file";
    result = -1;
  }
  return result;
}
