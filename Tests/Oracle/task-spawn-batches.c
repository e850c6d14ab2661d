/* Batches of spawns (the manifest's `siblings`, which the runtime tests at each spawn: a batch
   of one is a plain call, so a figure below the batch serializes it): a taskwait that ends one
   batch and a loop after it that starts the next, a taskwait under an `if`, a `break` before
   the taskwait, a `continue` past it, spawns in a `while` of unknown count, a `goto` loop, a
   `switch` whose cases fall through, a helper that spawns (its own batch), a name declared at
   the function's top read after its loop, a loop whose variable starts where the last one
   stopped, and nests without a taskwait inside. The oracle counts each batch. No two tasks
   of a batch touch one cell. */
#include <stdio.h>

#define N 40

static long cells[N];

void bump(long *a, long i) { a[i] += i + 1; }

/* A's batch is A alone; B's is the n B spawns. */
void wait_then_loop(long *a, long k_end, long n) {
  for (long k = 0; k < k_end; k++) {
#pragma dosc task
    bump(a, k);
#pragma dosc taskwait
    for (long i = 0; i < n; i++) {
#pragma dosc task
      bump(a, i);
    }
#pragma dosc taskwait
  }
}

/* The taskwait runs after the last row only: one batch of rows x cols. */
void wait_in_if(long *a, long rows, long cols) {
  for (long r = 0; r < rows; r++) {
    for (long c = 0; c < cols; c++) {
#pragma dosc task
      bump(a, r * cols + c);
    }
    if (r == rows - 1) {
#pragma dosc taskwait
    }
  }
}

/* The last iteration leaves before its taskwait: its spawns join the loop after. */
void break_before_wait(long *a, long n, long stop) {
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
}

/* Odd iterations skip the taskwait. */
void continue_past_wait(long *a, long n) {
  for (long k = 0; k < n; k++) {
#pragma dosc task
    bump(a, k);
    if (k % 2) continue;
#pragma dosc taskwait
  }
}

/* An unknown count, but each spawn is waited for: batches of one. */
void while_unknown(long *a) {
  long i = 0;
  while (a[i] % 7 != 3 && i < N - 1) {
#pragma dosc task
    bump(a, i);
#pragma dosc taskwait
    i++;
  }
  /* Unknown and not waited for: no figure. */
  long j = 0;
  while (a[j] % 5 != 1 && j < N - 1) {
#pragma dosc task
    bump(a, j);
    j++;
  }
}

/* A loop made of a goto: n spawns in one batch. */
void goto_loop(long *a, long n) {
  long k = 0;
again:
#pragma dosc task
  bump(a, k);
  if (++k < n) goto again;
#pragma dosc taskwait
}

/* Cases that fall through, in a loop: up to two spawns per iteration. */
void switch_cases(long *a, long n) {
  for (long i = 0; i < n; i++) {
    switch (i % 3) {
    case 0:
#pragma dosc task
      bump(a, i);
      /* fall through */
    case 1:
#pragma dosc task
      bump(a, 20 + i);
      break;
    default:
      break;
    }
  }
#pragma dosc taskwait
}

/* Control enters the switch past its first taskwait when i is odd: B joins A's batch. */
void switch_past_wait(long *a, long n) {
  for (long i = 0; i < n; i++) {
#pragma dosc task
    bump(a, i);
    switch (i % 2) {
    case 0:
      a[39] += 1;
#pragma dosc taskwait
      /* fall through */
    case 1:
#pragma dosc task
      bump(a, 20 + i);
#pragma dosc taskwait
      break;
    default:
      break;
    }
  }
}

/* Each call's spawns are its own batch (its implicit taskwait); the caller's is its own. */
void helper(long *a, long n) {
  for (long i = 0; i < n; i++) {
#pragma dosc task
    bump(a, i);
  }
}

void calls_helper(long *a, long n) {
  for (long k = 0; k < n; k++) {
    helper(a, k);
#pragma dosc task
    bump(a, 20 + k);
  }
}

/* `j` is declared at the top and read after its loop: the triangle's spawns and the last
   one are one batch of n(n+1)/2 + 1, whatever `j` holds at a spawn. */
void top_name_after_loop(long *a, long n) {
  long j;
  for (j = 0; j < n; j++)
    for (long i = j; i < n; i++) {
#pragma dosc task
      bump(a, j * n + i);
    }
#pragma dosc task
  bump(a, j);
}

/* The second loop starts where the first stopped: its count is lo's distance to hi at its
   entry, not at a spawn, where `i` has moved on. */
void resumed_loop(long *a, long lo, long hi) {
  long i = lo;
  for (; i < hi / 2; i++) {
#pragma dosc task
    bump(a, i);
  }
  for (; i < hi; i++) {
#pragma dosc task
    bump(a, i);
  }
#pragma dosc taskwait
}

/* Rows x cols in one batch: the taskwait is after both loops. */
void rows_then_wait(long *a, long rows, long cols) {
  for (long r = 0; r < rows; r++)
    for (long c = 0; c < cols; c++) {
#pragma dosc task
      bump(a, r * cols + c);
    }
#pragma dosc taskwait
}

int main(void) {
  for (long i = 0; i < N; i++) cells[i] = (i * 11) % 13;
  wait_then_loop(cells, 3, 5);
  wait_in_if(cells, 3, 4);
  break_before_wait(cells, 4, 2);
  continue_past_wait(cells, 6);
  while_unknown(cells);
  goto_loop(cells, 5);
  switch_cases(cells, 7);
  switch_past_wait(cells, 5);
  calls_helper(cells, 4);
  top_name_after_loop(cells, 6);
  resumed_loop(cells, 2, 20);
  rows_then_wait(cells, 3, 4);
  long sum = 0;
  for (long i = 0; i < N; i++) sum += cells[i] * (i + 1);
  printf("%ld\n", sum);
  return 0;
}
