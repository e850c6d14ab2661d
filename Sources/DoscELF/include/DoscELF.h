/* The runtime's ELF section finder for Swift: Runtime/src/elf_section.h, the one copy. */
#include "../../../Runtime/src/elf_section.h"
