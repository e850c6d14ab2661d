/* elf_section.c - finding a named section in the bytes of an ELF file.
 *
 * The file may come from anywhere (an object someone handed to `dosc cc`, an
 * executable with a damaged section table), so nothing in it is trusted:
 * every field is read byte by byte in the file's own byte order (no
 * alignment assumed) and every offset and size is checked against the bytes
 * there are before it is used. The layouts are <elf.h>'s.
 */
#include "elf_section.h"

#include <elf.h>
#include <stdint.h>
#include <string.h>

typedef struct elf_file {
  const unsigned char *image;
  uint64_t size;
  int is64;       /* ELFCLASS64, else ELFCLASS32 */
  int big_endian; /* ELFDATA2MSB, else ELFDATA2LSB */
} elf_file;

/* A field of the file header, or of the section header at `at`, in either class.
 * Callers have checked that the whole header lies inside the image. */
#define FIELD_AT(elf, at, type32, type64, member)                                                  \
  ((elf)->is64 ? dosc_elf_uint((elf)->image + (at) + offsetof(type64, member),                     \
                               sizeof(((type64 *)0)->member), (elf)->big_endian)                   \
               : dosc_elf_uint((elf)->image + (at) + offsetof(type32, member),                     \
                               sizeof(((type32 *)0)->member), (elf)->big_endian))
#define HEADER(elf, member)      FIELD_AT(elf, 0, Elf32_Ehdr, Elf64_Ehdr, member)
#define SECTION(elf, at, member) FIELD_AT(elf, at, Elf32_Shdr, Elf64_Shdr, member)

/* Whether [offset, offset + length) lies inside the image, without overflow. */
static int inside(const elf_file *elf, uint64_t offset, uint64_t length) {
  return offset <= elf->size && length <= elf->size - offset;
}

int dosc_elf_find_section(const unsigned char *image, size_t size, const char *name, size_t *offset,
                          size_t *length, const char **why) {
  elf_file elf = {image, size, 0, 0};
  if (size < EI_NIDENT || memcmp(image, ELFMAG, SELFMAG) != 0 ||
      (image[EI_CLASS] != ELFCLASS32 && image[EI_CLASS] != ELFCLASS64) ||
      (image[EI_DATA] != ELFDATA2LSB && image[EI_DATA] != ELFDATA2MSB)) {
    *why = "not an ELF file";
    return -1;
  }
  elf.is64 = image[EI_CLASS] == ELFCLASS64;
  elf.big_endian = image[EI_DATA] == ELFDATA2MSB;
  if (!inside(&elf, 0, elf.is64 ? sizeof(Elf64_Ehdr) : sizeof(Elf32_Ehdr))) {
    *why = "truncated ELF header";
    return -1;
  }
  uint64_t table = HEADER(&elf, e_shoff);
  uint64_t entry_size = HEADER(&elf, e_shentsize);
  uint64_t count = HEADER(&elf, e_shnum);
  uint64_t names_index = HEADER(&elf, e_shstrndx);
  if (table == 0) return 0; /* no section table at all */
  if (entry_size < (elf.is64 ? sizeof(Elf64_Shdr) : sizeof(Elf32_Shdr)) ||
      !inside(&elf, table, entry_size)) {
    *why = "malformed section header table";
    return -1;
  }
  /* More than SHN_LORESERVE sections (-ffunction-sections on a large file):
   * the real count and string table index are in section 0 (ELF gABI). */
  if (count == 0) count = SECTION(&elf, table, sh_size);
  if (names_index == SHN_XINDEX) names_index = SECTION(&elf, table, sh_link);
  if (count > (elf.size - table) / entry_size || names_index >= count) {
    *why = "section header table past the end of the file";
    return -1;
  }
  uint64_t names_header = table + names_index * entry_size;
  uint64_t names = SECTION(&elf, names_header, sh_offset);
  uint64_t names_size = SECTION(&elf, names_header, sh_size);
  if (SECTION(&elf, names_header, sh_type) == SHT_NOBITS || !inside(&elf, names, names_size)) {
    *why = "section name table past the end of the file";
    return -1;
  }
  size_t name_length = strlen(name);
  for (uint64_t index = 0; index < count; index++) {
    uint64_t header = table + index * entry_size;
    uint64_t name_offset = SECTION(&elf, header, sh_name);
    /* The name must be `name` followed by its NUL, all inside the name table. */
    if (name_offset >= names_size || names_size - name_offset <= name_length ||
        memcmp(image + names + name_offset, name, name_length) != 0 ||
        image[names + name_offset + name_length] != '\0')
      continue;
    uint64_t contents = SECTION(&elf, header, sh_offset);
    uint64_t contents_size = SECTION(&elf, header, sh_size);
    if (SECTION(&elf, header, sh_type) == SHT_NOBITS || !inside(&elf, contents, contents_size)) {
      *why = "section contents past the end of the file";
      return -1;
    }
    *offset = (size_t)contents;
    *length = (size_t)contents_size;
    return 1;
  }
  return 0;
}
