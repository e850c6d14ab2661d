/* Support code linked into a program built by scripts/footprint-oracle.py (never into a dosc
   build). The oracle runs the program under valgrind's lackey, which prints every load and
   store but no values; this file tells the oracle what the addresses mean:
   - each event (a task invocation's entry or exit, a heap block allocated or freed) is one
     line written to the file named by $DOSC_ORACLE_EVENTS, followed by a store to
     `__oracle_event`: the k-th such store in the trace is the k-th line of the file;
   - the bookkeeping itself runs between a store to `__oracle_mute_on` and one to
     `__oracle_mute_off`, and the oracle ignores the accesses in between;
   - memcpy, memmove and memset (linked with -Wl,--wrap) copy byte by byte, so that every byte
     they touch is one traced access: glibc's versions load overlapping words and read tuning
     globals, which would look like accesses outside a footprint. */
#include <fcntl.h>
#include <stddef.h>
#include <stdlib.h>
#include <unistd.h>

volatile char __oracle_mute_on, __oracle_mute_off, __oracle_event;

static int events_fd = -1;
static char line[4096];
static size_t length;

static void put_char(char c) {
  if (length + 1 < sizeof line) line[length++] = c;
}

static void put_text(const char *text) {
  while (*text) put_char(*text++);
}

static void put_unsigned(unsigned long long value) {
  char digits[24];
  int n = 0;
  do {
    digits[n++] = (char)('0' + value % 10);
    value /= 10;
  } while (value);
  while (n) put_char(digits[--n]);
}

/* Ends the line, writes it, and marks the event in the trace. */
static void emit(void) {
  put_char('\n');
  if (events_fd < 0) {
    const char *path = getenv("DOSC_ORACLE_EVENTS");
    events_fd = path ? open(path, O_WRONLY | O_CREAT | O_TRUNC | O_APPEND, 0600) : 2;
  }
  size_t done = 0;
  while (done < length) {
    ssize_t n = write(events_fd, line + done, length - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
  length = 0;
  __oracle_event = 1;
}

/* Task entry: "E task-index stack-top" then one field per parameter, written by the calls
   below, then __oracle_end_entry. */
void __oracle_begin_entry(int task, void *stack_top) {
  length = 0;
  put_text("E ");
  put_unsigned((unsigned long long)task);
  put_char(' ');
  put_unsigned((unsigned long long)(size_t)stack_top);
}

void __oracle_arg_pointer(const volatile void *value) {
  put_text(" p");
  put_unsigned((unsigned long long)(size_t)value);
}

/* An integer argument, as its bits and whether its type is signed. */
void __oracle_arg_integer(unsigned long long bits, int is_signed) {
  put_text(is_signed ? " s" : " u");
  put_unsigned(bits);
}

void __oracle_arg_unused(void) { put_text(" -"); }

/* An argument whose spelling does not say what it is (a typedef: `real_ptr a`): a pointer if
   the compiler classifies its type as one (__builtin_classify_type's pointer class, 5). */
void __oracle_arg_classified(const volatile void *address, unsigned long size, int type_class) {
  if (type_class == 5 && size == sizeof(void *))
    __oracle_arg_pointer(*(void *const volatile *)address);
  else
    __oracle_arg_unused();
}

void __oracle_end_entry(void) { emit(); }

void __oracle_exit(int task) {
  length = 0;
  put_text("X ");
  put_unsigned((unsigned long long)task);
  emit();
}

static void allocated(void *block, size_t size) {
  if (!block) return;
  length = 0;
  put_text("A ");
  put_unsigned((unsigned long long)(size_t)block);
  put_char(' ');
  put_unsigned((unsigned long long)size);
  emit();
}

static void freed(void *block) {
  if (!block) return;
  length = 0;
  put_text("F ");
  put_unsigned((unsigned long long)(size_t)block);
  emit();
}

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
void __real_free(void *);

void *__wrap_malloc(size_t size) {
  __oracle_mute_on = 1;
  void *block = __real_malloc(size);
  allocated(block, size);
  __oracle_mute_off = 1;
  return block;
}

void *__wrap_calloc(size_t count, size_t size) {
  __oracle_mute_on = 1;
  void *block = __real_calloc(count, size);
  allocated(block, count * size);
  __oracle_mute_off = 1;
  return block;
}

void *__wrap_realloc(void *old, size_t size) {
  __oracle_mute_on = 1;
  void *block = __real_realloc(old, size);
  if (block || size == 0) freed(old);
  allocated(block, size);
  __oracle_mute_off = 1;
  return block;
}

void __wrap_free(void *block) {
  __oracle_mute_on = 1;
  freed(block);
  __real_free(block);
  __oracle_mute_off = 1;
}

void *__wrap_memcpy(void *to, const void *from, size_t n) {
  for (size_t i = 0; i < n; i++) ((volatile char *)to)[i] = ((const volatile char *)from)[i];
  return to;
}

void *__wrap_memmove(void *to, const void *from, size_t n) {
  if ((const char *)to < (const char *)from)
    for (size_t i = 0; i < n; i++) ((volatile char *)to)[i] = ((const volatile char *)from)[i];
  else
    for (size_t i = n; i > 0; i--) ((volatile char *)to)[i - 1] = ((const volatile char *)from)[i - 1];
  return to;
}

void *__wrap_memset(void *to, int c, size_t n) {
  for (size_t i = 0; i < n; i++) ((volatile char *)to)[i] = (char)c;
  return to;
}
