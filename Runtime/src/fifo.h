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
#include <stddef.h>

/* The first member of every record a dosc_fifo holds. */
typedef struct dosc_fifo_link {
  struct dosc_fifo_link *next;
} dosc_fifo_link;

typedef struct dosc_fifo {
  pthread_mutex_t lock;
  dosc_fifo_link *head, *tail;
} dosc_fifo;

#define DOSC_FIFO_INIT                                                                             \
  { PTHREAD_MUTEX_INITIALIZER, NULL, NULL }

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
  pthread_mutex_unlock(&fifo->lock);
}

/* Removes and returns the oldest record, or NULL. */
static inline void *dosc_fifo_pop(dosc_fifo *fifo) {
  pthread_mutex_lock(&fifo->lock);
  dosc_fifo_link *link = fifo->head;
  if (link != NULL) {
    fifo->head = link->next;
    if (fifo->head == NULL) fifo->tail = NULL;
  }
  pthread_mutex_unlock(&fifo->lock);
  return link;
}

/* 1 if nothing is queued (at the time of the call). */
static inline int dosc_fifo_empty(dosc_fifo *fifo) {
  pthread_mutex_lock(&fifo->lock);
  int empty = fifo->head == NULL;
  pthread_mutex_unlock(&fifo->lock);
  return empty;
}

#endif /* DOSC_FIFO_H */
