/* write_back.c - the twin/diff of a remote task's written footprints (see write_back.h). */
#include "write_back.h"

#include <stdlib.h>
#include <string.h>

/* 1 if the granules at a and b hold the same bytes. */
static inline int same(const unsigned char *a, const unsigned char *b, size_t granule) {
  switch (granule) {
  case 8: {
    uint64_t x, y;
    memcpy(&x, a, 8);
    memcpy(&y, b, 8);
    return x == y;
  }
  case 4: {
    uint32_t x, y;
    memcpy(&x, a, 4);
    memcpy(&y, b, 4);
    return x == y;
  }
  case 1:
    return *a == *b;
  default:
    return memcmp(a, b, granule) == 0;
  }
}

/* How many of `count` granules from a and b are the same: one branch-free
 * loop per common granule, so that a block that changed (or did not) as a
 * whole costs a streaming compare, not a branch per element. */
static size_t count_same(const unsigned char *a, const unsigned char *b, size_t count,
                         size_t granule) {
  size_t n = 0;
  if (granule == 8) {
    for (size_t k = 0; k < count; k++) {
      uint64_t x, y;
      memcpy(&x, a + 8 * k, 8);
      memcpy(&y, b + 8 * k, 8);
      n += x == y;
    }
  } else if (granule == 4) {
    for (size_t k = 0; k < count; k++) {
      uint32_t x, y;
      memcpy(&x, a + 4 * k, 4);
      memcpy(&y, b + 4 * k, 4);
      n += x == y;
    }
  } else {
    for (size_t k = 0; k < count; k++)
      n += same(a + granule * k, b + granule * k, granule);
  }
  return n;
}

/* Runs of changed granules, in bytes, ascending and apart. */
typedef struct run_list {
  uint32_t *pairs; /* offset, length */
  size_t runs, capacity;
} run_list;

static int add_run(run_list *list, size_t offset, size_t length) {
  if (list->runs == list->capacity) {
    size_t capacity = list->capacity == 0 ? 16 : list->capacity * 2;
    uint32_t *pairs = realloc(list->pairs, capacity * 2 * sizeof *pairs);
    if (pairs == NULL) return -1;
    list->pairs = pairs;
    list->capacity = capacity;
  }
  list->pairs[2 * list->runs] = (uint32_t)offset;
  list->pairs[2 * list->runs + 1] = (uint32_t)length;
  list->runs++;
  return 0;
}

/* Granules compared together before looking at each one. */
#define DIFF_BLOCK 256

void *dosc_write_back_encode(const unsigned char *now, const unsigned char *twin, size_t bytes,
                             size_t granule, dosc_write_back *back, int *no_memory) {
  *back = (dosc_write_back){DOSC_BACK_NONE, 0, 0};
  *no_memory = 0;
  if (granule == 0 || bytes % granule != 0) granule = 1; /* never a byte left out */
  size_t count = bytes / granule;
  run_list list = {NULL, 0, 0};
  size_t changed = 0, open = SIZE_MAX; /* open: first granule of the current run */
  int failed = 0;
  for (size_t k = 0; k < count && !failed; k += DIFF_BLOCK) {
    size_t length = count - k < DIFF_BLOCK ? count - k : DIFF_BLOCK;
    size_t unchanged = count_same(now + granule * k, twin + granule * k, length, granule);
    if (unchanged == 0 || unchanged == length) {
      if (unchanged == 0) {
        if (open == SIZE_MAX) open = k;
        changed += length;
      } else if (open != SIZE_MAX) {
        failed = add_run(&list, open * granule, (k - open) * granule);
        open = SIZE_MAX;
      }
      continue;
    }
    for (size_t j = k; j < k + length && !failed; j++) {
      if (!same(now + granule * j, twin + granule * j, granule)) {
        if (open == SIZE_MAX) open = j;
        changed++;
      } else if (open != SIZE_MAX) {
        failed = add_run(&list, open * granule, (j - open) * granule);
        open = SIZE_MAX;
      }
    }
  }
  if (!failed && open == 0 && list.runs == 0) { /* everything changed: no list needed */
    *back = (dosc_write_back){DOSC_BACK_WHOLE, 0, bytes};
    return NULL;
  }
  if (!failed && open != SIZE_MAX)
    failed = add_run(&list, open * granule, (count - open) * granule);
  if (failed) {
    free(list.pairs);
    *no_memory = 1;
    return NULL;
  }
  if (list.runs == 0) return NULL;
  if (changed == count) {
    free(list.pairs);
    *back = (dosc_write_back){DOSC_BACK_WHOLE, 0, bytes};
    return NULL;
  }
  size_t data = changed * granule;
  size_t runs_size = list.runs * 2 * sizeof(uint32_t) + data;
  size_t mask_size = (count + 7) / 8 + data;
  int mask = mask_size < runs_size;
  size_t size = mask ? mask_size : runs_size;
  unsigned char *encoding = calloc(size, 1);
  if (encoding == NULL) {
    free(list.pairs);
    *no_memory = 1;
    return NULL;
  }
  unsigned char *out;
  if (mask) {
    for (size_t r = 0; r < list.runs; r++) {
      size_t first = list.pairs[2 * r] / granule, last = first + list.pairs[2 * r + 1] / granule;
      for (size_t k = first; k < last; k++)
        encoding[k / 8] |= (unsigned char)(1u << (k % 8));
    }
    out = encoding + (count + 7) / 8;
  } else {
    memcpy(encoding, list.pairs, list.runs * 2 * sizeof(uint32_t));
    out = encoding + list.runs * 2 * sizeof(uint32_t);
  }
  for (size_t r = 0; r < list.runs; r++) {
    memcpy(out, now + list.pairs[2 * r], list.pairs[2 * r + 1]);
    out += list.pairs[2 * r + 1];
  }
  *back = (dosc_write_back){mask ? DOSC_BACK_MASK : DOSC_BACK_RUNS, mask ? 0 : (uint32_t)list.runs,
                            size};
  free(list.pairs);
  return encoding;
}

