/* footprint_read_test - src/footprint_read.c alone: a footprint that reaches
 * past its array into a PROT_NONE guard page or an unmapped page is read
 * without a fault, every readable byte as it is and every unreadable one as
 * 0, and the unreadable bytes are counted; by each of the two ways of reading
 * (process_vm_readv, /proc/self/mem). Prints "footprint_read: N checks, 0 failed". */
#include "test_util.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "footprint_read.h"

#define PAGES 6

static long page;
static unsigned char *region; /* pages 0, 2, 3, 5 readable; 1 PROT_NONE; 4 unmapped */
static unsigned char *copy;

static int readable(size_t offset) {
  size_t p = offset / (size_t)page;
  return p != 1 && p != 4;
}

/* Reads [offset, offset + bytes) of the region by `how` and checks every byte. */
static void check_read(const char *name, int how, size_t offset, size_t bytes) {
  memset(copy, 0xEE, bytes);
  long long unreadable = dosc_read_without_faults_by(how, copy, region + offset, bytes);
  long long expected = 0, wrong = -1;
  for (size_t i = 0; i < bytes; i++) {
    /* /proc/self/mem may read a PROT_NONE page: then its bytes are the region's. */
    int readable_here = readable(offset + i);
    int protected_page = (offset + i) / (size_t)page == 1;
    unsigned char pattern = (unsigned char)((offset + i) * 7);
    if (!readable_here && !(how == DOSC_READ_PROC_MEM && protected_page)) expected++;
    int right = readable_here                                 ? copy[i] == pattern
                : how == DOSC_READ_PROC_MEM && protected_page ? copy[i] == 0 || copy[i] == pattern
                                                              : copy[i] == 0;
    if (!right && wrong < 0) wrong = (long long)i;
  }
  if (how == DOSC_READ_PROC_MEM) {
    /* A PROT_NONE page may or may not count: between the two. */
    long long none = 0;
    for (size_t i = 0; i < bytes; i++)
      none += (offset + i) / (size_t)page == 1;
    EXPECT(unreadable >= expected && unreadable <= expected + none,
           "%s (/proc/self/mem): %lld unreadable, wanted %lld to %lld", name, unreadable, expected,
           expected + none);
  } else {
    EXPECT(unreadable == expected, "%s: %lld unreadable, wanted %lld", name, unreadable, expected);
  }
  EXPECT(wrong < 0, "%s (way %d): byte %lld wrong", name, how, wrong);
}

/* A site of one `double *` parameter whose surely touched elements are `sure`. */
struct args {
  double *a0;
};
static dosc_region sure;
static void touched(const void *args, dosc_region *t) {
  (void)args;
  t[0] = sure;
}
static const dosc_remote_param one_param[] = {{0, sizeof(double), DOSC_ACCESS_READ, 0, 8, 0}};

/* Sends the footprint [first, first + count) (doubles from the region's start) as a task's
 * inline data, with `sure_first`/`sure_count` surely touched (count 0: none known), and checks
 * the bytes sent: the region's where readable, 0 where not. */
static void check_send(const char *name, long long first, long long count, long long sure_first,
                       long long sure_count) {
  dosc_remote_site site = {0};
  site.param_count = 1;
  site.params = one_param;
  site.task = "test";
  site.touched = touched;
  sure = (dosc_region){sure_first, sure_count, 0, 0};
  struct args args = {(double *)region};
  size_t bytes = (size_t)count * sizeof(double);
  memset(copy, 0xEE, bytes);
  dosc_data_stream out = {1, copy, 0};
  dosc_send_footprint(&out, &site, &args, 0, region + first * (long long)sizeof(double), bytes);
  EXPECT(out.inline_data == copy + bytes, "%s: %td bytes sent, wanted %zu", name,
         out.inline_data - copy, bytes);
  long long wrong = -1;
  for (size_t i = 0; i < bytes && wrong < 0; i++) {
    size_t offset = (size_t)first * sizeof(double) + i;
    unsigned char want = readable(offset) ? (unsigned char)(offset * 7) : 0;
    /* /proc/self/mem, if that is the way here, may read a PROT_NONE page as it is. */
    if (copy[i] != want && !(offset / (size_t)page == 1 && copy[i] == (unsigned char)(offset * 7)))
      wrong = (long long)i;
  }
  EXPECT(wrong < 0, "%s: byte %lld wrong", name, wrong);
}

