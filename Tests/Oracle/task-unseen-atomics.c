/* Atomic updates, as a program converted from `#pragma omp atomic` has them: a counter bumped
   with `__atomic_fetch_add`, a running sum into an `_Atomic long`, a maximum kept with
   `atomic_compare_exchange_weak`, each shared by every task of a batch. Before the analyzer
   kept them home: the counter was `access: none` (rank 1 crashed under remote) and the
   `_Atomic` sum had its footprint but each rank updated a copy (the last write-back won). */
#include <stdatomic.h>
#include <stdio.h>

void count_evens(const int *a, int lo, int hi, int *counter) {
  for (int i = lo; i < hi; i++)
    if (a[i] % 2 == 0) __atomic_fetch_add(counter, 1, __ATOMIC_RELAXED);
}
void sum_into(const int *a, int lo, int hi, _Atomic long *total) {
  long s = 0;
  for (int i = lo; i < hi; i++) s += a[i];
  *total += s;
}
void max_into(const int *a, int lo, int hi, atomic_int *best) {
  for (int i = lo; i < hi; i++) {
    int seen = atomic_load(best);
    while (a[i] > seen && !atomic_compare_exchange_weak(best, &seen, a[i])) {
    }
  }
}

int main(void) {
  int a[4000];
  for (int i = 0; i < 4000; i++) a[i] = (i * 37) % 1001;
  int counter = 0;
  _Atomic long total = 0;
  atomic_int best = 0;
  for (int b = 0; b < 4; b++) {
#pragma dosc task
    count_evens(a, b * 1000, (b + 1) * 1000, &counter);
#pragma dosc task
    sum_into(a, b * 1000, (b + 1) * 1000, &total);
#pragma dosc task
    max_into(a, b * 1000, (b + 1) * 1000, &best);
  }
#pragma dosc taskwait
  printf("%d %ld %d\n", counter, (long)total, (int)best);
  return 0;
}
