/* fifo.h - a locked first-in first-out queue of records (private).
 *
 * Rank 0's queue of remote tasks waiting for a rank (remote.c) and a serving
 * rank's inbox of received tasks waiting for its pool (serve.c): records
 * whose first member is the `next` link, in the order pushed. Short critical
 * sections; contention is a spawner against one communication thread.
 */
#ifndef DOSC_FIFO_H
#define DOSC_FIFO_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>

/* The first member of every record a dosc_fifo holds. */
typedef struct dosc_fifo_link {
  struct dosc_fifo_link *next;
} dosc_fifo_link;

typedef struct dosc_fifo {
  pthread_mutex_t lock;
  dosc_fifo_link *head, *tail;
  atomic_int length; /* written under the lock; read without it by dosc_fifo_empty */
} dosc_fifo;

#define DOSC_FIFO_INIT                                                                             \
  { PTHREAD_MUTEX_INITIALIZER, NULL, NULL, 0 }

/* Appends `record` (a pointer to a struct whose first member is the link). */
static inline void dosc_fifo_push(dosc_fifo *fifo, void *record) {
  dosc_fifo_link *link = record;
  link->next = NULL;
  pthread_mutex_lock(&fifo->lock);
  if (fifo->tail != NULL)
    fifo->tail->next = link;
  else
    fifo->head = link;
  fifo->tail = link;
  atomic_store_explicit(&fifo->length,
                        atomic_load_explicit(&fifo->length, memory_order_relaxed) + 1,
                        memory_order_relaxed);
  pthread_mutex_unlock(&fifo->lock);
}

/* 1 if nothing seems queued: a lock-free look, which may miss a record
 * pushed at this moment (the caller looks again at its next poll). */
static inline int dosc_fifo_empty(dosc_fifo *fifo) {
  return atomic_load_explicit(&fifo->length, memory_order_relaxed) == 0;
}

/* Removes and returns the oldest record, or NULL (also when dosc_fifo_empty
 * just said so: a poller does not take the lock to find nothing). */
static inline void *dosc_fifo_pop(dosc_fifo *fifo) {
  if (dosc_fifo_empty(fifo)) return NULL;
  pthread_mutex_lock(&fifo->lock);
  dosc_fifo_link *link = fifo->head;
  if (link != NULL) {
    fifo->head = link->next;
    if (fifo->head == NULL) fifo->tail = NULL;
    atomic_store_explicit(&fifo->length,
                          atomic_load_explicit(&fifo->length, memory_order_relaxed) - 1,
                          memory_order_relaxed);
  }
  pthread_mutex_unlock(&fifo->lock);
  return link;
}

#endif /* DOSC_FIFO_H */