int main(void) {
  page = sysconf(_SC_PAGESIZE);
  region = mmap(NULL, (size_t)(PAGES * page), PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
                -1, 0);
  copy = malloc((size_t)(PAGES * page));
  if (region == MAP_FAILED || copy == NULL) return 1;
  for (size_t i = 0; i < (size_t)(PAGES * page); i++)
    region[i] = (unsigned char)(i * 7);
  mprotect(region + page, (size_t)page, PROT_NONE);
  munmap(region + 4 * page, (size_t)page);

  for (int how = DOSC_READ_VM; how <= DOSC_READ_PROC_MEM; how++) {
    check_read("inside readable pages", how, 2 * (size_t)page + 5, 2 * (size_t)page - 100);
    check_read("one element past the end, into an unmapped page", how, 4 * (size_t)page - 80, 88);
    check_read("one element before the start, in a guard page", how, 2 * (size_t)page - 8, 808);
    check_read("holes inside", how, 3, PAGES * (size_t)page - 6);
    check_read("only unreadable", how, 4 * (size_t)page + 16, 64);
    check_read("nothing", how, 0, 0);
  }
  /* The default way reads the same as the first. */
  EXPECT(dosc_read_without_faults(copy, region + 3 * page, 2 * (size_t)page) == (long long)page,
         "the default way: page 4 unreadable");

  /* More pages than one process_vm_readv call takes (1024), ending at a guard page. */
  size_t big_pages = 1100;
  unsigned char *big = mmap(NULL, (big_pages + 1) * (size_t)page, PROT_READ | PROT_WRITE,
                            MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  unsigned char *big_copy = malloc((big_pages + 1) * (size_t)page);
  if (big == MAP_FAILED || big_copy == NULL) return 1;
  for (size_t i = 0; i < big_pages * (size_t)page; i++)
    big[i] = (unsigned char)(i % 251);
  mprotect(big + big_pages * page, (size_t)page, PROT_NONE);
  long long unreadable =
      dosc_read_without_faults_by(DOSC_READ_VM, big_copy, big + 8, big_pages * (size_t)page);
  EXPECT(unreadable == 8, "%zu pages and 8 bytes past: %lld unreadable", big_pages, unreadable);
  EXPECT(memcmp(big_copy, big + 8, big_pages * (size_t)page - 8) == 0, "big: bytes differ");

  /* Shipping a footprint: exact (what is surely touched is all of it), one element past the
   * end into the unmapped page, one before the start in the guard page, with holes and nothing
   * surely touched, and with what is touched on another page than the overshoot. */
  long long d = page / (long long)sizeof(double); /* doubles per page */
  check_send("exact", 2 * d, 2 * d, 2 * d, 2 * d);
  check_send("one past the end", 4 * d - 8, 9, 4 * d - 8, 8);
  check_send("one before the start", 2 * d - 1, 9, 2 * d, 8);
  check_send("nothing surely touched", 1, PAGES * d - 2, 0, 0);
  check_send("touched a page away", 3 * d + 1, d, 3 * d + 1, 2);

  /* Without a fault-free way to read, a footprint that may reach past what is surely touched
   * stays on rank 0; this process has one. */
  dosc_remote_site site = {0};
  site.param_count = 1;
  site.params = one_param;
  EXPECT(dosc_footprint_unshippable(&site, NULL, 0) == NULL, "this process reads without faults");

  printf("footprint_read: %d checks, %d failed\n", test_checks, test_failures);
  return test_failures != 0;
}
