/* footprint_read.c - reading a footprint that may reach past its array (see footprint_read.h).
 *
 * The kernel reads for us: process_vm_readv from this process's own pid
 * copies what is readable and stops at the first page it cannot read,
 * reporting how far it got instead of raising SIGSEGV. Each remote piece is
 * at most one page, so a short read always ends at a page boundary (the
 * kernel may stop inside a piece or refuse a whole piece that faults part
 * way; with one page a piece, both mean the same), and the unreadable page
 * is zeroed and skipped. Where process_vm_readv is refused (a seccomp filter,
 * an old kernel), /proc/self/mem is read instead, which fails with EIO on
 * an unmapped page (it may read a PROT_NONE page's contents: harmless, the
 * task does not look at them). Only footprints that may overshoot pay for
 * this: an exact one is sent from the caller's memory as before.
 */
#define _GNU_SOURCE
#include "footprint_read.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

/* Pieces per process_vm_readv call (the kernel's UIO_MAXIOV). */
#define PIECES 1024

enum {
  METHOD_UNKNOWN = 0,
  METHOD_VM_READV = DOSC_READ_VM,
  METHOD_PROC_MEM = DOSC_READ_PROC_MEM,
  METHOD_NONE
};

static atomic_int method;        /* METHOD_*: how this process reads, found at the first read */
static atomic_int proc_mem = -1; /* /proc/self/mem, opened once */

static size_t page_size(void) {
  static atomic_size_t size;
  size_t known = atomic_load_explicit(&size, memory_order_relaxed);
  if (known == 0) {
    long page = sysconf(_SC_PAGESIZE);
    known = page > 0 ? (size_t)page : 4096;
    atomic_store_explicit(&size, known, memory_order_relaxed);
  }
  return known;
}

/* Reads from `from` into `to` up to `bytes`, stopping at the first page that
 * cannot be read. Returns the bytes read (a short count ends at a page
 * boundary), or -1 if the method itself is refused. */
static long long read_vm(char *to, const char *from, size_t bytes) {
  size_t page = page_size();
  struct iovec local = {to, 0};
  struct iovec pieces[PIECES];
  int count = 0;
  size_t at = 0;
  while (count < PIECES && at < bytes) {
    uintptr_t address = (uintptr_t)from + at;
    size_t length = page - address % page;
    if (length > bytes - at) length = bytes - at;
    pieces[count++] = (struct iovec){(void *)address, length};
    at += length;
  }
  local.iov_len = at;
  ssize_t got = process_vm_readv(getpid(), &local, 1, pieces, (unsigned long)count, 0);
  if (got >= 0) return got;
  if (errno == EFAULT || errno == ENOMEM) return 0; /* the first page cannot be read */
  return -1;                                        /* ENOSYS, EPERM: not allowed here */
}

static long long read_proc_mem(char *to, const char *from, size_t bytes) {
  int fd = atomic_load_explicit(&proc_mem, memory_order_acquire);
  if (fd < 0) {
    int opened = open("/proc/self/mem", O_RDONLY | O_CLOEXEC);
    if (opened < 0) return -1;
    int expected = -1;
    if (!atomic_compare_exchange_strong(&proc_mem, &expected, opened)) {
      close(opened); /* another thread opened it first */
      opened = expected;
    }
    fd = opened;
  }
  /* One page at most: a short or failed read then means that page. */
  size_t page = page_size();
  size_t length = page - (uintptr_t)from % page;
  if (length > bytes) length = bytes;
  size_t done = 0;
  while (done < bytes) {
    ssize_t got = pread(fd, to + done, length, (off_t)(uintptr_t)(from + done));
    if (got <= 0) return got < 0 && errno != EIO && errno != EFAULT ? -1 : (long long)done;
    done += (size_t)got;
    if ((size_t)got < length) return (long long)done;
    length = bytes - done < page ? bytes - done : page;
  }
  return (long long)done;
}

/* How this process reads without faults: found once, by reading a byte it
 * surely can (racing threads find the same). */
static int fault_free_method(void) {
  int how = atomic_load_explicit(&method, memory_order_relaxed);
  if (how != METHOD_UNKNOWN) return how;
  static const char probe = 1;
  char byte;
  if (read_vm(&byte, &probe, 1) == 1)
    how = METHOD_VM_READV;
  else if (read_proc_mem(&byte, &probe, 1) == 1)
    how = METHOD_PROC_MEM;
  else
    how = METHOD_NONE;
  atomic_store_explicit(&method, how, memory_order_relaxed);
  return how;
}

int dosc_reads_without_faults(void) {
  return fault_free_method() != METHOD_NONE;
}

long long dosc_read_without_faults(void *to, const void *from, size_t bytes) {
  int how = fault_free_method();
  return how == METHOD_NONE ? -1 : dosc_read_without_faults_by(how, to, from, bytes);
}

long long dosc_read_without_faults_by(int how, void *to, const void *from, size_t bytes) {
  char *target = to;
  const char *source = from;
  size_t page = page_size();
  size_t done = 0;
  long long unreadable = 0;
  while (done < bytes) {
    long long got = how == METHOD_VM_READV
                        ? read_vm(target + done, source + done, bytes - done)
                        : read_proc_mem(target + done, source + done, bytes - done);
    if (got < 0) return -1;
    done += (size_t)got;
    if (got > 0) continue; /* a short read stops at a page boundary: the next call tells */
    /* The page at `done` cannot be read: zeros, and on past it. */
    size_t skip = page - (uintptr_t)(source + done) % page;
    if (skip > bytes - done) skip = bytes - done;
    memset(target + done, 0, skip);
    done += skip;
    unreadable += (long long)skip;
  }
  return unreadable;
}

