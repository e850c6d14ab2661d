/* Narrowing by `continue`, `break`, `return`, `?:`, `&&` and `||` (lead's review, 2026-11-29).
   The rest of a loop body after `if (i < 1) continue;` runs only where `i >= 1`; a `?:` arm only
   where its condition holds (or fails); a short-circuit operand only where the left one let it
   run. A footprint that ignores them starts one element below the array (`in[-1]` at lo = 0) or
   ends one past it: on arrays fenced by pages the process cannot touch, a remote run that ships
   it faults. The shapes that must NOT be narrowed are here too (a `case` label after the test,
   a `continue` of an inner loop, an arm that may fall through, a variable changed by the test
   itself): each touches `in1[-1]` or `in1[n]` of an array with a spare element on each side,
   which a narrowed footprint would miss. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* ---- Narrowed: the rest of the body after a jump ---- */

void skip_first(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (i < 1) continue;
    out[i] = in[i - 1];
  }
}

void interior(double *out, const double *in, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) {
    if (i - 1 < 0 || i + 1 >= n) continue;
    out[i] = in[i - 1] + in[i + 1];
  }
}

/* The loop runs one past its chunk; the `break` stops it at the array's end. */
void stop_at_end(double *out, const double *in, int lo, int hi, int n) {
  for (int i = lo; i <= hi; i++) {
    if (i >= n) break;
    out[i] += in[i];
  }
}

double return_at_end(const double *in, int lo, int hi, int n) {
  double s = 0;
  for (int i = lo; i <= hi; i++) {
    if (i > n - 1) return s;
    s += in[i];
  }
  return s;
}

/* The jump is in a block with more statements, and in the `else` arm. */
void jump_in_block(double *out, const double *in, int lo, int hi, int n) {
  int skipped = 0;
  for (int i = lo; i < hi; i++) {
    if (i + 1 < n) {
      out[i] = in[i + 1];
    } else {
      skipped++;
      continue;
    }
    out[i] += in[i + 1] * 0.5;
  }
  if (skipped > 1) out[lo] = -1;
}

/* Rows: the outer variable guards the inner loop; the inner variable guards its own body; the
   outer variable guards the inner body's rest. */
void rows_above(double *out, const double *in, int lo, int hi, int w) {
  for (int r = lo; r < hi; r++) {
    if (r < 1) continue;
    for (int c = 0; c < w; c++) out[r * w + c] = in[(r - 1) * w + c];
  }
}

void row_interior(double *out, const double *in, int lo, int hi, int w) {
  for (int r = lo; r < hi; r++)
    for (int c = 0; c < w; c++) {
      if (c < 1 || c + 1 >= w) continue;
      out[r * w + c] = in[r * w + c - 1] + in[r * w + c + 1];
    }
}

void inner_skips_by_outer(double *out, const double *in, int lo, int hi, int w) {
  for (int r = lo; r < hi; r++)
    for (int c = 0; c < w; c++) {
      if (r < 1) continue;
      out[r * w + c] += in[(r - 1) * w + c];
    }
}

/* A `switch` in the loop: a `break` leaves the switch, a `continue` the iteration; the rest of
   each block is skipped either way. */
void switch_blocks(double *out, const double *in, int lo, int hi, int mode) {
  for (int i = lo; i < hi; i++) {
    switch (mode) {
    case 0: {
      if (i < 1) break;
      out[i] = in[i - 1];
    } break;
    default: {
      if (i < 1) continue;
      out[i] = 2 * in[i - 1];
    }
    }
  }
}

/* The test's variable is changed after it: the fact is about the value it had (`i - 2 >= 0`). */
void changed_after_test(double *out, const double *in, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    int k = i;
    if (k < 2) continue;
    k -= 2;
    out[i] = in[k];
  }
}

/* ---- Narrowed: `?:` arms and short-circuit operands ---- */

void conditional_arms(double *out, const double *in, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) {
    double x = (i > 0) ? in[i - 1] : 0;
    out[i] = x + (i + 1 < n ? in[i + 1] : in[i]);
  }
}

/* An index chosen by the condition: the clamped neighbour, the ring's neighbour, the next one. */
void conditional_index(double *out, const double *in, int lo, int hi, int n) {
  for (int i = lo; i < hi; i++) {
    out[i] = in[i > 0 ? i - 1 : 0];
    out[i] += in[i > 0 ? i - 1 : n - 1];
    out[i] += in[i + 1 < n ? i + 1 : i];
  }
}

int short_circuits(const double *in, int lo, int hi, int n) {
  int count = 0;
  for (int i = lo; i < hi; i++) {
    if (i > 0 && in[i - 1] > in[i]) count++;
    if (i + 1 >= n || in[i + 1] < in[i]) count += 2;
    count += !(i < 1) && in[i - 1] > 3;
  }
  return count;
}

/* Side effects in a `?:` arm: narrowed all the same. */
void conditional_effects(double *out, const double *in, int lo, int hi, int *calls) {
  int seen = 0;
  for (int i = lo; i < hi; i++) out[i] = (i > 0) ? (seen++, in[i - 1]) : in[i];
  *calls = seen;
}

/* ---- Not narrowed: each touches in1[-1] or in1[n] (a spare element on each side) ---- */