static const char *apply_runs(unsigned char *target, size_t bytes, size_t granule,
                              const unsigned char *data, const dosc_write_back *back) {
  size_t header = (size_t)back->runs * 2 * sizeof(uint32_t);
  if (back->runs == 0 || header > back->bytes) return "runs that do not fit their message";
  size_t end = 0, total = 0;
  for (uint32_t r = 0; r < back->runs; r++) {
    uint32_t pair[2];
    memcpy(pair, data + (size_t)r * sizeof pair, sizeof pair);
    if (pair[1] == 0 || pair[0] < end || pair[0] % granule != 0 || pair[1] % granule != 0 ||
        (size_t)pair[0] + pair[1] > bytes)
      return "a run outside the written footprint or out of order";
    end = (size_t)pair[0] + pair[1];
    total += pair[1];
  }
  if (total != back->bytes - header) return "runs whose lengths do not add up to their message";
  const unsigned char *from = data + header;
  for (uint32_t r = 0; r < back->runs; r++) {
    uint32_t pair[2];
    memcpy(pair, data + (size_t)r * sizeof pair, sizeof pair);
    memcpy(target + pair[0], from, pair[1]);
    from += pair[1];
  }
  return NULL;
}

static const char *apply_mask(unsigned char *target, size_t bytes, size_t granule,
                              const unsigned char *data, const dosc_write_back *back) {
  size_t count = bytes / granule, mask_bytes = (count + 7) / 8;
  if (back->bytes < mask_bytes) return "a mask that does not fit its message";
  size_t set = 0;
  for (size_t i = 0; i < mask_bytes; i++)
    set += (size_t)__builtin_popcount(data[i]);
  if (count % 8 != 0 && (data[mask_bytes - 1] >> (count % 8)) != 0)
    return "a mask naming elements outside the written footprint";
  if (set * granule != back->bytes - mask_bytes) return "a mask that does not match its bytes";
  const unsigned char *from = data + mask_bytes;
  for (size_t k = 0; k < count;) {
    if (!(data[k / 8] >> (k % 8) & 1)) {
      k++;
      continue;
    }
    size_t first = k;
    while (k < count && (data[k / 8] >> (k % 8) & 1))
      k++;
    memcpy(target + first * granule, from, (k - first) * granule);
    from += (k - first) * granule;
  }
  return NULL;
}

const char *dosc_write_back_apply(unsigned char *target, size_t bytes, size_t granule,
                                  const unsigned char *data, const dosc_write_back *back) {
  if (granule == 0 || bytes % granule != 0) granule = 1; /* as dosc_write_back_encode */
  if (back->bytes > (uint64_t)dosc_write_back_bound((long long)bytes))
    return "more bytes than the written footprint can need";
  if (back->form == DOSC_BACK_RUNS) return apply_runs(target, bytes, granule, data, back);
  if (back->form == DOSC_BACK_MASK) return apply_mask(target, bytes, granule, data, back);
  return "an unknown form of written data";
}
