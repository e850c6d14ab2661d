/* deque.c - allocation and growth of the Chase-Lev deque (see deque.h). */
#include "deque.h"

#include <stdlib.h>

static dosc_deque_array *array_new(long capacity) {
  dosc_deque_array *array =
      malloc(sizeof(dosc_deque_array) + (size_t)capacity * sizeof(_Atomic(dosc_task *)));
  if (array == NULL) return NULL;
  array->capacity = capacity;
  array->retired_next = NULL;
  for (long i = 0; i < capacity; i++)
    atomic_init(&array->slots[i], NULL);
  return array;
}

int dosc_deque_init(dosc_deque *deque) {
  dosc_deque_array *array = array_new(DOSC_DEQUE_INITIAL_CAPACITY);
  if (array == NULL) return -1;
  atomic_init(&deque->top, 0);
  atomic_init(&deque->bottom, 0);
  atomic_init(&deque->array, array);
  deque->retired = NULL;
  return 0;
}

void dosc_deque_destroy(dosc_deque *deque) {
  free(atomic_load_explicit(&deque->array, memory_order_relaxed));
  for (dosc_deque_array *old = deque->retired; old != NULL;) {
    dosc_deque_array *next = old->retired_next;
    free(old);
    old = next;
  }
  deque->retired = NULL;
  atomic_store_explicit(&deque->array, NULL, memory_order_relaxed);
}

dosc_deque_array *dosc_deque_grow(dosc_deque *deque, dosc_deque_array *array, long top,
                                  long bottom) {
  if (array->capacity >= DOSC_DEQUE_MAX_CAPACITY) return NULL;
  dosc_deque_array *bigger = array_new(array->capacity * 2);
  if (bigger == NULL) return NULL;
  /* Copy, do not move: a thief that loaded the old array keeps reading the
   * same tasks from it, and the CAS on top decides who owns each one. */
  for (long i = top; i < bottom; i++)
    atomic_store_explicit(
        &bigger->slots[i & (bigger->capacity - 1)],
        atomic_load_explicit(&array->slots[i & (array->capacity - 1)], memory_order_relaxed),
        memory_order_relaxed);
  /* release: pairs with the acquire load of array in dosc_deque_steal. */
  atomic_store_explicit(&deque->array, bigger, memory_order_release);
  array->retired_next = deque->retired;
  deque->retired = array;
  return bigger;
}
