/* footprint_buffer.c - large received footprints on huge pages (see footprint_buffer.h).
 *
 * A small table of mappings, each either in use or kept free for the next
 * large footprint; a buffer is found in it by its address. The table is
 * short (a serving rank holds one footprint per parameter of the tasks it
 * runs, plus its replicas): when it is full of buffers in use, a further
 * large footprint comes from malloc, as a small one does.
 */
#define _GNU_SOURCE
#include "footprint_buffer.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>

#ifndef DOSC_FOOTPRINT_MAPPINGS
#define DOSC_FOOTPRINT_MAPPINGS 32
#endif

typedef struct mapping {
  unsigned char *at; /* NULL: an empty entry */
  size_t size;       /* a multiple of DOSC_HUGE_PAGE_BYTES */
  int used;
} mapping;

static struct {
  pthread_mutex_t lock;
  mapping maps[DOSC_FOOTPRINT_MAPPINGS];
  size_t kept; /* bytes of the free mappings */
} table = {.lock = PTHREAD_MUTEX_INITIALIZER};

/* A fresh mapping of `size` bytes aligned to DOSC_HUGE_PAGE_BYTES (a huge
 * page covers only an aligned range), advised as huge pages; NULL if none. */
static unsigned char *map_aligned(size_t size) {
  size_t padded = size + DOSC_HUGE_PAGE_BYTES;
  unsigned char *raw =
      mmap(NULL, padded, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return NULL;
  uintptr_t mask = DOSC_HUGE_PAGE_BYTES - 1;
  unsigned char *at = (unsigned char *)(((uintptr_t)raw + mask) & ~mask);
  if (at > raw) munmap(raw, (size_t)(at - raw));
  size_t tail = (size_t)(raw + padded - (at + size));
  if (tail > 0) munmap(at + size, tail);
  /* Advice only: where the kernel has no transparent huge pages it fails,
   * and the buffer works on small pages as before. */
  (void)madvise(at, size, MADV_HUGEPAGE);
  return at;
}

void *dosc_footprint_buffer(size_t bytes) {
  if (bytes < DOSC_HUGE_PAGE_BYTES || bytes > SIZE_MAX - 2 * (size_t)DOSC_HUGE_PAGE_BYTES)
    return malloc(bytes > 0 ? bytes : 1);
  size_t size = (bytes + DOSC_HUGE_PAGE_BYTES - 1) & ~((size_t)DOSC_HUGE_PAGE_BYTES - 1);
  pthread_mutex_lock(&table.lock);
  /* The smallest free mapping that fits; else an empty entry, or the room
   * of a free one too small, for a new mapping. */
  mapping *fit = NULL, *room = NULL;
  for (int i = 0; i < DOSC_FOOTPRINT_MAPPINGS; i++) {
    mapping *m = &table.maps[i];
    if (m->at == NULL) {
      if (room == NULL || room->at != NULL) room = m;
    } else if (!m->used) {
      if (m->size >= size && (fit == NULL || m->size < fit->size)) fit = m;
      if (m->size < size && room == NULL) room = m;
    }
  }
  if (fit != NULL) {
    fit->used = 1;
    table.kept -= fit->size;
    pthread_mutex_unlock(&table.lock);
    return fit->at;
  }
  if (room == NULL) { /* every entry holds a buffer in use */
    pthread_mutex_unlock(&table.lock);
    return malloc(bytes);
  }
  if (room->at != NULL) {
    munmap(room->at, room->size);
    table.kept -= room->size;
    room->at = NULL;
  }
  unsigned char *at = map_aligned(size);
  if (at != NULL) *room = (mapping){at, size, 1};
  pthread_mutex_unlock(&table.lock);
  return at != NULL ? at : malloc(bytes);
}

void dosc_footprint_buffer_free(void *buffer) {
  if (buffer == NULL) return;
  /* Only an aligned address can be a mapping (malloc's never is but by chance). */
  if (((uintptr_t)buffer & (DOSC_HUGE_PAGE_BYTES - 1)) != 0) {
    free(buffer);
    return;
  }
  pthread_mutex_lock(&table.lock);
  for (int i = 0; i < DOSC_FOOTPRINT_MAPPINGS; i++) {
    mapping *m = &table.maps[i];
    if (m->at != buffer) continue;
    if (table.kept + m->size <= DOSC_FOOTPRINT_KEEP_BYTES) {
      m->used = 0; /* kept, its pages already touched, for the next one */
      table.kept += m->size;
    } else {
      munmap(m->at, m->size);
      m->at = NULL;
    }
    pthread_mutex_unlock(&table.lock);
    return;
  }
  pthread_mutex_unlock(&table.lock);
  free(buffer);
}

int dosc_footprint_buffer_mapped(const void *buffer) {
  pthread_mutex_lock(&table.lock);
  int found = 0;
  for (int i = 0; i < DOSC_FOOTPRINT_MAPPINGS && !found; i++)
    found = table.maps[i].at == buffer && table.maps[i].used;
  pthread_mutex_unlock(&table.lock);
  return found;
}
