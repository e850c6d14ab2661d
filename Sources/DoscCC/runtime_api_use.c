/* runtime_api_use.c - whether an object calls the runtime's user API (dosc.h).
 *
 * A file without pragmas uses the runtime when it calls dosc_thread_count() and the like:
 * compiled with __DOSC__ defined (by dosc cc, for a file that includes <dosc.h>; or by the
 * user's own flags, `pkg-config --cflags dosc`, for a file that gets the header through
 * another), dosc.h declares them, and the object refers to them, undefined. Its fragment then
 * says "uses_runtime", so a link adds and starts the runtime, site or not.
 */
#include "dosc_cc.h"

#include "DoscELF.h"

#include <elf.h>
#include <stddef.h>
#include <string.h>

/* The functions dosc.h declares with DOSC_USER_API (a test checks this list against it). */
const char *const dosc_runtime_api[] = {"dosc_thread_count", "dosc_node_count", "dosc_node_rank",
                                        NULL};

static int is_runtime_api(const unsigned char *name, size_t room) {
  for (const char *const *api = dosc_runtime_api; *api; api++) {
    size_t length = strlen(*api);
    if (length < room && memcmp(name, *api, length) == 0 && name[length] == '\0') return 1;
  }
  return 0;
}

int dosc_object_calls_runtime_api(const unsigned char *image, size_t size) {
  size_t symbols, symbols_size, names, names_size;
  const char *why = NULL;
  /* Relocatable objects name their symbol table and its strings so (gcc, clang, as). */
  if (dosc_elf_find_section(image, size, ".symtab", &symbols, &symbols_size, &why) != 1 ||
      dosc_elf_find_section(image, size, ".strtab", &names, &names_size, &why) != 1)
    return 0;
  int is64 = image[EI_CLASS] == ELFCLASS64, big_endian = image[EI_DATA] == ELFDATA2MSB;
  size_t entry = is64 ? sizeof(Elf64_Sym) : sizeof(Elf32_Sym);
  size_t name_at = is64 ? offsetof(Elf64_Sym, st_name) : offsetof(Elf32_Sym, st_name);
  size_t index_at = is64 ? offsetof(Elf64_Sym, st_shndx) : offsetof(Elf32_Sym, st_shndx);
  for (size_t at = symbols; at + entry <= symbols + symbols_size; at += entry) {
    uint64_t name = dosc_elf_uint(image + at + name_at, 4, big_endian);
    uint64_t section = dosc_elf_uint(image + at + index_at, 2, big_endian);
    if (section == SHN_UNDEF && name > 0 && name < names_size &&
        is_runtime_api(image + names + name, names_size - (size_t)name))
      return 1;
  }
  return 0;
}
