/* Batches of spawns whose ways exclude each other (the manifest's `siblings` is the largest,
   not the sum): the two arms of an `if` spawning loops of different counts; a loop whose body
   waits between a spawn before and one after it, with spawns before and after the loop (a
   batch holds the iteration before or what precedes the loop, never both; the loop waits
   unless it runs no iteration); a `break` before the taskwait (the iteration that leaves
   joins what follows the loop, not the next iteration). And jumps that skip a taskwait after
   the spawn though one runs before it: a `break` (the spawn joins what follows the loop) and
   a `continue` (it joins the next iteration's spawns). Besides, loops whose trip counts the
   oracle checks at each spawn: a step of 3, counting down, a `do` loop, a parameter counted
   down, a triangle, a global bound that a call in the loop lowers, a bound lowered through a
   pointer. No two tasks of a batch touch one cell. */
#include <stdio.h>

#define N 64

static long cells[N];
static long limit;

void bump(long *a, long i) { a[i] += i + 1; }

/* One arm runs: c ? n + 1 : m + 1 (the sum n + m + 1 before). */
void arms_if_else(long *a, long n, long m, long c) {
  if (c) {
    for (long i = 0; i < n; i++) {
#pragma dosc task
      bump(a, i);
    }
  } else {
    for (long i = 0; i < m; i++) {
#pragma dosc task
      bump(a, 20 + i);
    }
  }
#pragma dosc task
  bump(a, 63);
#pragma dosc taskwait
}

/* Batches {X, A}, {B, A}..., {B, Y}: 2 at each (3 before). */
void neighbours(long *a, long n) {
#pragma dosc task
  bump(a, 63);
  for (long k = 0; k < n; k++) {
#pragma dosc task
    bump(a, k);
#pragma dosc taskwait
#pragma dosc task
    bump(a, 20 + k);
  }
#pragma dosc task
  bump(a, 62);
#pragma dosc taskwait
}

/* The iteration that leaves (3) joins the n after the loop: 3 + n (6 + n before), never with
   the next iteration's 3. */
void break_then_loop(long *a, long n, long stop) {
  for (long k = 0; k < n; k++) {
    for (long i = 0; i < 3; i++) {
#pragma dosc task
      bump(a, i);
    }
    if (k == stop) break;
#pragma dosc taskwait
  }
  for (long i = 0; i < n; i++) {
#pragma dosc task
    bump(a, 10 + i);
  }
#pragma dosc taskwait
}

/* A taskwait before the spawn and one after it, but a `break` between: the spawn that leaves
   joins the two after the loop, a batch of 3 (1 before: below the batch). */
void break_after_wait(long *a, long n, long stop) {
  for (long k = 0; k < n; k++) {
#pragma dosc taskwait
#pragma dosc task
    bump(a, k);
    if (k == stop) break;
#pragma dosc taskwait
  }
#pragma dosc task
  bump(a, 62);
#pragma dosc task
  bump(a, 63);
#pragma dosc taskwait
}

/* A `continue` past the second taskwait: A joins the next iteration's B, a batch of 2 (1
   before: below the batch). */
void continue_after_wait(long *a, long n) {
  for (long k = 0; k < n; k++) {
#pragma dosc task
    bump(a, k);
#pragma dosc taskwait
#pragma dosc task
    bump(a, 20 + k);
    if (k % 2) continue;
#pragma dosc taskwait
  }
}

/* Trip counts, checked at each spawn against the iterations its loop runs. */
void trip_shapes(long *a, long lo, long hi, long n) {
  for (long i = lo; i < hi; i += 3) {
#pragma dosc task
    bump(a, i);
  }
#pragma dosc taskwait
  for (long i = hi; i > lo; i--) {
#pragma dosc task
    bump(a, 20 + i);
  }
#pragma dosc taskwait
  long j = hi;
  do {
#pragma dosc task
    bump(a, j);
    j += 5;
  } while (j < lo);
#pragma dosc taskwait
  while (n-- > 0) {
#pragma dosc task
    bump(a, 40 + n);
#pragma dosc taskwait
  }
}

void triangle(long *a, long n) {
  for (long i = 0; i < n; i++) {
    for (long j = i; j < n; j++) {
#pragma dosc task
      bump(a, i * n + j);
    }
#pragma dosc taskwait
  }
}

/* The bound is a global that a call in the loop lowers: counted at the header (10 at the
   first spawn), it is smaller at later spawns than the iterations the loop runs. */
void lower_limit(void) { limit -= 2; }

void global_bound(long *a) {
  for (long i = 0; i < limit; i++) {
    lower_limit();
#pragma dosc task
    bump(a, i);
#pragma dosc taskwait
  }
}

/* The bound's address is taken before the loop, which lowers it through the pointer: 10 at
   the first spawn, 1 at the third and last. */
void address_bound(long *a, long n) {
  long *bound = &n;
  for (long i = 0; i < n; i++) {
    *bound -= 3;
#pragma dosc task
    bump(a, i);
#pragma dosc taskwait
  }
}

int main(void) {
  for (long i = 0; i < N; i++) cells[i] = (i * 11) % 13;
  arms_if_else(cells, 5, 3, 1);
  arms_if_else(cells, 5, 3, 0);
  neighbours(cells, 4);
  break_then_loop(cells, 6, 2);
  break_then_loop(cells, 3, 9);
  break_after_wait(cells, 5, 3);
  continue_after_wait(cells, 6);
  trip_shapes(cells, 2, 17, 4);
  triangle(cells, 6);
  limit = 10;
  global_bound(cells);
  address_bound(cells, 10);
  long sum = 0;
  for (long i = 0; i < N; i++) sum += cells[i] * (i + 1);
  printf("%ld\n", sum);
  return 0;
}
