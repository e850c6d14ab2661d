/* Remote attack: BOTS knapsack: recursion over a struct array advanced by one (`e + 1`), a
   shrinking count, and a best-so-far kept in a global (so not remotable) beside a variant that
   returns its best instead (remotable). */
#include <stdio.h>
#include <stdlib.h>

struct item {
  int value, weight;
};

int best_so_far;

void knapsack_global(const struct item *e, int capacity, int n, int value) {
  if (capacity < 0) return;
  if (n == 0 || value > best_so_far) {
    if (value > best_so_far) best_so_far = value;
    if (n == 0) return;
  }
#pragma dosc task
  knapsack_global(e + 1, capacity, n - 1, value);
#pragma dosc task
  knapsack_global(e + 1, capacity - e->weight, n - 1, value + e->value);
#pragma dosc taskwait
}

int knapsack(const struct item *e, int capacity, int n) {
  if (capacity < 0) return -1000000;
  if (n == 0) return 0;
  int without, with;
#pragma dosc task
  without = knapsack(e + 1, capacity, n - 1);
#pragma dosc task
  with = knapsack(e + 1, capacity - e->weight, n - 1);
#pragma dosc taskwait
  with += e->value;
  return with > without ? with : without;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 10;
  struct item *items = malloc(sizeof *items * (size_t)n);
  for (int i = 0; i < n; i++) items[i] = (struct item){(i * 7) % 13 + 1, (i * 5) % 9 + 2};
  int best;
#pragma dosc task
  best = knapsack(items, 20, n);
#pragma dosc task
  knapsack_global(items, 20, n, 0);
#pragma dosc taskwait
  printf("best %d global %d\n", best, best_so_far);
  free(items);
  return 0;
}