/* A `case` label after the test: mode 1 enters past it with i = 0. */
void label_after_test(double *out, const double *in1, int lo, int hi, int mode) {
  for (int i = lo; i < hi; i++) {
    switch (mode) {
    case 0:
      out[i] = 1;
      if (i < 1) break;
      /* fall through */
    case 1:
      out[i] += in1[i - 1];
    }
  }
}

/* The `continue` belongs to the inner loop: the outer body goes on at i = 0. */
void inner_continue(double *out, const double *in1, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    if (i < 1) {
      for (int j = 0; j < 2; j++) {
        if (j == 0) continue;
        out[i] += j;
      }
    }
    out[i] += in1[i - 1];
  }
}

/* The arm jumps only sometimes. */
void arm_may_fall_through(double *out, const double *in1, int lo, int hi, int mode) {
  for (int i = lo; i < hi; i++) {
    if (i < 1) {
      if (mode) continue;
    }
    out[i] += in1[i - 1];
  }
}

/* The test changes its own bound: `i > k++` compares i with k before the increment. */
void test_changes_bound(double *out, const double *in1, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    int k = -1;
    out[i] = (i > k++) ? in1[i - 1] : 0;
  }
}

/* `break` ends the loop, not the test for later iterations: the rest after it is narrowed, what
   follows the loop is not. */
void after_break(double *out, const double *in1, int lo, int hi, int n) {
  int i = lo;
  for (; i < hi + 1; i++) {
    if (i >= n) break;
    out[i] = in1[i];
  }
  if (i > lo) out[lo] += in1[i];
}

/* ---- Driver ---- */

/* `n` doubles ending exactly at an inaccessible page, starting at an inaccessible page too: in
   a heap block (never freed), so that the footprint oracle, which knows heap blocks and
   globals, checks every access to it. */
static double *fenced(int n, long page) {
  long bytes = ((long)n * (long)sizeof(double) + page - 1) / page * page;
  char *block = malloc((size_t)(bytes + 3 * page));
  if (!block) exit(1);
  char *region = (char *)(((unsigned long)block + (unsigned long)page - 1) / (unsigned long)page * (unsigned long)page);
  if (mprotect(region, (size_t)page, PROT_NONE) || mprotect(region + page + bytes, (size_t)page, PROT_NONE)) exit(1);
  return (double *)(region + page + bytes) - n;
}

#define OUTPUTS 16

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 512; /* 512 doubles: exactly one 4 KiB page */
  int w = 16, rowsN = n / w;
  long page = sysconf(_SC_PAGESIZE);
  double *in = fenced(n, page), *spare = malloc(sizeof(double) * (size_t)(n + 2)), *in1 = spare + 1;
  double *out[OUTPUTS];
  for (int k = 0; k < OUTPUTS; k++) out[k] = fenced(n, page);
  for (int i = 0; i < n + 2; i++) spare[i] = (i * 5) % 13 + 1;
  for (int i = 0; i < n; i++) {
    in[i] = (i * 7) % 11;
    for (int k = 0; k < OUTPUTS; k++) out[k][i] = 0;
  }
  int chunks = 8, step = (n + chunks - 1) / chunks, rowStep = (rowsN + chunks - 1) / chunks;
  double sums[8] = {0};
  int counts[8] = {0}, calls[8] = {0};
  for (int c = 0; c < chunks; c++) {
    int lo = c * step, hi = lo + step < n ? lo + step : n;
    int rlo = c * rowStep, rhi = rlo + rowStep < rowsN ? rlo + rowStep : rowsN;
#pragma dosc task
    skip_first(out[0], in, lo, hi);
#pragma dosc task
    interior(out[1], in, lo, hi, n);
#pragma dosc task
    stop_at_end(out[2], in, lo, hi, n);
#pragma dosc task
    sums[c] = return_at_end(in, lo, hi, n);
#pragma dosc task
    jump_in_block(out[3], in, lo, hi, n);
#pragma dosc task
    rows_above(out[4], in, rlo, rhi, w);
#pragma dosc task
    row_interior(out[5], in, rlo, rhi, w);
#pragma dosc task
    inner_skips_by_outer(out[6], in, rlo, rhi, w);
#pragma dosc task
    switch_blocks(out[7], in, lo, hi, c % 2);
#pragma dosc task
    changed_after_test(out[8], in, lo, hi);
#pragma dosc task
    conditional_arms(out[9], in, lo, hi, n);
#pragma dosc task
    conditional_index(out[10], in, lo, hi, n);
#pragma dosc task
    counts[c] = short_circuits(in, lo, hi, n);
#pragma dosc task
    conditional_effects(out[11], in, lo, hi, &calls[c]);
#pragma dosc task
    label_after_test(out[12], in1, lo, hi, c % 2);
#pragma dosc task
    inner_continue(out[13], in1, lo, hi);
#pragma dosc task
    arm_may_fall_through(out[14], in1, lo, hi, c % 3 == 0);
#pragma dosc taskwait
#pragma dosc task
    test_changes_bound(out[15], in1, lo, hi);
#pragma dosc taskwait
#pragma dosc task
    after_break(out[15], in1, lo, hi, n);
#pragma dosc taskwait
  }
  double s = 0;
  long t = 0;
  for (int k = 0; k < OUTPUTS; k++)
    for (int i = 0; i < n; i++) s += out[k][i] * ((i % 17) + k + 1);
  for (int c = 0; c < chunks; c++) s += sums[c] * (c + 1), t += counts[c] * (c + 1) + calls[c];
  printf("narrowing %.1f %ld\n", s, t);
  return 0;
}