/* The part of [from, from + bytes), parameter `param`'s footprint, on pages
 * that the elements the task surely touches cover (site->touched): readable,
 * since those elements lie in the task's object. Empty ([from, from)) when
 * none are known. */
static inline __attribute__((always_inline)) void sure_pages(const dosc_remote_site *site,
                                                             const void *args, int param,
                                                             uintptr_t from, size_t bytes,
                                                             uintptr_t *lo, uintptr_t *hi) {
  *lo = *hi = from;
  if (site->touched == NULL || param >= site->param_count) return;
  dosc_region touched[site->param_count];
  /* Only this parameter's entry is read: the function stores the entries
   * it knows and leaves the others (this runs at every remote spawn). */
  touched[param].first = touched[param].count = 0;
  site->touched(args, touched);
  const dosc_region *t = &touched[param];
  const dosc_remote_param *p = &site->params[param];
  void *base;
  memcpy(&base, (const char *)args + p->offset, sizeof base);
  long long offset, length;
  if (t->count <= 0 || __builtin_mul_overflow(t->first, (long long)p->element_size, &offset) ||
      __builtin_mul_overflow(t->count, (long long)p->element_size, &length))
    return;
  uintptr_t first = (uintptr_t)base + (uintptr_t)offset, end = first + (uintptr_t)length;
  /* Inside the footprint, as a cover of some of its accesses always is. */
  if (first < from || end > from + bytes || end < first) return;
  /* A page is a power of two: masks, not divisions (this runs at every
   * spawn of a remote task, and a 64-bit division costs some 30 cycles). */
  uintptr_t mask = (uintptr_t)page_size() - 1;
  *lo = first & ~mask;
  *hi = (end + mask) & ~mask;
  if (*lo < from) *lo = from;
  if (*hi > from + bytes) *hi = from + bytes;
}

const char *dosc_footprint_unshippable(const dosc_remote_site *site, const void *args, int param) {
  if (fault_free_method() != METHOD_NONE) return NULL;
  dosc_region regions[site->param_count > 0 ? site->param_count : 1];
  if (site->footprint(args, regions) != 0) return NULL; /* check_task says so already */
  const dosc_remote_param *p = &site->params[param];
  void *base;
  memcpy(&base, (const char *)args + p->offset, sizeof base);
  uintptr_t from = (uintptr_t)base + (uintptr_t)(regions[param].first * (long long)p->element_size);
  size_t bytes = (size_t)regions[param].count * p->element_size;
  uintptr_t lo, hi;
  sure_pages(site, args, param, from, bytes, &lo, &hi);
  if (lo == from && hi == from + bytes) return NULL;
  return "a footprint that may reach past its array, which this process cannot read safely";
}

/* Once per process, under DOSC_TRACE: the first footprint shipped with bytes
 * rank 0 could not read, so a run says why its bytes are what they are. */
static void trace_unreadable(const dosc_remote_site *site, int param, long long unreadable) {
  static atomic_int said;
  if (!dosc_remote.trace || atomic_exchange(&said, 1)) return;
  fprintf(stderr,
          "dosc: rank 0: '%s' parameter %d: %lld bytes of its footprint (an upper bound) lie "
          "outside readable memory: shipped as zeros, which the task does not read\n",
          site->task, param + 1, unreadable);
}

void dosc_send_footprint(dosc_data_stream *out, const dosc_remote_site *site, const void *args,
                         int param, const void *from, size_t bytes) {
  uintptr_t start = (uintptr_t)from, lo, hi;
  sure_pages(site, args, param, start, bytes, &lo, &hi);
  if (lo == start && hi == start + bytes) {
    dosc_send_data(out, from, bytes, NULL); /* all on readable pages (empty too) */
    return;
  }
  /* Inline: read straight into the task's message; else into a copy sent on its own. */
  unsigned char *copy = out->inline_data != NULL ? out->inline_data : malloc(bytes);
  if (copy == NULL) dosc_remote_fail(0, "no memory for a copy of %zu bytes", bytes);
  long long before = dosc_read_without_faults(copy, from, lo - start);
  dosc_copy_shipped(copy + (lo - start), (const void *)lo, hi - lo);
  long long after =
      dosc_read_without_faults(copy + (hi - start), (const void *)hi, start + bytes - hi);
  if (before < 0 || after < 0) {
    /* No fault-free read now, though there was one at start-up (where
     * check_task keeps tasks here when there is none): a sandbox the program
     * set up later (seccomp). A plain copy, right unless the footprint, wider
     * than the task's accesses, reaches an unreadable page. */
    dosc_copy_shipped(copy, from, bytes);
  } else if (before + after > 0) {
    trace_unreadable(site, param, before + after);
  }
  if (out->inline_data != NULL) {
    out->inline_data += bytes;
  } else {
    dosc_send_data(out, copy, bytes, copy);
  }
}
