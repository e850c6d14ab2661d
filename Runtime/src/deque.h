/* deque.h - the work-stealing deque of one worker (private).
 *
 * Chase-Lev deque: D. Chase and Y. Lev, "Dynamic Circular Work-Stealing
 * Deque", SPAA 2005; the C11 memory orders below are those proved correct by
 * N. M. Le, A. Pop, A. Cohen and F. Zappa Nardelli, "Correct and Efficient
 * Work-Stealing for Weak Memory Models", PPoPP 2013 (figure 1), with
 * `consume` strengthened to `acquire` (what compilers do anyway) and push's
 * release fence folded into a release store (see there).
 *
 * Who may call what:
 *   dosc_deque_push, dosc_deque_pop: the owning worker only;
 *   dosc_deque_steal, dosc_deque_looks_nonempty: any thread;
 *   dosc_deque_init, dosc_deque_destroy: one thread, while no other thread
 *   can reach the deque (pool start-up and shutdown).
 *
 * The array grows (doubling) when full. Thieves may still read a replaced
 * array, so it is kept on a retired list and freed at shutdown only; it is
 * never written again after it is replaced. top and bottom are signed so that
 * `bottom - 1` on an empty deque compares correctly.
 */
#ifndef DOSC_DEQUE_H
#define DOSC_DEQUE_H

#include <stdatomic.h>

#include "config.h"
#include "task.h"

typedef struct dosc_deque_array {
  long capacity;                         /* power of two */
  struct dosc_deque_array *retired_next; /* owner only: older arrays */
  _Atomic(dosc_task *) slots[];          /* atomics: thieves read while the owner writes */
} dosc_deque_array;

typedef struct dosc_deque {
  /* top is CASed by thieves and the owner; bottom and array are written by
   * the owner on every push/pop. Separate lines keep thieves' CASes from
   * invalidating the owner's line on each steal attempt, and vice versa. */
  _Alignas(DOSC_CACHE_LINE) atomic_long top;
  _Alignas(DOSC_CACHE_LINE) atomic_long bottom;
  _Atomic(dosc_deque_array *) array;
  dosc_deque_array *retired; /* owner only */
} dosc_deque;

typedef enum dosc_steal_result {
  DOSC_STEAL_EMPTY = 0,
  DOSC_STEAL_OK = 1,
  DOSC_STEAL_LOST_RACE = 2 /* another thief or the owner took it: retry elsewhere */
} dosc_steal_result;

DOSC_INTERNAL int dosc_deque_init(dosc_deque *deque);
DOSC_INTERNAL void dosc_deque_destroy(dosc_deque *deque);
/* Owner only: doubles the array; NULL if at DOSC_DEQUE_MAX_CAPACITY or out of memory. */
DOSC_INTERNAL dosc_deque_array *dosc_deque_grow(dosc_deque *deque, dosc_deque_array *array,
                                                long top, long bottom);

/* Owner only. Returns 0 when the deque is full and cannot grow: the caller
 * then runs the task itself. */
static inline int dosc_deque_push(dosc_deque *deque, dosc_task *task) {
  long bottom = atomic_load_explicit(&deque->bottom, memory_order_relaxed);
  /* acquire: pairs with the seq_cst CAS on top in steal/pop, so the slot a
   * thief has just emptied is not overwritten while it may still be read. */
  long top = atomic_load_explicit(&deque->top, memory_order_acquire);
  dosc_deque_array *array = atomic_load_explicit(&deque->array, memory_order_relaxed);
  if (bottom - top > array->capacity - 1) {
    array = dosc_deque_grow(deque, array, top, bottom);
    if (array == NULL) return 0;
  }
  atomic_store_explicit(&array->slots[bottom & (array->capacity - 1)], task, memory_order_relaxed);
  /* release: pairs with the acquire load of bottom in dosc_deque_steal, so a
   * thief that sees the new bottom also sees the slot and the task record
   * (written by the spawner before this call). Le et al. write a release
   * fence + relaxed store; a release store orders the same writes, compiles
   * to the same plain store on x86, and ThreadSanitizer understands it. */
  atomic_store_explicit(&deque->bottom, bottom + 1, memory_order_release);
  return 1;
}

/* Owner only: the most recently pushed task, or NULL. */
static inline dosc_task *dosc_deque_pop(dosc_deque *deque) {
  long bottom = atomic_load_explicit(&deque->bottom, memory_order_relaxed) - 1;
  dosc_deque_array *array = atomic_load_explicit(&deque->array, memory_order_relaxed);
  atomic_store_explicit(&deque->bottom, bottom, memory_order_relaxed);
  /* seq_cst: pairs with the seq_cst fence in dosc_deque_steal (between its
   * loads of top and bottom): either the thief sees the decremented bottom or
   * we see its incremented top, so the last task is not taken twice. */
  atomic_thread_fence(memory_order_seq_cst);
  long top = atomic_load_explicit(&deque->top, memory_order_relaxed);
  dosc_task *task = NULL;
  if (top <= bottom) {
    task =
        atomic_load_explicit(&array->slots[bottom & (array->capacity - 1)], memory_order_relaxed);
    if (top == bottom) {
      /* Last task: race the thieves for it with the same CAS they use. */
      if (!atomic_compare_exchange_strong_explicit(&deque->top, &top, top + 1, memory_order_seq_cst,
                                                   memory_order_relaxed))
        task = NULL;
      atomic_store_explicit(&deque->bottom, bottom + 1, memory_order_relaxed);
    }
  } else {
    atomic_store_explicit(&deque->bottom, bottom + 1, memory_order_relaxed);
  }
  return task;
}

/* Any thread: takes the oldest task into *out. */
static inline dosc_steal_result dosc_deque_steal(dosc_deque *deque, dosc_task **out) {
  /* acquire: pairs with the seq_cst CAS of an earlier steal/pop. */
  long top = atomic_load_explicit(&deque->top, memory_order_acquire);
  /* seq_cst: pairs with the seq_cst fence in dosc_deque_pop (see there). */
  atomic_thread_fence(memory_order_seq_cst);
  /* acquire: pairs with the release fence in dosc_deque_push. */
  long bottom = atomic_load_explicit(&deque->bottom, memory_order_acquire);
  if (top >= bottom) return DOSC_STEAL_EMPTY;
  /* acquire: pairs with the release store in dosc_deque_grow, so the copied
   * slots of a new array are visible. */
  dosc_deque_array *array = atomic_load_explicit(&deque->array, memory_order_acquire);
  dosc_task *task =
      atomic_load_explicit(&array->slots[top & (array->capacity - 1)], memory_order_relaxed);
  /* seq_cst CAS: the single point where owner and thieves agree who gets the
   * task at `top`; pairs with the acquire load of top in push. */
  if (!atomic_compare_exchange_strong_explicit(&deque->top, &top, top + 1, memory_order_seq_cst,
                                               memory_order_relaxed))
    return DOSC_STEAL_LOST_RACE;
  *out = task;
  return DOSC_STEAL_OK;
}

/* Any thread: a hint (relaxed loads; the caller orders them with a fence). */
static inline int dosc_deque_looks_nonempty(dosc_deque *deque) {
  long top = atomic_load_explicit(&deque->top, memory_order_relaxed);
  long bottom = atomic_load_explicit(&deque->bottom, memory_order_relaxed);
  return top < bottom;
}

#endif /* DOSC_DEQUE_H */
