/* Batches of sibling tasks (issue 10): a site's siblings formula is the whole batch (an outer
 * loop without a taskwait multiplies its loop's trip count), tested at each spawn, and a lone
 * task is a plain call; where the formula names a variable the site cannot see, it is not.
 *   usage: batches FUNCTION ROWS COLS   (FUNCTION 0..5, below) */
#include <stdio.h>
#include <stdlib.h>

#define LEN 100000

void fill(double *v, long lo, long hi) {
  for (long i = lo; i < hi; i++)
    v[i] = v[i] * 0.5 + (double)(i % 7);
}

/* 0: one loop, then the taskwait: the batch is its trip count, cols */
static void one_loop(double *v, long cols) {
  for (long c = 0; c < cols; c++) {
#pragma dosc task
    fill(v, c * LEN, (c + 1) * LEN);
  }
#pragma dosc taskwait
}

/* 1: every row's tasks run together (the taskwait after both loops): the batch is
 * rows x cols, not the inner loop's cols */
static void rows_then_wait(double *v, long rows, long cols) {
  for (long r = 0; r < rows; r++)
    for (long c = 0; c < cols; c++) {
#pragma dosc task
      fill(v, (r * cols + c) * LEN, (r * cols + c + 1) * LEN);
    }
#pragma dosc taskwait
}

/* 2: a taskwait per row: the batch is cols again */
static void wait_per_row(double *v, long rows, long cols) {
  for (long r = 0; r < rows; r++) {
    for (long c = 0; c < cols; c++) {
#pragma dosc task
      fill(v, (r * cols + c) * LEN, (r * cols + c + 1) * LEN);
    }
#pragma dosc taskwait
  }
}

/* 3: the bound is a variable of the block around the loop: the site sees it */
static void block_bound(double *v, long cols) {
  {
    long count = cols;
    for (long c = 0; c < count; c++) {
#pragma dosc task
      fill(v, c * LEN, (c + 1) * LEN);
    }
  }
#pragma dosc taskwait
}

/* 4: both sites' batch is first + second, and neither site sees both: no batch test */
static void two_blocks(double *v, long cols) {
  {
    long first = cols;
    if (first > 64) first = 64; /* min(64, cols): both blocks' bounds are cols' (siblings 2*min(64,cols)) */
    for (long c = 0; c < first; c++) {
#pragma dosc task
      fill(v, c * LEN, (c + 1) * LEN);
    }
  }
  {
    long second = cols;
    if (second > 64) second = 64;
    for (long c = 0; c < second; c++) {
#pragma dosc task
      fill(v, (cols + c) * LEN, (cols + c + 1) * LEN);
    }
  }
#pragma dosc taskwait
}

/* 5: the loop's body declares the bound's name again (`extern long cols`, the global below):
 * the trip count names the parameter the header sees, which the spawn does not, so there is
 * no batch test (one would read the global's 1: a lone task, a plain call) */
long cols = 1;

static void hidden_bound(double *v, long cols) {
  for (long c = 0; c < cols; c++) {
    extern long cols;
#pragma dosc task
    fill(v, c * LEN, (c + cols) * LEN);
  }
#pragma dosc taskwait
}

int main(int argc, char **argv) {
  int function = argc > 1 ? atoi(argv[1]) : 0;
  long rows = argc > 2 ? atol(argv[2]) : 1;
  long cols = argc > 3 ? atol(argv[3]) : 4;
  double *v = calloc((size_t)(2 * rows * cols * LEN), sizeof *v); /* two_blocks: 2 x cols */
  if (v == NULL) return 1;
  switch (function) {
  case 0: one_loop(v, cols); break;
  case 1: rows_then_wait(v, rows, cols); break;
  case 2: wait_per_row(v, rows, cols); break;
  case 3: block_bound(v, cols); break;
  case 4: two_blocks(v, cols); break;
  default: hidden_bound(v, cols); break;
  }
  double sum = 0.0;
  for (long i = 0; i < 2 * rows * cols * LEN; i++)
    sum += v[i];
  printf("sum = %.1f\n", sum);
  free(v);
  return 0;
}
