/* footprint_buffer_test - src/footprint_buffer.c alone: a serving rank's
 * buffer for a footprint of 2 MiB or more is a mapping of its own, aligned
 * to 2 MiB and eligible for transparent huge pages (where the kernel has
 * them), kept once freed and handed out again; a small one, one past the
 * table or one that would keep too much comes from malloc or is unmapped.
 * Prints "footprint_buffer: N checks, 0 failed". */
#include "test_util.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "footprint_buffer.h"

/* 1 if the page at `address` is mapped (mincore fails with ENOMEM if not). */
static int mapped(const void *address) {
  unsigned char vector;
  return mincore((void *)((uintptr_t)address & ~(uintptr_t)4095), 4096, &vector) == 0 ||
         errno != ENOMEM;
}

/* The kernel's transparent huge pages setting: 1 unless it is [never]. */
static int huge_pages_on(void) {
  FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
  if (f == NULL) return 0;
  char text[128] = "";
  if (fgets(text, sizeof text, f) == NULL) text[0] = '\0';
  fclose(f);
  return strstr(text, "[never]") == NULL && text[0] != '\0';
}

/* THPeligible of the mapping holding `address` in /proc/self/smaps, or -1. */
static int huge_page_eligible(const void *address) {
  FILE *f = fopen("/proc/self/smaps", "r");
  if (f == NULL) return -1;
  char line[512];
  int inside = 0, eligible = -1;
  while (fgets(line, sizeof line, f) != NULL) {
    unsigned long lo, hi;
    if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2 && strchr(line, '-') < strchr(line, ' ')) {
      inside = (uintptr_t)address >= lo && (uintptr_t)address < hi;
    } else if (inside && sscanf(line, "THPeligible: %d", &eligible) == 1) {
      break;
    }
  }
  fclose(f);
  return eligible;
}

int main(void) {
  const size_t mib = 1u << 20;

  unsigned char *small = dosc_footprint_buffer(100);
  EXPECT(small != NULL && !dosc_footprint_buffer_mapped(small), "a small footprint from malloc");
  memset(small, 1, 100);
  dosc_footprint_buffer_free(small);
  unsigned char *none = dosc_footprint_buffer(0);
  EXPECT(none != NULL, "an empty footprint still has a buffer");
  dosc_footprint_buffer_free(none);
  dosc_footprint_buffer_free(NULL);

  unsigned char *big = dosc_footprint_buffer(8 * mib + 8);
  EXPECT(big != NULL && dosc_footprint_buffer_mapped(big), "8 MiB: a mapping of its own");
  EXPECT(((uintptr_t)big & (2 * mib - 1)) == 0, "aligned to 2 MiB: %p", (void *)big);
  memset(big, 7, 8 * mib + 8); /* all of it writable, the rounded-up tail too */
  if (huge_pages_on())
    EXPECT(huge_page_eligible(big) == 1, "advised as huge pages (THPeligible %d)",
           huge_page_eligible(big));
  dosc_footprint_buffer_free(big);
  EXPECT(mapped(big) && !dosc_footprint_buffer_mapped(big), "kept once freed");
  unsigned char *again = dosc_footprint_buffer(8 * mib);
  EXPECT(again == big, "the kept mapping handed out again");
  EXPECT(again[8 * mib - 1] == 7, "its pages kept too (no fresh zeroed pages)");
  unsigned char *second = dosc_footprint_buffer(3 * mib);
  EXPECT(second != NULL && second != big && dosc_footprint_buffer_mapped(second),
         "a second one while the first is in use");
  dosc_footprint_buffer_free(second);
  dosc_footprint_buffer_free(again);
  unsigned char *fits = dosc_footprint_buffer(3 * mib);
  EXPECT(fits == second, "the smallest kept mapping that fits");
  dosc_footprint_buffer_free(fits);

  /* One that would keep more than DOSC_FOOTPRINT_KEEP_BYTES is unmapped when freed. */
  size_t huge = (size_t)DOSC_FOOTPRINT_KEEP_BYTES + 2 * mib;
  unsigned char *large = dosc_footprint_buffer(huge);
  EXPECT(large != NULL && dosc_footprint_buffer_mapped(large), "a large footprint mapped");
  large[huge - 1] = 1;
  dosc_footprint_buffer_free(large);
  EXPECT(!mapped(large) && !mapped(large + huge - 1), "too large to keep: unmapped");

  /* More buffers in use than the table holds: the rest from malloc. */
  enum { MANY = 36 };
  unsigned char *many[MANY];
  int from_table = 0;
  for (int i = 0; i < MANY; i++) {
    many[i] = dosc_footprint_buffer(2 * mib);
    from_table += dosc_footprint_buffer_mapped(many[i]);
    many[i][2 * mib - 1] = (unsigned char)i;
  }
  EXPECT(from_table > 0 && from_table < MANY, "%d of %d from the table", from_table, MANY);
  int intact = 1;
  for (int i = 0; i < MANY; i++)
    intact &= many[i][2 * mib - 1] == (unsigned char)i;
  EXPECT(intact, "each buffer its own");
  for (int i = 0; i < MANY; i++)
    dosc_footprint_buffer_free(many[i]);

  printf("footprint_buffer: %d checks, %d failed\n", test_checks, test_failures);
  return test_failures == 0 ? 0 : 1;
}
