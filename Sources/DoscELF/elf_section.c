/* The runtime's ELF section finder, compiled into the Swift tool as well, so that the tool
 * reads objects and archive members with the code the runtime reads its own executable with.
 * This file only includes it: Runtime/src/elf_section.c is the one copy. */
#include "../../Runtime/src/elf_section.c"
